package org.regionwise.autodiff.optim;

import java.util.List;
import org.regionwise.autodiff.Tensor;

/**
 * An optimiser over a fixed, ordered list of parameters (PyTorch's {@code torch.optim.Optimizer} with one
 * parameter group).
 *
 * <pre>{@code
 * Optimizer opt = new Adam(model.parameters(), 1e-4);
 * opt.zeroGrad(); loss.backward(); opt.step();
 * }</pre>
 */
public interface Optimizer {

    /** Updates every parameter that has a gradient, from that gradient. */
    void step();

    /** Sets every parameter's gradient to zero (the buffers are kept, not freed). */
    void zeroGrad();

    double learningRate();

    /** Changes the learning rate used by later steps (what a schedule calls each epoch). */
    void setLearningRate(double learningRate);

    /** Number of {@link #step()} calls so far (restored by {@link #loadStateDict}). */
    long stepCount();

    /** The parameters, in the order that defines the flat state layout. */
    List<Tensor> parameters();

    /** A copy of the step count, learning rate and state buffers, enough to resume bit for bit. */
    OptimizerState stateDict();

    /**
     * Restores a state written by {@link #stateDict()} of the same algorithm over parameters of the same
     * total size; throws naming the mismatch otherwise.
     */
    void loadStateDict(OptimizerState state);
}
