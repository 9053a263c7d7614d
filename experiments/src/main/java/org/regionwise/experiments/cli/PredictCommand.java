package org.regionwise.experiments.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.regionwise.experiments.io.NiftiHeader;
import org.regionwise.experiments.io.NiftiImage;
import org.regionwise.experiments.io.NiftiReader;
import org.regionwise.experiments.train.Checkpoint;
import org.regionwise.experiments.io.CheckpointFile;
import org.regionwise.experiments.train.DataSpec;
import org.regionwise.experiments.train.Models;
import org.regionwise.experiments.predict.VolumePredictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code regionwise predict}: segments a NIfTI image with a trained model and writes the labels as a
 * NIfTI on the input's grid (same dims, voxel size, qform and sform): uint8 for up to 256 classes,
 * int16 beyond. The image is prepared as the training slices were ({@link VolumePredictor}).
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Segment a NIfTI image with a trained model and write a label volume (uint8, or int16 beyond 256 "
                + "classes) on the input's grid.")
final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "CKPT", description = "A checkpoint written by 'regionwise train'.")
    Path model;

    @Option(names = "--image", required = true, paramLabel = "FILE",
            description = "Input image (.nii or .nii.gz); repeat once per channel, in the model's channel order.")
    List<Path> images;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output label volume (.nii or .nii.gz).")
    Path out;

    @Mixin
    InferenceOptions inference;

    @Override
    public Integer call() throws IOException {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".nii") && !name.endsWith(".nii.gz")) throw usage("--out must end in .nii or .nii.gz: " + out);
        inference.validate(spec);
        long start = System.nanoTime();
        Checkpoint checkpoint = CheckpointFile.read(model);
        DataSpec data = checkpoint.data();
        if (images.size() != data.channelCount()) {
            throw usage("the model takes " + data.channelCount() + " channel(s) " + data.channelNames() + ": give --image "
                    + data.channelCount() + " time(s), got " + images.size());
        }
        NiftiImage first = NiftiReader.read(images.get(0));
        int[] dims = spatialDims(first.header(), images.get(0));
        double[] spacing = spacing(first.header(), images.get(0));
        float[][] channels = new float[images.size()][];
        channels[0] = first.data();
        for (int c = 1; c < images.size(); c++) {
            NiftiImage image = NiftiReader.read(images.get(c));
            int[] d = spatialDims(image.header(), images.get(c));
            double[] s = spacing(image.header(), images.get(c));
            if (!Arrays.equals(d, dims) || !sameSpacing(s, spacing)) {
                throw new IllegalArgumentException(images.get(c) + ": grid " + grid(d, s) + " differs from " + images.get(0) + "'s "
                        + grid(dims, spacing) + "; every channel must share one grid");
            }
            channels[c] = image.data();
        }

        inference.installBackend();
        int[] labels = new VolumePredictor(Models.fromCheckpoint(checkpoint), data, inference.batch).predict(dims, spacing, channels);
        NiftiImage result = data.classCount() <= 256
                ? NiftiImage.uint8Like(first.header(), labels)
                : NiftiImage.int16Like(first.header(), labels);
        result.write(out);

        long[] counts = new long[data.classCount()];
        for (int l : labels) counts[l]++;
        StringBuilder perClass = new StringBuilder();
        for (int c = 0; c < counts.length; c++) {
            perClass.append(c == 0 ? "" : ", ").append(data.classNames().get(c)).append(' ').append(counts[c]);
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %s labels on %s; voxels per class: %s (%.1f s)%n", out,
                data.classCount() <= 256 ? "uint8" : "int16", grid(dims, spacing), perClass, (System.nanoTime() - start) / 1e9);
        return Main.OK;
    }

    /** (nx, ny, nz) of a 2D or 3D image; a fourth axis of size 1 is allowed. */
    private static int[] spatialDims(NiftiHeader header, Path file) {
        int[] dims = header.dims();
        for (int a = 3; a < dims.length; a++) {
            if (dims[a] != 1) {
                throw new IllegalArgumentException(file + ": expected one 3D image per channel, got dims " + Arrays.toString(dims));
            }
        }
        return new int[] {header.dim(0), header.dim(1), header.dim(2)};
    }

    /** Voxel size (x, y, z); an axis the file lacks gets 1. */
    private static double[] spacing(NiftiHeader header, Path file) {
        double[] stored = header.spacing();
        double[] s = {1, 1, 1};
        for (int a = 0; a < Math.min(3, stored.length); a++) {
            if (!(stored[a] > 0) || Double.isInfinite(stored[a])) {
                throw new IllegalArgumentException(file + ": the header's voxel size (pixdim) along axis " + a + " is " + stored[a]);
            }
            s[a] = stored[a];
        }
        return s;
    }

    private static boolean sameSpacing(double[] a, double[] b) {
        for (int i = 0; i < 3; i++) if (Math.abs(a[i] - b[i]) > 1e-4 * Math.max(a[i], b[i])) return false;
        return true;
    }

    private static String grid(int[] d, double[] s) {
        return String.format(Locale.ROOT, "%dx%dx%d at %sx%sx%s mm", d[0], d[1], d[2], num(s[0]), num(s[1]), num(s[2]));
    }

    private static String num(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
