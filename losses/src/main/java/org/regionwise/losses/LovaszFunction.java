package org.regionwise.losses;

import java.util.Arrays;
import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Storage;

/**
 * The Lovasz-softmax op on probabilities {@code (B, C, H, W)}: forward sorts each present class's errors
 * and remembers, per element, the weight its error got (the Jaccard-gradient entry at its rank, over the
 * number of present classes and images); backward is that weight times the derivative of
 * {@code |y - s|}, i.e. {@code -sign(y - s)} (0 where they are equal, PyTorch's abs).
 *
 * <p>The sort runs on the host: on a device backend the forward downloads the probabilities and uploads the
 * per-element gradient factor (and the loss value when a later op needs it on the device).
 */
final class LovaszFunction extends Function {
    /**
     * d loss / d s for every element: the weight its error got (0 for classes absent from an image) times
     * d error / d s (-1 for a label pixel below 1, +1 for a non-label pixel above 0, 0 at equality). Kept in the
     * backend's storage, so backward is one scaled add there (on a device: uploaded once, at the forward).
     */
    private final Storage dProbs;

    private LovaszFunction(Tensor probs, Storage dProbs) {
        super(probs);
        this.dProbs = dProbs;
    }

    static Tensor apply(Tensor probs, Target target) {
        float[] s = probs.data();
        int batch = target.batch();
        int classes = target.classes();
        int n = target.pixels();
        int[] labels = target.labels();
        float[] weights = new float[s.length];
        byte[] signs = new byte[s.length];
        long[] order = new long[n];
        double[] errors = new double[n];
        double total = 0;
        for (int b = 0; b < batch; b++) {
            int present = 0;
            for (int c = 0; c < classes; c++) if (target.classCount(b, c) > 0) present++;
            double perClass = 1.0 / ((double) present * batch);
            for (int c = 0; c < classes; c++) {
                int foreground = target.classCount(b, c);
                if (foreground == 0) continue;
                int base = (b * classes + c) * n;
                for (int i = 0; i < n; i++) {
                    double fg = labels[b * n + i] == c ? 1 : 0;
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
                    boolean isFg = labels[b * n + i] == c;
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
        float[] dProbs = new float[s.length];
        for (int i = 0; i < dProbs.length; i++) dProbs[i] = weights[i] * signs[i];
        return Tensor.fromOp(new LovaszFunction(probs, probs.backend().fromHost(dProbs)), new float[] {(float) total}, new int[0]);
    }

    @Override
    protected void backward(Storage gradOut) {
        Storage gs = gradStorageOf(0);
        if (gs == null) return;
        input(0).backend().kernels().scaledAccumulate(gradOut, dProbs, gs);
    }

    @Override
    public String name() {
        return "LovaszSoftmax";
    }
}
