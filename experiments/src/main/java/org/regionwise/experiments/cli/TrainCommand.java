package org.regionwise.experiments.cli;

import picocli.CommandLine.Command;

/** Placeholder for `regionwise train`: training a 2D U-Net with a chosen loss. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the nnU-Net-style 2D U-Net on a data set (nnU-Net raw layout, or --data default) with a chosen loss and combination strategy.")
final class TrainCommand extends NotImplementedCommand {
}
