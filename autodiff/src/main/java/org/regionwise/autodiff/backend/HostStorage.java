package org.regionwise.autodiff.backend;

/** Storage that is just a host array: the CPU backend's, and the host mirror of device backends. */
public final class HostStorage implements Storage {
    private final float[] data;
    private final Backend backend;

    public HostStorage(float[] data, Backend backend) {
        this.data = data;
        this.backend = backend;
    }

    @Override
    public int size() {
        return data.length;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public float[] host() {
        return data;
    }

    @Override
    public void hostWritten() {}
}
