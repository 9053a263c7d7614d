package org.regionwise.maps;

/**
 * Rectification of an arbitrary map (SPEC.md section 2), per voxel {@code i} with true class
 * {@code t} and "ceiling" {@code b_i}:
 * <pre>
 *   b_i       = max over k != t of z_ik        (or a constant b supplied by the caller)
 *   z'_ik     = b_i                            for every k != t
 *   z'_it     = min(z_it, b_i - margin(b_i))   margin(b) = 2^-10 * max(1, |b|)
 * </pre>
 * This is the smallest change that makes a map rectified without lowering any wrong-class value:
 * <ul>
 *   <li>wrong-class components only go up (to the largest of them), the true component only goes
 *       down, so no voxel's ranking of its true class improves for the network by accident;</li>
 *   <li>the margin is relative (about 0.1% of the ceiling, at least 2^-10) rather than one ulp: with
 *       one ulp below a ceiling of 0 the gap is 1.4e-45 and the float32 gradient of the RW loss
 *       underflows to exactly 0, losing the one negative component rectification promises;</li>
 *   <li>wherever the true class was already below every other class, its value is kept, so the
 *       ordering of true-class values across voxels (which voxels matter more) is preserved, and a
 *       map that is already rectified comes back unchanged;</li>
 *   <li>where the map ranked the true class at or above some other class (it carried a wrong
 *       signal there), the true value is pushed just below the ceiling: the voxel keeps the correct
 *       gradient signs with a small gradient, instead of an invented magnitude.</li>
 * </ul>
 * With one class there are no other components: the map is returned unchanged unless a constant
 * ceiling is supplied. Every value must be finite.
 */
final class Rectifier {

    private Rectifier() {
    }

    /** Rectifies {@code z}; {@code ceiling} is NaN for the per-voxel maximum. */
    static float[] rectify(float[] z, int[] labels, int classes, float ceiling) {
        int n = checkShapes(z, labels, classes);
        boolean perVoxel = Float.isNaN(ceiling);
        float[] out = z.clone();
        if (perVoxel && classes == 1) {
            checkFinite(z, n);
            return out;
        }
        for (int i = 0; i < n; i++) {
            int t = labels[i];
            float b = ceiling;
            if (perVoxel) {
                b = Float.NEGATIVE_INFINITY;
                for (int k = 0; k < classes; k++) {
                    if (k != t) {
                        b = Math.max(b, finite(z, k * n + i, n));
                    }
                }
            }
            for (int k = 0; k < classes; k++) {
                if (k != t) {
                    out[k * n + i] = b;
                }
            }
            out[t * n + i] = Math.min(finite(z, t * n + i, n), belowCeiling(b));
        }
        return out;
    }

    /** The ceiling minus a relative margin that float32 gradients can still resolve. */
    static float belowCeiling(float b) {
        float below = b - 0x1p-10f * Math.max(1f, Math.abs(b));
        return below < b ? below : Math.nextDown(b);
    }

    /** Whether, at every voxel, the other-class components are equal and the true one strictly smaller. */
    static boolean isRectified(float[] z, int[] labels, int classes) {
        int n = checkShapes(z, labels, classes);
        for (int i = 0; i < n; i++) {
            int t = labels[i];
            float trueValue = z[t * n + i];
            float other = Float.NaN;
            for (int k = 0; k < classes; k++) {
                if (k == t) {
                    continue;
                }
                float v = z[k * n + i];
                if (Float.isNaN(other)) {
                    other = v;
                }
                if (v != other || !(trueValue < v)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int checkShapes(float[] z, int[] labels, int classes) {
        if (z == null || labels == null) {
            throw new IllegalArgumentException("rectify needs a map and labels");
        }
        Labels.checkClasses(classes, labels.length);
        if (z.length != (long) classes * labels.length) {
            throw new IllegalArgumentException("map has " + z.length + " values but " + classes + " classes x "
                    + labels.length + " labels need " + (long) classes * labels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " at voxel index " + i
                        + " is not a class index in [0, " + classes + ")");
            }
        }
        return labels.length;
    }

    private static float finite(float[] z, int index, int n) {
        float v = z[index];
        if (Float.isNaN(v) || Float.isInfinite(v)) {
            throw new IllegalArgumentException("map value " + v + " of class " + index / n + " at voxel index "
                    + index % n + " is not finite");
        }
        return v;
    }

    private static void checkFinite(float[] z, int n) {
        for (int i = 0; i < z.length; i++) {
            finite(z, i, n);
        }
    }
}
