package org.regionwise.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regionwise.experiments.cli.ChildStudyRuns.assertSameOutputs;
import static org.regionwise.experiments.cli.ChildStudyRuns.child;
import static org.regionwise.experiments.cli.ChildStudyRuns.killedMidTrial;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paper fig3} killed with SIGKILL while a trial has a checkpoint but no result, then rerun, ends with the same
 * files byte for byte as a run that went through (each run a child JVM with this one's class path and flags).
 */
class PaperFig3KillTest {
    @TempDir
    Path dir;

    @Test
    void killedMidTrialAndRerunGivesIdenticalFiles() throws Exception {
        Path data = TinyRawDataset.write(dir.resolve("raw"), 6);
        Path whole = dir.resolve("whole"), killed = dir.resolve("killed");
        assertEquals(0, child(args(data, whole)).waitFor(), "the uninterrupted run");

        assertTrue(killedMidTrial(args(data, killed), killed, 120), "the study was killed while a trial had a checkpoint and no result");
        assertEquals(0, child(args(data, killed)).waitFor(), "the rerun");

        // Only the trainer's checkpoint and history.csv hold wall-clock timings here: the rest is compared byte for byte.
        assertSameOutputs(whole, killed, false, "fig3-rw-boundary.png", "fig3-neg2plus.csv");
    }

    private static List<String> args(Path data, Path out) {
        return List.of("paper", "fig3", "--data", data.toString(), "--out", out.toString(), "--validation-fraction", "0.34",
                "--models", "1", "--epochs", "4", "--at", "0,2,4", "--steps-per-epoch", "3", "--batch", "4", "--levels", "2",
                "--base-filters", "4", "--threads", "1");
    }
}
