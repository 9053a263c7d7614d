package org.regionwise.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.regionwise.experiments.io.NiftiDataType;
import org.regionwise.experiments.io.NiftiHeader;
import org.regionwise.experiments.io.NiftiImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way {@code regionwise maps} can be misused: one line on stderr, exit 1 (runtime) or 2 (usage). */
class MapsCommandErrorsTest {
    @TempDir
    Path dir;
    private String labels;
    private String out;

    @BeforeEach
    void writeLabels() throws IOException {
        labels = dir.resolve("labels.nii").toString();
        out = dir.resolve("map.nii.gz").toString();
        new NiftiImage(NiftiHeader.of(NiftiDataType.UINT8, 3, 3, 2), new float[] {0, 1, 1, 0, 2, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0})
                .write(Path.of(labels));
    }

    private void assertFails(int exitCode, String expectedText, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(exitCode, run.exitCode(), run.err());
        assertTrue(run.oneErrorLine(), "one line, no stack trace:\n" + run.err());
        assertTrue(run.err().contains(expectedText), run.err());
        assertFalse(Files.exists(Path.of(out)), "no output on failure");
    }

    @Test
    void aMissingFileIsARuntimeError() {
        assertFails(1, "no such file: " + dir.resolve("absent.nii"), "maps", "--label", dir.resolve("absent.nii").toString(), "--map", "rrw", "--out", out);
    }

    @Test
    void aFileThatIsNotNiftiIsARuntimeError() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.nii.gz"), "not an image");
        assertFails(1, text + ": ", "maps", "--label", text.toString(), "--map", "rrw", "--out", out);
    }

    @Test
    void aDirectoryIsARuntimeError() {
        assertFails(1, dir.toString(), "maps", "--label", dir.toString(), "--map", "rrw", "--out", out);
    }

    @Test
    void nonIntegerLabelsAreARuntimeError() throws IOException {
        Path soft = dir.resolve("soft.nii");
        new NiftiImage(NiftiHeader.of(NiftiDataType.FLOAT32, 2, 2), new float[] {0, 0.5f, 1, 1}).write(soft);
        assertFails(1, "not a label image", "maps", "--label", soft.toString(), "--map", "rrw", "--out", out);
    }

    @Test
    void aFourDimensionalLabelFileIsARuntimeError() throws IOException {
        Path fourD = dir.resolve("4d.nii");
        new NiftiImage(NiftiHeader.of(NiftiDataType.UINT8, 2, 2, 1, 2), new float[8]).write(fourD);
        assertFails(1, "at most 3 axes", "maps", "--label", fourD.toString(), "--map", "rrw", "--out", out);
    }

    @Test
    void anUnusableHeaderSpacingSuggestsTheOption() throws IOException {
        Path flat = dir.resolve("flat.nii");
        NiftiHeader h = NiftiHeader.of(NiftiDataType.UINT8, 2, 2, 2);
        h = new NiftiHeader(h.dims(), new float[] {1, 1, 0, 1, 1, 1, 1, 1}, h.dataType(), 352, 1, 0, 2, "", h.geometry(), h.byteOrder());
        new NiftiImage(h, new float[8]).write(flat);
        assertFails(1, "--spacing", "maps", "--label", flat.toString(), "--map", "rrw", "--out", out);
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertFails(2, "Missing required option", "maps", "--label", labels);
        assertFails(2, "unknown map kind 'fancy'", "maps", "--label", labels, "--map", "fancy", "--out", out);
        assertFails(2, "--spacing", "maps", "--label", labels, "--map", "rrw", "--out", out, "--spacing", "1,1");
        assertFails(2, "--spacing", "maps", "--label", labels, "--map", "rrw", "--out", out, "--spacing", "1,-1,1");
        assertFails(2, "--classes 2 is too few", "maps", "--label", labels, "--map", "rrw", "--out", out, "--classes", "2");
        assertFails(2, "needs --weights", "maps", "--label", labels, "--map", "rrw-weighted", "--out", out);
        assertFails(2, "--weights has 2 values for 3 classes", "maps", "--label", labels, "--map", "rrw-weighted", "--out", out, "--weights", "1,2");
        assertFails(2, "only to --map rrw-weighted", "maps", "--label", labels, "--map", "rrw", "--out", out, "--weights", "1,2,3");
        assertFails(2, "--threads", "maps", "--label", labels, "--map", "rrw", "--out", out, "--threads", "0");
        assertFails(2, "must end in .nii", "maps", "--label", labels, "--map", "rrw", "--out", dir.resolve("map.png").toString());
        assertFails(2, "Unknown option", "maps", "--label", labels, "--map", "rrw", "--out", out, "--fast");
    }

    @Test
    void weightsBelowZeroAreRejectedByTheMapsModule() {
        assertFails(1, "must be finite and >= 0", "maps", "--label", labels, "--map", "rrw-weighted", "--out", out, "--weights", "1,-2,3");
    }
}
