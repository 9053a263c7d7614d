package org.regionwise.experiments.paper;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws Fig. 3 for one map: a grid of panels, one row per training run and one column per time point, each
 * the shown validation slice coloured by the number of negative RW-gradient components per pixel (Fig. 2's
 * colours: 1 the expected single negative, 2 and 3 the wrong signs), after a first column with the slice's
 * labels. Plain {@link BufferedImage}; text is decoration and is left out on a JDK without fonts.
 */
final class NegativeCountPanels {
    /** Colours of 0, 1, 2 and 3 or more negative components (0 and 3 cannot occur together with 1, see SPEC.md 2). */
    static final Color[] COLOURS = {new Color(150, 150, 150), new Color(178, 216, 178), new Color(215, 48, 39), Color.BLACK};
    static final int LEFT = 80;
    static final int TOP = 56;
    static final int GAP = 14;
    static final int CELL_TITLE = 32;
    /** Narrowest column, so two-line cell titles fit above narrow slices. */
    static final int MIN_COLUMN = 120;
    static final int MIN_WIDTH = 820;
    static final int BOTTOM = 64;
    /** The longer side of a panel, in screen pixels. */
    static final int PANEL_SIDE = 200;

    private NegativeCountPanels() {}

    /** One panel: its title (one or two lines, split at {@code \n}) and per-pixel counts (row-major), or null counts for a blank panel. */
    record Cell(String title, int[] counts) {}

    /**
     * @param title    the figure's title; a second line after {@code \n} names what is shown
     * @param rowNames one per row (a run)
     * @param cells    rows of cells, all rows as long as {@code columnCount}
     * @param labels   the shown slice's labels, drawn first in every row
     */
    static BufferedImage render(String title, List<String> rowNames, List<List<Cell>> cells, int[] labels, int classes,
                                int height, int width) {
        int scale = Math.max(1, PANEL_SIDE / Math.max(height, width));
        int pw = width * scale, ph = height * scale, cw = Math.max(pw, MIN_COLUMN);
        int columns = 1 + cells.get(0).size();
        int imageWidth = LEFT + columns * (cw + GAP) + GAP;
        int imageHeight = TOP + cells.size() * (ph + CELL_TITLE + GAP) + BOTTOM;
        BufferedImage image = new BufferedImage(Math.max(imageWidth, MIN_WIDTH), imageHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
        } finally {
            g.dispose();
        }
        for (int r = 0; r < cells.size(); r++) {
            int y0 = TOP + r * (ph + CELL_TITLE + GAP) + CELL_TITLE;
            paint(image, LEFT, y0, scale, height, width, i -> labelColour(labels[i], classes));
            for (int c = 0; c < cells.get(r).size(); c++) {
                int[] counts = cells.get(r).get(c).counts();
                if (counts == null) continue; // not measured (the run diverged first): left blank
                paint(image, LEFT + (c + 1) * (cw + GAP), y0, scale, height, width, i -> COLOURS[Math.min(3, counts[i])].getRGB());
            }
        }
        try {
            text(image, title, rowNames, cells, cw, ph);
        } catch (RuntimeException | LinkageError | InternalError e) {
            // No fonts on this JDK: keep the picture without its words.
        }
        return image;
    }

    private interface PixelColour {
        int rgb(int pixel);
    }

    private static void paint(BufferedImage image, int x0, int y0, int scale, int height, int width, PixelColour colour) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = colour.rgb(y * width + x);
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) image.setRGB(x0 + x * scale + dx, y0 + y * scale + dy, rgb);
                }
            }
        }
    }

    /** Background white, the classes in darkening greys. */
    private static int labelColour(int label, int classes) {
        int v = label == 0 ? 255 : 200 - (label - 1) * 170 / Math.max(1, classes - 2);
        return new Color(v, v, v).getRGB();
    }

    private static void text(BufferedImage image, String title, List<String> rowNames, List<List<Cell>> cells, int cw, int ph) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            String[] lines = title.split("\n", 2);
            g.drawString(lines[0], 12, 22);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString((lines.length > 1 ? lines[1] + ": " : "") + "the labels, then each time point; x = image column, y = image row",
                    12, 40);
            for (int r = 0; r < cells.size(); r++) {
                int y0 = TOP + r * (ph + CELL_TITLE + GAP);
                g.drawString(rowNames.get(r), 8, y0 + CELL_TITLE + ph / 2);
                g.drawString("labels", LEFT, y0 + CELL_TITLE - 5);
                for (int c = 0; c < cells.get(r).size(); c++) {
                    String[] parts = cells.get(r).get(c).title().split("\n", 2);
                    int x = LEFT + (c + 1) * (cw + GAP);
                    g.drawString(parts[0], x, y0 + CELL_TITLE - (parts.length > 1 ? 18 : 5));
                    if (parts.length > 1) g.drawString(parts[1], x, y0 + CELL_TITLE - 5);
                }
            }
            int ly = image.getHeight() - BOTTOM + 24;
            String[] names = {"0 negative", "1 negative (expected)", "2 negatives", "3 or more"};
            int x = LEFT;
            g.drawString("negative gradient components per pixel:", 12, ly - 14);
            for (int n = 0; n < 4; n++) {
                g.setColor(COLOURS[n]);
                g.fillRect(x, ly - 10, 12, 12);
                g.setColor(Color.BLACK);
                g.drawString(names[n], x + 16, ly);
                x += g.getFontMetrics().stringWidth(names[n]) + 34;
            }
        } finally {
            g.dispose();
        }
    }
}
