package org.regionwise.experiments.paper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.regionwise.experiments.report.EcdfPlot;
import org.regionwise.experiments.study.StudySettings;
import org.regionwise.experiments.study.TrialResult;
import org.regionwise.experiments.study.TrialSpec;

/**
 * The paper's Sec. 4.3 and Fig. 5: M models per map (RW-Boundary and RRW, the RW loss alone), the final mean
 * foreground validation Dice of each, their empirical CDF (Eq. 8) and the shares below 0.7 and 0.9. The paper
 * (ACDC, 50 models of 50 epochs): every RRW model reaches Dice 0.9, some RW-Boundary models stay near 0.5.
 */
public final class Fig5 {
    public static final List<String> DEFAULT_MAPS = List.of("rw-boundary", "rrw");

    private Fig5() {}

    /** Models 0 .. models-1 (the seed is the model number) per map, validated once after the last epoch. */
    public static List<TrialSpec> trials(StudySettings settings, List<String> maps, int models) {
        List<TrialSpec> out = new ArrayList<>();
        for (String map : maps) {
            for (int m = 0; m < models; m++) out.add(settings.spec(map, m, settings.epochs(), ""));
        }
        return out;
    }

    /** The outcomes per map, in map order. */
    public static List<ModelOutcomes> analyse(List<TrialResult> results, List<String> maps) {
        List<ModelOutcomes> out = new ArrayList<>();
        for (String map : maps) out.add(ModelOutcomes.of(map, results));
        return out;
    }

    /** {@code fig5 map=rrw models=8 epochs=20 median_dice=0.85 below_0.7=0.00 below_0.9=0.25 ...}, one per map. */
    public static List<String> lines(List<ModelOutcomes> outcomes, int epochs) {
        List<String> out = new ArrayList<>();
        for (ModelOutcomes o : outcomes) {
            out.add("fig5 map=" + o.loss() + " epochs=" + epochs + " " + o.summary());
        }
        return out;
    }

    /** Writes {@code fig5.png} (the CDFs) and {@code fig5.csv} (each model's final Dice) into {@code out}. */
    public static void write(Path out, List<ModelOutcomes> outcomes, List<TrialResult> results, StudySettings settings) throws IOException {
        Map<String, double[]> series = new LinkedHashMap<>();
        StringBuilder csv = new StringBuilder(ModelOutcomes.CSV_HEADER);
        for (ModelOutcomes o : outcomes) {
            if (o.models() > 0) series.put(o.loss(), o.dice());
            csv.append(ModelOutcomes.csvRows(o, results));
        }
        LossTable.write(out.resolve("fig5.csv"), csv.toString());
        EcdfPlot.write(out.resolve("fig5.png"), "Convergence CDF (Fig. 5): " + settings.epochs() + " epochs, lr " + settings.lr()
                + " (diverged models count as Dice 0)", series);
    }
}
