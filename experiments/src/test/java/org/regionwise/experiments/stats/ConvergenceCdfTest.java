package org.regionwise.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ConvergenceCdfTest {

    @Test
    void handExample() {
        ConvergenceCdf cdf = new ConvergenceCdf(new double[] {0.8, 0.6, 0.8, 0.9});
        assertEquals(4, cdf.models());
        assertEquals(0.0, cdf.evaluate(0.5));
        assertEquals(0.25, cdf.evaluate(0.6), "F counts Dice <= x: the step is at x itself");
        assertEquals(0.25, cdf.evaluate(0.7));
        assertEquals(0.75, cdf.evaluate(0.8));
        assertEquals(1.0, cdf.evaluate(0.9));
        assertEquals(1.0, cdf.evaluate(1.0));
        assertEquals(List.of(new ConvergenceCdf.Point(0.6, 0.25), new ConvergenceCdf.Point(0.8, 0.75),
                new ConvergenceCdf.Point(0.9, 1.0)), cdf.points());
    }

    @Test
    void rejectsMissingEmptyAndNonFiniteValues() {
        assertThrows(IllegalArgumentException.class, () -> new ConvergenceCdf(null));
        assertThrows(IllegalArgumentException.class, () -> new ConvergenceCdf(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new ConvergenceCdf(new double[] {0.5, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new ConvergenceCdf(new double[] {Double.NEGATIVE_INFINITY}));
        assertThrows(IllegalArgumentException.class, () -> new ConvergenceCdf(new double[] {0.5}).evaluate(Double.NaN));
    }

    @Property(tries = 200)
    void evaluateIsTheFractionAtMostXAndPointsTraceIt(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 20) Integer> twentieths,
            @ForAll @DoubleRange(min = -0.1, max = 1.1) double x) {
        // Values on a coarse grid so that ties occur.
        double[] dice = twentieths.stream().mapToDouble(t -> t / 20.0).toArray();
        ConvergenceCdf cdf = new ConvergenceCdf(dice);
        long atMost = twentieths.stream().filter(t -> t / 20.0 <= x).count();
        assertEquals((double) atMost / dice.length, cdf.evaluate(x));

        List<ConvergenceCdf.Point> points = cdf.points();
        assertEquals(1.0, points.get(points.size() - 1).fraction());
        for (int i = 0; i < points.size(); i++) {
            ConvergenceCdf.Point p = points.get(i);
            assertEquals(cdf.evaluate(p.dice()), p.fraction(), "a point is F at its Dice");
            assertTrue(i == 0 || points.get(i - 1).dice() < p.dice(), "points sorted and unique");
            double justBelow = Math.nextDown(p.dice());
            double before = i == 0 ? 0.0 : points.get(i - 1).fraction();
            assertEquals(before, cdf.evaluate(justBelow), "F is flat between points");
        }
    }
}
