package org.regionwise.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IntensityWindowTest {

    @Test
    void percentileWindowIgnoresOutliersAndNonFiniteValues() {
        float[] image = new float[1001];
        for (int i = 0; i < 1000; i++) {
            image[i] = i;
        }
        image[1000] = Float.NaN;
        IntensityWindow w = IntensityWindow.percentiles(image, 1, 99);
        assertEquals(10, w.low(), 1);
        assertEquals(989, w.high(), 1);
        assertEquals(0, w.grey(-5));
        assertEquals(255, w.grey(5000));
        assertEquals(0, w.grey(Double.NaN));
        assertEquals(128, w.grey((w.low() + w.high()) / 2), 1);
    }

    @Test
    void aConstantImageGetsAUnitWindowAroundItsValue() {
        IntensityWindow w = IntensityWindow.of(new float[] {3, 3, 3});
        assertEquals(2.5, w.low());
        assertEquals(3.5, w.high());
    }

    @Test
    void rejectsEmptyRanges() {
        assertThrows(IllegalArgumentException.class, () -> new IntensityWindow(1, 1));
        assertThrows(IllegalArgumentException.class, () -> IntensityWindow.of(new float[] {Float.NaN}));
        assertThrows(IllegalArgumentException.class, () -> IntensityWindow.percentiles(new float[] {1}, 50, 50));
    }
}
