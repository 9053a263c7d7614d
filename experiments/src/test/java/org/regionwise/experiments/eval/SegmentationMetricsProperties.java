package org.regionwise.experiments.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.regionwise.maps.Connectivity;
import org.regionwise.maps.Grid;

/**
 * Properties of the metrics on random small masks with random anisotropic spacing, and agreement with
 * the brute-force twin ({@link BruteForceMetrics}) to 1e-4 mm. jqwik's edge cases are off: combined
 * over grids and two masks they would crowd out the random cases (mostly empty masks, which
 * {@link SegmentationMetricsTest} covers one by one); the mask generator still draws empty and full
 * masks about one time in eleven each.
 */
class SegmentationMetricsProperties {

    private static final double MM = 1e-4;

    /** Two masks on one grid, with a connectivity of the grid's rank. */
    record Pair(Grid grid, boolean[] prediction, boolean[] reference, Connectivity connectivity) {
        @Override
        public String toString() {
            return grid + " " + connectivity + " pred=" + bits(prediction) + " ref=" + bits(reference);
        }

        private static String bits(boolean[] m) {
            StringBuilder sb = new StringBuilder();
            for (boolean b : m) {
                sb.append(b ? '1' : '0');
            }
            return sb.toString();
        }
    }

    @Provide
    Arbitrary<Pair> pairs() {
        Arbitrary<Double> spacing = Arbitraries.doubles().between(0.25, 4.0).ofScale(3);
        Arbitrary<Integer> dim2 = Arbitraries.integers().between(1, 12);
        Arbitrary<Integer> dim3 = Arbitraries.integers().between(1, 6);
        Arbitrary<Grid> grids2 = Combinators.combine(dim2, dim2, spacing, spacing)
                .as((h, w, sh, sw) -> new Grid(new int[] {h, w}, new double[] {sh, sw}));
        Arbitrary<Grid> grids3 = Combinators.combine(dim3, dim3, dim3, spacing, spacing, spacing)
                .as((d, h, w, sd, sh, sw) -> new Grid(new int[] {d, h, w}, new double[] {sd, sh, sw}));
        return Arbitraries.oneOf(grids2, grids3).flatMap(grid -> Combinators.combine(
                        masks(grid.size()), masks(grid.size()),
                        Arbitraries.of(grid.rank() == 2
                                ? new Connectivity[] {Connectivity.FOUR, Connectivity.EIGHT}
                                : new Connectivity[] {Connectivity.SIX, Connectivity.EIGHTEEN, Connectivity.TWENTY_SIX}))
                .as((p, r, c) -> new Pair(grid, p, r, c)));
    }

    /** Masks of every density, from empty to full: each voxel is set below a drawn threshold. */
    private static Arbitrary<boolean[]> masks(int size) {
        return Combinators.combine(Arbitraries.integers().between(0, 9).array(int[].class).ofSize(size),
                        Arbitraries.integers().between(0, 10))
                .as((levels, threshold) -> {
                    boolean[] m = new boolean[size];
                    for (int i = 0; i < size; i++) {
                        m[i] = levels[i] < threshold;
                    }
                    return m;
                });
    }

    private static ClassMetrics metrics(Pair p) {
        return SegmentationMetrics.compare(1, p.prediction(), p.reference(), p.grid(), p.connectivity());
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void agreesWithTheBruteForceTwin(@ForAll("pairs") Pair p) {
        ClassMetrics m = metrics(p);
        if (m.status() != ClassStatus.OK) {
            return;
        }
        double[] expected = BruteForceMetrics.of(p.prediction(), p.reference(), p.grid(), p.connectivity());
        assertEquals(expected[0], m.dice(), 1e-12, "dice");
        Metric[] order = {Metric.HAUSDORFF, Metric.HD95_POOLED, Metric.HD95, Metric.ASSD, Metric.ASSD_POOLED};
        for (int k = 0; k < order.length; k++) {
            assertEquals(expected[k + 1], m.get(order[k]), MM, order[k].jsonName());
        }
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void statusFollowsTheCountsAndDiceIsSymmetricInZeroOne(@ForAll("pairs") Pair p) {
        ClassMetrics m = metrics(p);
        ClassMetrics swapped = SegmentationMetrics.compare(1, p.reference(), p.prediction(), p.grid(), p.connectivity());
        assertEquals(ClassStatus.of(m.predictionVoxels(), m.referenceVoxels()), m.status());
        if (m.status() == ClassStatus.BOTH_EMPTY) {
            assertTrue(Double.isNaN(m.dice()) && Double.isNaN(swapped.dice()));
            return;
        }
        assertTrue(m.dice() >= 0 && m.dice() <= 1, "dice " + m.dice());
        assertEquals(m.dice(), swapped.dice(), 1e-15);
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void distancesAreSymmetricAndBoundedByHausdorff(@ForAll("pairs") Pair p) {
        ClassMetrics m = metrics(p);
        if (m.status() != ClassStatus.OK) {
            return;
        }
        ClassMetrics swapped = SegmentationMetrics.compare(1, p.reference(), p.prediction(), p.grid(), p.connectivity());
        for (Metric metric : Metric.values()) {
            // The sums run in another order when swapped: equal up to rounding.
            assertEquals(m.get(metric), swapped.get(metric), 1e-12, metric.jsonName() + " must be symmetric");
        }
        double hd = m.hausdorff();
        assertTrue(m.hd95Pooled() <= hd + 1e-12, "pooled HD95 " + m.hd95Pooled() + " > HD " + hd);
        assertTrue(m.hd95() <= hd + 1e-12, "directed HD95 " + m.hd95() + " > HD " + hd);
        assertTrue(m.assd() <= hd + 1e-12 && m.assdPooled() <= hd + 1e-12, "an average exceeds the maximum");
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void identicalMasksScorePerfectly(@ForAll("pairs") Pair p) {
        ClassMetrics m = SegmentationMetrics.compare(1, p.reference(), p.reference().clone(), p.grid(), p.connectivity());
        if (m.status() == ClassStatus.BOTH_EMPTY) {
            return;
        }
        assertEquals(1.0, m.dice());
        for (Metric metric : new Metric[] {Metric.HAUSDORFF, Metric.HD95_POOLED, Metric.HD95, Metric.ASSD,
                Metric.ASSD_POOLED}) {
            assertEquals(0.0, m.get(metric), metric.jsonName());
        }
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void paddingWithBackgroundChangesNothing(@ForAll("pairs") Pair p) {
        // The outside of the array counts as background, and the metrics crop to the masks' box: so
        // a margin of background around the volume must leave every value as it was.
        Grid grid = p.grid();
        int[] dims = grid.dims();
        int[] padded = dims.clone();
        for (int a = 0; a < padded.length; a++) {
            padded[a] += 3;
        }
        Grid big = new Grid(padded, grid.spacing());
        ClassMetrics small = metrics(p);
        ClassMetrics large = SegmentationMetrics.compare(1, pad(p.prediction(), grid, big), pad(p.reference(), grid, big),
                big, p.connectivity());
        assertEquals(small.status(), large.status());
        for (Metric metric : Metric.values()) {
            assertEquals(small.get(metric), large.get(metric), 1e-9, metric.jsonName());
        }
    }

    /** The mask placed at offset 1 along every axis of the bigger grid. */
    private static boolean[] pad(boolean[] mask, Grid grid, Grid big) {
        boolean[] out = new boolean[big.size()];
        for (int i = 0; i < mask.length; i++) {
            int[] c = grid.coordinates(i);
            int index = 0;
            for (int a = 0; a < c.length; a++) {
                index = index * big.dim(a) + c[a] + 1;
            }
            out[index] = mask[i];
        }
        return out;
    }
}
