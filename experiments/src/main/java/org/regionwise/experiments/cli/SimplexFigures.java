package org.regionwise.experiments.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.regionwise.experiments.io.OutputLock;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * What {@code paper fig2} and {@code paper fig4} share: a figure computed over a grid on the 3-class simplex, no
 * training, written into the {@code --out} folder. Their options stay in each command (the help texts name each
 * figure's files and grid range); the checks and the locked, quiet run are here.
 */
final class SimplexFigures {
    private SimplexFigures() {}

    /** A figure's computation; it writes its files and prints its lines to {@code log}. */
    @FunctionalInterface
    interface Figure<R> {
        R run(PrintStream log);
    }

    /** A usage error unless {@code step} is 1/m for an integer m in {@code minDivisions..maxDivisions}. */
    static void checkStep(CommandSpec spec, double step, int minDivisions, int maxDivisions) {
        long m = Math.round(1 / step);
        if (!(step > 0) || m < minDivisions || m > maxDivisions || Math.abs(m * step - 1) > 1e-9) {
            throw new ParameterException(spec.commandLine(),
                    "--step must be 1/m for an integer m in " + minDivisions + ".." + maxDivisions + " (e.g. 0.01, 0.005), got " + step);
        }
    }

    /**
     * Runs {@code figure} with {@code out} locked for {@code spec}'s command ({@link OutputTargets#folder}), its own
     * printing silenced: the command prints the lines it returns through picocli's stream, so tests can read them.
     */
    static <R> R write(CommandSpec spec, Path out, Figure<R> figure) throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new FileSystemException(out.toString(), null, "exists and is not a folder (--out names a folder)");
        }
        try (OutputLock lock = OutputTargets.folder(spec, out);
             PrintStream quiet = new PrintStream(OutputStream.nullOutputStream())) {
            return figure.run(quiet);
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the IOException itself names the file and the reason, for CliErrors
        }
    }
}
