package org.regionwise.experiments.paper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.autodiff.GradMode;
import org.regionwise.autodiff.backend.Backends;
import org.regionwise.autodiff.backend.CpuBackend;
import org.regionwise.autodiff.cpu.FastKernels;
import org.regionwise.experiments.data.DatasetSource;
import org.regionwise.experiments.data.Slice;
import org.regionwise.experiments.data.SliceAxis;
import org.regionwise.experiments.data.SliceDataset;
import org.regionwise.experiments.data.TrainingData;
import org.regionwise.experiments.study.Study;
import org.regionwise.experiments.study.Trial;
import org.regionwise.experiments.study.TrialEnvironment;
import org.regionwise.experiments.study.TrialSpec;

/** Fig. 3 end to end on a tiny task: RRW one negative everywhere, RW-Boundary some twos, identical files after a crash. */
class Fig3Test {
    private static final PrintWriter QUIET = new PrintWriter(OutputStream.nullOutputStream());

    @TempDir
    Path dir;

    @Test
    void rrwHasOneNegativeEverywhereAndRwBoundaryMoreTheFilesAreWritten() throws IOException {
        Fig3.Result result = Fig3.run(plan(), dir.resolve("a"), data(), QUIET);
        assertEquals(2 * 2 * 3, result.points().size(), "2 losses x 2 runs x 3 time points");
        for (Fig3.Point p : result.points()) {
            assertTrue(p.histogram() != null, p.line());
            if (p.loss().equals("rrw")) {
                assertEquals(0, p.twoOrMore(), p.line());
                assertEquals(1, p.share(1), p.line());
            }
            assertTrue(p.line().matches("fig3 map=(rrw|rw-boundary) run=[12] epoch=[012] neg2plus=\\d\\.\\d{4} .*"), p.line());
        }
        assertTrue(result.points().stream().anyMatch(p -> p.loss().equals("rw-boundary") && p.twoOrMore() > 0),
                "an RW-Boundary map with 3 classes gives two negatives where the network is still far off");
        for (String f : List.of("fig3-rw-boundary.png", "fig3-rw-boundary.csv", "fig3-rrw.png", "fig3-rrw.csv", "fig3-neg2plus.png",
                "fig3-neg2plus.csv", "fig3.txt", Study.MANIFEST)) {
            assertTrue(Files.isRegularFile(dir.resolve("a").resolve(f)), f);
        }
        assertEquals(result.lines(), Files.readAllLines(dir.resolve("a/fig3.txt")));
        assertEquals(1 + 2 * 3 * 16 * 16, Files.readAllLines(dir.resolve("a/fig3-rrw.csv")).size(), "header + runs x epochs x pixels");
        assertEquals(1 + 2 * 2 * 3, Files.readAllLines(dir.resolve("a/fig3-neg2plus.csv")).size());
    }

    @Test
    void aStudyKilledMidTrialAndRerunGivesIdenticalFiles() throws IOException {
        Path clean = dir.resolve("clean"), crashed = dir.resolve("crashed");
        Fig3.run(plan(), clean, data(), QUIET);

        // The crash: the second rw-boundary trial dies right after its epoch-1 checkpoint (before its observer).
        Fig3.Plan plan = plan();
        Study study = Study.open(crashed, "fig3", plan.configuration(), plan.specs());
        TrialSpec victim = plan.specs().get(1);
        TrialEnvironment env = new TrialEnvironment(Map.of(Fig3Observer.name(plan.at()), (spec, epochs, model, data, folder) -> {
            if (epochs == 1) throw new IllegalStateException("killed (simulated)");
            new Fig3Observer(plan.at()).afterEpoch(spec, epochs, model, data, folder);
        }));
        env.put(victim, data());
        try (GradMode.Scope backend = Backends.onThisThread(new CpuBackend(FastKernels.best(1)))) {
            assertThrows(IllegalStateException.class, () -> Trial.run(victim, study.trialFolder(victim), env, 1));
        }
        assertTrue(Files.exists(study.trialFolder(victim).resolve(Trial.CHECKPOINT)));
        assertTrue(!Trial.done(study.trialFolder(victim)));

        Fig3.run(plan, crashed, data(), QUIET);
        for (Path f : files(clean)) {
            String name = f.getFileName().toString();
            // The trainer's checkpoint and history record how long each epoch took: they differ between any two runs.
            if (name.equals(Trial.CHECKPOINT) || name.equals("history.csv")) continue;
            Path twin = crashed.resolve(clean.relativize(f));
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(twin), "differs after the crash: " + clean.relativize(f));
        }
        assertEquals(files(clean).size(), files(crashed).size(), "no file more or less, no temporary file left");
    }

    @Test
    void aFolderOfAnotherStudyIsRefused() throws IOException {
        Study.open(dir.resolve("a"), "fig3", plan().configuration(), plan().specs());
        Fig3.Plan other = new Fig3.Plan(plan().template(), List.of("rrw"), 2, new TreeSet<>(List.of(0, 1, 2)), 1, 1);
        Exception e = assertThrows(Exception.class, () -> Fig3.run(other, dir.resolve("a"), data(), QUIET));
        assertTrue(e.getMessage().contains("losses rw-boundary,rrw there, rrw now"), e.getMessage());
    }

    @Test
    void badPlansAreRefused() {
        TrialSpec t = plan().template();
        TreeSet<Integer> at = new TreeSet<>(List.of(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Fig3.Plan(t, List.of("dice"), 1, at, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Fig3.Plan(t, List.of("rrw"), 0, at, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Fig3.Plan(t, List.of("rrw"), 1, new TreeSet<>(List.of(3)), 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Fig3.Plan(t, List.of("rrw", "rrw"), 1, at, 1, 1));
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** 2 losses x 2 runs of a 3-level, 4-filter network, 2 epochs of 3 steps, measured at 0, 1 and 2 epochs. */
    static Fig3.Plan plan() {
        TrialSpec template = new TrialSpec("tiny", 1, 0.2, "rrw", 0, 2, 3, 4, 1e-2, 3, 4, 0, true, "");
        return new Fig3.Plan(template, List.of("rw-boundary", "rrw"), 2, new TreeSet<>(List.of(0, 1, 2)), 2, 2);
    }

    /** 16 x 16 slices: a disc (class 1) holding a smaller off-centre disc (class 2), on noise. */
    static TrainingData data() {
        return new TrainingData(new DatasetSource("tiny discs", DatasetSource.Kind.PHANTOM, List.of(), ""),
                slices("train", 2, 4, 1), slices("val", 1, 3, 2), List.of());
    }

    private static SliceDataset slices(String name, int volumes, int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Slice> out = new ArrayList<>();
        for (int v = 0; v < volumes; v++) {
            for (int k = 0; k < count; k++) {
                int cy = 6 + rng.nextInt(4), cx = 6 + rng.nextInt(4), r = 5 + rng.nextInt(2);
                float[] image = new float[256];
                int[] label = new int[256];
                for (int y = 0; y < 16; y++) {
                    for (int x = 0; x < 16; x++) {
                        int d2 = (y - cy) * (y - cy) + (x - cx) * (x - cx), e2 = (y - cy - 1) * (y - cy - 1) + (x - cx - 1) * (x - cx - 1);
                        int i = y * 16 + x;
                        label[i] = e2 <= 4 ? 2 : d2 <= r * r ? 1 : 0;
                        image[i] = label[i] + (float) (0.3 * rng.nextGaussian());
                    }
                }
                out.add(new Slice(name + v, k, 1, 16, 16, image, label, 1, 1, 2));
            }
        }
        return new SliceDataset(name, out, List.of("background", "outer", "inner"), List.of("image"), SliceAxis.Z);
    }
}
