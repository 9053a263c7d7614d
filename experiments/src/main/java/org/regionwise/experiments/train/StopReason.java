package org.regionwise.experiments.train;

/** Why a training run returned. */
public enum StopReason {
    /** Every epoch was trained. */
    COMPLETED,
    /** The caller's epoch limit ({@link Trainer#run(int)}) was reached; the checkpoint is at an epoch boundary. */
    EPOCH_LIMIT,
    /** The time budget ran out; a checkpoint of the exact position was written, so {@code --resume} continues. */
    TIME_BUDGET,
    /** A loss value or gradient was NaN or infinite; nothing was written, the last good checkpoint is kept. */
    NON_FINITE_LOSS
}
