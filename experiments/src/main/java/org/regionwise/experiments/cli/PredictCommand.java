package org.regionwise.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.experiments.io.CheckpointFile;
import org.regionwise.experiments.io.NiftiDataType;
import org.regionwise.experiments.io.NiftiHeader;
import org.regionwise.experiments.io.OutputLock;
import org.regionwise.experiments.io.WorldSpace;
import org.regionwise.experiments.io.NiftiImage;
import org.regionwise.experiments.predict.CaseFolder;
import org.regionwise.experiments.predict.InputImage;
import org.regionwise.experiments.predict.SpacingCheck;
import org.regionwise.experiments.predict.UNetTiles;
import org.regionwise.experiments.predict.VolumeInference;
import org.regionwise.experiments.predict.VolumePrediction;
import org.regionwise.experiments.predict.VolumePredictor;
import org.regionwise.experiments.train.Checkpoint;
import org.regionwise.experiments.train.DataSpec;
import org.regionwise.experiments.train.Models;
import org.regionwise.layers.UNet2d;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code regionwise predict}: segments NIfTI images with a trained model the way nnU-Net v2 predicts
 * ({@link VolumeInference}): each slice resampled to the training spacing, Gaussian-weighted sliding
 * windows of the training patch, probabilities back on the input grid, argmax. One image
 * ({@code --image ... --out}) or a folder in nnU-Net's layout ({@code -i IN -o OUT}). Labels are written on
 * the input's grid (same dims, voxel size, qform and sform): uint8 for up to 256 classes, int16 beyond.
 *
 * <p>A checkpoint written before the preprocessing was recorded still works, as that build predicted
 * ({@link VolumePredictor}), with a warning that no spacing check is possible.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Segment NIfTI images with a trained model, nnU-Net style: each slice is resampled in-plane to the model's "
                + "training spacing (cubic), predicted with Gaussian-weighted sliding windows of the training patch (step 1/2 "
                + "patch, sigma 1/8 patch), and the softmax probabilities are resampled back to the input grid (linear) before "
                + "the argmax. Labels: uint8 (int16 beyond 256 classes) on the input's grid.",
                "One image: --image FILE (once per channel) --out FILE. A folder (nnU-Net v2's predict layout): -i IN_DIR with "
                + "CASE_0000.nii.gz, CASE_0001.nii.gz, ... per channel, -o OUT_DIR gets CASE.nii.gz."})
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "CKPT", description = "A checkpoint written by 'regionwise train'.")
    Path model;

    @Option(names = "--image", paramLabel = "FILE",
            description = "Input image (.nii or .nii.gz); repeat once per channel, in the model's channel order.")
    List<Path> images = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Output label volume (.nii or .nii.gz), with --image.")
    Path out;

    @Option(names = {"-i", "--input-folder"}, paramLabel = "IN_DIR",
            description = "Folder of images named CASE_XXXX.nii.gz (XXXX = channel, 0000 first), as nnUNetv2_predict -i; "
                    + "every case needs exactly the model's channels.")
    Path inputFolder;

    @Option(names = {"-o", "--output-folder"}, paramLabel = "OUT_DIR",
            description = "Where the labels go, one CASE.nii.gz (same ending as the input) per case; created if absent.")
    Path outputFolder;

    @Option(names = "--save-probabilities",
            description = "Also write the softmax probabilities next to each label file, as NAME_probabilities.nii(.gz): a float32 "
                    + "4D NIfTI (x, y, z, class) on the input's grid, the 4th axis the class index (0 = background), values "
                    + "summing to 1 over it.")
    boolean saveProbabilities;

    @Option(names = "--spacing-tolerance", paramLabel = "F", defaultValue = "0.1",
            description = "Largest relative in-plane spacing difference from the training spacing accepted without a warning "
                    + "(default: ${DEFAULT-VALUE}). Images are resampled to the training spacing whatever it is.")
    double tolerance;

    @Option(names = "--strict", description = "Refuse (exit 1) an image whose in-plane spacing differs from the training "
            + "spacing by more than --spacing-tolerance, instead of warning and resampling.")
    boolean strict;

    @Mixin
    InferenceOptions inference;

    /** One image to predict: its channel files and where its outputs go. */
    private record Job(List<Path> files, Path labels, Path probabilities) {}

    @Override
    public Integer call() throws IOException {
        boolean single = !images.isEmpty() || out != null, folder = inputFolder != null || outputFolder != null;
        if (single == folder) throw usage("give either --image FILE... --out FILE, or -i IN_DIR -o OUT_DIR");
        if (single && (images.isEmpty() || out == null)) throw usage("--image and --out go together");
        if (folder && (inputFolder == null || outputFolder == null)) throw usage("-i and -o go together");
        if (single && ending(out) == null) throw usage("--out must end in .nii or .nii.gz: " + OneLine.visible(out));
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) throw usage("--spacing-tolerance must be >= 0, got " + tolerance);
        inference.validate(spec);
        // One writer per output: the --out file's folder, or the -o folder, is locked for the whole run.
        try (OutputLock lock = single ? OutputTargets.file(spec, "--out", out) : OutputTargets.folder(spec, outputFolder)) {
            return predict(single);
        }
    }

    private int predict(boolean single) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut(), stderr = spec.commandLine().getErr();

        Checkpoint checkpoint = CheckpointFile.read(model);
        DataSpec data = checkpoint.data();
        if (single && images.size() != data.channelCount()) {
            throw usage("the model takes " + data.channelCount() + " channel(s) " + data.channelNames() + ": give --image "
                    + data.channelCount() + " time(s), got " + images.size());
        }
        if (!data.preprocessingRecorded()) {
            if (saveProbabilities) {
                throw new IllegalArgumentException(OneLine.visible(model) + " was written by an older build that did not record its preprocessing: "
                        + "--save-probabilities needs a checkpoint from this build");
            }
            stderr.println("regionwise predict: warning: " + OneLine.visible(model) + " records no training spacing (written by an older build): "
                    + "no spacing check is possible; predicting as that build did (whole slices, the default data's scale only)");
        }
        List<Job> jobs = jobs(data);
        if (strict && data.preprocessingRecorded()) { // refuse before anything is written, not halfway through a folder
            for (Job job : jobs) checkSpacing(job, data, InputImage.spacingOf(job.files().get(0)), null);
        }

        inference.installBackend();
        UNet2d network = Models.fromCheckpoint(checkpoint);
        VolumeInference volumes = new VolumeInference(new UNetTiles(network), data.sliceAxis(), data.spacing(), data.patchHeight(),
                data.patchWidth(), inference.batch);
        for (Job job : jobs) {
            long start = System.nanoTime();
            InputImage image = InputImage.read(job.files());
            String what;
            VolumePrediction result;
            if (data.preprocessingRecorded()) {
                what = checkSpacing(job, data, image.spacing(), stderr).describe();
                result = volumes.predict(image.dims(), image.spacing(), image.channels(), saveProbabilities);
            } else {
                what = "spacing: not checked (older checkpoint)";
                int[] labels = new VolumePredictor(network, data, inference.batch).predict(image.dims(), image.spacing(), image.channels());
                result = new VolumePrediction(labels, null, data.classCount(), 0, 0);
            }
            write(job, image, data, result);
            stdout.printf(Locale.ROOT, "wrote %s: %s labels on %s; %s; voxels per class: %s (%.1f s)%n", job.labels(),
                    data.classCount() <= 256 ? "uint8" : "int16", image.grid(), what, counts(result.labels(), data),
                    (System.nanoTime() - start) / 1e9);
            if (job.probabilities() != null) stdout.println("wrote " + job.probabilities() + ": float32 probabilities (x, y, z, class)");
        }
        return Main.OK;
    }

    /**
     * The image's in-plane spacing against the training spacing: beyond --spacing-tolerance a refusal with
     * --strict, else a warning on {@code stderr} (when given).
     */
    private SpacingCheck checkSpacing(Job job, DataSpec data, double[] spacing, PrintWriter stderr) {
        SpacingCheck check = SpacingCheck.of(data.sliceAxis(), spacing, data.spacing());
        if (check.deviation() > tolerance) {
            String problem = OneLine.visible(job.files().get(0)) + ": in-plane spacing differs from the training spacing by more than "
                    + Math.round(100 * tolerance) + "%: " + check.describe();
            if (strict) throw new IllegalArgumentException(problem + " (refused: --strict)");
            if (stderr != null) stderr.println("regionwise predict: warning: " + problem);
        }
        return check;
    }

    /** The images to predict and their outputs, checked before any prediction starts. */
    private List<Job> jobs(DataSpec data) throws IOException {
        List<Job> jobs = new ArrayList<>();
        if (inputFolder == null) {
            jobs.add(new Job(images, out, saveProbabilities ? probabilitiesFile(out) : null));
            return jobs;
        }
        List<CaseFolder.Case> cases = CaseFolder.list(inputFolder, data.channelCount(), data.channelNames());
        Files.createDirectories(outputFolder);
        for (CaseFolder.Case c : cases) {
            Path labels = outputFolder.resolve(c.id() + c.ending());
            jobs.add(new Job(c.files(), labels, saveProbabilities ? probabilitiesFile(labels) : null));
        }
        return jobs;
    }

    private static void write(Job job, InputImage image, DataSpec data, VolumePrediction result) throws IOException {
        NiftiImage labels = data.classCount() <= 256
                ? NiftiImage.uint8Like(image.header(), result.labels())
                : NiftiImage.int16Like(image.header(), result.labels());
        labels.write(job.labels());
        if (job.probabilities() != null) {
            int[] d = image.dims();
            NiftiHeader header = NiftiHeader.like(image.header(), NiftiDataType.FLOAT32, d[0], d[1], d[2], result.classes())
                    .withDescription("regionwise softmax probabilities (x, y, z, class)");
            new NiftiImage(header, result.probabilities()).write(job.probabilities());
        }
    }

    /** {@code NAME_probabilities.nii(.gz)} beside {@code NAME.nii(.gz)}. */
    static Path probabilitiesFile(Path labels) {
        String name = labels.getFileName().toString(), ending = ending(labels);
        return labels.resolveSibling(name.substring(0, name.length() - ending.length()) + "_probabilities" + ending);
    }

    /** ".nii.gz", ".nii", or null. */
    private static String ending(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".nii.gz") ? file.getFileName().toString().substring(name.length() - 7)
                : name.endsWith(".nii") ? file.getFileName().toString().substring(name.length() - 4) : null;
    }

    private static String counts(int[] labels, DataSpec data) {
        long[] counts = new long[data.classCount()];
        for (int l : labels) counts[l]++;
        StringBuilder perClass = new StringBuilder();
        for (int c = 0; c < counts.length; c++) {
            perClass.append(c == 0 ? "" : ", ").append(data.classNames().get(c)).append(' ').append(counts[c]);
        }
        return perClass.toString();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
