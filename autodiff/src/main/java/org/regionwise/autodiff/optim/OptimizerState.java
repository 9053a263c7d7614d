package org.regionwise.autodiff.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.regionwise.autodiff.text.OneLine;

/**
 * Everything an optimiser needs to resume exactly: which algorithm wrote it, how many steps it has taken,
 * the learning rate in force, and its flat state buffers by name (PyTorch's names: {@code exp_avg},
 * {@code exp_avg_sq}, {@code momentum_buffer}), each laid out over {@link FlatParameters}.
 *
 * <p>The record copies the arrays on the way in and hands out copies on the way out, so a checkpoint
 * cannot alias the live optimiser.
 */
public record OptimizerState(String algorithm, long step, double learningRate, Map<String, float[]> buffers) {

    public OptimizerState {
        if (step < 0) throw new IllegalArgumentException("optimizer state: negative step count " + step);
        buffers = deepCopy(buffers);
    }

    /** A copy of the named buffer; throws naming the known buffers when it is absent. */
    public float[] buffer(String name) {
        float[] b = buffers.get(name);
        if (b == null) throw new IllegalArgumentException("optimizer state has no buffer '" + OneLine.visible(name) + "', only " + OneLine.visible(buffers.keySet()));
        return b.clone();
    }

    @Override
    public Map<String, float[]> buffers() {
        return deepCopy(buffers);
    }

    private static Map<String, float[]> deepCopy(Map<String, float[]> in) {
        Map<String, float[]> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, v.clone()));
        return Collections.unmodifiableMap(out);
    }
}
