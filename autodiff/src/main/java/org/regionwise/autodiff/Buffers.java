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

    /**
     * Whether a {@link BufferArena} scope is open on this thread: what {@link #allocate} hands out now is then
     * recycled when that scope closes. Lets an object decide at creation whether its lazily made arrays may
     * come from the arena (it lives inside the scope) or must not (it may outlive it).
     */
    public static boolean arenaOpen() {
        return BufferArena.active() != null;
    }

    /** An integer buffer (e.g. the labels of a training step's target), from the open arena if any; zero-filled. */
    public static int[] allocateInts(int length) {
        BufferArena arena = BufferArena.active();
        return arena == null ? new int[length] : arena.takeInts(length);
    }
}
