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
 * {@code paper fig3} killed with SIGKILL while a trial has a checkpoint but no result, then rerun, ends with the same
 * files byte for byte as a run that went through (each run a child JVM with this one's class path and flags).
 */
class PaperFig3KillTest {
    @TempDir
    Path dir;

    @Test
    void killedMidTrialAndRerunGivesIdenticalFiles() throws Exception {
        Path data = TinyRawDataset.write(dir.resolve("raw"), 6);
        Path whole = dir.resolve("whole"), killed = dir.resolve("killed");
        assertEquals(0, child(args(data, whole)).waitFor(), "the uninterrupted run");

        Process p = child(args(data, killed));
        boolean midTrial = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && System.nanoTime() < deadline) {
            if (trialInProgress(killed)) {
                p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
                midTrial = true;
                break;
            }
            Thread.sleep(2);
        }
        p.waitFor();
        assertTrue(midTrial, "the study was killed while a trial had a checkpoint and no result");
        assertEquals(0, child(args(data, killed)).waitFor(), "the rerun");

        TreeMap<String, byte[]> a = outputs(whole), b = outputs(killed);
        assertEquals(a.keySet(), b.keySet());
        assertTrue(a.containsKey("fig3-rw-boundary.png") && a.containsKey("fig3-neg2plus.csv"), a.keySet().toString());
        for (String f : a.keySet()) assertArrayEquals(a.get(f), b.get(f), f);
    }

    private static boolean trialInProgress(Path study) throws IOException {
        Path trials = study.resolve("trials");
        if (!Files.isDirectory(trials)) return false;
        try (Stream<Path> s = Files.list(trials)) {
            return s.anyMatch(t -> Files.exists(t.resolve("checkpoint.npz")) && !Files.exists(t.resolve("result.json")));
        }
    }

    private static List<String> args(Path data, Path out) {
        return List.of("paper", "fig3", "--data", data.toString(), "--out", out.toString(), "--validation-fraction", "0.34",
                "--models", "1", "--epochs", "4", "--at", "0,2,4", "--steps-per-epoch", "3", "--batch", "4", "--levels", "2",
                "--base-filters", "4", "--threads", "1");
    }

    /** Every file by relative path, except the two holding wall-clock timings (the checkpoint and history.csv). */
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
            if (a.startsWith("--add-modules") || a.startsWith("-Xmx")) command.add(a);
        }
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
