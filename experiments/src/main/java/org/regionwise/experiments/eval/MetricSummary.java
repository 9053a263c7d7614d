package org.regionwise.experiments.eval;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Mean and spread of one metric of one class over several volumes, over the volumes where it is
 * defined, with a count of the volumes left out and why.
 *
 * @param mean              mean over the {@code included} volumes; NaN only when {@code included == 0}
 * @param standardDeviation sample standard deviation (n - 1 in the denominator, as pandas and R) over
 *                          the included volumes; NaN when {@code included < 2}
 * @param included          volumes whose value was defined and averaged
 * @param excluded          volumes whose value was undefined, by the status that made it so; statuses
 *                          with no such volume are absent
 */
public record MetricSummary(double mean, double standardDeviation, int included, Map<ClassStatus, Integer> excluded) {

    /** Copies {@code excluded} and checks the counts. */
    public MetricSummary {
        if (included < 0 || excluded == null) {
            throw new IllegalArgumentException("a summary needs included >= 0 and the excluded counts, got "
                    + included + " and " + excluded);
        }
        EnumMap<ClassStatus, Integer> copy = new EnumMap<>(ClassStatus.class);
        excluded.forEach((status, count) -> {
            if (count == null || count < 0) {
                throw new IllegalArgumentException("excluded count for " + status + " is " + count);
            }
            if (count > 0) {
                copy.put(status, count);
            }
        });
        excluded = Collections.unmodifiableMap(copy);
    }

    /** Number of volumes left out of the mean. */
    public int excludedCount() {
        int n = 0;
        for (int count : excluded.values()) {
            n += count;
        }
        return n;
    }

    /** Whether at least one volume was averaged, i.e. whether {@link #mean()} is a number. */
    public boolean hasMean() {
        return included > 0;
    }
}
