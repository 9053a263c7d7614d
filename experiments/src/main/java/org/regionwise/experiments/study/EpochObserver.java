package org.regionwise.experiments.study;

import java.io.IOException;
import java.nio.file.Path;
import org.regionwise.experiments.data.TrainingData;
import org.regionwise.layers.UNet2d;

/**
 * Something a trial measures on the model while it trains (e.g. the paper's Fig. 3: negative gradient
 * components per pixel), named by {@link TrialSpec#observer()} and supplied by the runner's
 * {@link TrialEnvironment}. It writes its own files into the trial's folder.
 *
 * <p>Called with {@code epochsDone = 0} before the first epoch of a new trial, after every completed epoch,
 * and once more with the checkpoint's epoch when an interrupted trial resumes (the call after that epoch
 * may have been lost to the interruption). So it must be idempotent: compute from the model alone (which
 * is bit-identical at a given epoch whether or not the trial was interrupted) and overwrite its output
 * atomically ({@link org.regionwise.experiments.train.AtomicFile}). Calls for one trial come from one
 * thread, in epoch order; observers of different trials run concurrently, so an observer keeps no shared
 * mutable state.
 */
@FunctionalInterface
public interface EpochObserver {
    /**
     * @param spec        the trial
     * @param epochsDone  epochs trained so far (0: the initial weights)
     * @param model       the network at that point; leave its weights alone (inference under {@code GradMode.noGrad()})
     * @param data        the trial's training and validation slices
     * @param trialFolder the trial's folder
     */
    void afterEpoch(TrialSpec spec, int epochsDone, UNet2d model, TrainingData data, Path trialFolder) throws IOException;
}
