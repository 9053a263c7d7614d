package org.regionwise.experiments.train;

import java.nio.file.Path;

/**
 * How a run ended.
 *
 * @param reason     why it returned
 * @param message    one line for the user: what happened and where the checkpoint is
 * @param position   the position of the last checkpoint written (or resumed from); training itself may
 *                   have got further when the run stopped on a non-finite loss
 * @param history    the epochs completed
 * @param checkpoint the checkpoint file (it holds {@code position}; absent if none was ever written)
 */
public record TrainingResult(StopReason reason, String message, TrainingPosition position, TrainingHistory history,
                             Path checkpoint) {

    /** Whether the run ended normally (completed or out of time), as opposed to diverging. */
    public boolean ok() {
        return reason != StopReason.NON_FINITE_LOSS;
    }
}
