package org.regionwise.experiments.paper;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.regionwise.experiments.io.AtomicFile;

/**
 * Draws Fig. 2: one triangle per map, the 3-class simplex with vertex {@code k} at softmax {@code e_k}
 * (class 1 bottom left, class 2 bottom right, class 3 top, numbered from 1 as in the paper), every pixel
 * inside coloured by the number of negative components of the RW gradient there. Plain
 * {@link BufferedImage} and {@link ImageIO}, headless.
 */
final class SimplexImage {
    static final int PANEL_WIDTH = 420;
    static final int PANEL_HEIGHT = 440;
    private static final int SIDE = 360;
    private static final int MARGIN_X = 30;
    private static final int BASE_Y = 390;
    /** Colours for 0, 1, 2 and 3 negative components. */
    static final Color[] COLOURS = {new Color(150, 150, 150), new Color(178, 216, 178), new Color(215, 48, 39), Color.BLACK};

    private SimplexImage() {}

    /** One panel: a title and the map vector it sweeps. */
    record Panel(String title, double[] z) {}

    static BufferedImage render(List<Panel> panels) {
        BufferedImage image = new BufferedImage(PANEL_WIDTH * panels.size(), PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        double height = SIDE * Math.sqrt(3) / 2;
        for (int p = 0; p < panels.size(); p++) {
            double[] z = panels.get(p).z();
            int left = p * PANEL_WIDTH;
            for (int py = 0; py < PANEL_HEIGHT; py++) {
                for (int px = left; px < left + PANEL_WIDTH; px++) {
                    // Barycentric coordinates of the pixel centre: vertex 0 at (0, 0), 1 at (SIDE, 0), 2 at (SIDE/2, height).
                    double x = px + 0.5 - left - MARGIN_X;
                    double y = BASE_Y - (py + 0.5);
                    double s2 = y / height;
                    double s1 = (x - s2 * SIDE / 2) / SIDE;
                    double s0 = 1 - s1 - s2;
                    boolean inside = s0 > 0 && s1 > 0 && s2 > 0;
                    int rgb = inside ? COLOURS[SimplexSweep.negatives(s0, s1, s2, z)].getRGB() : Color.WHITE.getRGB();
                    image.setRGB(px, py, rgb);
                }
            }
        }
        label(image, panels);
        return image;
    }

    /**
     * Titles, vertex names and the legend. Text is decoration: on a JDK without usable fonts the image is
     * still written, unlabelled.
     */
    private static void label(BufferedImage image, List<Panel> panels) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            for (int p = 0; p < panels.size(); p++) {
                int left = p * PANEL_WIDTH;
                g.drawString(panels.get(p).title(), left + 10, 18);
                g.drawString("class 1", left + MARGIN_X - 20, BASE_Y + 18);
                g.drawString("class 2", left + MARGIN_X + SIDE - 25, BASE_Y + 18);
                g.drawString("class 3 (true)", left + MARGIN_X + SIDE / 2 - 40, BASE_Y - (int) (SIDE * Math.sqrt(3) / 2) - 6);
            }
            String[] names = {"0", "1 negative", "2 negatives", "3"};
            int x = 10;
            for (int n = 1; n <= 2; n++) {
                g.setColor(COLOURS[n]);
                g.fillRect(x, PANEL_HEIGHT - 16, 12, 12);
                g.setColor(Color.BLACK);
                g.drawString(names[n], x + 16, PANEL_HEIGHT - 5);
                x += 110;
            }
        } catch (RuntimeException | LinkageError | InternalError e) {
            // No fonts on this JDK: keep the unlabelled image.
        } finally {
            g.dispose();
        }
    }

    static void write(BufferedImage image, Path file) throws IOException {
        AtomicFile.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this JDK for " + file);
            }
        });
    }
}
