package org.regionwise.autodiff.cpu;

/**
 * What one kernel set owns: its micro-kernel, its threads, and the scratch they reuse across calls
 * (shared buffers for packed weights and sources, one private set per worker for tiles and B blocks).
 * Calls into one workspace are serialised by {@link TiledKernels}.
 */
final class Workspace {
    final MicroKernel kernel;
    /** The kernel's tile: panels are packed and tiles cut to it. */
    final TileShape shape;
    final WorkerPool pool;
    final Scratch shared = new Scratch();
    final ShiftedSource source;
    /** Direct or Winograd, per pass and shape. */
    final ConvChoice choice = new ConvChoice();
    private final Scratch[] workers;

    Workspace(MicroKernel kernel, int threads) {
        this.kernel = kernel;
        this.shape = kernel.shape();
        this.source = new ShiftedSource(shared, shape);
        this.pool = new WorkerPool(threads);
        this.workers = new Scratch[threads];
        for (int i = 0; i < threads; i++) workers[i] = new Scratch();
    }

    Scratch worker(int id) {
        return workers[id];
    }

    int threads() {
        return pool.threads();
    }

    /**
     * How many groups to cut {@code items} into when {@code otherTasks} tasks already exist along another
     * axis: about four tasks per thread in all, so dynamic claiming can even out a slow core.
     */
    int groups(int items, int otherTasks) {
        int wanted = (4 * threads() + otherTasks - 1) / otherTasks;
        return Math.max(1, Math.min(items, wanted));
    }

    /** Bytes of scratch held by this workspace (grows to the largest shapes seen, then stays). */
    long scratchBytes() {
        long b = shared.bytes();
        for (Scratch s : workers) b += s.bytes();
        return b;
    }
}
