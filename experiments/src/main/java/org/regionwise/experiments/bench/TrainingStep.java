package org.regionwise.experiments.bench;

/**
 * A prepared training step that can be run again and again on the same batch: zero the gradients,
 * forward, loss, backward, optimiser update. The caller times {@link #run()}; everything that is not part
 * of a step (building the network, the data, the optimiser state) happens before.
 */
public interface TrainingStep extends AutoCloseable {

    /** One step; returns the loss value computed in it (a sanity check that training happens). */
    float run();

    /** Frees native or device memory held by the step. */
    @Override
    void close();
}
