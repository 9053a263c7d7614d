package org.regionwise.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.experiments.io.OutputLock;

/** {@code regionwise paper fig4}: lines for scripts, the three files, identical reruns, the folder lock, one-line usage errors. */
class PaperFig4CommandTest {
    @TempDir
    Path dir;

    @Test
    void printsTheSaddleLineAndWritesIdenticalFilesOnARerun() throws Exception {
        Path out = dir.resolve("fig4");
        CliRun run = CliRun.of("paper", "fig4", "--out", out.toString(), "--step", "0.05", "--rrw-value", "-0.5");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(2).startsWith("fig4 saddle=(0.25,0.25,0.50) s_true=0.5000 rw_gradient=-0.3750"), lines.get(2));
        assertTrue(lines.get(3).startsWith("wrote "), run.out());
        byte[][] first = {Files.readAllBytes(out.resolve("fig4.png")), Files.readAllBytes(out.resolve("fig4.csv")),
                Files.readAllBytes(out.resolve("fig4.txt"))};
        assertEquals(0, CliRun.of("paper", "fig4", "--out", out.toString(), "--step", "0.05", "--rrw-value", "-0.5").exitCode());
        assertArrayEquals(first[0], Files.readAllBytes(out.resolve("fig4.png")));
        assertArrayEquals(first[1], Files.readAllBytes(out.resolve("fig4.csv")));
        assertArrayEquals(first[2], Files.readAllBytes(out.resolve("fig4.txt")));
        try (var files = Files.list(out)) {
            assertEquals(3, files.filter(f -> !f.getFileName().toString().equals(OutputLock.NAME)).count(),
                    "no temporary file left behind");
        }
    }

    @Test
    void aFolderAnotherRunHoldsIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path out = dir.resolve("held");
        try (OutputLock held = OutputLock.acquire(out, "another run")) {
            CliRun run = CliRun.of("paper", "fig4", "--out", out.toString(), "--step", "0.05");
            assertEquals(1, run.exitCode(), run.err());
            assertTrue(run.oneErrorLine() && run.err().contains("in use by another run, another run"), run.err());
        }
        try (var files = Files.list(out)) {
            assertEquals(List.of(OutputLock.NAME), files.map(f -> f.getFileName().toString()).toList());
        }
    }

    @Test
    void badArgumentsAreOneLineUsageErrors() {
        String[][] cases = {{"--step", "0.2"}, {"--step", "0.013"}, {"--rrw-value", "0"}, {"--rrw-value", "-2"}, {"--rrw-value", "x"}};
        for (String[] bad : cases) {
            CliRun run = CliRun.of("paper", "fig4", "--out", dir.toString(), bad[0], bad[1]);
            assertEquals(2, run.exitCode(), String.join(" ", bad) + ": " + run.err());
            assertTrue(run.oneErrorLine(), run.err());
        }
    }
}
