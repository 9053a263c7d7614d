package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Storage;

/**
 * Softmax and log-softmax along one axis, stabilised by subtracting the maximum (so large logits never
 * overflow). Backward: softmax dx = s (g - sum g s); log-softmax dx = g - s sum g. The op owns its kernel,
 * {@link SoftmaxKernel}: the backend's when it has one, else the host body ({@link HostSoftmax}).
 */
public final class Softmax extends Function {
    private final boolean log;
    private final int outer;
    private final int len;
    private final int inner;
    /** The softmax probabilities (also kept for log-softmax, whose backward needs them). */
    private final Storage probs;

    private Softmax(Tensor x, boolean log, int outer, int len, int inner, Storage probs) {
        super(x);
        this.log = log;
        this.outer = outer;
        this.len = len;
        this.inner = inner;
        this.probs = probs;
    }

    public static Tensor apply(Tensor x, int axis, boolean log) {
        int[] shape = x.shape();
        int a = Shape.axis(log ? "logSoftmax" : "softmax", axis, shape.length);
        int outer = 1;
        for (int i = 0; i < a; i++) outer *= shape[i];
        int inner = 1;
        for (int i = a + 1; i < shape.length; i++) inner *= shape[i];
        int len = shape[a];
        Backend backend = x.backend();
        Storage probs = backend.allocateScratch(x.numel());
        Storage out = log ? backend.allocateScratch(x.numel()) : probs;
        kernel(backend).forward(outer, len, inner, log, x.storage(), probs, out);
        return Tensor.fromOp(new Softmax(x, log, outer, len, inner, probs), out, shape);
    }

    @Override
    protected void backward(Storage g) {
        Storage gx = gradStorageOf(0);
        if (gx == null) return;
        kernel(input(0).backend()).backward(outer, len, inner, log, probs, g, gx);
    }

    private static SoftmaxKernel kernel(Backend backend) {
        return backend.kernels().fused(SoftmaxKernel.class, SoftmaxKernel.HOST);
    }

    @Override
    public String name() {
        return log ? "LogSoftmax" : "Softmax";
    }
}
