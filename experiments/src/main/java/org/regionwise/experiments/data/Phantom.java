package org.regionwise.experiments.data;

import java.util.SplittableRandom;

/**
 * A generated stand-in for Colin27 + AAL when mricron-data is not installed: a head-like volume on the
 * same 181 x 217 x 181, 1 mm grid with the same midline (x = 90) and the same four classes, so the
 * default data set's split, crop and scale work unchanged. Deterministic for a seed.
 *
 * <p>Nested ellipsoids, symmetric about the midline: scalp, skull and CSF around a brain whose outer
 * shell is cortex (class 1) over white matter (background, as in AAL); caudate-, putamen- and
 * thalamus-like blobs on each side (deep grey, class 2); a cerebellum behind and below (class 3); dark
 * ventricles. T1-like intensities (white matter brightest) plus Gaussian noise. About 83% / 13% /
 * 0.9% / 2.7% of voxels per class: imbalanced like the real task, but it is not anatomy and results on it
 * say nothing about real data.
 */
public final class Phantom {
    /** The seed of the default phantom. */
    public static final long DEFAULT_SEED = 27L;
    /** Grid size along x (as Colin27). */
    public static final int NX = 181;
    /** Grid size along y. */
    public static final int NY = 217;
    /** Grid size along z. */
    public static final int NZ = 181;
    /** The midline column (as Colin27's sform puts world x = 0). */
    public static final int MIDLINE = 90;

    private static final double NOISE_SIGMA = 6;

    private Phantom() {}

    /** The phantom for {@code seed}: one T1-like channel and 4-class labels. */
    public static Volume generate(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] image = new float[NX * NY * NZ];
        int[] labels = new int[NX * NY * NZ];
        int i = 0;
        for (int z = 0; z < NZ; z++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++, i++) {
                    int ax = Math.abs(x - MIDLINE); // |distance from the midline|: both sides alike
                    int label = AalGrouping.BACKGROUND;
                    double value = 0; // air
                    if (in(ax, y - 110, z - 80, 80, 102, 88)) value = 140; // scalp
                    if (in(ax, y - 110, z - 80, 75, 97, 83)) value = 25; // skull
                    if (in(ax, y - 110, z - 82, 71, 92, 76)) value = 40; // CSF
                    if (in(ax, y - 110, z - 85, 68, 88, 70)) { // brain: cortex over white matter
                        label = AalGrouping.CORTEX;
                        value = 110;
                        if (in(ax, y - 110, z - 85, 51, 66, 52)) {
                            label = AalGrouping.BACKGROUND;
                            value = 160;
                        }
                    }
                    if (in(ax - 8, y - 115, z - 100, 5, 25, 8)) { // lateral ventricles
                        label = AalGrouping.BACKGROUND;
                        value = 35;
                    }
                    if (in(ax - 15, y - 128, z - 96, 9, 20, 13) // caudate
                            || in(ax - 28, y - 112, z - 85, 9, 22, 14) // putamen
                            || in(ax - 12, y - 100, z - 82, 9, 18, 14)) { // thalamus
                        label = AalGrouping.DEEP_GREY;
                        value = 125;
                    }
                    if (in(ax, y - 58, z - 38, 55, 32, 26)) { // cerebellum
                        label = AalGrouping.CEREBELLUM;
                        value = 115;
                    }
                    labels[i] = label;
                    image[i] = (float) Math.max(0, value + (value > 0 ? NOISE_SIGMA * rng.nextGaussian() : 0));
                }
            }
        }
        return new Volume("phantom", NX, NY, NZ, new double[] {1, 1, 1}, new float[][] {image}, labels);
    }

    /** Whether offset (dx, dy, dz) lies inside the axis-aligned ellipsoid with semi-axes (a, b, c). */
    private static boolean in(double dx, double dy, double dz, double a, double b, double c) {
        double u = dx / a, v = dy / b, w = dz / c;
        return u * u + v * v + w * w <= 1;
    }
}
