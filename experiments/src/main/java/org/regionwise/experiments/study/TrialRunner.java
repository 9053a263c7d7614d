package org.regionwise.experiments.study;

import java.io.IOException;
import java.util.List;

/**
 * Runs a study's trials, each with {@link Trial#run} into {@link Study#trialFolder}: locally on a thread pool
 * ({@link LocalRunner}) or on a cluster engine. A runner never lets one trial's exception stop the others:
 * it becomes a {@link TrialResult.Status#FAILED} record (reported, not saved, so the next run retries it).
 */
public interface TrialRunner {

    /** Hears about trials as they finish (from the runner's threads; calls are serialised). */
    @FunctionalInterface
    interface Listener {
        /**
         * @param result  the trial's result (or failure record)
         * @param skipped whether it was already done before this run
         * @param done    trials finished so far, this one included
         * @param total   trials in the study
         */
        void finished(TrialResult result, boolean skipped, int done, int total);

        static Listener silent() {
            return (r, s, d, t) -> {};
        }
    }

    /**
     * Runs every trial of {@code study} not yet done and returns every trial's result (or failure), in the
     * study's trial order.
     *
     * @throws IOException when the study's folder cannot be used at all
     */
    List<TrialResult> run(Study study, Listener listener) throws IOException;
}
