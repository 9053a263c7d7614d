package org.regionwise.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study killed with SIGKILL in the middle of a trial and rerun ends with the same output files, byte for byte, as
 * one that ran through. Every run is a child JVM started like this one (same class path and flags), so that the
 * kernels are the same in all of them.
 */
class PaperStudyKillTest {
    @TempDir
    Path dir;

    @Test
    void killedMidTrialAndRerunGivesIdenticalFiles() throws Exception {
        Path data = TinyRawDataset.write(dir.resolve("raw"), 6);
        Path whole = dir.resolve("whole"), killed = dir.resolve("killed");
        assertEquals(0, child(args(data, whole)).waitFor(), "the uninterrupted run");

        Process p = child(args(data, killed));
        boolean midTrial = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.isAlive() && System.nanoTime() < deadline) {
            if (trialInProgress(killed)) {
                p.destroyForcibly(); // SIGKILL on Linux and macOS: no shutdown hooks, no finally blocks
                midTrial = true;
                break;
            }
            Thread.sleep(2);
        }
        p.waitFor();
        assertTrue(midTrial, "the study was killed while a trial had a checkpoint and no result");
        assertTrue(trialInProgress(killed) || Files.exists(killed.resolve("study.json")), "the killed run left its state behind");
        assertEquals(0, child(args(data, killed)).waitFor(), "the rerun");

        TreeMap<String, byte[]> a = outputs(whole), b = outputs(killed);
        assertEquals(a.keySet(), b.keySet());
        assertTrue(a.containsKey("fig5.csv") && a.containsKey("fig5.png"), a.keySet().toString());
        for (String f : a.keySet()) assertArrayEquals(a.get(f), b.get(f), f);
    }

    /** Some trial has an epoch's checkpoint but no result yet. */
    private static boolean trialInProgress(Path study) throws IOException {
        Path trials = study.resolve("trials");
        if (!Files.isDirectory(trials)) return false;
        try (Stream<Path> s = Files.list(trials)) {
            return s.anyMatch(t -> Files.exists(t.resolve("checkpoint.npz")) && !Files.exists(t.resolve("result.json")));
        }
    }

    private static List<String> args(Path data, Path out) {
        return List.of("paper", "fig5", "--data", data.toString(), "--out", out.toString(), "--validation-fraction", "0.34",
                "--models", "1", "--epochs", "4", "--steps-per-epoch", "3", "--batch", "4", "--levels", "2", "--base-filters", "4",
                "--threads", "1");
    }

    /**
     * Every output file by relative path, except the two that hold wall-clock timings: the trainer's checkpoint and
     * history.csv (their weights are checked through the results, which come from them).
     */
    private static TreeMap<String, byte[]> outputs(Path root) throws IOException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                String name = f.getFileName().toString();
                if (name.equals("checkpoint.npz") || name.equals("history.csv")) continue;
                out.put(root.relativize(f).toString(), Files.readAllBytes(f));
            }
        }
        return out;
    }

    private static Process child(List<String> args) throws IOException {
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
}
