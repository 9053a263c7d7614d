package org.regionwise.experiments.eval;

/**
 * Whether the metrics of one class in one volume are all defined, and if not, why.
 *
 * <p>The policy (see {@link ClassMetrics}): Dice is defined unless both masks are empty; the surface
 * distances are defined only when both masks are non-empty ({@link #OK}). Undefined values are NaN
 * in {@link ClassMetrics}, {@code null} in JSON, and left out of every mean by
 * {@link MetricsAggregation}, which counts them per status.
 */
public enum ClassStatus {
    /** Both masks have voxels: every metric is defined. */
    OK,
    /** Neither mask has voxels: nothing to score, every metric undefined (nnU-Net's convention for Dice). */
    BOTH_EMPTY,
    /** The class is in the reference but was not predicted: Dice 0, distances undefined. */
    PREDICTION_EMPTY,
    /** The class was predicted but is absent from the reference: Dice 0, distances undefined. */
    REFERENCE_EMPTY;

    /** The status of a class from its voxel counts in the prediction and in the reference. */
    public static ClassStatus of(long predictionVoxels, long referenceVoxels) {
        if (predictionVoxels < 0 || referenceVoxels < 0) {
            throw new IllegalArgumentException("voxel counts must be >= 0, got " + predictionVoxels + " and "
                    + referenceVoxels);
        }
        if (predictionVoxels == 0) {
            return referenceVoxels == 0 ? BOTH_EMPTY : PREDICTION_EMPTY;
        }
        return referenceVoxels == 0 ? REFERENCE_EMPTY : OK;
    }
}
