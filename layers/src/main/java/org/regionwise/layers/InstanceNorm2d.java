package org.regionwise.layers;

import org.regionwise.autodiff.Tensor;
import org.regionwise.layers.functional.InstanceNormOp;

/**
 * Instance normalisation, PyTorch's {@code nn.InstanceNorm2d} without running statistics: each (sample,
 * channel) plane is normalised by its own mean and biased variance (eps 1e-5), then, when affine, scaled
 * by {@code weight} (ones) and shifted by {@code bias} (zeros). Behaves the same in training and
 * evaluation. nnU-Net uses it with affine = true.
 */
public final class InstanceNorm2d extends Layer {
    public static final double DEFAULT_EPS = 1e-5;

    private final int numFeatures;
    private final double eps;
    private final Tensor weight;
    private final Tensor bias;

    public InstanceNorm2d(int numFeatures, boolean affine) {
        this(numFeatures, DEFAULT_EPS, affine);
    }

    public InstanceNorm2d(int numFeatures, double eps, boolean affine) {
        if (numFeatures <= 0) throw new IllegalArgumentException("InstanceNorm2d: numFeatures must be positive, got " + numFeatures);
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.weight = affine ? registerParameter("weight", Tensor.ones(numFeatures)) : null;
        this.bias = affine ? registerParameter("bias", Tensor.zeros(numFeatures)) : null;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.rank() == 4 && x.dim(1) != numFeatures) {
            throw new IllegalArgumentException("InstanceNorm2d(" + numFeatures + "): input " + java.util.Arrays.toString(x.shape())
                    + " has " + x.dim(1) + " channels");
        }
        return InstanceNormOp.apply(x, weight, bias, eps);
    }
}
