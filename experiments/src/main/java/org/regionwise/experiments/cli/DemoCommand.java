package org.regionwise.experiments.cli;

import picocli.CommandLine.Command;

/** Placeholder for `regionwise demo`: a short end-to-end run on the default data set. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train a small 2D U-Net with the RRW loss on the default data set (Colin27/AAL from mricron-data, or a generated phantom) and report Dice.")
final class DemoCommand extends NotImplementedCommand {
}
