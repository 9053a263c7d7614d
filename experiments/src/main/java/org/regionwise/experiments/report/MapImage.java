package org.regionwise.experiments.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One channel of a Region-wise map on a slice, in a diverging colour scale (negative blue, zero
 * white, positive red) symmetric about zero, with a labelled colour bar on the right and a title
 * above. The scale runs from {@code -limit} to {@code +limit}, by default the largest magnitude in
 * the channel, so equal colours mean equal values within one picture.
 *
 * <p>Layout: {@code width = slice width * scale + COLOUR_BAR}, {@code height = HEADER + slice height * scale}.
 * Non-finite values draw black.
 */
public final class MapImage {

    /** Height of the title strip, in pixels. */
    public static final int HEADER = 18;
    /** Width of the strip on the right that holds the colour bar and its labels, in pixels. */
    public static final int COLOUR_BAR = 84;
    private static final int BAR_LEFT = 10;
    private static final int BAR_WIDTH = 14;

    static {
        Headless.ensure();
    }

    private MapImage() {
    }

    /**
     * Channel {@code k} of a channel-major map {@code float[classes * height * width]} (the layout of
     * {@code RegionMaps}), copied out.
     *
     * @throws IllegalArgumentException when the map does not hold that channel
     */
    public static float[] channel(float[] maps, int k, int height, int width) {
        int n = Math.multiplyExact(height, width);
        if (maps == null || n < 1 || maps.length % n != 0 || k < 0 || (long) (k + 1) * n > maps.length) {
            throw new IllegalArgumentException("a map of " + (maps == null ? "null" : maps.length) + " values has no channel "
                    + k + " of " + height + "x" + width);
        }
        float[] out = new float[n];
        System.arraycopy(maps, k * n, out, 0, n);
        return out;
    }

    /**
     * Axial slice {@code z} of channel {@code k} of a channel-major 3D map
     * {@code float[classes * depth * height * width]}, copied out.
     *
     * @throws IllegalArgumentException when the map does not hold that channel or slice
     */
    public static float[] channel(float[] maps, int k, int z, int depth, int height, int width) {
        if (z < 0 || z >= depth) {
            throw new IllegalArgumentException("slice " + z + " is outside a map of depth " + depth);
        }
        float[] volume = channel(maps, k, Math.multiplyExact(depth, height), width);
        float[] out = new float[height * width];
        System.arraycopy(volume, z * out.length, out, 0, out.length);
        return out;
    }

    /** Writes the picture with the default scale ({@link OverlayImage#defaultScale}) and limit. */
    public static void write(Path png, float[] values, int height, int width, String title) throws IOException {
        write(png, values, height, width, title, OverlayImage.defaultScale(height, width), Double.NaN);
    }

    /**
     * Writes the picture as a PNG.
     *
     * @param limit the magnitude drawn fully blue or red; NaN for the channel's largest magnitude
     */
    public static void write(Path png, float[] values, int height, int width, String title, int scale, double limit)
            throws IOException {
        PngFiles.write(render(values, height, width, title, scale, limit), png);
    }

    /**
     * The picture, {@code width * scale + COLOUR_BAR} by {@code HEADER + height * scale} pixels.
     *
     * @throws IllegalArgumentException on a size mismatch, a scale outside 1..64 or a limit that is
     *                                  neither NaN nor positive and finite
     */
    public static BufferedImage render(float[] values, int height, int width, String title, int scale, double limit) {
        if (height < 1 || width < 1 || values == null || values.length != (long) height * width) {
            throw new IllegalArgumentException("a " + height + "x" + width + " map needs " + ((long) height * width)
                    + " values, got " + (values == null ? "null" : values.length));
        }
        if (scale < 1 || scale > 64) {
            throw new IllegalArgumentException("scale must be 1..64, got " + scale);
        }
        if (!Double.isNaN(limit) && !(limit > 0 && Double.isFinite(limit))) {
            throw new IllegalArgumentException("the colour limit must be positive and finite (or NaN for automatic), got " + limit);
        }
        double range = Double.isNaN(limit) ? largestMagnitude(values) : limit;
        int panelWidth = width * scale;
        int panelHeight = height * scale;
        BufferedImage out = new BufferedImage(panelWidth + COLOUR_BAR, HEADER + panelHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setColor(Color.BLACK);
            g.drawString(title == null ? "" : title, 2, HEADER - 5);
            colourBar(g, panelWidth, panelHeight, range);
        } finally {
            g.dispose();
        }
        for (int y = 0; y < panelHeight; y++) {
            for (int x = 0; x < panelWidth; x++) {
                float v = values[(y / scale) * width + x / scale];
                out.setRGB(x, HEADER + y, Float.isFinite(v) ? DivergingColours.rgb(v / range) : 0);
            }
        }
        return out;
    }

    /** The largest finite |value|, or 1 for an all-zero (or all non-finite) channel so the scale is defined. */
    static double largestMagnitude(float[] values) {
        double max = 0;
        for (float v : values) {
            if (Float.isFinite(v)) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max > 0 ? max : 1;
    }

    /** A vertical bar from +range (top) to -range (bottom), labelled at both ends and at zero. */
    private static void colourBar(Graphics2D g, int panelWidth, int panelHeight, double range) {
        int left = panelWidth + BAR_LEFT;
        for (int y = 0; y < panelHeight; y++) {
            double t = panelHeight == 1 ? 0 : 1 - 2.0 * y / (panelHeight - 1);
            g.setColor(DivergingColours.colour(t));
            g.fillRect(left, HEADER + y, BAR_WIDTH, 1);
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, HEADER, BAR_WIDTH - 1, panelHeight - 1);
        FontMetrics metrics = g.getFontMetrics();
        int labelLeft = left + BAR_WIDTH + 4;
        int ascent = metrics.getAscent();
        g.drawString(label(range), labelLeft, HEADER + ascent);
        g.drawString("0", labelLeft, HEADER + panelHeight / 2 + ascent / 2);
        g.drawString(label(-range), labelLeft, HEADER + panelHeight);
    }

    private static String label(double value) {
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
