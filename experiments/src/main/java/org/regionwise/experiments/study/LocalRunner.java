package org.regionwise.experiments.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.regionwise.autodiff.GradMode;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Backends;

/**
 * Runs a study's trials on this machine, {@code parallel} at a time, splitting {@code threads} CPU threads
 * between them ({@code max(1, threads / parallel)} each): every trial thread gets its own CPU kernel set
 * of that size as its thread's backend ({@link Backends#onThisThread}), so trials neither share scratch
 * buffers nor queue on one another's kernels; with a GPU backend, its own device backend, the {@code parallel}
 * slots spread over the devices round robin ({@link TrialBackends}). Finished trials are read back, not rerun.
 *
 * <p>Results do not depend on the order trials finish in. They may depend on the threads per trial in the
 * last bits (the kernels reduce in a fixed order per thread count; identical across 1 to 3 threads has been
 * observed, not promised), so compare reruns at the same {@code --parallel} and {@code --threads}.
 */
public final class LocalRunner implements TrialRunner {
    private final int parallel;
    private final int threadsPerTrial;
    private final TrialEnvironment environment;
    private final TrialBackends backends;
    /** The slot (0 .. parallel-1) of the pool thread running a trial: which device it gets. */
    private final ThreadLocal<Integer> slot = ThreadLocal.withInitial(() -> 0);

    /**
     * @param parallel    trials at a time, at least 1
     * @param threads     CPU threads in all, at least 1
     * @param environment data and observers for the trials
     */
    public LocalRunner(int parallel, int threads, TrialEnvironment environment) {
        this(parallel, threads, environment, null);
    }

    /**
     * @param backends where each slot computes (null: the CPU, {@code max(1, threads / parallel)} threads per trial)
     */
    public LocalRunner(int parallel, int threads, TrialEnvironment environment, TrialBackends backends) {
        if (parallel < 1) throw new IllegalArgumentException("--parallel must be at least 1, got " + parallel);
        if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        this.parallel = parallel;
        this.threadsPerTrial = Math.max(1, threads / parallel);
        this.environment = environment;
        this.backends = backends != null ? backends : TrialBackends.cpu(threadsPerTrial);
    }

    public int threadsPerTrial() {
        return threadsPerTrial;
    }

    @Override
    public List<TrialResult> run(Study study, Listener listener) throws IOException {
        TrialProgress progress = new TrialProgress(study, listener);
        List<Integer> todo = progress.todo();
        if (todo.isEmpty()) return progress.results();
        AtomicInteger slots = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, todo.size()), r -> {
            int mine = slots.getAndIncrement();
            Thread t = new Thread(() -> {
                slot.set(mine);
                r.run();
            }, "regionwise-trial-" + mine);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i : todo) {
                futures.add(pool.submit(() -> {
                    TrialSpec spec = progress.spec(i);
                    progress.finished(i, runOne(spec, study.trialFolder(spec)));
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a trial thread failed outside its trial", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while trials were running", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return progress.results();
    }

    /** One trial on the calling thread with its own backend (its slot's); any exception becomes a failure record. */
    private TrialResult runOne(TrialSpec spec, Path folder) {
        Backend own = null;
        try {
            own = backends.open(slot.get());
            try (GradMode.Scope backend = Backends.onThisThread(own)) {
                return Trial.run(spec, folder, environment, threadsPerTrial);
            }
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return TrialResult.failed(spec, why.replaceAll("\\s*\\R\\s*", " "));
        } finally {
            if (own != null) TrialBackends.close(own);
        }
    }

}
