package org.regionwise.experiments.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.regionwise.autodiff.text.OneLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code regionwise paper}: reproduces one of the paper's figures or tables, one subcommand each
 * ({@code paper fig2 --out DIR}). A new figure is a new subcommand class listed here; the usage error
 * for a missing or unknown name lists whatever is registered.
 */
@Command(name = "paper", mixinStandardHelpOptions = true,
        description = "Reproduce one of the paper's figures or tables (one subcommand each).",
        subcommands = {PaperFig2Command.class, PaperFig3Command.class, PaperFig4Command.class, PaperTableCommand.class,
                PaperFig5Command.class, PaperFig6Command.class, PaperAllCommand.class})
final class PaperCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Catches a name that is not a subcommand, so the error can list the real ones. */
    @Parameters(arity = "0..1", paramLabel = "FIGURE", hidden = true)
    String figure;

    @Override
    public Integer call() {
        String available = String.join(", ", List.copyOf(spec.subcommands().keySet()));
        throw new ParameterException(spec.commandLine(), figure == null
                ? "name a figure or table; available: " + available
                : "unknown figure or table '" + OneLine.visible(figure) + "'; available: " + available);
    }
}
