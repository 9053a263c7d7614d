package org.regionwise.experiments.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.regionwise.experiments.paper.Fig5;
import org.regionwise.experiments.paper.PaperStudies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code regionwise paper fig5}: the convergence CDF of Sec. 4.3 ({@link Fig5}). */
@Command(name = "fig5", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fig. 5 (Sec. 4.3): train --models models with the RW loss per map (default: rw-boundary, rrw), take each "
                + "model's final mean foreground validation Dice, plot their empirical CDFs (fig5.png, fig5.csv) and print "
                + "'fig5 map=... median_dice=... below_0.7=... below_0.9=...' per map.",
                "Default: 8 models x 20 epochs per map (16 trials), " + PaperFig5Command.MEASURED + ". "
                        + "--paper: 50 models x 50 epochs, lr 1e-4, nnU-Net's network at full resolution."})
final class PaperFig5Command implements Callable<Integer> {
    static final String MEASURED = "21 minutes measured on 2 quiet cores (20m38s, 2026-12-02, AVX2; see README)";
    static final StudyOptions.Defaults DEFAULTS = new StudyOptions.Defaults("fig5", Fig5.DEFAULT_MAPS, 8, 20, 50, 50, "models");

    @Mixin
    StudyCommandOptions study;

    @Override
    public Integer call() throws IOException {
        return study.run(DEFAULTS, PaperStudies::fig5);
    }
}
