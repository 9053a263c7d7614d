package org.regionwise.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.experiments.data.NnUnetRawDataset;
import org.regionwise.experiments.data.TrainingData;
import org.regionwise.experiments.eval.DiceScores;
import org.regionwise.experiments.io.NiftiDataType;
import org.regionwise.experiments.io.NiftiImage;

/**
 * nnU-Net v2's ignore label end to end: dataset.json's {@code "ignore"} is no class, its voxels load, train
 * with every loss that can mask them, are refused by name for one that cannot, and are left out of Dice.
 */
@ExtendWith(RestoresDefaultBackend.class)
class IgnoreLabelDatasetTest {
    @TempDir
    Path dir;

    /** The tiny data set with "ignore": 3 declared and the two lowest x columns of every case ignored. */
    private Path withIgnoredColumns() throws IOException {
        Path data = TinyRawDataset.write(dir.resolve("Dataset003_Ignore"), 3);
        Path json = data.resolve("dataset.json");
        Files.writeString(json, Files.readString(json).replace("\"bar\": 2}", "\"bar\": 2, \"ignore\": 3}"));
        for (int k = 0; k < 3; k++) {
            int[] labels = TinyRawDataset.labels(k);
            float[] l = new float[labels.length];
            for (int i = 0; i < l.length; i++) l[i] = i % TinyRawDataset.NX < 2 ? 3 : labels[i];
            new NiftiImage(TinyRawDataset.header(NiftiDataType.UINT8), l).write(data.resolve("labelsTr/case_" + k + ".nii.gz"));
        }
        return data;
    }

    @Test
    void theIgnoreLabelIsNoClassAndItsVoxelsAreCounted() throws IOException {
        TrainingData data = NnUnetRawDataset.load(withIgnoredColumns());
        assertEquals(3, data.classCount(), "background, ball, bar; not 'ignore'");
        long perCase = 2L * TinyRawDataset.NY * TinyRawDataset.NZ;
        assertEquals(perCase * 2, data.train().ignoredVoxels());
        assertEquals(perCase, data.validation().ignoredVoxels());
    }

    @Test
    void trainingMasksTheIgnoredVoxelsOrRefusesALossThatCannot() throws IOException {
        Path data = withIgnoredColumns();
        CliRun rrw = CliRun.of(train(data, dir.resolve("rrw"), "rrw"));
        assertEquals(0, rrw.exitCode(), rrw.err());

        CliRun refused = CliRun.of(train(data, dir.resolve("lovasz"), "lovasz"));
        assertEquals(Main.RUNTIME_ERROR, refused.exitCode(), refused.out());
        assertTrue(refused.err().contains("loss lovasz cannot exclude pixels with the ignore label"), refused.err());
    }

    private static String[] train(Path data, Path out, String loss) {
        return new String[] {"train", "--data", data.toString(), "--levels", "3", "--base-filters", "4", "--steps-per-epoch", "2",
                "--batch", "4", "--lr", "1e-2", "--validate-every", "1", "--threads", "1", "--epochs", "1", "--loss", loss,
                "--out", out.toString()};
    }

    @Test
    void diceLeavesIgnoredReferenceVoxelsOut() {
        int[] reference = {0, 1, 1, 3, 3};
        int[] prediction = {0, 1, 1, 1, 2};
        assertArrayEquals(new double[] {1, 1, 0}, replaceNaN(DiceScores.of(prediction, reference, 3)), 1e-12);
    }

    private static double[] replaceNaN(double[] d) {
        for (int i = 0; i < d.length; i++) if (Double.isNaN(d[i])) d[i] = 0;
        return d;
    }
}
