package org.regionwise.experiments.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One map channel in a diverging scale: layout, sign to colour, the channel of a channel-major map. */
class MapImageTest {
    @TempDir
    Path dir;

    @Test
    void writesAReadablePngOfTheDocumentedSize() throws IOException {
        float[] values = new float[5 * 7];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 7) - 3f;
        }
        Path png = dir.resolve("map.png");
        MapImage.write(png, values, 5, 7, "RRW, class 1");
        int scale = OverlayImage.defaultScale(5, 7);
        BufferedImage image = PngAssertions.readPng(png, 7 * scale + MapImage.COLOUR_BAR, MapImage.HEADER + 5 * scale);
        assertTrue(PngAssertions.hasContent(image));
    }

    @Test
    void negativeIsBlueZeroIsWhitePositiveIsRed() {
        float[] values = {-2, 0, 2, 1};
        BufferedImage image = MapImage.render(values, 1, 4, "t", 2, Double.NaN);
        Color negative = new Color(image.getRGB(0, MapImage.HEADER));
        Color zero = new Color(image.getRGB(2, MapImage.HEADER));
        Color positive = new Color(image.getRGB(4, MapImage.HEADER));
        Color half = new Color(image.getRGB(6, MapImage.HEADER));
        assertTrue(negative.getBlue() > negative.getRed() + 100, negative.toString());
        assertTrue(positive.getRed() > positive.getBlue() + 100, positive.toString());
        assertTrue(zero.getRed() > 240 && zero.getGreen() > 240 && zero.getBlue() > 240, zero.toString());
        assertEquals(new Color(DivergingColours.rgb(0.5)), half, "the automatic limit is the largest magnitude");
        assertEquals(new Color(DivergingColours.rgb(1)), new Color(MapImage.render(values, 1, 4, "t", 1, 1.0).getRGB(3, MapImage.HEADER)),
                "an explicit limit saturates what lies beyond it");
    }

    @Test
    void channelCopiesOneClassOfAChannelMajorMap() {
        float[] maps = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        assertArrayEquals(new float[] {5, 6, 7, 8}, MapImage.channel(maps, 1, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> MapImage.channel(maps, 3, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> MapImage.channel(maps, 0, 5, 1));
        // Channel 1 of a 2-class map of 3 slices of 1x2: slice 2 of it.
        assertArrayEquals(new float[] {11, 12}, MapImage.channel(maps, 1, 2, 3, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> MapImage.channel(maps, 1, 3, 3, 1, 2));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> MapImage.render(new float[3], 2, 2, "", 1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> MapImage.render(new float[4], 2, 2, "", 1, -1));
        assertThrows(IllegalArgumentException.class, () -> MapImage.render(new float[4], 2, 2, "", 65, Double.NaN));
    }
}
