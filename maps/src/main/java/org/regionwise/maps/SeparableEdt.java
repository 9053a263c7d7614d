package org.regionwise.maps;

/**
 * The exact Euclidean distance transform as one pass per axis (the separable formulation of
 * Felzenszwalb and Huttenlocher): squared distances along the fastest axis first, then each further
 * axis folds the squared distances so far through a {@link LowerEnvelope}. Linear time; each pass is
 * split over lines with {@link ParallelRange}.
 *
 * <p>Strided axes are processed in tiles of {@value #TILE} neighbouring lines, copied into a small
 * contiguous buffer, so every cache line read from the image is used in full.
 */
final class SeparableEdt {

    /** Lines per tile on strided axes: 16 floats fill one 64-byte cache line. */
    static final int TILE = 16;

    private SeparableEdt() {
    }

    /**
     * Transforms the first {@code grid.size()} entries of {@code field} in place (a longer array is a
     * reusable buffer; the rest is left alone). On entry every entry is 0 (a site: a voxel we measure
     * distances to) or {@code +Infinity} (a voxel whose distance we want). On exit each entry is the
     * squared Euclidean distance, in spacing units, to the nearest site ({@code root}: the distance
     * itself); everything is {@code +Infinity} when there is no site.
     */
    static void transformInPlace(float[] field, Grid grid, int threads, boolean root) {
        int rank = grid.rank();
        int last = rank - 1;
        scanFastestAxis(field, grid.size() / grid.dim(last), grid.dim(last), grid.spacing(last), threads);
        for (int axis = last - 1; axis >= 0; axis--) {
            envelopePass(field, grid, axis, threads, root && axis == 0);
        }
    }

    /**
     * Fastest axis: with only 0 and infinity as input, the distance along a row is the gap to the
     * nearest zero on either side, found by one scan each way.
     */
    private static void scanFastestAxis(float[] f, int rows, int width, double spacing, int threads) {
        ParallelRange.forRange(rows, threads, (from, to) -> {
            for (int row = from; row < to; row++) {
                int base = row * width;
                int lastZero = -1;
                for (int i = 0; i < width; i++) {
                    if (f[base + i] == 0) {
                        lastZero = i;
                    } else {
                        f[base + i] = lastZero < 0 ? Float.POSITIVE_INFINITY : i - lastZero;
                    }
                }
                int nextZero = -1;
                for (int i = width - 1; i >= 0; i--) {
                    float gap = f[base + i];
                    if (gap == 0) {
                        nextZero = i;
                        continue;
                    }
                    if (nextZero >= 0 && nextZero - i < gap) {
                        gap = nextZero - i;
                    }
                    double d = gap * spacing;
                    f[base + i] = (float) (d * d);
                }
            }
        });
    }

    private static void envelopePass(float[] f, Grid grid, int axis, int threads, boolean root) {
        int n = grid.dim(axis);
        int stride = 1;
        for (int a = axis + 1; a < grid.rank(); a++) {
            stride *= grid.dim(a);
        }
        int outer = grid.size() / (n * stride);
        int tileWidth = Math.min(TILE, stride);
        int tilesPerPlane = ParallelRange.ceilDiv(stride, tileWidth);
        double spacingSquared = grid.spacing(axis) * grid.spacing(axis);
        int planeStride = stride;
        ParallelRange.forRange(outer * tilesPerPlane, threads, (from, to) -> {
            float[] tile = new float[tileWidth * n];
            LowerEnvelope envelope = new LowerEnvelope(n);
            for (int item = from; item < to; item++) {
                int o = item / tilesPerPlane;
                int j0 = (item % tilesPerPlane) * tileWidth;
                int width = Math.min(tileWidth, planeStride - j0);
                int base = o * n * planeStride + j0;
                boolean anyDistance = false;
                for (int i = 0; i < n; i++) {
                    int row = base + i * planeStride;
                    for (int t = 0; t < width; t++) {
                        float v = f[row + t];
                        tile[t * n + i] = v;
                        anyDistance |= v != 0;
                    }
                }
                if (!anyDistance) {
                    // Lines of sites only (far outside the structure, the common case for small
                    // classes) stay 0, and the root of 0 is 0: nothing to do.
                    continue;
                }
                for (int t = 0; t < width; t++) {
                    envelope.transformInPlace(tile, t * n, n, spacingSquared, root);
                }
                for (int i = 0; i < n; i++) {
                    int row = base + i * planeStride;
                    for (int t = 0; t < width; t++) {
                        f[row + t] = tile[t * n + i];
                    }
                }
            }
        });
    }
}
