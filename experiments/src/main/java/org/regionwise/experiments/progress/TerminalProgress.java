package org.regionwise.experiments.progress;

import java.io.PrintWriter;
import java.util.function.LongSupplier;
import org.regionwise.experiments.train.EpochRecord;
import org.regionwise.experiments.train.TrainingPosition;

/**
 * Progress on an interactive terminal: one bar redrawn in place with a carriage return (at most
 * {@link #REDRAWS_PER_SECOND} times a second), and a permanent line per epoch.
 */
final class TerminalProgress implements Progress {
    static final int REDRAWS_PER_SECOND = 5;
    private static final int BAR_WIDTH = 24;
    private final PrintWriter out;
    private final LongSupplier nanoTime;
    private long lastDraw = Long.MIN_VALUE;
    private int drawnWidth;

    TerminalProgress(PrintWriter out) {
        this(out, System::nanoTime);
    }

    TerminalProgress(PrintWriter out, LongSupplier nanoTime) {
        this.out = out;
        this.nanoTime = nanoTime;
    }

    @Override
    public void started(TrainingPosition from, int epochs, int steps) {
        note(from.epoch() == 0 && from.step() == 0
                ? "training: " + epochs + " epochs of " + steps + " steps"
                : "resuming at epoch " + (from.epoch() + 1) + "/" + epochs + ", step " + (from.step() + 1) + "/" + steps);
    }

    @Override
    public void step(StepReport r) {
        long now = nanoTime.getAsLong();
        boolean last = r.step() + 1 == r.steps();
        if (!last && lastDraw != Long.MIN_VALUE && now - lastDraw < 1_000_000_000L / REDRAWS_PER_SECOND) return;
        lastDraw = now;
        int filled = (int) Math.round(BAR_WIDTH * (r.step() + 1) / (double) r.steps());
        String line = "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + ProgressText.step(r);
        draw(line);
    }

    @Override
    public void epochFinished(EpochRecord record, int epochs) {
        note(ProgressText.epoch(record, epochs));
    }

    @Override
    public void note(String line) {
        clear();
        out.println(line);
        out.flush();
    }

    private void draw(String line) {
        // pad over the previous, longer line instead of relying on ANSI erase codes
        String padded = line.length() < drawnWidth ? line + " ".repeat(drawnWidth - line.length()) : line;
        out.print("\r" + padded);
        out.flush();
        drawnWidth = line.length();
    }

    private void clear() {
        if (drawnWidth > 0) {
            out.print("\r" + " ".repeat(drawnWidth) + "\r");
            drawnWidth = 0;
        }
    }
}
