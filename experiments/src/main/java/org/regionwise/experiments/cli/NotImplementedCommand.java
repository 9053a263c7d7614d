package org.regionwise.experiments.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * Placeholder behaviour of a planned subcommand: says in one line what it will do and that it is not
 * implemented yet, and exits with {@link Main#USAGE_ERROR}. Whoever implements a command replaces
 * {@code extends NotImplementedCommand} with the real thing.
 */
abstract class NotImplementedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Arguments are accepted and ignored, so the placeholder answers the same for any invocation. */
    @Unmatched
    List<String> ignored;

    @Override
    public Integer call() {
        String plan = String.join(" ", spec.usageMessage().description());
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + plan + " -- not implemented yet");
        return Main.USAGE_ERROR;
    }
}
