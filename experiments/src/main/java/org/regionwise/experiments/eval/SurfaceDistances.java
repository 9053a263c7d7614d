package org.regionwise.experiments.eval;

import org.regionwise.experiments.stats.Percentiles;
import org.regionwise.maps.Boundaries;
import org.regionwise.maps.Connectivity;
import org.regionwise.maps.DistanceTransform;
import org.regionwise.maps.Grid;

/**
 * The directed surface distances between two non-empty masks, and the Hausdorff-family summaries of
 * them (definitions in {@link ClassMetrics}).
 *
 * <p>As MedPy's {@code __surface_distances}: each mask's surface is {@code mask & ~erode(mask)}
 * ({@link Boundaries#surface}, the outside of the array counting as background), and the distance of
 * a surface voxel of one mask to the other surface is read from the exact Euclidean distance
 * transform of the other surface's complement, with the grid's spacing.
 */
final class SurfaceDistances {

    private final double[] predictionToReference;
    private final double[] referenceToPrediction;

    private SurfaceDistances(double[] predictionToReference, double[] referenceToPrediction) {
        this.predictionToReference = predictionToReference;
        this.referenceToPrediction = referenceToPrediction;
    }

    /**
     * Surface distances between two masks on the same grid, both non-empty.
     *
     * @throws IllegalArgumentException when a mask is empty
     */
    static SurfaceDistances between(boolean[] prediction, boolean[] reference, Grid grid, Connectivity connectivity) {
        BoundingCrop crop = BoundingCrop.around(prediction, reference, grid);
        Grid box = crop.grid();
        boolean[] predictionSurface = Boundaries.surface(crop.cut(prediction), box, connectivity);
        boolean[] referenceSurface = Boundaries.surface(crop.cut(reference), box, connectivity);
        return new SurfaceDistances(
                directed(predictionSurface, referenceSurface, box),
                directed(referenceSurface, predictionSurface, box));
    }

    /** For each voxel of {@code from}, in index order, its distance to the nearest voxel of {@code to}. */
    static double[] directed(boolean[] from, boolean[] to, Grid grid) {
        boolean[] awayFromTarget = new boolean[to.length];
        int fromCount = 0;
        int toCount = 0;
        for (int i = 0; i < to.length; i++) {
            awayFromTarget[i] = !to[i];
            fromCount += from[i] ? 1 : 0;
            toCount += to[i] ? 1 : 0;
        }
        if (fromCount == 0 || toCount == 0) {
            // An empty target would leave every distance infinite: the caller's status check failed.
            throw new IllegalArgumentException("surface distances need two non-empty surfaces, got " + fromCount
                    + " and " + toCount + " voxels on " + grid);
        }
        // Squared distances, rooted here in double: exact for integer offsets with unit spacing.
        float[] squared = DistanceTransform.squaredEdt(awayFromTarget, grid, Runtime.getRuntime().availableProcessors());
        double[] distances = new double[fromCount];
        int k = 0;
        for (int i = 0; i < from.length; i++) {
            if (from[i]) {
                distances[k++] = Math.sqrt(squared[i]);
            }
        }
        return distances;
    }

    /** Distance of each prediction surface voxel to the reference surface. */
    double[] predictionToReference() {
        return predictionToReference.clone();
    }

    /** Distance of each reference surface voxel to the prediction surface. */
    double[] referenceToPrediction() {
        return referenceToPrediction.clone();
    }

    /** The largest distance in either direction. */
    double hausdorff() {
        return Math.max(max(predictionToReference), max(referenceToPrediction));
    }

    /** 95th percentile of both directions pooled (MedPy's {@code hd95}). */
    double hd95Pooled() {
        double[] pooled = new double[predictionToReference.length + referenceToPrediction.length];
        System.arraycopy(predictionToReference, 0, pooled, 0, predictionToReference.length);
        System.arraycopy(referenceToPrediction, 0, pooled, predictionToReference.length, referenceToPrediction.length);
        return Percentiles.linear(pooled, 95);
    }

    /** The larger of the two directed 95th percentiles (MONAI). */
    double hd95() {
        return Math.max(Percentiles.linear(predictionToReference, 95), Percentiles.linear(referenceToPrediction, 95));
    }

    /** Mean of the two directed mean distances (MedPy {@code assd}). */
    double assd() {
        return (sum(predictionToReference) / predictionToReference.length
                + sum(referenceToPrediction) / referenceToPrediction.length) / 2;
    }

    /** Mean of all distances of both directions pooled (MONAI's symmetric average surface distance). */
    double assdPooled() {
        return (sum(predictionToReference) + sum(referenceToPrediction))
                / (predictionToReference.length + referenceToPrediction.length);
    }

    private static double max(double[] values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
