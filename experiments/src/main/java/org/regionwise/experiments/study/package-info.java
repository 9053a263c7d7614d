/**
 * Studies: sets of independent training trials, the unit of work of the paper's experiments.
 *
 * <p>A {@link org.regionwise.experiments.study.TrialSpec} (data, loss, seed, schedule, network; a stable id and a JSON
 * form) goes in, a {@link org.regionwise.experiments.study.Trial} trains and evaluates it into its own folder, and a
 * {@link org.regionwise.experiments.study.TrialResult} comes out (written last, atomically). A trial knows nothing of
 * who runs it: {@link org.regionwise.experiments.study.LocalRunner} runs a {@link org.regionwise.experiments.study.Study}
 * on this machine's threads, and a cluster engine can run the same specs through
 * {@link org.regionwise.experiments.study.TrialRunner}. Rerunning a study skips finished trials and resumes
 * interrupted ones from their checkpoints, so a study killed at any moment ends with the same files.
 */
package org.regionwise.experiments.study;
