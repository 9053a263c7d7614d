package org.regionwise.experiments.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Locale;

/**
 * The one check that two NIfTI files describe the same voxels in the world: same dims, same voxel size
 * and, where both declare one, the same voxel-to-world affine. An image mirrored in x (its affine
 * negated) or shifted against its label has the same dims and spacing, and training on the pair, or
 * measuring one against the other, would pair different places without a word. Shared by the data set
 * loader ({@code datasets}, {@code train}, {@code evaluate}), {@code metrics} and {@code predict}.
 */
public final class WorldSpace {
    /** Voxel sizes are stored as float: equal within this relative tolerance counts as equal. */
    private static final double SPACING_TOLERANCE = 1e-4;
    /** Affines (mm) equal within this much (plus a float's rounding of large offsets) count as equal. */
    private static final double AFFINE_TOLERANCE_MM = 1e-3;

    private WorldSpace() {}

    /**
     * Why {@code a} and {@code b} are not on one grid ("their dims differ", "their voxel sizes differ",
     * "their voxel-to-world affines differ by up to 50 mm"), or null when they are. Only the first three
     * axes count; a missing axis has size 1 and voxel size 1.
     */
    public static String mismatch(NiftiHeader a, NiftiHeader b) {
        if (!Arrays.equals(spatialDims(a), spatialDims(b))) return "their dims differ";
        if (!sameSpacing(a, b)) return "their voxel sizes differ";
        double[] fa = affine(a);
        double[] fb = affine(b);
        if (fa != null && fb != null) {
            double worst = 0;
            boolean differ = false;
            for (int i = 0; i < 12; i++) {
                double d = Math.abs(fa[i] - fb[i]);
                worst = Math.max(worst, d);
                if (d > AFFINE_TOLERANCE_MM + 1e-6 * Math.max(Math.abs(fa[i]), Math.abs(fb[i]))) differ = true;
            }
            if (differ) {
                return String.format(Locale.ROOT, "their voxel-to-world affines differ by up to %.4g mm%s", worst,
                        mirrored(fa, fb) ? " (one is mirrored)" : "");
            }
        }
        return null;
    }

    /**
     * "A (dims 10x12x4, voxel 0.7x0.7x2 mm) and B (...) are not on the same grid: PROBLEM", or null when
     * they are.
     */
    public static String compare(String nameA, NiftiHeader a, String nameB, NiftiHeader b) {
        String problem = mismatch(a, b);
        return problem == null ? null
                : nameA + " (" + describe(a) + ") and " + nameB + " (" + describe(b) + ") are not on the same grid: " + problem;
    }

    /** (nx, ny, nz): the first three axes, 1 where the file has fewer. */
    public static int[] spatialDims(NiftiHeader header) {
        int[] d = header.dims();
        return new int[] {d.length > 0 ? d[0] : 1, d.length > 1 ? d[1] : 1, d.length > 2 ? d[2] : 1};
    }

    /** "dims 10x12x4, voxel 0.7x0.7x2 mm", both in x, y, z order. */
    public static String describe(NiftiHeader header) {
        int[] dims = spatialDims(header);
        double[] spacing = header.spacing();
        StringBuilder s = new StringBuilder("dims ").append(dims[0]).append('x').append(dims[1]).append('x').append(dims[2])
                .append(", voxel ");
        for (int axis = 0; axis < 3; axis++) {
            s.append(axis == 0 ? "" : "x").append(number(axis < spacing.length ? spacing[axis] : 1));
        }
        return s.append(" mm").toString();
    }

    /**
     * The 3x4 voxel-to-world affine a viewer would use (sform first, else qform, as NIfTI-1 says), row-major,
     * or null when the file declares neither.
     */
    public static double[] affine(NiftiHeader header) {
        NiftiGeometry g = header.geometry();
        if (g.sformCode() > 0) {
            float[] srow = g.srow();
            double[] affine = new double[12];
            for (int i = 0; i < 12; i++) affine[i] = srow[i];
            return affine;
        }
        if (g.qformCode() <= 0) return null;
        double b = g.quaternB();
        double c = g.quaternC();
        double d = g.quaternD();
        double a = Math.sqrt(Math.max(0, 1 - b * b - c * c - d * d));
        double[][] r = {
                {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
                {2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)},
                {2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - b * b - c * c}};
        float[] pixdim = header.pixdim();
        double[] scale = {pixdim[1], pixdim[2], pixdim[3] * (pixdim[0] < 0 ? -1 : 1)};
        double[] offset = {g.qoffsetX(), g.qoffsetY(), g.qoffsetZ()};
        double[] affine = new double[12];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) affine[row * 4 + col] = r[row][col] * scale[col];
            affine[row * 4 + 3] = offset[row];
        }
        return affine;
    }

    private static boolean sameSpacing(NiftiHeader a, NiftiHeader b) {
        double[] sa = a.spacing();
        double[] sb = b.spacing();
        for (int axis = 0; axis < 3; axis++) {
            double x = axis < sa.length ? sa[axis] : 1;
            double y = axis < sb.length ? sb[axis] : 1;
            if (!(Math.abs(x - y) <= SPACING_TOLERANCE * Math.max(Math.abs(x), Math.abs(y)))) return false;
        }
        return true;
    }

    /** Whether some axis column points the opposite way in one affine. */
    private static boolean mirrored(double[] a, double[] b) {
        for (int col = 0; col < 3; col++) {
            double dot = 0;
            for (int row = 0; row < 3; row++) dot += a[row * 4 + col] * b[row * 4 + col];
            if (dot < 0) return true;
        }
        return false;
    }

    private static String number(double v) {
        return Double.isFinite(v) ? new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString()
                : String.valueOf(v);
    }
}
