package org.regionwise.experiments.paper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.regionwise.experiments.report.Markdown;
import org.regionwise.experiments.stats.PairedPermutationTest;
import org.regionwise.experiments.stats.PermutationTestResult;
import org.regionwise.experiments.study.StudyMetric;
import org.regionwise.experiments.study.StudySettings;
import org.regionwise.experiments.study.TrialResult;
import org.regionwise.experiments.study.TrialSpec;
import org.regionwise.experiments.io.AtomicFile;

/**
 * The loss comparison of the paper's Tables 2-4: per loss and foreground class, Dice, Hausdorff distance and
 * HD95 (mm) of the final models on the validation volumes, each value first averaged over the seeds (the
 * paper's three runs), then over the volumes; and the paired two-sample permutation test (SPEC section 6:
 * |mean difference|, 10,000 seeded sign flips) of the reference loss (RRW) against each other loss.
 *
 * <p>The pairing unit is the validation volume. With fewer than {@value #MIN_VOLUMES} volumes (the default data
 * set has one) the test pairs the 2D validation slices instead, and the table says that slices of one volume
 * are not independent samples, so its p-values are optimistic.
 */
public final class LossTable {
    /** The paper's losses, Boundary with Kervadec's published schedule. */
    public static final List<String> DEFAULT_LOSSES = List.of("rrw", "dice", "focal", "wce-rrw", "boundary-kervadec");
    /** The loss every other is tested against, when present. */
    public static final String REFERENCE = "rrw";
    /** Fewest validation volumes that are paired as volumes. */
    public static final int MIN_VOLUMES = 5;
    /** Seed of every permutation test: a rerun gives the same p-values. */
    public static final long TEST_SEED = 2022;

    private LossTable() {}

    /** One trial per loss and seed (0 .. seeds-1), validated once, after the last epoch. */
    public static List<TrialSpec> trials(StudySettings settings, List<String> losses, int seeds) {
        List<TrialSpec> out = new ArrayList<>();
        for (String loss : losses) {
            for (int s = 0; s < seeds; s++) out.add(settings.spec(loss, s, settings.epochs(), ""));
        }
        return out;
    }

    /**
     * One cell of the table.
     *
     * @param mean  mean over the units (volumes) of the seed-averaged value; NaN when none is defined
     * @param sd    sample standard deviation over the volumes; NaN below two
     * @param units volumes with a defined value
     * @param test  the permutation test against the reference, or null (the reference itself, or nothing to pair)
     */
    public record Cell(String loss, int classIndex, StudyMetric metric, double mean, double sd, int units, PermutationTestResult test) {
        public double p() {
            return test == null ? Double.NaN : test.pValue();
        }
    }

    /**
     * The table.
     *
     * @param reference    the loss the others are tested against
     * @param pairing      "volumes" or "slices"
     * @param volumes      validation volumes
     * @param runs         per loss, completed runs; diverged per loss too
     */
    public record Table(List<String> losses, List<String> classNames, double[] voxelFractions, String reference, String pairing,
                        int volumes, Map<String, Integer> runs, Map<String, Integer> diverged, List<Cell> cells) {
        public Cell cell(String loss, int c, StudyMetric m) {
            for (Cell x : cells) if (x.loss().equals(loss) && x.classIndex() == c && x.metric() == m) return x;
            throw new IllegalArgumentException("no cell " + loss + " " + c + " " + m);
        }
    }

    /**
     * Builds the table from the study's results (completed or diverged; diverged runs are left out of the
     * averages and counted).
     */
    public static Table analyse(List<TrialResult> results, List<String> losses, List<String> classNames, double[] voxelFractions) {
        String reference = losses.contains(REFERENCE) ? REFERENCE : losses.get(0);
        Map<String, List<TrialResult>> byLoss = new LinkedHashMap<>();
        Map<String, Integer> runs = new LinkedHashMap<>(), diverged = new LinkedHashMap<>();
        for (String loss : losses) {
            byLoss.put(loss, new ArrayList<>());
            runs.put(loss, 0);
            diverged.put(loss, 0);
        }
        for (TrialResult r : results) {
            String loss = r.spec().loss();
            if (r.completed()) {
                byLoss.get(loss).add(r);
                runs.merge(loss, 1, Integer::sum);
            } else {
                diverged.merge(loss, 1, Integer::sum);
            }
        }
        int volumes = results.stream().filter(TrialResult::completed).findFirst().map(r -> r.cases().size()).orElse(0);
        boolean bySlices = volumes < MIN_VOLUMES;
        List<Cell> cells = new ArrayList<>();
        for (int c = 1; c < classNames.size(); c++) {
            for (StudyMetric m : StudyMetric.values()) {
                double[] refUnits = unitMeans(byLoss.get(reference), c, m, bySlices);
                for (String loss : losses) {
                    double[] perVolume = unitMeans(byLoss.get(loss), c, m, false);
                    PermutationTestResult test = null;
                    if (!loss.equals(reference)) test = test(refUnits, unitMeans(byLoss.get(loss), c, m, bySlices));
                    cells.add(new Cell(loss, c, m, mean(perVolume), sd(perVolume), defined(perVolume), test));
                }
            }
        }
        return new Table(List.copyOf(losses), List.copyOf(classNames), voxelFractions.clone(), reference, bySlices ? "slices" : "volumes",
                volumes, runs, diverged, cells);
    }

    /** Per unit (volume or slice, in result order), the value averaged over the runs that define it; NaN where none does. */
    static double[] unitMeans(List<TrialResult> runs, int c, StudyMetric m, boolean slices) {
        if (runs.isEmpty()) return new double[0];
        int n = (slices ? runs.get(0).slices() : runs.get(0).cases()).size();
        double[] out = new double[n];
        for (int u = 0; u < n; u++) {
            double sum = 0;
            int k = 0;
            for (TrialResult r : runs) {
                double v = (slices ? r.slices() : r.cases()).get(u).values(m)[c];
                if (!Double.isNaN(v)) {
                    sum += v;
                    k++;
                }
            }
            out[u] = k == 0 ? Double.NaN : sum / k;
        }
        return out;
    }

    /** The permutation test over the units defined in both, or null when none is. */
    private static PermutationTestResult test(double[] a, double[] b) {
        if (a.length != b.length) return null;
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < a.length; i++) if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) pairs.add(new double[] {a[i], b[i]});
        if (pairs.isEmpty()) return null;
        double[] x = new double[pairs.size()], y = new double[pairs.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = pairs.get(i)[0];
            y[i] = pairs.get(i)[1];
        }
        return PairedPermutationTest.test(x, y, PairedPermutationTest.DEFAULT_PERMUTATIONS, TEST_SEED);
    }

    private static int defined(double[] v) {
        int n = 0;
        for (double x : v) if (!Double.isNaN(x)) n++;
        return n;
    }

    static double mean(double[] v) {
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s += (x - m) * (x - m);
                n++;
            }
        }
        return n < 2 ? Double.NaN : Math.sqrt(s / (n - 1));
    }

    /** One summary line per loss and foreground class, e.g. {@code table loss=dice class=2 dice=0.7100 hd=9.80 hd95=5.20 p_dice=0.0030 ...}. */
    public static List<String> lines(Table t) {
        List<String> out = new ArrayList<>();
        for (String loss : t.losses()) {
            for (int c = 1; c < t.classNames().size(); c++) {
                StringBuilder s = new StringBuilder("table loss=").append(loss).append(" class=").append(c);
                for (StudyMetric m : StudyMetric.values()) s.append(' ').append(m.key()).append('=').append(value(t.cell(loss, c, m)));
                if (!loss.equals(t.reference())) {
                    for (StudyMetric m : StudyMetric.values()) s.append(" p_").append(m.key()).append('=').append(p(t.cell(loss, c, m).p()));
                }
                s.append(" runs=").append(t.runs().get(loss)).append(" diverged=").append(t.diverged().get(loss));
                out.add(s.toString());
            }
        }
        return out;
    }

    /** {@code table.csv}: one row per loss, class and metric. */
    public static String csv(Table t) {
        StringBuilder s = new StringBuilder("loss,class,class_name,voxel_fraction,metric,mean,sd,volumes,reference,pairing,pairs,p_value,significant\n");
        for (String loss : t.losses()) {
            for (int c = 1; c < t.classNames().size(); c++) {
                for (StudyMetric m : StudyMetric.values()) {
                    Cell x = t.cell(loss, c, m);
                    s.append(String.join(",", loss, Integer.toString(c), csvText(t.classNames().get(c)), fmt("%.6f", t.voxelFractions()[c]),
                            m.key(), fmt("%.6f", x.mean()), fmt("%.6f", x.sd()), Integer.toString(x.units()), t.reference(), t.pairing(),
                            x.test() == null ? "" : Integer.toString(x.test().pairs()), fmt("%.6f", x.p()),
                            x.test() == null ? "" : Boolean.toString(x.test().significant()))).append('\n');
                }
            }
        }
        return s.toString();
    }

    /** {@code table.md}: the table as the paper prints it (mean ± sd; * marks p < 0.05 against the reference), with its notes. */
    public static String markdown(Table t, StudySettings settings, int seeds) {
        StringBuilder s = new StringBuilder("# Loss comparison (the paper's Tables 2-4)\n\n");
        s.append("Settings: ").append(settings.describe()).append("; ").append(seeds).append(seeds == 1 ? " seed" : " seeds")
                .append(" per loss, each value averaged over the seeds, then over the ").append(t.volumes())
                .append(t.volumes() == 1 ? " validation volume" : " validation volumes").append(" (mean ± sd over volumes).\n\n");
        List<String> header = new ArrayList<>(List.of("loss", "runs"));
        for (int c = 1; c < t.classNames().size(); c++) {
            for (StudyMetric m : StudyMetric.values()) header.add(t.classNames().get(c) + " " + label(m));
        }
        List<List<String>> rows = new ArrayList<>();
        for (String loss : t.losses()) {
            List<String> row = new ArrayList<>(List.of(loss, t.runs().get(loss) + (t.diverged().get(loss) > 0 ? " (+" + t.diverged().get(loss) + " diverged)" : "")));
            for (int c = 1; c < t.classNames().size(); c++) {
                for (StudyMetric m : StudyMetric.values()) {
                    Cell x = t.cell(loss, c, m);
                    String v = Double.isNaN(x.mean()) ? "n/a" : fmt(m == StudyMetric.DICE ? "%.3f" : "%.2f", x.mean())
                            + (Double.isNaN(x.sd()) ? "" : " ± " + fmt(m == StudyMetric.DICE ? "%.3f" : "%.2f", x.sd()));
                    if (x.test() != null && x.test().significant()) v += " *";
                    row.add(v);
                }
            }
            rows.add(row);
        }
        s.append(Markdown.table(header, rows)).append('\n');
        s.append("Proportion of voxels per class: ");
        for (int c = 0; c < t.classNames().size(); c++) {
            s.append(c == 0 ? "" : ", ").append(t.classNames().get(c)).append(' ').append(fmt("%.2f%%", 100 * t.voxelFractions()[c]));
        }
        s.append(".\n\n");
        s.append("p-values: paired two-sample permutation test of ").append(t.reference())
                .append(" against each loss (statistic |mean difference|, ").append(PairedPermutationTest.DEFAULT_PERMUTATIONS)
                .append(" random sign flips, seed ").append(TEST_SEED).append("); * marks p < 0.05. Pairing unit: ");
        if (t.pairing().equals("slices")) {
            s.append("the 2D validation slice, because this data set has fewer than ").append(MIN_VOLUMES)
                    .append(" validation volumes. Slices of one volume are not independent samples, so these p-values are ")
                    .append("optimistic: read them as a description of this data, not as evidence about a population.\n\n");
        } else {
            s.append("the validation volume (3D).\n\n");
        }
        s.append("| loss | class | p Dice | p HD | p HD95 | pairs |\n|---|---|---:|---:|---:|---:|\n");
        for (String loss : t.losses()) {
            if (loss.equals(t.reference())) continue;
            for (int c = 1; c < t.classNames().size(); c++) {
                Cell d = t.cell(loss, c, StudyMetric.DICE), h = t.cell(loss, c, StudyMetric.HD), h95 = t.cell(loss, c, StudyMetric.HD95);
                s.append("| ").append(Markdown.cell(loss)).append(" | ").append(Markdown.cell(t.classNames().get(c))).append(" | ")
                        .append(p(d.p())).append(" | ").append(p(h.p())).append(" | ").append(p(h95.p())).append(" | ")
                        .append(d.test() == null ? "n/a" : Integer.toString(d.test().pairs())).append(" |\n");
            }
        }
        s.append("\nHD and HD95 in mm (HD95 pooled over both directions, as MedPy and nnU-Net), undefined when a class is missing ")
                .append("from the prediction or the reference (such volumes are left out of that cell).\n");
        return s.toString();
    }

    /** Writes {@code table.csv} and {@code table.md} into {@code out}. */
    public static void write(Path out, Table t, StudySettings settings, int seeds) throws IOException {
        write(out.resolve("table.csv"), csv(t));
        write(out.resolve("table.md"), markdown(t, settings, seeds));
    }

    static void write(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, o -> o.write(bytes));
    }

    private static String label(StudyMetric m) {
        return switch (m) {
            case DICE -> "Dice";
            case HD -> "HD";
            case HD95 -> "HD95";
        };
    }

    private static String value(Cell c) {
        return Double.isNaN(c.mean()) ? "n/a" : fmt(c.metric() == StudyMetric.DICE ? "%.4f" : "%.2f", c.mean());
    }

    static String p(double p) {
        return Double.isNaN(p) ? "n/a" : fmt("%.4f", p);
    }

    static String fmt(String format, double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, format, v);
    }

    static String csvText(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
