package org.regionwise.experiments.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.CpuBackend;
import org.regionwise.autodiff.cpu.FastKernels;
import org.regionwise.gpu.BackendName;

/** The local engine's GPU scheduling: each --parallel slot on a device, round robin, tested with a fake device count. */
class TrialBackendsTest {
    @TempDir
    Path dir;

    @Test
    void slotsGoRoundRobinOverTheDevicesUnlessTheNameGivesOne() {
        TrialBackends three = new TrialBackends(BackendName.parse("tornado"), 3, 1, n -> null);
        assertEquals(List.of("tornado:0", "tornado:1", "tornado:2", "tornado:0", "tornado:1"),
                List.of(three.nameFor(0), three.nameFor(1), three.nameFor(2), three.nameFor(3), three.nameFor(4)));
        assertEquals(" on tornado devices 0..1 (round robin)", three.describe(2));
        assertEquals(" on tornado devices 0..2 (round robin)", three.describe(8));
        TrialBackends fixed = new TrialBackends(BackendName.parse("tornado:2"), 0, 1, n -> null);
        assertEquals(List.of("tornado:2", "tornado:2"), List.of(fixed.nameFor(0), fixed.nameFor(5)));
        assertEquals(" on tornado:2", fixed.describe(4));
        TrialBackends cpu = TrialBackends.cpu(2);
        assertEquals(List.of("cpu", "cpu"), List.of(cpu.nameFor(0), cpu.nameFor(1)));
        assertEquals("", cpu.describe(2));
        assertThrows(IllegalArgumentException.class, () -> three.nameFor(-1));
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> new TrialBackends(BackendName.parse("tornado"), 0, 1, n -> null));
        assertEquals("--backend tornado: no device to run trials on", none.getMessage());
    }

    @Test
    void aGpuBackendWithoutTornadoVmIsOneLineBeforeAnyTrialRuns() {
        org.junit.jupiter.api.Assumptions.assumeFalse(org.regionwise.gpu.GpuBackends.tornadoAvailable(), "TornadoVM is present here");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TrialBackends.of("tornado", 1));
        assertTrue(e.getMessage().startsWith("--backend tornado: ") && e.getMessage().contains("TornadoVM"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrialBackends.of("tornado:x", 1));
        assertEquals("tornado-java:0", TrialBackends.of("tornado-java", 1).nameFor(3), "the plain-Java device is one device");
    }

    @Test
    void theLocalRunnerPutsEachParallelSlotOnItsOwnDevice() throws Exception {
        Map<String, Set<String>> devicesByThread = new ConcurrentHashMap<>();
        Function<String, Backend> fakeDevices = name -> {
            devicesByThread.computeIfAbsent(Thread.currentThread().getName(), t -> ConcurrentHashMap.newKeySet()).add(name);
            return new CpuBackend(FastKernels.best(1)); // the trial computes on the CPU; only the choice is under test
        };
        List<TrialSpec> trials = List.of(TinyStudyData.spec("rrw", 0), TinyStudyData.spec("rrw", 1), TinyStudyData.spec("rrw", 2),
                TinyStudyData.spec("rrw", 3));
        Study study = Study.open(dir.resolve("s"), "test", Map.of("k", "v"), trials);
        TrialBackends twoDevices = new TrialBackends(BackendName.parse("tornado"), 2, 1, fakeDevices);
        List<TrialResult> results = new LocalRunner(2, 2, TinyStudyData.environment(), twoDevices).run(study, TrialRunner.Listener.silent());
        results.forEach(r -> assertEquals(TrialResult.Status.COMPLETED, r.status(), r.message()));
        assertEquals(Map.of("regionwise-trial-0", Set.of("tornado:0"), "regionwise-trial-1", Set.of("tornado:1")), devicesByThread,
                "slot k on device k, for every trial it runs");

        devicesByThread.clear();
        Study again = Study.open(dir.resolve("t"), "test", Map.of("k", "v"), trials.subList(0, 3));
        TrialBackends device1 = new TrialBackends(BackendName.parse("tornado:1"), 0, 1, fakeDevices);
        new LocalRunner(3, 3, TinyStudyData.environment(), device1).run(again, TrialRunner.Listener.silent());
        Set<String> used = new TreeSet<>();
        devicesByThread.values().forEach(used::addAll);
        assertEquals(Set.of("tornado:1"), used, "a name with an index puts every slot there");
        assertEquals(3, devicesByThread.size());
    }
}
