package org.regionwise.experiments.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a {@link Volume} into 2D {@link Slice}s along one NIfTI axis. The in-plane axes keep their
 * order, the later axis becoming rows: cutting along z gives (H, W) = (y, x), along y gives (z, x),
 * along x gives (z, y). For z this is the row-major (D, H, W) view of NIfTI data, so a z slice is a
 * plain copy of one contiguous plane.
 */
public final class VolumeSlicer {
    private VolumeSlicer() {}

    /** All slices of {@code volume} along {@code axis} (0 = x, 1 = y, 2 = z), in order. */
    public static List<Slice> slices(Volume volume, int axis) {
        int count = switch (axis) {
            case SliceAxis.X -> volume.nx();
            case SliceAxis.Y -> volume.ny();
            case SliceAxis.Z -> volume.nz();
            default -> throw new IllegalArgumentException("axis must be 0, 1 or 2, got " + axis);
        };
        List<Slice> slices = new ArrayList<>(count);
        for (int k = 0; k < count; k++) slices.add(slice(volume, axis, k));
        return slices;
    }

    /** Slice {@code k} of {@code volume} along {@code axis}. */
    public static Slice slice(Volume volume, int axis, int k) {
        int nx = volume.nx(), ny = volume.ny(), nz = volume.nz();
        double[] sp = volume.spacing();
        // (rows, columns) and the flat-index steps that walk them in the volume
        int height, width;
        long rowStep, colStep, origin;
        double dy, dx, dz;
        switch (axis) {
            case SliceAxis.Z -> {
                height = ny; width = nx; rowStep = nx; colStep = 1; origin = (long) k * nx * ny;
                dy = sp[1]; dx = sp[0]; dz = sp[2];
            }
            case SliceAxis.Y -> {
                height = nz; width = nx; rowStep = (long) nx * ny; colStep = 1; origin = (long) k * nx;
                dy = sp[2]; dx = sp[0]; dz = sp[1];
            }
            case SliceAxis.X -> {
                height = nz; width = ny; rowStep = (long) nx * ny; colStep = nx; origin = k;
                dy = sp[2]; dx = sp[1]; dz = sp[0];
            }
            default -> throw new IllegalArgumentException("axis must be 0, 1 or 2, got " + axis);
        }
        int channels = volume.channels().length;
        int pixels = height * width;
        float[] image = new float[channels * pixels];
        int[] label = new int[pixels];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int at = (int) (origin + r * rowStep + c * colStep);
                int p = r * width + c;
                label[p] = volume.labels()[at];
                for (int ch = 0; ch < channels; ch++) image[ch * pixels + p] = volume.channels()[ch][at];
            }
        }
        return new Slice(volume.id(), k, channels, height, width, image, label, dy, dx, dz);
    }
}
