package org.regionwise.experiments.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.regionwise.experiments.cli.Main;
import org.regionwise.experiments.io.NiftiDataType;
import org.regionwise.experiments.io.NiftiHeader;
import org.regionwise.experiments.io.NiftiImage;
import org.regionwise.experiments.io.NiftiWriter;

/**
 * Inputs that ask for far more memory than they are large, each run in a child JVM with a 96 MB heap: a
 * gzip file whose header declares 2047 x 1024 x 1024 voxels, a 4 KB label file holding the value 40000,
 * a thousand classes on a modest volume, two billion classes by option, a data set of 20,000 classes or
 * larger than the heap, a checkpoint whose .npy shape promises 1.6 GB. Each must be refused in one line
 * naming the input, before the allocation: no out-of-memory error, and within seconds.
 */
class MemoryFuzzTest {
    private static final String SUITE = "memory (child JVM, -Xmx96m)";
    private static final String HEAP = "96m";
    private static Path world;

    @BeforeContainer
    static void create() throws IOException {
        world = Files.createTempDirectory("regionwise-fuzz-memory");
    }

    @AfterContainer
    static void report() throws IOException {
        FuzzFiles.deleteTree(world);
        FuzzTally.report();
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void amplification(@ForAll Amplifier amplifier) throws Exception {
        FuzzFiles.deleteTree(world.resolve("in"));
        FuzzFiles.deleteTree(world.resolve("out"));
        Files.createDirectories(world.resolve("in"));
        List<String> args = new ArrayList<>();
        String culprit = amplifier.prepare(world, args);
        String phrase = amplifier.phrase;
        long t0 = System.nanoTime();
        ChildJvm.Result r = ChildJvm.run(HEAP, world.resolve("logs"), 120, args.toArray(String[]::new));
        double seconds = (System.nanoTime() - t0) / 1e9;
        FuzzRun.Outcome o = new FuzzRun.Outcome(r.timedOut() ? -1 : r.exitCode(), r.timedOut(), r.out(), r.err(), List.of(),
                FuzzRun.leftovers(world.resolve("out")));
        FuzzVerdict v = FuzzRun.judge(o, FuzzRun.Expect.ERROR, false, amplifier.exitCode, culprit);
        if (v == FuzzVerdict.CLEAR_ERROR && !r.err().contains(phrase)) v = FuzzVerdict.POOR_ERROR; // refused for the wrong reason
        String what = amplifier + String.format(java.util.Locale.ROOT, " (%.1f s)", seconds);
        FuzzTally.add(SUITE, v, what + ": " + o);
        assertFalse(v.bad(), what + ": " + v + ": " + o);
    }

    enum Amplifier {
        GZIP_HEADER_2047x1024x1024(1, "would need"), LABEL_VALUE_40000(1, "at most 1024"),
        THOUSAND_CLASSES_ON_A_VOLUME(1, "would need"), CLASSES_TWO_BILLION(2, "must be in 1..1024"),
        DATASET_OF_20000_CLASSES(1, "at most 1024"), DATASET_LARGER_THAN_THE_HEAP(1, "would need"),
        CHECKPOINT_SHAPE_OF_1_6_GB(1, "truncated");

        final int exitCode;
        /** Why the input must be refused: the message has to say so. */
        final String phrase;

        Amplifier(int exitCode, String phrase) {
            this.exitCode = exitCode;
            this.phrase = phrase;
        }

        String prepare(Path world, List<String> args) throws IOException {
            Path in = world.resolve("in");
            String out = world.resolve("out/m.nii.gz").toString();
            switch (this) {
                case GZIP_HEADER_2047x1024x1024 -> {
                    Path file = in.resolve("bomb.nii.gz");
                    java.io.ByteArrayOutputStream small = new java.io.ByteArrayOutputStream();
                    NiftiWriter.write(small, new NiftiImage(NiftiHeader.of(NiftiDataType.UINT8, 1, 1, 1), new float[1]));
                    byte[] header = java.util.Arrays.copyOf(small.toByteArray(), FuzzFiles.DATA);
                    header = FuzzFiles.putShort(header, FuzzFiles.DIM + 2, 2047);
                    header = FuzzFiles.putShort(header, FuzzFiles.DIM + 4, 1024);
                    header = FuzzFiles.putShort(header, FuzzFiles.DIM + 6, 1024);
                    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16) {
                        { def.setLevel(Deflater.BEST_SPEED); }
                    }) {
                        gz.write(header);
                        byte[] zeros = new byte[1 << 20];
                        for (int i = 0; i < 64; i++) gz.write(zeros); // 64 MB of real data, far below what the header claims
                    }
                    args.addAll(List.of("maps", "--label", file.toString(), "--map", "rrw", "--out", out));
                    return file.toString();
                }
                case LABEL_VALUE_40000 -> {
                    Path file = in.resolve("labels.nii.gz");
                    float[] v = new float[16 * 16 * 16];
                    v[100] = 40000;
                    new NiftiImage(NiftiHeader.of(NiftiDataType.UINT16, 16, 16, 16), v).write(file);
                    args.addAll(List.of("maps", "--label", file.toString(), "--map", "rrw", "--out", out));
                    return file.toString();
                }
                case THOUSAND_CLASSES_ON_A_VOLUME -> {
                    Path file = in.resolve("labels.nii.gz");
                    float[] v = new float[64 * 64 * 32];
                    for (int i = 0; i < v.length; i++) v[i] = i % 1000;
                    new NiftiImage(NiftiHeader.of(NiftiDataType.INT16, 64, 64, 32), v).write(file);
                    args.addAll(List.of("maps", "--label", file.toString(), "--map", "rrw", "--out", out));
                    return file.toString();
                }
                case CLASSES_TWO_BILLION -> {
                    Path file = FuzzFiles.writeLabels(in.resolve("labels.nii.gz"), 0);
                    args.addAll(List.of("metrics", "--pred", file.toString(), "--truth", file.toString(), "--classes", "2000000000"));
                    return "--classes";
                }
                case DATASET_OF_20000_CLASSES -> {
                    Path data = FuzzFiles.writeDataset(in.resolve("data"), 3);
                    StringBuilder labels = new StringBuilder("\"background\": 0");
                    for (int c = 1; c < 20_000; c++) labels.append(", \"c").append(c).append("\": ").append(c);
                    Files.writeString(data.resolve("dataset.json"), "{\"channel_names\": {\"0\": \"T1\"}, \"labels\": {" + labels
                            + "}, \"numTraining\": 3, \"file_ending\": \".nii.gz\"}");
                    args.addAll(List.of(FuzzFiles.trainArgs(data, world.resolve("out/run"))));
                    return data.resolve("dataset.json").toString();
                }
                case DATASET_LARGER_THAN_THE_HEAP -> {
                    Path data = in.resolve("data");
                    Files.createDirectories(data.resolve("imagesTr"));
                    Files.createDirectories(data.resolve("labelsTr"));
                    Files.writeString(data.resolve("dataset.json"), "{\"channel_names\": {\"0\": \"T1\"}, \"labels\": {\"background\": 0,"
                            + " \"x\": 1}, \"numTraining\": 3, \"file_ending\": \".nii.gz\"}");
                    float[] zeros = new float[192 * 192 * 96];
                    for (int k = 0; k < 3; k++) {
                        new NiftiImage(NiftiHeader.of(NiftiDataType.UINT8, 192, 192, 96), zeros).write(data.resolve("labelsTr/c" + k + ".nii.gz"));
                        new NiftiImage(NiftiHeader.of(NiftiDataType.UINT8, 192, 192, 96), zeros).write(data.resolve("imagesTr/c" + k + "_0000.nii.gz"));
                    }
                    args.addAll(List.of(FuzzFiles.trainArgs(data, world.resolve("out/run"))));
                    return data.toString();
                }
                case CHECKPOINT_SHAPE_OF_1_6_GB -> {
                    Path data = FuzzFiles.writeDataset(in.resolve("data"), 3);
                    int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                            FuzzFiles.trainArgs(data, in.resolve("run")));
                    assertEquals(0, code);
                    var entries = CheckpointFuzzTest.entries(Files.readAllBytes(in.resolve("run/checkpoint.npz")));
                    CheckpointFuzzTest.withShape(entries, CheckpointFuzzTest.firstModel(entries), "20000, 20000");
                    Path model = in.resolve("model.npz");
                    Files.write(model, CheckpointFuzzTest.zip(entries));
                    args.addAll(List.of("predict", "--model", model.toString(), "--image", data.resolve("imagesTr/case_0_0000.nii.gz").toString(),
                            "--out", out));
                    return model.toString();
                }
                default -> throw new IllegalStateException(name());
            }
        }
    }
}
