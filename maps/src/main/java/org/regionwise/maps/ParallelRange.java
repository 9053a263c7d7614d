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
        Split task = new Split(0, items, grain, block);
        if (ForkJoinTask.getPool() == pool) {
            task.invoke();
        } else {
            pool.invoke(task);
        }
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
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
