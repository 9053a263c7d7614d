package org.regionwise.experiments.paper;

import org.regionwise.losses.RwGradient;

/**
 * The gradient of a loss with respect to the true class's logit at one pixel, per pixel (before the mean's
 * {@code 1 / N} and, for RW, {@code 1 / C}): what the paper's Fig. 4 plots over the simplex.
 *
 * <ul>
 *   <li>RW loss: component {@code t} of the closed form of SPEC.md section 1, {@code s_t (z_t - sum_k s_k z_k)}
 *       ({@link RwGradient#closedForm(double[], double[])}). For a rectified map vector (all wrong-class
 *       components equal to {@code z_o}) this is {@code (z_t - z_o) s_t (1 - s_t)}: it depends on {@code s_t}
 *       alone and is most negative, {@code (z_t - z_o) / 4}, at {@code s_t = 1/2}.</li>
 *   <li>Cross entropy with a one-hot label: {@code s_t - 1}, the more negative the farther {@code s} is from the
 *       label.</li>
 * </ul>
 */
final class TrueLogitGradient {
    private TrueLogitGradient() {}

    /** The RW gradient's component {@code trueClass} at softmax {@code s} with map vector {@code z}. */
    static double rw(double[] s, double[] z, int trueClass) {
        return RwGradient.closedForm(s, z)[trueClass];
    }

    /** The cross-entropy gradient's component {@code trueClass} at softmax {@code s}: {@code s_t - 1}. */
    static double crossEntropy(double[] s, int trueClass) {
        return s[trueClass] - 1;
    }

    /** The RW gradient of a rectified vector at {@code s_t}: {@code (z_t - z_o) s_t (1 - s_t)}. */
    static double rectified(double zTrue, double zOther, double sTrue) {
        return (zTrue - zOther) * sTrue * (1 - sTrue);
    }
}
