package org.regionwise.experiments.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Backends;
import org.regionwise.autodiff.backend.CpuBackend;
import org.regionwise.autodiff.cpu.FastKernels;
import org.regionwise.losses.Loss;
import org.regionwise.losses.LossRegistry;
import org.regionwise.losses.Target;
import org.regionwise.experiments.io.CheckpointFile;
import org.regionwise.experiments.progress.Progress;

/** The trainer's promises: determinism, exact resume (after a kill or a spent budget), a clean stop on NaN. */
class TrainerTest {
    @TempDir
    Path dir;

    @Test
    void sameSeedGivesBitIdenticalWeightsAfterTwoEpochs() throws IOException {
        TrainingOptions twoEpochs = TinyData.options(7).withEpochs(2);
        Map<String, float[]> a = train(twoEpochs, dir.resolve("a/checkpoint.npz")).model().stateDict();
        Map<String, float[]> b = train(twoEpochs, dir.resolve("b/checkpoint.npz")).model().stateDict();
        Map<String, float[]> other = train(TinyData.options(8).withEpochs(2), dir.resolve("c/checkpoint.npz")).model().stateDict();

        assertSameWeights(a, b);
        assertFalse(java.util.Arrays.equals(a.get("encoder.0.conv1.weight"), other.get("encoder.0.conv1.weight")),
                "another seed gives other weights");
    }

    @Test
    void theMultithreadedFastKernelsAreDeterministicForAFixedThreadCount() throws IOException {
        Backend before = Backends.getDefault();
        try {
            Backends.setDefault(new CpuBackend(FastKernels.best(2))); // Vector API when the JVM has it, else scalar
            TrainingOptions twoEpochs = TinyData.options(21).withEpochs(2);
            Map<String, float[]> a = train(twoEpochs, dir.resolve("fa/checkpoint.npz")).model().stateDict();
            Map<String, float[]> b = train(twoEpochs, dir.resolve("fb/checkpoint.npz")).model().stateDict();
            assertSameWeights(a, b);
        } finally {
            Backends.setDefault(before);
        }
    }

    @Test
    void killedAfterTwoEpochsAndResumedEqualsThreeUninterruptedEpochs() throws IOException {
        TrainingOptions options = TinyData.options(11);
        Trainer uninterrupted = train(options, dir.resolve("full/checkpoint.npz"));

        Path checkpoint = dir.resolve("killed/checkpoint.npz");
        Progress killAfterSecondEpoch = new Progress() {
            @Override
            public void epochFinished(EpochRecord record, int epochs) {
                if (record.epoch() == 1) throw new Killed(); // the checkpoint of epoch 2 is on disk by now
            }
        };
        Trainer killed = Trainer.start(TinyData.setup(options, checkpoint).progress(killAfterSecondEpoch).build());
        assertThrows(Killed.class, killed::run);

        Checkpoint saved = CheckpointFile.read(checkpoint);
        assertEquals(TrainingPosition.startOf(2), saved.position());
        Trainer resumed = Trainer.resume(TinyData.setup(options, checkpoint).build(), saved);
        TrainingResult result = resumed.run();

        assertEquals(StopReason.COMPLETED, result.reason());
        assertSameWeights(uninterrupted.model().stateDict(), resumed.model().stateDict());
        Checkpoint a = CheckpointFile.read(dir.resolve("full/checkpoint.npz"));
        Checkpoint b = CheckpointFile.read(checkpoint);
        assertArrayEquals(a.optimizer().buffer("exp_avg_sq"), b.optimizer().buffer("exp_avg_sq"));
        assertEquals(a.optimizer().step(), b.optimizer().step());
        for (int e = 0; e < 3; e++) {
            assertEquals(a.history().epochs().get(e).meanLoss(), b.history().epochs().get(e).meanLoss(), 0.0);
            assertArrayEquals(a.history().epochs().get(e).validationDice(), b.history().epochs().get(e).validationDice(), 0.0);
        }
    }

    @Test
    void budgetSpentMidEpochCheckpointsTheStepAndResumesExactly() throws IOException {
        TrainingOptions options = TinyData.options(5);
        Trainer uninterrupted = train(options, dir.resolve("full/checkpoint.npz"));

        // A fake clock that advances one second per reading: the budget runs out after a few steps.
        AtomicLong now = new AtomicLong();
        Path checkpoint = dir.resolve("budget/checkpoint.npz");
        TrainingSetup limited = TinyData.setup(options.withTimeBudget(Duration.ofSeconds(15)), checkpoint)
                .clock(() -> now.addAndGet(1_000_000_000L)).build();
        TrainingResult stopped = Trainer.start(limited).run();

        assertEquals(StopReason.TIME_BUDGET, stopped.reason());
        assertTrue(stopped.message().contains("--resume"), stopped.message());
        Checkpoint saved = CheckpointFile.read(checkpoint);
        assertTrue(saved.position().step() > 0, "stopped in the middle of an epoch: " + saved.position());
        Trainer resumed = Trainer.resume(TinyData.setup(options, checkpoint).build(), saved);
        resumed.run();

        assertSameWeights(uninterrupted.model().stateDict(), resumed.model().stateDict());
        assertEquals(uninterrupted.history().epochs().get(saved.position().epoch()).meanLoss(),
                resumed.history().epochs().get(saved.position().epoch()).meanLoss(), 0.0, "the interrupted epoch's mean loss");
    }

    @Test
    void changingTheEpochCountAfterEpochZeroEqualsStartingWithIt() throws IOException {
        Trainer planned = train(TinyData.options(13), dir.resolve("planned/checkpoint.npz"));

        Trainer t = Trainer.start(TinyData.setup(TinyData.options(13).withEpochs(50).withValidateEvery(7),
                dir.resolve("replanned/checkpoint.npz")).build());
        TrainingResult paused = t.run(1);
        assertEquals(StopReason.EPOCH_LIMIT, paused.reason());
        assertEquals(TrainingPosition.startOf(1), CheckpointFile.read(dir.resolve("replanned/checkpoint.npz")).position());
        Trainer replanned = t.withEpochs(3, 1, null);
        assertEquals(3, CheckpointFile.read(dir.resolve("replanned/checkpoint.npz")).options().epochs(), "saved with the new count");
        assertEquals(StopReason.COMPLETED, replanned.run().reason());

        assertSameWeights(planned.model().stateDict(), replanned.model().stateDict());
        assertThrows(IllegalStateException.class, () -> replanned.withEpochs(4, 1, null), "too late: epoch 1 ran at lr(E)");
    }

    @Test
    void nanLossStopsWithAClearMessageAndKeepsTheLastGoodCheckpoint() throws IOException {
        Path checkpoint = dir.resolve("nan/checkpoint.npz");
        AtomicInteger calls = new AtomicInteger();
        int nanAtCall = 3 + 2; // epoch 0 has 3 steps: the loss turns NaN at epoch 2, step 2
        byte[][] afterFirstEpoch = new byte[1][];
        Progress snapshot = new Progress() {
            @Override
            public void epochFinished(EpochRecord record, int epochs) {
                try {
                    if (record.epoch() == 0) afterFirstEpoch[0] = Files.readAllBytes(checkpoint);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }
        };
        TrainingSetup setup = TinyData.setup(TinyData.options(3), checkpoint)
                .loss(() -> new NanAfter(calls, nanAtCall))
                .progress(snapshot)
                .build();

        TrainingResult result = Trainer.start(setup).run();

        assertEquals(StopReason.NON_FINITE_LOSS, result.reason());
        assertFalse(result.ok());
        assertTrue(result.message().contains("NaN at epoch 2, step 2"), result.message());
        assertTrue(result.message().contains("last good checkpoint"), result.message());
        assertTrue(result.message().contains(checkpoint.toString()), result.message());
        assertNotNull(afterFirstEpoch[0]);
        assertArrayEquals(afterFirstEpoch[0], Files.readAllBytes(checkpoint), "the checkpoint of epoch 1 is untouched");
        assertEquals(TrainingPosition.startOf(1), CheckpointFile.read(checkpoint).position());
        try (var files = Files.list(checkpoint.getParent())) {
            assertEquals(List.of("checkpoint.npz", "history.csv"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary files left behind");
        }
    }

    @Test
    void nanInTheFirstEpochSaysNoCheckpointExists() throws IOException {
        TrainingSetup setup = TinyData.setup(TinyData.options(3), dir.resolve("first/checkpoint.npz"))
                .loss(() -> new NanAfter(new AtomicInteger(), 1)).build();

        TrainingResult result = Trainer.start(setup).run();

        assertEquals(StopReason.NON_FINITE_LOSS, result.reason());
        assertTrue(result.message().contains("no checkpoint had been written yet"), result.message());
        assertFalse(Files.exists(dir.resolve("first/checkpoint.npz")));
    }

    @Test
    void resumeRefusesACheckpointOfAnotherRun() throws IOException {
        Path checkpoint = dir.resolve("x/checkpoint.npz");
        train(TinyData.options(1).withEpochs(1), checkpoint);
        Checkpoint saved = CheckpointFile.read(checkpoint);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.resume(TinyData.setup(TinyData.options(2).withEpochs(1), checkpoint).build(), saved));
        assertTrue(e.getMessage().contains("seed=1"), e.getMessage());
    }

    @Test
    void validationDiceIsRecordedAndTheLossFalls() throws IOException {
        Trainer t = train(TinyData.options(9).withEpochs(3), dir.resolve("v/checkpoint.npz"));

        List<EpochRecord> epochs = t.history().epochs();
        assertEquals(3, epochs.size());
        for (EpochRecord r : epochs) {
            assertTrue(r.validated());
            assertEquals(3, r.validationDice().length);
            assertTrue(Double.isFinite(r.meanLoss()));
        }
        assertTrue(epochs.get(2).meanLoss() < epochs.get(0).meanLoss(), "loss falls: " + epochs);
        assertTrue(Files.readString(dir.resolve("v/history.csv")).startsWith("epoch,loss,learning_rate"));
    }

    private Trainer train(TrainingOptions options, Path checkpoint) throws IOException {
        Trainer t = Trainer.start(TinyData.setup(options, checkpoint).build());
        TrainingResult result = t.run();
        assertEquals(StopReason.COMPLETED, result.reason(), result.message());
        return t;
    }

    private static void assertSameWeights(Map<String, float[]> expected, Map<String, float[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, values) -> assertArrayEquals(values, actual.get(name), 0f, name + " differs"));
        for (String name : expected.keySet()) {
            float[] a = expected.get(name), b = actual.get(name);
            for (int i = 0; i < a.length; i++) {
                assertEquals(Float.floatToRawIntBits(a[i]), Float.floatToRawIntBits(b[i]), name + "[" + i + "] differs in its bits");
            }
        }
    }

    /** What a kill looks like to the trainer: an exception it does not catch. */
    private static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Cross entropy, until call number {@code at} (counted from 1), which returns NaN. */
    private static final class NanAfter implements Loss {
        private final Loss ce = LossRegistry.create("ce");
        private final AtomicInteger calls;
        private final int at;

        NanAfter(AtomicInteger calls, int at) {
            this.calls = calls;
            this.at = at;
        }

        @Override
        public Tensor forward(Tensor logits, Target target) {
            Tensor loss = ce.forward(logits, target);
            return calls.incrementAndGet() >= at ? loss.mul(Float.NaN) : loss;
        }

        @Override
        public String name() {
            return "nan-after-" + at;
        }
    }
}
