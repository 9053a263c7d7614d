package org.regionwise.gpu;

import java.lang.ref.Cleaner;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Storage;
import org.regionwise.gpu.device.DeviceHeap;

/**
 * A tensor's storage on a {@link GpuBackend}: a block of the device heap plus a host mirror, each either
 * current or stale. Data moves only when the stale side is asked for: {@link #host()} downloads if the
 * device is newer, {@link #deviceOffset()} uploads if the host is newer. The device block is allocated on
 * first device use (a tensor only ever read on the host never takes device memory) and is returned to the
 * heap when the storage becomes unreachable.
 */
public final class GpuStorage implements Storage {
    private static final Cleaner CLEANER = Cleaner.create();

    private final GpuBackend backend;
    private final int size;
    private final DeviceBlock block;
    private float[] host;
    private boolean hostCurrent;
    private boolean deviceCurrent;

    /** The device block, apart from the storage so the Cleaner can free it without reviving the storage. */
    private static final class DeviceBlock implements Runnable {
        private final DeviceHeap heap;
        private volatile int offset = -1;

        DeviceBlock(DeviceHeap heap) {
            this.heap = heap;
        }

        @Override
        public void run() {
            int o = offset;
            if (o >= 0) {
                offset = -1;
                heap.free(o);
            }
        }
    }

    private GpuStorage(GpuBackend backend, int size, float[] host, boolean hostCurrent) {
        this.backend = backend;
        this.size = size;
        this.host = host;
        this.hostCurrent = hostCurrent;
        this.block = new DeviceBlock(backend.heap());
        CLEANER.register(this, block);
    }

    /** Adopts {@code data} (no copy) as the current host copy. */
    /** {@code s} as device storage (null stays null): for kernels that {@link ResidentOrHost} only calls when it is one. */
    static GpuStorage of(Storage s) {
        return (GpuStorage) s;
    }

    static GpuStorage ofHost(GpuBackend backend, float[] data) {
        return new GpuStorage(backend, data.length, data, true);
    }

    /** Zeros on the device; the host mirror is created (and downloaded) only if asked for. */
    static GpuStorage zeros(GpuBackend backend, int size) {
        GpuStorage s = new GpuStorage(backend, size, null, false);
        s.block.offset = backend.heap().allocateZeroed(size);
        s.deviceCurrent = true;
        return s;
    }

    /** Device memory with undefined contents, for a kernel that overwrites all of it. */
    static GpuStorage uninitialised(GpuBackend backend, int size) {
        GpuStorage s = new GpuStorage(backend, size, null, false);
        s.block.offset = backend.heap().allocate(size);
        return s;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public synchronized float[] host() {
        if (host == null) {
            host = new float[size];
        }
        if (!hostCurrent) {
            if (deviceCurrent) backend.heap().download(block.offset, host, 0, size);
            hostCurrent = true;
        }
        return host;
    }

    @Override
    public synchronized void hostWritten() {
        if (host == null) return; // no host array was handed out, so nothing was written
        hostCurrent = true;
        deviceCurrent = false;
    }

    /** Heap offset of an up-to-date device copy, uploading the host copy if it is newer. */
    public synchronized int deviceOffset() {
        ensureBlock();
        if (!deviceCurrent) {
            if (hostCurrent) backend.heap().upload(host, 0, block.offset, size);
            deviceCurrent = true;
        }
        return block.offset;
    }

    /** Heap offset for a kernel that overwrites the whole tensor: nothing is uploaded. Follow with {@link #deviceWritten()}. */
    public synchronized int deviceOffsetForOverwrite() {
        ensureBlock();
        return block.offset;
    }

    /** Marks the device copy as the newest: the host mirror will be refreshed when next asked for. */
    public synchronized void deviceWritten() {
        deviceCurrent = true;
        hostCurrent = false;
    }

    /** Whether reading {@link #host()} now would move data (for residency tests). */
    public synchronized boolean hostIsStale() {
        return !hostCurrent;
    }

    private void ensureBlock() {
        if (block.offset < 0) block.offset = backend.heap().allocate(size);
    }
}
