package org.regionwise.experiments.bench;

import java.util.Locale;

/**
 * One training-step workload, described once so that both sides of the comparison (regionwise and the
 * PyTorch peer) build the same network on the same data shape:
 * an nnU-Net-style 2D U-Net of {@code levels} stages with {@code baseFilters} doubling up to
 * {@code maxFilters}, stride-2 convolutions down, 2x2 stride-2 transposed convolutions up, blocks of two
 * [3x3 conv (bias), instance norm (affine), LeakyReLU 0.01], a bias-free 1x1 head on the full-resolution
 * decoder level only (no deep supervision), cross entropy, Adam.
 *
 * @param levels       stages including the bottleneck
 * @param baseFilters  filters of the first stage
 * @param maxFilters   cap on filters per stage
 * @param batch        images per step
 * @param inChannels   image channels
 * @param size         height and width of each image (divisible by 2^(levels-1))
 * @param classes      output classes
 * @param threads      CPU threads for the kernels (and for PyTorch's intra- and inter-op pools)
 * @param learningRate Adam's learning rate
 * @param seed         seed of the weights, the input and the labels
 */
public record UNetStepSpec(int levels, int baseFilters, int maxFilters, int batch, int inChannels, int size,
                           int classes, int threads, double learningRate, long seed) {

    public UNetStepSpec {
        if (levels < 2 || baseFilters < 1 || maxFilters < baseFilters || batch < 1 || inChannels < 1 || classes < 2
                || threads < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("UNetStepSpec: invalid " + this);
        }
        if (size < 1 || size % (1 << (levels - 1)) != 0) {
            throw new IllegalArgumentException("UNetStepSpec: size " + size + " is not divisible by 2^(levels-1) = "
                    + (1 << (levels - 1)));
        }
    }

    /** The configuration: 5 levels, 32..512 filters, batch 8 of 1x128x128, 4 classes. */
    public static UNetStepSpec standard(int threads) {
        return new UNetStepSpec(5, 32, 512, 8, 1, 128, 4, threads, 1e-3, 42);
    }

    /**
     * A smoke-test configuration through the same code path: 2 levels, 16..32 filters, batch 2 of 1x32x32.
     * (Not 8 filters: libtorch 2.7.1 on CPU computes the input gradient of an 8 -> 8 3x3 convolution
     * nondeterministically on 2 threads, NaN at times, which would make the peer's smoke test flaky.)
     */
    public static UNetStepSpec quick(int threads) {
        return new UNetStepSpec(2, 16, 32, 2, 1, 32, 4, threads, 1e-3, 42);
    }

    /** Filters of stage {@code d}: min(base * 2^d, max). */
    public int filters(int d) {
        return (int) Math.min((long) baseFilters << d, maxFilters);
    }

    /**
     * Multiply-add FLOPs (2 per multiply-add) of one forward pass through the convolutions (3x3 convs,
     * transposed convs, the head); norms, activations and the loss are not counted. A training step does
     * about three times this (forward, input gradients, weight gradients).
     */
    public double forwardConvFlops() {
        double flops = 0;
        for (int d = 0; d < levels; d++) {
            double pixels = (double) batch * (size >> d) * (size >> d);
            int in = d == 0 ? inChannels : filters(d - 1);
            flops += 2 * pixels * filters(d) * in * 9 + 2 * pixels * filters(d) * filters(d) * 9;
        }
        for (int t = levels - 2; t >= 0; t--) {
            double pixels = (double) batch * (size >> t) * (size >> t);
            int f = filters(t);
            flops += 2 * pixels * f * filters(t + 1);       // 2x2 stride-2 transposed conv: 4 taps per input pixel
            flops += 2 * pixels * f * 2 * f * 9 + 2 * pixels * f * f * 9;
        }
        return flops + 2.0 * batch * size * size * filters(0) * classes;
    }

    /** FLOPs counted for one training step: 3 x {@link #forwardConvFlops()}. */
    public double stepFlops() {
        return 3 * forwardConvFlops();
    }

    /** "5-level U-Net 32..512 filters, batch 8 of 1x128x128, 4 classes". */
    public String describe() {
        return String.format(Locale.ROOT, "%d-level U-Net %d..%d filters, batch %d of %dx%dx%d, %d classes, CE, Adam",
                levels, baseFilters, filters(levels - 1), batch, inChannels, size, size, classes);
    }
}
