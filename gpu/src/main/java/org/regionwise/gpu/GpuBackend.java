package org.regionwise.gpu;

import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Kernels;
import org.regionwise.autodiff.backend.Storage;
import org.regionwise.gpu.device.Device;
import org.regionwise.gpu.device.DeviceHeap;
import org.regionwise.gpu.device.TransferStats;

/**
 * The GPU {@link Backend}: tensors are {@link GpuStorage} (a device heap block plus a lazily synchronised
 * host mirror) and the hot kernels run on a {@link Device} (TornadoVM, or the same kernels as plain Java).
 *
 * <p>Two ways in, both resident. Autodiff's ops call {@link #kernels()} ({@link GpuKernels}); its storage
 * methods run on the device and leave results there, like {@link #ops()}, which works on storages
 * directly: data moves only when {@link Storage#host()} is called.
 */
public final class GpuBackend implements Backend {
    private final String name;
    private final DeviceHeap heap;
    private final Kernels kernels;
    private final DeviceOps ops;

    public GpuBackend(String name, Device device) {
        this.name = name;
        this.heap = new DeviceHeap(device);
        this.ops = new DeviceOps(this);
        this.kernels = ResidentOrHost.wrap(Kernels.class, this, new GpuKernels(this, ops), GpuKernels.HOST);
    }

    @Override
    public String name() {
        return name + "(" + heap.device().description() + ")";
    }

    @Override
    public GpuStorage allocate(int size) {
        return GpuStorage.zeros(this, size);
    }

    /** Device zeros: an op's output or a non-leaf gradient stays on the device from the start. */
    @Override
    public GpuStorage allocateScratch(int size) {
        return GpuStorage.zeros(this, size);
    }

    @Override
    public GpuStorage fromHost(float[] data) {
        return GpuStorage.ofHost(this, data);
    }

    /** Storage for a kernel that writes all of it. */
    public GpuStorage allocateUninitialised(int size) {
        return GpuStorage.uninitialised(this, size);
    }

    @Override
    public Kernels kernels() {
        return kernels;
    }

    /** Tensor operations that keep their results on the device. */
    public DeviceOps ops() {
        return ops;
    }

    public DeviceHeap heap() {
        return heap;
    }

    public TransferStats stats() {
        return heap.stats();
    }

    /**
     * Whether every {@link Storage} among {@code args}, and in a {@code Storage[]} among them, lives on this backend's
     * heap (nulls are absent arguments).
     */
    boolean owns(Object... args) {
        if (args == null) return true;
        for (Object a : args) {
            if (a instanceof Storage s && !ours(s)) return false;
            if (a instanceof Storage[] many) {
                for (Storage s : many) {
                    if (s != null && !ours(s)) return false;
                }
            }
        }
        return true;
    }

    private boolean ours(Storage s) {
        return s instanceof GpuStorage && s.backend() == this;
    }

    /** Releases the device (TornadoVM's buffers and compiled kernels). */
    public void close() {
        heap.close();
    }
}
