package org.regionwise.experiments.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.regionwise.autodiff.GradMode;
import org.regionwise.autodiff.backend.Backends;
import org.regionwise.autodiff.backend.CpuBackend;
import org.regionwise.autodiff.backend.Kernels;
import org.regionwise.autodiff.cpu.FastKernels;

/**
 * Runs a study's trials on this machine, {@code parallel} at a time, splitting {@code threads} CPU threads
 * between them ({@code max(1, threads / parallel)} each): every trial thread gets its own CPU kernel set
 * of that size as its thread's backend ({@link Backends#onThisThread}), so trials neither share scratch
 * buffers nor queue on one another's kernels. Finished trials are read back, not rerun.
 *
 * <p>Results do not depend on the order trials finish in. They may depend on the threads per trial in the
 * last bits (the kernels reduce in a fixed order per thread count; identical across 1 to 3 threads has been
 * observed, not promised), so compare reruns at the same {@code --parallel} and {@code --threads}.
 */
public final class LocalRunner implements TrialRunner {
    private final int parallel;
    private final int threadsPerTrial;
    private final TrialEnvironment environment;

    /**
     * @param parallel    trials at a time, at least 1
     * @param threads     CPU threads in all, at least 1
     * @param environment data and observers for the trials
     */
    public LocalRunner(int parallel, int threads, TrialEnvironment environment) {
        if (parallel < 1) throw new IllegalArgumentException("--parallel must be at least 1, got " + parallel);
        if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        this.parallel = parallel;
        this.threadsPerTrial = Math.max(1, threads / parallel);
        this.environment = environment;
    }

    public int threadsPerTrial() {
        return threadsPerTrial;
    }

    @Override
    public List<TrialResult> run(Study study, Listener listener) throws IOException {
        TrialProgress progress = new TrialProgress(study, listener);
        List<Integer> todo = progress.todo();
        if (todo.isEmpty()) return progress.results();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, todo.size()), r -> {
            Thread t = new Thread(r, "regionwise-trial");
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

    /** One trial on the calling thread with its own kernels; any exception becomes a failure record. */
    private TrialResult runOne(TrialSpec spec, Path folder) {
        Kernels kernels = FastKernels.best(threadsPerTrial);
        try (GradMode.Scope backend = Backends.onThisThread(new CpuBackend(kernels))) {
            return Trial.run(spec, folder, environment, threadsPerTrial);
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return TrialResult.failed(spec, why.replaceAll("\\s*\\R\\s*", " "));
        } finally {
            if (kernels instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing a kernel set only stops its helper threads
                }
            }
        }
    }

}
