package org.regionwise.experiments.paper;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Draws Fig. 4: two panels, the RW gradient (left) and the cross-entropy gradient (right) of the true
 * class's logit, each over the 3-class simplex drawn as the triangle {@code s1 + s3 < 1} with {@code s3}
 * (the true class) on the horizontal axis and {@code s1} on the vertical one ({@code s2 = 1 - s1 - s3}), as
 * the paper's lower/upper triangles; each with its own colour bar (RW's range is a quarter of cross
 * entropy's). The RW panel marks the saddle point found on the grid and the valley line through it.
 * Plain {@link BufferedImage}; text is decoration and is left out on a JDK without fonts.
 */
final class GradientTriangles {
    static final int PANEL_WIDTH = 500;
    static final int HEIGHT = 500;
    private static final int PLOT = 300;
    private static final int PLOT_LEFT = 80;
    private static final int PLOT_TOP = 70;
    private static final int BAR_LEFT = PLOT_LEFT + PLOT + 40;
    private static final int BAR_WIDTH = 16;
    private static final Color AXIS = new Color(60, 60, 60);

    private GradientTriangles() {}

    /** The two panels of {@code result}. */
    static BufferedImage render(Fig4.Result result) {
        BufferedImage image = new BufferedImage(2 * PANEL_WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
        } finally {
            g.dispose();
        }
        double[] z = result.z();
        fill(image, 0, result.rw().min(), s -> TrueLogitGradient.rw(s, z, Fig4.TRUE_CLASS));
        fill(image, PANEL_WIDTH, result.ce().min(), s -> TrueLogitGradient.crossEntropy(s, Fig4.TRUE_CLASS));
        bar(image, 0);
        bar(image, PANEL_WIDTH);
        lines(image, result);
        try {
            text(image, result);
        } catch (RuntimeException | LinkageError | InternalError e) {
            // No fonts on this JDK: keep the picture without its words.
        }
        return image;
    }

    private interface Gradient {
        double at(double[] s);
    }

    /** Every pixel inside the triangle, coloured by the gradient at its centre over {@code [min, 0]}. */
    private static void fill(BufferedImage image, int left, double min, Gradient gradient) {
        for (int py = PLOT_TOP; py < PLOT_TOP + PLOT; py++) {
            for (int px = left + PLOT_LEFT; px < left + PLOT_LEFT + PLOT; px++) {
                double s3 = (px + 0.5 - left - PLOT_LEFT) / PLOT;
                double s1 = (PLOT_TOP + PLOT - (py + 0.5)) / PLOT;
                double s2 = 1 - s1 - s3;
                if (s2 <= 0) continue;
                image.setRGB(px, py, SequentialColours.rgb(gradient.at(new double[] {s1, s2, s3}) / min));
            }
        }
    }

    private static void bar(BufferedImage image, int left) {
        for (int py = PLOT_TOP; py < PLOT_TOP + PLOT; py++) {
            double t = (py + 0.5 - PLOT_TOP) / PLOT; // top 0, bottom the minimum
            for (int px = left + BAR_LEFT; px < left + BAR_LEFT + BAR_WIDTH; px++) image.setRGB(px, py, SequentialColours.rgb(t));
        }
    }

    /** Axes, the triangle's hypotenuse, the valley line and the saddle marker. */
    private static void lines(BufferedImage image, Fig4.Result result) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            for (int left : new int[] {0, PANEL_WIDTH}) {
                g.setColor(AXIS);
                int x0 = left + PLOT_LEFT, y0 = PLOT_TOP + PLOT;
                g.drawLine(x0, y0, x0 + PLOT, y0);
                g.drawLine(x0, y0, x0, PLOT_TOP);
                g.drawLine(x0, PLOT_TOP, x0 + PLOT, y0);
                for (int k = 0; k <= 4; k++) {
                    int at = k * PLOT / 4;
                    g.drawLine(x0 + at, y0, x0 + at, y0 + 5);
                    g.drawLine(x0 - 5, y0 - at, x0, y0 - at);
                }
                g.drawRect(left + BAR_LEFT, PLOT_TOP, BAR_WIDTH, PLOT);
            }
            Fig4.Saddle saddle = result.saddle();
            int sx = PLOT_LEFT + (int) Math.round(saddle.sTrue() * PLOT);
            int top = PLOT_TOP + (int) Math.round(saddle.sTrue() * PLOT); // the hypotenuse at s3 = sTrue: s1 = 1 - sTrue
            g.setColor(new Color(215, 48, 39));
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 5f}, 0f));
            g.drawLine(sx, PLOT_TOP + PLOT, sx, top);
            g.setStroke(new BasicStroke(2f));
            int sy = PLOT_TOP + PLOT - (int) Math.round(saddle.point()[0] * PLOT);
            g.setColor(Color.WHITE);
            g.fillOval(sx - 6, sy - 6, 12, 12);
            g.setColor(new Color(215, 48, 39));
            g.drawOval(sx - 6, sy - 6, 12, 12);
        } finally {
            g.dispose();
        }
    }

    private static void text(BufferedImage image, Fig4.Result result) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString("Fig. 4: gradient of the true-class logit x3 over the softmax simplex (true class 3)", 20, 22);
            String[] titles = {"RW loss, RRW vector z = " + Fig4.vector(result.z()), "Cross entropy, label y = (0, 0, 1)"};
            double[] mins = {result.rw().min(), result.ce().min()};
            for (int p = 0; p < 2; p++) {
                int left = p * PANEL_WIDTH;
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
                g.drawString(titles[p], left + PLOT_LEFT - 30, PLOT_TOP - 22);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                int x0 = left + PLOT_LEFT, y0 = PLOT_TOP + PLOT;
                for (int k = 0; k <= 4; k++) {
                    String tick = String.format(Locale.ROOT, "%.2f", k / 4.0);
                    g.drawString(tick, x0 + k * PLOT / 4 - 12, y0 + 18);
                    g.drawString(tick, x0 - 36, y0 - k * PLOT / 4 + 4);
                }
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                g.drawString("s3, softmax of the true class", x0 + 70, y0 + 38);
                AffineTransform saved = g.getTransform();
                g.rotate(-Math.PI / 2, left + 30, PLOT_TOP + PLOT / 2.0);
                g.drawString("s1  (s2 = 1 - s1 - s3)", left + 30 - 65, PLOT_TOP + PLOT / 2 + 4);
                g.setTransform(saved);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                int bx = left + BAR_LEFT + BAR_WIDTH + 4;
                g.drawString("dL/dx3", left + BAR_LEFT - 10, PLOT_TOP - 6);
                g.drawString("0", bx, PLOT_TOP + 8);
                g.drawString(String.format(Locale.ROOT, "%.2f", mins[p] / 2), bx, PLOT_TOP + PLOT / 2 + 4);
                g.drawString(String.format(Locale.ROOT, "%.2f", mins[p]), bx, PLOT_TOP + PLOT);
            }
            // Legend, under the RW panel.
            Fig4.Saddle saddle = result.saddle();
            int ly = PLOT_TOP + PLOT + 62;
            g.setColor(new Color(215, 48, 39));
            g.drawOval(PLOT_LEFT - 40, ly - 10, 12, 12);
            g.drawLine(PLOT_LEFT - 42, ly + 18, PLOT_LEFT - 28, ly + 18);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "saddle point found on the grid: s = %s, RW gradient %.3f",
                    Fig4.vector(saddle.point()), saddle.gradient()), PLOT_LEFT - 22, ly);
            g.drawString(String.format(Locale.ROOT, "valley line s3 = %.3f: most negative RW gradient, turning up beyond it",
                    saddle.sTrue()), PLOT_LEFT - 22, ly + 22);
            g.drawString("CE: no turning point, more negative the farther s is from the label", PANEL_WIDTH + PLOT_LEFT - 22, ly);
        } finally {
            g.dispose();
        }
    }
}
