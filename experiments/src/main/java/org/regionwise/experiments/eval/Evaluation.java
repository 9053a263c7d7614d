package org.regionwise.experiments.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.regionwise.experiments.data.SliceDataset;
import org.regionwise.layers.UNet2d;
import org.regionwise.experiments.io.AtomicFile;
import org.regionwise.experiments.predict.SlicePredictor;
import org.regionwise.experiments.predict.VolumeSegmentation;

/**
 * A model scored on a split, volume by volume in 3D: each volume's slices are predicted and stacked, and
 * {@link SegmentationMetrics} gives per-class Dice, Hausdorff, HD95 (both definitions) and ASSD in mm on
 * the volume's voxel spacing.
 *
 * @param volumes the predicted volumes, in the split's volume order
 * @param metrics each volume's metrics, by volume id, in the same order
 */
public record Evaluation(List<VolumeSegmentation> volumes, Map<String, VolumeMetrics> metrics) {

    /** Copies both collections. */
    public Evaluation {
        volumes = List.copyOf(volumes);
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * Predicts and scores every volume of {@code split}.
     *
     * @throws IllegalArgumentException when the split is empty
     */
    public static Evaluation run(UNet2d model, SliceDataset split, int batchSize) {
        if (split.isEmpty()) throw new IllegalArgumentException("the " + split.name() + " split has no slices to evaluate");
        List<VolumeSegmentation> volumes = VolumeSegmentation.predictAll(split, new SlicePredictor(model, batchSize));
        Map<String, VolumeMetrics> metrics = new LinkedHashMap<>();
        for (VolumeSegmentation v : volumes) {
            metrics.put(v.volumeId(), SegmentationMetrics.evaluate(v.prediction(), v.reference(), v.grid(), split.classCount()));
        }
        return new Evaluation(volumes, metrics);
    }

    /** Per-class summaries over the volumes (undefined values left out and counted). */
    public List<ClassSummary> summary() {
        return MetricsAggregation.perClass(new ArrayList<>(metrics.values()));
    }

    /** {@code {"cases": [...], "summary": [...]}} as {@link MetricsJson#report} writes it, atomically. */
    public void writeJson(Path file) throws IOException {
        byte[] bytes = MetricsJson.report(metrics).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, out -> out.write(bytes));
    }

    /**
     * One row per volume and class: {@code case,class,class_name,status,prediction_voxels,reference_voxels,}
     * then every {@link Metric} by its JSON name; undefined values are empty cells.
     */
    public String toCsv(List<String> classNames) {
        StringBuilder s = new StringBuilder("case,class,class_name,status,prediction_voxels,reference_voxels");
        for (Metric m : Metric.values()) s.append(',').append(m.jsonName());
        s.append('\n');
        metrics.forEach((id, volume) -> {
            for (ClassMetrics c : volume.classes()) {
                s.append(csv(id)).append(',').append(c.classIndex()).append(',').append(csv(classNames.get(c.classIndex())))
                        .append(',').append(c.status()).append(',').append(c.predictionVoxels()).append(',').append(c.referenceVoxels());
                for (Metric m : Metric.values()) {
                    double v = m.of(c);
                    s.append(',').append(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v));
                }
                s.append('\n');
            }
        });
        return s.toString();
    }

    /** Writes {@link #toCsv} atomically. */
    public void writeCsv(Path file, List<String> classNames) throws IOException {
        byte[] bytes = toCsv(classNames).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, out -> out.write(bytes));
    }

    private static String csv(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
