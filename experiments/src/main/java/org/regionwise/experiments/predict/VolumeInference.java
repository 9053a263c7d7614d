package org.regionwise.experiments.predict;

import org.regionwise.experiments.data.Interpolation;
import org.regionwise.experiments.data.Resampling;
import org.regionwise.experiments.data.Slice;
import org.regionwise.experiments.data.SliceAxis;
import org.regionwise.experiments.data.Volume;
import org.regionwise.experiments.data.VolumeSlicer;
import org.regionwise.experiments.data.ZScore;

/**
 * nnU-Net-style inference of a whole 3D image with a 2D network:
 * <ol>
 *   <li>z-score each channel over the whole volume (as the training volumes were);</li>
 *   <li>cut slices along the training slicing axis;</li>
 *   <li>resample each slice in-plane to the training spacing ({@link Interpolation#CUBIC});</li>
 *   <li>predict softmax probabilities over the whole slice with Gaussian-weighted sliding windows of the
 *       training patch ({@link SlidingWindow});</li>
 *   <li>resample the probabilities back to the slice's own grid ({@link Interpolation#LINEAR}, so they
 *       stay non-negative and sum to 1) and take the argmax (the first class on ties).</li>
 * </ol>
 * A slice whose spacing already equals the training spacing (to within {@link #SAME_SPACING}) is not
 * resampled. The output is on the input grid exactly.
 */
public final class VolumeInference {
    /** Relative spacing difference below which no resampling is done. */
    public static final double SAME_SPACING = 1e-3;

    private final SlidingWindow window;
    private final int classes;
    private final int sliceAxis;
    private final double rowSpacing, columnSpacing;

    /**
     * @param network       the network
     * @param sliceAxis     the NIfTI axis the training volumes were cut along
     * @param targetSpacing the training slices' (row, column) spacing in mm
     * @param patchHeight   the training patch's rows (tile size)
     * @param patchWidth    its columns
     * @param batch         tiles per forward pass
     */
    public VolumeInference(TileNetwork network, int sliceAxis, double[] targetSpacing, int patchHeight, int patchWidth, int batch) {
        if (sliceAxis < 0 || sliceAxis > 2) throw new IllegalArgumentException("slice axis must be 0, 1 or 2, got " + sliceAxis);
        if (targetSpacing.length != 2 || !(targetSpacing[0] > 0) || !(targetSpacing[1] > 0)) {
            throw new IllegalArgumentException("the target spacing needs two positive values (rows, columns)");
        }
        this.window = new SlidingWindow(network, patchHeight, patchWidth, batch);
        this.classes = network.classes();
        this.sliceAxis = sliceAxis;
        this.rowSpacing = targetSpacing[0];
        this.columnSpacing = targetSpacing[1];
    }

    /**
     * Labels, and probabilities when asked, for an image given as one array per channel in NIfTI order.
     * The channel arrays are not changed.
     *
     * @param dims          (nx, ny, nz)
     * @param spacing       voxel size (x, y, z) in mm
     * @param channels      one nx*ny*nz array per channel
     * @param probabilities whether to return the probabilities too
     */
    public VolumePrediction predict(int[] dims, double[] spacing, float[][] channels, boolean probabilities) {
        float[][] copies = new float[channels.length][];
        for (int c = 0; c < channels.length; c++) copies[c] = channels[c].clone();
        int voxels = dims[0] * dims[1] * dims[2];
        Volume volume = new Volume("input", dims[0], dims[1], dims[2], spacing.clone(), copies, new int[voxels]);
        ZScore.normalizeChannels(volume);
        int count = dims[sliceAxis];
        int[] labels = new int[voxels];
        float[] probs = probabilities ? new float[classes * voxels] : null;
        int resampledRows = 0, resampledColumns = 0;
        for (int k = 0; k < count; k++) {
            Slice s = VolumeSlicer.slice(volume, sliceAxis, k);
            int h = s.height(), w = s.width();
            boolean resample = !same(s.dy(), rowSpacing) || !same(s.dx(), columnSpacing);
            int th = resample ? Resampling.resizedLength(h, s.dy(), rowSpacing) : h;
            int tw = resample ? Resampling.resizedLength(w, s.dx(), columnSpacing) : w;
            resampledRows = th;
            resampledColumns = tw;
            float[] image = resample ? Resampling.resize(s.image(), s.channels(), h, w, th, tw, Interpolation.CUBIC) : s.image();
            float[] p = window.probabilities(image, th, tw);
            if (resample) p = Resampling.resize(p, classes, th, tw, h, w, Interpolation.LINEAR);
            scatter(p, k, h, w, dims, labels, probs);
        }
        return new VolumePrediction(labels, probs, classes, resampledRows, resampledColumns);
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) <= SAME_SPACING * Math.max(a, b);
    }

    /** One slice's probabilities (classes, h, w) into the volume: argmax labels and, if kept, the values. */
    private void scatter(float[] p, int k, int h, int w, int[] dims, int[] labels, float[] probs) {
        int nx = dims[0], ny = dims[1], voxels = dims[0] * dims[1] * dims[2], plane = h * w;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int at = switch (sliceAxis) { // the inverse of VolumeSlicer's layouts
                    case SliceAxis.Z -> c + nx * (r + ny * k);
                    case SliceAxis.Y -> c + nx * (k + ny * r);
                    default -> k + nx * (c + ny * r);
                };
                int pixel = r * w + c, best = 0;
                float bestValue = p[pixel];
                for (int cl = 1; cl < classes; cl++) {
                    float v = p[cl * plane + pixel];
                    if (v > bestValue) {
                        bestValue = v;
                        best = cl;
                    }
                }
                labels[at] = best;
                if (probs != null) {
                    for (int cl = 0; cl < classes; cl++) probs[cl * voxels + at] = p[cl * plane + pixel];
                }
            }
        }
    }
}
