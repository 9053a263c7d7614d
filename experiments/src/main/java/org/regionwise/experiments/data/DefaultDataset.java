package org.regionwise.experiments.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.regionwise.experiments.io.NiftiImage;
import org.regionwise.experiments.io.NiftiReader;

/**
 * The default data set: Debian's mricron-data Colin27 T1 ({@code ch2.nii.gz}) with the AAL atlas
 * ({@code aal.nii.gz}) grouped into four classes by {@link AalGrouping}; a generated {@link Phantom}
 * when those files are absent, with a warning.
 *
 * <p>How it is made (one subject, so the split is anatomical):
 * <ol>
 *   <li>Split: training is the left hemisphere (x left of the midline), validation the right one
 *       mirrored in x ({@link Hemispheres}); the midline is world x = 0 of the sform (voxel column 90 of
 *       Colin27, excluded from both), which the AAL atlas is symmetric about (the centroids of its _L and
 *       _R regions lie about equally far on either side). No voxel is in both splits.</li>
 *   <li>Crop: each hemisphere is {@value #CROP_HEIGHT} x {@value #CROP_WIDTH} (y rows x x columns) at
 *       1 mm, both divisible by 32 so that scales 1 and 2 keep multiples of 16 (a 5-level U-Net takes
 *       them unpadded; other scales are padded by {@link BatchSampler}): 90 columns of
 *       hemisphere plus 6 columns of air beyond the lateral edge of the field of view; rows centred on
 *       the atlas's y extent (Colin27: y 14..205, which holds all labelled voxels). Axial slices (z):
 *       those holding any labelled voxel of the atlas (Colin27: 146 slices, z 10..155), the same for both
 *       hemispheres. Padding is raw intensity 0 (air in Colin27) and background.</li>
 *   <li>Scale: an optional in-plane factor s ({@link Downsampling}; image averaged, labels by
 *       majority) for quick runs: s = 2 gives 96 x 48 slices at 2 mm.</li>
 *   <li>Normalisation: per-image z-score over the whole cropped hemisphere volume (after scaling),
 *       nnU-Net's default for MRI; no brain mask is used, since none exists at prediction time.</li>
 * </ol>
 * Class fractions of the whole Colin27 grid are about 79.2% / 17.1% / 1.0% / 2.7%; the crops hold
 * less air, so their background fraction is lower (see {@link TrainingData#describe()}).
 */
public final class DefaultDataset {
    /** Where Debian's mricron-data installs the templates. */
    public static final Path TEMPLATES = Path.of("/usr/share/mricron/templates");
    /** The T1 image in the templates folder. */
    public static final String IMAGE_FILE = "ch2.nii.gz";
    /** The AAL atlas in the templates folder. */
    public static final String ATLAS_FILE = "aal.nii.gz";
    /** The AAL region names beside the atlas. */
    public static final String ATLAS_NAMES_FILE = "aal.nii.txt";
    /** Rows (y) of each hemisphere slice at scale 1. */
    public static final int CROP_HEIGHT = 192;
    /** Columns (x) of each hemisphere slice at scale 1. */
    public static final int CROP_WIDTH = 96;
    /** The largest in-plane downsampling factor. */
    public static final int MAX_SCALE = 8;

    private DefaultDataset() {}

    /** The default data set from {@link #TEMPLATES} (or the phantom when absent) at in-plane factor {@code scale}. */
    public static TrainingData load(int scale) throws IOException {
        return load(TEMPLATES, scale);
    }

    /**
     * The default data set from {@code templates}, or the phantom (with a warning) when its T1 or atlas is
     * not there. Files that are present but unreadable or inconsistent are an error, not a fallback.
     *
     * @param scale in-plane downsampling factor: 1, 2, 3, 4, 6 or 8 (it must divide the crop)
     */
    public static TrainingData load(Path templates, int scale) throws IOException {
        checkScale(scale);
        Path t1 = templates.resolve(IMAGE_FILE), atlas = templates.resolve(ATLAS_FILE);
        if (!Files.isReadable(t1) || !Files.isReadable(atlas)) {
            Path missing = Files.isReadable(t1) ? atlas : t1;
            String warning = missing + " not found (install Debian's mricron-data: apt-get install mricron-data): "
                    + "using a generated phantom instead; results on it say nothing about real data";
            return phantom(scale, warning);
        }
        NiftiImage image = NiftiReader.read(t1);
        NiftiImage aal = NiftiReader.read(atlas);
        int[] dims = spatialDims(image, t1);
        if (!Arrays.equals(dims, spatialDims(aal, atlas))) {
            throw new DatasetFormatException(atlas.toString(), "grid " + shape(spatialDims(aal, atlas)) + " differs from "
                    + t1 + "'s " + shape(dims));
        }
        Path names = templates.resolve(ATLAS_NAMES_FILE);
        if (Files.isReadable(names)) AalGrouping.checkNames(names);
        int[] classes = AalGrouping.group(labelsOf(aal, atlas), atlas.toString());
        double midline = Hemispheres.midlineFromSform(aal.header(), atlas.toString());
        double[] sp = aal.spacing();
        Volume full = new Volume("colin27", dims[0], dims[1], dims[2], new double[] {sp[0], sp[1], sp[2]},
                new float[][] {image.data()}, classes);
        DatasetSource source = new DatasetSource("Colin27 T1 + AAL atlas grouped into 4 classes (Debian mricron-data)",
                DatasetSource.Kind.MRICRON_AAL, List.of(t1, atlas), "");
        return build(full, midline, scale, source);
    }

    /** The phantom data set (for tests and machines without mricron-data), with the standard phantom warning. */
    public static TrainingData phantom(int scale) {
        return phantom(scale, "using a generated phantom, not real data; results on it say nothing about real data");
    }

    private static TrainingData phantom(int scale, String warning) {
        checkScale(scale);
        DatasetSource source = new DatasetSource("phantom: nested ellipsoids on the Colin27 grid, seed " + Phantom.DEFAULT_SEED,
                DatasetSource.Kind.PHANTOM, List.of(), warning);
        return build(Phantom.generate(Phantom.DEFAULT_SEED), Phantom.MIDLINE, scale, source);
    }

    /** Split, crop, scale, normalise and slice a whole-head volume with 4-class labels. */
    static TrainingData build(Volume full, double midline, int scale, DatasetSource source) {
        long[] counts = new long[AalGrouping.CLASS_NAMES.size()];
        ClassFractions.count(full.labels(), counts);
        Hemispheres.Window window = window(full);
        float pad = 0; // air in Colin27 (its minimum) and in the phantom
        Volume left = Hemispheres.left(full, midline, window, pad, full.id() + "-left");
        Volume right = Hemispheres.rightMirrored(full, midline, window, pad, full.id() + "-right-mirrored");
        SliceDataset train = slices("train", left, scale);
        SliceDataset validation = slices("validation", right, scale);

        List<String> details = new ArrayList<>();
        double[] sp = full.spacing();
        details.add(String.format(Locale.ROOT, "grid: %dx%dx%d voxels (x, y, z), %sx%sx%s mm", full.nx(), full.ny(), full.nz(),
                mm(sp[0]), mm(sp[1]), mm(sp[2])));
        details.add("class fractions, whole grid: " + ClassFractions.format(ClassFractions.fractions(counts), AalGrouping.CLASS_NAMES));
        details.add(String.format(Locale.ROOT, "split: train = left hemisphere (x < %s), validation = right hemisphere (x > %s) "
                + "mirrored in x; the midline (sform world x = 0) is in neither", mm(midline), mm(midline)));
        details.add(String.format(Locale.ROOT, "crop: axial (z) slices z %d..%d, rows y %d..%d, %d columns from the midline "
                        + "outwards (lateral side first; beyond the field of view: air), %dx%d (HxW) at 1 mm",
                window.zStart(), window.zStart() + window.depth() - 1, window.yStart(), window.yStart() + window.height() - 1,
                window.width(), window.height(), window.width()));
        details.add(String.format(Locale.ROOT, "scale: %d (in-plane %dx%d slices at %sx%s mm; image block mean, labels block majority)",
                scale, CROP_HEIGHT / scale, CROP_WIDTH / scale, mm(sp[1] * scale), mm(sp[0] * scale)));
        details.add("normalisation: z-score over each whole cropped hemisphere (after scaling)");
        return new TrainingData(source, train, validation, details);
    }

    /** Rows centred on the labelled y extent; slices spanning the labelled z extent. */
    static Hemispheres.Window window(Volume full) {
        int yMin = Integer.MAX_VALUE, yMax = -1, zMin = Integer.MAX_VALUE, zMax = -1;
        int i = 0;
        for (int z = 0; z < full.nz(); z++) {
            for (int y = 0; y < full.ny(); y++) {
                for (int x = 0; x < full.nx(); x++, i++) {
                    if (full.labels()[i] != 0) {
                        yMin = Math.min(yMin, y);
                        yMax = Math.max(yMax, y);
                        zMin = Math.min(zMin, z);
                        zMax = Math.max(zMax, z);
                    }
                }
            }
        }
        if (yMax < 0) throw new IllegalArgumentException(full.id() + ": the atlas labels no voxel");
        int yStart = (yMin + yMax + 1) / 2 - CROP_HEIGHT / 2;
        return new Hemispheres.Window(yStart, CROP_HEIGHT, CROP_WIDTH, zMin, zMax - zMin + 1);
    }

    private static SliceDataset slices(String name, Volume hemisphere, int scale) {
        Volume scaled = Downsampling.inPlane(hemisphere, scale);
        ZScore.normalizeChannels(scaled);
        return new SliceDataset(name, VolumeSlicer.slices(scaled, SliceAxis.Z), AalGrouping.CLASS_NAMES, List.of("T1"), SliceAxis.Z);
    }

    /** Rejects factors that do not divide the crop (the crop would no longer be whole blocks). */
    public static void checkScale(int scale) {
        if (scale < 1 || scale > MAX_SCALE || CROP_HEIGHT % scale != 0 || CROP_WIDTH % scale != 0) {
            throw new IllegalArgumentException("scale must be one of 1, 2, 3, 4, 6, 8 (it divides the " + CROP_HEIGHT + "x"
                    + CROP_WIDTH + " crop), got " + scale);
        }
    }

    private static int[] spatialDims(NiftiImage image, Path file) throws DatasetFormatException {
        int[] dims = image.dims();
        if (dims.length < 3 || Arrays.stream(dims).skip(3).anyMatch(d -> d != 1)) {
            throw new DatasetFormatException(file.toString(), "expected a 3D volume, got dims " + Arrays.toString(dims));
        }
        return Arrays.copyOf(dims, 3);
    }

    private static int[] labelsOf(NiftiImage atlas, Path file) throws DatasetFormatException {
        try {
            return atlas.labels();
        } catch (IllegalStateException e) {
            throw new DatasetFormatException(file.toString(), e.getMessage());
        }
    }

    private static String shape(int[] dims) {
        return dims[0] + "x" + dims[1] + "x" + dims[2];
    }

    /** A length without trailing zeros: 1, 1.5, 0.75. */
    static String mm(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
