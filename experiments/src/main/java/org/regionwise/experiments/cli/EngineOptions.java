package org.regionwise.experiments.cli;

import org.regionwise.experiments.study.StudyEngine;
import org.regionwise.experiments.study.StudyEngines;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where a study command runs its trials: {@code --engine local} (this process) or a cluster engine with {@code --master}. */
final class EngineOptions {
    @Option(names = "--engine", paramLabel = "local|spark", defaultValue = StudyEngines.LOCAL,
            description = "Where the trials run: 'local', in this process, --parallel at a time; 'spark', one Spark task per "
                    + "trial with --threads/--parallel CPUs each (docs/cluster.md; the launcher builds the engine on first use). "
                    + "Results are the same (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "The Spark master: local[N], spark://host:port or k8s://https://host:port (default: local[*]). "
                    + "Trial folders (--out) must be on storage every worker sees.")
    String master;

    /** The engine, or a usage error for an unknown name or a master it does not take. */
    StudyEngine engine(CommandSpec spec) {
        try {
            return StudyEngines.find(engine, master);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
