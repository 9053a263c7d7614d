package org.regionwise.autodiff.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.regionwise.autodiff.Tensor;

/**
 * What Adam and SGD share: the parameter layout, the learning rate, the step count and the named flat
 * state buffers, with the state-dict round trip written once.
 */
abstract class FlatOptimizer implements Optimizer {
    protected final FlatParameters params;
    private final String algorithm;
    private final Map<String, float[]> state = new LinkedHashMap<>();
    private double learningRate;
    protected long stepCount;

    FlatOptimizer(String algorithm, List<Tensor> parameters, double learningRate, String... bufferNames) {
        this.algorithm = algorithm;
        this.params = new FlatParameters(parameters);
        setLearningRate(learningRate);
        for (String name : bufferNames) state.put(name, new float[params.size()]);
    }

    /** The live flat buffer of the given name (owned by this optimiser). */
    protected final float[] buffer(String name) {
        return state.get(name);
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
        return new OptimizerState(algorithm, stepCount, learningRate, state);
    }

    @Override
    public final void loadStateDict(OptimizerState s) {
        if (!algorithm.equals(s.algorithm())) {
            throw new IllegalArgumentException(algorithm + ": cannot load the state of a " + s.algorithm() + " optimiser");
        }
        Map<String, float[]> incoming = s.buffers();
        if (!incoming.keySet().equals(state.keySet())) {
            throw new IllegalArgumentException(algorithm + ": state buffers " + incoming.keySet() + " do not match " + state.keySet());
        }
        for (Map.Entry<String, float[]> e : incoming.entrySet()) {
            if (e.getValue().length != params.size()) {
                throw new IllegalArgumentException(algorithm + ": state buffer '" + e.getKey() + "' has " + e.getValue().length
                        + " floats but the parameters have " + params.size());
            }
        }
        for (Map.Entry<String, float[]> e : incoming.entrySet()) {
            System.arraycopy(e.getValue(), 0, state.get(e.getKey()), 0, params.size());
        }
        stepCount = s.step();
        setLearningRate(s.learningRate());
    }
}
