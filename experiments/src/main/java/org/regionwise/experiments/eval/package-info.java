/**
 * Segmentation metrics (SPEC.md section 6): per-class Dice, Hausdorff distance, HD95 in both
 * published definitions (pooled, as MedPy and nnU-Net; max of the directed ones, as MONAI) and ASSD
 * (MedPy's mean of the two directed means, and MONAI's pooled mean), with an explicit policy for
 * empty masks, means that leave undefined values out and count them, and JSON reports.
 *
 * <p>Entry points: {@link org.regionwise.experiments.eval.SegmentationMetrics} (compute),
 * {@link org.regionwise.experiments.eval.MetricsAggregation} (summarise over volumes),
 * {@link org.regionwise.experiments.eval.MetricsJson} (write). Definitions:
 * {@link org.regionwise.experiments.eval.ClassMetrics}; policy:
 * {@link org.regionwise.experiments.eval.ClassStatus}.
 * <p>A trained model is scored on a split by {@link org.regionwise.experiments.eval.Evaluation}; validation
 * during training uses the cheaper {@link org.regionwise.experiments.eval.DiceScores}, and the commands print
 * {@link org.regionwise.experiments.eval.ResultsTable}.
 */
package org.regionwise.experiments.eval;
