package org.regionwise.experiments.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialTest {
    @TempDir
    Path dir;

    @Test
    void specIdIsStableReadableAndChangesWithTheSpec() throws Exception {
        TrialSpec a = TinyStudyData.spec("rrw", 3);
        assertEquals(a.id(), TinyStudyData.spec("rrw", 3).id());
        assertTrue(a.id().matches("rrw-s3-[0-9a-f]{8}"), a.id());
        assertNotEquals(a.id(), a.withSeed(4).id());
        assertNotEquals(a.id(), new TrialSpec("tiny", 1, 0.2, "rrw", 3, 2, 3, 4, 2e-2, 3, 4, 1, true, "").id());
        assertEquals(a, StudyJson.parse(StudyJson.text(a), TrialSpec.class, "test"));
    }

    @Test
    void aTrialTrainsEvaluatesAndWritesItsResultLast() throws Exception {
        TrialSpec spec = TinyStudyData.spec("rrw", 0);
        Path folder = dir.resolve("t");
        TrialResult result = Trial.run(spec, folder, TinyStudyData.environment(), 1);
        assertEquals(TrialResult.Status.COMPLETED, result.status(), result.message());
        assertEquals(1, result.cases().size());
        assertEquals(4, result.slices().size());
        assertEquals(2, result.curve().size());
        assertEquals(3, result.cases().get(0).dice().length);
        assertTrue(result.meanForegroundDice() >= 0 && result.meanForegroundDice() <= 1);
        for (String f : List.of(Trial.SPEC, Trial.CHECKPOINT, Trial.METRICS, Trial.RESULT, "history.csv")) {
            assertTrue(Files.exists(folder.resolve(f)), f);
        }
        TrialResult read = Trial.readResult(folder);
        assertEquals(StudyJson.text(result), StudyJson.text(read));
        // Done: a rerun reads the result without loading data or training.
        TrialEnvironment empty = TrialEnvironment.plain();
        assertEquals(StudyJson.text(result), StudyJson.text(Trial.run(spec, folder, empty, 1)));
    }

    @Test
    void aTrialInterruptedAfterAnEpochResumesToTheSameResult() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean crash = new java.util.concurrent.atomic.AtomicBoolean(false);
        TrialEnvironment env = new TrialEnvironment(Map.of("crash", (spec, epochs, model, data, folder) -> {
            if (epochs == 1 && crash.getAndSet(false)) throw new IllegalStateException("killed after epoch 1 (simulated)");
        }));
        env.put(TinyStudyData.spec("rrw", 0), TinyStudyData.data());
        TrialSpec spec = new TrialSpec("tiny", 1, 0.2, "rrw", 1, 2, 3, 4, 1e-2, 3, 4, 1, true, "crash");
        Path whole = dir.resolve("whole"), cut = dir.resolve("cut");
        TrialResult uninterrupted = Trial.run(spec, whole, env, 1);
        crash.set(true);
        assertThrows(IllegalStateException.class, () -> Trial.run(spec, cut, env, 1));
        assertFalse(Trial.done(cut));
        assertTrue(Files.exists(cut.resolve(Trial.CHECKPOINT)));
        TrialResult resumed = Trial.run(spec, cut, env, 1);
        assertEquals(StudyJson.text(uninterrupted), StudyJson.text(resumed));
        assertArrayEquals(Files.readAllBytes(whole.resolve(Trial.RESULT)), Files.readAllBytes(cut.resolve(Trial.RESULT)));
    }

    @Test
    void aFolderOfAnotherTrialIsRefused() throws Exception {
        Path folder = dir.resolve("t");
        Files.createDirectories(folder);
        StudyJson.write(folder.resolve(Trial.SPEC), TinyStudyData.spec("dice", 0));
        var e = assertThrows(IllegalArgumentException.class,
                () -> Trial.run(TinyStudyData.spec("rrw", 0), folder, TinyStudyData.environment(), 1));
        assertTrue(e.getMessage().contains("refusing to mix"), e.getMessage());
    }

    @Test
    void observersSeeEveryEpochFromTheInitialWeights() throws Exception {
        List<Integer> seen = new ArrayList<>();
        TrialEnvironment env = new TrialEnvironment(Map.of("count", (spec, epochs, model, data, folder) -> seen.add(epochs)));
        env.put(TinyStudyData.spec("rrw", 0), TinyStudyData.data());
        TrialSpec spec = new TrialSpec("tiny", 1, 0.2, "rrw", 0, 2, 3, 4, 1e-2, 3, 4, 1, true, "count");
        Trial.run(spec, dir.resolve("o"), env, 1);
        assertEquals(List.of(0, 1, 2), seen);
    }

    @Test
    void theRunnerReportsAFailedTrialAndRetriesOnlyItNextTime() throws Exception {
        AtomicInteger failuresLeft = new AtomicInteger(1);
        TrialEnvironment env = new TrialEnvironment(Map.of("flaky", (spec, epochs, model, data, folder) -> {
            if (epochs == 1 && failuresLeft.getAndDecrement() > 0) throw new java.io.IOException("disk full (simulated)");
        }));
        env.put(TinyStudyData.spec("rrw", 0), TinyStudyData.data());
        TrialSpec good = TinyStudyData.spec("rrw", 0);
        TrialSpec flaky = new TrialSpec("tiny", 1, 0.2, "rrw", 1, 2, 3, 4, 1e-2, 3, 4, 1, true, "flaky");
        Study study = Study.open(dir.resolve("s"), "test", Map.of("k", "v"), List.of(good, flaky));
        List<String> lines = new ArrayList<>();
        TrialRunner.Listener listener = (r, skipped, done, total) -> lines.add(r.specId() + " " + r.status() + " " + skipped);
        List<TrialResult> first = new LocalRunner(2, 2, env).run(study, listener);
        assertEquals(TrialResult.Status.COMPLETED, first.get(0).status());
        assertEquals(TrialResult.Status.FAILED, first.get(1).status());
        assertEquals("disk full (simulated)", first.get(1).message());
        assertFalse(Trial.done(study.trialFolder(flaky)));
        lines.clear();
        List<TrialResult> second = new LocalRunner(2, 2, env).run(study, listener);
        assertEquals(TrialResult.Status.COMPLETED, second.get(1).status());
        assertTrue(lines.contains(good.id() + " COMPLETED true"), lines.toString());
        assertTrue(lines.contains(flaky.id() + " COMPLETED false"), lines.toString());
    }

    @Test
    void aStudyFolderOfAnotherConfigurationIsRefusedSayingWhatDiffers() throws Exception {
        Path out = dir.resolve("s");
        List<TrialSpec> trials = List.of(TinyStudyData.spec("rrw", 0));
        Study.open(out, "table", Map.of("epochs", "2", "lr", "0.01"), trials);
        Study.open(out, "table", Map.of("epochs", "2", "lr", "0.01"), trials); // same: fine
        var e = assertThrows(StudyConflictException.class, () -> Study.open(out, "table", Map.of("epochs", "3", "lr", "0.01"), trials));
        assertTrue(e.getMessage().contains("epochs 2 there, 3 now"), e.getMessage());
        var f = assertThrows(StudyConflictException.class, () -> Study.open(out, "fig5", Map.of("epochs", "2", "lr", "0.01"), trials));
        assertTrue(f.getMessage().contains("made by 'table', not 'fig5'"), f.getMessage());
    }

    @Test
    void resultJsonKeepsUndefinedValuesAsNaN() throws Exception {
        TrialResult r = new TrialResult("x", TinyStudyData.spec("rrw", 0), TrialResult.Status.COMPLETED, "", List.of("a", "b"),
                List.of(new TrialResult.UnitMetrics("v", new double[] {1, Double.NaN}, new double[] {0, Double.NaN}, new double[] {0, 1.5})),
                List.of(), List.of());
        TrialResult back = StudyJson.parse(StudyJson.text(r), TrialResult.class, "test");
        assertArrayEquals(r.cases().get(0).dice(), back.cases().get(0).dice());
        assertArrayEquals(r.cases().get(0).hd95(), back.cases().get(0).hd95());
    }
}
