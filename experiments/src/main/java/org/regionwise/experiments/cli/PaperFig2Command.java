package org.regionwise.experiments.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.regionwise.experiments.paper.Fig2;
import org.regionwise.experiments.io.OutputLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
        long m = Math.round(1 / step);
        if (!(step > 0) || m < 3 || m > MAX_DIVISIONS || Math.abs(m * step - 1) > 1e-9) {
            throw new ParameterException(spec.commandLine(),
                    "--step must be 1/m for an integer m in 3.." + MAX_DIVISIONS + " (e.g. 0.01, 0.005), got " + step);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new FileSystemException(out.toString(), null, "exists and is not a folder (--out names a folder)");
        }
        Fig2.Result result;
        try (OutputLock lock = OutputTargets.folder(spec, out);
             PrintStream quiet = new PrintStream(OutputStream.nullOutputStream())) {
            result = Fig2.run(out, step, quiet); // its lines go to picocli's stream below, so tests can read them
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the IOException itself names the file and the reason, for CliErrors
        }
        PrintWriter stdout = spec.commandLine().getOut();
        result.lines().forEach(stdout::println);
        stdout.println("wrote " + result.png() + " and " + out.resolve("fig2.txt"));
        return Main.OK;
    }
}
