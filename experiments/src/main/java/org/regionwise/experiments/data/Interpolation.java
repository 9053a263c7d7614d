package org.regionwise.experiments.data;

/**
 * The 1D interpolation kernels {@link Resampling} applies along each in-plane axis.
 *
 * <ul>
 *   <li>{@link #LINEAR}: the tent kernel, 2 taps. Weights are non-negative, so probabilities stay
 *       probabilities (nnU-Net brings softmax outputs back to the original grid with order 1).</li>
 *   <li>{@link #CUBIC}: Keys' cubic convolution with a = -1/2 (Catmull-Rom), 4 taps. It interpolates
 *       (passes through the samples), reproduces polynomials up to degree 2, and needs no prefilter;
 *       used for images, where nnU-Net uses a third-order B-spline (a smoother, non-interpolating
 *       cubic that needs a prefilter pass).</li>
 * </ul>
 */
public enum Interpolation {
    LINEAR(1),
    CUBIC(2);

    /** Taps on each side of the sample point: the kernel's support is (-radius, radius). */
    public final int radius;

    Interpolation(int radius) {
        this.radius = radius;
    }

    /** The kernel's weight at distance {@code t} from a sample. */
    public double weight(double t) {
        double x = Math.abs(t);
        return switch (this) {
            case LINEAR -> x < 1 ? 1 - x : 0;
            case CUBIC -> x < 1 ? (1.5 * x - 2.5) * x * x + 1
                    : x < 2 ? ((-0.5 * x + 2.5) * x - 4) * x + 2
                    : 0;
        };
    }
}
