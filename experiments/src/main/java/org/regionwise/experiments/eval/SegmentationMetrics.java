package org.regionwise.experiments.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.regionwise.maps.Connectivity;
import org.regionwise.maps.Grid;

/**
 * Per-class Dice, Hausdorff, HD95 (both published definitions) and ASSD of a predicted label volume
 * against a reference (SPEC.md section 6). Definitions and the empty-mask policy: {@link ClassMetrics}
 * and {@link ClassStatus}.
 *
 * <p>The default surface connectivity is MedPy's ({@code connectivity=1}): face neighbours, 4 in 2D
 * and 6 in 3D, so a surface voxel is a mask voxel with a face neighbour outside the mask. A full
 * mask's surface is the array's outer layer.
 */
public final class SegmentationMetrics {

    private SegmentationMetrics() {
    }

    /** The surface connectivity MedPy uses by default: face neighbours (4 in 2D, 6 in 3D). */
    public static Connectivity defaultConnectivity(Grid grid) {
        return Connectivity.faces(grid.rank());
    }

    /** {@link #evaluate(int[], int[], Grid, int, Connectivity)} with {@link #defaultConnectivity(Grid)}. */
    public static VolumeMetrics evaluate(int[] prediction, int[] reference, Grid grid, int classes) {
        if (grid == null) {
            throw new IllegalArgumentException("metrics need a grid");
        }
        return evaluate(prediction, reference, grid, classes, defaultConnectivity(grid));
    }

    /**
     * Metrics of every class {@code 0..classes-1}, background included.
     *
     * @param prediction   predicted label of each voxel, row-major on {@code grid}
     * @param reference    reference (ground-truth) label of each voxel
     * @param grid         shape and spacing; distances come out in spacing units
     * @param classes      number of classes C; every label must lie in {@code [0, C)}
     * @param connectivity which neighbours decide whether a voxel is on a surface
     * @throws IllegalArgumentException naming the sizes, or the first bad label and its coordinates
     */
    public static VolumeMetrics evaluate(int[] prediction, int[] reference, Grid grid, int classes,
                                         Connectivity connectivity) {
        check(prediction, reference, grid, classes, connectivity);
        List<ClassMetrics> perClass = new ArrayList<>(classes);
        boolean[] predicted = new boolean[grid.size()];
        boolean[] referenced = new boolean[grid.size()];
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < predicted.length; i++) {
                predicted[i] = prediction[i] == c;
                referenced[i] = reference[i] == c;
            }
            perClass.add(compare(c, predicted, referenced, grid, connectivity));
        }
        return new VolumeMetrics(grid, connectivity, perClass);
    }

    /**
     * Metrics of one binary segmentation, reported as class {@code classIndex}.
     *
     * @throws IllegalArgumentException when the masks do not match the grid or the connectivity's rank
     *                                  differs from the grid's
     */
    public static ClassMetrics compare(int classIndex, boolean[] prediction, boolean[] reference, Grid grid,
                                       Connectivity connectivity) {
        if (prediction == null || reference == null || grid == null || connectivity == null) {
            throw new IllegalArgumentException("compare needs two masks, a grid and a connectivity");
        }
        if (prediction.length != grid.size() || reference.length != grid.size()) {
            throw new IllegalArgumentException("masks have " + prediction.length + " and " + reference.length
                    + " entries but " + grid + " has " + grid.size() + " voxels");
        }
        checkConnectivity(grid, connectivity);
        long predicted = 0;
        long referenced = 0;
        long both = 0;
        for (int i = 0; i < prediction.length; i++) {
            predicted += prediction[i] ? 1 : 0;
            referenced += reference[i] ? 1 : 0;
            both += prediction[i] && reference[i] ? 1 : 0;
        }
        if (ClassStatus.of(predicted, referenced) != ClassStatus.OK) {
            return ClassMetrics.withoutDistances(classIndex, predicted, referenced);
        }
        double dice = 2.0 * both / (predicted + referenced);
        SurfaceDistances s = SurfaceDistances.between(prediction, reference, grid, connectivity);
        return new ClassMetrics(classIndex, ClassStatus.OK, predicted, referenced, dice,
                s.hausdorff(), s.hd95Pooled(), s.hd95(), s.assd(), s.assdPooled());
    }

    private static void check(int[] prediction, int[] reference, Grid grid, int classes, Connectivity connectivity) {
        if (prediction == null || reference == null || grid == null || connectivity == null) {
            throw new IllegalArgumentException("metrics need a prediction, a reference, a grid and a connectivity");
        }
        if (prediction.length != grid.size() || reference.length != grid.size()) {
            throw new IllegalArgumentException("prediction has " + prediction.length + " and reference "
                    + reference.length + " labels but " + grid + " has " + grid.size() + " voxels");
        }
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be >= 1, got " + classes);
        }
        checkConnectivity(grid, connectivity);
        checkLabels("prediction", prediction, grid, classes);
        checkLabels("reference", reference, grid, classes);
    }

    private static void checkConnectivity(Grid grid, Connectivity connectivity) {
        if (connectivity.rank() != grid.rank()) {
            throw new IllegalArgumentException(connectivity + " (" + connectivity.neighbours() + " neighbours) is for "
                    + connectivity.rank() + "D grids, got " + grid);
        }
    }

    private static void checkLabels(String which, int[] labels, Grid grid, int classes) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(which + " label " + labels[i] + " at voxel "
                        + Arrays.toString(grid.coordinates(i)) + " (index " + i + ") is not a class index in [0, "
                        + classes + ")");
            }
        }
    }
}
