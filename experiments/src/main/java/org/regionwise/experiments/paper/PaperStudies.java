package org.regionwise.experiments.paper;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.regionwise.experiments.data.TrainingData;
import org.regionwise.experiments.study.Study;
import org.regionwise.experiments.study.StudyEngine;
import org.regionwise.experiments.study.StudyExecution;
import org.regionwise.experiments.study.StudyPlan;
import org.regionwise.experiments.study.TrialEnvironment;
import org.regionwise.experiments.study.TrialResult;
import org.regionwise.experiments.study.TrialRunner;
import org.regionwise.experiments.study.TrialSpec;

/**
 * The paper's trained experiments as studies: each builds its trials from a {@link StudyPlan}, runs them (skipping
 * finished ones, resuming interrupted ones), analyses the results, writes its tables and figures into the plan's
 * folder and prints one summary line per result. The commands and {@code paper all} call these.
 */
public final class PaperStudies {
    private PaperStudies() {}

    /** The table's outcome. */
    public record TableOutcome(LossTable.Table table, List<String> lines) {}

    /** Fig. 5's outcome. */
    public record Fig5Outcome(List<ModelOutcomes> maps, int epochs, List<String> lines) {}

    /** Fig. 6's outcome. */
    public record Fig6Outcome(List<String> losses, List<Fig6.MeanCurve> curves, List<ModelOutcomes> finals, int epochs,
                              List<String> lines) {}

    public static TableOutcome table(StudyPlan plan, TrialEnvironment env, StudyEngine engine, PrintWriter out) throws IOException {
        List<TrialSpec> specs = LossTable.trials(plan.settings(), plan.losses(), plan.runs());
        List<TrialResult> results = run("table", plan, specs, env, engine, out, "seeds");
        TrainingData data = env.data(specs.get(0));
        LossTable.Table t = LossTable.analyse(results, plan.losses(), data.classNames(), voxelFractions(data));
        LossTable.write(plan.out(), t, plan.settings(), plan.runs());
        List<String> lines = LossTable.lines(t);
        print(out, lines);
        out.println("wrote " + plan.out().resolve("table.md") + " and table.csv");
        return new TableOutcome(t, lines);
    }

    public static Fig5Outcome fig5(StudyPlan plan, TrialEnvironment env, StudyEngine engine, PrintWriter out) throws IOException {
        List<TrialSpec> specs = Fig5.trials(plan.settings(), plan.losses(), plan.runs());
        List<TrialResult> results = run("fig5", plan, specs, env, engine, out, "models");
        List<ModelOutcomes> maps = Fig5.analyse(results, plan.losses());
        Fig5.write(plan.out(), maps, results, plan.settings());
        List<String> lines = Fig5.lines(maps, plan.settings().epochs());
        print(out, lines);
        out.println("wrote " + plan.out().resolve("fig5.png") + " and fig5.csv");
        return new Fig5Outcome(maps, plan.settings().epochs(), lines);
    }

    public static Fig6Outcome fig6(StudyPlan plan, TrialEnvironment env, StudyEngine engine, PrintWriter out) throws IOException {
        List<TrialSpec> specs = Fig6.trials(plan.settings(), plan.losses(), plan.runs());
        List<TrialResult> results = run("fig6", plan, specs, env, engine, out, "models");
        Fig6.write(plan.out(), plan.losses(), results, plan.settings());
        List<String> lines = Fig6.lines(plan.losses(), results, plan.settings().epochs());
        print(out, lines);
        out.println("wrote the fig6_curves_* and fig6_cdf_* PNG and CSV files into " + plan.out());
        List<Fig6.MeanCurve> curves = plan.losses().stream().map(l -> Fig6.curve(l, results)).toList();
        List<ModelOutcomes> finals = plan.losses().stream().map(l -> ModelOutcomes.of(l, results)).toList();
        return new Fig6Outcome(plan.losses(), curves, finals, plan.settings().epochs(), lines);
    }

    private static List<TrialResult> run(String command, StudyPlan plan, List<TrialSpec> specs, TrialEnvironment env, StudyEngine engine,
                                         PrintWriter out, String runsName) throws IOException {
        Map<String, String> config = new LinkedHashMap<>(plan.settings().configuration());
        config.put("losses", String.join(",", plan.losses()));
        config.put(runsName, Integer.toString(plan.runs()));
        Study study = Study.open(plan.out(), command, config, specs);
        TrialRunner runner = engine.runner(plan, env);
        out.println(command + ": " + specs.size() + " trials (" + plan.losses().size() + " losses x " + plan.runs() + " " + runsName
                + "), " + engine.describe(plan) + "; " + plan.settings().describe());
        out.flush();
        return StudyExecution.run(study, runner, out);
    }

    /** The share of voxels of each class over both splits (the paper's "proportion of voxels per class"). */
    static double[] voxelFractions(TrainingData data) {
        long[] a = data.train().classCounts(), b = data.validation().classCounts();
        double total = 0;
        for (int c = 0; c < a.length; c++) total += a[c] + b[c];
        double[] f = new double[a.length];
        for (int c = 0; c < a.length; c++) f[c] = total == 0 ? 0 : (a[c] + b[c]) / total;
        return f;
    }

    private static void print(PrintWriter out, List<String> lines) {
        lines.forEach(out::println);
        out.flush();
    }
}
