package org.regionwise.experiments.predict;

import java.util.Arrays;
import java.util.List;
import org.regionwise.experiments.data.Downsampling;
import org.regionwise.experiments.data.Slice;
import org.regionwise.experiments.data.SliceAxis;
import org.regionwise.experiments.data.Volume;
import org.regionwise.experiments.data.VolumeSlicer;
import org.regionwise.experiments.data.ZScore;
import org.regionwise.layers.UNet2d;
import org.regionwise.experiments.train.DataSpec;

/**
 * Segments a whole 3D image the way the model's training slices were made ({@link DataSpec}): z-score
 * per channel over the whole volume, in-plane downsampling by the training scale, slices along the
 * training slicing axis, each slice padded, predicted and cropped back ({@link SlicePredictor}), the
 * slices stacked back, and the labels brought back to the input grid (nearest neighbour, each coarse
 * voxel covering its scale x scale block).
 *
 * <p>The default data set's model was trained on cropped hemispheres z-scored over the crop; a whole
 * head is z-scored over itself here (there is no crop at prediction time), which shifts intensities a
 * little (more air): expect slightly lower quality than on the validation hemisphere.
 */
public final class VolumePredictor {
    private final UNet2d model;
    private final DataSpec data;
    private final int batchSize;

    public VolumePredictor(UNet2d model, DataSpec data, int batchSize) {
        this.model = model;
        this.data = data;
        this.batchSize = batchSize;
    }

    /**
     * The label of every voxel of an image given as one array per channel in NIfTI order (x fastest).
     *
     * @param dims    (nx, ny, nz)
     * @param spacing voxel size (x, y, z) in mm
     * @throws IllegalArgumentException when the channel count differs from the model's
     */
    public int[] predict(int[] dims, double[] spacing, float[][] channels) {
        if (channels.length != model.config().inChannels()) {
            throw new IllegalArgumentException("the model takes " + model.config().inChannels() + " channel(s) "
                    + data.channelNames() + ", got " + channels.length + " image(s)");
        }
        int nx = dims[0], ny = dims[1], nz = dims[2];
        int s = data.scale();
        if (s > 1 && data.sliceAxis() != SliceAxis.Z) {
            throw new IllegalArgumentException("a scale of " + s + " is only defined for slices along z");
        }
        // pad x and y up to multiples of the scale so that the block reduction sees whole blocks
        int px = roundUp(nx, s), py = roundUp(ny, s);
        float[][] copies = new float[channels.length][];
        for (int c = 0; c < channels.length; c++) copies[c] = pad(channels[c], nx, ny, nz, px, py);
        Volume volume = new Volume("input", px, py, nz, spacing.clone(), copies, new int[px * py * nz]);
        ZScore.normalizeChannels(volume);
        Volume scaled = Downsampling.inPlane(volume, s);
        int axis = data.sliceAxis();
        List<Slice> slices = VolumeSlicer.slices(scaled, axis);
        List<int[]> predicted = new SlicePredictor(model, batchSize).predict(slices);
        int[] coarse = restack(predicted, scaled.nx(), scaled.ny(), scaled.nz(), axis);
        return upsample(coarse, scaled.nx(), scaled.ny(), nz, s, nx, ny);
    }

    private static int roundUp(int n, int s) {
        return (n + s - 1) / s * s;
    }

    /** One channel padded in x and y with its own minimum (air in MRI). */
    private static float[] pad(float[] v, int nx, int ny, int nz, int px, int py) {
        if (px == nx && py == ny) return v.clone();
        float min = Float.POSITIVE_INFINITY;
        for (float f : v) min = Math.min(min, f);
        float[] out = new float[px * py * nz];
        Arrays.fill(out, min);
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) System.arraycopy(v, nx * (y + ny * z), out, px * (y + py * z), nx);
        }
        return out;
    }

    /**
     * Slices back into a volume in NIfTI order: the inverse of {@link VolumeSlicer}'s layouts, where a z
     * slice is (rows y, columns x), a y slice (z, x) and an x slice (z, y).
     */
    static int[] restack(List<int[]> slices, int nx, int ny, int nz, int axis) {
        int[] out = new int[nx * ny * nz];
        for (int k = 0; k < slices.size(); k++) {
            int[] s = slices.get(k);
            switch (axis) {
                case SliceAxis.Z -> System.arraycopy(s, 0, out, k * nx * ny, nx * ny);
                case SliceAxis.Y -> {
                    for (int z = 0; z < nz; z++) System.arraycopy(s, z * nx, out, nx * (k + ny * z), nx);
                }
                case SliceAxis.X -> {
                    for (int z = 0; z < nz; z++) {
                        for (int y = 0; y < ny; y++) out[k + nx * (y + ny * z)] = s[z * ny + y];
                    }
                }
                default -> throw new IllegalArgumentException("axis must be 0, 1 or 2, got " + axis);
            }
        }
        return out;
    }

    /** Each coarse (x, y) voxel repeated over its s x s block, cropped to (nx, ny). */
    static int[] upsample(int[] coarse, int cx, int cy, int nz, int s, int nx, int ny) {
        if (s == 1 && cx == nx && cy == ny) return coarse;
        int[] out = new int[nx * ny * nz];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) out[x + nx * (y + ny * z)] = coarse[x / s + cx * (y / s + cy * z)];
            }
        }
        return out;
    }
}
