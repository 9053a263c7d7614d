package org.regionwise.autodiff.ops;

import java.util.Arrays;
import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Kernels;
import org.regionwise.autodiff.backend.Storage;

/**
 * Batched matrix product over the last two axes: (..., m, k) @ (..., k, n) -> (..., m, n). Batch axes must
 * be equal, or one operand is a plain matrix shared by every batch entry. Runs on the backend's GEMM.
 * Backward: dA = dC B^T, dB = A^T dC (summed over the batch for a shared matrix).
 */
public final class MatMul extends Function {
    private final int batch;
    private final int m;
    private final int k;
    private final int n;
    private final boolean sharedA;
    private final boolean sharedB;

    private MatMul(Tensor a, Tensor b, int batch, int m, int k, int n, boolean sharedA, boolean sharedB) {
        super(a, b);
        this.batch = batch;
        this.m = m;
        this.k = k;
        this.n = n;
        this.sharedA = sharedA;
        this.sharedB = sharedB;
    }

    public static Tensor apply(Tensor a, Tensor b) {
        int[] sa = a.shape();
        int[] sb = b.shape();
        if (sa.length < 2 || sb.length < 2 || sa[sa.length - 1] != sb[sb.length - 2]) {
            throw new IllegalArgumentException("matmul: shapes " + Shape.str(sa) + " and " + Shape.str(sb) + " are not compatible");
        }
        int[] batchA = Arrays.copyOf(sa, sa.length - 2);
        int[] batchB = Arrays.copyOf(sb, sb.length - 2);
        boolean sharedA = batchA.length == 0 && batchB.length > 0;
        boolean sharedB = batchB.length == 0 && batchA.length > 0;
        if (!sharedA && !sharedB && !Arrays.equals(batchA, batchB)) {
            throw new IllegalArgumentException("matmul: batch axes of " + Shape.str(sa) + " and " + Shape.str(sb) + " differ");
        }
        int[] batchShape = sharedA ? batchB : batchA;
        int batch = Shape.numel(batchShape);
        int m = sa[sa.length - 2];
        int k = sa[sa.length - 1];
        int n = sb[sb.length - 1];
        Storage x = a.storage();
        Storage y = b.storage();
        Storage out = a.backend().allocateScratch(batch * m * n);
        Kernels kernels = a.backend().kernels();
        for (int i = 0; i < batch; i++) {
            kernels.gemm(false, false, m, n, k, 1f, x, sharedA ? 0 : i * m * k, k, y, sharedB ? 0 : i * k * n, n,
                    0f, out, i * m * n, n);
        }
        int[] outShape = Arrays.copyOf(batchShape, batchShape.length + 2);
        outShape[batchShape.length] = m;
        outShape[batchShape.length + 1] = n;
        return Tensor.fromOp(new MatMul(a, b, batch, m, k, n, sharedA, sharedB), out, outShape);
    }

    @Override
    protected void backward(Storage g) {
        Storage x = input(0).storage();
        Storage y = input(1).storage();
        Storage gx = gradStorageOf(0);
        Storage gy = gradStorageOf(1);
        Kernels kernels = input(0).backend().kernels();
        for (int i = 0; i < batch; i++) {
            int offA = sharedA ? 0 : i * m * k;
            int offB = sharedB ? 0 : i * k * n;
            if (gx != null) {
                kernels.gemm(false, true, m, k, n, 1f, g, i * m * n, n, y, offB, n, 1f, gx, offA, k);
            }
            if (gy != null) {
                kernels.gemm(true, false, k, n, m, 1f, x, offA, k, g, i * m * n, n, 1f, gy, offB, n);
            }
        }
    }
}
