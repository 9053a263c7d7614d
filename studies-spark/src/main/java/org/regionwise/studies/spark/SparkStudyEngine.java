package org.regionwise.studies.spark;

import org.regionwise.experiments.study.StudyEngine;
import org.regionwise.experiments.study.StudyPlan;
import org.regionwise.experiments.study.TrialEnvironment;
import org.regionwise.experiments.study.TrialRunner;

/**
 * A study on Spark: each trial one task with {@code spark.task.cpus} = its threads. Executors build their own
 * {@link TrialEnvironment} (they load the data set named in the spec), so the driver's is not used for training.
 */
final class SparkStudyEngine implements StudyEngine {
    private final String master;

    SparkStudyEngine(String master) {
        this.master = master;
    }

    @Override
    public TrialRunner runner(StudyPlan plan, TrialEnvironment environment) {
        return new SparkRunner(SparkRunner.Settings.of(master, StudyEngine.threadsPerTrial(plan)));
    }

    @Override
    public String describe(StudyPlan plan) {
        return "on Spark (" + master + "), one task of " + StudyEngine.threadsPerTrial(plan) + " CPU(s) per trial";
    }
}
