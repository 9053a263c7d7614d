package org.regionwise.experiments.cli;

import java.util.concurrent.Callable;
import org.regionwise.losses.LossRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code regionwise losses}: every loss name {@code --loss} accepts, with what it is. */
@Command(name = "losses", mixinStandardHelpOptions = true,
        description = "List every loss name (as given to train --loss) with a one-line description.")
final class LossesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(LossRegistry.describe());
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
