package org.regionwise.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.regionwise.experiments.io.CheckpointFile;

/**
 * What the kill tests of the study commands share: a command run in a child JVM started like this one (same class
 * path and flags, so that the kernels are the same in all of them), killed with SIGKILL in the middle of a trial,
 * and the output files of two study folders compared.
 */
final class ChildStudyRuns {
    private ChildStudyRuns() {}

    /** {@code regionwise args} in a child JVM, its output discarded. */
    static Process child(List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-modules") || a.startsWith("-Xmx") || a.startsWith("--enable-preview")) command.add(a);
        }
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /**
     * Runs {@code args} in a child JVM and kills it (SIGKILL on Linux and macOS: no shutdown hooks, no finally blocks)
     * as soon as a trial of {@code study} is in progress; true if that happened within {@code seconds}.
     */
    static boolean killedMidTrial(List<String> args, Path study, long seconds) throws IOException, InterruptedException {
        Process p = child(args);
        boolean midTrial = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (p.isAlive() && System.nanoTime() < deadline) {
            if (trialInProgress(study)) {
                p.destroyForcibly();
                midTrial = true;
                break;
            }
            Thread.sleep(2);
        }
        p.waitFor();
        return midTrial;
    }

    /** Some trial has an epoch's checkpoint but no result yet. */
    static boolean trialInProgress(Path study) throws IOException {
        Path trials = study.resolve("trials");
        if (!Files.isDirectory(trials)) return false;
        try (Stream<Path> s = Files.list(trials)) {
            return s.anyMatch(t -> Files.exists(t.resolve("checkpoint.npz")) && !Files.exists(t.resolve("result.json")));
        }
    }

    /**
     * The two folders hold the same files, {@code expected} among them, with the same bytes (see {@link #outputs}).
     */
    static void assertSameOutputs(Path a, Path b, boolean bestByWeights, String... expected) throws IOException {
        TreeMap<String, byte[]> x = outputs(a, bestByWeights), y = outputs(b, bestByWeights);
        assertEquals(x.keySet(), y.keySet());
        assertTrue(x.keySet().containsAll(List.of(expected)), x.keySet().toString());
        for (String f : x.keySet()) assertArrayEquals(x.get(f), y.get(f), f);
    }

    /**
     * Every output file by relative path, except what holds wall-clock timings: the trainer's checkpoint and
     * history.csv (their weights are checked through the results, which come from them); with {@code bestByWeights}
     * the best checkpoint also holds timings, and its weights stand in for it, in the order of their names.
     */
    static TreeMap<String, byte[]> outputs(Path root, boolean bestByWeights) throws IOException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                String name = f.getFileName().toString();
                if (name.equals("checkpoint.npz") || name.equals("history.csv")) continue;
                byte[] bytes = bestByWeights && name.equals("checkpoint_best.npz") ? weights(f) : Files.readAllBytes(f);
                out.put(root.relativize(f).toString(), bytes);
            }
        }
        return out;
    }

    /** A checkpoint's weights, entry by entry in name order, as bytes. */
    private static byte[] weights(Path checkpoint) throws IOException {
        var buffer = new ByteArrayOutputStream();
        var data = new DataOutputStream(buffer);
        for (var e : new TreeMap<>(CheckpointFile.read(checkpoint).model()).entrySet()) {
            data.writeUTF(e.getKey());
            for (float v : e.getValue().data()) data.writeInt(Float.floatToRawIntBits(v));
        }
        return buffer.toByteArray();
    }
}
