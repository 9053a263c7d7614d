package org.regionwise.experiments.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.regionwise.experiments.paper.Fig6;
import org.regionwise.experiments.paper.PaperStudies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code regionwise paper fig6}: the combination strategies of Sec. 4.4 ({@link Fig6}). */
@Command(name = "fig6", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fig. 6 (Sec. 4.4): the four strategies (equal and gradual, with Dice and with cross entropy) with "
                + "RW-Boundary and with RRW (8 losses, e.g. gradual-ce-rrw), --models models each, validated every epoch: "
                + "mean validation Dice per epoch over the runs (fig6_curves_<map>.png/.csv) and the CDF of the final Dice "
                + "(fig6_cdf_<map>.png/.csv); prints one 'fig6 loss=...' line per loss.",
                "Default: 2 models x 12 epochs per loss (16 trials), " + PaperFig6Command.MEASURED + ". "
                        + "--paper: 50 models x 300 epochs, lr 1e-4, nnU-Net's network at full resolution."})
final class PaperFig6Command implements Callable<Integer> {
    static final String MEASURED = "16 minutes measured on 2 quiet cores (15m37s, 2026-12-02, AVX2; see README)";
    static final StudyOptions.Defaults DEFAULTS = new StudyOptions.Defaults("fig6", Fig6.defaultLosses(), 2, 12, 50, 300, "models");

    @Mixin
    StudyCommandOptions study;

    @Override
    public Integer call() throws IOException {
        return study.run(DEFAULTS, PaperStudies::fig6);
    }
}
