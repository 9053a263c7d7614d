package org.regionwise.losses;

import org.regionwise.autodiff.Buffers;
import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Tensor;

/**
 * The fused Region-wise loss op: softmax over the class axis, times the map, mean over batch, classes
 * and pixels, in one pass; backward is the closed form of {@link RwGradient} (so there is no softmax
 * Jacobian to push a gradient through). With {@code squared} the softmax is squared first (the HD
 * reformulation).
 *
 * <p>Softmax is taken in double after subtracting each pixel's maximum logit, so logits of any size give
 * probabilities in [0, 1], a finite loss and a finite gradient. The probabilities are kept for backward.
 */
final class RwFunction extends Function {
    private final float[] probs;
    private final float[] z;
    private final int batch;
    private final int classes;
    private final int pixels;
    private final boolean squared;

    private RwFunction(Tensor logits, float[] probs, float[] z, int batch, int classes, int pixels, boolean squared) {
        super(logits);
        this.probs = probs;
        this.z = z;
        this.batch = batch;
        this.classes = classes;
        this.pixels = pixels;
        this.squared = squared;
    }

    /** {@code mean(s * z)} (or {@code mean(s^2 * z)}) of logits {@code (B, C, ...)} and a map of the same size. */
    static Tensor apply(Tensor logits, float[] z, boolean squared) {
        int[] shape = logits.shape();
        int batch = shape[0];
        int classes = shape[1];
        int pixels = logits.numel() / (batch * classes);
        float[] x = logits.data();
        float[] probs = Buffers.allocate(x.length);
        double[] s = new double[classes];
        double acc = 0;
        for (int b = 0; b < batch; b++) {
            int base = b * classes * pixels;
            for (int i = 0; i < pixels; i++) {
                float max = Float.NEGATIVE_INFINITY;
                for (int k = 0; k < classes; k++) max = Math.max(max, x[base + k * pixels + i]);
                double sum = 0;
                for (int k = 0; k < classes; k++) {
                    s[k] = Math.exp((double) x[base + k * pixels + i] - max);
                    sum += s[k];
                }
                for (int k = 0; k < classes; k++) {
                    int at = base + k * pixels + i;
                    double p = s[k] / sum;
                    probs[at] = (float) p;
                    acc += (squared ? p * p : p) * z[at];
                }
            }
        }
        float value = (float) (acc / ((double) batch * classes * pixels));
        return Tensor.fromOp(new RwFunction(logits, probs, z, batch, classes, pixels, squared), new float[] {value}, new int[0]);
    }

    @Override
    protected void backward(float[] gradOut) {
        float[] gx = gradOf(0);
        if (gx == null) return;
        double scale = gradOut[0] / ((double) batch * classes * pixels);
        for (int b = 0; b < batch; b++) {
            int base = b * classes * pixels;
            for (int i = 0; i < pixels; i++) {
                if (squared) {
                    double weighted = 0;
                    for (int k = 0; k < classes; k++) {
                        int at = base + k * pixels + i;
                        weighted += (double) probs[at] * probs[at] * z[at];
                    }
                    for (int j = 0; j < classes; j++) {
                        int at = base + j * pixels + i;
                        gx[at] += (float) (scale * 2 * probs[at] * (probs[at] * z[at] - weighted));
                    }
                } else {
                    // s_j * sum_k s_k (z_j - z_k): RwGradient's cancellation-free form, so signs are exact.
                    for (int j = 0; j < classes; j++) {
                        int at = base + j * pixels + i;
                        double sum = 0;
                        for (int k = 0; k < classes; k++) {
                            int other = base + k * pixels + i;
                            sum += (double) probs[other] * ((double) z[at] - z[other]);
                        }
                        gx[at] += (float) (scale * probs[at] * sum);
                    }
                }
            }
        }
    }

    @Override
    public String name() {
        return squared ? "RwSquaredLoss" : "RwLoss";
    }
}
