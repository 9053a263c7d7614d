package org.regionwise.experiments.study;

/**
 * A cluster engine for studies, found with {@link java.util.ServiceLoader} (file
 * {@code META-INF/services/org.regionwise.experiments.study.StudyEngineProvider}). The CLI jar has none; the optional
 * {@code studies-spark} module provides {@code spark}.
 */
public interface StudyEngineProvider {

    /** The name {@code --engine} selects it by. */
    String name();

    /**
     * The engine, connected to {@code master} (an engine-specific address, or null for the engine's default).
     *
     * @throws IllegalArgumentException when {@code master} is not an address this engine understands (one line)
     */
    StudyEngine engine(String master);
}
