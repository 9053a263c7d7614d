package org.regionwise.studies.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.regionwise.experiments.data.DatasetSource;
import org.regionwise.experiments.data.TrainingData;
import org.regionwise.experiments.io.AtomicFile;
import org.regionwise.experiments.study.TrialEnvironment;
import org.regionwise.experiments.study.TrialSpec;
import org.regionwise.experiments.train.TinyData;

/**
 * The tests' trial environment, made the same way on the driver and on every executor (the class is on their class
 * path): a small synthetic data set named {@value #DATA}, experiments' trainer-test data {@link TinyData} (16 x 16
 * slices, a bright disk and a dark square on noise; 2 training volumes of 6 slices, 1 validation volume of 4), and the
 * epoch observer {@value #OBSERVER}, through which a test steers trials with files in {@code ROOT/control/} (the study
 * folder being {@code ROOT/study}):
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
                TinyData.train(), TinyData.validation(), List.of());
    }
}
