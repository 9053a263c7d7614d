package org.regionwise.maps.bench;

/**
 * Synthetic masks and label volumes for benchmarks and smoke runs, defined so that NumPy can
 * rebuild them bit for bit (same double operations in the same order), for comparisons with scipy:
 * <pre>
 *   z, y, x = np.ogrid[:D, :H, :W]
 *   q = lambda f: ((z - (D-1)/2) / (f*D/2))**2 + ((y - (H-1)/2) / (f*H/2))**2 + ((x - (W-1)/2) / (f*W/2))**2
 *   mask   = q(0.8) &lt;= 1                                    # ellipsoid(dims, 0.8)
 *   labels = sum((q(0.9*(C-k)/(C-1)) &lt;= 1).astype(int) for k in range(1, C))   # nestedEllipsoids(dims, C)
 * </pre>
 */
public final class Phantoms {

    private Phantoms() {
    }

    /**
     * The centred ellipsoid whose semi-axes are {@code fraction} of each half-extent: voxel
     * {@code p} is inside when {@code sum_a ((p_a - (n_a-1)/2) / (fraction n_a / 2))^2 <= 1}.
     */
    public static boolean[] ellipsoid(int[] dims, double fraction) {
        int[] d = threeD(dims);
        boolean[] mask = new boolean[d[0] * d[1] * d[2]];
        int i = 0;
        for (int z = 0; z < d[0]; z++) {
            for (int y = 0; y < d[1]; y++) {
                for (int x = 0; x < d[2]; x++, i++) {
                    mask[i] = quadric(d, fraction, z, y, x) <= 1;
                }
            }
        }
        return mask;
    }

    /**
     * Labels {@code 0 .. classes-1} from nested centred ellipsoids: class {@code k >= 1} is inside
     * the ellipsoid of fraction {@code 0.9 (classes - k) / (classes - 1)} (0.9, 0.6, 0.3 for four
     * classes) and outside the next smaller one; class 0 is outside them all.
     */
    public static int[] nestedEllipsoids(int[] dims, int classes) {
        int[] d = threeD(dims);
        int[] labels = new int[d[0] * d[1] * d[2]];
        int i = 0;
        for (int z = 0; z < d[0]; z++) {
            for (int y = 0; y < d[1]; y++) {
                for (int x = 0; x < d[2]; x++, i++) {
                    int label = 0;
                    for (int k = 1; k < classes; k++) {
                        if (quadric(d, 0.9 * (classes - k) / (classes - 1), z, y, x) <= 1) {
                            label = k;
                        }
                    }
                    labels[i] = label;
                }
            }
        }
        return labels;
    }

    private static double quadric(int[] d, double fraction, int z, int y, int x) {
        return sq((z - (d[0] - 1) / 2.0) / (fraction * d[0] / 2))
                + sq((y - (d[1] - 1) / 2.0) / (fraction * d[1] / 2))
                + sq((x - (d[2] - 1) / 2.0) / (fraction * d[2] / 2));
    }

    private static double sq(double v) {
        return v * v;
    }

    /** A 2D shape as a 3D one of depth 1. */
    private static int[] threeD(int[] dims) {
        if (dims.length == 2) {
            return new int[] {1, dims[0], dims[1]};
        }
        if (dims.length != 3) {
            throw new IllegalArgumentException("phantoms are 2D or 3D, got " + dims.length + " dims");
        }
        return dims;
    }
}
