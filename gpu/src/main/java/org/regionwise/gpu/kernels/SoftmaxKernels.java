package org.regionwise.gpu.kernels;

import org.regionwise.gpu.Parallel;

/**
 * Softmax over the channel axis of an NCHW tensor (the class axis of segmentation logits), one parallel
 * iteration per (image, pixel); channel values of a pixel are {@code plane} apart.
 */
public final class SoftmaxKernels {
    private SoftmaxKernels() {}

    /** y = softmax_c(x), max-shifted so exp never overflows. ints: n, c, plane, x, y. */
    public static void forward(float[] heap, int[] ints, float[] floats) {
        int n = ints[0];
        int c = ints[1];
        int plane = ints[2];
        int x = ints[3];
        int y = ints[4];
        int total = n * plane;
        for (@Parallel int idx = 0; idx < total; idx++) {
            int nn = idx / plane;
            int px = idx - nn * plane;
            int base = nn * c * plane + px;
            float max = heap[x + base];
            for (int cc = 1; cc < c; cc++) {
                max = Math.max(max, heap[x + base + cc * plane]);
            }
            float sum = 0f;
            for (int cc = 0; cc < c; cc++) {
                float e = (float) Math.exp(heap[x + base + cc * plane] - max);
                heap[y + base + cc * plane] = e;
                sum += e;
            }
            float inv = 1f / sum;
            for (int cc = 0; cc < c; cc++) {
                heap[y + base + cc * plane] *= inv;
            }
        }
    }

    /** dx += y * (dy - sum_c y * dy), from the saved output y. ints: n, c, plane, y, dy, dx. */
    public static void backward(float[] heap, int[] ints, float[] floats) {
        int n = ints[0];
        int c = ints[1];
        int plane = ints[2];
        int y = ints[3];
        int dy = ints[4];
        int dx = ints[5];
        int total = n * plane;
        for (@Parallel int idx = 0; idx < total; idx++) {
            int nn = idx / plane;
            int px = idx - nn * plane;
            int base = nn * c * plane + px;
            float dot = 0f;
            for (int cc = 0; cc < c; cc++) {
                dot += heap[y + base + cc * plane] * heap[dy + base + cc * plane];
            }
            for (int cc = 0; cc < c; cc++) {
                int i = base + cc * plane;
                heap[dx + i] += heap[y + i] * (heap[dy + i] - dot);
            }
        }
    }

    public static Launch forwardLaunch(int n, int c, int plane, int x, int y) {
        return Launch.of(Kernel.SOFTMAX_CHANNELS, n * plane, new int[] {n, c, plane, x, y});
    }

    public static Launch backwardLaunch(int n, int c, int plane, int y, int dy, int dx) {
        return Launch.of(Kernel.SOFTMAX_CHANNELS_BACKWARD, n * plane, new int[] {n, c, plane, y, dy, dx});
    }
}
