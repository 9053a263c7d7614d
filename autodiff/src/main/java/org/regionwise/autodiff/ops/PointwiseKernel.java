package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.backend.Storage;

/**
 * The kernel of {@link UnaryOp}, owned by the op: a kernel set that runs {@link Pointwise} functions elsewhere
 * (a device, by {@link Pointwise#kind()}) registers an implementation
 * ({@link org.regionwise.autodiff.backend.Kernels#fused}); every other one runs {@link #HOST}.
 */
public interface PointwiseKernel {
    /** The host body, see {@link HostPointwise}. */
    PointwiseKernel HOST = new HostPointwise();

    /** y = fn(x), elementwise (y is overwritten). */
    void forward(Pointwise fn, Storage x, Storage y);

    /** gx += gy * fn'(x, y), elementwise, from the saved input x and output y. */
    void backward(Pointwise fn, Storage x, Storage y, Storage gy, Storage gx);
}
