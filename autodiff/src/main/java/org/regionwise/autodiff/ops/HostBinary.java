package org.regionwise.autodiff.ops;

import java.util.Arrays;
import org.regionwise.autodiff.backend.Storage;

/**
 * The host body of {@link BinaryKernel}: each output element reads its operands through {@link IndexMap}s
 * (none for an operand of the output's shape); backward adds into the operands' gradients in output order.
 */
public final class HostBinary implements BinaryKernel {
    HostBinary() {}

    @Override
    public void forward(BinaryOp.Kind kind, int[] outShape, int[] aShape, int[] bShape, Storage a, Storage b, Storage out) {
        int[] mapA = map(aShape, outShape);
        int[] mapB = map(bShape, outShape);
        float[] x = a.host();
        float[] y = b.host();
        float[] z = out.host();
        for (int i = 0; i < z.length; i++) {
            z[i] = kind.f(x[mapA == null ? i : mapA[i]], y[mapB == null ? i : mapB[i]]);
        }
        out.hostWritten();
    }

    @Override
    public void backward(BinaryOp.Kind kind, int[] outShape, int[] aShape, int[] bShape, Storage a, Storage b, Storage g,
                         Storage ga, Storage gb) {
        int[] mapA = map(aShape, outShape);
        int[] mapB = map(bShape, outShape);
        float[] x = a.host();
        float[] y = b.host();
        float[] grad = g.host();
        float[] gx = ga == null ? null : ga.host();
        float[] gy = gb == null ? null : gb.host();
        for (int i = 0; i < grad.length; i++) {
            int ia = mapA == null ? i : mapA[i];
            int ib = mapB == null ? i : mapB[i];
            if (gx != null) gx[ia] += grad[i] * kind.dA(x[ia], y[ib]);
            if (gy != null) gy[ib] += grad[i] * kind.dB(x[ia], y[ib]);
        }
        if (ga != null) ga.hostWritten();
        if (gb != null) gb.hostWritten();
    }

    /** The broadcast map of an operand, or null when it already has the output's shape. */
    private static int[] map(int[] shape, int[] outShape) {
        return Arrays.equals(shape, outShape) ? null : IndexMap.broadcast(shape, outShape);
    }
}
