package org.regionwise.studies.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.experiments.paper.Fig3;
import org.regionwise.experiments.study.TrialSpec;

/** Fig. 3's trials, whose observer counts negative gradient components, run as Spark tasks: the same figures as here. */
class SparkFig3Test {
    @TempDir
    Path dir;

    @Test
    void fig3OnSparkWritesTheSameFilesAsTheLocalEngine() throws Exception {
        TrialSpec template = new TrialSpec(TinyEnvironment.DATA, 1, 0.2, "rrw", 0, 2, 3, 4, 1e-2, 3, 4, 0, true, "");
        Fig3.Plan plan = new Fig3.Plan(template, List.of("rw-boundary", "rrw"), 1, new TreeSet<>(List.of(0, 2)), 1, 1);
        PrintWriter quiet = new PrintWriter(new StringWriter());
        Fig3.Result local = Fig3.run(plan, dir.resolve("local"), TinyEnvironment.data(), quiet);

        SparkRunner spark = new SparkRunner(new SparkRunner.Settings("local[2]", 1, TinyPaperEnvironment.class.getName(),
                Map.of("spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1")));
        StringWriter log = new StringWriter();
        Fig3.Result onSpark = Fig3.run(plan, dir.resolve("spark"), TinyEnvironment.data(), spark, new PrintWriter(log));
        assertTrue(log.toString().contains("fig3 trial 2/2"), log.toString());
        assertEquals(local.lines(), onSpark.lines());
        assertTrue(onSpark.lines().stream().anyMatch(l -> l.startsWith("fig3 map=rrw run=1 epoch=2 neg2plus=0.0000 neg1=1.0000")),
                onSpark.lines().toString());
        for (String f : List.of("fig3.txt", "fig3-neg2plus.csv", "fig3-rw-boundary.csv", "fig3-rrw.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("local").resolve(f)), Files.readAllBytes(dir.resolve("spark").resolve(f)), f);
        }
    }
}
