package org.regionwise.experiments.predict;

import java.util.ArrayList;
import java.util.List;
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.experiments.data.Slice;
import org.regionwise.experiments.data.SliceDataset;
import org.regionwise.maps.Grid;

/**
 * One volume's predicted and reference labels, stacked from its slices into a row-major
 * (slices, height, width) array on a grid with spacing (dz, dy, dx) in mm: what 3D metrics take.
 *
 * @param volumeId   the volume (case)
 * @param grid       (slices, height, width) with their spacing
 * @param slices     the volume's slices, in slice order (images for overlays)
 * @param prediction predicted class per voxel
 * @param reference  reference class per voxel
 */
public record VolumeSegmentation(String volumeId, Grid grid, List<Slice> slices, int[] prediction, int[] reference) {

    /** Predicts every volume of {@code data} in volume order. */
    public static List<VolumeSegmentation> predictAll(SliceDataset data, SlicePredictor predictor) {
        List<VolumeSegmentation> out = new ArrayList<>();
        for (String id : data.volumeIds()) out.add(predict(data, id, predictor));
        return out;
    }

    /**
     * Predicts the slices of volume {@code volumeId} and stacks them in slice order.
     *
     * @throws IllegalArgumentException when its slices differ in size (they cannot be stacked)
     */
    public static VolumeSegmentation predict(SliceDataset data, String volumeId, SlicePredictor predictor) {
        List<Slice> slices = data.slicesOf(volumeId);
        if (slices.isEmpty()) throw new IllegalArgumentException(data.name() + " has no volume '" + OneLine.visible(volumeId) + "'");
        Slice first = slices.get(0);
        int h = first.height(), w = first.width(), plane = h * w;
        for (Slice s : slices) {
            if (s.height() != h || s.width() != w) {
                throw new IllegalArgumentException(volumeId + ": slices of " + h + "x" + w + " and " + s.height() + "x" + s.width()
                        + " cannot be stacked into a volume");
            }
        }
        List<int[]> predicted = predictor.predict(slices);
        int[] prediction = new int[slices.size() * plane];
        int[] reference = new int[slices.size() * plane];
        for (int k = 0; k < slices.size(); k++) {
            System.arraycopy(predicted.get(k), 0, prediction, k * plane, plane);
            System.arraycopy(slices.get(k).label(), 0, reference, k * plane, plane);
        }
        Grid grid = new Grid(new int[] {slices.size(), h, w}, new double[] {first.dz(), first.dy(), first.dx()});
        return new VolumeSegmentation(volumeId, grid, List.copyOf(slices), prediction, reference);
    }
}
