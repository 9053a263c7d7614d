package org.regionwise.losses;

import java.util.Arrays;
import java.util.List;
import org.regionwise.autodiff.Tensor;

/**
 * nnU-Net's deep supervision around any loss: {@code sum_i w_i L(x_i, y_i)} over the U-Net's outputs,
 * full resolution first, with {@code w_i} proportional to {@code 2^-i}, the lowest-resolution weight set
 * to 0 and the weights normalised to sum to 1. {@code y_i} is the target resized to output i's size
 * ({@link Target#resized}: labels by nearest neighbour, maps computed again at that scale). Outputs with
 * weight 0 are not evaluated. With a single output its weight is 1 (there is nothing to supervise
 * deeply, and zeroing it would leave no loss).
 */
public final class DeepSupervisionLoss {
    private final Loss loss;

    public DeepSupervisionLoss(Loss loss) {
        if (loss == null) throw new IllegalArgumentException("deep supervision: loss is null");
        this.loss = loss;
    }

    public Loss loss() {
        return loss;
    }

    /** Passes the epoch on to the wrapped loss. */
    public void setEpoch(int epoch) {
        loss.setEpoch(epoch);
    }

    /** The weights for {@code outputs} outputs: {@code 2^-i}, last set to 0, normalised. */
    public static double[] weights(int outputs) {
        if (outputs < 1) throw new IllegalArgumentException("deep supervision: need at least one output, got " + outputs);
        double[] w = new double[outputs];
        if (outputs == 1) {
            w[0] = 1;
            return w;
        }
        double sum = 0;
        for (int i = 0; i < outputs - 1; i++) {
            w[i] = Math.pow(2, -i);
            sum += w[i];
        }
        for (int i = 0; i < outputs; i++) w[i] /= sum;
        return w;
    }

    /**
     * The weighted loss over {@code logits}, one {@code (B, C, h_i, w_i)} tensor per decoder level, full
     * resolution (the target's size) first.
     */
    public Tensor forward(List<Tensor> logits, Target target) {
        if (logits == null || logits.isEmpty()) throw new IllegalArgumentException("deep supervision: no outputs");
        Tensor first = logits.get(0);
        target.requireLogits(first, "deep supervision (output 0)");
        double[] w = weights(logits.size());
        Tensor total = null;
        for (int i = 0; i < logits.size(); i++) {
            if (w[i] == 0) continue;
            Tensor x = logits.get(i);
            if (x.rank() != 4 || x.dim(0) != target.batch() || x.dim(1) != target.classes()) {
                throw new IllegalArgumentException("deep supervision: output " + i + " has shape " + Arrays.toString(x.shape())
                        + ", expected (" + target.batch() + ", " + target.classes() + ", h, w)");
            }
            Tensor term = loss.forward(x, target.resized(x.dim(2), x.dim(3))).mul((float) w[i]);
            total = total == null ? term : total.add(term);
        }
        return total;
    }

    public String name() {
        return "deep-supervision(" + loss.name() + ")";
    }
}
