package org.regionwise.experiments.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the nnU-Net raw layout: a round trip through tiny NIfTI files, slicing axis, normalisation, split. */
class NnUnetRawDatasetTest {
    @TempDir
    Path dir;

    @Test
    void twoCasesOfTwoChannelsRoundTrip() throws IOException {
        int[] dims = {5, 4, 3};
        TinyNnUnetFolder.write(dir, 2, dims, new float[] {0.8f, 0.8f, 2.5f});

        TrainingData data = NnUnetRawDataset.load(dir);

        assertEquals(DatasetSource.Kind.NNUNET_RAW, data.source().kind());
        assertEquals("Tiny (nnU-Net raw)", data.source().name());
        assertEquals(List.of("background", "lesion", "edema"), data.classNames());
        assertEquals(List.of("T1", "FLAIR"), data.train().channelNames());
        assertEquals(List.of("case_a"), data.train().volumeIds(), "two cases: the second validates");
        assertEquals(List.of("case_b"), data.validation().volumeIds());
        assertEquals(SliceAxis.Z, data.train().sliceAxis(), "z has the largest spacing");
        assertEquals(3, data.train().size());

        for (int k = 0; k < 2; k++) {
            SliceDataset split = k == 0 ? data.train() : data.validation();
            double[][] stats = rawStats(k, dims);
            for (Slice s : split.slices()) {
                int z = s.sliceIndex();
                assertEquals(4, s.height());
                assertEquals(5, s.width());
                assertEquals(0.8, s.dy(), 1e-6);
                assertEquals(0.8, s.dx(), 1e-6);
                assertEquals(2.5, s.dz(), 1e-6);
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 5; x++) {
                        assertEquals(TinyNnUnetFolder.label(x, y, z), s.label()[y * 5 + x]);
                        for (int c = 0; c < 2; c++) {
                            double z_scored = (TinyNnUnetFolder.value(k, c, x, y, z) - stats[c][0]) / stats[c][1];
                            assertEquals(z_scored, s.image()[c * 20 + y * 5 + x], 1e-5, "per case and channel z-score");
                        }
                    }
                }
            }
        }
        assertTrue(data.describe().contains("slicing: along z"), data.describe());
    }

    @Test
    void slicesAreCutAlongTheLowestResolutionAxis() throws IOException {
        TinyNnUnetFolder.write(dir, 2, new int[] {5, 4, 3}, new float[] {1, 3, 1});
        TrainingData data = NnUnetRawDataset.load(dir);
        assertEquals(SliceAxis.Y, data.train().sliceAxis());
        assertEquals(4, data.train().size(), "one slice per y");
        Slice s = data.train().get(2);
        assertEquals(3, s.height(), "rows are z");
        assertEquals(5, s.width(), "columns are x");
        assertEquals(TinyNnUnetFolder.label(4, 2, 1), s.label()[5 + 4]);
        assertEquals(3.0, s.dz(), 1e-6);
    }

    @Test
    void validationCasesAreSpreadEvenly() {
        assertArrayEquals(new int[0], NnUnetRawDataset.validationCases(1, 0.2));
        assertArrayEquals(new int[] {1}, NnUnetRawDataset.validationCases(2, 0.2));
        assertArrayEquals(new int[] {2, 7}, NnUnetRawDataset.validationCases(10, 0.2));
        assertArrayEquals(new int[] {2, 7, 12, 17}, NnUnetRawDataset.validationCases(20, 0.2));
        assertArrayEquals(new int[0], NnUnetRawDataset.validationCases(20, 0));
        assertArrayEquals(new int[] {0, 1, 3, 4}, NnUnetRawDataset.validationCases(5, 0.9), "at least one case trains");
    }

    @Test
    void aSingleCaseTrainsWithoutValidationAndSaysSo() throws IOException {
        TinyNnUnetFolder.write(dir, 1, new int[] {3, 3, 2}, new float[] {1, 1, 1});
        TrainingData data = NnUnetRawDataset.load(dir);
        assertTrue(data.validation().isEmpty());
        assertTrue(data.source().warning().contains("no validation"), data.source().warning());
    }

    /** {mean, population std} of channel c of case k, from the generating formula. */
    private static double[][] rawStats(int k, int[] dims) {
        double[][] stats = new double[2][2];
        for (int c = 0; c < 2; c++) {
            double sum = 0, sq = 0;
            int n = 0;
            for (int z = 0; z < dims[2]; z++)
                for (int y = 0; y < dims[1]; y++)
                    for (int x = 0; x < dims[0]; x++, n++) sum += TinyNnUnetFolder.value(k, c, x, y, z);
            double mean = sum / n;
            for (int z = 0; z < dims[2]; z++)
                for (int y = 0; y < dims[1]; y++)
                    for (int x = 0; x < dims[0]; x++) sq += Math.pow(TinyNnUnetFolder.value(k, c, x, y, z) - mean, 2);
            stats[c] = new double[] {mean, Math.sqrt(sq / n)};
        }
        return stats;
    }
}
