package org.regionwise.studies.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.experiments.study.Study;
import org.regionwise.experiments.study.StudyExecution;
import org.regionwise.experiments.study.StudyFailedException;
import org.regionwise.experiments.study.TrialResult;
import org.regionwise.experiments.study.TrialSpec;

/** The Spark engine in local mode (driver and executor in this JVM): same results as the local engine, failures retried. */
class SparkLocalModeTest {
    @TempDir
    Path dir;

    private static SparkRunner runner() {
        return new SparkRunner(new SparkRunner.Settings("local[2]", 1, TinyEnvironment.class.getName(),
                Map.of("spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1")));
    }

    @Test
    void aStudyOnSparkGivesTheLocalEnginesResultFilesByteForByte() throws Exception {
        List<TrialSpec> trials = StudyFiles.trials(List.of("rrw", "dice"), 2, 2);
        Study local = StudyFiles.local(dir.resolve("local/study"), trials);
        Study spark = StudyFiles.open(dir.resolve("spark/study"), trials);
        List<String> heard = new ArrayList<>();
        List<TrialResult> results = runner().run(spark, (r, skipped, done, total) -> heard.add(r.specId() + " " + skipped + " " + total));
        assertEquals(4, heard.size());
        for (int i = 0; i < trials.size(); i++) {
            assertEquals(trials.get(i).id(), results.get(i).specId(), "results come in study order");
            assertEquals(TrialResult.Status.COMPLETED, results.get(i).status(), results.get(i).message());
        }
        StudyFiles.assertSameResults(local, spark);
    }

    @Test
    void aTrialThatThrowsIsReportedAndARerunRetriesOnlyIt() throws Exception {
        List<TrialSpec> trials = StudyFiles.trials(List.of("rrw"), 3, 1);
        Path folder = dir.resolve("spark/study");
        Path control = TinyEnvironment.control(folder);
        Files.createDirectories(control);
        Files.writeString(control.resolve("fail-1"), "");
        StringWriter log = new StringWriter();
        StudyFailedException failed = assertThrows(StudyFailedException.class,
                () -> StudyExecution.run(StudyFiles.open(folder, trials), runner(), new PrintWriter(log)));
        assertTrue(failed.getMessage().startsWith("1 of 3 trials failed (" + trials.get(1).id() + ": trial of seed 1 fails on purpose)"),
                failed.getMessage());
        assertTrue(log.toString().contains("FAILED: trial of seed 1 fails on purpose"), log.toString());

        Files.delete(control.resolve("fail-1"));
        List<String> ran = new ArrayList<>();
        List<TrialResult> results = runner().run(StudyFiles.open(folder, trials), (r, skipped, done, total) -> {
            if (!skipped) ran.add(r.specId());
        });
        assertEquals(List.of(trials.get(1).id()), ran);
        results.forEach(r -> assertEquals(TrialResult.Status.COMPLETED, r.status(), r.message()));
        StudyFiles.assertSameResults(StudyFiles.local(dir.resolve("local/study"), trials), StudyFiles.open(folder, trials));
    }
}
