package org.regionwise.experiments.paper;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.regionwise.experiments.io.AtomicFile;

/**
 * The figures' output files, each written whole or not at all ({@link AtomicFile}): a figure killed while
 * writing leaves the previous file (or none), never half a PNG or a CSV cut mid-row. Text is UTF-8 with
 * {@code \n} line ends on every platform, so reruns give byte-identical files.
 */
final class PaperFiles {
    private PaperFiles() {}

    /** Lines of text, each ended by {@code \n}. */
    static void writeLines(Path file, List<String> lines) throws IOException {
        AtomicFile.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            for (String line : lines) w.write(line + "\n");
            w.flush();
        });
    }

    /** A PNG. */
    static void writePng(Path file, BufferedImage image) throws IOException {
        AtomicFile.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer in this JDK for " + file);
        });
    }
}
