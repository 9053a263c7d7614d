package org.regionwise.experiments.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.regionwise.experiments.train.ComputeBackends;
import org.regionwise.experiments.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code regionwise demo}: the README's main command. Trains a U-Net sized for a small machine with the
 * RRW loss on the default data set for about ten minutes (two with {@code --quick}), validates it on the
 * held-out hemisphere, prints a per-class table and writes the run folder ({@link Demo}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a small 2D U-Net with the RRW loss on the default data set (Colin27/AAL from mricron-data, or a "
                + "generated phantom) for about 10 minutes, validate on the held-out hemisphere, print Dice and HD95 per class "
                + "and write report.md, figures and the checkpoint to --out.")
final class DemoCommand implements Callable<Integer> {
    static final double MINUTES = 10;
    static final double QUICK_MINUTES = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "About " + "2" + " minutes instead of 10.")
    boolean quick;

    @Option(names = "--minutes", paramLabel = "M", description = "The whole demo's time budget in minutes (default: 10, or 2 with --quick).")
    Double minutes;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/demo", description = "Run folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Training seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ThreadOptions threads;

    @Override
    public Integer call() throws IOException {
        double budget = minutes != null ? minutes : quick ? QUICK_MINUTES : MINUTES;
        if (!(budget > 0) || Double.isInfinite(budget)) throw usage("--minutes must be positive, got " + budget);
        threads.validate(spec);
        int threadCount = threads.count();
        ComputeBackends.install(ComputeBackends.CPU, threadCount);
        return new Demo(budget, out, seed, threadCount).run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
