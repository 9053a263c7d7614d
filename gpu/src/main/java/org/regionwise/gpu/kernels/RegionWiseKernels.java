package org.regionwise.gpu.kernels;

import org.regionwise.gpu.Parallel;

/**
 * The Region-wise loss (losses.HostRegionWise, its reference twin), one thread per pixel, float arithmetic.
 * Forward writes the channel softmax (saved for backward) and each pixel's share of the mean; the mean is
 * then a {@link ReductionKernels} chunk sum of those shares, so no kernel needs atomics. Backward is the
 * closed form on the saved probabilities, in the same cancellation-free arrangement as the host
 * ({@code s_j * sum_k s_k (z_j - z_k)}), so a pixel whose map differences share a sign gets that sign exactly.
 */
public final class RegionWiseKernels {
    private RegionWiseKernels() {}

    /**
     * probs = channel softmax of logits (max-shifted, overwritten); perPixel[px] = scale * sum_k s_k z_k, or
     * sum_k s_k^2 z_k when squared (overwritten). scale is 1 / (n c plane), so the chunk sums of perPixel are
     * the loss. ints: n, c, plane, squared (0/1), logits, map, probs, perPixel. floats: scale.
     */
    public static void forward(float[] heap, int[] ints, float[] floats) {
        int n = ints[0];
        int c = ints[1];
        int plane = ints[2];
        int squared = ints[3];
        int logits = ints[4];
        int map = ints[5];
        int probs = ints[6];
        int perPixel = ints[7];
        float scale = floats[0];
        int total = n * plane;
        for (@Parallel int idx = 0; idx < total; idx++) {
            int nn = idx / plane;
            int px = idx - nn * plane;
            int base = nn * c * plane + px;
            float max = heap[logits + base];
            for (int k = 1; k < c; k++) {
                max = Math.max(max, heap[logits + base + k * plane]);
            }
            float sumExp = 0f;
            for (int k = 0; k < c; k++) {
                sumExp += (float) Math.exp(heap[logits + base + k * plane] - max);
            }
            float acc = 0f;
            for (int k = 0; k < c; k++) {
                int i = base + k * plane;
                float p = (float) Math.exp(heap[logits + i] - max) / sumExp;
                heap[probs + i] = p;
                float weight = squared != 0 ? p * p : p;
                acc += weight * heap[map + i];
            }
            heap[perPixel + idx] = acc * scale;
        }
    }

    /**
     * dlogits += heap[gradOut] * scale * (the RW gradient at each pixel), scale = 1 / (n c plane):
     * {@code s_j sum_k s_k (z_j - z_k)}, or {@code 2 s_j (s_j z_j - sum_k s_k^2 z_k)} when squared.
     * ints: n, c, plane, squared (0/1), probs, map, gradOut (one element), dlogits. floats: scale.
     */
    public static void backward(float[] heap, int[] ints, float[] floats) {
        int n = ints[0];
        int c = ints[1];
        int plane = ints[2];
        int squared = ints[3];
        int probs = ints[4];
        int map = ints[5];
        int gradOut = ints[6];
        int dlogits = ints[7];
        float scale = heap[gradOut] * floats[0];
        int total = n * plane;
        for (@Parallel int idx = 0; idx < total; idx++) {
            int nn = idx / plane;
            int px = idx - nn * plane;
            int base = nn * c * plane + px;
            if (squared != 0) {
                float weighted = 0f;
                for (int k = 0; k < c; k++) {
                    int i = base + k * plane;
                    weighted += heap[probs + i] * heap[probs + i] * heap[map + i];
                }
                for (int j = 0; j < c; j++) {
                    int i = base + j * plane;
                    float p = heap[probs + i];
                    heap[dlogits + i] += scale * 2f * p * (p * heap[map + i] - weighted);
                }
            } else {
                for (int j = 0; j < c; j++) {
                    int i = base + j * plane;
                    float zj = heap[map + i];
                    float sum = 0f;
                    for (int k = 0; k < c; k++) {
                        int other = base + k * plane;
                        sum += heap[probs + other] * (zj - heap[map + other]);
                    }
                    heap[dlogits + i] += scale * heap[probs + i] * sum;
                }
            }
        }
    }

    public static Launch forwardLaunch(int n, int c, int plane, boolean squared, int logits, int map, int probs, int perPixel,
                                       float scale) {
        return Launch.of(Kernel.REGION_WISE, n * plane,
                new int[] {n, c, plane, squared ? 1 : 0, logits, map, probs, perPixel}, scale);
    }

    public static Launch backwardLaunch(int n, int c, int plane, boolean squared, int probs, int map, int gradOut, int dlogits,
                                        float scale) {
        return Launch.of(Kernel.REGION_WISE_BACKWARD, n * plane,
                new int[] {n, c, plane, squared ? 1 : 0, probs, map, gradOut, dlogits}, scale);
    }
}
