package org.regionwise.experiments.demo;

import java.util.List;
import org.regionwise.experiments.data.Slice;
import org.regionwise.experiments.data.SliceAxis;
import org.regionwise.experiments.data.SliceDataset;
import org.regionwise.experiments.eval.Evaluation;
import org.regionwise.experiments.eval.SegmentationMetrics;
import org.regionwise.experiments.eval.VolumeMetrics;
import org.regionwise.experiments.predict.UNetTiles;
import org.regionwise.experiments.predict.VolumeInference;
import org.regionwise.experiments.predict.VolumeSegmentation;
import org.regionwise.experiments.train.DataSpec;
import org.regionwise.layers.UNet2d;
import org.regionwise.maps.Grid;

/**
 * The demo's validation at the data's native resolution: the model trains and is validated at the demo's
 * scale (2 mm), but a user's image is at 1 mm, so each validation volume at scale 1 (the same hemisphere,
 * its own labels, not upsampled ones) is stacked back into a volume and segmented through
 * {@code predict}'s path ({@link VolumeInference}: resampled to the training spacing, sliding windows,
 * probabilities back to 1 mm), then scored at 1 mm.
 */
final class NativeResolution {
    private NativeResolution() {}

    /**
     * Segments and scores every volume of {@code nativeValidation} (z slices of the native grid).
     *
     * @param data the model's data description (training spacing and patch)
     */
    static Evaluation evaluate(UNet2d model, DataSpec data, SliceDataset nativeValidation, int batch) {
        if (nativeValidation.sliceAxis() != SliceAxis.Z || data.sliceAxis() != SliceAxis.Z) {
            throw new IllegalArgumentException("the native-resolution check stacks axial (z) slices");
        }
        VolumeInference inference = new VolumeInference(new UNetTiles(model), data.sliceAxis(), data.spacing(), data.patchHeight(),
                data.patchWidth(), batch);
        java.util.List<VolumeSegmentation> volumes = new java.util.ArrayList<>();
        java.util.Map<String, VolumeMetrics> metrics = new java.util.LinkedHashMap<>();
        for (String id : nativeValidation.volumeIds()) {
            List<Slice> slices = nativeValidation.slicesOf(id);
            Slice first = slices.get(0);
            int nx = first.width(), ny = first.height(), nz = slices.size(), plane = nx * ny;
            int channels = first.channels();
            float[][] image = new float[channels][nz * plane];
            int[] reference = new int[nz * plane];
            for (int z = 0; z < nz; z++) { // a z slice is (rows y, columns x): one contiguous NIfTI plane
                Slice s = slices.get(z);
                for (int c = 0; c < channels; c++) System.arraycopy(s.image(), c * plane, image[c], z * plane, plane);
                System.arraycopy(s.label(), 0, reference, z * plane, plane);
            }
            int[] prediction = inference.predict(new int[] {nx, ny, nz}, new double[] {first.dx(), first.dy(), first.dz()}, image, false)
                    .labels();
            Grid grid = new Grid(new int[] {nz, ny, nx}, new double[] {first.dz(), first.dy(), first.dx()});
            volumes.add(new VolumeSegmentation(id, grid, List.copyOf(slices), prediction, reference));
            metrics.put(id, SegmentationMetrics.evaluate(prediction, reference, grid, nativeValidation.classCount()));
        }
        return new Evaluation(volumes, metrics);
    }
}
