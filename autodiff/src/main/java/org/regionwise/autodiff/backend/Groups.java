package org.regionwise.autodiff.backend;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs independent per-group work (one instance-norm plane, one batch-norm channel) serially for small
 * tensors and across the common fork-join pool for large ones, where the split pays for itself.
 */
public final class Groups {
    /** Below this many elements in all, threads cost more than they save. */
    private static final long PARALLEL_THRESHOLD = 1 << 16;

    private Groups() {}

    /** Calls {@code body} for every group in [0, groups); bodies must touch disjoint outputs. */
    public static void forEach(int groups, long totalElements, IntConsumer body) {
        if (groups == 1 || totalElements < PARALLEL_THRESHOLD) {
            for (int g = 0; g < groups; g++) body.accept(g);
        } else {
            IntStream.range(0, groups).parallel().forEach(body);
        }
    }
}
