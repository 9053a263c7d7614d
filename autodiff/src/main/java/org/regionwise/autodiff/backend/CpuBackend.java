package org.regionwise.autodiff.backend;

import org.regionwise.autodiff.Buffers;

/** The CPU backend: storage is a plain {@code float[]}; kernels are chosen at construction. */
public final class CpuBackend implements Backend {
    private final Kernels kernels;

    public CpuBackend(Kernels kernels) {
        this.kernels = kernels;
    }

    @Override
    public String name() {
        return "cpu(" + kernels.name() + ")";
    }

    @Override
    public Storage allocate(int size) {
        return new HostStorage(new float[size], this);
    }

    @Override
    public Storage allocateScratch(int size) {
        return new HostStorage(Buffers.allocate(size), this);
    }

    @Override
    public Storage fromHost(float[] data) {
        return new HostStorage(data, this);
    }

    @Override
    public Kernels kernels() {
        return kernels;
    }
}
