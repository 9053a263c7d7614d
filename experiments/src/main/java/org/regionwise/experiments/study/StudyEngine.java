package org.regionwise.experiments.study;

/**
 * Where a study's trials run: here, on a thread pool ({@link #local()}), or on a cluster engine that an optional
 * module provides ({@link StudyEngines#find}). Results do not depend on the engine: the same study gives the same
 * result files on every engine that runs each trial with the same threads.
 */
public interface StudyEngine {

    /** The runner for {@code plan}'s trials; {@code environment} is this process's (the local runner trains with it). */
    TrialRunner runner(StudyPlan plan, TrialEnvironment environment);

    /** How the trials run, for the study's header line (e.g. "2 at a time with 1 thread(s) each"). */
    String describe(StudyPlan plan);

    /**
     * The in-process engine: {@link LocalRunner} with the plan's --parallel and --threads, and its --backend (a GPU
     * backend's devices handed to the parallel slots round robin, {@link TrialBackends}).
     */
    static StudyEngine local() {
        return new StudyEngine() {
            @Override
            public TrialRunner runner(StudyPlan plan, TrialEnvironment environment) {
                return new LocalRunner(plan.parallel(), plan.threads(), environment, TrialBackends.of(plan.backend(), threadsPerTrial(plan)));
            }

            @Override
            public String describe(StudyPlan plan) {
                String where = plan.backend().equals(org.regionwise.gpu.GpuBackends.CPU) ? ""
                        : TrialBackends.of(plan.backend(), threadsPerTrial(plan)).describe(plan.parallel());
                return plan.parallel() + " at a time with " + threadsPerTrial(plan) + " thread(s) each" + where;
            }
        };
    }

    /**
     * CPU threads per trial, the same on every engine ({@code max(1, threads / parallel)}), so that engines agree to
     * the last bit (the kernels' reduction order depends on the thread count).
     */
    static int threadsPerTrial(StudyPlan plan) {
        return Math.max(1, plan.threads() / plan.parallel());
    }
}
