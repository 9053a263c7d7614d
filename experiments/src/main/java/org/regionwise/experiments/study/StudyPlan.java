package org.regionwise.experiments.study;

import java.nio.file.Path;
import java.util.List;

/**
 * A study command's resolved options: the shared settings, the losses to train, how many runs of each (seeds or
 * models), how to run them here, and where.
 *
 * @param settings the shared trial settings
 * @param losses   loss names, in table order
 * @param runs     runs per loss (the table's seeds, the figures' models), seeds 0 .. runs-1
 * @param parallel trials at a time
 * @param threads  CPU threads in all
 * @param out      the study folder
 * @param backend  where the trials compute: {@code cpu}, or a GPU backend ({@code tornado}: the devices round robin;
 *                 {@code tornado:N}: device N), as {@code --backend} names it
 */
public record StudyPlan(StudySettings settings, List<String> losses, int runs, int parallel, int threads, Path out, String backend) {
    public StudyPlan {
        losses = List.copyOf(losses);
        java.util.Objects.requireNonNull(backend, "backend");
    }

    /** A plan on the CPU. */
    public StudyPlan(StudySettings settings, List<String> losses, int runs, int parallel, int threads, Path out) {
        this(settings, losses, runs, parallel, threads, out, org.regionwise.gpu.GpuBackends.CPU);
    }

    /** This plan writing to another folder. */
    public StudyPlan in(Path folder) {
        return new StudyPlan(settings, losses, runs, parallel, threads, folder, backend);
    }
}
