package org.regionwise.experiments.cli;

import picocli.CommandLine.Command;

/** Placeholder for `regionwise metrics`: metrics of two label volumes. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Compute Dice, Hausdorff, HD95 and ASSD per class between two label volumes.")
final class MetricsCommand extends NotImplementedCommand {
}
