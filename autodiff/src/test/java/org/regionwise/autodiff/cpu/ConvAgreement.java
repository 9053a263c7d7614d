package org.regionwise.autodiff.cpu;

import java.util.Random;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.backend.HostKernels;
import org.regionwise.autodiff.backend.ReferenceKernels;

/**
 * One random case of each convolution pass against the double-precision reference, shared by the direct fast
 * kernels' properties ({@link ConvAgreementProperties}) and Winograd's ({@link WinogradAgreementProperties}):
 * inputs drawn from a seed, the allowed error scaled as {@link Agreement} explains. Forward outputs start as NaN
 * (they must be overwritten); gradients start random (they must be accumulated into).
 */
final class ConvAgreement {
    private static final ReferenceKernels REFERENCE = new ReferenceKernels();

    private ConvAgreement() {}

    /** A forward pass under test: must write every element of {@code y}. */
    @FunctionalInterface
    interface Forward {
        void run(float[] x, float[] w, float[] b, float[] y);
    }

    /** {@code fast}'s forward pass; {@code what} names it in a failure, followed by the geometry. */
    static void forward(HostKernels fast, String what, ConvGeometry g, boolean bias, long seed) {
        forward(what, g, bias, seed, 1f, (x, w, b, y) -> fast.conv2dForward(g, x, w, b, y));
    }

    /** {@code pass} as a forward convolution of {@code g}, held to {@code share} of {@link Agreement}'s bound. */
    static void forward(String what, ConvGeometry g, boolean bias, long seed, float share, Forward pass) {
        Random r = new Random(seed);
        float[] x = Agreement.uniform(r, g.inputSize());
        float[] w = Agreement.uniform(r, g.weightSize());
        float[] b = bias ? Agreement.uniform(r, g.k()) : null;
        float[] expected = new float[g.outputSize()];
        REFERENCE.conv2dForward(g, x, w, b, expected);
        float[] actual = Agreement.filled(g.outputSize(), Float.NaN);
        pass.run(x, w, b, actual);
        float[] scale = new float[g.outputSize()];
        REFERENCE.conv2dForward(g, Agreement.abs(x), Agreement.abs(w), b == null ? null : Agreement.abs(b), scale);
        for (int i = 0; i < scale.length; i++) scale[i] *= share;
        Agreement.assertClose(what + " " + g, expected, actual, scale);
    }

    /** {@code fast}'s gradient of the input, accumulated into a random {@code dx}. */
    static void backwardData(HostKernels fast, String what, ConvGeometry g, long seed) {
        Random r = new Random(seed);
        float[] dy = Agreement.uniform(r, g.outputSize());
        float[] w = Agreement.uniform(r, g.weightSize());
        float[] dx0 = Agreement.uniform(r, g.inputSize());
        float[] expected = dx0.clone();
        REFERENCE.conv2dBackwardData(g, dy, w, expected);
        float[] actual = dx0.clone();
        fast.conv2dBackwardData(g, dy, w, actual);
        float[] scale = Agreement.abs(dx0);
        REFERENCE.conv2dBackwardData(g, Agreement.abs(dy), Agreement.abs(w), scale);
        Agreement.assertClose(what + " " + g, expected, actual, scale);
    }

    /** {@code fast}'s gradients of the weights and (with {@code bias}) the bias, accumulated into random ones. */
    static void backwardWeight(HostKernels fast, String what, ConvGeometry g, boolean bias, long seed) {
        Random r = new Random(seed);
        float[] x = Agreement.uniform(r, g.inputSize());
        float[] dy = Agreement.uniform(r, g.outputSize());
        float[] dw0 = Agreement.uniform(r, g.weightSize());
        float[] db0 = bias ? Agreement.uniform(r, g.k()) : null;
        float[] expectedW = dw0.clone();
        float[] expectedB = bias ? db0.clone() : null;
        REFERENCE.conv2dBackwardWeight(g, x, dy, expectedW, expectedB);
        float[] actualW = dw0.clone();
        float[] actualB = bias ? db0.clone() : null;
        fast.conv2dBackwardWeight(g, x, dy, actualW, actualB);
        float[] scaleW = Agreement.abs(dw0);
        float[] scaleB = bias ? Agreement.abs(db0) : null;
        REFERENCE.conv2dBackwardWeight(g, Agreement.abs(x), Agreement.abs(dy), scaleW, scaleB);
        Agreement.assertClose(what + " weight " + g, expectedW, actualW, scaleW);
        if (bias) Agreement.assertClose(what + " bias " + g, expectedB, actualB, scaleB);
    }
}
