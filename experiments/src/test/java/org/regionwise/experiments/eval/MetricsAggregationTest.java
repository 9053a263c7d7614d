package org.regionwise.experiments.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regionwise.maps.Connectivity;
import org.regionwise.maps.Grid;

class MetricsAggregationTest {

    private static final Grid GRID = Grid.of(4, 4);

    private static ClassMetrics ok(int c, double dice, double hd) {
        return new ClassMetrics(c, ClassStatus.OK, 5, 6, dice, hd, hd * 0.9, hd * 0.8, hd * 0.3, hd * 0.35);
    }

    private static VolumeMetrics volume(ClassMetrics foreground) {
        return new VolumeMetrics(GRID, Connectivity.FOUR, List.of(ok(0, 0.99, 1.0), foreground));
    }

    @Test
    void undefinedValuesAreLeftOutAndCountedByStatus() {
        List<VolumeMetrics> volumes = List.of(
                volume(ok(1, 0.8, 2.0)),
                volume(ok(1, 0.6, 4.0)),
                volume(ClassMetrics.withoutDistances(1, 0, 7)),
                volume(ClassMetrics.withoutDistances(1, 0, 0)));
        List<ClassSummary> summaries = MetricsAggregation.perClass(volumes);
        assertEquals(2, summaries.size());
        ClassSummary c1 = summaries.get(1);
        assertEquals(1, c1.classIndex());
        assertEquals(4, c1.volumes());
        assertEquals(Map.of(ClassStatus.OK, 2, ClassStatus.PREDICTION_EMPTY, 1, ClassStatus.BOTH_EMPTY, 1), c1.statuses());

        // Dice: 0.8, 0.6 and 0 (missed) averaged; both-empty left out.
        MetricSummary dice = c1.get(Metric.DICE);
        assertEquals(1.4 / 3, dice.mean(), 1e-15);
        assertEquals(3, dice.included());
        assertEquals(Map.of(ClassStatus.BOTH_EMPTY, 1), dice.excluded());
        assertEquals(1, dice.excludedCount());
        // Sample standard deviation of (0.8, 0.6, 0): mean 0.4667, squares 0.1111 + 0.0178 + 0.2178.
        double m = 1.4 / 3;
        double expectedStd = Math.sqrt(((0.8 - m) * (0.8 - m) + (0.6 - m) * (0.6 - m) + m * m) / 2);
        assertEquals(expectedStd, dice.standardDeviation(), 1e-15);

        // HD: only the two OK volumes.
        MetricSummary hd = c1.get(Metric.HAUSDORFF);
        assertEquals(3.0, hd.mean(), 1e-15);
        assertEquals(2, hd.included());
        assertEquals(Map.of(ClassStatus.PREDICTION_EMPTY, 1, ClassStatus.BOTH_EMPTY, 1), hd.excluded());
        assertEquals(Math.sqrt(2.0), hd.standardDeviation(), 1e-15);
        assertEquals(2.7, c1.get(Metric.HD95_POOLED).mean(), 1e-12);

        // Background: all four defined, nothing excluded.
        assertEquals(0, summaries.get(0).get(Metric.HAUSDORFF).excludedCount());
        assertEquals(4, summaries.get(0).get(Metric.HAUSDORFF).included());
    }

    @Test
    void noDefinedValueGivesNoMeanAndSaysSo() {
        ClassSummary s = MetricsAggregation.summarise(2, List.of(ClassMetrics.withoutDistances(2, 3, 0)));
        MetricSummary hd = s.get(Metric.HAUSDORFF);
        assertFalse(hd.hasMean());
        assertTrue(Double.isNaN(hd.mean()));
        assertEquals(0, hd.included());
        assertEquals(Map.of(ClassStatus.REFERENCE_EMPTY, 1), hd.excluded());
        MetricSummary dice = s.get(Metric.DICE);
        assertTrue(dice.hasMean());
        assertEquals(0.0, dice.mean());
        assertTrue(Double.isNaN(dice.standardDeviation()), "one value has no sample standard deviation");
    }

    @Test
    void rejectsNoVolumesAndMixedClassCounts() {
        assertThrows(IllegalArgumentException.class, () -> MetricsAggregation.perClass(List.of()));
        VolumeMetrics three = new VolumeMetrics(GRID, Connectivity.FOUR,
                List.of(ok(0, 1, 0), ok(1, 1, 0), ok(2, 1, 0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MetricsAggregation.perClass(List.of(volume(ok(1, 0.5, 1)), three)));
        assertTrue(e.getMessage().contains("volume 1 has 3 classes"), e.getMessage());
    }

    @Test
    void recordsRejectValuesTheirStatusForbids() {
        // A NaN distance for an OK class, a number for an empty one, or a status that contradicts
        // the counts would let a silent NaN or an invented score through.
        assertThrows(IllegalArgumentException.class,
                () -> new ClassMetrics(1, ClassStatus.OK, 1, 1, 1, Double.NaN, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new ClassMetrics(1, ClassStatus.PREDICTION_EMPTY, 0, 1, 0, 3.0, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> new ClassMetrics(1, ClassStatus.OK, 0, 1, 0, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new ClassMetrics(1, ClassStatus.BOTH_EMPTY, 0, 0, 1.0, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> new VolumeMetrics(GRID, Connectivity.FOUR, List.of(ok(1, 1, 0))));
    }
}
