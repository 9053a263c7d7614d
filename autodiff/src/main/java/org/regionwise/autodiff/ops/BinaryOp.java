package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Storage;

/**
 * Broadcasting add, sub, mul and div: each kind states its value and both partial derivatives. The op owns
 * its kernel, {@link BinaryKernel}: the backend's when it has one, else the host body ({@link HostBinary}).
 */
public final class BinaryOp extends Function {

    /** The four kinds; a device kernel evaluates the same formulas by {@link #ordinal()}. */
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
    private final int[] outShape;

    private BinaryOp(Kind kind, Tensor a, Tensor b, int[] outShape) {
        super(a, b);
        this.kind = kind;
        this.outShape = outShape;
    }

    public static Tensor apply(Kind kind, Tensor a, Tensor b) {
        int[] out = Shape.broadcast(kind.name().toLowerCase(java.util.Locale.ROOT), a.shape(), b.shape());
        Backend backend = a.backend();
        Storage z = backend.allocateScratch(Shape.numel(out));
        kernel(backend).forward(kind, out, a.shape(), b.shape(), a.storage(), b.storage(), z);
        return Tensor.fromOp(new BinaryOp(kind, a, b, out), z, out);
    }

    @Override
    protected void backward(Storage g) {
        Storage gx = gradStorageOf(0);
        Storage gy = gradStorageOf(1);
        if (gx == null && gy == null) return;
        Tensor a = input(0);
        Tensor b = input(1);
        kernel(a.backend()).backward(kind, outShape, a.shape(), b.shape(), a.storage(), b.storage(), g, gx, gy);
    }

    private static BinaryKernel kernel(Backend backend) {
        return backend.kernels().fused(BinaryKernel.class, BinaryKernel.HOST);
    }

    @Override
    public String name() {
        return "BinaryOp." + kind;
    }
}
