package org.regionwise.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.regionwise.experiments.paper.Fig4;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code regionwise paper fig4}: the paper's Fig. 4 ({@link Fig4}): the RW (RRW vector) and cross-entropy
 * gradients of the true-class logit over the 3-class simplex, and the RW gradient's saddle point.
 * Prints Fig4's {@code fig4 ...} lines; writes {@code fig4.png}, {@code fig4.csv} and {@code fig4.txt}.
 */
@Command(name = "fig4", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fig. 4: the gradient of the true-class logit over the 3-class softmax simplex, RW loss with an RRW "
                + "vector vs cross entropy, and the saddle point of the RW gradient (found on the grid, printed beside its "
                + "analytic location); writes fig4.png, fig4.csv (every grid point) and fig4.txt.",
                "Pure computation, no training: 2.6 s of CPU with the defaults (measured: 14 s wall on the 2-core build machine "
                        + "under a load average of 22 from other jobs)."})
final class PaperFig4Command implements Callable<Integer> {
    /** The finest grid accepted: 1/2000 is already 2 million points in the CSV. */
    private static final int MAX_DIVISIONS = 2000;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for fig4.png, fig4.csv and fig4.txt (created).")
    Path out;

    @Option(names = "--step", paramLabel = "S", defaultValue = "" + Fig4.STEP,
            description = "Simplex grid step, 1/m for an integer m in 6.." + MAX_DIVISIONS + " (default: ${DEFAULT-VALUE}).")
    double step;

    @Option(names = "--rrw-value", paramLabel = "V", defaultValue = "" + Fig4.RRW_VALUE,
            description = "The RRW vector's true-class value, in [-1, 0); the wrong classes get 1 (default: ${DEFAULT-VALUE}, "
                    + "the innermost pixel of a region).")
    double rrwValue;

    @Override
    public Integer call() throws IOException {
        SimplexFigures.checkStep(spec, step, 6, MAX_DIVISIONS);
        if (!(rrwValue >= -1 && rrwValue < 0)) {
            throw new ParameterException(spec.commandLine(), "--rrw-value must be in [-1, 0), got " + rrwValue);
        }
        Fig4.Result result = SimplexFigures.write(spec, out, quiet -> Fig4.run(out, step, rrwValue, quiet));
        PrintWriter stdout = spec.commandLine().getOut();
        result.lines().forEach(stdout::println);
        stdout.println("wrote " + result.png() + ", " + result.csv() + " and " + out.resolve("fig4.txt"));
        return Main.OK;
    }
}
