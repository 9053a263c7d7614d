package org.regionwise.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --engine and --master on the study commands, where the Spark engine is not on the class path (as in the CLI jar). */
class EngineOptionsTest {
    @TempDir
    Path dir;

    @Test
    void theSparkEngineAbsentSaysHowToGetItBeforeAnythingIsWritten() {
        Path out = dir.resolve("study");
        CliRun r = CliRun.of("paper", "table", "--engine", "spark", "--master", "local[2]", "--out", out.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("the spark engine is not on the class path: ./regionwise builds it on first use"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void fig3AndAllTakeTheEngineOptionsToo() {
        for (String command : new String[] {"fig3", "all"}) {
            Path out = dir.resolve(command);
            CliRun spark = CliRun.of("paper", command, "--engine", "spark", "--out", out.toString());
            assertEquals(1, spark.exitCode(), spark.err());
            assertTrue(spark.oneErrorLine() && spark.err().contains("the spark engine is not on the class path"), spark.err());
            assertFalse(Files.exists(out), command + " wrote before it knew its engine");
            CliRun master = CliRun.of("paper", command, "--master", "local[2]", "--out", out.toString());
            assertEquals(2, master.exitCode(), master.err());
            assertTrue(master.oneErrorLine() && master.err().contains("--master is for a cluster engine"), master.err());
        }
    }

    @Test
    void aMasterForTheLocalEngineAndAnUnknownEngineAreUsageErrors() {
        CliRun master = CliRun.of("paper", "fig5", "--master", "local[2]", "--out", dir.resolve("a").toString());
        assertEquals(2, master.exitCode(), master.err());
        assertTrue(master.err().contains("--master is for a cluster engine (--engine spark), not --engine local"), master.err());
        CliRun unknown = CliRun.of("paper", "fig6", "--engine", "ray", "--out", dir.resolve("b").toString());
        assertEquals(2, unknown.exitCode(), unknown.err());
        assertTrue(unknown.err().contains("unknown --engine 'ray'; available here: local"), unknown.err());
    }
}
