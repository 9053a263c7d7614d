package org.regionwise.autodiff.backend;

/** Where tensors live and which kernels compute them. The CPU backend is {@link CpuBackend}. */
public interface Backend {
    String name();

    /** A zero-filled buffer of {@code size} floats. */
    Storage allocate(int size);

    /**
     * Zero-filled storage for an op's output, its saved state or a non-leaf gradient: valid for one training
     * step. The CPU backend takes it from the {@link org.regionwise.autodiff.BufferArena} open on the thread.
     */
    default Storage allocateScratch(int size) {
        return allocate(size);
    }

    /** Storage holding {@code data}; the CPU backend adopts the array without copying. */
    Storage fromHost(float[] data);

    /** The kernels for the hot ops (GEMM, convolutions); ops look them up at each call. */
    Kernels kernels();
}
