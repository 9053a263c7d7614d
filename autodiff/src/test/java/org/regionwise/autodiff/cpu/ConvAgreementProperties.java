package org.regionwise.autodiff.cpu;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.backend.HostKernels;

/** The three fast convolution passes against the reference on random geometries ({@link ConvAgreement}). */
class ConvAgreementProperties {

    @Property(tries = 200)
    void forwardMatchesReference(@ForAll(supplier = FastKernelSets.class) HostKernels fast,
                                 @ForAll(supplier = RandomConv.class) ConvGeometry g, @ForAll boolean bias, @ForAll long seed) {
        ConvAgreement.forward(fast, fast.name() + " forward", g, bias, seed);
    }

    @Property(tries = 200)
    void backwardDataMatchesReference(@ForAll(supplier = FastKernelSets.class) HostKernels fast,
                                      @ForAll(supplier = RandomConv.class) ConvGeometry g, @ForAll long seed) {
        ConvAgreement.backwardData(fast, fast.name() + " backward data", g, seed);
    }

    @Property(tries = 200)
    void backwardWeightMatchesReference(@ForAll(supplier = FastKernelSets.class) HostKernels fast,
                                        @ForAll(supplier = RandomConv.class) ConvGeometry g, @ForAll boolean bias,
                                        @ForAll long seed) {
        ConvAgreement.backwardWeight(fast, fast.name() + " backward", g, bias, seed);
    }
}
