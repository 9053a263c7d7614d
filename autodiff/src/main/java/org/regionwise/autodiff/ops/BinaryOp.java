package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.Buffers;
import java.util.Arrays;
import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;

/** Broadcasting add, sub, mul and div: each kind states its value and both partial derivatives. */
public final class BinaryOp extends Function {

    public enum Kind {
        ADD {
            float f(float a, float b) { return a + b; }
            float dA(float a, float b) { return 1f; }
            float dB(float a, float b) { return 1f; }
        },
        SUB {
            float f(float a, float b) { return a - b; }
            float dA(float a, float b) { return 1f; }
            float dB(float a, float b) { return -1f; }
        },
        MUL {
            float f(float a, float b) { return a * b; }
            float dA(float a, float b) { return b; }
            float dB(float a, float b) { return a; }
        },
        DIV {
            float f(float a, float b) { return a / b; }
            float dA(float a, float b) { return 1f / b; }
            float dB(float a, float b) { return -a / (b * b); }
        };

        abstract float f(float a, float b);
        abstract float dA(float a, float b);
        abstract float dB(float a, float b);
    }

    private final Kind kind;
    private final int[] mapA;
    private final int[] mapB;

    private BinaryOp(Kind kind, Tensor a, Tensor b, int[] mapA, int[] mapB) {
        super(a, b);
        this.kind = kind;
        this.mapA = mapA;
        this.mapB = mapB;
    }

    public static Tensor apply(Kind kind, Tensor a, Tensor b) {
        int[] out = Shape.broadcast(kind.name().toLowerCase(java.util.Locale.ROOT), a.shape(), b.shape());
        int[] mapA = Arrays.equals(a.shape(), out) ? null : IndexMap.broadcast(a.shape(), out);
        int[] mapB = Arrays.equals(b.shape(), out) ? null : IndexMap.broadcast(b.shape(), out);
        float[] x = a.data();
        float[] y = b.data();
        float[] z = Buffers.allocate(Shape.numel(out));
        for (int i = 0; i < z.length; i++) {
            z[i] = kind.f(x[mapA == null ? i : mapA[i]], y[mapB == null ? i : mapB[i]]);
        }
        return Tensor.fromOp(new BinaryOp(kind, a, b, mapA, mapB), z, out);
    }

    @Override
    protected void backward(float[] g) {
        float[] x = input(0).data();
        float[] y = input(1).data();
        float[] gx = gradOf(0);
        float[] gy = gradOf(1);
        for (int i = 0; i < g.length; i++) {
            int ia = mapA == null ? i : mapA[i];
            int ib = mapB == null ? i : mapB[i];
            if (gx != null) gx[ia] += g[i] * kind.dA(x[ia], y[ib]);
            if (gy != null) gy[ib] += g[i] * kind.dB(x[ia], y[ib]);
        }
    }

    @Override
    public String name() {
        return "BinaryOp." + kind;
    }
}
