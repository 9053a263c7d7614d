package org.regionwise.experiments.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.regionwise.experiments.io.OutputLock;
import org.regionwise.experiments.paper.Fig2;
import org.regionwise.experiments.paper.Fig3;
import org.regionwise.experiments.paper.Fig34Claims;
import org.regionwise.experiments.paper.Fig4;
import org.regionwise.experiments.paper.PaperClaims;
import org.regionwise.experiments.paper.PaperReport;
import org.regionwise.experiments.paper.PaperStudies;
import org.regionwise.experiments.study.StudyEngine;
import org.regionwise.experiments.study.StudyPlan;
import org.regionwise.experiments.study.TrialEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code regionwise paper all}: Fig. 2, Fig. 4, the table, Fig. 5, Fig. 6 and Fig. 3 into OUT/fig2, OUT/fig4, OUT/table,
 * OUT/fig5, OUT/fig6 and OUT/fig3, and OUT/report.md with each of the paper's claims beside what was measured
 * ({@link PaperClaims}, {@link Fig34Claims}). OUT itself is locked for the whole run, each part's folder too.
 */
@Command(name = "all", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Every experiment above into OUT/<name>/, and OUT/report.md: each of the paper's claims beside what was "
                + "measured here, with a plain verdict (shown, partly, NOT shown). Each part keeps its own defaults; --seeds goes to "
                + "the table, --models to fig3, fig5 and fig6, --epochs and the network options to all of them (--losses, --at: use "
                + "the single commands). fig2 and fig4 need no training and run first.",
                "Default: the sum of the parts (" + PaperAllCommand.MEASURED + ")."})
final class PaperAllCommand implements Callable<Integer> {
    static final String MEASURED = "about 66 minutes on 2 quiet cores: fig5 measured at 21, fig6 at 16, fig3 at 12.3, the "
            + "table at 17.5 (CPU time / 2); see README";

    @Spec
    CommandSpec spec;

    @Mixin
    StudyOptions options;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() throws IOException {
        if (options.losses != null) {
            throw new ParameterException(spec.commandLine(), "--losses means a different set per experiment; run 'paper table', "
                    + "'paper fig5' or 'paper fig6' to choose them");
        }
        Path root = options.out;
        StudyPlan table = options.plan(spec, PaperTableCommand.DEFAULTS, root.resolve("table"), true);
        StudyPlan fig5 = options.plan(spec, PaperFig5Command.DEFAULTS, root.resolve("fig5"), true);
        StudyPlan fig6 = options.plan(spec, PaperFig6Command.DEFAULTS, root.resolve("fig6"), true);
        StudyPlan fig3 = options.plan(spec, PaperFig3Command.DEFAULTS, root.resolve("fig3"), true);
        Fig3.Plan fig3Plan = new Fig3.Plan(fig3.settings().spec(fig3.losses().get(0), 0, 0, ""), fig3.losses(), fig3.runs(),
                PaperFig3Command.defaultTimes(fig3.settings().epochs()), fig3.parallel(), fig3.threads());
        StudyEngine where = engine.engine(spec);
        // One run of 'all' per folder: the parts' folders are locked as each runs, the report's folder for the whole run.
        try (OutputLock lock = OutputTargets.folder(spec, root)) {
            return run(root, table, fig5, fig6, fig3, fig3Plan, where);
        }
    }

    private int run(Path root, StudyPlan table, StudyPlan fig5, StudyPlan fig6, StudyPlan fig3, Fig3.Plan fig3Plan, StudyEngine where)
            throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        TrialEnvironment env = StudyOptions.environment(table, spec);

        Fig2.Result f2;
        Fig4.Result f4;
        try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
             OutputLock fig2Lock = OutputTargets.folder(spec, root.resolve("fig2"));
             OutputLock fig4Lock = OutputTargets.folder(spec, root.resolve("fig4"))) {
            f2 = Fig2.run(root.resolve("fig2"), Fig2.STEP, quiet);
            f4 = Fig4.run(root.resolve("fig4"), Fig4.STEP, Fig4.RRW_VALUE, quiet);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        f2.lines().forEach(out::println);
        f4.lines().forEach(out::println);
        PaperStudies.TableOutcome t = StudyOptions.refusingToMix(spec, table.out(), () -> PaperStudies.table(table, env, where, out));
        PaperStudies.Fig5Outcome f5 = StudyOptions.refusingToMix(spec, fig5.out(), () -> PaperStudies.fig5(fig5, env, where, out));
        PaperStudies.Fig6Outcome f6 = StudyOptions.refusingToMix(spec, fig6.out(), () -> PaperStudies.fig6(fig6, env, where, out));
        Fig3.Result f3 = StudyOptions.refusingToMix(spec, fig3.out(), () -> PaperFig3Command.run(fig3Plan, fig3, env, where, out));
        f3.lines().forEach(out::println);

        List<PaperClaims.Claim> claims = new ArrayList<>();
        claims.addAll(PaperClaims.fig2(f2));
        claims.addAll(Fig34Claims.fig3(f3));
        claims.addAll(Fig34Claims.fig4(f4));
        claims.addAll(PaperClaims.table(t.table()));
        claims.addAll(PaperClaims.fig5(f5.maps(), f5.epochs()));
        claims.addAll(PaperClaims.fig6(f6));
        List<String> parts = List.of(
                "[Fig. 2](fig2/fig2.png): gradient signs over the 3-class simplex (no training)",
                "Fig. 3 ([RW-Boundary panels](fig3/fig3-rw-boundary.png), [RRW panels](fig3/fig3-rrw.png), "
                        + "[share with >= 2 negatives](fig3/fig3-neg2plus.png)): " + fig3.runs() + " models per map, measured at epochs "
                        + fig3Plan.at() + "; " + fig3.settings().describe(),
                "[Fig. 4](fig4/fig4.png): the true logit's gradient over the 3-class simplex, RW (RRW vector) vs cross entropy "
                        + "(no training)",
                "[Tables 2-4](table/table.md): " + table.losses().size() + " losses x " + table.runs() + " seeds; " + table.settings().describe(),
                "[Fig. 5](fig5/fig5.png): " + fig5.runs() + " models per map; " + fig5.settings().describe(),
                "Fig. 6 ([RW-Boundary curves](fig6/fig6_curves_rw-boundary.png), [RRW curves](fig6/fig6_curves_rrw.png), "
                        + "[RW-Boundary CDF](fig6/fig6_cdf_rw-boundary.png), [RRW CDF](fig6/fig6_cdf_rrw.png)): " + fig6.runs()
                        + " models per strategy; " + fig6.settings().describe());
        List<String> caveats = new ArrayList<>();
        caveats.add(String.format(Locale.ROOT, "The paper trains nnU-Net on ACDC17, BraTS18 and KiTS19 for 100-300 epochs at lr 1e-4 with 50 "
                + "models per configuration; these runs used %d, %d, %d and %d epochs at lr %s with %d, %d, %d and %d runs per "
                + "configuration (table, fig5, fig6, fig3). A claim not shown here may need the paper's schedule: rerun with --paper, or with more --epochs "
                + "and --models.", table.settings().epochs(), fig5.settings().epochs(), fig6.settings().epochs(), fig3.settings().epochs(),
                table.settings().lr(), table.runs(), fig5.runs(), fig6.runs(), fig3.runs()));
        caveats.add(String.format(Locale.ROOT, "The gradual strategies weight the extra loss by a = max((100 - e)/100, 0.01): after %d epochs "
                + "a is still %.2f, so a short run is mostly the extra loss.", fig6.settings().epochs(),
                Math.max((100.0 - (fig6.settings().epochs() - 1)) / 100, 0.01)));
        if (t.table().pairing().equals("slices")) {
            caveats.add("This data set has fewer than 5 validation volumes, so the permutation tests pair 2D slices, which are not "
                    + "independent: their p-values are optimistic.");
        }
        caveats.add("Data: " + table.settings().data() + ". One data set and a few runs are one sample of what the paper measured on three.");
        PaperReport.write(root, claims, parts, caveats);
        for (PaperClaims.Claim c : claims) {
            out.println("all claim=\"" + c.paper() + "\" verdict=" + c.verdict().name().toLowerCase(Locale.ROOT));
        }
        out.println("wrote " + root.resolve("report.md"));
        return Main.OK;
    }
}
