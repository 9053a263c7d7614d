package org.regionwise.experiments.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.regionwise.experiments.io.HeapBudget;
import org.regionwise.experiments.io.WorldSpace;
import org.regionwise.experiments.io.NiftiHeader;
import org.regionwise.experiments.io.NiftiImage;
import org.regionwise.experiments.io.NiftiReader;

/**
 * Reads a data set in nnU-Net's raw layout, what real users bring (ACDC, BraTS, KiTS, ...):
 * <pre>
 * DatasetXXX_Name/
 *   dataset.json            channel_names, labels, numTraining, file_ending (see {@link NnUnetDatasetJson})
 *   imagesTr/CASE_0000.nii.gz, CASE_0001.nii.gz, ...   one file per channel
 *   labelsTr/CASE.nii.gz    classes 0..C-1
 * </pre>
 * Cases are the label files of labelsTr, sorted by name. Each case is checked (every channel present,
 * image and label on one grid, labels integers in 0..C-1, usable voxel sizes), normalised with a
 * per-image z-score per channel ({@link ZScore}, nnU-Net's default outside CT), and cut into 2D slices
 * along the data set's lowest-resolution axis ({@link SliceAxis#forDataset}). Volumes are not resampled:
 * each slice keeps its own spacing.
 *
 * <p>Validation split, by case so no case is in both: of n sorted cases, k = round(n * fraction) (at
 * least 1 and at most n-1 when n >= 2; none for a single case) go to validation, spread evenly: case
 * floor((j + 1/2) n / k) for j = 0..k-1. Deterministic and independent of file listing order; with the
 * default fraction 0.2 that is every 5th case, starting with the 3rd.
 */
public final class NnUnetRawDataset {
    /** The default fraction of cases kept for validation. */
    public static final double DEFAULT_VALIDATION_FRACTION = 0.2;

    private NnUnetRawDataset() {}

    /** {@link #load(Path, double)} with a fifth of the cases for validation. */
    public static TrainingData load(Path folder) throws IOException {
        return load(folder, DEFAULT_VALIDATION_FRACTION);
    }

    /**
     * Loads every case of {@code folder}.
     *
     * @param validationFraction the share of cases for validation, in [0, 1)
     * @throws NoSuchFileException     when dataset.json, labelsTr or an image file is missing
     * @throws DatasetFormatException  for invalid content (the message names the file)
     * @throws NiftiFormatException    for a file that is not a readable NIfTI image
     */
    public static TrainingData load(Path folder, double validationFraction) throws IOException {
        return load(folder, validationFraction, null);
    }

    /**
     * Loads every case of {@code folder}, each slice resampled in-plane to {@code target} when given
     * ({@link SliceResampling}; after the z-score, as nnU-Net normalises before it resamples).
     *
     * @param target {@code null} for each volume's own spacing, else the (row, column) spacing in mm of the
     *               slices along the data set's slicing axis
     */
    public static TrainingData load(Path folder, double validationFraction, double[] target) throws IOException {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("the validation fraction must be in [0, 1), got " + validationFraction);
        }
        NnUnetDatasetJson json = readJson(folder);
        List<String> cases = checkedCaseIds(folder, json);
        boolean[] isValidation = new boolean[cases.size()];
        for (int i : validationCases(cases.size(), validationFraction)) isValidation[i] = true;
        String why = cases.size() < 2 ? "only one case: no validation split"
                : validationFraction == 0 ? "validation fraction 0: no validation split (nothing is validated, no checkpoint_best)" : "";
        return load(folder, json, cases, isValidation, "evenly spread", why, target);
    }

    /**
     * Loads {@code folder} split as fold {@code fold} of its {@code splits_final.json}, which is written first
     * when absent ({@link NnUnetSplits}). Cases the fold lists in neither part are not loaded.
     */
    public static TrainingData loadFold(Path folder, int fold) throws IOException {
        return loadFold(folder, fold, null);
    }

    /** {@link #loadFold(Path, int)}, each slice resampled in-plane to {@code target} when given (as {@link #load(Path, double, double[])}). */
    public static TrainingData loadFold(Path folder, int fold, double[] target) throws IOException {
        NnUnetDatasetJson json = readJson(folder);
        List<String> all = checkedCaseIds(folder, json);
        NnUnetSplits.Chosen chosen = NnUnetSplits.choose(folder, all, fold);
        List<String> cases = new ArrayList<>(chosen.fold().train());
        cases.addAll(chosen.fold().val());
        java.util.Collections.sort(cases);
        boolean[] isValidation = new boolean[cases.size()];
        for (int c = 0; c < cases.size(); c++) isValidation[c] = chosen.fold().val().contains(cases.get(c));
        return load(folder, json, cases, isValidation, chosen.origin(),
                chosen.fold().val().isEmpty() ? "fold " + fold + " validates no case" : "", target);
    }

    private static NnUnetDatasetJson readJson(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) throw new NoSuchFileException(folder.toString(), null, "not a folder");
        NnUnetDatasetJson json = NnUnetDatasetJson.read(folder.resolve("dataset.json"));
        if (json.classNames().size() > HeapBudget.MAX_CLASSES) {
            throw new DatasetFormatException(folder.resolve("dataset.json").toString(), "labels defines " + json.classNames().size()
                    + " classes; at most " + HeapBudget.MAX_CLASSES + " are supported");
        }
        return json;
    }

    private static List<String> checkedCaseIds(Path folder, NnUnetDatasetJson json) throws IOException {
        List<String> cases = caseIds(folder, json.fileEnding());
        if (cases.size() != json.numTraining()) {
            throw new DatasetFormatException(folder.resolve("dataset.json").toString(), "numTraining is " + json.numTraining()
                    + " but labelsTr holds " + cases.size() + " label file(s) ending in " + json.fileEnding());
        }
        return cases;
    }

    /** Loads {@code cases} of {@code folder}, those marked in {@code isValidation} as the validation split. */
    private static TrainingData load(Path folder, NnUnetDatasetJson json, List<String> cases, boolean[] isValidation,
                                     String splitOrigin, String noValidation, double[] target) throws IOException {

        // Headers first: the slicing axis depends on every case's spacing.
        int[][] sizes = new int[cases.size()][];
        double[][] spacings = new double[cases.size()][];
        long voxels = 0;
        for (int c = 0; c < cases.size(); c++) {
            Path label = labelFile(folder, cases.get(c), json);
            NiftiHeader header = NiftiReader.readHeader(label);
            sizes[c] = spatialDims(header, label);
            spacings[c] = spacing(header, label);
            voxels += header.voxelCount();
        }
        // Every case stays in memory as slices: its channels as float and its labels as int.
        HeapBudget.require(HeapBudget.product(voxels, json.channelNames().size() + 1L, Float.BYTES),
                folder.toString(), "holding " + cases.size() + " case(s) of " + voxels + " voxels in total");
        int axis = SliceAxis.forDataset(sizes, spacings);

        List<Slice> train = new ArrayList<>(), validation = new ArrayList<>();
        List<String> trainIds = new ArrayList<>(), validationIds = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            Volume volume = readCase(folder, cases.get(c), json);
            ZScore.normalizeChannels(volume);
            List<Slice> slices = VolumeSlicer.slices(volume, axis);
            if (target != null) slices = slices.stream().map(s -> SliceResampling.resample(s, target[0], target[1], json.classNames().size())).toList();
            (isValidation[c] ? validation : train).addAll(slices);
            (isValidation[c] ? validationIds : trainIds).add(cases.get(c));
        }

        List<String> details = new ArrayList<>();
        details.add("layout: nnU-Net raw, " + cases.size() + " case(s), file ending " + json.fileEnding());
        details.add("slicing: along " + SliceAxis.name(axis) + " (the lowest resolution of the median spacing; "
                + (target == null ? "volumes not resampled)" : String.format(Locale.ROOT, "each slice resampled in-plane to %s x %s mm"
                + " (columns x rows): images cubic, labels per class linear + argmax)", DefaultDataset.mm(target[1]), DefaultDataset.mm(target[0]))));
        details.add(String.format(Locale.ROOT, "split: validation = %d of %d cases, %s (%s); train = %s",
                validationIds.size(), cases.size(), splitOrigin, validationIds.isEmpty() ? "none" : String.join(", ", validationIds),
                String.join(", ", trainIds)));
        details.add("normalisation: z-score per case and channel over the whole volume");
        DatasetSource source = new DatasetSource(json.name() + " (nnU-Net raw)", DatasetSource.Kind.NNUNET_RAW, List.of(folder),
                validationIds.isEmpty() ? noValidation : "");
        return new TrainingData(source,
                new SliceDataset("train", train, json.classNames(), json.channelNames(), axis),
                new SliceDataset("validation", validation, json.classNames(), json.channelNames(), axis),
                details);
    }

    /** The case ids of {@code folder}: the names of labelsTr's label files without the file ending, sorted. */
    public static List<String> caseIds(Path folder, String fileEnding) throws IOException {
        Path labels = folder.resolve("labelsTr");
        if (!Files.isDirectory(labels)) throw new NoSuchFileException(labels.toString(), null, "labelsTr folder missing");
        try (Stream<Path> files = Files.list(labels)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(fileEnding) && !n.startsWith("."))
                    .map(n -> n.substring(0, n.length() - fileEnding.length()))
                    .sorted()
                    .toList();
        }
    }

    /**
     * The indices of the validation cases among {@code n} sorted cases (see the class comment).
     *
     * @param fraction in [0, 1)
     */
    public static int[] validationCases(int n, double fraction) {
        if (n < 2 || fraction <= 0) return new int[0];
        int k = (int) Math.max(1, Math.min(n - 1, Math.round(n * fraction)));
        int[] cases = new int[k];
        for (int j = 0; j < k; j++) cases[j] = (int) Math.floor((j + 0.5) * n / k);
        return cases;
    }

    /** One case: every channel and the label, checked against each other and the class count. */
    static Volume readCase(Path folder, String id, NnUnetDatasetJson json) throws IOException {
        Path labelPath = labelFile(folder, id, json);
        NiftiImage label = NiftiReader.read(labelPath);
        int[] dims = spatialDims(label.header(), labelPath);
        double[] spacing = spacing(label.header(), labelPath);
        int channelCount = json.channelNames().size();
        float[][] channels = new float[channelCount][];
        for (int c = 0; c < channelCount; c++) {
            Path imagePath = folder.resolve("imagesTr").resolve(String.format(Locale.ROOT, "%s_%04d%s", id, c, json.fileEnding()));
            if (!Files.exists(imagePath)) {
                throw new NoSuchFileException(imagePath.toString(), null,
                        "image of case " + id + ", channel " + c + " (" + json.channelNames().get(c) + ") missing");
            }
            NiftiImage image = NiftiReader.read(imagePath);
            int[] imageDims = spatialDims(image.header(), imagePath);
            if (!Arrays.equals(dims, imageDims) || !sameSpacing(spacing, spacing(image.header(), imagePath))) {
                throw new DatasetFormatException(imagePath.toString(), "grid " + shape(imageDims, spacing(image.header(), imagePath))
                        + " differs from " + labelPath + "'s " + shape(dims, spacing) + ": image and label must share a grid");
            }
            String world = WorldSpace.mismatch(image.header(), label.header());
            if (world != null) {
                throw new DatasetFormatException(imagePath.toString(), "not on the grid of " + labelPath + ": "
                        + world.replace("their", "the") + "; image and label must cover the same place");
            }
            channels[c] = image.data();
        }
        int[] labels = labelsOf(label, labelPath, dims, json.classNames().size(), json.ignoreLabel());
        return new Volume(id, dims[0], dims[1], dims[2], spacing, channels, labels);
    }

    private static Path labelFile(Path folder, String id, NnUnetDatasetJson json) {
        return folder.resolve("labelsTr").resolve(id + json.fileEnding());
    }

    /** Integer labels in 0..classes-1 (or the ignore label), or an error naming the file, the value and the voxel. */
    private static int[] labelsOf(NiftiImage image, Path file, int[] dims, int classes, int ignore) throws DatasetFormatException {
        float[] v = image.data();
        int[] labels = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            double r = Math.rint(v[i]);
            if (!(Math.abs(v[i] - r) <= 1e-3) || r < 0 || (r >= classes && r != ignore)) {
                int x = i % dims[0], y = i / dims[0] % dims[1], z = i / (dims[0] * dims[1]);
                throw new DatasetFormatException(file.toString(), "voxel (" + x + ", " + y + ", " + z + ") holds " + v[i]
                        + ", but dataset.json defines " + classes + " classes (labels 0.." + (classes - 1) + ")"
                        + (ignore >= 0 ? " and the ignore label " + ignore : ""));
            }
            labels[i] = (int) r;
        }
        return labels;
    }

    /** (nx, ny, nz) of an image of at most 3 axes (trailing axes of size 1 allowed; missing ones are 1). */
    private static int[] spatialDims(NiftiHeader header, Path file) throws DatasetFormatException {
        int[] dims = header.dims();
        for (int a = 3; a < dims.length; a++) {
            if (dims[a] != 1) {
                throw new DatasetFormatException(file.toString(), "dims " + Arrays.toString(dims) + ": expected one 3D volume per "
                        + "file (nnU-Net keeps each channel in its own _000N file)");
            }
        }
        return new int[] {header.dim(0), header.dim(1), header.dim(2)};
    }

    /** The (x, y, z) voxel size; an axis the file does not have gets 1. */
    private static double[] spacing(NiftiHeader header, Path file) throws DatasetFormatException {
        double[] stored = header.spacing();
        double[] s = {1, 1, 1};
        for (int a = 0; a < Math.min(3, stored.length); a++) {
            if (!(stored[a] > 0) || Double.isInfinite(stored[a])) {
                throw new DatasetFormatException(file.toString(), "voxel size (pixdim) along axis " + SliceAxis.name(a) + " is " + stored[a]);
            }
            s[a] = stored[a];
        }
        return s;
    }

    private static boolean sameSpacing(double[] a, double[] b) {
        for (int i = 0; i < 3; i++) if (Math.abs(a[i] - b[i]) > 1e-4 * Math.max(a[i], b[i])) return false;
        return true;
    }

    private static String shape(int[] dims, double[] spacing) {
        return dims[0] + "x" + dims[1] + "x" + dims[2] + " (spacing " + DefaultDataset.mm(spacing[0]) + "x"
                + DefaultDataset.mm(spacing[1]) + "x" + DefaultDataset.mm(spacing[2]) + ")";
    }
}
