package org.regionwise.experiments.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.regionwise.experiments.paper.LossTable;
import org.regionwise.experiments.paper.PaperStudies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code regionwise paper table}: the loss comparison of the paper's Tables 2-4 ({@link LossTable}). */
@Command(name = "table", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Tables 2-4: train each loss (default: rrw, dice, focal, wce-rrw, boundary-kervadec) with --seeds seeds, "
                + "average per-class Dice, HD and HD95 (mm) over seeds and validation volumes, and test RRW against each loss "
                + "(paired permutation test, 10,000 seeded sign flips; per 2D slice when there are fewer than 5 validation volumes). "
                + "Writes table.md and table.csv; prints one 'table loss=... class=...' line per loss and class.",
                "Default: 3 seeds x 16 epochs (15 trials), " + PaperTableCommand.MEASURED + ". "
                        + "--paper: 3 seeds x 100 epochs, lr 1e-4, nnU-Net's network at full resolution."})
final class PaperTableCommand implements Callable<Integer> {
    static final String MEASURED = "measured: 17.5 minutes of 2 cores' time (35.1 min of CPU; 71 min wall on the 2-core AVX2 "
            + "machine shared with other jobs, load average 5-25, 2026-12-02; see README)";
    static final StudyOptions.Defaults DEFAULTS = new StudyOptions.Defaults("table", LossTable.DEFAULT_LOSSES, 3, 16, 3, 100, "seeds");

    @Mixin
    StudyCommandOptions study;

    @Override
    public Integer call() throws IOException {
        return study.run(DEFAULTS, PaperStudies::table);
    }
}
