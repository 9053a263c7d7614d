package org.regionwise.experiments.cli;

import java.io.IOException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the table, fig5 and fig6 commands are made of (picocli mixin): the study options, then the engine options,
 * and running the command's study with them. Each command adds only its help text, its defaults and its study.
 */
final class StudyCommandOptions {
    /** The command this mixin is part of: usage errors, its output streams and its lock are that command's. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Mixin
    StudyOptions options;

    @Mixin
    EngineOptions engine;

    /** Plans {@code d}'s study in --out, then loads its data and runs it on the chosen engine ({@link StudyOptions#run}). */
    int run(StudyOptions.Defaults d, StudyOptions.Study study) throws IOException {
        return options.run(command, d, engine.engine(command), study);
    }
}
