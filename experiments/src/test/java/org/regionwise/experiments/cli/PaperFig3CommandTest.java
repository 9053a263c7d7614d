package org.regionwise.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code regionwise paper fig3} end to end on a tiny nnU-Net raw folder: lines, files, a rerun that trains nothing, errors. */
class PaperFig3CommandTest {
    @TempDir
    static Path shared;
    static Path data;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeData() throws IOException {
        data = TinyRawDataset.write(shared.resolve("Dataset001_Tiny"), 3);
    }

    private static String[] args(Path out, String... more) {
        String[] base = {"paper", "fig3", "--data", data.toString(), "--levels", "3", "--base-filters", "4", "--steps-per-epoch", "2",
                "--batch", "4", "--lr", "1e-2", "--epochs", "2", "--at", "0,1,2", "--models", "1", "--threads", "1",
                "--out", out.toString()};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void trainsAnalysesPrintsAndARerunReadsBackTheSameFiles() throws IOException {
        Path out = dir.resolve("fig3");
        CliRun run = CliRun.of(args(out));
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().filter(l -> l.startsWith("fig3 map=")).toList();
        assertEquals(6, lines.size(), run.out());
        assertTrue(lines.get(0).matches("fig3 map=rw-boundary run=1 epoch=0 neg2plus=\\d\\.\\d{4} neg1=.*"), lines.get(0));
        assertTrue(lines.get(5).startsWith("fig3 map=rrw run=1 epoch=2 neg2plus=0.0000 neg1=1.0000"), lines.get(5));
        assertTrue(run.out().contains("fig3 trial 2/2"), run.out());
        List<String> figures = List.of("fig3-rw-boundary.png", "fig3-rw-boundary.csv", "fig3-rrw.png", "fig3-rrw.csv",
                "fig3-neg2plus.png", "fig3-neg2plus.csv", "fig3.txt");
        byte[][] first = new byte[figures.size()][];
        for (int i = 0; i < figures.size(); i++) first[i] = Files.readAllBytes(out.resolve(figures.get(i)));

        CliRun again = CliRun.of(args(out));
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("(done before)"), again.out());
        for (int i = 0; i < figures.size(); i++) assertArrayEquals(first[i], Files.readAllBytes(out.resolve(figures.get(i))), figures.get(i));

        CliRun other = CliRun.of(args(out, "--losses", "rrw"));
        assertEquals(2, other.exitCode(), other.err());
        assertTrue(other.oneErrorLine() && other.err().contains("holds another study"), other.err());
    }

    @Test
    void badInputIsAOneLineUsageError() {
        String[][] cases = {{"--losses", "dice"}, {"--losses", "nope"}, {"--at", "0,5"}, {"--at", "1,1"}, {"--models", "0"},
                {"--parallel", "0"}, {"--levels", "1"}, {"--scale", "2"}, {"--seeds", "2"}};
        for (String[] bad : cases) {
            CliRun run = CliRun.of(args(dir.resolve("x"), bad));
            assertEquals(2, run.exitCode(), String.join(" ", bad) + ": " + run.err());
            assertTrue(run.oneErrorLine(), run.err());
        }
        CliRun missing = CliRun.of("paper", "fig3", "--data", dir.resolve("none").toString(), "--out", dir.resolve("y").toString());
        assertEquals(1, missing.exitCode(), missing.err());
        assertTrue(missing.oneErrorLine() && missing.err().contains("none"), missing.err());
    }
}
