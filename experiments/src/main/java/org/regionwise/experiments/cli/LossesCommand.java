package org.regionwise.experiments.cli;

import picocli.CommandLine.Command;

/** Placeholder for `regionwise losses`: inspecting the losses. */
@Command(name = "losses", mixinStandardHelpOptions = true,
        description = "List the losses of SPEC.md and evaluate them (value and gradient) on a label volume and a softmax.")
final class LossesCommand extends NotImplementedCommand {
}
