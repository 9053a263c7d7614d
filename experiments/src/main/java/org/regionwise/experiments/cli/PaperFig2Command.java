package org.regionwise.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.regionwise.experiments.paper.Fig2;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code regionwise paper fig2}: the paper's Fig. 2 ({@link Fig2}): over the 3-class simplex, how many
 * gradient components of the RW loss are negative with an RW-Boundary map and with the RRW map.
 * Prints Fig2's {@code fig2 ...} lines and writes {@code fig2.png} and {@code fig2.txt} into {@code --out}.
 */
@Command(name = "fig2", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fig. 2: count RW-loss gradients with 1, 2 or 3 negative components over the 3-class simplex, "
                + "for an RW-Boundary and the RRW map vector; writes fig2.png and fig2.txt.")
final class PaperFig2Command implements Callable<Integer> {
    /**
     * The finest grid accepted: 1/1000 already sweeps ~500,000 simplex points for each of the 4,096
     * pixels of the over-pixels summary (minutes); finer only burns time.
     */
    private static final int MAX_DIVISIONS = 1000;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for fig2.png and fig2.txt (created).")
    Path out;

    @Option(names = "--step", paramLabel = "S", defaultValue = "" + Fig2.STEP,
            description = "Simplex grid step, 1/m for an integer m in 3.." + MAX_DIVISIONS + " (default: ${DEFAULT-VALUE}).")
    double step;

    @Override
    public Integer call() throws IOException {
        SimplexFigures.checkStep(spec, step, 3, MAX_DIVISIONS);
        Fig2.Result result = SimplexFigures.write(spec, out, quiet -> Fig2.run(out, step, quiet));
        PrintWriter stdout = spec.commandLine().getOut();
        result.lines().forEach(stdout::println);
        stdout.println("wrote " + result.png() + " and " + out.resolve("fig2.txt"));
        return Main.OK;
    }
}
