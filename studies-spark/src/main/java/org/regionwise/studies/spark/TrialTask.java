package org.regionwise.studies.spark;

import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.resource.ResourceInformation;
import org.regionwise.autodiff.GradMode;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Backends;
import org.regionwise.experiments.study.StudyJson;
import org.regionwise.experiments.study.Trial;
import org.regionwise.experiments.study.TrialBackends;
import org.regionwise.experiments.study.TrialResult;
import org.regionwise.experiments.study.TrialSpec;

/**
 * One trial as a Spark task, on an executor: {@link Trial#run} into the trial's folder with its own CPU kernels of
 * {@code threads} threads (the task's {@code spark.task.cpus}), exactly as {@link
 * org.regionwise.experiments.study.LocalRunner} runs it, so the result is the same bytes; or, when Spark gave the task
 * a GPU ({@code spark.task.resource.gpu.amount}), on that device with the tornado backend ({@link TaskDevices}).
 * Returns the result's JSON.
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
    private final String backend;

    /**
     * @param threads     CPU threads of the trial
     * @param environment a {@code Supplier<TrialEnvironment>} class name, or "" for the default ({@link ExecutorEnvironments})
     * @param backend     the study's backend name, unless Spark gives the task a GPU ({@link TaskDevices})
     */
    TrialTask(int threads, String environment, String backend) {
        this.threads = threads;
        this.environment = environment;
        this.backend = backend;
    }

    @Override
    public String call(TrialJob job) throws Exception {
        TrialSpec spec = StudyJson.parse(job.specJson(), TrialSpec.class, "the trial spec sent by the driver");
        TaskContext task = TaskContext.get();
        Map<String, ResourceInformation> resources = task == null ? Map.of() : task.resourcesJMap();
        return StudyJson.text(run(spec, Path.of(job.folder()), resources));
    }

    private TrialResult run(TrialSpec spec, Path folder, Map<String, ResourceInformation> resources) {
        Backend own = null;
        try {
            own = TaskDevices.backend(backend, resources, threads);
            try (GradMode.Scope scope = Backends.onThisThread(own)) {
                return Trial.run(spec, folder, ExecutorEnvironments.get(environment), threads);
            }
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return TrialResult.failed(spec, why.replaceAll("\\s*\\R\\s*", " "));
        } finally {
            if (own != null) TrialBackends.close(own);
        }
    }
}
