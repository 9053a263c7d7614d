package org.regionwise.experiments.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.regionwise.experiments.io.NiftiDataType;
import org.regionwise.experiments.io.NiftiHeader;
import org.regionwise.experiments.io.NiftiImage;

/**
 * A small nnU-Net raw data set for the train, evaluate and predict commands: cases of 16 x 16 x 6 voxels
 * at 1 x 1 x 2 mm with two channels and three classes (a ball and a bar on background), the images a
 * noisy function of the labels, so that a tiny network learns something in a few steps.
 */
final class TinyRawDataset {
    static final int NX = 16, NY = 16, NZ = 6;
    static final float[] SPACING = {1, 1, 2};

    private TinyRawDataset() {}

    /** Writes {@code cases} cases into {@code dir}. */
    static Path write(Path dir, int cases) throws IOException {
        Files.createDirectories(dir.resolve("imagesTr"));
        Files.createDirectories(dir.resolve("labelsTr"));
        Files.writeString(dir.resolve("dataset.json"), """
                {"name": "Tiny", "channel_names": {"0": "T1", "1": "T2"},
                 "labels": {"background": 0, "ball": 1, "bar": 2}, "numTraining": %d, "file_ending": ".nii.gz"}
                """.formatted(cases));
        java.util.SplittableRandom rng = new java.util.SplittableRandom(cases);
        for (int k = 0; k < cases; k++) {
            String id = "case_" + k;
            int[] labels = labels(k);
            for (int c = 0; c < 2; c++) {
                float[] image = new float[labels.length];
                for (int i = 0; i < image.length; i++) {
                    image[i] = (float) ((c == 0 ? 100 : -50) * labels[i] + 10 * rng.nextGaussian() + 20 * c);
                }
                new NiftiImage(header(NiftiDataType.FLOAT32), image).write(dir.resolve("imagesTr/" + id + "_000" + c + ".nii.gz"));
            }
            float[] l = new float[labels.length];
            for (int i = 0; i < l.length; i++) l[i] = labels[i];
            new NiftiImage(header(NiftiDataType.UINT8), l).write(dir.resolve("labelsTr/" + id + ".nii.gz"));
        }
        return dir;
    }

    /** Case k: a ball of radius 4 around a centre that moves with k, and a bar along y. */
    static int[] labels(int k) {
        int[] out = new int[NX * NY * NZ];
        for (int z = 0; z < NZ; z++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++) {
                    int dx = x - (6 + k % 3), dy = y - 7, dz = 2 * (z - 3);
                    int label = dx * dx + dy * dy + dz * dz <= 16 ? 1 : (x >= 13 && x <= 14 ? 2 : 0);
                    out[x + NX * (y + NY * z)] = label;
                }
            }
        }
        return out;
    }

    /** A header on the tiny grid, with the given data type. */
    static NiftiHeader header(NiftiDataType type) {
        return header(type, new int[] {NX, NY, NZ}, SPACING);
    }

    static NiftiHeader header(NiftiDataType type, int[] dims, float[] spacing) {
        NiftiHeader plain = NiftiHeader.of(type, dims);
        float[] pixdim = plain.pixdim();
        for (int a = 0; a < spacing.length; a++) pixdim[a + 1] = spacing[a];
        return new NiftiHeader(plain.dims(), pixdim, type, plain.voxOffset(), plain.sclSlope(), plain.sclInter(),
                plain.xyztUnits(), "", plain.geometry(), plain.byteOrder());
    }
}
