package org.regionwise.experiments.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.regionwise.experiments.progress.Progress;
import org.regionwise.experiments.train.EpochRecord;

/**
 * The demo's progress: the console's, plus a stopwatch on epoch 0, which the demo trains before it
 * knows how many epochs fit its budget. During epoch 0 the bar counts that epoch only; its summary line
 * is held back until the plan is known ({@link #planned}), so every printed line carries the real epoch
 * count.
 */
final class DemoProgress implements Progress {
    private final Progress console;
    private final List<Long> stamps = new ArrayList<>();
    private EpochRecord first;
    private int epochs;

    DemoProgress(Progress console) {
        this.console = console;
    }

    @Override
    public void step(StepReport r) {
        if (epochs == 0) {
            stamps.add(System.nanoTime());
            double eta = (r.steps() - r.step() - 1) / Math.max(r.stepsPerSecond(), 1e-9);
            console.step(new StepReport(r.epoch(), 1, r.step(), r.steps(), r.loss(), r.stepsPerSecond(), eta));
        } else {
            console.step(r);
        }
    }

    @Override
    public void epochFinished(EpochRecord record, int total) {
        if (epochs == 0) first = record;
        else console.epochFinished(record, total);
    }

    @Override
    public void note(String line) {
        console.note(line);
    }

    /** The plan is made: print epoch 0's line with the real count; report later epochs as they come. */
    void planned(int totalEpochs) {
        epochs = totalEpochs;
        if (first != null) console.epochFinished(first, totalEpochs);
    }

    /**
     * The median step time over the second half of epoch 0: the first steps run while the JIT is still
     * compiling the kernels (up to twice as slow on 2 cores), and the median shrugs off a neighbour's burst
     * of load on a shared machine.
     */
    double secondsPerStep() {
        int from = Math.max(1, stamps.size() / 2);
        double[] gaps = new double[stamps.size() - from];
        for (int i = from; i < stamps.size(); i++) gaps[i - from] = (stamps.get(i) - stamps.get(i - 1)) / 1e9;
        Arrays.sort(gaps);
        return gaps.length == 0 ? Double.NaN : gaps[gaps.length / 2];
    }
}
