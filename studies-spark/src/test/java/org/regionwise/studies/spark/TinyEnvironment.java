package org.regionwise.studies.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.regionwise.experiments.data.DatasetSource;
import org.regionwise.experiments.data.Slice;
import org.regionwise.experiments.data.SliceAxis;
import org.regionwise.experiments.data.SliceDataset;
import org.regionwise.experiments.data.TrainingData;
import org.regionwise.experiments.io.AtomicFile;
import org.regionwise.experiments.study.TrialEnvironment;
import org.regionwise.experiments.study.TrialSpec;

/**
 * The tests' trial environment, made the same way on the driver and on every executor (the class is on their class
 * path): a small synthetic data set named {@value #DATA} (16 x 16 slices, a bright disk and a dark square on noise; 2
 * training volumes of 6 slices, 1 validation volume of 4), and the epoch observer {@value #OBSERVER}, through which
 * a test steers trials with files in {@code ROOT/control/} (the study folder being {@code ROOT/study}):
 *
 * <pre>
 * fail-SEED      the trial of that seed throws at every epoch (a failing trial)
 * kill-SEED      after its first epoch, the trial of that seed writes pid-SEED (its JVM's pid) and waits to be killed,
 *                until killed exists
 * resumed-SEED   written by the observer when a JVM first sees that trial at a later epoch than 0: it resumed
 * </pre>
 *
 * The observer changes nothing in the trial, so results are the same with and without control files.
 */
public final class TinyEnvironment implements Supplier<TrialEnvironment> {
    static final String DATA = "tiny";
    static final String OBSERVER = "watch";
    static final List<String> CLASSES = List.of("background", "disk", "square");
    static final int SIZE = 16;
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    @Override
    public TrialEnvironment get() {
        TrialEnvironment env = new TrialEnvironment(Map.of(OBSERVER, (spec, epochs, model, data, folder) -> watch(spec, epochs, folder)));
        env.put(spec("rrw", 0, 1), data());
        return env;
    }

    /** A 3-level, 4-filter network, {@code epochs} epochs of 3 steps of batch 4, lr 1e-2, validated every epoch. */
    static TrialSpec spec(String loss, long seed, int epochs) {
        return new TrialSpec(DATA, 1, 0.2, loss, seed, epochs, 3, 4, 1e-2, 3, 4, 1, true, OBSERVER);
    }

    static Path control(Path studyFolder) {
        return studyFolder.resolveSibling("control");
    }

    private static void watch(TrialSpec spec, int epochs, Path trialFolder) throws IOException {
        Path control = control(trialFolder.getParent().getParent());
        long seed = spec.seed();
        if (SEEN.add(ProcessHandle.current().pid() + "/" + trialFolder) && epochs > 0) {
            write(control.resolve("resumed-" + seed), Integer.toString(epochs));
        }
        if (Files.exists(control.resolve("fail-" + seed))) throw new IllegalStateException("trial of seed " + seed + " fails on purpose");
        if (epochs == 1 && Files.exists(control.resolve("kill-" + seed)) && !Files.exists(control.resolve("killed"))) {
            write(control.resolve("pid-" + seed), Long.toString(ProcessHandle.current().pid()));
            long until = System.nanoTime() + 120_000_000_000L;
            while (!Files.exists(control.resolve("killed")) && System.nanoTime() < until) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting to be killed", e);
                }
            }
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            AtomicFile.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TrainingData data() {
        return new TrainingData(new DatasetSource("tiny synthetic", DatasetSource.Kind.PHANTOM, List.of(), ""),
                slices("train", 2, 6, 1), slices("val", 1, 4, 2), List.of());
    }

    private static SliceDataset slices(String name, int volumes, int slices, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Slice> out = new ArrayList<>();
        for (int v = 0; v < volumes; v++) {
            for (int k = 0; k < slices; k++) {
                int cy = 5 + rng.nextInt(6), cx = 5 + rng.nextInt(6), r = 2 + rng.nextInt(3);
                int sy = rng.nextInt(SIZE - 4), sx = rng.nextInt(SIZE - 4);
                float[] image = new float[SIZE * SIZE];
                int[] label = new int[SIZE * SIZE];
                for (int y = 0; y < SIZE; y++) {
                    for (int x = 0; x < SIZE; x++) {
                        int i = y * SIZE + x;
                        if (y >= sy && y < sy + 3 && x >= sx && x < sx + 3) label[i] = 2;
                        else if ((y - cy) * (y - cy) + (x - cx) * (x - cx) <= r * r) label[i] = 1;
                        image[i] = (label[i] == 1 ? 1.5f : label[i] == 2 ? -1.5f : 0f) + (float) (0.3 * rng.nextGaussian());
                    }
                }
                out.add(new Slice(name + v, k, 1, SIZE, SIZE, image, label, 1.0, 1.0, 2.0));
            }
        }
        return new SliceDataset(name, out, CLASSES, List.of("image"), SliceAxis.Z);
    }
}
