package org.regionwise.autodiff;

/**
 * Where ops get their output and scratch arrays: from the {@link BufferArena} open on this thread, if
 * any, otherwise freshly allocated. Either way the array is zero-filled, so backward passes may
 * accumulate into it with {@code +=}.
 */
public final class Buffers {
    private Buffers() {}

    public static float[] allocate(int length) {
        BufferArena arena = BufferArena.active();
        return arena == null ? new float[length] : arena.take(length);
    }
}
