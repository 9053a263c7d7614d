package org.regionwise.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The residency contract of GpuStorage, on the plain-Java device (the logic is the device's, not TornadoVM's):
 * nothing moves until the stale side is asked for, and a tensor is uploaded at most once while the host
 * does not write it.
 */
class GpuStorageTest {
    private final GpuBackend backend = GpuBackends.create(GpuBackends.TORNADO_JAVA, 1 << 16);

    @Test
    void hostDataIsUploadedOnceOnFirstDeviceUse() {
        GpuStorage s = backend.fromHost(new float[] {1, 2, 3});
        assertEquals(0, backend.stats().uploads());
        int off = s.deviceOffset();
        assertEquals(off, s.deviceOffset());
        assertEquals(1, backend.stats().uploads());
    }

    @Test
    void hostWriteMakesTheDeviceCopyStale() {
        float[] data = {1, 2, 3};
        GpuStorage s = backend.fromHost(data);
        s.deviceOffset();
        s.host()[0] = 7;
        s.hostWritten();
        s.deviceOffset();
        assertEquals(2, backend.stats().uploads());
        float[] back = new float[3];
        backend.heap().download(s.deviceOffset(), back, 0, 3);
        assertArrayEquals(new float[] {7, 2, 3}, back);
    }

    @Test
    void deviceResultsAreDownloadedOnlyWhenReadAndOnlyOnce() {
        GpuStorage a = backend.ops().upload(new float[] {1, -2, 3});
        GpuStorage b = backend.allocateUninitialised(3);
        backend.ops().elementwise().leakyRelu(0f, a, b);
        assertTrue(b.hostIsStale());
        assertEquals(0, backend.stats().downloads());
        assertArrayEquals(new float[] {1, -0f, 3}, b.host());
        assertArrayEquals(new float[] {1, -0f, 3}, b.host());
        assertEquals(1, backend.stats().downloads());
        assertFalse(b.hostIsStale());
    }

    @Test
    void zerosNeedNoTransfer() {
        GpuStorage z = backend.allocate(5);
        assertEquals(0, backend.stats().uploads());
        backend.ops().elementwise().axpy(1f, backend.ops().upload(new float[] {1, 1, 1, 1, 1}), z);
        assertArrayEquals(new float[] {1, 1, 1, 1, 1}, z.host());
    }

    @Test
    void unreachableStoragesReturnTheirDeviceMemory() throws InterruptedException {
        long before = backend.heap().allocator().usedFloats();
        for (int i = 0; i < 100; i++) backend.allocate(1000);
        for (int i = 0; i < 50 && backend.heap().allocator().usedFloats() > before; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(before, backend.heap().allocator().usedFloats());
    }
}
