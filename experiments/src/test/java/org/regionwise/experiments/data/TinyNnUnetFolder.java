package org.regionwise.experiments.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.regionwise.experiments.io.NiftiDataType;
import org.regionwise.experiments.io.NiftiHeader;
import org.regionwise.experiments.io.NiftiImage;

/**
 * Writes small nnU-Net raw data sets for tests: dataset.json, imagesTr/CASE_000c.nii.gz and
 * labelsTr/CASE.nii.gz, with values that encode case, channel and voxel so a test can find every
 * voxel again after loading.
 */
final class TinyNnUnetFolder {
    static final String DATASET_JSON = """
            {
              "name": "Tiny",
              "channel_names": {"0": "T1", "1": "FLAIR"},
              "labels": {"background": 0, "lesion": 1, "edema": 2},
              "numTraining": %d,
              "file_ending": ".nii.gz"
            }
            """;

    private TinyNnUnetFolder() {}

    /** The image value of voxel (x, y, z) of channel c of case k: distinct, not constant. */
    static float value(int k, int c, int x, int y, int z) {
        return 1000 * k + 100 * c + 3 * x + 7 * y * y + 11 * z;
    }

    /** The label of voxel (x, y, z): 0, 1 or 2. */
    static int label(int x, int y, int z) {
        return (x + y + z) % 3;
    }

    /** Writes {@code cases} cases of dims (nx, ny, nz) and spacing (sx, sy, sz), 2 channels each. */
    static Path write(Path dir, int cases, int[] dims, float[] spacing) throws IOException {
        Files.createDirectories(dir.resolve("imagesTr"));
        Files.createDirectories(dir.resolve("labelsTr"));
        Files.writeString(dir.resolve("dataset.json"), DATASET_JSON.formatted(cases));
        for (int k = 0; k < cases; k++) {
            String id = "case_" + (char) ('a' + k);
            for (int c = 0; c < 2; c++) {
                writeImage(dir.resolve("imagesTr/" + id + "_000" + c + ".nii.gz"), dims, spacing, k, c);
            }
            writeLabels(dir.resolve("labelsTr/" + id + ".nii.gz"), dims, spacing);
        }
        return dir;
    }

    static void writeImage(Path file, int[] dims, float[] spacing, int k, int c) throws IOException {
        float[] data = new float[dims[0] * dims[1] * dims[2]];
        for (int z = 0; z < dims[2]; z++)
            for (int y = 0; y < dims[1]; y++)
                for (int x = 0; x < dims[0]; x++) data[x + dims[0] * (y + dims[1] * z)] = value(k, c, x, y, z);
        new NiftiImage(header(NiftiDataType.FLOAT32, dims, spacing), data).write(file);
    }

    static void writeLabels(Path file, int[] dims, float[] spacing) throws IOException {
        float[] data = new float[dims[0] * dims[1] * dims[2]];
        for (int z = 0; z < dims[2]; z++)
            for (int y = 0; y < dims[1]; y++)
                for (int x = 0; x < dims[0]; x++) data[x + dims[0] * (y + dims[1] * z)] = label(x, y, z);
        new NiftiImage(header(NiftiDataType.UINT8, dims, spacing), data).write(file);
    }

    static NiftiHeader header(NiftiDataType type, int[] dims, float[] spacing) {
        NiftiHeader plain = NiftiHeader.of(type, dims);
        float[] pixdim = plain.pixdim();
        for (int a = 0; a < spacing.length; a++) pixdim[a + 1] = spacing[a];
        return new NiftiHeader(plain.dims(), pixdim, type, plain.voxOffset(), plain.sclSlope(), plain.sclInter(),
                plain.xyztUnits(), "", plain.geometry(), plain.byteOrder());
    }
}
