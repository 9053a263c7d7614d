package org.regionwise.studies.spark;

import org.regionwise.experiments.study.StudyEngine;
import org.regionwise.experiments.study.StudyEngineProvider;

/** {@code --engine spark}: found by the CLI with ServiceLoader when this module is on the class path. */
public final class SparkEngineProvider implements StudyEngineProvider {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public StudyEngine engine(String master) {
        return new SparkStudyEngine(SparkMasters.check(master == null ? SparkMasters.DEFAULT : master));
    }
}
