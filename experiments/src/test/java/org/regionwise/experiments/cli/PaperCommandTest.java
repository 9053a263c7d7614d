package org.regionwise.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code regionwise paper}: figures as subcommands, usage errors that list them, Fig. 2 end to end on a coarse grid. */
class PaperCommandTest {
    @TempDir
    Path dir;

    @Test
    void fig2PrintsItsLinesAndWritesThePicture() throws Exception {
        Path out = dir.resolve("fig2");
        // Step 1/20 keeps the test quick (171 simplex points); the default 1/200 is the paper's resolution.
        CliRun run = CliRun.of("paper", "fig2", "--out", out.toString(), "--step", "0.05");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("fig2 map=rw-boundary points=171 neg1=[0-9.]+ neg2=[0-9.]+ neg3=[0-9.]+"), lines.get(0));
        assertTrue(lines.get(1).matches("fig2 map=rrw points=171 neg1=1\\.0000 neg2=0\\.0000 neg3=0\\.0000"),
                "a rectified map has one negative component everywhere: " + lines.get(1));
        assertTrue(lines.get(lines.size() - 1).startsWith("wrote "), run.out());
        BufferedImage png = ImageIO.read(out.resolve("fig2.png").toFile());
        assertTrue(png != null && png.getWidth() > 0, "fig2.png is readable");
        assertEquals(lines.subList(0, lines.size() - 1), Files.readAllLines(out.resolve("fig2.txt")));
    }

    @Test
    void aMissingOrUnknownFigureIsAUsageErrorListingTheAvailableOnes() {
        for (String[] args : new String[][] {{"paper"}, {"paper", "fig9"}}) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.oneErrorLine(), run.err());
            assertTrue(run.err().contains("available: fig2"), run.err());
        }
        assertTrue(CliRun.of("paper", "fig9").err().contains("unknown figure or table 'fig9'"));
    }

    @Test
    void badFig2ArgumentsAreUsageErrors() {
        for (String step : new String[] {"0.3", "0", "-0.1", "0.0001", "0.007"}) {
            CliRun run = CliRun.of("paper", "fig2", "--out", dir.toString(), "--step", step);
            assertEquals(2, run.exitCode(), step + ": " + run.err());
            assertTrue(run.oneErrorLine() && run.err().contains("--step must be 1/m"), run.err());
        }
        CliRun noOut = CliRun.of("paper", "fig2");
        assertEquals(2, noOut.exitCode());
        assertTrue(noOut.err().contains("--out"), noOut.err());
    }

    @Test
    void anOutputFolderThatIsAFileIsARuntimeError() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        CliRun run = CliRun.of("paper", "fig2", "--out", file.toString(), "--step", "0.1");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.oneErrorLine() && run.err().contains(file + ": exists and is not a folder"), run.err());
    }

    @Test
    void helpListsTheFigures() {
        CliRun run = CliRun.of("paper", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("fig2"), run.out());
    }
}
