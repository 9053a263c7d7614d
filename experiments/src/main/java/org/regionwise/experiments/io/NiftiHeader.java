package org.regionwise.experiments.io;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * The parts of a NIfTI-1 header this library reads, keeps and writes back.
 *
 * <p>Fields not listed here (intent, slice timing, calibration, aux_file, extensions) are dropped on
 * write; they do not change where or what the voxels are.
 *
 * @param dims        {@code dim[1..dim[0]]}: the size of each axis, x first (1 to 7 axes, each 1..32767)
 * @param pixdim      {@code pixdim[0..7]} as stored: pixdim[0] is the qform handedness factor qfac
 *                    (-1 or 1), pixdim[1..3] the voxel size in x, y, z
 * @param dataType    how voxels are stored on disk
 * @param voxOffset   byte offset of the voxel data in the file (at least 352 for a single .nii file)
 * @param sclSlope    value scaling: stored values v read as {@code v * sclSlope + sclInter}; 0 means none
 * @param sclInter    value scaling intercept
 * @param xyztUnits   the units byte: bits 0-2 spatial (2 = mm), bits 3-5 temporal
 * @param description the 80-byte {@code descrip} text (Latin-1)
 * @param geometry    qform and sform: where the grid sits in the world
 * @param byteOrder   the file's byte order; writing keeps it
 */
public record NiftiHeader(int[] dims, float[] pixdim, NiftiDataType dataType, long voxOffset,
                          float sclSlope, float sclInter, int xyztUnits, String description,
                          NiftiGeometry geometry, ByteOrder byteOrder) {

    /** Size of the NIfTI-1 header proper, and the smallest data offset of a single .nii file (348 + 4). */
    public static final int HEADER_SIZE = 348;
    /** Smallest {@link #voxOffset()} of a single-file NIfTI-1 image: the header plus the 4-byte extension flag. */
    public static final int MIN_VOX_OFFSET = 352;
    /** The most voxels an image may have: the largest Java array. */
    public static final long MAX_VOXELS = Integer.MAX_VALUE - 8;
    /** {@code xyzt_units} for millimetres and seconds, what scanners write. */
    public static final int UNITS_MM_SEC = 2 | 8;

    /** Validates every field (so a header that exists can be written) and takes private copies. */
    public NiftiHeader {
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(byteOrder, "byteOrder");
        Objects.requireNonNull(description, "description");
        if (dims == null || dims.length < 1 || dims.length > 7) {
            throw new IllegalArgumentException("a NIfTI-1 image has 1 to 7 axes, got "
                    + (dims == null ? "null" : Arrays.toString(dims)));
        }
        long voxels = 1;
        for (int d : dims) {
            if (d < 1 || d > Short.MAX_VALUE) {
                throw new IllegalArgumentException("axis sizes must be 1..32767: " + Arrays.toString(dims));
            }
            voxels *= d; // at most 32767^7 < 2^105: checked after each step below
            if (voxels > MAX_VOXELS) {
                throw new IllegalArgumentException("too many voxels (more than " + MAX_VOXELS + "): "
                        + Arrays.toString(dims));
            }
        }
        if (pixdim == null || pixdim.length != 8) {
            throw new IllegalArgumentException("pixdim holds 8 values, got "
                    + (pixdim == null ? "null" : pixdim.length));
        }
        if (voxOffset < MIN_VOX_OFFSET || (long) (float) voxOffset != voxOffset) {
            throw new IllegalArgumentException("voxOffset must be >= 352 and exact as a float: " + voxOffset);
        }
        if (xyztUnits < 0 || xyztUnits > 255) {
            throw new IllegalArgumentException("xyztUnits is one byte: " + xyztUnits);
        }
        if (description.length() > 80 || !description.chars().allMatch(c -> c > 0 && c <= 0xFF)) {
            throw new IllegalArgumentException("description must be at most 80 Latin-1 characters without NUL");
        }
        dims = dims.clone();
        pixdim = pixdim.clone();
    }

    /**
     * A header for a new image of the given type and dims, on a grid with unit spacing (mm) and no known
     * orientation, little-endian. For phantoms and tests; real outputs should use {@link #like}.
     */
    public static NiftiHeader of(NiftiDataType dataType, int... dims) {
        float[] pixdim = {1, 1, 1, 1, 1, 1, 1, 1};
        return new NiftiHeader(dims, pixdim, dataType, MIN_VOX_OFFSET, 1, 0, UNITS_MM_SEC, "",
                NiftiGeometry.unknown(), ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * A header for a new image on {@code reference}'s grid: its qform, sform, qfac, spatial voxel size,
     * spatial units and byte order, with new dims and data type. Axes beyond the third (for example a
     * class axis) get spacing 1; values are unscaled; the description is empty.
     */
    public static NiftiHeader like(NiftiHeader reference, NiftiDataType dataType, int... dims) {
        float[] pixdim = {1, 1, 1, 1, 1, 1, 1, 1};
        pixdim[0] = reference.pixdim[0];
        for (int i = 1; i <= 3 && i <= dims.length && i <= reference.dims.length; i++) {
            pixdim[i] = reference.pixdim[i];
        }
        return new NiftiHeader(dims, pixdim, dataType, MIN_VOX_OFFSET, 1, 0, reference.xyztUnits & 0x07, "",
                reference.geometry, reference.byteOrder);
    }

    /** This header with another description (at most 80 Latin-1 characters). */
    public NiftiHeader withDescription(String text) {
        return new NiftiHeader(dims, pixdim, dataType, voxOffset, sclSlope, sclInter, xyztUnits, text,
                geometry, byteOrder);
    }

    /** This header with another byte order. */
    public NiftiHeader withByteOrder(ByteOrder order) {
        return new NiftiHeader(dims, pixdim, dataType, voxOffset, sclSlope, sclInter, xyztUnits, description,
                geometry, order);
    }

    /** A copy of {@code dim[1..dim[0]]}. */
    @Override
    public int[] dims() { return dims.clone(); }

    /** A copy of {@code pixdim[0..7]}. */
    @Override
    public float[] pixdim() { return pixdim.clone(); }

    /** Number of axes ({@code dim[0]}). */
    public int rank() { return dims.length; }

    /** Size of axis {@code axis} (0 = x), 1 for axes beyond the rank. */
    public int dim(int axis) { return axis < dims.length ? dims[axis] : 1; }

    /** Number of voxels: the product of the dims. */
    public int voxelCount() {
        int n = 1;
        for (int d : dims) n *= d; // cannot overflow: the constructor capped the product
        return n;
    }

    /**
     * Voxel size along each axis ({@code |pixdim[1..rank]|}), x first. Taken as stored, so it may be 0
     * or NaN in a careless file: callers that need a metric check it.
     */
    public double[] spacing() {
        double[] s = new double[dims.length];
        for (int i = 0; i < s.length; i++) s[i] = Math.abs(pixdim[i + 1]);
        return s;
    }

    /** Whether reading applies {@code v * sclSlope + sclInter}: slope finite and non-zero, and not (1, 0). */
    public boolean hasScaling() {
        boolean usable = sclSlope != 0 && Float.isFinite(sclSlope) && Float.isFinite(sclInter);
        return usable && !(sclSlope == 1 && sclInter == 0);
    }

    // Records compare arrays by identity; a header is a value, so compare contents.
    @Override
    public boolean equals(Object o) {
        return o instanceof NiftiHeader h
                && Arrays.equals(dims, h.dims) && Arrays.equals(pixdim, h.pixdim)
                && dataType == h.dataType && voxOffset == h.voxOffset
                && Float.compare(sclSlope, h.sclSlope) == 0 && Float.compare(sclInter, h.sclInter) == 0
                && xyztUnits == h.xyztUnits && description.equals(h.description)
                && geometry.equals(h.geometry) && byteOrder.equals(h.byteOrder);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(dims), Arrays.hashCode(pixdim), dataType, voxOffset, sclSlope,
                sclInter, xyztUnits, description, geometry, byteOrder);
    }

    @Override
    public String toString() {
        return "NiftiHeader[dims=" + Arrays.toString(dims) + ", pixdim=" + Arrays.toString(pixdim)
                + ", " + dataType + ", voxOffset=" + voxOffset + ", scl=(" + sclSlope + ", " + sclInter
                + "), units=" + xyztUnits + ", descrip='" + description + "', " + geometry + ", " + byteOrder + "]";
    }
}
