package org.regionwise.experiments.paper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.regionwise.experiments.report.EcdfPlot;
import org.regionwise.experiments.report.MeanCurvePlot;
import org.regionwise.experiments.study.StudySettings;
import org.regionwise.experiments.study.TrialResult;
import org.regionwise.experiments.study.TrialSpec;

/**
 * The paper's Sec. 4.4 and Fig. 6: the four strategies that combine the RW loss with another (equal: L_X + L_RW;
 * gradual: a L_X + (1 - a) L_RW, a = max((100 - e)/100, 0.01); X = Dice or cross entropy), with the RW-Boundary
 * map and with RRW. For each, the mean validation Dice per epoch averaged over the runs, and the CDF of the final
 * Dice over the M models. The paper (ACDC, 300 epochs; CDF over 50 models): with an extra loss RW-Boundary
 * converges whatever the strategy, gradual strategies slightly better; RRW is invariant to the strategy.
 */
public final class Fig6 {
    /** The strategies, as loss-name prefixes. */
    public static final List<String> STRATEGIES = List.of("equal-dice", "gradual-dice", "equal-ce", "gradual-ce");
    /** The maps, as loss-name suffixes. */
    public static final List<String> MAPS = List.of("rw-boundary", "rrw");

    private Fig6() {}

    /** The eight loss names: every strategy with every map. */
    public static List<String> defaultLosses() {
        List<String> out = new ArrayList<>();
        for (String map : MAPS) for (String s : STRATEGIES) out.add(s + "-" + map);
        return out;
    }

    /** Models 0 .. models-1 per loss, validated after every epoch (the learning curves). */
    public static List<TrialSpec> trials(StudySettings settings, List<String> losses, int models) {
        List<TrialSpec> out = new ArrayList<>();
        for (String loss : losses) for (int m = 0; m < models; m++) out.add(settings.spec(loss, m, 1, ""));
        return out;
    }

    /** The map a loss name uses (its group in the figures), or the name itself. */
    public static String mapOf(String loss) {
        for (String map : MAPS) if (loss.equals(map) || loss.endsWith("-" + map)) return map;
        return loss;
    }

    /**
     * One configuration's learning curve: per epoch, the mean over its runs of the mean foreground validation Dice
     * (runs that diverged before an epoch are left out of it; {@code runs} says how many were averaged).
     */
    public record MeanCurve(String loss, double[] epochs, double[] meanDice, int[] runs) {
        public double last() {
            return meanDice.length == 0 ? Double.NaN : meanDice[meanDice.length - 1];
        }
    }

    public static MeanCurve curve(String loss, List<TrialResult> results) {
        TreeMap<Integer, double[]> sums = new TreeMap<>(); // epoch -> {sum, n}
        for (TrialResult r : results) {
            if (!r.spec().loss().equals(loss)) continue;
            for (TrialResult.EpochDice e : r.curve()) {
                double d = e.meanForeground();
                if (Double.isNaN(d)) continue;
                double[] s = sums.computeIfAbsent(e.epoch(), k -> new double[2]);
                s[0] += d;
                s[1]++;
            }
        }
        double[] epochs = new double[sums.size()], mean = new double[sums.size()];
        int[] runs = new int[sums.size()];
        int i = 0;
        for (Map.Entry<Integer, double[]> e : sums.entrySet()) {
            epochs[i] = e.getKey() + 1; // epochs trained, counted from 1 as the paper's axes do
            mean[i] = e.getValue()[0] / e.getValue()[1];
            runs[i] = (int) e.getValue()[1];
            i++;
        }
        return new MeanCurve(loss, epochs, mean, runs);
    }

    /** {@code fig6 loss=gradual-ce-rrw map=rrw strategy=gradual-ce epochs=10 final_mean_dice=0.8300 models=2 median_dice=...}. */
    public static List<String> lines(List<String> losses, List<TrialResult> results, int epochs) {
        List<String> out = new ArrayList<>();
        for (String loss : losses) {
            String map = mapOf(loss);
            String strategy = loss.equals(map) ? "none" : loss.substring(0, loss.length() - map.length() - 1);
            out.add(String.format(Locale.ROOT, "fig6 loss=%s map=%s strategy=%s epochs=%d final_mean_dice=%.4f %s", loss, map, strategy,
                    epochs, curve(loss, results).last(), ModelOutcomes.of(loss, results).summary()));
        }
        return out;
    }

    /**
     * Writes, per map: {@code fig6_curves_<map>.png/.csv} (mean validation Dice per epoch, one line per strategy) and
     * {@code fig6_cdf_<map>.png/.csv} (CDF of the final Dice over the models).
     */
    public static void write(Path out, List<String> losses, List<TrialResult> results, StudySettings settings) throws IOException {
        Map<String, List<String>> byMap = new LinkedHashMap<>();
        for (String loss : losses) byMap.computeIfAbsent(mapOf(loss), k -> new ArrayList<>()).add(loss);
        for (Map.Entry<String, List<String>> group : byMap.entrySet()) {
            String map = group.getKey();
            Map<String, MeanCurvePlot.Curve> curves = new LinkedHashMap<>();
            Map<String, double[]> finals = new LinkedHashMap<>();
            StringBuilder curveCsv = new StringBuilder("loss,epoch,mean_foreground_dice,runs\n");
            StringBuilder cdfCsv = new StringBuilder(ModelOutcomes.CSV_HEADER);
            for (String loss : group.getValue()) {
                MeanCurve c = curve(loss, results);
                curves.put(loss, new MeanCurvePlot.Curve(c.epochs(), c.meanDice()));
                for (int i = 0; i < c.epochs().length; i++) {
                    curveCsv.append(loss).append(',').append((int) c.epochs()[i]).append(',')
                            .append(String.format(Locale.ROOT, "%.6f", c.meanDice()[i])).append(',').append(c.runs()[i]).append('\n');
                }
                ModelOutcomes o = ModelOutcomes.of(loss, results);
                if (o.models() > 0) finals.put(loss, o.dice());
                cdfCsv.append(ModelOutcomes.csvRows(o, results));
            }
            LossTable.write(out.resolve("fig6_curves_" + map + ".csv"), curveCsv.toString());
            LossTable.write(out.resolve("fig6_cdf_" + map + ".csv"), cdfCsv.toString());
            boolean anyPoint = curves.values().stream().anyMatch(c -> c.x().length > 0);
            if (anyPoint) {
                MeanCurvePlot.write(out.resolve("fig6_curves_" + map + ".png"), "Fig. 6: mean validation Dice per epoch, " + map
                        + " (averaged over runs)", "epoch", "mean foreground Dice", curves);
            }
            if (!finals.isEmpty()) {
                EcdfPlot.write(out.resolve("fig6_cdf_" + map + ".png"), "Fig. 6: convergence CDF, " + map + ", " + settings.epochs()
                        + " epochs (diverged models count as Dice 0)", finals);
            }
        }
    }
}
