package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.backend.Storage;

/**
 * The kernel of {@link Reduce}'s sum and mean, owned by the op: a kernel set that accelerates them registers an
 * implementation ({@link org.regionwise.autodiff.backend.Kernels#fused}); every other one runs {@link #HOST}.
 * {@code reduced[d]} says whether axis d of {@code shape} is summed; the output keeps the other axes, in order.
 */
public interface ReduceKernel {
    /** The host body, see {@link HostReduce}. */
    ReduceKernel HOST = new HostReduce();

    /** out = the sum of x over the reduced axes, or their mean when {@code mean}; overwritten. */
    void forward(int[] shape, boolean[] reduced, boolean mean, Storage x, Storage out);

    /** gx += g broadcast back over the reduced axes (times {@code 1f / count} for a mean). */
    void backward(int[] shape, boolean[] reduced, boolean mean, Storage g, Storage gx);

    /** How many input elements each output sums: the product of the reduced axes' sizes. */
    static int count(int[] shape, boolean[] reduced) {
        int count = 1;
        for (int d = 0; d < shape.length; d++) if (reduced[d]) count *= shape[d];
        return count;
    }
}
