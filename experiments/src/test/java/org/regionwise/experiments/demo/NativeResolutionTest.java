package org.regionwise.experiments.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.regionwise.experiments.data.Slice;
import org.regionwise.experiments.data.SliceAxis;
import org.regionwise.experiments.data.SliceDataset;
import org.regionwise.experiments.eval.Evaluation;
import org.regionwise.experiments.predict.UNetTiles;
import org.regionwise.experiments.predict.VolumeInference;
import org.regionwise.experiments.predict.VolumeSegmentation;
import org.regionwise.experiments.train.DataSpec;
import org.regionwise.layers.NormType;
import org.regionwise.layers.UNet2d;
import org.regionwise.layers.UNet2dConfig;

/** The native-resolution check stacks z slices back into the volume predict would see and scores it on the native grid. */
class NativeResolutionTest {

    @Test
    void slicesAreStackedAndPredictedThroughPredictsPath() {
        int nx = 12, ny = 20, nz = 3;
        Random random = new Random(2);
        List<Slice> slices = new ArrayList<>();
        float[] volume = new float[nx * ny * nz];
        for (int z = 0; z < nz; z++) {
            float[] image = new float[nx * ny];
            int[] label = new int[nx * ny];
            for (int p = 0; p < image.length; p++) {
                image[p] = (float) random.nextGaussian();
                label[p] = p % 3;
                volume[z * nx * ny + p] = image[p];
            }
            slices.add(new Slice("v", z, 1, ny, nx, image, label, 1, 1, 2.5));
        }
        SliceDataset split = new SliceDataset("validation", slices, List.of("a", "b", "c"), List.of("T1"), SliceAxis.Z);
        UNet2d model = new UNet2d(new UNet2dConfig(1, 3, 2, 4, 16, NormType.INSTANCE, true), new Random(0));
        DataSpec data = new DataSpec("default", "test", 2, 0.2, List.of("a", "b", "c"), List.of("T1"), SliceAxis.Z, 8, 8,
                new double[] {2, 2});

        Evaluation e = NativeResolution.evaluate(model, data, split, 4);

        VolumeSegmentation v = e.volumes().get(0);
        assertArrayEquals(new int[] {nz, ny, nx}, v.grid().dims());
        assertArrayEquals(new double[] {2.5, 1, 1}, v.grid().spacing(), 0);
        int[] expected = new VolumeInference(new UNetTiles(model), SliceAxis.Z, new double[] {2, 2}, 8, 8, 4)
                .predict(new int[] {nx, ny, nz}, new double[] {1, 1, 2.5}, new float[][] {volume}, false).labels();
        assertArrayEquals(expected, v.prediction());
        for (int z = 0; z < nz; z++) {
            for (int p = 0; p < nx * ny; p++) assertEquals(p % 3, v.reference()[z * nx * ny + p]);
        }
        assertEquals(3, e.metrics().get("v").classCount());
    }
}
