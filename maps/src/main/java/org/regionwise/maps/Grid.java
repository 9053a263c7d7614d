package org.regionwise.maps;

import java.util.Arrays;

/**
 * The shape and voxel spacing of a 2D or 3D image stored as a flat row-major array.
 *
 * <p>{@code dims} lists the axes slowest first: {@code (H, W)} in 2D, {@code (D, H, W)} in 3D, so
 * voxel {@code (d, h, w)} lives at {@code (d * H + h) * W + w}. {@code spacing} gives the physical
 * distance between neighbouring voxels along each axis, in the same order (e.g. millimetres; the
 * unit is whatever the caller uses, and every distance in this module comes out in it).
 *
 * <p>The record is immutable: the constructor and the accessors copy the arrays. Equality compares
 * array contents, so a grid can be part of a cache key.
 *
 * @param dims    extent of each axis, 2 or 3 entries, each at least 1
 * @param spacing voxel size along each axis, same length as {@code dims}, each in
 *                {@code [1e-9, 1e9]}
 */
public record Grid(int[] dims, double[] spacing) {

    /**
     * Smallest spacing: squared distances are stored as {@code float}, and this bound keeps the
     * square of the smallest step a normal float (so no distance of a voxel to another rounds to 0).
     */
    public static final double MIN_SPACING = 1e-9;

    /** Largest spacing: keeps the squared diameter of any grid that fits an array below float overflow. */
    public static final double MAX_SPACING = 1e9;

    /** Validates and copies both arrays; the product of {@code dims} must fit in an {@code int}. */
    public Grid {
        if (dims == null || spacing == null) {
            throw new IllegalArgumentException("Grid needs dims and spacing, got dims=" + Arrays.toString(dims)
                    + ", spacing=" + Arrays.toString(spacing));
        }
        if (dims.length != 2 && dims.length != 3) {
            throw new IllegalArgumentException("Grid must be 2D (H, W) or 3D (D, H, W), got dims "
                    + Arrays.toString(dims));
        }
        if (spacing.length != dims.length) {
            throw new IllegalArgumentException("spacing " + Arrays.toString(spacing) + " has " + spacing.length
                    + " entries but dims " + Arrays.toString(dims) + " has " + dims.length);
        }
        long size = 1;
        for (int axis = 0; axis < dims.length; axis++) {
            if (dims[axis] < 1) {
                throw new IllegalArgumentException("dims must be >= 1, got " + Arrays.toString(dims));
            }
            double s = spacing[axis];
            if (!(s >= MIN_SPACING && s <= MAX_SPACING)) {
                throw new IllegalArgumentException("spacing must lie in [" + MIN_SPACING + ", " + MAX_SPACING
                        + "], got " + Arrays.toString(spacing));
            }
            size *= dims[axis];
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Grid " + Arrays.toString(dims) + " has " + size
                    + " voxels, more than a Java array can hold");
        }
        dims = dims.clone();
        spacing = spacing.clone();
    }

    /** A grid with unit spacing along every axis. */
    public static Grid of(int... dims) {
        if (dims == null) {
            throw new IllegalArgumentException("Grid.of needs dims");
        }
        double[] unit = new double[dims.length];
        Arrays.fill(unit, 1.0);
        return new Grid(dims, unit);
    }

    /** This grid's dims with another spacing. */
    public Grid withSpacing(double... newSpacing) {
        return new Grid(dims, newSpacing);
    }

    /** Number of voxels: the product of {@code dims}. */
    public int size() {
        int size = 1;
        for (int d : dims) {
            size *= d;
        }
        return size;
    }

    /** Number of axes, 2 or 3. */
    public int rank() {
        return dims.length;
    }

    /** Extent of one axis (0 is the slowest). */
    public int dim(int axis) {
        return dims[axis];
    }

    /** Spacing along one axis (0 is the slowest). */
    public double spacing(int axis) {
        return spacing[axis];
    }

    /** A copy of the extents. */
    @Override
    public int[] dims() {
        return dims.clone();
    }

    /** A copy of the spacings. */
    @Override
    public double[] spacing() {
        return spacing.clone();
    }

    /**
     * The 2D grid {@code (H, W)} of one slice along axis 0 of this 3D grid, keeping the in-plane
     * spacing.
     */
    public Grid slice() {
        if (dims.length != 3) {
            throw new IllegalArgumentException("slice() needs a 3D grid, got " + this);
        }
        return new Grid(new int[] {dims[1], dims[2]}, new double[] {spacing[1], spacing[2]});
    }

    /** Coordinates of a flat index, slowest axis first. */
    public int[] coordinates(int index) {
        int[] c = new int[dims.length];
        for (int axis = dims.length - 1; axis >= 0; axis--) {
            c[axis] = index % dims[axis];
            index /= dims[axis];
        }
        return c;
    }

    /** Coordinates of a flat index as text, e.g. {@code (2, 0, 5)}, for error messages. */
    String describe(int index) {
        int[] c = coordinates(index);
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < c.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(c[i]);
        }
        return sb.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Grid g && Arrays.equals(dims, g.dims) && Arrays.equals(spacing, g.spacing);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(dims) + Arrays.hashCode(spacing);
    }

    @Override
    public String toString() {
        return "Grid(dims=" + Arrays.toString(dims) + ", spacing=" + Arrays.toString(spacing) + ")";
    }
}
