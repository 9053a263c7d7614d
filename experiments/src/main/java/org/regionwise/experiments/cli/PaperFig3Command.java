package org.regionwise.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.regionwise.experiments.paper.Fig3;
import org.regionwise.experiments.study.StudyEngine;
import org.regionwise.experiments.study.StudyPlan;
import org.regionwise.experiments.study.TrialEnvironment;
import org.regionwise.experiments.study.TrialSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code regionwise paper fig3}: the paper's Fig. 3 ({@link Fig3}): trains RW-Boundary and RRW models (a study of
 * resumable trials in {@code --out}) and maps, at three epochs, how many components of the RW gradient are negative
 * per validation pixel.
 */
@Command(name = "fig3", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fig. 3: train --models runs of the RW loss per map (default: rw-boundary and, as the contrast, rrw) and, "
                + "at the epochs of --at, count the negative components of the RW logit gradient per validation pixel: panels "
                + "of one validation slice per map (fig3-<loss>.png), the share of validation pixels with >= 2 negatives "
                + "(fig3-neg2plus.png), a CSV beside each PNG, fig3.txt, and 'fig3 map=... run=... epoch=... neg2plus=...' "
                + "per map, run and epoch.",
                "Default: 2 runs x 50 epochs per map (4 trials) at epochs 1, 12 and 50, " + PaperFig3Command.MEASURED + ". "
                        + "--paper: 2 runs x 300 epochs (the paper's ACDC17 runs), lr 1e-4, nnU-Net's network at full "
                        + "resolution, at epochs 1, 75 and 300 (the paper does not give its time points). RW-Boundary is "
                        + "trained alone, without Dice or Kervadec's schedule: Fig. 3 is about the map's own gradients."})
final class PaperFig3Command implements Callable<Integer> {
    /** The measured wall time of the default run (see the README). */
    static final String MEASURED = "12.3 minutes measured on 2 quiet cores (12m20s, 2026-12-02, AVX2; see README)";
    static final StudyOptions.Defaults DEFAULTS = new StudyOptions.Defaults("fig3", List.of("rw-boundary", "rrw"), 2, 50, 2, 300,
            "models");

    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions options;

    @Mixin
    EngineOptions engine;

    @Option(names = "--at", paramLabel = "E1,E2,E3", split = ",",
            description = "The time points, in epochs trained (0: the initial weights) (default: 1, E/4 and E for --epochs E).")
    List<Integer> at;

    @Override
    public Integer call() throws IOException {
        StudyPlan plan = options.plan(spec, DEFAULTS, options.out, false);
        int epochs = plan.settings().epochs();
        SortedSet<Integer> times = at != null ? new TreeSet<>(at) : defaultTimes(epochs);
        if (at != null && times.size() != at.size()) throw usage("--at lists an epoch twice: " + at);
        if (times.first() < 0 || times.last() > epochs) throw usage("--at: time points must be epochs in 0.." + epochs + ", got " + at);
        TrialSpec template = plan.settings().spec(plan.losses().get(0), 0, 0, "");
        Fig3.Plan fig3;
        try {
            fig3 = new Fig3.Plan(template, plan.losses(), plan.runs(), times, plan.parallel(), plan.threads());
        } catch (IllegalArgumentException e) {
            throw usage("--losses: " + e.getMessage());
        }
        StudyEngine where = engine.engine(spec);
        TrialEnvironment env = StudyOptions.environment(plan, spec);
        PrintWriter stdout = spec.commandLine().getOut();
        Fig3.Result result = StudyOptions.refusingToMix(spec, plan.out(), () -> run(fig3, plan, env, where, stdout));
        result.lines().forEach(stdout::println);
        stdout.println("wrote " + String.join(", ", result.files().stream().map(Path::toString).toList()));
        return Main.OK;
    }

    /** Fig. 3's study on {@code where}'s runner, after a header line like the other studies'. */
    static Fig3.Result run(Fig3.Plan fig3, StudyPlan plan, TrialEnvironment env, StudyEngine where, PrintWriter out) throws IOException {
        out.println("fig3: " + fig3.specs().size() + " trials (" + fig3.losses().size() + " losses x " + fig3.models() + " models), "
                + where.describe(plan) + "; " + plan.settings().describe() + "; measured at epochs " + fig3.at());
        out.flush();
        return Fig3.run(fig3, plan.out(), env.data(fig3.template()), where.runner(plan, env), out);
    }

    /** 1, a quarter and all of {@code epochs} (fewer when they coincide). */
    static SortedSet<Integer> defaultTimes(int epochs) {
        return new TreeSet<>(List.of(1, Math.max(1, epochs / 4), epochs));
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
