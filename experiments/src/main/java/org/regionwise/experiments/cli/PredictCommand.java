package org.regionwise.experiments.cli;

import picocli.CommandLine.Command;

/** Placeholder for `regionwise predict`: segmenting volumes with a trained model. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Segment NIfTI volumes with a trained model and write label volumes on the input grid.")
final class PredictCommand extends NotImplementedCommand {
}
