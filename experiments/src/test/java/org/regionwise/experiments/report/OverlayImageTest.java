package org.regionwise.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The truth | prediction picture: layout, untouched background, tinted interiors, crisp outlines. */
class OverlayImageTest {
    private static final int H = 6, W = 8;

    @TempDir
    Path dir;

    /** A horizontal ramp image; truth: class 1 in rows 1-4, columns 1-4; prediction: class 2 in rows 2-3, columns 4-6. */
    private static OverlaySlice slice() {
        float[] image = new float[H * W];
        int[] truth = new int[H * W];
        int[] prediction = new int[H * W];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                image[y * W + x] = x * 10;
                truth[y * W + x] = y >= 1 && y <= 4 && x >= 1 && x <= 4 ? 1 : 0;
                prediction[y * W + x] = y >= 2 && y <= 3 && x >= 4 && x <= 6 ? 2 : 0;
            }
        }
        return new OverlaySlice(H, W, image, truth, prediction);
    }

    @Test
    void writesAReadablePngOfTheDocumentedSizeHeadless() throws IOException {
        Path png = dir.resolve("sub/overlay.png");
        OverlayImage.write(png, slice());
        int scale = OverlayImage.defaultScale(H, W);
        assertEquals(8, scale, "small slices are enlarged, at most 8x");
        BufferedImage image = PngAssertions.readPng(png, 2 * W * scale + OverlayImage.GAP, OverlayImage.HEADER + H * scale);
        assertTrue(PngAssertions.hasContent(image));
        assertTrue(GraphicsEnvironment.isHeadless(), "reports render without a display");
    }

    @Test
    void backgroundIsTheWindowedImageAndClassesAreTintedAndOutlined() {
        IntensityWindow window = new IntensityWindow(0, 70);
        int scale = 3;
        BufferedImage image = OverlayImage.render(slice(), window, scale);
        // Background pixel (row 0, column 7) in the truth panel: pure grey of intensity 70 = white.
        assertEquals(0xFFFFFF, rgb(image, 0, 0, 7, 1, 1, scale));
        // Background pixel (row 5, column 2): grey of 20 / 70.
        int grey = window.grey(20);
        assertEquals(grey * 0x010101, rgb(image, 0, 5, 2, 1, 1, scale));
        // Class 1 interior (row 2, column 2), middle of the enlarged pixel: tinted, not grey, not the outline.
        int interior = rgb(image, 0, 2, 2, 1, 1, scale);
        assertTrue(interior != grey * 0x010101 && interior != (ClassColours.of(1).getRGB() & 0xFFFFFF), Integer.toHexString(interior));
        // Class 1 top edge (row 1): its first enlarged row is the opaque outline.
        assertEquals(ClassColours.of(1).getRGB() & 0xFFFFFF, rgb(image, 0, 1, 2, 0, 1, scale));
        // ... but not its middle row: the outline is one output pixel wide whatever the scale.
        assertTrue(rgb(image, 0, 1, 2, 1, 1, scale) != (ClassColours.of(1).getRGB() & 0xFFFFFF));
        // The prediction panel shows class 2 where the truth panel shows background.
        assertEquals(ClassColours.of(2).getRGB() & 0xFFFFFF, rgb(image, 1, 2, 6, 1, 2, scale));
        assertEquals(window.grey(60) * 0x010101, rgb(image, 0, 2, 6, 1, 2, scale));
    }

    @Test
    void theColourKeyShowsEachForegroundClassInItsColour() {
        BufferedImage panels = OverlayImage.render(slice(), new IntensityWindow(0, 70), 4);
        BufferedImage keyed = OverlayImage.withLegend(panels, java.util.List.of("background", "disk", "bar"));
        assertEquals(panels.getHeight() + OverlayImage.LEGEND, keyed.getHeight());
        assertEquals(panels.getRGB(5, panels.getHeight() - 1), keyed.getRGB(5, panels.getHeight() - 1), "panels unchanged");
        int swatchY = panels.getHeight() + 3 + (OverlayImage.LEGEND - 6) / 2;
        assertEquals(ClassColours.of(1).getRGB() & 0xFFFFFF, keyed.getRGB(4, swatchY) & 0xFFFFFF, "class 1's swatch comes first");
        boolean secondSwatch = false;
        for (int x = 20; x < keyed.getWidth(); x++) {
            if ((keyed.getRGB(x, swatchY) & 0xFFFFFF) == (ClassColours.of(2).getRGB() & 0xFFFFFF)) secondSwatch = true;
        }
        assertTrue(secondSwatch, "class 2's swatch follows its neighbour's name");
    }

    @Test
    void rejectsMismatchedOrNegativeLabels() {
        assertThrows(IllegalArgumentException.class, () -> new OverlaySlice(2, 2, new float[4], new int[3], new int[4]));
        assertThrows(IllegalArgumentException.class, () -> new OverlaySlice(2, 2, new float[4], new int[] {0, -1, 0, 0}, new int[4]));
        assertThrows(IllegalArgumentException.class, () -> OverlayImage.render(slice(), new IntensityWindow(0, 1), 0));
    }

    @Test
    void axialSlicesComeOutOfAVolumeAndTheBusiestIsFound() {
        int depth = 3;
        int n = H * W;
        float[] image = new float[depth * n];
        int[] truth = new int[depth * n];
        int[] prediction = new int[depth * n];
        for (int i = 0; i < image.length; i++) {
            image[i] = i;
        }
        truth[n + 5] = 1;
        truth[2 * n + 1] = 2;
        truth[2 * n + 2] = 1;
        prediction[2 * n] = 3;
        OverlaySlice s = OverlaySlice.axial(depth, H, W, 2, image, truth, prediction);
        assertEquals(2 * n, s.image()[0]);
        assertEquals(2, s.truth()[1]);
        assertEquals(3, s.prediction()[0]);
        assertEquals(2, OverlaySlice.mostForegroundSlice(truth, depth, H, W));
        assertEquals(0, OverlaySlice.mostForegroundSlice(new int[depth * n], depth, H, W));
        assertThrows(IllegalArgumentException.class, () -> OverlaySlice.axial(depth, H, W, 3, image, truth, prediction));
    }

    /** The colour at sub-pixel (dy, dx) of source pixel (row, column) in panel 0 (truth) or 1 (prediction). */
    private static int rgb(BufferedImage image, int panel, int row, int column, int dy, int dx, int scale) {
        int left = panel * (W * scale + OverlayImage.GAP);
        return image.getRGB(left + column * scale + dx, OverlayImage.HEADER + row * scale + dy) & 0xFFFFFF;
    }
}
