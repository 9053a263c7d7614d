package org.regionwise.autodiff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recycles the float buffers of one training step in the next, so steady-state steps allocate (almost)
 * nothing: the Java analogue of PyTorch's caching allocator, scoped explicitly.
 *
 * <pre>{@code
 * BufferArena arena = new BufferArena();          // lives as long as the training loop
 * for (...) {
 *     try (var step = arena.open()) {            // buffers handed out below are recycled at close
 *         Tensor loss = lossFn.forward(model.forward(x), target);
 *         float value = loss.item();             // read what you need inside the scope
 *         loss.backward();
 *         optimizer.step();
 *     }
 * }
 * }</pre>
 *
 * <p>The contract: every tensor created inside a scope (activations, saved intermediates, gradients of
 * non-leaf tensors) is invalid once the scope closes, because its storage will be handed out again.
 * Leaf gradients (parameters') are never taken from the arena, so they outlive the step as usual.
 * Buffers are matched by exact length: a training loop repeats the same shapes, so after the first
 * step every request is served from the free lists. Only code that allocates through
 * {@link Buffers#allocate(int)} (or {@link Buffers#allocateInts(int)}, for a step's label images) takes part; anything else allocates normally and is always safe.
 * An arena belongs to one thread at a time; scopes may not be opened concurrently on one arena.
 */
public final class BufferArena {
    private static final ThreadLocal<BufferArena> ACTIVE = new ThreadLocal<>();

    private final Map<Integer, ArrayDeque<float[]>> free = new HashMap<>();
    private final List<float[]> handedOut = new ArrayList<>();
    /** Integer buffers (a step's label images), recycled the same way. */
    private final Map<Integer, ArrayDeque<int[]>> freeInts = new HashMap<>();
    private final List<int[]> handedOutInts = new ArrayList<>();
    private boolean open;
    private long reused;
    private long allocated;

    /** Opens a step scope on the calling thread; closing it recycles every buffer handed out inside. */
    public GradMode.Scope open() {
        if (open) throw new IllegalStateException("buffer arena: a scope is already open");
        BufferArena previous = ACTIVE.get();
        open = true;
        ACTIVE.set(this);
        return () -> {
            ACTIVE.set(previous);
            open = false;
            for (float[] b : handedOut) free.computeIfAbsent(b.length, k -> new ArrayDeque<>()).push(b);
            handedOut.clear();
            for (int[] b : handedOutInts) freeInts.computeIfAbsent(b.length, k -> new ArrayDeque<>()).push(b);
            handedOutInts.clear();
        };
    }

    /** Buffers served from the free lists so far (for allocation benchmarks and tests). */
    public long reusedCount() {
        return reused;
    }

    /** Buffers the arena had to allocate fresh so far. */
    public long allocatedCount() {
        return allocated;
    }

    /** The arena of the scope open on this thread, or null. */
    static BufferArena active() {
        return ACTIVE.get();
    }

    float[] take(int length) {
        ArrayDeque<float[]> list = free.get(length);
        float[] b = list == null ? null : list.poll();
        if (b == null) {
            b = new float[length];
            allocated++;
        } else {
            java.util.Arrays.fill(b, 0f);
            reused++;
        }
        handedOut.add(b);
        return b;
    }

    int[] takeInts(int length) {
        ArrayDeque<int[]> list = freeInts.get(length);
        int[] b = list == null ? null : list.poll();
        if (b == null) {
            b = new int[length];
            allocated++;
        } else {
            java.util.Arrays.fill(b, 0);
            reused++;
        }
        handedOutInts.add(b);
        return b;
    }
}
