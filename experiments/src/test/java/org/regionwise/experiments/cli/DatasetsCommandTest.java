package org.regionwise.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.regionwise.experiments.io.NiftiDataType;
import org.regionwise.experiments.io.NiftiHeader;
import org.regionwise.experiments.io.NiftiImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code regionwise datasets}: the default data set (here its phantom fallback), an nnU-Net folder, and misuse. */
class DatasetsCommandTest {
    @TempDir
    Path dir;

    @Test
    void withoutTemplatesItDescribesThePhantomAndWarnsOnStderr() {
        CliRun run = CliRun.of("datasets", "--templates", dir.toString(), "--scale", "4");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.oneErrorLine(), run.err());
        assertTrue(run.err().startsWith("regionwise datasets: warning: ") && run.err().contains("phantom"), run.err());
        assertTrue(run.out().contains("(generated phantom, not real data)"), run.out());
        assertTrue(run.out().contains("classes: 0 background, 1 cortex, 2 deep grey matter, 3 cerebellum"), run.out());
        assertTrue(run.out().contains("train: ") && run.out().contains("slices of 48x24"), run.out());
        assertTrue(run.out().contains("validation: "), run.out());
    }

    @Test
    void describesAnNnUnetFolder() throws IOException {
        writeFolder(dir);
        CliRun run = CliRun.of("datasets", "--data", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().contains("data set: Two (nnU-Net raw)"), run.out());
        assertTrue(run.out().contains("classes: 0 background, 1 organ"), run.out());
        assertTrue(run.out().contains("train: 2 slices of 3x4 (HxW) from 1 volume(s); background 50.00%, organ 50.00%"), run.out());
        assertTrue(run.out().contains("validation: 2 slices"), run.out());
    }

    @Test
    void aBrokenFolderIsOneLineAndExit1() throws IOException {
        writeFolder(dir);
        Files.writeString(dir.resolve("dataset.json"), "{\"labels\": ");
        CliRun run = CliRun.of("datasets", "--data", dir.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.oneErrorLine(), run.err());
        assertTrue(run.err().startsWith("regionwise datasets: error: " + dir.resolve("dataset.json") + ": invalid JSON"), run.err());
    }

    @Test
    void aMissingFolderIsOneLineAndExit1() {
        CliRun run = CliRun.of("datasets", "--data", dir.resolve("absent").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.oneErrorLine(), run.err());
        assertTrue(run.err().contains(dir.resolve("absent").toString()), run.err());
    }

    @Test
    void badOptionsAreUsageErrors() {
        for (String[] args : new String[][] {{"datasets", "--scale", "5"}, {"datasets", "--scale", "x"},
                {"datasets", "--data", dir.toString(), "--scale", "2"}, {"datasets", "--validation-fraction", "1"}}) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.oneErrorLine(), run.err());
        }
    }

    /** Two cases of 4x3x2 voxels, one channel, labels half organ. */
    private static void writeFolder(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("imagesTr"));
        Files.createDirectories(dir.resolve("labelsTr"));
        Files.writeString(dir.resolve("dataset.json"), """
                {"name": "Two", "channel_names": {"0": "CT"}, "labels": {"background": 0, "organ": 1},
                 "numTraining": 2, "file_ending": ".nii.gz"}
                """);
        float[] image = new float[24], labels = new float[24];
        for (int i = 0; i < 24; i++) {
            image[i] = i * i;
            labels[i] = i % 2;
        }
        for (String id : new String[] {"p1", "p2"}) {
            new NiftiImage(NiftiHeader.of(NiftiDataType.FLOAT32, 4, 3, 2), image).write(dir.resolve("imagesTr/" + id + "_0000.nii.gz"));
            new NiftiImage(NiftiHeader.of(NiftiDataType.UINT8, 4, 3, 2), labels).write(dir.resolve("labelsTr/" + id + ".nii.gz"));
        }
    }
}
