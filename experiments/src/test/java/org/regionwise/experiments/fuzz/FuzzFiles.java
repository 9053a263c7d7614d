package org.regionwise.experiments.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.regionwise.experiments.io.NiftiDataType;
import org.regionwise.experiments.io.NiftiGeometry;
import org.regionwise.experiments.io.NiftiHeader;
import org.regionwise.experiments.io.NiftiImage;

/**
 * The valid inputs the fuzz suites start from, and byte-level edits of NIfTI-1 files (offsets from
 * nifti1.h): a 12 x 10 x 4 grid at 1 x 1 x 2 mm with an sform placing voxel (0, 0, 0) at (-6, -5, -4) mm.
 */
public final class FuzzFiles {
    public static final int NX = 12, NY = 10, NZ = 4;
    /** Byte offsets of header fields. */
    public static final int DIM = 40, DATATYPE = 70, BITPIX = 72, PIXDIM = 76, VOX_OFFSET = 108, SCL_SLOPE = 112,
            SFORM_CODE = 254, SROW_X = 280, HEADER = 348, DATA = 352;

    private FuzzFiles() {}

    /** The grid's header with {@code type}: sform code 1 (scanner), diag(1, 1, 2), origin (-6, -5, -4). */
    public static NiftiHeader header(NiftiDataType type) {
        NiftiHeader plain = NiftiHeader.of(type, NX, NY, NZ);
        float[] pixdim = plain.pixdim();
        pixdim[1] = 1;
        pixdim[2] = 1;
        pixdim[3] = 2;
        float[] srow = {1, 0, 0, -6, 0, 1, 0, -5, 0, 0, 2, -4};
        NiftiGeometry geometry = new NiftiGeometry(0, 1, 0, 0, 0, 0, 0, 0, srow);
        return new NiftiHeader(plain.dims(), pixdim, type, plain.voxOffset(), plain.sclSlope(), plain.sclInter(),
                plain.xyztUnits(), "", geometry, plain.byteOrder());
    }

    /** Labels 0..2: a box of 1s and a slab of 2s. */
    public static int[] labels(int shift) {
        int[] l = new int[NX * NY * NZ];
        for (int z = 0; z < NZ; z++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++) {
                    int v = x >= 3 + shift && x < 8 + shift && y >= 2 && y < 7 ? 1 : y >= 8 ? 2 : 0;
                    l[x + NX * (y + NY * z)] = v;
                }
            }
        }
        return l;
    }

    /** A uint8 label file (plain .nii or .nii.gz by the name). */
    public static Path writeLabels(Path file, int shift) throws IOException {
        int[] l = labels(shift);
        float[] data = new float[l.length];
        for (int i = 0; i < l.length; i++) data[i] = l[i];
        Files.createDirectories(file.toAbsolutePath().getParent());
        new NiftiImage(header(NiftiDataType.UINT8), data).write(file);
        return file;
    }

    /** A float32 image of the labels plus a ramp. */
    public static Path writeImage(Path file) throws IOException {
        int[] l = labels(0);
        float[] data = new float[l.length];
        for (int i = 0; i < l.length; i++) data[i] = 100 * l[i] + i % 7;
        Files.createDirectories(file.toAbsolutePath().getParent());
        new NiftiImage(header(NiftiDataType.FLOAT32), data).write(file);
        return file;
    }

    /**
     * A small nnU-Net raw data set: {@code cases} cases of one channel ("T1") and labels 0..2 on the grid,
     * each case's box shifted a little, the image a noisy function of the labels.
     */
    public static Path writeDataset(Path dir, int cases) throws IOException {
        Files.createDirectories(dir.resolve("imagesTr"));
        Files.createDirectories(dir.resolve("labelsTr"));
        Files.writeString(dir.resolve("dataset.json"), """
                {"name": "Fuzz", "channel_names": {"0": "T1"}, "labels": {"background": 0, "box": 1, "slab": 2},
                 "numTraining": %d, "file_ending": ".nii.gz"}
                """.formatted(cases));
        java.util.SplittableRandom rng = new java.util.SplittableRandom(cases);
        for (int k = 0; k < cases; k++) {
            int[] l = labels(k % 3);
            float[] image = new float[l.length];
            float[] label = new float[l.length];
            for (int i = 0; i < l.length; i++) {
                image[i] = (float) (100 * l[i] + 10 * rng.nextGaussian());
                label[i] = l[i];
            }
            new NiftiImage(header(NiftiDataType.FLOAT32), image).write(dir.resolve("imagesTr/case_" + k + "_0000.nii.gz"));
            new NiftiImage(header(NiftiDataType.UINT8), label).write(dir.resolve("labelsTr/case_" + k + ".nii.gz"));
        }
        return dir;
    }

    /** The arguments of a tiny, fast {@code train} run on {@code data} into {@code out}, then {@code more}. */
    public static String[] trainArgs(Path data, Path out, String... more) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("train", "--data", data.toString(), "--levels", "2",
                "--base-filters", "2", "--steps-per-epoch", "1", "--batch", "2", "--lr", "1e-3", "--validate-every", "0",
                "--threads", "1", "--out", out.toString()));
        java.util.List<String> extra = java.util.List.of(more);
        if (!extra.contains("--epochs")) all.addAll(java.util.List.of("--epochs", "2"));
        all.addAll(extra);
        return all.toArray(String[]::new);
    }

    /** The bytes with a little-endian float put at {@code offset}. */
    public static byte[] putFloat(byte[] bytes, int offset, float value) {
        byte[] b = bytes.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putFloat(offset, value);
        return b;
    }

    /** The bytes with a little-endian short put at {@code offset}. */
    public static byte[] putShort(byte[] bytes, int offset, int value) {
        byte[] b = bytes.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(offset, (short) value);
        return b;
    }

    /** gzip of {@code bytes}. */
    public static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    /** Deletes a folder tree (test clean-up). */
    public static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        }
    }
}
