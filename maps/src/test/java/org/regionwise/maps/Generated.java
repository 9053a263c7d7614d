package org.regionwise.maps;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of the property tests: small grids with random spacing, masks and label images. */
final class Generated {

    /** A mask on its grid. */
    record MaskCase(Grid grid, boolean[] mask) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(grid.toString()).append(" mask=");
            for (boolean b : mask) {
                sb.append(b ? '1' : '0');
            }
            return sb.toString();
        }
    }

    /** A label image on its grid, with its class count. */
    record LabelCase(Grid grid, int[] labels, int classes) {
        @Override
        public String toString() {
            return grid + " classes=" + classes + " labels=" + Arrays.toString(labels);
        }
    }

    private Generated() {
    }

    static Arbitrary<Double> spacing() {
        return Arbitraries.doubles().between(0.25, 4.0).ofScale(3);
    }

    static Arbitrary<Grid> grids2d(int maxDim) {
        Arbitrary<Integer> dim = Arbitraries.integers().between(1, maxDim);
        return Combinators.combine(dim, dim, spacing(), spacing())
                .as((h, w, sh, sw) -> new Grid(new int[] {h, w}, new double[] {sh, sw}));
    }

    static Arbitrary<Grid> grids3d(int maxDim) {
        Arbitrary<Integer> dim = Arbitraries.integers().between(1, maxDim);
        return Combinators.combine(dim, dim, dim, spacing(), spacing(), spacing())
                .as((d, h, w, sd, sh, sw) -> new Grid(new int[] {d, h, w}, new double[] {sd, sh, sw}));
    }

    static Arbitrary<Grid> grids(int maxDim2d, int maxDim3d) {
        return Arbitraries.oneOf(grids2d(maxDim2d), grids3d(maxDim3d));
    }

    /**
     * Masks of every density: each voxel draws a level 0..9 and is {@code true} below a drawn
     * threshold 0..10 (0: empty, 10: full). Both shrink toward a full mask.
     */
    static Arbitrary<MaskCase> masks(Arbitrary<Grid> grids) {
        return grids.flatMap(grid -> Combinators.combine(
                        Arbitraries.integers().between(0, 9).array(int[].class).ofSize(grid.size()),
                        Arbitraries.integers().between(0, 10))
                .as((levels, threshold) -> {
                    boolean[] mask = new boolean[levels.length];
                    for (int i = 0; i < levels.length; i++) {
                        mask[i] = levels[i] < threshold;
                    }
                    return new MaskCase(grid, mask);
                }));
    }

    /** Label images with 1..maxClasses classes; labels shrink toward 0 (one class filling the image). */
    static Arbitrary<LabelCase> labels(Arbitrary<Grid> grids, int minClasses, int maxClasses) {
        return Combinators.combine(grids, Arbitraries.integers().between(minClasses, maxClasses))
                .flatAs((grid, classes) -> Arbitraries.integers().between(0, classes - 1)
                        .array(int[].class).ofSize(grid.size())
                        .map(labels -> new LabelCase(grid, labels, classes)));
    }
}
