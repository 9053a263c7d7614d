package org.regionwise.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BoundariesTest {

    /** A plus sign: its centre touches the background only at its corners. */
    private static final String PLUS = """
            .....
            ..#..
            .###.
            ..#..
            .....""";

    @Test
    void plusCentreIsInteriorWithFourButBoundaryWithEight() {
        boolean[] mask = parse(PLUS);
        Grid grid = Grid.of(5, 5);
        assertEquals("""
                .....
                ..#..
                .#.#.
                ..#..
                .....""", render(Boundaries.surface(mask, grid, Connectivity.FOUR), 5));
        assertEquals(PLUS, render(Boundaries.surface(mask, grid, Connectivity.EIGHT), 5));
    }

    @Test
    void squareRimIsTheSameForBothButThickerShapesDiffer() {
        // A 4x4 block: the inner 2x2 voxels have all 8 neighbours inside, so 4 and 8 agree.
        String block = """
                ......
                .####.
                .####.
                .####.
                .####.
                ......""";
        String rim = """
                ......
                .####.
                .#..#.
                .#..#.
                .####.
                ......""";
        Grid grid = Grid.of(6, 6);
        assertEquals(rim, render(Boundaries.surface(parse(block), grid, Connectivity.FOUR), 6));
        assertEquals(rim, render(Boundaries.surface(parse(block), grid, Connectivity.EIGHT), 6));
    }

    @Test
    void crossCentreIsInteriorWithSixButBoundaryWithEighteenAndTwentySix() {
        Grid grid = Grid.of(3, 3, 3);
        boolean[] cross = new boolean[27];
        int centre = 13;
        cross[centre] = true;
        for (int step : new int[] {1, 3, 9}) {
            cross[centre - step] = true;
            cross[centre + step] = true;
        }
        assertFalse(Boundaries.surface(cross, grid, Connectivity.SIX)[centre]);
        assertTrue(Boundaries.surface(cross, grid, Connectivity.EIGHTEEN)[centre]);
        assertTrue(Boundaries.surface(cross, grid, Connectivity.TWENTY_SIX)[centre]);
    }

    @Test
    void cubeWithoutCornersSeparatesEighteenFromTwentySix() {
        Grid grid = Grid.of(3, 3, 3);
        boolean[] mask = new boolean[27];
        Arrays.fill(mask, true);
        for (int corner : new int[] {0, 2, 6, 8, 18, 20, 24, 26}) {
            mask[corner] = false;
        }
        int centre = 13;
        assertFalse(Boundaries.surface(mask, grid, Connectivity.SIX)[centre]);
        assertFalse(Boundaries.surface(mask, grid, Connectivity.EIGHTEEN)[centre]);
        assertTrue(Boundaries.surface(mask, grid, Connectivity.TWENTY_SIX)[centre]);
    }

    @Test
    void arrayEdgeCountsAsBackgroundUnlessToldOtherwise() {
        boolean[] full = new boolean[9];
        Arrays.fill(full, true);
        Grid grid = Grid.of(3, 3);
        boolean[] withEdge = Boundaries.surface(full, grid, Connectivity.FOUR);
        boolean[] expected = full.clone();
        expected[4] = false;
        assertArrayEquals(expected, withEdge);
        assertArrayEquals(new boolean[9], Boundaries.surface(full, grid, Connectivity.FOUR, false));
    }

    @Test
    void connectivityMustMatchTheGrid() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Boundaries.surface(new boolean[8], Grid.of(2, 2, 2), Connectivity.EIGHT));
        assertTrue(e.getMessage().contains("2D"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Boundaries.surface(new boolean[5], Grid.of(2, 2), Connectivity.FOUR));
        assertEquals(Connectivity.TWENTY_SIX, Connectivity.of(26));
        assertThrows(IllegalArgumentException.class, () -> Connectivity.of(5));
    }

    static boolean[] parse(String picture) {
        String flat = picture.replace("\n", "");
        boolean[] mask = new boolean[flat.length()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = flat.charAt(i) == '#';
        }
        return mask;
    }

    static String render(boolean[] mask, int width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < mask.length; i++) {
            if (i > 0 && i % width == 0) {
                sb.append('\n');
            }
            sb.append(mask[i] ? '#' : '.');
        }
        return sb.toString();
    }
}
