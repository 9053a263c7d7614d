package org.regionwise.experiments.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the command line: its exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Whether stderr is exactly one non-empty line (no stack trace, no usage dump). */
    boolean oneErrorLine() {
        String e = err.strip();
        return !e.isEmpty() && !e.contains("\n");
    }
}
