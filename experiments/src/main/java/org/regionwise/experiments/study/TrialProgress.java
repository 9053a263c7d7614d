package org.regionwise.experiments.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bookkeeping every {@link TrialRunner} shares: which trials were finished before this run (their saved
 * results read back and reported as skipped), which are left to run, the results in study order, and the
 * listener's count of finished trials. Runners differ only in how they run {@link #todo()}.
 */
public final class TrialProgress {
    private final Study study;
    private final TrialRunner.Listener listener;
    private final TrialResult[] results;
    private final List<Integer> todo = new ArrayList<>();
    private int done;

    /** Reads back the finished trials of {@code study} and reports each as skipped. */
    public TrialProgress(Study study, TrialRunner.Listener listener) {
        this.study = study;
        this.listener = listener;
        List<TrialSpec> specs = study.trials();
        this.results = new TrialResult[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            Path folder = study.trialFolder(specs.get(i));
            if (Trial.done(folder)) record(i, readDone(specs.get(i), folder), true);
            else todo.add(i);
        }
    }

    /** Indices (in study order) of the trials this run must still run. */
    public List<Integer> todo() {
        return todo;
    }

    /** The spec of trial {@code i}. */
    public TrialSpec spec(int i) {
        return study.trials().get(i);
    }

    /** Records and reports the result of trial {@code i}; safe to call from several threads. */
    public void finished(int i, TrialResult result) {
        record(i, result, false);
    }

    /** Every trial's result (or failure record), in study order. */
    public List<TrialResult> results() {
        return List.of(Arrays.copyOf(results, results.length));
    }

    private synchronized void record(int i, TrialResult result, boolean skipped) {
        results[i] = result;
        done++;
        listener.finished(result, skipped, done, results.length);
    }

    /** A finished trial's saved result (no kernels needed); an unreadable one becomes a failure record. */
    private static TrialResult readDone(TrialSpec spec, Path folder) {
        try {
            TrialResult saved = Trial.readResult(folder);
            if (!saved.specId().equals(spec.id())) {
                return TrialResult.failed(spec, folder + " holds the result of trial " + saved.specId() + ", not " + spec.id());
            }
            return saved;
        } catch (IOException | RuntimeException e) {
            return TrialResult.failed(spec, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
