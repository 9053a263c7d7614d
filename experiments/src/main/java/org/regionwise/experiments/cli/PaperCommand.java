package org.regionwise.experiments.cli;

import picocli.CommandLine.Command;

/** Placeholder for `regionwise paper`: reproducing the paper's figures and tables. */
@Command(name = "paper", mixinStandardHelpOptions = true,
        description = "Reproduce one of the paper's figures or tables (Fig. 2-4, Tables 2-4, Sec. 4.3-4.4).")
final class PaperCommand extends NotImplementedCommand {
}
