package org.regionwise.autodiff.backend;

/**
 * A flat float32 buffer owned by a {@link Backend}.
 *
 * <p>The contract that lets a device backend avoid a host round trip per op: {@link #host()} returns a host
 * array that is up to date (a device backend downloads here, only if the device copy is newer);
 * after writing into that array, callers call {@link #hostWritten()} so the device copy is marked stale.
 * Kernels of the owning backend may instead work on the device copy directly.
 */
public interface Storage {
    int size();

    Backend backend();

    /** An up-to-date host array of {@link #size()} elements; writes to it must be followed by {@link #hostWritten()}. */
    float[] host();

    /** Marks the host array as the newest copy. A no-op on the CPU backend. */
    void hostWritten();
}
