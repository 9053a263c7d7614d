package org.regionwise.experiments.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.experiments.io.HeapBudget;
import org.regionwise.experiments.io.NiftiDataType;
import org.regionwise.experiments.io.OutputLock;
import org.regionwise.experiments.io.NiftiHeader;
import org.regionwise.experiments.io.NiftiImage;
import org.regionwise.experiments.io.NiftiReader;
import org.regionwise.maps.Grid;
import org.regionwise.maps.MapKind;
import org.regionwise.maps.MapOptions;
import org.regionwise.maps.RegionMaps;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code regionwise maps}: the Region-wise map of a label volume, written as a float32 4D NIfTI
 * (x, y, z, class) on the input's grid, qform and sform.
 *
 * <p>A NIfTI volume (nx, ny, nz) in x-fastest order is the row-major (D = nz, H = ny, W = nx) array the
 * maps module expects, with spacing (dz, dy, dx); its channel-major result is the 4D image's data as it
 * stands. "Per slice" therefore means per axial (z) slice.
 */
@Command(name = "maps", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compute a Region-wise map of a label volume and write it as a float32 4D NIfTI "
                + "(x, y, z, class) on the input's grid.")
final class MapsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--label", required = true, paramLabel = "FILE",
            description = "Label volume (.nii or .nii.gz), one integer class 0..C-1 per voxel.")
    Path label;

    @Option(names = "--map", required = true, paramLabel = "KIND", converter = MapKindConverter.class,
            description = "rrw, rrw-weighted, boundary, boundary-kervadec, ac, cao or hd.")
    MapKind map;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output map (.nii or .nii.gz).")
    Path out;

    @Option(names = "--per-slice", description = "Map each axial (z) slice as a 2D image instead of the volume in 3D.")
    boolean perSlice;

    @Option(names = "--spacing", paramLabel = "SPACING", defaultValue = "header",
            converter = SpacingChoice.Converter.class,
            description = "Voxel size for distances: 'header' (default) or SX,SY,SZ in x, y, z order, e.g. 1,1,1.")
    SpacingChoice spacing;

    @Option(names = "--classes", paramLabel = "C", description = "Number of classes, background included (default: max label + 1).")
    Integer classes;

    @Option(names = "--weights", paramLabel = "W", split = ",", splitSynopsisLabel = ",",
            description = "Class weights w0,w1,.. for rrw-weighted, one per class, each >= 0.")
    float[] weights;

    @Option(names = "--hd-alpha", paramLabel = "A", defaultValue = "2",
            description = "Exponent of the hd map (default: ${DEFAULT-VALUE}).")
    double hdAlpha;

    @Option(names = "--threads", paramLabel = "T", description = "Threads (default: the number of processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws IOException {
        checkArguments();
        try (OutputLock lock = OutputTargets.file(spec, "--out", out)) {
            return writeMap();
        }
    }

    private int writeMap() throws IOException {
        long start = System.nanoTime();
        NiftiImage image = NiftiReader.read(label);
        int[] dims = spatialDims(image.header());
        int[] labels = labelsOf(image);
        int classCount = classCount(labels);
        checkMemory(labels.length, classCount);

        double[] xyz = spacing.resolve(image.header(), label.toString());
        // NIfTI's x-fastest (nx, ny, nz) is row-major (D, H, W) = (nz, ny, nx): reverse dims and spacing.
        Grid grid = new Grid(new int[] {dims[2], dims[1], dims[0]}, new double[] {xyz[2], xyz[1], xyz[0]});
        MapOptions options = new MapOptions(weights, hdAlpha, threads);
        float[] values = perSlice
                ? RegionMaps.computePerSlice(map, labels, grid, classCount, options)
                : RegionMaps.compute(map, labels, grid, classCount, options);

        NiftiHeader header = NiftiHeader.like(image.header(), NiftiDataType.FLOAT32, dims[0], dims[1], dims[2], classCount)
                .withDescription("regionwise " + map + " map" + (perSlice ? " per slice" : ""));
        new NiftiImage(header, values).write(out);

        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %s map%s, %d classes on %dx%dx%d, spacing %s (x,y,z), %.1f s%n",
                out, map, perSlice ? " per z slice" : " in 3D", classCount, dims[0], dims[1], dims[2],
                format(xyz), (System.nanoTime() - start) / 1e9);
        return Main.OK;
    }

    /** What can be checked before reading anything. */
    private void checkArguments() {
        if (classes != null && (classes < 1 || classes > HeapBudget.MAX_CLASSES)) {
            throw usage("--classes must be in 1.." + HeapBudget.MAX_CLASSES + ", got " + classes);
        }
        OptionRanges.threads(spec, threads);
        if (weights != null) {
            for (float w : weights) {
                if (!(w >= 0) || Float.isInfinite(w)) throw usage("--weights must be finite and >= 0, got " + w);
            }
        }
        if (map == MapKind.RRW_WEIGHTED && weights == null) throw usage("--map rrw-weighted needs --weights w0,w1,..");
        if (map != MapKind.RRW_WEIGHTED && weights != null) throw usage("--weights applies only to --map rrw-weighted");
        if (!(hdAlpha >= 0) || Double.isInfinite(hdAlpha)) throw usage("--hd-alpha must be finite and >= 0, got " + hdAlpha);
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".nii") && !name.endsWith(".nii.gz")) throw usage("--out must end in .nii or .nii.gz: " + OneLine.visible(out));
    }

    /** (nx, ny, nz) of a 1D, 2D or 3D image (trailing axes of size 1 allowed). */
    private int[] spatialDims(NiftiHeader header) {
        int[] dims = header.dims();
        for (int axis = 3; axis < dims.length; axis++) {
            if (dims[axis] != 1) {
                throw new IllegalArgumentException(label + ": a label volume has at most 3 axes, this one has dims "
                        + Arrays.toString(dims));
            }
        }
        return new int[] {header.dim(0), header.dim(1), header.dim(2)};
    }

    private int[] labelsOf(NiftiImage image) {
        int[] labels;
        try {
            labels = image.labels();
        } catch (IllegalStateException e) {
            throw new IllegalStateException(label + ": " + e.getMessage(), e);
        }
        int min = Arrays.stream(labels).min().orElse(0);
        if (min < 0) throw new IllegalStateException(label + ": labels must be >= 0, found " + min);
        return labels;
    }

    /**
     * The map holds a float per voxel and class, and is encoded once more for writing: refused up front
     * when that cannot fit, naming the input and the sizes.
     */
    private void checkMemory(int voxels, int classCount) throws IOException {
        long values = HeapBudget.product(voxels, classCount);
        String what = "a " + map + " map of " + classCount + " classes on " + voxels + " voxels";
        if (values > Integer.MAX_VALUE - 8) {
            throw new IOException(label + ": " + what + " has more values than one array can hold (2^31)");
        }
        HeapBudget.require(HeapBudget.product(values, Float.BYTES, 2) + HeapBudget.product(voxels, Long.BYTES, threads),
                label.toString(), what);
    }

    /** --classes, or max label + 1; the weights must match it. */
    private int classCount(int[] labels) {
        int max = Arrays.stream(labels).max().orElse(0);
        if (classes == null && max >= HeapBudget.MAX_CLASSES) {
            throw new IllegalArgumentException(label + ": holds label " + max + ", but at most " + HeapBudget.MAX_CLASSES
                    + " classes (labels 0.." + (HeapBudget.MAX_CLASSES - 1) + ") are supported");
        }
        int count = classes != null ? classes : max + 1;
        if (max >= count) {
            throw usage("--classes " + count + " is too few: " + OneLine.visible(label) + " holds label " + max);
        }
        if (weights != null && weights.length != count) {
            throw usage("--weights has " + weights.length + " values for " + count + " classes");
        }
        return count;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** "0.7x0.7x1": four significant digits, no trailing zeros. */
    private static String format(double[] xyz) {
        StringBuilder s = new StringBuilder();
        for (double v : xyz) {
            s.append(s.length() == 0 ? "" : "x")
                    .append(new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString());
        }
        return s.toString();
    }

    /** picocli's parser for --map, accepting the maps module's names. */
    static final class MapKindConverter implements ITypeConverter<MapKind> {
        @Override
        public MapKind convert(String value) {
            try {
                return MapKind.parse(value);
            } catch (IllegalArgumentException e) {
                // maps depends on the JDK alone, so it quotes the name as typed: escape it here, where it reaches a user.
                throw new TypeConversionException(OneLine.visible(e.getMessage()));
            }
        }
    }
}
