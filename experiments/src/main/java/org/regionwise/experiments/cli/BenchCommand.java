package org.regionwise.experiments.cli;

import picocli.CommandLine.Command;

/** Placeholder for `regionwise bench`: performance benchmarks. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the CPU (and GPU, when present) kernels, maps and training steps.")
final class BenchCommand extends NotImplementedCommand {
}
