package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.Buffers;
import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;

/**
 * Softmax and log-softmax along one axis, stabilised by subtracting the maximum (so large logits never
 * overflow). Backward: softmax dx = s (g - sum g s); log-softmax dx = g - s sum g.
 */
public final class Softmax extends Function {
    private final boolean log;
    private final int outer;
    private final int len;
    private final int inner;
    /** The softmax probabilities (also kept for log-softmax, whose backward needs them). */
    private final float[] probs;

    private Softmax(Tensor x, boolean log, int outer, int len, int inner, float[] probs) {
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
        float[] in = x.data();
        float[] probs = Buffers.allocate(in.length);
        float[] out = log ? Buffers.allocate(in.length) : probs;
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < inner; j++) {
                int base = o * len * inner + j;
                float max = Float.NEGATIVE_INFINITY;
                for (int c = 0; c < len; c++) max = Math.max(max, in[base + c * inner]);
                double sum = 0;
                for (int c = 0; c < len; c++) sum += Math.exp(in[base + c * inner] - max);
                double logSum = Math.log(sum);
                for (int c = 0; c < len; c++) {
                    int i = base + c * inner;
                    double shifted = in[i] - max;
                    probs[i] = (float) Math.exp(shifted - logSum);
                    if (log) out[i] = (float) (shifted - logSum);
                }
            }
        }
        return Tensor.fromOp(new Softmax(x, log, outer, len, inner, probs), out, shape);
    }

    @Override
    protected void backward(float[] g) {
        float[] gx = gradOf(0);
        if (gx == null) return;
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < inner; j++) {
                int base = o * len * inner + j;
                double dot = 0;
                for (int c = 0; c < len; c++) {
                    int i = base + c * inner;
                    dot += log ? g[i] : (double) g[i] * probs[i];
                }
                for (int c = 0; c < len; c++) {
                    int i = base + c * inner;
                    gx[i] += log ? (float) (g[i] - probs[i] * dot) : (float) (probs[i] * (g[i] - dot));
                }
            }
        }
    }

    @Override
    public String name() {
        return log ? "LogSoftmax" : "Softmax";
    }
}
