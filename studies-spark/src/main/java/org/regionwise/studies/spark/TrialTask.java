package org.regionwise.studies.spark;

import java.nio.file.Path;
import org.apache.spark.api.java.function.Function;
import org.regionwise.autodiff.GradMode;
import org.regionwise.autodiff.backend.Backends;
import org.regionwise.autodiff.backend.CpuBackend;
import org.regionwise.autodiff.backend.Kernels;
import org.regionwise.autodiff.cpu.FastKernels;
import org.regionwise.experiments.study.StudyJson;
import org.regionwise.experiments.study.Trial;
import org.regionwise.experiments.study.TrialResult;
import org.regionwise.experiments.study.TrialSpec;

/**
 * One trial as a Spark task, on an executor: {@link Trial#run} into the trial's folder with its own CPU kernels of
 * {@code threads} threads (the task's {@code spark.task.cpus}), exactly as {@link
 * org.regionwise.experiments.study.LocalRunner} runs it, so the result is the same bytes. Returns the result's JSON.
 *
 * <p>A trial that throws comes back as a failure record (the study reports it; nothing is saved, so the next run
 * retries it); the task itself succeeds. Only a lost executor fails the task, and Spark retries it: the new attempt
 * resumes from the trial's last checkpoint when the folder is on shared storage. A zombie attempt (of an executor the
 * driver gave up on, still running a moment) writes the same bytes, and every file is written by atomic rename, so
 * readers never see a torn checkpoint or result.
 */
final class TrialTask implements Function<TrialJob, String> {
    private static final long serialVersionUID = 1L;

    private final int threads;
    private final String environment;

    /**
     * @param threads     CPU threads of the trial
     * @param environment a {@code Supplier<TrialEnvironment>} class name, or "" for the default ({@link ExecutorEnvironments})
     */
    TrialTask(int threads, String environment) {
        this.threads = threads;
        this.environment = environment;
    }

    @Override
    public String call(TrialJob job) throws Exception {
        TrialSpec spec = StudyJson.parse(job.specJson(), TrialSpec.class, "the trial spec sent by the driver");
        return StudyJson.text(run(spec, Path.of(job.folder())));
    }

    private TrialResult run(TrialSpec spec, Path folder) {
        Kernels kernels = FastKernels.best(threads);
        try (GradMode.Scope backend = Backends.onThisThread(new CpuBackend(kernels))) {
            return Trial.run(spec, folder, ExecutorEnvironments.get(environment), threads);
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return TrialResult.failed(spec, why.replaceAll("\\s*\\R\\s*", " "));
        } finally {
            if (kernels instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing a kernel set only stops its helper threads
                }
            }
        }
    }
}
