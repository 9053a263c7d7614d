package org.regionwise.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.experiments.io.NiftiFormatException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line a user can act on: usage errors (exit 2) point to the command's
 * --help; runtime errors (exit 1) say what failed on which file. A stack trace only helps a developer,
 * so it appears only with the environment variable {@code REGIONWISE_DEBUG} set.
 *
 * <p>What the user typed or a file held is quoted with {@link OneLine} where each message is written. Both handlers
 * also pass the whole message through it, as a last resort for text no site of ours formats: picocli quotes a bad
 * argument as typed ({@code Unknown option: '--a<newline>b'}), and a library's or the JDK's message may hold a line
 * break. This would also flatten a message meant to span lines; none is (an error here is one line by promise, and
 * longer explanations belong in {@code --help}), so nothing is lost, and escaping twice is the same as once.
 */
final class CliErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        PrintWriter err = cmd.getErr();
        err.println(name + ": " + OneLine.visible(e.getMessage()) + " (see '" + name + " --help')");
        debug(err, e);
        return Main.USAGE_ERROR;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        err.println(cmd.getCommandSpec().qualifiedName() + ": error: " + OneLine.visible(describe(e)));
        debug(err, e);
        return Main.RUNTIME_ERROR;
    }

    /** A line for a failure: the files involved and what went wrong with them (not yet {@link OneLine}-quoted). */
    static String describe(Exception e) {
        if (e instanceof NoSuchFileException f) return "no such file: " + f.getFile();
        if (e instanceof AccessDeniedException f) return "permission denied: " + f.getFile();
        if (e instanceof NiftiFormatException) return e.getMessage(); // already "file: problem"
        if (e instanceof FileSystemException f) {
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : f.getClass().getSimpleName());
        }
        if (e instanceof IOException || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        // Anything else is a bug in this program: say so, and how to see more.
        return "internal error: " + e + " (set REGIONWISE_DEBUG=1 for the stack trace)";
    }

    private static void debug(PrintWriter err, Exception e) {
        if (System.getenv("REGIONWISE_DEBUG") != null) e.printStackTrace(err);
    }
}
