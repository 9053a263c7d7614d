package org.regionwise.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.text.OneLine;

/**
 * A node of a model tree, as PyTorch's {@code nn.Module}: it owns named parameters (tensors that require
 * grad), named buffers (state that is saved but not trained, such as batch-norm running statistics) and
 * named child modules, and a training flag that {@link #train()}/{@link #eval()} set for the whole subtree.
 *
 * <p>Names are dotted paths, in PyTorch's order: a module's own parameters first, then each child's, in
 * registration order ({@code encoder.0.conv1.weight}). That order is stable, so it is also the layout of
 * the flat optimiser state.
 *
 * <p>Forward passes are declared by subclasses ({@link Layer} for one tensor in, one out).
 */
public abstract class Module {
    private final Map<String, Tensor> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    // ---- registration (for subclasses' constructors) --------------------------------------------------

    /** Registers {@code tensor} as a trainable parameter (marks it as requiring grad) and returns it. */
    protected final Tensor registerParameter(String name, Tensor tensor) {
        checkName(name);
        parameters.put(name, tensor.requiresGrad(true));
        return tensor;
    }

    /** Registers a buffer: saved in the state dict, never trained. */
    protected final Tensor registerBuffer(String name, Tensor tensor) {
        checkName(name);
        buffers.put(name, tensor);
        return tensor;
    }

    /** Registers a child module; its parameters appear under {@code name.}. */
    protected final <M extends Module> M registerModule(String name, M module) {
        checkName(name);
        module.train(training);
        children.put(name, module);
        return module;
    }

    private void checkName(String name) {
        if (name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": invalid name '" + name + "' (empty or dotted)");
        }
        if (parameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": name '" + name + "' registered twice");
        }
    }

    // ---- the tree --------------------------------------------------------------------------------------

    /** Every parameter of the subtree by dotted name, in the stable order described above. */
    public final Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, true, false);
        return Collections.unmodifiableMap(out);
    }

    /** Every buffer of the subtree by dotted name. */
    public final Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, false, true);
        return Collections.unmodifiableMap(out);
    }

    /** The parameters in {@link #namedParameters()} order: what an optimiser is built from. */
    public final List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** The direct children by name. */
    public final Map<String, Module> namedChildren() {
        return Collections.unmodifiableMap(children);
    }

    /** Total number of trainable scalars. */
    public final long parameterCount() {
        long n = 0;
        for (Tensor t : namedParameters().values()) n += t.numel();
        return n;
    }

    private void collect(String prefix, Map<String, Tensor> out, boolean params, boolean bufs) {
        if (params) parameters.forEach((k, v) -> out.put(prefix + k, v));
        if (bufs) buffers.forEach((k, v) -> out.put(prefix + k, v));
        children.forEach((k, m) -> m.collect(prefix + k + ".", out, params, bufs));
    }

    // ---- modes and gradients ----------------------------------------------------------------------------

    /** Training mode for the whole subtree (dropout active, batch norm uses and updates batch statistics). */
    public final Module train() {
        return train(true);
    }

    public final Module train(boolean mode) {
        training = mode;
        for (Module m : children.values()) m.train(mode);
        return this;
    }

    /** Evaluation mode for the whole subtree. */
    public final Module eval() {
        return train(false);
    }

    public final boolean isTraining() {
        return training;
    }

    /** Zeroes every parameter's gradient (keeping the buffers, which optimisers reuse). */
    public final void zeroGrad() {
        for (Tensor t : namedParameters().values()) t.zeroGrad();
    }

    // ---- state -------------------------------------------------------------------------------------------

    /** Parameters then buffers of each module, by dotted name, as tensors (shared, not copied). */
    public final Map<String, Tensor> stateTensors() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, true, true);
        return out;
    }

    /** A copy of every parameter and buffer value by name (PyTorch's {@code state_dict()}). */
    public final Map<String, float[]> stateDict() {
        Map<String, float[]> out = new LinkedHashMap<>();
        stateTensors().forEach((k, v) -> out.put(k, v.toArray()));
        return out;
    }

    /** Strict load: every name must be present, no extra names, every size must match. */
    public final void loadStateDict(Map<String, float[]> state) {
        loadStateDict(state, true);
    }

    /** What a non-strict load skipped, as PyTorch's {@code _IncompatibleKeys}. */
    public record LoadResult(List<String> missing, List<String> unexpected) {}

    /**
     * Copies values into this module's parameters and buffers. Strict: throws listing the missing and
     * unexpected names; non-strict: loads the names both sides have and reports the rest. A size mismatch
     * always throws, before anything is written.
     */
    public final LoadResult loadStateDict(Map<String, float[]> state, boolean strict) {
        Map<String, Tensor> own = stateTensors();
        List<String> missing = new ArrayList<>();
        for (String k : own.keySet()) if (!state.containsKey(k)) missing.add(k);
        List<String> unexpected = new ArrayList<>();
        for (String k : state.keySet()) if (!own.containsKey(k)) unexpected.add(k);
        if (strict && (!missing.isEmpty() || !unexpected.isEmpty())) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".loadStateDict: missing keys " + missing
                    + ", unexpected keys " + OneLine.visible(unexpected)); // names from a file: quoted
        }
        for (Map.Entry<String, Tensor> e : own.entrySet()) {
            float[] src = state.get(e.getKey());
            if (src != null && src.length != e.getValue().numel()) {
                throw new IllegalArgumentException(getClass().getSimpleName() + ".loadStateDict: '" + e.getKey() + "' has "
                        + src.length + " values but the model's tensor has shape " + Shape.str(e.getValue().shape()));
            }
        }
        for (Map.Entry<String, Tensor> e : own.entrySet()) {
            float[] src = state.get(e.getKey());
            if (src == null) continue;
            Tensor t = e.getValue();
            System.arraycopy(src, 0, t.data(), 0, src.length);
            t.storage().hostWritten();
        }
        return new LoadResult(List.copyOf(missing), List.copyOf(unexpected));
    }
}
