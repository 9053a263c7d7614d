package org.regionwise.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regionwise.experiments.cli.ChildStudyRuns.assertSameOutputs;
import static org.regionwise.experiments.cli.ChildStudyRuns.child;
import static org.regionwise.experiments.cli.ChildStudyRuns.killedMidTrial;
import static org.regionwise.experiments.cli.ChildStudyRuns.trialInProgress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study killed with SIGKILL in the middle of a trial and rerun ends with the same output files, byte for byte, as
 * one that ran through. Every run is a child JVM started like this one (same class path and flags), so that the
 * kernels are the same in all of them.
 */
class PaperStudyKillTest {
    @TempDir
    Path dir;

    @Test
    void killedMidTrialAndRerunGivesIdenticalFiles() throws Exception {
        Path data = TinyRawDataset.write(dir.resolve("raw"), 6);
        Path whole = dir.resolve("whole"), killed = dir.resolve("killed");
        assertEquals(0, child(args(data, whole)).waitFor(), "the uninterrupted run");

        assertTrue(killedMidTrial(args(data, killed), killed, 60), "the study was killed while a trial had a checkpoint and no result");
        assertTrue(trialInProgress(killed) || Files.exists(killed.resolve("study.json")), "the killed run left its state behind");
        assertEquals(0, child(args(data, killed)).waitFor(), "the rerun");

        // The best checkpoint holds wall-clock timings too: its weights are compared.
        assertSameOutputs(whole, killed, true, "fig5.csv", "fig5.png");
    }

    private static List<String> args(Path data, Path out) {
        return List.of("paper", "fig5", "--data", data.toString(), "--out", out.toString(), "--validation-fraction", "0.34",
                "--models", "1", "--epochs", "4", "--steps-per-epoch", "3", "--batch", "4", "--levels", "2", "--base-filters", "4",
                "--threads", "1");
    }
}
