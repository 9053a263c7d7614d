package org.regionwise.experiments.data;

import java.util.Objects;
import org.regionwise.autodiff.text.OneLine;

/**
 * A labelled 3D volume in NIfTI order (x fastest, then y, then z), one float array per image channel.
 * The working form between reading files and cutting slices. Arrays are shared, not copied.
 *
 * @param id       names the volume (case id) in slices and messages
 * @param nx       size along x
 * @param ny       size along y
 * @param nz       size along z
 * @param spacing  voxel size (x, y, z) in mm, each positive and finite
 * @param channels image channels, each nx*ny*nz values
 * @param labels   nx*ny*nz class ids
 */
public record Volume(String id, int nx, int ny, int nz, double[] spacing, float[][] channels, int[] labels) {

    /** Checks the shapes and the spacing. */
    public Volume {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(labels, "labels");
        if (nx < 1 || ny < 1 || nz < 1) {
            throw new IllegalArgumentException(OneLine.visible(id) + ": volume sizes must be >= 1, got " + nx + "x" + ny + "x" + nz);
        }
        if (spacing == null || spacing.length != 3) throw new IllegalArgumentException(OneLine.visible(id) + ": spacing needs 3 values (x, y, z)");
        for (double s : spacing) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException(OneLine.visible(id) + ": voxel sizes must be positive and finite, got "
                        + spacing[0] + ", " + spacing[1] + ", " + spacing[2]);
            }
        }
        long voxels = (long) nx * ny * nz;
        if (channels.length < 1) throw new IllegalArgumentException(OneLine.visible(id) + ": a volume needs at least one channel");
        for (float[] c : channels) {
            if (c == null || c.length != voxels) {
                throw new IllegalArgumentException(OneLine.visible(id) + ": each channel needs " + voxels + " values");
            }
        }
        if (labels.length != voxels) throw new IllegalArgumentException(OneLine.visible(id) + ": labels need " + voxels + " values");
    }

    /** Number of voxels. */
    public int voxels() {
        return nx * ny * nz;
    }

    /** Flat index of voxel (x, y, z). */
    public int index(int x, int y, int z) {
        return x + nx * (y + ny * z);
    }
}
