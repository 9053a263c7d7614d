package org.regionwise.experiments.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one check of a run's options: the loss resolved to the registry's name, and messages that name the option. */
class TrainingOptionsTest {

    @Test
    void theLossNameIsResolvedToTheRegistrysSpelling() {
        assertEquals("rrw", TrainingOptions.defaults("  RRW ", 1).lossName());
        assertEquals("gradual-dice-rw-boundary", TrainingOptions.defaults("Gradual-Dice-RW-Boundary", 1).lossName());
    }

    @Test
    void anUnknownLossListsTheValidNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingOptions.defaults("nope", 1));
        assertTrue(e.getMessage().startsWith("--loss: unknown loss 'nope'; valid names: rrw, "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.defaults(" ", 1));
    }

    @Test
    void eachOutOfRangeValueIsNamedByItsOption() {
        TrainingOptions ok = TrainingOptions.defaults("rrw", 1);
        assertMessage("--epochs must be at least 1, got 0", () -> ok.withEpochs(0));
        assertMessage("--steps-per-epoch must be >= 0 (0: one pass), got -1", () -> ok.withStepsPerEpoch(-1));
        assertMessage("--validate-every must be >= 0, got -2", () -> ok.withValidateEvery(-2));
        assertMessage("--minutes must be positive, got 0.0", () -> ok.withTimeBudget(Duration.ZERO));
        assertMessage("--batch must be at least 1, got 0", () -> new TrainingOptions("rrw", 1, 0, 0, 1e-4, 0, 1, 1, true, null));
        assertMessage("--lr must be positive and finite, got NaN",
                () -> new TrainingOptions("rrw", 1, 0, 1, Double.NaN, 0, 1, 1, true, null));
    }

    private static void assertMessage(String expected, Runnable make) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, make::run).getMessage());
    }
}
