package org.regionwise.experiments.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code regionwise} command line: one subcommand per job, each in its own class.
 *
 * <p>Exit codes: 0 success; 1 runtime error (missing or unreadable file, bad file content, failed
 * computation); 2 usage error (unknown option, bad value, missing argument) or a command that is not
 * implemented yet. Errors are one line on stderr, without a stack trace unless the environment
 * variable {@code REGIONWISE_DEBUG} is set.
 */
@Command(name = "regionwise", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Region-wise loss for biomedical image segmentation (Valverde & Tohka): maps, losses, "
                + "training and the paper's experiments, on the JVM.",
        subcommands = {DemoCommand.class, TrainCommand.class, EvaluateCommand.class, PredictCommand.class,
                MapsCommand.class, MetricsCommand.class, LossesCommand.class, PaperCommand.class,
                BenchCommand.class, DatasetsCommand.class})
public final class Main implements Callable<Integer> {
    /** Exit code of a successful run. */
    public static final int OK = 0;
    /** Exit code of a runtime error: a file or computation failed. */
    public static final int RUNTIME_ERROR = 1;
    /** Exit code of a usage error, and of commands not implemented yet. */
    public static final int USAGE_ERROR = 2;

    @Spec
    CommandSpec spec;

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given output streams and returns its exit code (for tests and embedding). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out).setErr(err);
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) { // an Error, so picocli lets it through: still one line
            err.println("regionwise: error: out of memory; give Java more heap, e.g. JAVA_OPTS=-Xmx16g");
            return RUNTIME_ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The configured picocli command line: subcommands, one-line error handlers, exit codes. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        CliErrors errors = new CliErrors();
        cli.setParameterExceptionHandler(errors);
        cli.setExecutionExceptionHandler(errors);
        return cli;
    }

    /** Without a subcommand: show what there is, and say it was not a complete command. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE_ERROR;
    }
}
