package org.regionwise.autodiff.cpu;

/**
 * The fast kernels on the Vector API (AVX-512 here). Needs {@code --add-modules jdk.incubator.vector};
 * obtain through {@link FastKernels#best()}, which checks for the module before this class is loaded.
 */
public final class VectorKernels extends TiledKernels {
    public VectorKernels(int threads) {
        super(new VectorMicroKernel(), new VectorElementwise(), threads);
    }
}
