package org.regionwise.gpu.device;

import org.regionwise.gpu.kernels.Launch;

/**
 * The device kernels run as plain Java over a host heap: the reference execution of the GPU code path, used
 * where TornadoVM is absent (CI) and as the oracle that a TornadoVM device must match.
 */
public final class JavaDevice implements Device {
    private final float[] heap;

    public JavaDevice(int capacity) {
        this.heap = new float[capacity];
    }

    @Override
    public String description() {
        return "plain Java (" + heap.length + " floats)";
    }

    @Override
    public int capacity() {
        return heap.length;
    }

    @Override
    public void launch(Launch launch) {
        launch.runOn(heap);
    }

    @Override
    public void upload(float[] src, int srcOffset, int heapOffset, int count) {
        System.arraycopy(src, srcOffset, heap, heapOffset, count);
    }

    @Override
    public void download(int heapOffset, float[] dst, int dstOffset, int count) {
        System.arraycopy(heap, heapOffset, dst, dstOffset, count);
    }

    @Override
    public void close() {}
}
