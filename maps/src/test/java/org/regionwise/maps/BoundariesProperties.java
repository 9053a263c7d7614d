package org.regionwise.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BoundariesProperties {

    @Provide
    Arbitrary<Generated.MaskCase> masks() {
        return Generated.masks(Generated.grids(10, 6));
    }

    @Property(tries = 200)
    void moreNeighboursNeverShrinkTheSurfaceAndSurfaceLiesInTheMask(@ForAll("masks") Generated.MaskCase m) {
        Connectivity[] order = m.grid().rank() == 2
                ? new Connectivity[] {Connectivity.FOUR, Connectivity.EIGHT}
                : new Connectivity[] {Connectivity.SIX, Connectivity.EIGHTEEN, Connectivity.TWENTY_SIX};
        boolean[] previous = null;
        for (Connectivity c : order) {
            boolean[] s = Boundaries.surface(m.mask(), m.grid(), c);
            for (int i = 0; i < s.length; i++) {
                assertTrue(!s[i] || m.mask()[i], "surface voxel outside the mask");
                assertTrue(previous == null || !previous[i] || s[i], "surface shrank from fewer to more neighbours");
            }
            previous = s;
        }
    }

    @Property(tries = 200)
    void faceSurfaceIsMaskVoxelsAtDistanceOneFromTheBackground(@ForAll("masks") Generated.MaskCase m) {
        // With unit spacing and the edge as background, the face-connected surface is exactly the
        // set of mask voxels whose edt (padded with background) is 1.
        Grid grid = Grid.of(m.grid().dims());
        boolean[] s = Boundaries.surface(m.mask(), grid, Connectivity.faces(grid.rank()));
        double[] d = paddedEdt(m.mask(), grid);
        for (int i = 0; i < s.length; i++) {
            assertEquals(m.mask()[i] && d[i] == 1.0, s[i], "voxel " + Arrays.toString(grid.coordinates(i)));
        }
    }

    /** Brute-force edt where the outside of the array is background. */
    private static double[] paddedEdt(boolean[] mask, Grid grid) {
        double[] d = BruteForce.edt(mask, grid);
        for (int i = 0; i < mask.length; i++) {
            if (!mask[i]) {
                continue;
            }
            int[] c = grid.coordinates(i);
            for (int a = 0; a < c.length; a++) {
                d[i] = Math.min(d[i], Math.min(c[a] + 1, grid.dim(a) - c[a]));
            }
        }
        return d;
    }
}
