package org.regionwise.experiments.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.regionwise.experiments.eval.ClassStatus;
import org.regionwise.experiments.eval.ClassSummary;
import org.regionwise.experiments.eval.Metric;
import org.regionwise.experiments.eval.MetricSummary;

/**
 * The per-class results table of a report: Dice, Hausdorff, both HD95 definitions and ASSD as
 * mean +/- sample standard deviation over volumes, a foreground-mean row, and a column that says which
 * volumes had no distances for a class and why (undefined values are left out, never invented).
 */
final class MetricsTable {

    /** The metrics shown, in column order. */
    static final List<Metric> COLUMNS = List.of(Metric.DICE, Metric.HAUSDORFF, Metric.HD95_POOLED,
            Metric.HD95, Metric.ASSD);

    private MetricsTable() {
    }

    /** The Markdown table for these per-class summaries, row {@code c} named {@code classNames.get(c)}. */
    static String markdown(List<ClassSummary> summaries, List<String> classNames) {
        List<String> header = new ArrayList<>(List.of("class"));
        for (Metric m : COLUMNS) {
            header.add(title(m));
        }
        header.add("volumes");
        header.add("without distances");
        List<List<String>> rows = new ArrayList<>();
        for (ClassSummary s : summaries) {
            List<String> row = new ArrayList<>();
            row.add(s.classIndex() + " " + classNames.get(s.classIndex()));
            for (Metric m : COLUMNS) {
                row.add(meanAndSpread(s.get(m), m));
            }
            row.add(Integer.toString(s.volumes()));
            row.add(withoutDistances(s.statuses()));
            rows.add(row);
        }
        if (summaries.size() > 2) { // with one foreground class the mean repeats its row
            rows.add(foregroundMean(summaries));
        }
        return Markdown.table(header, rows);
    }

    /** Column title with its unit. */
    static String title(Metric m) {
        return switch (m) {
            case DICE -> "Dice";
            case HAUSDORFF -> "HD (mm)";
            case HD95_POOLED -> "HD95 pooled (mm)";
            case HD95 -> "HD95 (mm)";
            case ASSD -> "ASSD (mm)";
            case ASSD_POOLED -> "ASSD pooled (mm)";
        };
    }

    /** The unweighted mean over foreground classes of each class mean (the classes with one). */
    private static List<String> foregroundMean(List<ClassSummary> summaries) {
        List<String> row = new ArrayList<>(List.of("mean of foreground classes"));
        for (Metric m : COLUMNS) {
            double sum = 0;
            int n = 0;
            for (ClassSummary s : summaries.subList(1, summaries.size())) {
                if (s.get(m).hasMean()) {
                    sum += s.get(m).mean();
                    n++;
                }
            }
            row.add(n == 0 ? "n/a" : format(sum / n, m));
        }
        row.add("");
        row.add("");
        return row;
    }

    /** "0.912 ± 0.031", "0.912" for one volume, "n/a" when no volume had a value. */
    static String meanAndSpread(MetricSummary s, Metric m) {
        if (!s.hasMean()) {
            return "n/a";
        }
        String mean = format(s.mean(), m);
        return Double.isNaN(s.standardDeviation()) ? mean : mean + " ± " + format(s.standardDeviation(), m);
    }

    /** Dice to three decimals, distances (mm) to two. */
    static String format(double value, Metric m) {
        return String.format(Locale.ROOT, m == Metric.DICE ? "%.3f" : "%.2f", value);
    }

    /** "1 not predicted, 2 absent from reference", or "" when every volume had both masks. */
    private static String withoutDistances(Map<ClassStatus, Integer> statuses) {
        List<String> parts = new ArrayList<>();
        statuses.forEach((status, count) -> {
            if (status != ClassStatus.OK && count > 0) {
                parts.add(count + " " + switch (status) {
                    case BOTH_EMPTY -> "absent from both";
                    case PREDICTION_EMPTY -> "not predicted";
                    case REFERENCE_EMPTY -> "absent from reference";
                    case OK -> throw new AssertionError();
                });
            }
        });
        return String.join(", ", parts);
    }
}
