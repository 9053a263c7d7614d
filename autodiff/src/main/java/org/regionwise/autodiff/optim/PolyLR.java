package org.regionwise.autodiff.optim;

/**
 * nnU-Net's polynomial learning-rate decay, {@code lr_e = lr_0 (1 - e / E)^exponent} with exponent 0.9,
 * evaluated per epoch {@code e} counted from 0 (so epoch 0 trains at {@code lr_0}); zero from epoch E on.
 *
 * <p>Stateless apart from the initial rate: a trainer calls {@link #apply(int)} at the start of each
 * epoch, which also makes resuming from a checkpoint trivial (pass the resumed epoch).
 */
public final class PolyLR {
    public static final double DEFAULT_EXPONENT = 0.9;

    private final Optimizer optimizer;
    private final double initialLearningRate;
    private final int maxEpochs;
    private final double exponent;

    /** Decays from the optimiser's current learning rate over {@code maxEpochs} epochs, exponent 0.9. */
    public PolyLR(Optimizer optimizer, int maxEpochs) {
        this(optimizer, optimizer.learningRate(), maxEpochs, DEFAULT_EXPONENT);
    }

    public PolyLR(Optimizer optimizer, double initialLearningRate, int maxEpochs, double exponent) {
        if (maxEpochs <= 0) throw new IllegalArgumentException("PolyLR: max epochs must be positive, got " + maxEpochs);
        if (!(exponent > 0)) throw new IllegalArgumentException("PolyLR: exponent must be positive, got " + exponent);
        this.optimizer = optimizer;
        this.initialLearningRate = initialLearningRate;
        this.maxEpochs = maxEpochs;
        this.exponent = exponent;
    }

    /** {@code lr0 * (1 - epoch / maxEpochs)^exponent}, zero once {@code epoch >= maxEpochs}. */
    public static double learningRate(double lr0, int epoch, int maxEpochs, double exponent) {
        if (epoch < 0) throw new IllegalArgumentException("PolyLR: negative epoch " + epoch);
        if (epoch >= maxEpochs) return 0.0;
        return lr0 * Math.pow(1 - (double) epoch / maxEpochs, exponent);
    }

    /** The rate for {@code epoch} under this schedule. */
    public double learningRate(int epoch) {
        return learningRate(initialLearningRate, epoch, maxEpochs, exponent);
    }

    /** Sets the optimiser's learning rate for {@code epoch} and returns it. */
    public double apply(int epoch) {
        double lr = learningRate(epoch);
        optimizer.setLearningRate(lr);
        return lr;
    }

    public double initialLearningRate() {
        return initialLearningRate;
    }

    public int maxEpochs() {
        return maxEpochs;
    }
}
