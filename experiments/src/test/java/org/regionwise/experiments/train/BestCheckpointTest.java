package org.regionwise.experiments.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.experiments.io.CheckpointFile;

/** nnU-Net's best checkpoint: the EMA of the validation's mean foreground Dice, and the file the trainer keeps. */
class BestCheckpointTest {
    @TempDir
    Path dir;

    private static EpochRecord epoch(int e, double foregroundDice) {
        double[] dice = Double.isNaN(foregroundDice) ? null : new double[] {0.99, foregroundDice};
        return new EpochRecord(e, 1.0, 1e-3, 1, 1.0, dice, dice == null ? 0 : 0.5);
    }

    @Test
    void theEmaIsNnUnetsRunningAverageFromTheFirstValidation() {
        List<EpochRecord> h = List.of(epoch(0, Double.NaN), epoch(1, 0.5), epoch(2, Double.NaN), epoch(3, 0.8));
        double[] ema = ValidationEma.of(h);
        assertTrue(Double.isNaN(ema[0]));
        assertEquals(0.5, ema[1], 1e-15);
        assertEquals(0.5, ema[2], 1e-15, "an epoch without validation carries the average");
        assertEquals(0.9 * 0.5 + 0.1 * 0.8, ema[3], 1e-15);
    }

    @Test
    void aRunThatPeakedEarlyKeepsThePeakAsBest() {
        List<EpochRecord> h = new ArrayList<>();
        double[] dice = {0.2, 0.9, 0.9, 0.9, 0.1, 0.1, 0.1};
        boolean[] best = new boolean[dice.length];
        for (int e = 0; e < dice.length; e++) {
            h.add(epoch(e, dice[e]));
            best[e] = ValidationEma.lastIsBest(h);
        }
        // EMA: 0.2, 0.27, 0.333, 0.3897, 0.3607, ... : rises while the Dice is 0.9, then falls.
        assertArrayEquals(new boolean[] {true, true, true, true, false, false, false}, best);
        assertEquals(3, ValidationEma.bestEpoch(h));
        assertFalse(ValidationEma.lastIsBest(List.of(epoch(0, Double.NaN))), "an epoch without validation is never best");
    }

    @Test
    void theTrainerWritesCheckpointBestAtTheBestEmaBesideTheLastOne() throws IOException {
        Path checkpoint = dir.resolve("run/checkpoint.npz");
        Trainer t = Trainer.start(TinyData.setup(TinyData.options(4).withEpochs(3), checkpoint).build());
        TrainingResult result = t.run();
        assertTrue(result.ok(), result.message());

        Path best = dir.resolve("run/checkpoint_best.npz");
        assertTrue(Files.exists(best));
        int bestEpoch = ValidationEma.bestEpoch(t.history().epochs());
        assertEquals(TrainingPosition.startOf(bestEpoch + 1), CheckpointFile.read(best).position(),
                "checkpoint_best holds the state right after the best epoch");
        List<String> csv = Files.readAllLines(dir.resolve("run/history.csv"));
        assertTrue(csv.get(0).startsWith("epoch,loss,learning_rate,steps,seconds,validation_seconds,mean_foreground_dice,"
                + "ema_foreground_dice,"), csv.get(0));
        assertTrue(csv.get(1).startsWith("1,"), "history.csv counts epochs from 1, as the console: " + csv.get(1));
    }

    @Test
    void neverPredictedClassesAreNamedWithTheHint() {
        long[][] voxels = {{900, 100, 0}, {880, 90, 30}};
        String note = NeverPredicted.note(voxels, TinyData.CLASSES, 4);
        assertTrue(note.startsWith("warning: at the validation after epoch 5, square was never predicted."), note);
        assertTrue(note.contains("--lr") && note.contains("gradual-ce-rrw"), note);
        assertEquals("", NeverPredicted.note(new long[][] {{900, 100, 0}, {900, 100, 0}}, TinyData.CLASSES, 0),
                "a class absent from the reference too is not 'missed'");
    }
}
