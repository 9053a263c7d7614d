package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.backend.Storage;

/** The host body of {@link SoftmaxKernel}: one line of {@code len} values at a time, sums in double. */
public final class HostSoftmax implements SoftmaxKernel {
    HostSoftmax() {}

    @Override
    public void forward(int outer, int len, int inner, boolean log, Storage x, Storage probs, Storage out) {
        float[] in = x.host();
        float[] p = probs.host();
        float[] o = log ? out.host() : null;
        for (int b = 0; b < outer; b++) {
            for (int j = 0; j < inner; j++) {
                int base = b * len * inner + j;
                float max = Float.NEGATIVE_INFINITY;
                for (int c = 0; c < len; c++) max = Math.max(max, in[base + c * inner]);
                double sum = 0;
                for (int c = 0; c < len; c++) sum += Math.exp(in[base + c * inner] - max);
                double logSum = Math.log(sum);
                for (int c = 0; c < len; c++) {
                    int i = base + c * inner;
                    double shifted = in[i] - max;
                    p[i] = (float) Math.exp(shifted - logSum);
                    if (log) o[i] = (float) (shifted - logSum);
                }
            }
        }
        probs.hostWritten();
        if (log) out.hostWritten();
    }

    @Override
    public void backward(int outer, int len, int inner, boolean log, Storage probs, Storage g, Storage gx) {
        float[] p = probs.host();
        float[] grad = g.host();
        float[] d = gx.host();
        for (int b = 0; b < outer; b++) {
            for (int j = 0; j < inner; j++) {
                int base = b * len * inner + j;
                double dot = 0;
                for (int c = 0; c < len; c++) {
                    int i = base + c * inner;
                    dot += log ? grad[i] : (double) grad[i] * p[i];
                }
                for (int c = 0; c < len; c++) {
                    int i = base + c * inner;
                    d[i] += log ? (float) (grad[i] - p[i] * dot) : (float) (p[i] * (grad[i] - dot));
                }
            }
        }
        gx.hostWritten();
    }
}
