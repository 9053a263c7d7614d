package org.regionwise.experiments.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-class table the commands print: Dice and HD95 in mm (the pooled definition of MedPy and
 * nnU-Net), each the mean over volumes, then the mean of the foreground classes. A class whose HD95 is
 * undefined in some volumes (missing from the prediction or the reference) says how many were left out.
 */
public final class ResultsTable {
    private ResultsTable() {}

    /** The table as aligned plain text, one line per class, ending with a newline. */
    public static String format(List<ClassSummary> summaries, List<String> classNames) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"class", "Dice", "HD95 (mm)", ""});
        double diceSum = 0, hdSum = 0;
        int diceN = 0, hdN = 0;
        for (ClassSummary s : summaries) {
            MetricSummary dice = s.get(Metric.DICE), hd = s.get(Metric.HD95_POOLED);
            String name = s.classIndex() + " " + (s.classIndex() < classNames.size() ? classNames.get(s.classIndex()) : "?");
            String note = hd.excludedCount() > 0 ? "HD95 undefined in " + hd.excludedCount() + " of " + s.volumes() + " volume(s)" : "";
            rows.add(new String[] {name, number(dice, "%.4f"), number(hd, "%.2f"), note});
            if (s.classIndex() > 0) {
                if (dice.hasMean()) {
                    diceSum += dice.mean();
                    diceN++;
                }
                if (hd.hasMean()) {
                    hdSum += hd.mean();
                    hdN++;
                }
            }
        }
        if (summaries.size() > 2) {
            rows.add(new String[] {"mean of foreground", diceN == 0 ? "n/a" : String.format(Locale.ROOT, "%.4f", diceSum / diceN),
                    hdN == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", hdSum / hdN), ""});
        }
        int[] width = new int[3];
        for (String[] r : rows) for (int i = 0; i < 3; i++) width[i] = Math.max(width[i], r[i].length());
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            String line = String.format(Locale.ROOT, "%-" + width[0] + "s  %" + width[1] + "s  %" + width[2] + "s  %s",
                    r[0], r[1], r[2], r[3]);
            out.append(line.stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String number(MetricSummary m, String format) {
        return m.hasMean() ? String.format(Locale.ROOT, format, m.mean()) : "n/a";
    }
}
