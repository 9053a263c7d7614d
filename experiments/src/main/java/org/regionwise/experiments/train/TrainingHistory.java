package org.regionwise.experiments.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.regionwise.experiments.io.AtomicFile;

/** The epochs trained so far, in order, as saved in checkpoints and plotted as learning curves. */
public final class TrainingHistory {
    private final List<EpochRecord> epochs = new ArrayList<>();

    public TrainingHistory() {}

    /** A history holding {@code records}, which must be epochs 0, 1, 2, ... in order. */
    public TrainingHistory(List<EpochRecord> records) {
        records.forEach(this::add);
    }

    /** Appends the next epoch. */
    public void add(EpochRecord record) {
        if (record.epoch() != epochs.size()) {
            throw new IllegalArgumentException("history holds " + epochs.size() + " epochs; cannot append epoch " + record.epoch());
        }
        epochs.add(record);
    }

    /** The records, epoch 0 first (unmodifiable). */
    public List<EpochRecord> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    public int size() {
        return epochs.size();
    }

    /** The last record, or null when empty. */
    public EpochRecord last() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }

    /** The last validated record, or null when none was validated. */
    public EpochRecord lastValidated() {
        for (int i = epochs.size() - 1; i >= 0; i--) if (epochs.get(i).validated()) return epochs.get(i);
        return null;
    }

    /**
     * The history as CSV, one row per epoch: {@code epoch,loss,learning_rate,steps,seconds,
     * validation_seconds,mean_foreground_dice,dice_<class>...}; empty cells where not validated.
     */
    public String toCsv(List<String> classNames) {
        StringBuilder s = new StringBuilder("epoch,loss,learning_rate,steps,seconds,validation_seconds,mean_foreground_dice");
        for (String name : classNames) s.append(",dice_").append(name.replaceAll("[^A-Za-z0-9]+", "_"));
        s.append('\n');
        for (EpochRecord r : epochs) {
            s.append(r.epoch()).append(',').append(num(r.meanLoss())).append(',').append(num(r.learningRate()))
                    .append(',').append(r.steps()).append(',').append(String.format(Locale.ROOT, "%.3f", r.seconds()))
                    .append(',').append(String.format(Locale.ROOT, "%.3f", r.validationSeconds()))
                    .append(',').append(r.validated() ? num(r.meanForegroundDice()) : "");
            double[] dice = r.validationDice();
            for (int c = 0; c < classNames.size(); c++) {
                s.append(',').append(dice != null && c < dice.length ? num(dice[c]) : "");
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** Writes {@link #toCsv} to {@code file} atomically. */
    public void writeCsv(Path file, List<String> classNames) throws IOException {
        byte[] bytes = toCsv(classNames).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, out -> out.write(bytes));
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
