package org.regionwise.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RectifyProperties {

    /** A label image with an arbitrary map over it. */
    record MapCase(Generated.LabelCase image, float[] z) {
        @Override
        public String toString() {
            return image + " z=" + java.util.Arrays.toString(z);
        }
    }

    /** Values from a small set (many ties, the hard case) or anywhere in [-1e3, 1e3]. */
    @Provide
    Arbitrary<MapCase> maps() {
        Arbitrary<Float> value = Arbitraries.oneOf(
                Arbitraries.integers().between(-2, 2).map(Integer::floatValue),
                Arbitraries.floats().between(-1e3f, 1e3f));
        return Generated.labels(Generated.grids(4, 3), 1, 4).flatMap(image -> value
                .array(float[].class).ofSize(image.classes() * image.labels().length)
                .map(z -> new MapCase(image, z)));
    }

    @Property(tries = 300)
    void outputIsRectifiedForAnyMap(@ForAll("maps") MapCase m) {
        float[] r = RegionMaps.rectify(m.z(), m.image().labels(), m.image().classes());
        assertTrue(RegionMaps.isRectified(r, m.image().labels(), m.image().classes()));
    }

    @Property(tries = 300)
    void wrongClassesOnlyRiseToTheirMaximumAndTheTrueClassOnlyFalls(@ForAll("maps") MapCase m) {
        int[] labels = m.image().labels();
        int classes = m.image().classes();
        int n = labels.length;
        float[] z = m.z();
        float[] r = RegionMaps.rectify(z, labels, classes);
        for (int i = 0; i < n; i++) {
            int t = labels[i];
            float max = Float.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                if (k != t) {
                    max = Math.max(max, z[k * n + i]);
                }
            }
            for (int k = 0; k < classes; k++) {
                if (k != t) {
                    assertEquals(max, r[k * n + i]);
                }
            }
            assertTrue(r[t * n + i] <= z[t * n + i]);
            if (z[t * n + i] < max) {
                assertEquals(z[t * n + i], r[t * n + i], "a true value already below every other is kept");
            }
        }
    }

    @Property(tries = 200)
    void isIdempotentAndKeepsRectifiedMaps(@ForAll("maps") MapCase m) {
        int[] labels = m.image().labels();
        int classes = m.image().classes();
        float[] once = RegionMaps.rectify(m.z(), labels, classes);
        assertArrayEquals(once, RegionMaps.rectify(once, labels, classes));
    }

    @Property(tries = 100)
    void keepsEveryRrwMap(@ForAll("labelImages") Generated.LabelCase l) {
        float[] z = RegionMaps.compute(MapKind.RRW, l.labels(), l.grid(), l.classes(), MapOptions.defaults());
        assertArrayEquals(z, RegionMaps.rectify(z, l.labels(), l.classes()));
    }

    @Provide
    Arbitrary<Generated.LabelCase> labelImages() {
        return Generated.labels(Generated.grids(8, 4), 1, 4);
    }

    @Property(tries = 200)
    void constantCeilingVersionPutsTheCeilingOnEveryOtherClass(@ForAll("maps") MapCase m) {
        int[] labels = m.image().labels();
        int classes = m.image().classes();
        int n = labels.length;
        float[] r = RegionMaps.rectify(m.z(), labels, classes, 0.75f);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < classes; k++) {
                float v = r[k * n + i];
                assertTrue(k == labels[i] ? v < 0.75f : v == 0.75f);
            }
        }
    }

    @Example
    void tiedTrueClassGoesJustBelowTheCeiling() {
        // One voxel, true class 1, all components equal: the map carried no signal there.
        float[] r = RegionMaps.rectify(new float[] {2, 2, 2}, new int[] {1}, 3);
        assertArrayEquals(new float[] {2, 2f - 2f / 1024, 2}, r);
        // True class above one other class: others rise to 5, true falls just below.
        float[] s = RegionMaps.rectify(new float[] {5, 3, 1}, new int[] {1}, 3);
        assertArrayEquals(new float[] {5, 3, 5}, s);
        float[] u = RegionMaps.rectify(new float[] {1, 3, 2}, new int[] {1}, 3);
        assertArrayEquals(new float[] {2, 2f - 2f / 1024, 2}, u);
    }

    @Example
    void singleClassIsLeftAlone() {
        assertArrayEquals(new float[] {3, -1}, RegionMaps.rectify(new float[] {3, -1}, new int[] {0, 0}, 1));
    }

    @Example
    void rejectsNonFiniteValuesAndBadLabelsNamingThem() {
        var nan = assertThrows(IllegalArgumentException.class,
                () -> RegionMaps.rectify(new float[] {0, 1, Float.NaN, 2}, new int[] {0, 1}, 2));
        assertTrue(nan.getMessage().contains("class 1") && nan.getMessage().contains("voxel index 0"), nan.getMessage());
        var label = assertThrows(IllegalArgumentException.class,
                () -> RegionMaps.rectify(new float[4], new int[] {0, 2}, 2));
        assertTrue(label.getMessage().contains("label 2") && label.getMessage().contains("index 1"), label.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> RegionMaps.rectify(new float[4], new int[] {0, 1}, 2, Float.POSITIVE_INFINITY));
    }
}
