package org.regionwise.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reads a written PNG back, the way a viewer would, and checks its size. */
final class PngAssertions {

    private PngAssertions() {
    }

    static BufferedImage readPng(Path file, int width, int height) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes.length > 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G',
                file + " starts with the PNG signature");
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " is a readable image");
        assertEquals(width, image.getWidth(), "width of " + file);
        assertEquals(height, image.getHeight(), "height of " + file);
        try (var siblings = Files.list(file.toAbsolutePath().getParent())) {
            assertTrue(siblings.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no partial file left");
        }
        return image;
    }

    /** Whether the picture has more than one colour: something was drawn. */
    static boolean hasContent(BufferedImage image) {
        int first = image.getRGB(0, 0);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) != first) {
                    return true;
                }
            }
        }
        return false;
    }
}
