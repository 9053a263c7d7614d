package org.regionwise.studies.spark;

import org.regionwise.experiments.study.StudyEngine;
import org.regionwise.experiments.study.StudyPlan;
import org.regionwise.experiments.study.TrialEnvironment;
import org.regionwise.experiments.study.TrialRunner;

/**
 * A study on Spark: each trial one task with {@code spark.task.cpus} = its threads. Executors build their own
 * {@link TrialEnvironment} (they load the data set named in the spec) with the driver environment's
 * {@link TrialEnvironment#executorSupplier() recipe} (the epoch observers its trials name), so the driver's is not used
 * for training.
 */
final class SparkStudyEngine implements StudyEngine {
    private final String master;

    SparkStudyEngine(String master) {
        this.master = master;
    }

    @Override
    public TrialRunner runner(StudyPlan plan, TrialEnvironment environment) {
        return new SparkRunner(new SparkRunner.Settings(master, StudyEngine.threadsPerTrial(plan), environment.executorSupplier(),
                java.util.Map.of(), plan.backend()));
    }

    @Override
    public String describe(StudyPlan plan) {
        return "on Spark (" + master + "), one task of " + StudyEngine.threadsPerTrial(plan) + " CPU(s) per trial"
                + (plan.backend().equals(org.regionwise.gpu.GpuBackends.CPU) ? "" : ", computing on " + plan.backend())
                + " (or on the GPU Spark gives a task)";
    }
}
