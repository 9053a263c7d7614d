package org.regionwise.experiments.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A slice with its segmentations, side by side: {@code truth | prediction}. Each panel is the
 * windowed grey-scale image with every foreground class tinted and outlined in its
 * {@link ClassColours colour}; the background (class 0) is left untouched.
 *
 * <p>Pixels are enlarged by an integer factor without smoothing, and the outline is drawn one output
 * pixel wide on the enlarged grid, so borders stay crisp at any scale. Layout:
 * {@code width = 2 * slice.width * scale + GAP}, {@code height = HEADER + slice.height * scale}.
 */
public final class OverlayImage {

    /** Height of the caption strip above the panels, in pixels. */
    public static final int HEADER = 18;
    /** Height of the colour key below the panels, when class names are given, in pixels. */
    public static final int LEGEND = 18;
    /** Width of the white gap between the two panels, in pixels. */
    public static final int GAP = 4;
    /** How strongly a class colour tints the pixels inside it (the outline is opaque). */
    private static final double TINT = 0.3;

    static {
        Headless.ensure();
    }

    private OverlayImage() {
    }

    /**
     * The enlargement that makes the longer side at least 256 pixels, between 1 and 8: small
     * training slices become legible, large scans stay 1:1.
     */
    public static int defaultScale(int height, int width) {
        int longer = Math.max(height, width);
        return Math.max(1, Math.min(8, (256 + longer - 1) / longer));
    }

    /** Writes the picture with the default window ({@link IntensityWindow#of}) and scale. */
    public static void write(Path png, OverlaySlice slice) throws IOException {
        write(png, slice, IntensityWindow.of(slice.image()), defaultScale(slice.height(), slice.width()));
    }

    /** Writes the picture with the default window and scale and a colour key naming the foreground classes. */
    public static void write(Path png, OverlaySlice slice, List<String> classNames) throws IOException {
        BufferedImage image = render(slice, IntensityWindow.of(slice.image()), defaultScale(slice.height(), slice.width()));
        PngFiles.write(withLegend(image, classNames), png);
    }

    /**
     * {@code image} with a strip below it: a swatch in each foreground class's colour and the class's name, so a
     * reader can tell the classes apart without the source code.
     */
    public static BufferedImage withLegend(BufferedImage image, List<String> classNames) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight() + LEGEND, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(image, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            int x = 2;
            int top = image.getHeight() + 3;
            for (int c = 1; c < classNames.size(); c++) {
                g.setColor(ClassColours.of(c));
                g.fillRect(x, top, LEGEND - 6, LEGEND - 6);
                x += LEGEND - 3;
                g.setColor(Color.BLACK);
                g.drawString(classNames.get(c), x, top + LEGEND - 8);
                x += g.getFontMetrics().stringWidth(classNames.get(c)) + 10;
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Writes the picture with the given window and scale as a PNG. */
    public static void write(Path png, OverlaySlice slice, IntensityWindow window, int scale) throws IOException {
        PngFiles.write(render(slice, window, scale), png);
    }

    /**
     * The picture, {@code 2 * width * scale + GAP} by {@code HEADER + height * scale} pixels.
     *
     * @throws IllegalArgumentException for a scale outside 1..64
     */
    public static BufferedImage render(OverlaySlice slice, IntensityWindow window, int scale) {
        if (scale < 1 || scale > 64) {
            throw new IllegalArgumentException("scale must be 1..64, got " + scale);
        }
        int panelWidth = slice.width() * scale;
        int panelHeight = slice.height() * scale;
        BufferedImage out = new BufferedImage(2 * panelWidth + GAP, HEADER + panelHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            caption(g, "truth", 0);
            caption(g, "prediction", panelWidth + GAP);
        } finally {
            g.dispose();
        }
        paintPanel(out, slice, slice.truth(), window, scale, 0);
        paintPanel(out, slice, slice.prediction(), window, scale, panelWidth + GAP);
        return out;
    }

    private static void caption(Graphics2D g, String text, int left) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(text, left + 2, HEADER - 5);
    }

    /** Grey image, tint inside each class, opaque outline where the enlarged label changes. */
    private static void paintPanel(BufferedImage out, OverlaySlice slice, int[] labels, IntensityWindow window,
                                   int scale, int left) {
        int width = slice.width();
        int rows = slice.height() * scale;
        int columns = width * scale;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                int source = (y / scale) * width + x / scale;
                int grey = window.grey(slice.image()[source]);
                int label = labels[source];
                int rgb;
                if (label == 0) {
                    rgb = grey * 0x010101;
                } else if (onOutline(labels, width, rows, columns, scale, y, x, label)) {
                    rgb = ClassColours.of(label).getRGB() & 0xFFFFFF;
                } else {
                    rgb = tint(grey, ClassColours.of(label));
                }
                out.setRGB(left + x, HEADER + y, rgb);
            }
        }
    }

    /** Whether an enlarged pixel of class {@code label} has a 4-neighbour of another class or the edge. */
    private static boolean onOutline(int[] labels, int width, int rows, int columns, int scale, int y, int x, int label) {
        return differs(labels, width, rows, columns, scale, y - 1, x, label)
                || differs(labels, width, rows, columns, scale, y + 1, x, label)
                || differs(labels, width, rows, columns, scale, y, x - 1, label)
                || differs(labels, width, rows, columns, scale, y, x + 1, label);
    }

    private static boolean differs(int[] labels, int width, int rows, int columns, int scale, int y, int x, int label) {
        if (y < 0 || x < 0 || y >= rows || x >= columns) {
            return true; // a structure touching the border is closed there, as the eye expects
        }
        return labels[(y / scale) * width + x / scale] != label;
    }

    private static int tint(int grey, Color colour) {
        int r = (int) Math.round((1 - TINT) * grey + TINT * colour.getRed());
        int g = (int) Math.round((1 - TINT) * grey + TINT * colour.getGreen());
        int b = (int) Math.round((1 - TINT) * grey + TINT * colour.getBlue());
        return (r << 16) | (g << 8) | b;
    }
}
