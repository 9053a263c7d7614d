package org.regionwise.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.experiments.io.CheckpointFile;
import org.regionwise.experiments.io.NiftiImage;
import org.regionwise.experiments.io.NiftiReader;
import org.regionwise.experiments.train.DataSpec;

/**
 * {@code train --spacing} on an nnU-Net folder: the slices are resampled to it, the checkpoint records it,
 * evaluate reloads the data the same way, and predict resamples a native image to it and back.
 */
@ExtendWith(RestoresDefaultBackend.class)
class TrainSpacingCommandTest {
    @TempDir
    Path dir;

    @Test
    void aFolderTrainedAtTwoMillimetresRecordsItAndPredictResamplesToIt() throws IOException {
        Path data = TinyRawDataset.write(dir.resolve("Dataset002_Tiny"), 3); // 16 x 16 x 6 at 1 x 1 x 2 mm
        Path run = dir.resolve("run");
        CliRun trained = CliRun.of("train", "--data", data.toString(), "--spacing", "2,2", "--levels", "3", "--base-filters", "4",
                "--epochs", "1", "--steps-per-epoch", "1", "--batch", "2", "--threads", "1", "--out", run.toString());
        assertEquals(0, trained.exitCode(), trained.err());
        assertTrue(trained.out().contains("each slice resampled in-plane to 2 x 2 mm"), trained.out());

        DataSpec spec = CheckpointFile.read(run.resolve("checkpoint.npz")).data();
        assertArrayEquals(new double[] {2, 2}, spec.spacing(), 0);
        assertArrayEquals(new double[] {2, 2}, spec.resampledTo(), 0);
        assertEquals(8, spec.patchHeight(), "16 rows at 1 mm are 8 at 2 mm");

        CliRun evaluated = CliRun.of("evaluate", "--model", run.resolve("checkpoint.npz").toString(), "--out",
                dir.resolve("eval").toString(), "--threads", "1");
        assertEquals(0, evaluated.exitCode(), evaluated.err());

        Path out = dir.resolve("p.nii.gz");
        CliRun predicted = CliRun.of("predict", "--model", run.resolve("checkpoint.npz").toString(),
                "--image", data.resolve("imagesTr/case_0_0000.nii.gz").toString(),
                "--image", data.resolve("imagesTr/case_0_0001.nii.gz").toString(), "--out", out.toString(), "--threads", "1");
        assertEquals(0, predicted.exitCode(), predicted.err());
        assertTrue(predicted.out().contains("image 1x1 mm (x, y), model trained at 2x2 mm"), predicted.out());
        NiftiImage labels = NiftiReader.read(out);
        assertArrayEquals(new int[] {TinyRawDataset.NX, TinyRawDataset.NY, TinyRawDataset.NZ}, labels.dims());
    }

    @Test
    void spacingIsCheckedWhereItEnters() {
        for (String[] args : new String[][] {
                {"train", "--data", "default", "--spacing", "2,2", "--out", "x"},
                {"train", "--data", "somewhere", "--spacing", "2", "--out", "x"},
                {"train", "--data", "somewhere", "--spacing", "2,abc", "--out", "x"},
                {"train", "--data", "somewhere", "--spacing", "0,1", "--out", "x"}}) {
            CliRun r = CliRun.of(args);
            assertEquals(Main.USAGE_ERROR, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.oneErrorLine() && r.err().contains("--spacing"), r.err());
            assertFalse(java.nio.file.Files.exists(java.nio.file.Path.of("x")), "a usage error is refused before --out is made");
        }
    }
}
