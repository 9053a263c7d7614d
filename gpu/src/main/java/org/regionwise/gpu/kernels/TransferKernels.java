package org.regionwise.gpu.kernels;

import org.regionwise.gpu.Parallel;

/**
 * Copies between a staging array and a range of the heap. A device transfers only whole arrays, so moving
 * one tensor means moving a small staging array and copying it into (or out of) the resident heap on the
 * device. Not in {@link Kernel}: their signature has the staging array, and only a TornadoVM device needs them.
 */
public final class TransferKernels {
    private TransferKernels() {}

    /** heap[offset + i] = staging[i] for i < count. ints: count, offset. */
    public static void stageIn(float[] staging, float[] heap, int[] ints) {
        int count = ints[0];
        int offset = ints[1];
        for (@Parallel int i = 0; i < count; i++) {
            heap[offset + i] = staging[i];
        }
    }

    /** staging[i] = heap[offset + i] for i < count. ints: count, offset. */
    public static void stageOut(float[] heap, float[] staging, int[] ints) {
        int count = ints[0];
        int offset = ints[1];
        for (@Parallel int i = 0; i < count; i++) {
            staging[i] = heap[offset + i];
        }
    }
}
