package org.regionwise.experiments.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.regionwise.experiments.paper.Fig2;
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
 * {@code regionwise paper all}: Fig. 2, the table, Fig. 5 and Fig. 6 into OUT/fig2, OUT/table, OUT/fig5, OUT/fig6,
 * and OUT/report.md with each of the paper's claims beside what was measured ({@link PaperClaims}).
 */
@Command(name = "all", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Every experiment above into OUT/<name>/, and OUT/report.md: each of the paper's claims beside what was "
                + "measured here, with a plain verdict (shown, partly, NOT shown). Each part keeps its own defaults; --seeds goes to "
                + "the table, --models to fig5 and fig6, --epochs and the network options to all of them (--losses: use the "
                + "single commands).",
                "Default: the sum of the parts (" + PaperAllCommand.MEASURED + ")."})
final class PaperAllCommand implements Callable<Integer> {
    static final String MEASURED = "about 43 minutes on 2 quiet cores, estimated; see README";

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
        PrintWriter out = spec.commandLine().getOut();
        Path root = options.out;
        StudyPlan table = options.plan(spec, PaperTableCommand.DEFAULTS, root.resolve("table"), true);
        StudyPlan fig5 = options.plan(spec, PaperFig5Command.DEFAULTS, root.resolve("fig5"), true);
        StudyPlan fig6 = options.plan(spec, PaperFig6Command.DEFAULTS, root.resolve("fig6"), true);
        StudyEngine where = engine.engine(spec);
        TrialEnvironment env = StudyOptions.environment(table, spec);

        Fig2.Result f2;
        try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream())) {
            f2 = Fig2.run(root.resolve("fig2"), Fig2.STEP, quiet);
        }
        f2.lines().forEach(out::println);
        PaperStudies.TableOutcome t = StudyOptions.refusingToMix(spec, table.out(), () -> PaperStudies.table(table, env, where, out));
        PaperStudies.Fig5Outcome f5 = StudyOptions.refusingToMix(spec, fig5.out(), () -> PaperStudies.fig5(fig5, env, where, out));
        PaperStudies.Fig6Outcome f6 = StudyOptions.refusingToMix(spec, fig6.out(), () -> PaperStudies.fig6(fig6, env, where, out));

        List<PaperClaims.Claim> claims = new ArrayList<>();
        claims.addAll(PaperClaims.fig2(f2));
        claims.addAll(PaperClaims.table(t.table()));
        claims.addAll(PaperClaims.fig5(f5.maps(), f5.epochs()));
        claims.addAll(PaperClaims.fig6(f6));
        List<String> parts = List.of(
                "[Fig. 2](fig2/fig2.png): gradient signs over the 3-class simplex (no training)",
                "[Tables 2-4](table/table.md): " + table.losses().size() + " losses x " + table.runs() + " seeds; " + table.settings().describe(),
                "[Fig. 5](fig5/fig5.png): " + fig5.runs() + " models per map; " + fig5.settings().describe(),
                "Fig. 6 ([RW-Boundary curves](fig6/fig6_curves_rw-boundary.png), [RRW curves](fig6/fig6_curves_rrw.png), "
                        + "[RW-Boundary CDF](fig6/fig6_cdf_rw-boundary.png), [RRW CDF](fig6/fig6_cdf_rrw.png)): " + fig6.runs()
                        + " models per strategy; " + fig6.settings().describe());
        List<String> caveats = new ArrayList<>();
        caveats.add(String.format(Locale.ROOT, "The paper trains nnU-Net on ACDC17, BraTS18 and KiTS19 for 100-300 epochs at lr 1e-4 with 50 "
                + "models per configuration; these runs used %d, %d and %d epochs at lr %s with %d, %d and %d runs per configuration "
                + "(table, fig5, fig6). A claim not shown here may need the paper's schedule: rerun with --paper, or with more --epochs "
                + "and --models.", table.settings().epochs(), fig5.settings().epochs(), fig6.settings().epochs(), table.settings().lr(),
                table.runs(), fig5.runs(), fig6.runs()));
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
