package org.regionwise.experiments.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.regionwise.experiments.cli.Main;

/**
 * The command line in a separate JVM, for what one JVM cannot test on itself: a small heap ({@code -Xmx})
 * where the check is that memory stays bounded, and {@code kill -9} or SIGTERM at a random moment.
 */
public final class ChildJvm {
    private ChildJvm() {}

    /** A started child running {@code regionwise ARGS} with heap {@code xmx} (e.g. "128m"), output to files in {@code logs}. */
    public static Process start(String xmx, Path logs, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + xmx);
        command.add("-XX:TieredStopAtLevel=1"); // short runs: start fast
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            command.add("--add-modules");
            command.add("jdk.incubator.vector");
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        Files.createDirectories(logs);
        return new ProcessBuilder(command)
                .redirectOutput(logs.resolve("stdout.txt").toFile())
                .redirectError(logs.resolve("stderr.txt").toFile())
                .start();
    }

    /** The finished run: exit code (or -1 when killed at the time limit), stdout, stderr. */
    public record Result(int exitCode, boolean timedOut, String out, String err) {}

    /** Runs to the end or {@code seconds}, whichever comes first (then the child is killed). */
    public static Result run(String xmx, Path logs, int seconds, String... args) throws IOException, InterruptedException {
        Process p = start(xmx, logs, args);
        boolean done = p.waitFor(seconds, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
            p.waitFor();
        }
        return new Result(done ? p.exitValue() : -1, !done, read(logs.resolve("stdout.txt")), read(logs.resolve("stderr.txt")));
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
