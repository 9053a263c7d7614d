package org.regionwise.gpu.kernels;

import java.util.Arrays;

/**
 * One kernel call: which kernel, its integer arguments (sizes and heap offsets), its float arguments, and
 * how many iterations its parallel loop has ({@code threads}). Every kernel reads its operands from one flat
 * heap array, so a launch names offsets, never arrays: that is what lets a device keep one resident buffer
 * and compile each kernel once, whatever tensors it is called on.
 */
public record Launch(Kernel kernel, int[] ints, float[] floats, int threads) {
    /**
     * Fixed argument-array lengths, so a device can bind one reusable array per kernel: {@code MAX_INTS} ints
     * unless the kernel asks for more ({@link Kernel#maxInts()}: a table of segments).
     */
    public static final int MAX_INTS = 24;
    public static final int MAX_FLOATS = 8;

    public Launch {
        if (ints.length > kernel.maxInts() || floats.length > MAX_FLOATS) {
            throw new IllegalArgumentException(kernel + ": " + ints.length + " ints / " + floats.length
                    + " floats exceed " + kernel.maxInts() + " / " + MAX_FLOATS);
        }
        if (threads < 0) throw new IllegalArgumentException(kernel + ": negative thread count " + threads);
        ints = Arrays.copyOf(ints, kernel.maxInts());
        floats = Arrays.copyOf(floats, MAX_FLOATS);
    }

    static Launch of(Kernel kernel, int threads, int[] ints, float... floats) {
        return new Launch(kernel, ints, floats, threads);
    }

    /** Runs the kernel as plain Java on {@code heap} (the parallel loop runs sequentially). */
    public void runOn(float[] heap) {
        kernel.body().run(heap, ints, floats);
    }
}
