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

    /**
     * Label images made of a few axis-aligned boxes painted over class 0, later boxes on top: compact
     * structures that leave most of the image to one class, as real segmentations do (and as the
     * bounding-box cropping of the inside distances needs to be tested on).
     */
    static Arbitrary<LabelCase> boxLabels(Arbitrary<Grid> grids, int minClasses, int maxClasses) {
        return Combinators.combine(grids, Arbitraries.integers().between(minClasses, maxClasses))
                .flatAs((grid, classes) -> Arbitraries.integers().between(0, 1 << 20)
                        .list().ofMinSize(1).ofMaxSize(4)
                        .map(seeds -> new LabelCase(grid, paintBoxes(grid, classes, seeds), classes)));
    }

    /** Each seed picks a box (corners modulo the extents) and a class. */
    private static int[] paintBoxes(Grid grid, int classes, java.util.List<Integer> seeds) {
        int[] dims = grid.rank() == 3 ? grid.dims() : new int[] {1, grid.dim(0), grid.dim(1)};
        int[] labels = new int[grid.size()];
        for (int seed : seeds) {
            java.util.Random random = new java.util.Random(seed);
            int[] lo = new int[3];
            int[] hi = new int[3];
            for (int a = 0; a < 3; a++) {
                int x = random.nextInt(dims[a]);
                int y = random.nextInt(dims[a]);
                lo[a] = Math.min(x, y);
                hi[a] = Math.max(x, y);
            }
            int c = random.nextInt(classes);
            for (int d = lo[0]; d <= hi[0]; d++) {
                for (int h = lo[1]; h <= hi[1]; h++) {
                    for (int w = lo[2]; w <= hi[2]; w++) {
                        labels[(d * dims[1] + h) * dims[2] + w] = c;
                    }
                }
            }
        }
        return labels;
    }

    /** Random-per-voxel labels or painted boxes, half and half. */
    static Arbitrary<LabelCase> anyLabels(Arbitrary<Grid> grids, int minClasses, int maxClasses) {
        return Arbitraries.oneOf(labels(grids, minClasses, maxClasses), boxLabels(grids, minClasses, maxClasses));
    }
}
