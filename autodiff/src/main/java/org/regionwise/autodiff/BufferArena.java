package org.regionwise.autodiff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

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
 * {@link Buffers#allocate(int)} (or {@link Buffers#allocateInts(int)}, for a step's label images) takes part;
 * anything else allocates normally and is always safe.
 * An arena belongs to one thread at a time; scopes may not be opened concurrently on one arena.
 */
public final class BufferArena {
    private static final ThreadLocal<BufferArena> ACTIVE = new ThreadLocal<>();

    private final Pool<float[]> floats = new Pool<>(float[]::new, b -> java.util.Arrays.fill(b, 0f), b -> b.length);
    /** Integer buffers (a step's label images), recycled the same way. */
    private final Pool<int[]> ints = new Pool<>(int[]::new, b -> java.util.Arrays.fill(b, 0), b -> b.length);
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
            floats.recycle();
            ints.recycle();
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
        return floats.take(length);
    }

    int[] takeInts(int length) {
        return ints.take(length);
    }

    /** Free buffers of one array type by exact length, and the ones handed out in the open scope. */
    private final class Pool<T> {
        private final Map<Integer, ArrayDeque<T>> free = new HashMap<>();
        private final List<T> handedOut = new ArrayList<>();
        private final IntFunction<T> fresh;
        private final Consumer<T> zero;
        private final ToIntFunction<T> length;

        Pool(IntFunction<T> fresh, Consumer<T> zero, ToIntFunction<T> length) {
            this.fresh = fresh;
            this.zero = zero;
            this.length = length;
        }

        T take(int n) {
            ArrayDeque<T> list = free.get(n);
            T b = list == null ? null : list.poll();
            if (b == null) {
                b = fresh.apply(n);
                allocated++;
            } else {
                zero.accept(b);
                reused++;
            }
            handedOut.add(b);
            return b;
        }

        /** Puts every buffer handed out in the scope back on the free lists. */
        void recycle() {
            for (T b : handedOut) free.computeIfAbsent(length.applyAsInt(b), k -> new ArrayDeque<>()).push(b);
            handedOut.clear();
        }
    }
}
