package org.regionwise.gpu.kernels;

import org.regionwise.gpu.Parallel;

/**
 * Elementwise kernels over {@code count} contiguous heap elements; ints[0] is always the count and the
 * following ints are heap offsets. In-place use (an output offset equal to an input offset) is allowed:
 * each element is read before it is written by the same iteration.
 */
public final class ElementwiseKernels {
    private ElementwiseKernels() {}

    /** dst = value. ints: count, dst. floats: value. */
    public static void fill(float[] heap, int[] ints, float[] floats) {
        int count = ints[0];
        int dst = ints[1];
        float value = floats[0];
        for (@Parallel int i = 0; i < count; i++) {
            heap[dst + i] = value;
        }
    }

    /** dst = src (ranges must not overlap unless equal). ints: count, src, dst. */
    public static void copy(float[] heap, int[] ints, float[] floats) {
        int count = ints[0];
        int src = ints[1];
        int dst = ints[2];
        for (@Parallel int i = 0; i < count; i++) {
            heap[dst + i] = heap[src + i];
        }
    }

    /** out = a + b. ints: count, a, b, out. */
    public static void add(float[] heap, int[] ints, float[] floats) {
        int count = ints[0];
        int a = ints[1];
        int b = ints[2];
        int out = ints[3];
        for (@Parallel int i = 0; i < count; i++) {
            heap[out + i] = heap[a + i] + heap[b + i];
        }
    }

    /** out = a * b. ints: count, a, b, out. */
    public static void mul(float[] heap, int[] ints, float[] floats) {
        int count = ints[0];
        int a = ints[1];
        int b = ints[2];
        int out = ints[3];
        for (@Parallel int i = 0; i < count; i++) {
            heap[out + i] = heap[a + i] * heap[b + i];
        }
    }

    /** y += alpha * x: how gradients accumulate. ints: count, x, y. floats: alpha. */
    public static void axpy(float[] heap, int[] ints, float[] floats) {
        int count = ints[0];
        int x = ints[1];
        int y = ints[2];
        float alpha = floats[0];
        for (@Parallel int i = 0; i < count; i++) {
            heap[y + i] += alpha * heap[x + i];
        }
    }

    /**
     * y += heap[scale] * x: axpy with the factor read from the heap, so a loss gradient computed on the device
     * (autodiff's seed, or a loss weight) scales a gradient without being downloaded. ints: count, scale, x, y.
     */
    public static void scaledAccumulate(float[] heap, int[] ints, float[] floats) {
        int count = ints[0];
        int scale = ints[1];
        int x = ints[2];
        int y = ints[3];
        float alpha = heap[scale];
        for (@Parallel int i = 0; i < count; i++) {
            heap[y + i] += alpha * heap[x + i];
        }
    }

    /** out = alpha * x. ints: count, x, out. floats: alpha. */
    public static void scale(float[] heap, int[] ints, float[] floats) {
        int count = ints[0];
        int x = ints[1];
        int out = ints[2];
        float alpha = floats[0];
        for (@Parallel int i = 0; i < count; i++) {
            heap[out + i] = alpha * heap[x + i];
        }
    }

    /** NCHW x += bias[channel]. ints: count (n*c*plane), x, bias, channels, plane. */
    public static void addChannelBias(float[] heap, int[] ints, float[] floats) {
        int count = ints[0];
        int x = ints[1];
        int bias = ints[2];
        int channels = ints[3];
        int plane = ints[4];
        for (@Parallel int i = 0; i < count; i++) {
            heap[x + i] += heap[bias + (i / plane) % channels];
        }
    }

    /** out = x > 0 ? x : slope * x (slope 0 is ReLU). ints: count, x, out. floats: slope. */
    public static void leakyRelu(float[] heap, int[] ints, float[] floats) {
        int count = ints[0];
        int x = ints[1];
        int out = ints[2];
        float slope = floats[0];
        for (@Parallel int i = 0; i < count; i++) {
            float v = heap[x + i];
            heap[out + i] = v > 0f ? v : slope * v;
        }
    }

    /** dx += dy * (x > 0 ? 1 : slope). ints: count, x, dy, dx. floats: slope. */
    public static void leakyReluBackward(float[] heap, int[] ints, float[] floats) {
        int count = ints[0];
        int x = ints[1];
        int dy = ints[2];
        int dx = ints[3];
        float slope = floats[0];
        for (@Parallel int i = 0; i < count; i++) {
            float g = heap[dy + i];
            heap[dx + i] += heap[x + i] > 0f ? g : slope * g;
        }
    }

    public static Launch fillLaunch(int count, int dst, float value) {
        return Launch.of(Kernel.FILL, count, new int[] {count, dst}, value);
    }

    public static Launch copyLaunch(int count, int src, int dst) {
        return Launch.of(Kernel.COPY, count, new int[] {count, src, dst});
    }

    public static Launch addLaunch(int count, int a, int b, int out) {
        return Launch.of(Kernel.ADD, count, new int[] {count, a, b, out});
    }

    public static Launch mulLaunch(int count, int a, int b, int out) {
        return Launch.of(Kernel.MUL, count, new int[] {count, a, b, out});
    }

    public static Launch axpyLaunch(int count, float alpha, int x, int y) {
        return Launch.of(Kernel.AXPY, count, new int[] {count, x, y}, alpha);
    }

    public static Launch scaledAccumulateLaunch(int count, int scale, int x, int y) {
        return Launch.of(Kernel.SCALED_ACCUMULATE, count, new int[] {count, scale, x, y});
    }

    public static Launch scaleLaunch(int count, float alpha, int x, int out) {
        return Launch.of(Kernel.SCALE, count, new int[] {count, x, out}, alpha);
    }

    public static Launch addChannelBiasLaunch(int n, int channels, int plane, int x, int bias) {
        int count = n * channels * plane;
        return Launch.of(Kernel.ADD_CHANNEL_BIAS, count, new int[] {count, x, bias, channels, plane});
    }

    public static Launch leakyReluLaunch(int count, float slope, int x, int out) {
        return Launch.of(Kernel.LEAKY_RELU, count, new int[] {count, x, out}, slope);
    }

    public static Launch leakyReluBackwardLaunch(int count, float slope, int x, int dy, int dx) {
        return Launch.of(Kernel.LEAKY_RELU_BACKWARD, count, new int[] {count, x, dy, dx}, slope);
    }
}
