package org.regionwise.autodiff.cpu;

/** The same blocked, multithreaded passes with plain-Java micro-kernels: the fallback without the Vector API. */
public final class ScalarKernels extends TiledKernels {
    public ScalarKernels(int threads) {
        super(new ScalarMicroKernel(), new ScalarElementwise(), threads);
    }
}
