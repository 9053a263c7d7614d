package org.regionwise.losses;

import java.util.Arrays;
import org.regionwise.autodiff.backend.Storage;

/**
 * The host body of {@link LovaszKernel}: per image and present class, the errors sorted on the host
 * ({@link Arrays#sort} of keys that order them by decreasing float value, ties by increasing pixel index),
 * Berman's {@code lovasz_grad} and the loss in double. The GPU backend's kernels are tested against it.
 */
public final class HostLovasz implements LovaszKernel {
    HostLovasz() {}

    @Override
    public void forward(int batch, int classes, int pixels, Storage probs, Storage oneHot, Storage loss, Storage dProbs) {
        loss.host()[0] = forward(batch, classes, pixels, probs.host(), oneHot.host(), dProbs.host());
        loss.hostWritten();
        dProbs.hostWritten();
    }

    /**
     * The Lovasz-softmax loss (Berman et al., 2018, {@code per_image=True, classes='present'}) of probabilities
     * {@code s} {@code (batch, classes, n)} against one-hot labels {@code y} of the same shape (0 or 1, one 1 per
     * pixel): per image, for each class present in it, the errors {@code |y - s|} sorted in decreasing order dotted
     * with the Jaccard loss's gradient along that order; the mean over present classes, then over images.
     * dProbs (overwritten) = d loss / d s: the weight each error got (0 for absent classes) times
     * {@code -sign(y - s)} (0 where they are equal, PyTorch's abs). Ties between equal float errors are broken by
     * pixel index (lower first), so the order, and the result, are deterministic.
     */
    public static float forward(int batch, int classes, int n, float[] s, float[] y, float[] dProbs) {
        int[] counts = new int[batch * classes];
        for (int seg = 0; seg < counts.length; seg++) {
            for (int i = 0; i < n; i++) if (y[seg * n + i] != 0) counts[seg]++;
        }
        float[] weights = new float[s.length];
        byte[] signs = new byte[s.length];
        long[] order = new long[n];
        double[] errors = new double[n];
        double total = 0;
        for (int b = 0; b < batch; b++) {
            int present = 0;
            for (int c = 0; c < classes; c++) if (counts[b * classes + c] > 0) present++;
            double perClass = 1.0 / ((double) present * batch);
            for (int c = 0; c < classes; c++) {
                int foreground = counts[b * classes + c];
                if (foreground == 0) continue;
                int base = (b * classes + c) * n;
                for (int i = 0; i < n; i++) {
                    double fg = y[base + i] != 0 ? 1 : 0;
                    double diff = fg - s[base + i];
                    errors[i] = Math.abs(diff);
                    signs[base + i] = (byte) -Math.signum(diff);
                    // Errors are >= 0, so their float bits sort like the values; descending via the complement.
                    long key = Integer.MAX_VALUE - Float.floatToIntBits((float) errors[i]);
                    order[i] = (key << 32) | i;
                }
                Arrays.sort(order);
                // Berman's lovasz_grad: Jaccard loss after each prefix of the sorted pixels, differenced.
                double cumulativeFg = 0;
                double previousJaccard = 0;
                double loss = 0;
                for (int r = 0; r < n; r++) {
                    int i = (int) (order[r] & 0xffffffffL);
                    boolean isFg = y[base + i] != 0;
                    cumulativeFg += isFg ? 1 : 0;
                    double intersection = foreground - cumulativeFg;
                    double union = foreground + (r + 1 - cumulativeFg);
                    double jaccard = 1 - intersection / union;
                    double grad = jaccard - previousJaccard;
                    previousJaccard = jaccard;
                    loss += errors[i] * grad;
                    weights[base + i] = (float) (grad * perClass);
                }
                total += loss * perClass;
            }
        }
        for (int i = 0; i < s.length; i++) dProbs[i] = weights[i] * signs[i];
        return (float) total;
    }
}
