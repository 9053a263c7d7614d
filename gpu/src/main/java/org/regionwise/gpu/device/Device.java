package org.regionwise.gpu.device;

import org.regionwise.gpu.kernels.Launch;

/**
 * Where kernels run: one resident float heap of {@link #capacity()} elements, kernel launches over it, and
 * explicit transfers of heap ranges. Nothing moves between host and device except through
 * {@link #upload} and {@link #download}; launches never copy tensors.
 *
 * <p>Two implementations: {@link JavaDevice} (the heap is a host array, kernels run as plain Java) and
 * {@code TornadoDevice} (the heap lives on a TornadoVM device).
 */
public interface Device extends AutoCloseable {
    /** Human-readable device name, for logs and errors. */
    String description();

    /** Heap size in floats. */
    int capacity();

    void launch(Launch launch);

    /** heap[heapOffset, +count) = src[srcOffset, +count). */
    void upload(float[] src, int srcOffset, int heapOffset, int count);

    /** dst[dstOffset, +count) = heap[heapOffset, +count). */
    void download(int heapOffset, float[] dst, int dstOffset, int count);

    /** Blocks until every launch and transfer issued so far has finished (for timing). */
    default void synchronize() {}

    @Override
    void close();
}
