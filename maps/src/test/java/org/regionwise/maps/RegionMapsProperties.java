package org.regionwise.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class RegionMapsProperties {

    @Provide
    Arbitrary<Generated.LabelCase> labelImages() {
        return Generated.anyLabels(Generated.grids(12, 6), 1, 5);
    }

    @Provide
    Arbitrary<Generated.LabelCase> multiClassImages() {
        return Generated.labels(Generated.grids(10, 5), 3, 5);
    }

    @Property(tries = 200)
    void rrwIsRectifiedWithTrueClassValuesInMinusOneToZero(@ForAll("labelImages") Generated.LabelCase l) {
        float[] z = RegionMaps.compute(MapKind.RRW, l.labels(), l.grid(), l.classes(), MapOptions.defaults().withThreads(2));
        assertTrue(RegionMaps.isRectified(z, l.labels(), l.classes()));
        int n = l.labels().length;
        for (int i = 0; i < n; i++) {
            float trueValue = z[l.labels()[i] * n + i];
            assertTrue(trueValue >= -1 && trueValue < 0, "true-class value " + trueValue + " at voxel " + i);
            for (int k = 0; k < l.classes(); k++) {
                if (k != l.labels()[i]) {
                    assertEquals(1f, z[k * n + i]);
                }
            }
        }
    }

    @Property(tries = 200)
    void rrwEqualsItsDefinitionOverBruteForceDistances(@ForAll("labelImages") Generated.LabelCase l) {
        float[] z = RegionMaps.compute(MapKind.RRW, l.labels(), l.grid(), l.classes(), MapOptions.defaults());
        assertClose(ReferenceMaps.rrw(l.labels(), l.grid(), l.classes(), RrwMaps.plain(l.classes())), z);
    }

    @Property(tries = 200)
    void classWeightedRrwIsRectifiedForAnyNonNegativeWeights(
            @ForAll("labelImages") Generated.LabelCase l,
            @ForAll("weightVectors") float[] weights) {
        float[] w = java.util.Arrays.copyOf(weights, l.classes());
        float[] z = RegionMaps.compute(MapKind.RRW_WEIGHTED, l.labels(), l.grid(), l.classes(),
                MapOptions.defaults().withClassWeights(w));
        assertTrue(RegionMaps.isRectified(z, l.labels(), l.classes()));
        assertClose(ReferenceMaps.rrw(l.labels(), l.grid(), l.classes(), RrwMaps.classWeighted(w)), z);
    }

    @Provide
    Arbitrary<float[]> weightVectors() {
        return Arbitraries.floats().between(0, 100).ofScale(2).array(float[].class).ofSize(5);
    }

    @Property(tries = 150)
    void channelWeightedVariantIsNeverRectifiedForThreeOrMoreClassesWithDistinctWeights(
            @ForAll("multiClassImages") Generated.LabelCase l) {
        float[] w = new float[l.classes()];
        for (int k = 0; k < w.length; k++) {
            w[k] = 1 + k; // pairwise distinct
        }
        float[] z = ChannelWeightedRrw.compute(l.labels(), l.grid(), l.classes(), w, 1);
        // Every voxel has at least two other-class channels, holding different weights.
        assertTrue(!RegionMaps.isRectified(z, l.labels(), l.classes()));
    }

    @Property(tries = 150)
    void boundaryMapsEqualTheirDefinitions(@ForAll("labelImages") Generated.LabelCase l) {
        MapOptions o = MapOptions.defaults();
        assertClose(ReferenceMaps.boundary(l.labels(), l.grid(), l.classes(), 0),
                RegionMaps.compute(MapKind.BOUNDARY, l.labels(), l.grid(), l.classes(), o));
        assertClose(ReferenceMaps.boundary(l.labels(), l.grid(), l.classes(), 1),
                RegionMaps.compute(MapKind.BOUNDARY_KERVADEC, l.labels(), l.grid(), l.classes(), o));
    }

    @Property(tries = 150)
    void hdMapEqualsItsDefinition(@ForAll("labelImages") Generated.LabelCase l,
                                  @ForAll("alphas") double alpha) {
        float[] z = RegionMaps.compute(MapKind.HD, l.labels(), l.grid(), l.classes(),
                MapOptions.defaults().withHdAlpha(alpha));
        assertClose(ReferenceMaps.hd(l.labels(), l.grid(), l.classes(), alpha), z);
    }

    @Provide
    Arbitrary<Double> alphas() {
        return Arbitraries.of(0.0, 0.5, 1.0, 2.0, 3.0);
    }

    @Property(tries = 100)
    void acAndCaoAreAffineInTheOneHotLabel(@ForAll("labelImages") Generated.LabelCase l) {
        float[] ac = RegionMaps.compute(MapKind.AC, l.labels(), l.grid(), l.classes(), null);
        float[] cao = RegionMaps.compute(MapKind.CAO, l.labels(), l.grid(), l.classes(), null);
        int n = l.labels().length;
        for (int k = 0; k < l.classes(); k++) {
            for (int i = 0; i < n; i++) {
                float y = l.labels()[i] == k ? 1 : 0;
                assertEquals(1 - y, ac[k * n + i]);
                assertEquals(1 - 2 * y, cao[k * n + i]);
            }
        }
        assertTrue(RegionMaps.isRectified(ac, l.labels(), l.classes()));
        assertTrue(RegionMaps.isRectified(cao, l.labels(), l.classes()));
    }

    @Property(tries = 100)
    void mapsDoNotDependOnThreadCount(@ForAll("labelImages") Generated.LabelCase l,
                                      @ForAll MapKind kind, @ForAll @IntRange(min = 2, max = 5) int threads) {
        MapOptions one = MapOptions.defaults().withClassWeights(weights(l.classes())).withThreads(1);
        float[] a = RegionMaps.compute(kind, l.labels(), l.grid(), l.classes(), one);
        float[] b = RegionMaps.compute(kind, l.labels(), l.grid(), l.classes(), one.withThreads(threads));
        assertArrayEquals(a, b);
    }

    static float[] weights(int classes) {
        float[] w = new float[classes];
        for (int k = 0; k < classes; k++) {
            w[k] = 0.5f + k;
        }
        return w;
    }

    static void assertClose(double[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < actual.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5 * Math.max(1, Math.abs(expected[i])), "component " + i);
        }
    }
}
