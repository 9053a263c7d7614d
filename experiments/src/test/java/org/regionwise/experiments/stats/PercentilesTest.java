package org.regionwise.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void handValuesMatchNumpyLinear() {
        // np.percentile([1, 2, 3, 4], 50) == 2.5; np.percentile(np.arange(1, 11), 95) == 9.55
        assertEquals(2.5, Percentiles.linear(new double[] {4, 1, 3, 2}, 50), 1e-15);
        assertEquals(9.55, Percentiles.linear(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 95), 1e-12);
        // np.percentile([0, 1, 1, 5], 95): h = 3 * 0.95 = 2.85 -> 1 + 0.85 * 4 = 4.4
        assertEquals(4.4, Percentiles.linear(new double[] {5, 1, 0, 1}, 95), 1e-12);
    }

    @Test
    void endsAreMinimumAndMaximumAndOneValueIsItself() {
        double[] v = {3, -1, 7, 2};
        assertEquals(-1, Percentiles.linear(v, 0));
        assertEquals(7, Percentiles.linear(v, 100));
        assertEquals(42, Percentiles.linear(new double[] {42}, 95));
        assertArrayEquals(new double[] {3, -1, 7, 2}, v, "input must not be sorted in place");
    }

    @Test
    void rejectsEmptyNaNAndOutOfRangePercent() {
        assertThrows(IllegalArgumentException.class, () -> Percentiles.linear(new double[0], 50));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.linear(null, 50));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.linear(new double[] {1, Double.NaN}, 50));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.linear(new double[] {1}, 100.5));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.linear(new double[] {1}, -1));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.linear(new double[] {1}, Double.NaN));
    }

    @Property(tries = 200)
    void agreesWithCommonsMathR7(@ForAll @Size(min = 1, max = 40) double[] values,
                                 @ForAll @DoubleRange(min = 0.01, max = 100) double percent) {
        // Commons Math's R_7 is the same estimator (it rejects p = 0, hence min 0.01).
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.isFinite(values[i]) ? Math.max(-1e6, Math.min(1e6, values[i])) : 0;
        }
        double expected = new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(values, percent);
        assertEquals(expected, Percentiles.linear(values, percent), 1e-9 * (1 + Math.abs(expected)));
    }
}
