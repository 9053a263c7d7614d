package org.regionwise.experiments.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.experiments.io.AtomicFile;
import org.regionwise.experiments.io.HeapBudget;
import org.regionwise.experiments.io.OutputLock;
import org.regionwise.experiments.io.WorldSpace;
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
 * {@code regionwise metrics}: Dice, Hausdorff, HD95 (MONAI's symmetric, and MedPy's pooled), ASSD per class of a
 * predicted label volume against a reference, printed as JSON ({@link MetricsJson#volume}).
 *
 * <p>Distances are in mm with the reference's voxel size. The two files must lie on one grid: same
 * dims, same voxel size, and, where both declare one, the same voxel-to-world affine; otherwise the
 * numbers would compare different places. A volume with a single z slice is measured as a 2D image
 * (so its slice faces do not count as surface). The JSON lists dims and spacing row-major: (z, y, x).
 */
@Command(name = "metrics", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compute Dice, Hausdorff, HD95 (MONAI's symmetric, and MedPy's pooled) and ASSD per class between two label "
                + "volumes on the same grid; prints JSON, distances in mm.")
final class MetricsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--pred", required = true, paramLabel = "FILE", description = "Predicted label volume (.nii or .nii.gz).")
    Path prediction;

    @Option(names = "--truth", required = true, paramLabel = "FILE",
            description = "Reference label volume (.nii or .nii.gz); its voxel size gives the distances in mm.")
    Path truth;

    @Option(names = "--classes", paramLabel = "C",
            description = "Number of classes, background included, at most " + HeapBudget.MAX_CLASSES
                    + " (default: the largest label in either file + 1).")
    Integer classes;

    @Option(names = "--connectivity", paramLabel = "K", defaultValue = "1",
            description = "Which neighbours make a voxel a surface voxel, as MedPy and scipy: 1 = faces (default), "
                    + "2 = faces and edges, 3 = all (for 2D images 2 and 3 both mean all 8).")
    int connectivity;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the JSON to this file.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (classes != null && (classes < 1 || classes > HeapBudget.MAX_CLASSES)) {
            throw usage("--classes must be in 1.." + HeapBudget.MAX_CLASSES + ", got " + classes);
        }
        if (connectivity < 1 || connectivity > 3) throw usage("--connectivity must be 1, 2 or 3, got " + connectivity);

        try (OutputLock lock = out == null ? null : OutputTargets.file(spec, "--out", out)) {
            return measure();
        }
    }

    private int measure() throws IOException {
        NiftiImage predicted = NiftiReader.read(prediction);
        NiftiImage reference = NiftiReader.read(truth);
        int[] dims = spatialDims(reference.header(), truth);
        double[] xyz = voxelSize(reference.header(), dims);
        checkSameGrid(predicted.header(), reference.header());

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

    /** Same dims, voxel size and (where both files declare one) affine ({@link WorldSpace}), or one line naming both files. */
    private void checkSameGrid(NiftiHeader pred, NiftiHeader ref) {
        spatialDims(pred, prediction);
        String problem = WorldSpace.compare(prediction.toString(), pred, truth.toString(), ref);
        if (problem != null) throw new IllegalArgumentException(problem);
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
        if (classes == null) {
            if (predMax >= HeapBudget.MAX_CLASSES) throw tooManyClasses(prediction, predMax);
            if (refMax >= HeapBudget.MAX_CLASSES) throw tooManyClasses(truth, refMax);
        }
        int count = classes != null ? classes : Math.max(predMax, refMax) + 1;
        if (predMax >= count) throw usage("--classes " + count + " is too few: " + OneLine.visible(prediction) + " holds label " + predMax);
        if (refMax >= count) throw usage("--classes " + count + " is too few: " + OneLine.visible(truth) + " holds label " + refMax);
        return count;
    }

    private static IllegalArgumentException tooManyClasses(Path file, int label) {
        return new IllegalArgumentException(file + ": holds label " + label + ", but at most " + HeapBudget.MAX_CLASSES
                + " classes (labels 0.." + (HeapBudget.MAX_CLASSES - 1) + ") are supported");
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
