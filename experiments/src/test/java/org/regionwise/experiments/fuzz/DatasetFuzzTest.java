package org.regionwise.experiments.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.regionwise.experiments.fuzz.FuzzRun.Expect;
import org.regionwise.experiments.fuzz.FuzzRun.Outcome;
import org.regionwise.experiments.io.NiftiDataType;
import org.regionwise.experiments.io.NiftiGeometry;
import org.regionwise.experiments.io.NiftiHeader;
import org.regionwise.experiments.io.NiftiImage;

/**
 * Broken nnU-Net raw folders against {@code datasets} and {@code train}: every way a real folder goes
 * wrong (a NaN voxel, a label mirrored or shifted against its image, 20,000 classes, bad or non-UTF-8
 * dataset.json, a missing channel, a folder where a file should be). Each must be one line naming the
 * file at fault, before any training.
 */
class DatasetFuzzTest {
    private static final String SUITE = "nnunet-folder";
    private static Path world;

    @BeforeContainer
    static void create() throws IOException {
        world = Files.createTempDirectory("regionwise-fuzz-dataset");
    }

    @AfterContainer
    static void report() throws IOException {
        FuzzFiles.deleteTree(world);
        FuzzTally.report();
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void brokenFolders(@ForAll Broken broken) throws IOException {
        Path data = world.resolve("in/data");
        FuzzFiles.deleteTree(world.resolve("in"));
        FuzzFiles.deleteTree(world.resolve("out"));
        FuzzFiles.writeDataset(data, 3);
        String culprit = broken.apply(data);
        for (String[] args : new String[][] {{"datasets", "--data", data.toString()},
                FuzzFiles.trainArgs(data, world.resolve("out/run"))}) {
            Outcome o = FuzzRun.run(world, world.resolve("out"), 60, args);
            FuzzVerdict v = FuzzRun.judge(o, Expect.ERROR, false, 0, culprit);
            FuzzTally.add(SUITE, v, broken + " in " + args[0] + ": " + o);
            assertFalse(v.bad(), broken + " in " + args[0] + ": " + v + ": " + o);
        }
    }

    /** A way to break the folder; returns the path (or name) the error must mention. */
    enum Broken {
        NAN_IN_IMAGE, INFINITY_IN_IMAGE, LABEL_MIRRORED_IN_X, LABEL_ORIGIN_50MM_OFF, TWENTY_THOUSAND_CLASSES, NUM_TRAINING_WRONG,
        JSON_NOT_UTF8, JSON_INVALID, JSON_WITHOUT_LABELS, JSON_IS_A_FOLDER, JSON_MISSING, CHANNEL_MISSING, LABEL_IS_A_FOLDER,
        LABEL_OUT_OF_RANGE, IMAGE_ON_ANOTHER_GRID, LABELS_FOLDER_MISSING, IMAGE_TRUNCATED;

        String apply(Path data) throws IOException {
            Path json = data.resolve("dataset.json");
            Path image = data.resolve("imagesTr/case_1_0000.nii.gz");
            Path label = data.resolve("labelsTr/case_1.nii.gz");
            switch (this) {
                case NAN_IN_IMAGE, INFINITY_IN_IMAGE -> {
                    float[] v = new float[FuzzFiles.NX * FuzzFiles.NY * FuzzFiles.NZ];
                    v[42] = this == NAN_IN_IMAGE ? Float.NaN : Float.POSITIVE_INFINITY;
                    new NiftiImage(FuzzFiles.header(NiftiDataType.FLOAT32), v).write(image);
                    return image.toString();
                }
                case LABEL_MIRRORED_IN_X, LABEL_ORIGIN_50MM_OFF -> {
                    float[] srow = {1, 0, 0, -6, 0, 1, 0, -5, 0, 0, 2, -4};
                    if (this == LABEL_MIRRORED_IN_X) {
                        srow[0] = -1;
                        srow[3] = 5;
                    } else {
                        srow[3] += 50;
                    }
                    NiftiHeader h = FuzzFiles.header(NiftiDataType.UINT8);
                    h = new NiftiHeader(h.dims(), h.pixdim(), h.dataType(), h.voxOffset(), h.sclSlope(), h.sclInter(), h.xyztUnits(),
                            "", new NiftiGeometry(0, 1, 0, 0, 0, 0, 0, 0, srow), h.byteOrder());
                    int[] l = FuzzFiles.labels(1);
                    float[] v = new float[l.length];
                    for (int i = 0; i < l.length; i++) v[i] = l[i];
                    new NiftiImage(h, v).write(label);
                    return image.toString();
                }
                case TWENTY_THOUSAND_CLASSES -> {
                    StringBuilder labels = new StringBuilder("\"background\": 0");
                    for (int c = 1; c < 20_000; c++) labels.append(", \"c").append(c).append("\": ").append(c);
                    Files.writeString(json, "{\"channel_names\": {\"0\": \"T1\"}, \"labels\": {" + labels
                            + "}, \"numTraining\": 3, \"file_ending\": \".nii.gz\"}");
                    return json.toString();
                }
                case NUM_TRAINING_WRONG -> {
                    Files.writeString(json, Files.readString(json).replace("\"numTraining\": 3", "\"numTraining\": 4"));
                    return json.toString();
                }
                case JSON_NOT_UTF8 -> {
                    byte[] b = Files.readAllBytes(json);
                    b[b.length / 2] = (byte) 0xC3;
                    b[b.length / 2 + 1] = (byte) 0x28;
                    Files.write(json, b);
                    return json.toString();
                }
                case JSON_INVALID -> {
                    Files.writeString(json, "{\"channel_names\": ");
                    return json.toString();
                }
                case JSON_WITHOUT_LABELS -> {
                    Files.writeString(json, "{\"channel_names\": {\"0\": \"T1\"}, \"numTraining\": 3, \"file_ending\": \".nii.gz\"}");
                    return json.toString();
                }
                case JSON_IS_A_FOLDER -> {
                    Files.delete(json);
                    Files.createDirectories(json);
                    return json.toString();
                }
                case JSON_MISSING -> {
                    Files.delete(json);
                    return json.toString();
                }
                case CHANNEL_MISSING -> {
                    Files.delete(image);
                    return image.toString();
                }
                case LABEL_IS_A_FOLDER -> {
                    Files.delete(label);
                    Files.createDirectories(label);
                    return label.toString();
                }
                case LABEL_OUT_OF_RANGE -> {
                    float[] v = new float[FuzzFiles.NX * FuzzFiles.NY * FuzzFiles.NZ];
                    v[7] = 7;
                    new NiftiImage(FuzzFiles.header(NiftiDataType.UINT8), v).write(label);
                    return label.toString();
                }
                case IMAGE_ON_ANOTHER_GRID -> {
                    new NiftiImage(NiftiHeader.of(NiftiDataType.FLOAT32, 5, 5, 5), new float[125]).write(image);
                    return image.toString();
                }
                case LABELS_FOLDER_MISSING -> {
                    FuzzFiles.deleteTree(data.resolve("labelsTr"));
                    return data.resolve("labelsTr").toString();
                }
                case IMAGE_TRUNCATED -> {
                    byte[] b = Files.readAllBytes(image);
                    Files.write(image, java.util.Arrays.copyOf(b, b.length / 2));
                    return image.toString();
                }
                default -> throw new IllegalStateException(name());
            }
        }
    }
}
