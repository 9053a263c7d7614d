package org.regionwise.experiments.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.regionwise.experiments.train.EpochRecord;
import org.regionwise.experiments.train.StopReason;
import org.regionwise.experiments.train.TrainingHistory;
import org.regionwise.experiments.train.TrainingResult;

/** The demo trains a fixed number of epochs per mode: the clock is a safety stop, never the epoch count. */
class DemoPlanTest {

    @Test
    void epochCountsAreFixedPerModeWhateverTheClockSays() {
        assertEquals(DemoPlan.QUICK_EPOCHS, DemoPlan.of(true, null).epochs());
        assertEquals(DemoPlan.FULL_EPOCHS, DemoPlan.of(false, null).epochs());
        assertEquals(DemoPlan.of(true, null).options(0).withoutBudget(), DemoPlan.of(true, 0.5).options(0).withoutBudget(),
                "--minutes changes the safety stop only");
        assertEquals(Duration.ofMinutes(6), DemoPlan.of(true, null).safetyStop());
        assertEquals(Duration.ofMinutes(30), DemoPlan.of(false, null).safetyStop());
        assertEquals(Duration.ofSeconds(30), DemoPlan.of(false, 0.5).safetyStop());
        assertTrue(DemoPlan.of(false, null).epochs() / DemoPlan.of(false, null).validateEvery() >= 10, "about ten validations");
    }

    @Test
    void oneWordingForTheEpochsAndAContinueHintThatNamesTrainResume() {
        TrainingHistory history = new TrainingHistory(List.of(new EpochRecord(0, 1, 1e-3, 3, 1, null, 0),
                new EpochRecord(1, 1, 1e-3, 3, 1, null, 0)));
        var options = DemoPlan.of(true, null).options(0);
        TrainingResult cut = new TrainingResult(StopReason.TIME_BUDGET, "stopped", null, history, null);
        assertEquals("2 of " + DemoPlan.QUICK_EPOCHS + " epochs", Demo.epochsTrained(cut, options));
        assertEquals("2 epochs", Demo.epochsTrained(cut, options.withEpochs(2)));
        assertEquals("./regionwise train --resume --out runs/x",
                new Demo(DemoPlan.of(true, null), Path.of("runs/x"), 0, 1).continueCommand());
    }
}
