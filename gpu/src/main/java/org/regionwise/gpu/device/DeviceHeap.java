package org.regionwise.gpu.device;

import java.util.List;
import java.util.function.IntFunction;
import org.regionwise.gpu.kernels.ElementwiseKernels;
import org.regionwise.gpu.kernels.Launch;

/**
 * A {@link Device} with its heap managed: blocks are allocated and freed here, every launch and transfer
 * goes through here and is counted. When the heap is full, unreachable tensors may not have been collected
 * yet (they are freed by a Cleaner), so allocation asks for a garbage collection and retries before failing.
 */
public final class DeviceHeap implements AutoCloseable {
    private static final int GC_RETRIES = 3;

    private final Device device;
    private final HeapAllocator allocator;
    private final TransferStats stats = new TransferStats();

    public DeviceHeap(Device device) {
        this.device = device;
        this.allocator = new HeapAllocator(device.capacity());
    }

    public Device device() {
        return device;
    }

    public TransferStats stats() {
        return stats;
    }

    public HeapAllocator allocator() {
        return allocator;
    }

    /** Offset of a block of {@code count} floats with undefined contents. */
    public int allocate(int count) {
        int offset = allocator.allocate(count);
        for (int retry = 0; offset < 0 && retry < GC_RETRIES; retry++) {
            System.gc();
            try {
                Thread.sleep(10L << retry); // let the Cleaner thread return what the collection found
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            offset = allocator.allocate(count);
        }
        if (offset < 0) {
            throw new IllegalStateException("device heap full: cannot allocate " + count + " floats on " + device.description()
                    + " (" + allocator.usedFloats() + " of " + allocator.capacity() + " floats in use in "
                    + allocator.liveBlocks() + " blocks); raise -Dregionwise.gpu.heapMiB");
        }
        return offset;
    }

    /** Offset of a block of {@code count} zeros. */
    public int allocateZeroed(int count) {
        int offset = allocate(count);
        if (count > 0) launch(ElementwiseKernels.fillLaunch(count, offset, 0f));
        return offset;
    }

    public void free(int offset) {
        allocator.free(offset);
    }

    public void launch(Launch launch) {
        if (launch.threads() == 0) return;
        stats.launch();
        device.launch(launch);
    }

    /**
     * Runs the launches {@code plan} builds over a scratch block of {@code count} floats (its offset is passed in;
     * -1 when {@code count} is 0), and frees the block afterwards: the partial sums of a two-stage reduction.
     */
    public void launchWithScratch(int count, IntFunction<List<Launch>> plan) {
        int scratch = count > 0 ? allocate(count) : -1;
        try {
            for (Launch l : plan.apply(scratch)) launch(l);
        } finally {
            if (scratch >= 0) free(scratch);
        }
    }

    public void upload(float[] src, int srcOffset, int heapOffset, int count) {
        if (count == 0) return;
        stats.upload(count);
        device.upload(src, srcOffset, heapOffset, count);
    }

    public void download(int heapOffset, float[] dst, int dstOffset, int count) {
        if (count == 0) return;
        stats.download(count);
        device.download(heapOffset, dst, dstOffset, count);
    }

    @Override
    public void close() {
        device.close();
    }
}
