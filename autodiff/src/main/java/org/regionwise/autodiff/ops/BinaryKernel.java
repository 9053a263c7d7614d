package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.backend.Storage;

/**
 * The kernel of the broadcasting {@link BinaryOp}, owned by the op: a kernel set that accelerates it registers an
 * implementation ({@link org.regionwise.autodiff.backend.Kernels#fused}); every other one runs {@link #HOST}.
 * Shapes are NumPy-broadcast: {@code aShape} and {@code bShape} broadcast to {@code outShape}.
 */
public interface BinaryKernel {
    /** The host body, see {@link HostBinary}. */
    BinaryKernel HOST = new HostBinary();

    /** out = kind(a, b), broadcast (out is overwritten). */
    void forward(BinaryOp.Kind kind, int[] outShape, int[] aShape, int[] bShape, Storage a, Storage b, Storage out);

    /**
     * ga += g * d kind / da and gb += g * d kind / db, each summed over the positions its operand was broadcast
     * to; ga or gb is null when that operand needs no gradient.
     */
    void backward(BinaryOp.Kind kind, int[] outShape, int[] aShape, int[] bShape, Storage a, Storage b, Storage g,
                  Storage ga, Storage gb);
}
