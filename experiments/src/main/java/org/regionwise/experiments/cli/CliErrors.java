package org.regionwise.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
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
 */
final class CliErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        PrintWriter err = cmd.getErr();
        err.println(name + ": " + e.getMessage() + " (see '" + name + " --help')");
        debug(err, e);
        return Main.USAGE_ERROR;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        err.println(cmd.getCommandSpec().qualifiedName() + ": error: " + describe(e));
        debug(err, e);
        return Main.RUNTIME_ERROR;
    }

    /** One line for a failure: the files involved and what went wrong with them. */
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
