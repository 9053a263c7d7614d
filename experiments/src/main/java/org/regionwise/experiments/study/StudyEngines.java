package org.regionwise.experiments.study;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.regionwise.autodiff.text.OneLine;

/** Finds a study engine by name: {@value #LOCAL} is built in, the others come from optional modules. */
public final class StudyEngines {
    public static final String LOCAL = "local";

    /** What to do when the Spark engine is absent. */
    static final String SPARK_NOT_BUILT = "the spark engine is not on the class path: ./regionwise builds it on first use "
            + "(or: mvn -pl studies-spark -am package -DskipTests, then put studies-spark/target/studies-spark.jar and the "
            + "jars listed in studies-spark/target/spark-classpath.txt beside the CLI jar on the class path)";

    private StudyEngines() {}

    /**
     * The engine {@code name}, connected to {@code master}.
     *
     * @throws IllegalArgumentException for a master the engine does not understand, or a master given to the local engine
     * @throws IllegalStateException    when no provider of that name is on the class path (the message says how to get it)
     */
    public static StudyEngine find(String name, String master) {
        if (LOCAL.equals(name)) {
            if (master != null) throw new IllegalArgumentException("--master is for a cluster engine (--engine spark), not --engine local");
            return StudyEngine.local();
        }
        List<String> known = new ArrayList<>(List.of(LOCAL));
        try {
            for (StudyEngineProvider p : ServiceLoader.load(StudyEngineProvider.class)) {
                if (p.name().equals(name)) return p.engine(master);
                known.add(p.name());
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new IllegalStateException("--engine " + OneLine.visible(name) + ": an engine was found but cannot be loaded (" + OneLine.visible(e.getMessage())
                    + "); rebuild it with REGIONWISE_REBUILD=1", e);
        }
        if ("spark".equals(name)) throw new IllegalStateException("--engine spark: " + SPARK_NOT_BUILT);
        throw new IllegalArgumentException("unknown --engine '" + OneLine.visible(name) + "'; available here: " + String.join(", ", known));
    }
}
