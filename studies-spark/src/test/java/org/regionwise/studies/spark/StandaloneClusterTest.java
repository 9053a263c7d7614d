package org.regionwise.studies.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.experiments.study.Study;
import org.regionwise.experiments.study.TrialResult;
import org.regionwise.experiments.study.TrialRunner;
import org.regionwise.experiments.study.TrialSpec;

/**
 * A real standalone cluster (a Master and two Workers, separate JVMs on 127.0.0.1) runs a tiny study; the executor
 * running one trial is killed with SIGKILL after that trial's first epoch; Spark retries the task, the new attempt
 * resumes from the trial's checkpoint (the folder is on storage every worker sees: this machine's disk), and the
 * study's result files equal the local engine's byte for byte.
 */
class StandaloneClusterTest {
    @TempDir
    Path dir;

    @Test
    void aStudySurvivesAKilledExecutorAndGivesTheLocalEnginesResultFiles() throws Exception {
        List<TrialSpec> trials = StudyFiles.trials(List.of("rrw", "dice"), 2, 2);
        TrialSpec victim = trials.get(1);
        Study local = StudyFiles.local(dir.resolve("local/study"), trials);

        Path folder = dir.resolve("spark/study");
        Path control = Files.createDirectories(TinyEnvironment.control(folder));
        Files.writeString(control.resolve("kill-" + victim.seed()), "");
        try (StandaloneCluster cluster = new StandaloneCluster(dir.resolve("cluster"), 2)) {
            SparkRunner runner = new SparkRunner(new SparkRunner.Settings(cluster.master, 1, TinyEnvironment.class.getName(),
                    Map.of("spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1",
                            "spark.executor.memory", "512m", "spark.task.maxFailures", "4")));
            Study spark = StudyFiles.open(folder, trials);
            ExecutorService driver = Executors.newSingleThreadExecutor();
            try {
                Future<List<TrialResult>> running = driver.submit(() -> runner.run(spark, TrialRunner.Listener.silent()));
                Path pidFile = control.resolve("pid-" + victim.seed());
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
                while (!Files.exists(pidFile)) {
                    if (running.isDone() || System.nanoTime() > until) fail("the victim trial never reached its first epoch\n" + cluster.logTails());
                    Thread.sleep(100);
                }
                long pid = Long.parseLong(Files.readString(pidFile).trim());
                assertNotEquals(ProcessHandle.current().pid(), pid, "the trial ran in the driver, not on an executor");
                assertTrue(cluster.executors().contains(pid), "pid " + pid + " is not an executor of the cluster");
                Files.writeString(control.resolve("killed"), "");
                new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();

                List<TrialResult> results = running.get(300, TimeUnit.SECONDS);
                for (TrialResult r : results) assertEquals(TrialResult.Status.COMPLETED, r.status(), r.message() + "\n" + cluster.logTails());
            } finally {
                driver.shutdownNow();
            }
            assertEquals("1", Files.readString(control.resolve("resumed-" + victim.seed())).trim(),
                    "the retried trial resumes from its checkpoint after epoch 1");
            StudyFiles.assertSameResults(local, spark);
        }
    }
}
