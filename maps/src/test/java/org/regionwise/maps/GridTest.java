package org.regionwise.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GridTest {

    @Test
    void ofGivesUnitSpacingAndRowMajorSize() {
        Grid g = Grid.of(4, 5, 6);
        assertEquals(120, g.size());
        assertEquals(3, g.rank());
        assertArrayEquals(new double[] {1, 1, 1}, g.spacing());
        assertArrayEquals(new int[] {1, 2, 3}, g.coordinates((1 * 5 + 2) * 6 + 3));
    }

    @Test
    void isImmutableAndComparedByContent() {
        int[] dims = {3, 4};
        Grid g = new Grid(dims, new double[] {0.5, 2});
        dims[0] = 99;
        g.dims()[1] = 99;
        assertArrayEquals(new int[] {3, 4}, g.dims());
        assertEquals(new Grid(new int[] {3, 4}, new double[] {0.5, 2}), g);
        assertEquals(new Grid(new int[] {3, 4}, new double[] {0.5, 2}).hashCode(), g.hashCode());
        assertNotEquals(Grid.of(3, 4), g);
    }

    @Test
    void sliceKeepsInPlaneSpacing() {
        Grid g = new Grid(new int[] {7, 3, 4}, new double[] {5, 0.5, 0.25});
        assertEquals(new Grid(new int[] {3, 4}, new double[] {0.5, 0.25}), g.slice());
        assertThrows(IllegalArgumentException.class, () -> Grid.of(3, 4).slice());
    }

    @Test
    void rejectsBadShapesAndSpacingsWithTheValues() {
        var rank = assertThrows(IllegalArgumentException.class, () -> Grid.of(5));
        assertTrue(rank.getMessage().contains("[5]"), rank.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Grid.of(1, 2, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> Grid.of(0, 3));
        var length = assertThrows(IllegalArgumentException.class, () -> new Grid(new int[] {2, 2}, new double[] {1}));
        assertTrue(length.getMessage().contains("[1.0]") && length.getMessage().contains("[2, 2]"), length.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Grid(new int[] {2, 2}, new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> new Grid(new int[] {2, 2}, new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new Grid(new int[] {2, 2}, new double[] {1, 1e12}));
        var big = assertThrows(IllegalArgumentException.class, () -> Grid.of(2000, 2000, 2000));
        assertTrue(big.getMessage().contains("8000000000"), big.getMessage());
    }
}
