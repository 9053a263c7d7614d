package org.regionwise.experiments.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Means of each metric per class over volumes, leaving undefined values out and saying so.
 *
 * <p>A value is undefined (NaN) when its class status makes it so ({@link ClassStatus}): averaging it
 * would turn the whole mean into NaN, and replacing it by a number would invent a score. So each
 * {@link MetricSummary} averages only the defined values and counts the others by status, and a
 * report can print "HD 4.2 mm (2 volumes without prediction excluded)". Note what exclusion means:
 * a model that misses a structure entirely in some volumes is not penalised in the distance means;
 * its Dice (0 there) is, and the excluded count shows the rest.
 */
public final class MetricsAggregation {

    private MetricsAggregation() {
    }

    /**
     * One summary per class, in class order, over {@code volumes}.
     *
     * @throws IllegalArgumentException when there are no volumes or they have different class counts
     */
    public static List<ClassSummary> perClass(List<VolumeMetrics> volumes) {
        if (volumes == null || volumes.isEmpty()) {
            throw new IllegalArgumentException("aggregation needs at least one volume");
        }
        int classes = volumes.get(0).classCount();
        for (int v = 0; v < volumes.size(); v++) {
            if (volumes.get(v).classCount() != classes) {
                throw new IllegalArgumentException("volume " + v + " has " + volumes.get(v).classCount()
                        + " classes but volume 0 has " + classes);
            }
        }
        List<ClassSummary> summaries = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            List<ClassMetrics> ofClass = new ArrayList<>(volumes.size());
            for (VolumeMetrics volume : volumes) {
                ofClass.add(volume.of(c));
            }
            summaries.add(summarise(c, ofClass));
        }
        return List.copyOf(summaries);
    }

    /** The summary of one class over its per-volume metrics. */
    public static ClassSummary summarise(int classIndex, List<ClassMetrics> perVolume) {
        if (perVolume == null || perVolume.isEmpty()) {
            throw new IllegalArgumentException("class " + classIndex + " summary needs at least one volume");
        }
        Map<ClassStatus, Integer> statuses = new EnumMap<>(ClassStatus.class);
        for (ClassMetrics m : perVolume) {
            statuses.merge(m.status(), 1, Integer::sum);
        }
        Map<Metric, MetricSummary> metrics = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            metrics.put(metric, summarise(metric, perVolume));
        }
        return new ClassSummary(classIndex, perVolume.size(), statuses, metrics);
    }

    /** Mean and sample standard deviation of the defined values (Welford's update, stable). */
    private static MetricSummary summarise(Metric metric, List<ClassMetrics> perVolume) {
        Map<ClassStatus, Integer> excluded = new EnumMap<>(ClassStatus.class);
        int n = 0;
        double mean = 0;
        double squares = 0;
        for (ClassMetrics m : perVolume) {
            double x = metric.of(m);
            if (Double.isNaN(x)) {
                excluded.merge(m.status(), 1, Integer::sum);
                continue;
            }
            n++;
            double delta = x - mean;
            mean += delta / n;
            squares += delta * (x - mean);
        }
        double std = n >= 2 ? Math.sqrt(squares / (n - 1)) : Double.NaN;
        return new MetricSummary(n == 0 ? Double.NaN : mean, std, n, excluded);
    }
}
