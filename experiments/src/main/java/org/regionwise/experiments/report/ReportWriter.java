package org.regionwise.experiments.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.regionwise.experiments.eval.MetricsAggregation;
import org.regionwise.experiments.eval.VolumeMetrics;
import org.regionwise.experiments.io.AtomicFile;

/**
 * Writes a {@link Report} as {@code report.md}: title, data, configuration table, per-class results
 * table (Dice, HD, HD95 symmetric (MONAI) and pooled (MedPy), ASSD, in mm), the figures embedded by paths relative to
 * the report (so the folder can be moved or zipped whole), timings and notes. Sections without content
 * are left out.
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /**
     * Writes the report to {@code file} (UTF-8), replacing it whole; creates the folder.
     *
     * @throws IOException when the folder or the file cannot be written
     */
    public static void write(Path file, Report report) throws IOException {
        AtomicFile.writeString(file, render(report, file.toAbsolutePath().getParent()));
    }

    /**
     * The report as Markdown, with figure paths relative to {@code folder} (where the report will live).
     */
    public static String render(Report report, Path folder) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(oneLine(report.title())).append("\n\n");
        if (!report.dataset().isBlank()) {
            md.append("## Data\n\n").append(report.dataset().strip()).append("\n\n");
        }
        if (!report.configuration().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            report.configuration().forEach((k, v) -> rows.add(List.of(k, v)));
            md.append("## Configuration\n\n").append(Markdown.table(List.of("setting", "value"), rows)).append('\n');
        }
        if (!report.cases().isEmpty()) {
            results(md, report);
        }
        for (Report.Section section : report.sections()) {
            md.append("## ").append(oneLine(section.title())).append("\n\n").append(section.markdown().strip()).append("\n\n");
        }
        if (!report.figures().isEmpty()) {
            md.append("## Figures\n\n");
            for (Report.Figure f : report.figures()) {
                String target = Markdown.linkTarget(relative(folder, f.file()));
                md.append("![").append(Markdown.altText(f.caption())).append("](").append(target).append(")\n\n")
                        .append('*').append(oneLine(f.caption())).append("*\n\n");
            }
        }
        if (!report.timings().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (Report.Timing t : report.timings()) {
                rows.add(List.of(t.step(), duration(t.duration())));
            }
            md.append("## Timings\n\n").append(Markdown.table(List.of("step", "time"), rows)).append('\n');
        }
        if (!report.notes().isEmpty()) {
            md.append("## Notes\n\n");
            for (String note : report.notes()) {
                md.append("- ").append(oneLine(note)).append('\n');
            }
            md.append('\n');
        }
        return md.toString().stripTrailing() + "\n";
    }

    private static void results(StringBuilder md, Report report) {
        List<VolumeMetrics> volumes = new ArrayList<>(report.cases().values());
        Set<String> connectivities = new LinkedHashSet<>();
        for (VolumeMetrics v : volumes) {
            connectivities.add(v.connectivity().neighbours() + "-connected");
        }
        int n = volumes.size();
        md.append("## Results\n\n")
                .append(n == 1 ? "One volume (" : n + " volumes (").append(String.join(", ", report.cases().keySet()))
                .append("). Distances in mm on each volume's voxel spacing, between surfaces found with ")
                .append(String.join(" / ", connectivities)).append(" neighbourhoods.")
                .append(n == 1 ? "" : " Mean ± sample standard deviation over volumes.")
                .append(" A class missing from the prediction or the reference has Dice 0 (or none, when missing"
                        + " from both) and no distances; such volumes are left out of the distance means and counted"
                        + " under \"without distances\".\n\n");
        md.append(MetricsTable.markdown(MetricsAggregation.perClass(volumes), report.classNames())).append('\n');
        md.append("HD95: the larger of the two one-way 95th-percentile surface distances (MONAI's symmetric"
                + " compute_hausdorff_distance, percentile=95); HD95 pooled: the 95th percentile of both directions'"
                + " distances pooled into one sample (MedPy's hd95). Distances in mm.\n\n");
    }

    /** The figure's path relative to the report's folder, or as given when it lies on another root. */
    private static String relative(Path folder, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = folder.toAbsolutePath().normalize();
        if (absolute.getRoot() == null || !absolute.getRoot().equals(base.getRoot())) {
            return absolute.toString();
        }
        return base.relativize(absolute).toString();
    }

    /** "1 h 02 min", "3 min 05 s", "12.3 s", "450 ms". */
    static String duration(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = d.toSeconds();
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
