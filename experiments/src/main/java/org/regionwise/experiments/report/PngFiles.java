package org.regionwise.experiments.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.regionwise.experiments.io.AtomicFile;

/** Writes PNG files whole or not at all, creating their folder. */
final class PngFiles {

    private PngFiles() {
    }

    /**
     * Writes {@code image} to {@code file} as PNG. The bytes go to a temporary file beside it first and
     * are moved into place, so a reader (or a crash) never sees half a picture.
     *
     * @throws IOException when the folder cannot be created or the file cannot be written
     */
    static void write(BufferedImage image, Path file) throws IOException {
        AtomicFile.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException(file + ": no PNG writer for image type " + image.getType());
            }
        });
    }
}
