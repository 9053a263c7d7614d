package org.regionwise.layers;

import org.regionwise.autodiff.Tensor;
import org.regionwise.layers.functional.BatchNormOp;

/**
 * Batch normalisation, PyTorch's {@code nn.BatchNorm2d} (affine, tracking running statistics, eps 1e-5,
 * momentum 0.1). Training: normalise with the batch's mean and biased variance, then update
 * {@code running_mean = (1 - momentum) running_mean + momentum mean} and the same for {@code running_var}
 * with the <em>unbiased</em> batch variance (M / (M - 1) times the biased one, M = N H W), as PyTorch.
 * Evaluation: normalise with the running statistics. PyTorch's {@code num_batches_tracked} buffer is not
 * kept: it only matters when momentum is None (cumulative averaging), which is not offered.
 */
public final class BatchNorm2d extends Layer {
    public static final double DEFAULT_EPS = 1e-5;
    public static final double DEFAULT_MOMENTUM = 0.1;

    private final int numFeatures;
    private final double eps;
    private final double momentum;
    private final Tensor weight;
    private final Tensor bias;
    private final Tensor runningMean;
    private final Tensor runningVar;

    public BatchNorm2d(int numFeatures) {
        this(numFeatures, DEFAULT_EPS, DEFAULT_MOMENTUM);
    }

    public BatchNorm2d(int numFeatures, double eps, double momentum) {
        if (numFeatures <= 0) throw new IllegalArgumentException("BatchNorm2d: numFeatures must be positive, got " + numFeatures);
        if (!(momentum >= 0 && momentum <= 1)) throw new IllegalArgumentException("BatchNorm2d: momentum must be in [0, 1], got " + momentum);
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.weight = registerParameter("weight", Tensor.ones(numFeatures));
        this.bias = registerParameter("bias", Tensor.zeros(numFeatures));
        this.runningMean = registerBuffer("running_mean", Tensor.zeros(numFeatures));
        this.runningVar = registerBuffer("running_var", Tensor.ones(numFeatures));
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.rank() == 4 && x.dim(1) != numFeatures) {
            throw new IllegalArgumentException("BatchNorm2d(" + numFeatures + "): input " + java.util.Arrays.toString(x.shape())
                    + " has " + x.dim(1) + " channels");
        }
        if (!isTraining()) {
            return BatchNormOp.evaluation(x, runningMean, runningVar, weight, bias, eps);
        }
        BatchNormOp.Result r = BatchNormOp.training(x, weight, bias, eps);
        long m = (long) x.dim(0) * x.dim(2) * x.dim(3);
        double unbias = (double) m / (m - 1);
        // On the buffers' backend: a device updates them in place, nothing moves.
        BatchNormOp.updateRunning(r, momentum, unbias, runningMean, runningVar);
        return r.output();
    }

    /** The running mean (shared, live). */
    public Tensor runningMean() {
        return runningMean;
    }

    /** The running (unbiased) variance (shared, live). */
    public Tensor runningVar() {
        return runningVar;
    }
}
