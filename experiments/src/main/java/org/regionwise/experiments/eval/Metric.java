package org.regionwise.experiments.eval;

import java.util.function.ToDoubleFunction;

/** The metrics of {@link ClassMetrics}, with their JSON names, so that tables and summaries loop over them. */
public enum Metric {
    /** {@link ClassMetrics#dice()}. */
    DICE("dice", ClassMetrics::dice),
    /** {@link ClassMetrics#hausdorff()}. */
    HAUSDORFF("hd", ClassMetrics::hausdorff),
    /** {@link ClassMetrics#hd95Pooled()} (MedPy's {@code hd95}). */
    HD95_POOLED("hd95_pooled", ClassMetrics::hd95Pooled),
    /** {@link ClassMetrics#hd95()} (MONAI's symmetric {@code compute_hausdorff_distance(percentile=95)}). */
    HD95("hd95", ClassMetrics::hd95),
    /** {@link ClassMetrics#assd()} (MedPy). */
    ASSD("assd", ClassMetrics::assd),
    /** {@link ClassMetrics#assdPooled()} (MONAI). */
    ASSD_POOLED("assd_pooled", ClassMetrics::assdPooled);

    private final String jsonName;
    private final ToDoubleFunction<ClassMetrics> value;

    Metric(String jsonName, ToDoubleFunction<ClassMetrics> value) {
        this.jsonName = jsonName;
        this.value = value;
    }

    /** The key of this metric in JSON output, e.g. {@code hd95_pooled}. */
    public String jsonName() {
        return jsonName;
    }

    /** This metric of one class (NaN when undefined). */
    public double of(ClassMetrics metrics) {
        return value.applyAsDouble(metrics);
    }
}
