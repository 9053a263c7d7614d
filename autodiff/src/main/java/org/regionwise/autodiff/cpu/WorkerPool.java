package org.regionwise.autodiff.cpu;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small fixed pool that splits numbered tasks over threads. The calling thread works too, so a pool of
 * {@code threads} runs {@code threads - 1} helpers. Tasks are claimed one at a time from a shared counter:
 * on a shared machine one core may be slowed by a neighbour, and dynamic claiming keeps the other busy
 * instead of waiting at the end of a static split.
 */
final class WorkerPool implements AutoCloseable {

    /** One numbered task, run by worker {@code worker} (0 is the calling thread). */
    @FunctionalInterface
    interface Task {
        void run(int task, int worker);
    }

    private final int threads;
    private final ExecutorService helpers;

    WorkerPool(int threads) {
        if (threads < 1) throw new IllegalArgumentException("thread count must be positive, got " + threads);
        this.threads = threads;
        this.helpers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "regionwise-cpu-kernel");
            t.setDaemon(true);
            return t;
        });
    }

    int threads() {
        return threads;
    }

    /** Runs tasks 0 .. count-1 and returns when all are done; the first failure is rethrown. */
    void run(int count, Task task) {
        if (count <= 0) return;
        int extra = Math.min(threads, count) - 1;
        if (extra == 0) {
            for (int t = 0; t < count; t++) task.run(t, 0);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Future<?>[] running = new Future<?>[extra];
        for (int h = 0; h < extra; h++) {
            int worker = h + 1;
            running[h] = helpers.submit(() -> drain(next, count, task, worker));
        }
        Throwable failure = null;
        try {
            drain(next, count, task, 0);
        } catch (Throwable t) {
            failure = t;
        }
        boolean interrupted = false;
        for (Future<?> f : running) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (ExecutionException e) {
                    if (failure == null) failure = e.getCause();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // finish waiting: the tasks write into the caller's arrays
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failure instanceof RuntimeException re) throw re;
        if (failure instanceof Error err) throw err;
        if (failure != null) throw new IllegalStateException(failure);
    }

    private static void drain(AtomicInteger next, int count, Task task, int worker) {
        for (int t = next.getAndIncrement(); t < count; t = next.getAndIncrement()) task.run(t, worker);
    }

    @Override
    public void close() {
        if (helpers != null) helpers.shutdownNow();
    }
}
