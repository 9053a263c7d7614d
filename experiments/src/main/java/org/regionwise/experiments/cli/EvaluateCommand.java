package org.regionwise.experiments.cli;

import picocli.CommandLine.Command;

/** Placeholder for `regionwise evaluate`: scoring predictions against labels. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate predicted label volumes against references: Dice, Hausdorff, HD95 and ASSD per class.")
final class EvaluateCommand extends NotImplementedCommand {
}
