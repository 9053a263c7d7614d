package org.regionwise.maps;

import java.util.Arrays;

/**
 * One-dimensional squared distance transform of a sampled function by the lower envelope of
 * parabolas (Felzenszwalb and Huttenlocher, "Distance Transforms of Sampled Functions", 2012):
 * {@code D(x) = min_q  s^2 (x - q)^2 + f(q)}, linear in the line length.
 *
 * <p>Infinite samples (voxels with no known distance yet) are left out of the envelope instead of
 * standing in as a large finite number, so a line with no finite sample stays exactly infinite and
 * no large constant leaks into the arithmetic. The envelope is built in double precision.
 *
 * <p>Instances hold scratch space for one line at a time: one per thread.
 */
final class LowerEnvelope {
    private final int[] site;       // voxel index of each envelope parabola
    private final float[] height;   // f at that voxel
    private final double[] lifted;  // f(q) + s^2 q^2, the part of the intersection formula that depends on q only
    private final double[] from;    // where each parabola starts to be lowest; from[k+1] is where it stops

    LowerEnvelope(int maxLength) {
        site = new int[maxLength];
        height = new float[maxLength];
        lifted = new double[maxLength];
        from = new double[maxLength + 1];
    }

    /**
     * Replaces {@code a[offset .. offset+n)} by its squared distance transform along the line, with
     * {@code spacingSquared} the squared voxel spacing; with {@code root}, writes the square root.
     */
    void transformInPlace(float[] a, int offset, int n, double spacingSquared, boolean root) {
        int k = -1;
        for (int q = 0; q < n; q++) {
            float fq = a[offset + q];
            if (fq == Float.POSITIVE_INFINITY) {
                continue;
            }
            double liftedQ = fq + spacingSquared * q * (double) q;
            double cross = Double.NEGATIVE_INFINITY;
            while (k >= 0) {
                cross = (liftedQ - lifted[k]) / (2 * spacingSquared * (q - site[k]));
                if (cross > from[k]) {
                    break;
                }
                k--;
            }
            k++;
            site[k] = q;
            height[k] = fq;
            lifted[k] = liftedQ;
            from[k] = k == 0 ? Double.NEGATIVE_INFINITY : cross;
            from[k + 1] = Double.POSITIVE_INFINITY;
        }
        if (k < 0) {
            Arrays.fill(a, offset, offset + n, Float.POSITIVE_INFINITY);
            return;
        }
        int j = 0;
        for (int x = 0; x < n; x++) {
            while (from[j + 1] < x) {
                j++;
            }
            double dx = x - site[j];
            double d = spacingSquared * dx * dx + height[j];
            a[offset + x] = (float) (root ? Math.sqrt(d) : d);
        }
    }
}
