package org.regionwise.experiments.progress;

import java.io.PrintWriter;
import java.util.function.LongSupplier;
import org.regionwise.experiments.train.EpochRecord;
import org.regionwise.experiments.train.TrainingPosition;

/**
 * Progress as plain lines, for logs and pipes: one line per epoch, and a step line at most every
 * {@link #STEP_LINE_INTERVAL_SECONDS} seconds within long epochs, so a log shows life without flooding.
 */
final class LineProgress implements Progress {
    static final double STEP_LINE_INTERVAL_SECONDS = 30;
    private final PrintWriter out;
    private final LongSupplier nanoTime;
    private long lastLine;

    LineProgress(PrintWriter out) {
        this(out, System::nanoTime);
    }

    LineProgress(PrintWriter out, LongSupplier nanoTime) {
        this.out = out;
        this.nanoTime = nanoTime;
        this.lastLine = nanoTime.getAsLong();
    }

    @Override
    public void started(TrainingPosition from, int epochs, int steps) {
        out.println(from.epoch() == 0 && from.step() == 0
                ? "training: " + epochs + " epochs of " + steps + " steps"
                : "resuming at epoch " + (from.epoch() + 1) + "/" + epochs + ", step " + (from.step() + 1) + "/" + steps);
        out.flush();
        lastLine = nanoTime.getAsLong();
    }

    @Override
    public void step(StepReport report) {
        long now = nanoTime.getAsLong();
        if ((now - lastLine) / 1e9 >= STEP_LINE_INTERVAL_SECONDS && report.step() + 1 < report.steps()) {
            out.println("  " + ProgressText.step(report));
            out.flush();
            lastLine = now;
        }
    }

    @Override
    public void epochFinished(EpochRecord record, int epochs) {
        out.println(ProgressText.epoch(record, epochs));
        out.flush();
        lastLine = nanoTime.getAsLong();
    }

    @Override
    public void note(String line) {
        out.println(line);
        out.flush();
    }
}
