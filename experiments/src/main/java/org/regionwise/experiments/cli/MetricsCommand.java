package org.regionwise.experiments.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.regionwise.experiments.io.NiftiGeometry;
import org.regionwise.experiments.io.NiftiHeader;
import org.regionwise.experiments.io.NiftiImage;
import org.regionwise.experiments.io.NiftiReader;
import org.regionwise.experiments.eval.MetricsJson;
import org.regionwise.experiments.eval.SegmentationMetrics;
import org.regionwise.experiments.eval.VolumeMetrics;
import org.regionwise.maps.Connectivity;
import org.regionwise.maps.Grid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import org.regionwise.experiments.io.AtomicFile;

/**
 * {@code regionwise metrics}: Dice, Hausdorff, HD95 (pooled and directed), ASSD per class of a
 * predicted label volume against a reference, printed as JSON ({@link MetricsJson#volume}).
 *
 * <p>Distances are in mm with the reference's voxel size. The two files must lie on one grid: same
 * dims, same voxel size, and, where both declare one, the same voxel-to-world affine; otherwise the
 * numbers would compare different places. A volume with a single z slice is measured as a 2D image
 * (so its slice faces do not count as surface). The JSON lists dims and spacing row-major: (z, y, x).
 */
@Command(name = "metrics", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compute Dice, Hausdorff, HD95 (pooled and directed) and ASSD per class between two label "
                + "volumes on the same grid; prints JSON, distances in mm.")
final class MetricsCommand implements Callable<Integer> {
    /** Voxel sizes are stored as float: equal within this relative tolerance counts as equal. */
    private static final double SPACING_TOLERANCE = 1e-4;
    /** Affines (mm) equal within this much count as equal; tools round-trip them through float. */
    private static final double AFFINE_TOLERANCE_MM = 1e-3;

    @Spec
    CommandSpec spec;

    @Option(names = "--pred", required = true, paramLabel = "FILE", description = "Predicted label volume (.nii or .nii.gz).")
    Path prediction;

    @Option(names = "--truth", required = true, paramLabel = "FILE",
            description = "Reference label volume (.nii or .nii.gz); its voxel size gives the distances in mm.")
    Path truth;

    @Option(names = "--classes", paramLabel = "C",
            description = "Number of classes, background included (default: the largest label in either file + 1).")
    Integer classes;

    @Option(names = "--connectivity", paramLabel = "K", defaultValue = "1",
            description = "Which neighbours make a voxel a surface voxel, as MedPy and scipy: 1 = faces (default), "
                    + "2 = faces and edges, 3 = all (for 2D images 2 and 3 both mean all 8).")
    int connectivity;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the JSON to this file.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (classes != null && classes < 1) throw usage("--classes must be at least 1, got " + classes);
        if (connectivity < 1 || connectivity > 3) throw usage("--connectivity must be 1, 2 or 3, got " + connectivity);

        NiftiImage predicted = NiftiReader.read(prediction);
        NiftiImage reference = NiftiReader.read(truth);
        int[] dims = spatialDims(reference.header(), truth);
        double[] xyz = voxelSize(reference.header(), dims);
        checkSameGrid(predicted.header(), reference.header(), dims);

        Grid grid = dims[2] == 1
                ? new Grid(new int[] {dims[1], dims[0]}, new double[] {xyz[1], xyz[0]})
                : new Grid(new int[] {dims[2], dims[1], dims[0]}, new double[] {xyz[2], xyz[1], xyz[0]});
        int[] predictedLabels = labelsOf(predicted, prediction);
        int[] referenceLabels = labelsOf(reference, truth);
        int classCount = classCount(predictedLabels, referenceLabels);
        // scipy's generate_binary_structure(rank, k): k >= rank means every neighbour.
        int k = Math.min(connectivity, grid.rank());
        Connectivity neighbours = grid.rank() == 2 ? (k == 1 ? Connectivity.FOUR : Connectivity.EIGHT)
                : (k == 1 ? Connectivity.SIX : k == 2 ? Connectivity.EIGHTEEN : Connectivity.TWENTY_SIX);

        VolumeMetrics metrics = SegmentationMetrics.evaluate(predictedLabels, referenceLabels, grid, classCount, neighbours);
        String json = MetricsJson.volume(metrics);
        if (out != null) {
            AtomicFile.writeString(out, json.endsWith("\n") ? json : json + "\n");
        }
        spec.commandLine().getOut().println(json.stripTrailing());
        return Main.OK;
    }

    /** (nx, ny, nz) of a 2D or 3D image; a 4th axis of size > 1 is not a label volume. */
    private static int[] spatialDims(NiftiHeader header, Path file) {
        int[] dims = header.dims();
        for (int axis = 3; axis < dims.length; axis++) {
            if (dims[axis] != 1) {
                throw new IllegalArgumentException(file + ": a label volume has at most 3 axes, this one has dims "
                        + Arrays.toString(dims));
            }
        }
        return new int[] {header.dim(0), header.dim(1), header.dim(2)};
    }

    /** The reference's voxel size (x, y, z) in mm; an unusable one is an error, since it scales every distance. */
    private double[] voxelSize(NiftiHeader header, int[] dims) {
        double[] stored = header.spacing();
        double[] xyz = {1, 1, 1};
        for (int axis = 0; axis < Math.min(3, stored.length); axis++) {
            boolean used = dims[axis] > 1 || axis < 2; // a single z slice never needs its thickness
            if (used && !(stored[axis] > 0 && Double.isFinite(stored[axis]))) {
                throw new IllegalArgumentException(truth + ": the header's voxel size (pixdim) along axis " + axis + " is "
                        + stored[axis] + "; distances in mm need a positive voxel size");
            }
            xyz[axis] = stored[axis];
        }
        return xyz;
    }

    /** Same dims, voxel size and (where both files declare one) affine, or one line naming both files. */
    private void checkSameGrid(NiftiHeader pred, NiftiHeader ref, int[] refDims) {
        int[] predDims = spatialDims(pred, prediction);
        String problem = null;
        if (!Arrays.equals(predDims, refDims)) {
            problem = "their dims differ";
        } else if (!sameSpacing(pred, ref)) {
            problem = "their voxel sizes differ";
        } else {
            double[] a = affine(pred);
            double[] b = affine(ref);
            if (a != null && b != null && maxDifference(a, b) > AFFINE_TOLERANCE_MM) {
                problem = String.format(Locale.ROOT, "their voxel-to-world affines differ by up to %.4g mm", maxDifference(a, b));
            }
        }
        if (problem != null) {
            throw new IllegalArgumentException(prediction + " (" + describe(pred, predDims) + ") and " + truth + " ("
                    + describe(ref, refDims) + ") are not on the same grid: " + problem);
        }
    }

    private static boolean sameSpacing(NiftiHeader a, NiftiHeader b) {
        double[] sa = a.spacing();
        double[] sb = b.spacing();
        for (int axis = 0; axis < Math.min(3, Math.max(sa.length, sb.length)); axis++) {
            double x = axis < sa.length ? sa[axis] : 1;
            double y = axis < sb.length ? sb[axis] : 1;
            if (!(Math.abs(x - y) <= SPACING_TOLERANCE * Math.max(Math.abs(x), Math.abs(y)))) return false;
        }
        return true;
    }

    /**
     * The 3x4 voxel-to-world affine a viewer would use (sform first, else qform, as NIfTI-1 says), or
     * null when the file declares neither.
     */
    static double[] affine(NiftiHeader header) {
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

    private static double maxDifference(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
        return max;
    }

    /** "dims 10x12x4, voxel 0.7x0.7x2 mm". */
    private static String describe(NiftiHeader header, int[] dims) {
        StringBuilder s = new StringBuilder("dims ").append(dims[0]).append('x').append(dims[1]).append('x').append(dims[2])
                .append(", voxel ");
        double[] spacing = header.spacing();
        for (int axis = 0; axis < 3; axis++) {
            double v = axis < spacing.length ? spacing[axis] : 1;
            s.append(axis == 0 ? "" : "x").append(Double.isFinite(v)
                    ? new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString() : String.valueOf(v));
        }
        return s.append(" mm").toString();
    }

    private static int[] labelsOf(NiftiImage image, Path file) {
        int[] labels;
        try {
            labels = image.labels();
        } catch (IllegalStateException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) throw new IllegalStateException(file + ": labels must be >= 0, voxel " + i + " holds " + labels[i]);
        }
        return labels;
    }

    /** --classes, or the largest label in either file + 1; a given count must cover both files. */
    private int classCount(int[] predictedLabels, int[] referenceLabels) {
        int predMax = Arrays.stream(predictedLabels).max().orElse(0);
        int refMax = Arrays.stream(referenceLabels).max().orElse(0);
        int count = classes != null ? classes : Math.max(predMax, refMax) + 1;
        if (predMax >= count) throw usage("--classes " + count + " is too few: " + prediction + " holds label " + predMax);
        if (refMax >= count) throw usage("--classes " + count + " is too few: " + truth + " holds label " + refMax);
        return count;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
