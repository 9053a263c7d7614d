package org.regionwise.layers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.optim.FlatParameters;

/**
 * All parameters of a model as one flat vector with named views: view {@code encoder.0.conv1.weight} is the
 * slice {@code [offset, offset + numel)} of that vector, with its shape.
 *
 * <p><b>What is contiguous, and what is not.</b> The autodiff ops read each tensor's own {@code float[]} from
 * index 0, so a parameter cannot be a zero-copy view into a shared array without teaching every kernel an
 * offset. Here each parameter keeps its own value and gradient arrays; this class fixes the flat layout
 * (the same one {@link FlatParameters} gives the optimisers, whose moments <em>are</em> one contiguous
 * array each) and packs or unpacks values and gradients in one pass when one contiguous array is needed:
 * a device transfer, a checkpoint, a norm over all gradients. Packing costs one host copy of the
 * parameters (one {@code System.arraycopy} per tensor). See the {@code org.regionwise.autodiff.optim}
 * package documentation for the reasoning.
 *
 * <p>The layout follows {@link Module#namedParameters()}; an optimiser built from
 * {@link Module#parameters()} (or {@link #tensors()}) uses the same offsets.
 */
public final class ParameterBuffer {

    /** One named parameter: its slice of the flat vector, its shape and the live tensor. */
    public record View(String name, int offset, int[] shape, Tensor tensor) {
        public View {
            shape = shape.clone();
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        public int numel() {
            return tensor.numel();
        }
    }

    private final FlatParameters layout;
    private final Map<String, View> views;

    private ParameterBuffer(Map<String, Tensor> named) {
        this.layout = new FlatParameters(new ArrayList<>(named.values()));
        Map<String, View> v = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, Tensor> e : named.entrySet()) {
            v.put(e.getKey(), new View(e.getKey(), layout.offset(i), e.getValue().shape(), e.getValue()));
            i++;
        }
        this.views = Collections.unmodifiableMap(v);
    }

    /** The layout of {@code model}'s parameters, in {@link Module#namedParameters()} order. */
    public static ParameterBuffer of(Module model) {
        return new ParameterBuffer(model.namedParameters());
    }

    /** Total number of scalar parameters (the length of every packed array). */
    public int size() {
        return layout.size();
    }

    /** The named views in layout order. */
    public List<View> views() {
        return List.copyOf(views.values());
    }

    /** The view of one parameter; throws naming a few known names when absent. */
    public View view(String name) {
        View v = views.get(name);
        if (v == null) {
            List<String> known = new ArrayList<>(views.keySet());
            throw new IllegalArgumentException("no parameter '" + name + "'; known: "
                    + (known.size() > 8 ? known.subList(0, 8) + " ... (" + known.size() + " in all)" : known));
        }
        return v;
    }

    /** The parameter tensors in layout order: what an optimiser is built from. */
    public List<Tensor> tensors() {
        return layout.tensors();
    }

    /** The layout shared with the optimisers. */
    public FlatParameters layout() {
        return layout;
    }

    /** A new contiguous array holding every parameter's values. */
    public float[] packData() {
        return layout.gatherData(new float[size()]);
    }

    /** Packs every parameter's values into {@code flat} (length {@link #size()}), for reuse across steps. */
    public float[] packData(float[] flat) {
        return layout.gatherData(flat);
    }

    /** Writes {@code flat} back into the parameters (e.g. after a device step). */
    public void unpackData(float[] flat) {
        layout.scatterData(flat);
    }

    /** Packs every gradient into {@code flat}; parameters without a gradient contribute zeros. */
    public float[] packGrad(float[] flat) {
        return layout.gatherGrad(flat);
    }

    /** Writes {@code flat} into the gradient buffers. */
    public void unpackGrad(float[] flat) {
        layout.scatterGrad(flat);
    }
}
