package org.regionwise.autodiff.cpu;

/**
 * The fast kernels on the Vector API. Needs {@code --add-modules jdk.incubator.vector}; obtain through
 * {@link FastKernels#best()}, which checks for the module before this class is loaded. The micro-kernel
 * follows the CPU: {@link VectorMicroKernel} with AVX-512, {@link NarrowVectorMicroKernel} with narrower
 * vectors (AVX2), where the 512-bit one would run boxed.
 */
public final class VectorKernels extends TiledKernels {
    public VectorKernels(int threads) {
        super(NarrowVectorMicroKernel.needed() ? new NarrowVectorMicroKernel() : new VectorMicroKernel(), new VectorElementwise(),
                threads);
    }
}
