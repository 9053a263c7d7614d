package org.regionwise.experiments.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.regionwise.experiments.data.SliceAxis;
import org.regionwise.experiments.data.Volume;
import org.regionwise.experiments.data.VolumeSlicer;

/** Stacking predicted slices back is the exact inverse of cutting them, along every axis. */
class VolumePredictorTest {

    @Test
    void restackInvertsTheSlicerAlongEveryAxis() {
        int nx = 5, ny = 4, nz = 3;
        int[] labels = new int[nx * ny * nz];
        for (int i = 0; i < labels.length; i++) labels[i] = i;
        Volume v = new Volume("v", nx, ny, nz, new double[] {1, 1, 1}, new float[][] {new float[labels.length]}, labels);
        for (int axis : new int[] {SliceAxis.X, SliceAxis.Y, SliceAxis.Z}) {
            List<int[]> slices = new ArrayList<>();
            VolumeSlicer.slices(v, axis).forEach(s -> slices.add(s.label()));
            assertArrayEquals(labels, VolumePredictor.restack(slices, nx, ny, nz, axis), "axis " + axis);
        }
    }

    @Test
    void upsamplingRepeatsEachCoarseVoxelOverItsBlockAndCrops() {
        int[] coarse = {1, 2, 3, 4}; // 2 x 2 x 1
        int[] fine = VolumePredictor.upsample(coarse, 2, 2, 1, 2, 3, 4);
        assertArrayEquals(new int[] {1, 1, 2, 1, 1, 2, 3, 3, 4, 3, 3, 4}, fine);
    }
}
