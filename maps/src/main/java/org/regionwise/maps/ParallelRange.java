package org.regionwise.maps;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * Splits a range of independent work items (lines, tiles, slices, images) into contiguous blocks
 * and runs them on a small fixed pool per thread count.
 *
 * <p>Every item is computed by the same code whichever block or thread it lands in, so results do
 * not depend on the thread count. Pools are fork-join pools (daemon workers), which lets a block
 * that itself calls {@code forRange} help instead of deadlocking.
 */
final class ParallelRange {

    /** Work on items {@code [from, to)}. */
    @FunctionalInterface
    interface Block {
        void run(int from, int to);
    }

    /** A few blocks per thread, so an unlucky slow block does not leave the others idle. */
    private static final int BLOCKS_PER_THREAD = 4;

    private static final ConcurrentHashMap<Integer, ForkJoinPool> POOLS = new ConcurrentHashMap<>();

    private ParallelRange() {
    }

    /** Runs {@code block} over {@code [0, items)} with at most {@code threads} threads. */
    static void forRange(int items, int threads, Block block) {
        if (items <= 0) {
            return;
        }
        if (threads <= 1 || items == 1) {
            block.run(0, items);
            return;
        }
        int grain = Math.max(1, ceilDiv(items, threads * BLOCKS_PER_THREAD));
        ForkJoinPool pool = POOLS.computeIfAbsent(threads, ForkJoinPool::new);
        FirstFailure failure = new FirstFailure();
        Split task = new Split(0, items, grain, failure.guard(block));
        if (ForkJoinTask.getPool() == pool) {
            task.invoke();
        } else {
            pool.invoke(task);
        }
        failure.rethrow();
    }

    /**
     * Catches what blocks throw so the caller sees the original exception (fork-join would rethrow a
     * re-created copy), and the same one whatever the scheduling: the failure of the lowest block.
     */
    private static final class FirstFailure {
        private Throwable first;
        private int firstFrom = Integer.MAX_VALUE;

        Block guard(Block block) {
            return (from, to) -> {
                try {
                    block.run(from, to);
                } catch (RuntimeException | Error e) {
                    synchronized (this) {
                        if (from < firstFrom) {
                            first = e;
                            firstFrom = from;
                        }
                    }
                }
            };
        }

        synchronized void rethrow() {
            if (first instanceof RuntimeException r) {
                throw r;
            }
            if (first instanceof Error e) {
                throw e;
            }
        }
    }

    /**
     * Runs {@code block} over element ranges of {@code [0, n)}, in chunks big enough that splitting
     * a cheap elementwise loop over threads pays off.
     */
    static void forElements(int n, int threads, Block block) {
        int chunks = ceilDiv(n, ELEMENT_CHUNK);
        forRange(chunks, threads, (from, to) ->
                block.run(from * ELEMENT_CHUNK, (int) Math.min((long) to * ELEMENT_CHUNK, n)));
    }

    /** Elements per chunk of an elementwise loop: 64 Ki floats, 256 KiB, about one L2 cache. */
    static final int ELEMENT_CHUNK = 1 << 16;

    static int ceilDiv(int a, int b) {
        return (int) (((long) a + b - 1) / b);
    }

    private static final class Split extends RecursiveAction {
        private final int from;
        private final int to;
        private final int grain;
        private final Block block;

        Split(int from, int to, int grain, Block block) {
            this.from = from;
            this.to = to;
            this.grain = grain;
            this.block = block;
        }

        @Override
        protected void compute() {
            if (to - from <= grain) {
                block.run(from, to);
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new Split(from, mid, grain, block), new Split(mid, to, grain, block));
        }
    }
}
