package org.regionwise.experiments.io;

import java.util.Arrays;

/**
 * Where the voxel grid sits in the world: the NIfTI-1 qform (a quaternion rotation plus offsets) and
 * sform (a general 3x4 affine), each with its code. Kept verbatim from the file so that maps and
 * predictions written on an input's grid overlay it exactly in any viewer. The qform's handedness
 * factor {@code qfac} lives in {@code pixdim[0]} of {@link NiftiHeader}, as in the file.
 *
 * @param qformCode  0 = unknown, 1 = scanner, 2 = aligned, 3 = Talairach, 4 = MNI
 * @param sformCode  same codes as qformCode
 * @param quaternB   quaternion b (a is implied so that the quaternion has unit norm)
 * @param quaternC   quaternion c
 * @param quaternD   quaternion d
 * @param qoffsetX   qform translation x (mm)
 * @param qoffsetY   qform translation y (mm)
 * @param qoffsetZ   qform translation z (mm)
 * @param srow       the sform's three rows, row-major: srow_x[0..3], srow_y[0..3], srow_z[0..3] (12 values)
 */
public record NiftiGeometry(int qformCode, int sformCode,
                            float quaternB, float quaternC, float quaternD,
                            float qoffsetX, float qoffsetY, float qoffsetZ,
                            float[] srow) {

    /** No orientation known: both codes 0, identity sform rows. What a fresh image without a reference gets. */
    public static NiftiGeometry unknown() {
        return new NiftiGeometry(0, 0, 0, 0, 0, 0, 0, 0,
                new float[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0});
    }

    /** Validates the srow length and takes a private copy. */
    public NiftiGeometry {
        if (srow == null || srow.length != 12) {
            throw new IllegalArgumentException("srow must hold 12 values (3 rows of 4), got "
                    + (srow == null ? "null" : srow.length));
        }
        if (qformCode < Short.MIN_VALUE || qformCode > Short.MAX_VALUE
                || sformCode < Short.MIN_VALUE || sformCode > Short.MAX_VALUE) {
            throw new IllegalArgumentException("qform/sform codes are 16-bit: " + qformCode + ", " + sformCode);
        }
        srow = srow.clone();
    }

    /** A copy of the 12 sform values (srow_x, srow_y, srow_z). */
    @Override
    public float[] srow() { return srow.clone(); }

    // Records compare arrays by identity; geometry is a value, so compare contents.
    @Override
    public boolean equals(Object o) {
        return o instanceof NiftiGeometry g
                && qformCode == g.qformCode && sformCode == g.sformCode
                && Float.compare(quaternB, g.quaternB) == 0 && Float.compare(quaternC, g.quaternC) == 0
                && Float.compare(quaternD, g.quaternD) == 0 && Float.compare(qoffsetX, g.qoffsetX) == 0
                && Float.compare(qoffsetY, g.qoffsetY) == 0 && Float.compare(qoffsetZ, g.qoffsetZ) == 0
                && Arrays.equals(srow, g.srow);
    }

    @Override
    public int hashCode() {
        int h = qformCode * 31 + sformCode;
        h = h * 31 + Float.hashCode(quaternB) + 7 * Float.hashCode(quaternC) + 13 * Float.hashCode(quaternD);
        h = h * 31 + Float.hashCode(qoffsetX) + 7 * Float.hashCode(qoffsetY) + 13 * Float.hashCode(qoffsetZ);
        return h * 31 + Arrays.hashCode(srow);
    }

    @Override
    public String toString() {
        return "NiftiGeometry[qform=" + qformCode + " quatern=(" + quaternB + ", " + quaternC + ", " + quaternD
                + ") qoffset=(" + qoffsetX + ", " + qoffsetY + ", " + qoffsetZ + "), sform=" + sformCode
                + " srow=" + Arrays.toString(srow) + "]";
    }
}
