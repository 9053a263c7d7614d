package org.regionwise.autodiff.cpu;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.backend.HostKernels;
import org.regionwise.autodiff.backend.ReferenceKernels;

/**
 * The three fast convolution passes against the reference on random geometries. Forward outputs start
 * as NaN (they must be overwritten); gradients start random (they must be accumulated into).
 */
class ConvAgreementProperties {
    private static final ReferenceKernels REFERENCE = new ReferenceKernels();

    @Property(tries = 200)
    void forwardMatchesReference(@ForAll(supplier = FastKernelSets.class) HostKernels fast,
                                 @ForAll(supplier = RandomConv.class) ConvGeometry g, @ForAll boolean bias, @ForAll long seed) {
        Random r = new Random(seed);
        float[] x = Agreement.uniform(r, g.inputSize());
        float[] w = Agreement.uniform(r, g.weightSize());
        float[] b = bias ? Agreement.uniform(r, g.k()) : null;
        float[] expected = new float[g.outputSize()];
        REFERENCE.conv2dForward(g, x, w, b, expected);
        float[] actual = Agreement.filled(g.outputSize(), Float.NaN);
        fast.conv2dForward(g, x, w, b, actual);
        float[] scale = new float[g.outputSize()];
        REFERENCE.conv2dForward(g, Agreement.abs(x), Agreement.abs(w), b == null ? null : Agreement.abs(b), scale);
        Agreement.assertClose(fast.name() + " forward " + g, expected, actual, scale);
    }

    @Property(tries = 200)
    void backwardDataMatchesReference(@ForAll(supplier = FastKernelSets.class) HostKernels fast,
                                      @ForAll(supplier = RandomConv.class) ConvGeometry g, @ForAll long seed) {
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
        Agreement.assertClose(fast.name() + " backward data " + g, expected, actual, scale);
    }

    @Property(tries = 200)
    void backwardWeightMatchesReference(@ForAll(supplier = FastKernelSets.class) HostKernels fast,
                                        @ForAll(supplier = RandomConv.class) ConvGeometry g, @ForAll boolean bias,
                                        @ForAll long seed) {
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
        Agreement.assertClose(fast.name() + " backward weight " + g, expectedW, actualW, scaleW);
        if (bias) Agreement.assertClose(fast.name() + " backward bias " + g, expectedB, actualB, scaleB);
    }
}
