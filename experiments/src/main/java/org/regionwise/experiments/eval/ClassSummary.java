package org.regionwise.experiments.eval;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every metric of one class summarised over several volumes.
 *
 * @param classIndex the class
 * @param volumes    number of volumes summarised (for each metric, included + excluded)
 * @param statuses   how many volumes had each status (absent: none)
 * @param metrics    the summary of each {@link Metric}
 */
public record ClassSummary(int classIndex, int volumes, Map<ClassStatus, Integer> statuses,
                           Map<Metric, MetricSummary> metrics) {

    /** Copies both maps and checks that every metric is summarised over all volumes. */
    public ClassSummary {
        if (statuses == null || metrics == null) {
            throw new IllegalArgumentException("class " + classIndex + " summary needs statuses and metrics");
        }
        EnumMap<Metric, MetricSummary> metricCopy = new EnumMap<>(Metric.class);
        metricCopy.putAll(metrics);
        for (Metric m : Metric.values()) {
            MetricSummary s = metricCopy.get(m);
            if (s == null || s.included() + s.excludedCount() != volumes) {
                throw new IllegalArgumentException("class " + classIndex + ": " + m.jsonName() + " summarises "
                        + (s == null ? "nothing" : (s.included() + s.excludedCount()) + " volumes") + ", expected "
                        + volumes);
            }
        }
        EnumMap<ClassStatus, Integer> statusCopy = new EnumMap<>(ClassStatus.class);
        statusCopy.putAll(statuses);
        statuses = Collections.unmodifiableMap(statusCopy);
        metrics = Collections.unmodifiableMap(metricCopy);
    }

    /** The summary of one metric. */
    public MetricSummary get(Metric metric) {
        return metrics.get(metric);
    }
}
