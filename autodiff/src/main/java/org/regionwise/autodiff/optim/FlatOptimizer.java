package org.regionwise.autodiff.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Backends;
import org.regionwise.autodiff.backend.Storage;
import org.regionwise.autodiff.text.OneLine;

/**
 * What Adam and SGD share: the parameter layout, the learning rate, the step count and the named flat
 * state buffers, with the state-dict round trip written once.
 */
abstract class FlatOptimizer implements Optimizer {
    protected final FlatParameters params;
    private final String algorithm;
    /** On the parameters' backend, so a device backend keeps the moments beside the parameters. */
    private final Map<String, Storage> state = new LinkedHashMap<>();
    private double learningRate;
    protected long stepCount;

    FlatOptimizer(String algorithm, List<Tensor> parameters, double learningRate, String... bufferNames) {
        this.algorithm = algorithm;
        this.params = new FlatParameters(parameters);
        setLearningRate(learningRate);
        Backend backend = parameters.isEmpty() ? Backends.getDefault() : parameters.get(0).backend();
        for (String name : bufferNames) state.put(name, backend.allocate(params.size()));
    }

    /** The live flat state buffer of the given name (owned by this optimiser). */
    protected final Storage state(String name) {
        return state.get(name);
    }

    /** The gradient storage of parameter {@code i}, or null when backward never reached it. */
    protected final Storage gradStorageOrNull(int i) {
        Tensor t = params.tensor(i);
        return !t.hasGrad() ? null : t.gradStorage();
    }

    /** The gradient of parameter {@code i}, or null when backward never reached it (PyTorch skips those). */
    protected final float[] gradOrNull(int i) {
        Tensor t = params.tensor(i);
        return !t.hasGrad() ? null : t.gradBuffer();
    }

    @Override
    public final void zeroGrad() {
        for (Tensor t : params.tensors()) t.zeroGrad();
    }

    @Override
    public final double learningRate() {
        return learningRate;
    }

    @Override
    public final void setLearningRate(double learningRate) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException(algorithm + ": invalid learning rate " + learningRate);
        }
        this.learningRate = learningRate;
    }

    @Override
    public final long stepCount() {
        return stepCount;
    }

    @Override
    public final List<Tensor> parameters() {
        return params.tensors();
    }

    /** The flat layout the state buffers use. */
    public final FlatParameters layout() {
        return params;
    }

    @Override
    public final OptimizerState stateDict() {
        Map<String, float[]> host = new LinkedHashMap<>();
        state.forEach((name, buffer) -> host.put(name, buffer.host()));
        return new OptimizerState(algorithm, stepCount, learningRate, host);
    }

    @Override
    public final void loadStateDict(OptimizerState s) {
        if (!algorithm.equals(s.algorithm())) {
            throw new IllegalArgumentException(algorithm + ": cannot load the state of a " + OneLine.visible(s.algorithm()) + " optimiser");
        }
        Map<String, float[]> incoming = s.buffers();
        if (!incoming.keySet().equals(state.keySet())) {
            throw new IllegalArgumentException(algorithm + ": state buffers " + OneLine.visible(incoming.keySet()) + " do not match " + state.keySet());
        }
        for (Map.Entry<String, float[]> e : incoming.entrySet()) {
            if (e.getValue().length != params.size()) {
                throw new IllegalArgumentException(algorithm + ": state buffer '" + OneLine.visible(e.getKey()) + "' has " + e.getValue().length
                        + " floats but the parameters have " + params.size());
            }
        }
        for (Map.Entry<String, float[]> e : incoming.entrySet()) {
            Storage buffer = state.get(e.getKey());
            System.arraycopy(e.getValue(), 0, buffer.host(), 0, params.size());
            buffer.hostWritten();
        }
        stepCount = s.step();
        setLearningRate(s.learningRate());
    }
}
