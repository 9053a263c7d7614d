package org.regionwise.experiments.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.regionwise.experiments.io.JsonWriter;

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
        JsonWriter json = new JsonWriter();
        writeVolume(json, null, metrics);
        return json.toString();
    }

    /** The metrics of one volume, labelled with its case name. */
    public static String volume(String caseName, VolumeMetrics metrics) {
        JsonWriter json = new JsonWriter();
        writeVolume(json, caseName, metrics);
        return json.toString();
    }

    /** Per-class summaries, as from {@link MetricsAggregation#perClass(List)}. */
    public static String summary(List<ClassSummary> summaries) {
        JsonWriter json = new JsonWriter();
        writeSummary(json, summaries);
        return json.toString();
    }

    /**
     * Every case (in the map's iteration order) and their per-class summary:
     * {@code {"cases": [...], "summary": [...]}}.
     */
    public static String report(Map<String, VolumeMetrics> cases) {
        if (cases == null || cases.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one case");
        }
        JsonWriter json = new JsonWriter().beginObject();
        json.name("cases").beginArray();
        cases.forEach((name, metrics) -> writeVolume(json, name, metrics));
        json.endArray();
        json.name("summary");
        writeSummary(json, MetricsAggregation.perClass(new ArrayList<>(cases.values())));
        return json.endObject().toString();
    }

    private static void writeVolume(JsonWriter json, String caseName, VolumeMetrics metrics) {
        json.beginObject();
        if (caseName != null) {
            json.name("case").value(caseName);
        }
        json.name("dims").inlineArray(metrics.grid().dims());
        json.name("spacing").inlineArray(metrics.grid().spacing());
        json.name("connectivity").value(metrics.connectivity().neighbours());
        json.name("classes").beginArray();
        for (ClassMetrics c : metrics.classes()) {
            json.beginObject()
                    .name("class").value(c.classIndex())
                    .name("status").value(c.status().name())
                    .name("prediction_voxels").value(c.predictionVoxels())
                    .name("reference_voxels").value(c.referenceVoxels());
            for (Metric m : Metric.values()) {
                json.name(m.jsonName()).value(m.of(c));
            }
            json.endObject();
        }
        json.endArray().endObject();
    }

    private static void writeSummary(JsonWriter json, List<ClassSummary> summaries) {
        json.beginArray();
        for (ClassSummary s : summaries) {
            json.beginObject()
                    .name("class").value(s.classIndex())
                    .name("volumes").value(s.volumes());
            json.name("statuses");
            writeCounts(json, s.statuses());
            for (Metric m : Metric.values()) {
                MetricSummary ms = s.get(m);
                json.name(m.jsonName()).beginObject()
                        .name("mean").value(ms.mean())
                        .name("std").value(ms.standardDeviation())
                        .name("included").value(ms.included())
                        .name("excluded");
                writeCounts(json, ms.excluded());
                json.endObject();
            }
            json.endObject();
        }
        json.endArray();
    }

    private static void writeCounts(JsonWriter json, Map<ClassStatus, Integer> counts) {
        json.beginObject();
        counts.forEach((status, count) -> json.name(status.name()).value(count));
        json.endObject();
    }
}
