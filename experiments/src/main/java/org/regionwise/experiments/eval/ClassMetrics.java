package org.regionwise.experiments.eval;

/**
 * Overlap and surface-distance metrics of one class in one volume, prediction against reference.
 * Distances are in the grid's spacing units (millimetres for NIfTI volumes).
 *
 * <p>Definitions (MedPy's {@code binary.dc/hd/hd95/assd} and MONAI's metrics; each name says whose):
 * <ul>
 *   <li>{@code dice = 2 |P & R| / (|P| + |R|)}.</li>
 *   <li>Surfaces {@code S_P}, {@code S_R}: the mask voxels with a neighbour (under the chosen
 *       connectivity, face neighbours by default, as MedPy) outside the mask, the outside of the
 *       array counting as outside. Directed distances {@code d_PR}: for each voxel of {@code S_P}, the
 *       Euclidean distance between voxel centres to the nearest voxel of {@code S_R}; likewise
 *       {@code d_RP}.</li>
 *   <li>{@code hausdorff = max(max d_PR, max d_RP)}.</li>
 *   <li>{@code hd95Pooled}: the 95th percentile (numpy's linear interpolation) of {@code d_PR} and
 *       {@code d_RP} pooled into one sample: MedPy's {@code hd95} (nnU-Net v1's evaluation module offers it; nnU-Net v2's
 *       reports no HD95). JSON {@code hd95_pooled}.</li>
 *   <li>{@code hd95 = max(P95(d_PR), P95(d_RP))}: MONAI's symmetric
 *       {@code compute_hausdorff_distance(percentile=95, directed=False)}, the usual "HD95". JSON {@code hd95}.
 *       (MONAI's {@code directed=True} is the one-way {@code P95(d_PR)}, which is not reported.)</li>
 *   <li>{@code assd = (mean d_PR + mean d_RP) / 2}: MedPy's {@code assd}, the mean of the two
 *       average surface distances, each surface weighing one half whatever its size.</li>
 *   <li>{@code assdPooled = (sum d_PR + sum d_RP) / (|S_P| + |S_R|)}: MONAI's symmetric
 *       {@code compute_average_surface_distance}, every surface voxel weighing the same. It equals
 *       {@code assd} when both surfaces have as many voxels.</li>
 * </ul>
 * Only these relations hold in general: {@code hd95Pooled <= hausdorff},
 * {@code hd95 <= hausdorff}, {@code assd <= hausdorff}, {@code assdPooled <= hausdorff}.
 * Neither HD95 bounds the other.
 *
 * <p>Undefined values (see {@link ClassStatus}) are NaN: Dice when both masks are empty, every
 * distance unless {@code status == OK}. They must never be averaged; {@link MetricsAggregation}
 * leaves them out and counts them.
 *
 * @param classIndex       the class (label value) these metrics are for
 * @param status           which metrics are defined
 * @param predictionVoxels voxels of the class in the prediction
 * @param referenceVoxels  voxels of the class in the reference
 * @param dice             Dice similarity coefficient in [0, 1]; NaN when both are empty
 * @param hausdorff        Hausdorff distance; NaN unless OK
 * @param hd95Pooled       pooled 95th-percentile Hausdorff distance (MedPy's hd95); NaN unless OK
 * @param hd95             symmetric 95th-percentile Hausdorff distance, the larger of the two one-way
 *                         95th percentiles (MONAI, {@code directed=False}); NaN unless OK
 * @param assd             average symmetric surface distance, mean of the two directed means (MedPy);
 *                         NaN unless OK
 * @param assdPooled       mean of both directions' distances pooled (MONAI); NaN unless OK
 */
public record ClassMetrics(int classIndex, ClassStatus status, long predictionVoxels, long referenceVoxels,
                           double dice, double hausdorff, double hd95Pooled, double hd95,
                           double assd, double assdPooled) {

    /** Checks that exactly the values the status promises are defined. */
    public ClassMetrics {
        if (status == null) {
            throw new IllegalArgumentException("class " + classIndex + " needs a status");
        }
        if (status != ClassStatus.of(predictionVoxels, referenceVoxels)) {
            throw new IllegalArgumentException("class " + classIndex + " has " + predictionVoxels
                    + " predicted and " + referenceVoxels + " reference voxels, so its status is "
                    + ClassStatus.of(predictionVoxels, referenceVoxels) + ", not " + status);
        }
        boolean diceDefined = status != ClassStatus.BOTH_EMPTY;
        if (diceDefined != (dice >= 0 && dice <= 1)) {
            throw new IllegalArgumentException("class " + classIndex + " (" + status + ") has Dice " + dice);
        }
        boolean distancesDefined = status == ClassStatus.OK;
        for (double d : new double[] {hausdorff, hd95Pooled, hd95, assd, assdPooled}) {
            if (distancesDefined != (d >= 0 && d < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("class " + classIndex + " (" + status + ") has distance " + d
                        + "; distances are finite and >= 0 exactly when the status is OK");
            }
        }
    }

    /** Metrics of a class that is empty in the prediction or the reference (or both): no distances. */
    static ClassMetrics withoutDistances(int classIndex, long predictionVoxels, long referenceVoxels) {
        ClassStatus status = ClassStatus.of(predictionVoxels, referenceVoxels);
        if (status == ClassStatus.OK) {
            throw new IllegalArgumentException("class " + classIndex + " is in both masks: its distances are defined");
        }
        double dice = status == ClassStatus.BOTH_EMPTY ? Double.NaN : 0.0;
        double nan = Double.NaN;
        return new ClassMetrics(classIndex, status, predictionVoxels, referenceVoxels, dice, nan, nan, nan, nan, nan);
    }

    /** The value of one metric (NaN when undefined). */
    public double get(Metric metric) {
        return metric.of(this);
    }
}
