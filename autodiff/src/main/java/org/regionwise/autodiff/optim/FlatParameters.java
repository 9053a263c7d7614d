package org.regionwise.autodiff.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;

/**
 * An ordered list of parameter tensors seen as one flat vector: parameter {@code i} occupies
 * {@code [offset(i), offset(i) + numel(i))}. Optimiser state is laid out over this index space, and
 * {@link #gatherData}/{@link #scatterData} pack the values into (or out of) one contiguous array for a
 * device copy or a checkpoint. See the package documentation for why parameters are not views.
 */
public final class FlatParameters {
    private final List<Tensor> tensors;
    private final int[] offsets;
    private final int size;

    /** Takes the tensors in the given order; each must be a leaf that requires grad and appear once. */
    public FlatParameters(List<Tensor> parameters) {
        this.tensors = List.copyOf(parameters);
        this.offsets = new int[tensors.size() + 1];
        Map<Tensor, Boolean> seen = new IdentityHashMap<>();
        long total = 0;
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            if (!t.isLeaf() || !t.requiresGrad()) {
                throw new IllegalArgumentException("parameter " + i + " of shape " + Shape.str(t.shape())
                        + " must be a leaf tensor that requires grad");
            }
            if (seen.put(t, Boolean.TRUE) != null) {
                throw new IllegalArgumentException("parameter " + i + " of shape " + Shape.str(t.shape()) + " appears twice");
            }
            offsets[i] = (int) total;
            total += t.numel();
            if (total > Integer.MAX_VALUE) throw new IllegalArgumentException("more than 2^31-1 parameters");
        }
        offsets[tensors.size()] = (int) total;
        this.size = (int) total;
    }

    /** Number of parameter tensors. */
    public int count() {
        return tensors.size();
    }

    /** Total number of scalar parameters: the length of every flat buffer over this layout. */
    public int size() {
        return size;
    }

    public Tensor tensor(int i) {
        return tensors.get(i);
    }

    /** Where parameter {@code i} starts in the flat index space. */
    public int offset(int i) {
        return offsets[i];
    }

    public List<Tensor> tensors() {
        return Collections.unmodifiableList(new ArrayList<>(tensors));
    }

    /** Copies every parameter's values into {@code flat} (length {@link #size()}) and returns it. */
    public float[] gatherData(float[] flat) {
        checkLength("gatherData", flat);
        for (int i = 0; i < tensors.size(); i++) {
            float[] d = tensors.get(i).data();
            System.arraycopy(d, 0, flat, offsets[i], d.length);
        }
        return flat;
    }

    /** Copies {@code flat} into the parameters' value arrays (and marks them written for device backends). */
    public void scatterData(float[] flat) {
        checkLength("scatterData", flat);
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            float[] d = t.data();
            System.arraycopy(flat, offsets[i], d, 0, d.length);
            t.storage().hostWritten();
        }
    }

    /** Copies every gradient into {@code flat}; a parameter that has no gradient yet contributes zeros. */
    public float[] gatherGrad(float[] flat) {
        checkLength("gatherGrad", flat);
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            if (!t.hasGrad()) {
                java.util.Arrays.fill(flat, offsets[i], offsets[i + 1], 0f);
            } else {
                System.arraycopy(t.gradStorage().host(), 0, flat, offsets[i], t.numel()); // a read: no hostWritten()
            }
        }
        return flat;
    }

    /** Copies {@code flat} into the parameters' gradient buffers (allocating them if needed). */
    public void scatterGrad(float[] flat) {
        checkLength("scatterGrad", flat);
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            System.arraycopy(flat, offsets[i], t.gradBuffer(), 0, t.numel());
        }
    }

    private void checkLength(String op, float[] flat) {
        if (flat.length != size) {
            throw new IllegalArgumentException(op + ": flat buffer has " + flat.length + " floats, the parameters " + size);
        }
    }
}
