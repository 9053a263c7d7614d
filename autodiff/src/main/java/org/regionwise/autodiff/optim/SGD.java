package org.regionwise.autodiff.optim;

import java.util.List;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Storage;

/**
 * Stochastic gradient descent as {@code torch.optim.SGD}, with momentum, dampening, Nesterov and L2 weight
 * decay. Per element:
 * <pre>
 *   g = grad + weightDecay * p
 *   b = g                                   on the first step (no dampening, as torch)
 *   b = momentum * b + (1 - dampening) * g  afterwards
 *   d = nesterov ? g + momentum * b : b     (d = g when momentum is 0)
 *   p -= lr * d
 * </pre>
 * nnU-Net's default is {@link #nnUNet(List, double)}: lr 0.01, momentum 0.99, Nesterov, weight decay 3e-5.
 */
public final class SGD extends FlatOptimizer {
    /** PyTorch's state name, the key of {@link #stateDict()}. */
    public static final String MOMENTUM_BUFFER = "momentum_buffer";

    private final double momentum;
    private final double dampening;
    private final double weightDecay;
    private final boolean nesterov;

    /** Plain SGD without momentum. */
    public SGD(List<Tensor> parameters, double learningRate) {
        this(parameters, learningRate, 0, 0, 0, false);
    }

    public SGD(List<Tensor> parameters, double learningRate, double momentum, double dampening,
               double weightDecay, boolean nesterov) {
        super("SGD", parameters, learningRate, MOMENTUM_BUFFER);
        if (!(momentum >= 0)) throw new IllegalArgumentException("SGD: invalid momentum " + momentum);
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("SGD: invalid weight decay " + weightDecay);
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException("SGD: Nesterov momentum requires a momentum and zero dampening");
        }
        this.momentum = momentum;
        this.dampening = dampening;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
    }

    /** nnU-Net's optimiser: SGD(lr, momentum 0.99, Nesterov, weight decay 3e-5). */
    public static SGD nnUNet(List<Tensor> parameters, double learningRate) {
        return new SGD(parameters, learningRate, 0.99, 0, 3e-5, true);
    }

    @Override
    public void step() {
        boolean first = stepCount == 0;
        stepCount++;
        float lr = (float) learningRate();
        float mu = (float) momentum;
        float oneMinusDampening = (float) (1 - dampening);
        float wd = (float) weightDecay;
        Storage momentumBuffer = state(MOMENTUM_BUFFER);
        float[] buf = momentumBuffer.host();
        for (int i = 0; i < params.count(); i++) {
            float[] g = gradOrNull(i);
            if (g == null) continue;
            Tensor t = params.tensor(i);
            float[] p = t.data();
            int off = params.offset(i);
            for (int j = 0; j < p.length; j++) {
                float d = wd == 0f ? g[j] : g[j] + wd * p[j];
                if (mu != 0f) {
                    int k = off + j;
                    buf[k] = first ? d : mu * buf[k] + oneMinusDampening * d;
                    d = nesterov ? d + mu * buf[k] : buf[k];
                }
                p[j] -= lr * d;
            }
            t.storage().hostWritten();
        }
        momentumBuffer.hostWritten();
    }
}
