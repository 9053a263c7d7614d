package org.regionwise.experiments.train;

/**
 * Where a run stands: the next step to take. A checkpoint written at the end of epoch e holds
 * (e + 1, 0); one written when a time budget ran out in the middle of epoch e holds (e, k) with the
 * sums of the k steps already taken, so that the resumed epoch reports the same mean loss as an
 * uninterrupted one.
 *
 * @param epoch           the epoch to continue (equal to the epoch count when training is finished)
 * @param step            steps of {@code epoch} already taken
 * @param partialLossSum  sum of the loss of those steps, in step order
 * @param partialSeconds  wall time of those steps
 */
public record TrainingPosition(int epoch, int step, double partialLossSum, double partialSeconds) {

    /** Checks the values. */
    public TrainingPosition {
        if (epoch < 0 || step < 0) throw new IllegalArgumentException("epoch and step must be >= 0, got " + epoch + ", " + step);
    }

    /** The start of training. */
    public static TrainingPosition start() {
        return new TrainingPosition(0, 0, 0, 0);
    }

    /** The start of epoch {@code e}. */
    public static TrainingPosition startOf(int e) {
        return new TrainingPosition(e, 0, 0, 0);
    }

    /** Whether this is a clean epoch boundary. */
    public boolean atEpochStart() {
        return step == 0;
    }
}
