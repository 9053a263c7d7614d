package org.regionwise.experiments.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.regionwise.experiments.io.Json;

/**
 * JSON reports of the metrics, for the {@code metrics} and {@code evaluate} commands.
 *
 * <p>Each class is one object {@code {"class", "status", "prediction_voxels", "reference_voxels",
 * "dice", "hd", "hd95_pooled", "hd95_directed", "assd", "assd_pooled"}}. An undefined metric is
 * {@code null}, never NaN (not valid JSON) and never a made-up number; {@code status} says why
 * ({@code BOTH_EMPTY}, {@code PREDICTION_EMPTY}, {@code REFERENCE_EMPTY}). Distances are in the
 * units of {@code spacing}. Summaries give, per metric, {@code mean}, {@code std}, {@code included}
 * and {@code excluded} (a count per status).
 */
public final class MetricsJson {

    private MetricsJson() {
    }

    /** The metrics of one volume. */
    public static String volume(VolumeMetrics metrics) {
        return Json.write(volumeObject(null, metrics));
    }

    /** The metrics of one volume, labelled with its case name. */
    public static String volume(String caseName, VolumeMetrics metrics) {
        return Json.write(volumeObject(caseName, metrics));
    }

    /** Per-class summaries, as from {@link MetricsAggregation#perClass(List)}. */
    public static String summary(List<ClassSummary> summaries) {
        return Json.write(summaryList(summaries));
    }

    /**
     * Every case (in the map's iteration order) and their per-class summary:
     * {@code {"cases": [...], "summary": [...]}}.
     */
    public static String report(Map<String, VolumeMetrics> cases) {
        if (cases == null || cases.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one case");
        }
        List<Object> volumes = new ArrayList<>();
        cases.forEach((name, metrics) -> volumes.add(volumeObject(name, metrics)));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("cases", volumes);
        root.put("summary", summaryList(MetricsAggregation.perClass(new ArrayList<>(cases.values()))));
        return Json.write(root);
    }

    private static Map<String, Object> volumeObject(String caseName, VolumeMetrics metrics) {
        Map<String, Object> volume = new LinkedHashMap<>();
        if (caseName != null) {
            volume.put("case", caseName);
        }
        volume.put("dims", metrics.grid().dims());
        volume.put("spacing", metrics.grid().spacing());
        volume.put("connectivity", metrics.connectivity().neighbours());
        List<Object> classes = new ArrayList<>();
        for (ClassMetrics c : metrics.classes()) {
            Map<String, Object> cls = new LinkedHashMap<>();
            cls.put("class", c.classIndex());
            cls.put("status", c.status().name());
            cls.put("prediction_voxels", c.predictionVoxels());
            cls.put("reference_voxels", c.referenceVoxels());
            for (Metric m : Metric.values()) {
                cls.put(m.jsonName(), m.of(c));
            }
            classes.add(cls);
        }
        volume.put("classes", classes);
        return volume;
    }

    private static List<Object> summaryList(List<ClassSummary> summaries) {
        List<Object> out = new ArrayList<>();
        for (ClassSummary s : summaries) {
            Map<String, Object> cls = new LinkedHashMap<>();
            cls.put("class", s.classIndex());
            cls.put("volumes", s.volumes());
            cls.put("statuses", counts(s.statuses()));
            for (Metric m : Metric.values()) {
                MetricSummary ms = s.get(m);
                Map<String, Object> metric = new LinkedHashMap<>();
                metric.put("mean", ms.mean());
                metric.put("std", ms.standardDeviation());
                metric.put("included", ms.included());
                metric.put("excluded", counts(ms.excluded()));
                cls.put(m.jsonName(), metric);
            }
            out.add(cls);
        }
        return out;
    }

    private static Map<String, Object> counts(Map<ClassStatus, Integer> counts) {
        Map<String, Object> out = new LinkedHashMap<>();
        counts.forEach((status, count) -> out.put(status.name(), count));
        return out;
    }
}
