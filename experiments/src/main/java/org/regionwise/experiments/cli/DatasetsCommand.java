package org.regionwise.experiments.cli;

import picocli.CommandLine.Command;

/** Placeholder for `regionwise datasets`: the data sets. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List the data sets found (mricron-data templates, nnU-Net raw folders) and prepare the default one.")
final class DatasetsCommand extends NotImplementedCommand {
}
