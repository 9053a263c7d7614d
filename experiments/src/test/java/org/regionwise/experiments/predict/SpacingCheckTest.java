package org.regionwise.experiments.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.regionwise.experiments.data.SliceAxis;

/** The spacing check compares the slice's own in-plane axes, in (x, y) = (columns, rows) order, and says what it does. */
class SpacingCheckTest {

    @Test
    void eachSlicingAxisComparesItsInPlaneAxes() {
        double[] image = {0.5, 0.8, 3}; // x, y, z
        SpacingCheck z = SpacingCheck.of(SliceAxis.Z, image, new double[] {0.8, 0.5}); // training (rows, columns)
        assertEquals(List.of("x", "y"), z.axes());
        assertArrayEquals(new double[] {0.5, 0.8}, z.image(), 0);
        assertFalse(z.resamples());
        assertTrue(z.describe().endsWith("as trained: not resampled"), z.describe());

        SpacingCheck y = SpacingCheck.of(SliceAxis.Y, image, new double[] {1.5, 0.5});
        assertEquals(List.of("x", "z"), y.axes());
        assertArrayEquals(new double[] {0.5, 3}, y.image(), 0);
        assertEquals(1.0, y.deviation(), 1e-12); // z: 3 mm against 1.5 mm
        assertTrue(y.describe().contains("image 0.5x3 mm (x, z), model trained at 0.5x1.5 mm (100% apart)"), y.describe());

        SpacingCheck x = SpacingCheck.of(SliceAxis.X, image, new double[] {3, 0.8});
        assertEquals(List.of("y", "z"), x.axes());
        assertArrayEquals(new double[] {0.8, 3}, x.image(), 0);
        assertFalse(x.resamples());
    }
}
