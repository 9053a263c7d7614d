package org.regionwise.experiments.progress;

import java.io.PrintWriter;
import org.regionwise.experiments.train.EpochRecord;
import org.regionwise.experiments.train.TrainingPosition;

/**
 * Receives the trainer's progress. {@link #forOutput} picks the form: a redrawn progress bar on an
 * interactive terminal, plain lines otherwise (a log file or a pipe gets no carriage returns).
 */
public interface Progress {

    /** Training starts (or resumes) at {@code from}; {@code steps} is the steps per epoch. */
    default void started(TrainingPosition from, int epochs, int steps) {}

    /** A step finished: its loss, the step rate since this session started, and the estimated time left. */
    default void step(StepReport report) {}

    /** An epoch finished (validation included, when it was due). */
    default void epochFinished(EpochRecord record, int epochs) {}

    /** A one-line remark (a checkpoint written, a stop and why). */
    default void note(String line) {}

    /** One training step, as reported. */
    record StepReport(int epoch, int epochs, int step, int steps, double loss, double stepsPerSecond, double etaSeconds) {}

    /** Discards everything. */
    static Progress silent() {
        return new Progress() {};
    }

    /** A bar when {@code terminal}, else plain lines, written to {@code out}. */
    static Progress forOutput(PrintWriter out, boolean terminal) {
        return terminal ? new TerminalProgress(out) : new LineProgress(out);
    }

    /** For the process's standard output: a bar when it is a terminal ({@code System.console() != null}). */
    static Progress forConsole(PrintWriter out) {
        return forOutput(out, System.console() != null);
    }
}
