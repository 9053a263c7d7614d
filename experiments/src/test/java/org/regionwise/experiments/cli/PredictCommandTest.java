package org.regionwise.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.autodiff.optim.OptimizerState;
import org.regionwise.experiments.data.SliceAxis;
import org.regionwise.experiments.io.CheckpointFile;
import org.regionwise.experiments.io.NiftiDataType;
import org.regionwise.experiments.io.NiftiImage;
import org.regionwise.experiments.io.NiftiReader;
import org.regionwise.experiments.io.OutputLock;
import org.regionwise.experiments.train.Checkpoint;
import org.regionwise.experiments.train.DataSpec;
import org.regionwise.experiments.train.TinyData;
import org.regionwise.experiments.train.TrainingHistory;
import org.regionwise.experiments.train.TrainingPosition;
import org.regionwise.layers.NormType;
import org.regionwise.layers.StateDictFile;
import org.regionwise.layers.UNet2d;
import org.regionwise.layers.UNet2dConfig;

/**
 * predict, nnU-Net style, with an untrained two-channel model (what it predicts does not matter here,
 * where it goes does): folders in nnU-Net's layout, probabilities, the spacing check and its --strict
 * refusal, channel mismatches, and checkpoints that predate the preprocessing record.
 */
@ExtendWith(RestoresDefaultBackend.class)
class PredictCommandTest {
    @TempDir
    Path dir;

    @Test
    void aFolderInNnUnetLayoutGivesOneLabelFilePerCaseAndProbabilities() throws IOException {
        Path model = checkpoint(true);
        Path in = Files.createDirectories(dir.resolve("in"));
        writeCase(in, "a", 2, new float[] {1, 1, 2});
        writeCase(in, "b", 2, new float[] {1, 1, 2});
        Files.writeString(in.resolve("notes.txt"), "ignored");
        Path out = dir.resolve("out");

        CliRun r = CliRun.of("predict", "--model", model.toString(), "-i", in.toString(), "-o", out.toString(),
                "--save-probabilities", "--threads", "1");

        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("as trained: not resampled"), r.out());
        for (String id : List.of("a", "b")) {
            NiftiImage labels = NiftiReader.read(out.resolve(id + ".nii.gz"));
            assertArrayEquals(new int[] {NX, NY, NZ}, labels.dims());
            assertEquals(NiftiDataType.UINT8, labels.header().dataType());
            NiftiImage p = NiftiReader.read(out.resolve(id + "_probabilities.nii.gz"));
            assertArrayEquals(new int[] {NX, NY, NZ, 3}, p.dims());
            assertEquals(NiftiDataType.FLOAT32, p.header().dataType());
            int voxels = NX * NY * NZ;
            int[] l = labels.labels();
            for (int v = 0; v < voxels; v++) {
                float p0 = p.data()[v], p1 = p.data()[voxels + v], p2 = p.data()[2 * voxels + v];
                assertEquals(1.0, p0 + p1 + p2, 1e-5);
                float best = Math.max(p0, Math.max(p1, p2));
                assertEquals(best, p.data()[l[v] * voxels + v], 0f, "the label is the most probable class");
            }
        }
        try (var files = Files.list(out)) { // and the folder's lock file, which stays (see OutputLock)
            assertEquals(4, files.filter(f -> !f.getFileName().toString().equals(OutputLock.NAME)).count(),
                    "two labels, two probabilities, nothing else");
        }
    }

    @Test
    void aFinerImageIsResampledWithAWarningAndStrictRefusesIt() throws IOException {
        Path model = checkpoint(true);
        Path in = Files.createDirectories(dir.resolve("in"));
        writeCase(in, "fine", 2, new float[] {0.5f, 0.5f, 2});
        Path out = dir.resolve("fine.nii.gz");
        List<String> args = List.of("predict", "--model", model.toString(), "--image", in.resolve("fine_0000.nii.gz").toString(),
                "--image", in.resolve("fine_0001.nii.gz").toString(), "--out", out.toString(), "--threads", "1");

        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("warning") && r.err().contains("model trained at 1x1 mm"), r.err());
        assertTrue(r.out().contains("image 0.5x0.5 mm (x, y), model trained at 1x1 mm (50% apart): each slice resampled to 1x1 mm"),
                r.out());
        NiftiImage labels = NiftiReader.read(out);
        assertArrayEquals(new int[] {NX, NY, NZ}, labels.dims());
        assertArrayEquals(new double[] {0.5, 0.5, 2}, java.util.Arrays.copyOf(labels.spacing(), 3), 1e-6);

        Files.delete(out);
        List<String> strict = new java.util.ArrayList<>(args);
        strict.add("--strict");
        CliRun refused = CliRun.of(strict.toArray(String[]::new));
        assertEquals(Main.RUNTIME_ERROR, refused.exitCode());
        assertTrue(refused.oneErrorLine(), refused.err());
        assertTrue(refused.err().contains("refused: --strict"), refused.err());
        assertFalse(Files.exists(out));

        List<String> tolerant = new java.util.ArrayList<>(strict);
        tolerant.addAll(List.of("--spacing-tolerance", "0.6"));
        CliRun accepted = CliRun.of(tolerant.toArray(String[]::new));
        assertEquals(0, accepted.exitCode(), accepted.err());
        assertEquals("", accepted.err(), "within the tolerance: no warning");
    }

    @Test
    void strictChecksEveryCaseOfAFolderBeforeWritingAny() throws IOException {
        Path model = checkpoint(true);
        Path in = Files.createDirectories(dir.resolve("in"));
        writeCase(in, "a", 2, new float[] {1, 1, 2});
        writeCase(in, "b", 2, new float[] {0.5f, 0.5f, 2});
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("predict", "--model", model.toString(), "-i", in.toString(), "-o", out.toString(), "--strict");
        assertEquals(Main.RUNTIME_ERROR, r.exitCode());
        assertTrue(r.oneErrorLine() && r.err().contains("b_0000.nii.gz") && r.err().contains("refused: --strict"), r.err());
        assertFalse(Files.exists(out.resolve("a.nii.gz")), "case a, within tolerance, was not written either");
    }

    @Test
    void aCaseWithTheWrongChannelsIsRefusedNamingIt() throws IOException {
        Path model = checkpoint(true);
        Path in = Files.createDirectories(dir.resolve("in"));
        writeCase(in, "good", 2, new float[] {1, 1, 2});
        writeCase(in, "short", 1, new float[] {1, 1, 2});
        CliRun r = CliRun.of("predict", "--model", model.toString(), "-i", in.toString(), "-o", dir.resolve("out").toString());
        assertEquals(Main.RUNTIME_ERROR, r.exitCode());
        assertTrue(r.oneErrorLine(), r.err());
        assertTrue(r.err().contains("case short has channel file(s) _0000 but the model takes 2 channel(s) [T1, T2]: expected _0000 to _0001"),
                r.err());
        assertFalse(Files.exists(dir.resolve("out/good.nii.gz")), "nothing predicted before the folder is checked");

        CliRun empty = CliRun.of("predict", "--model", model.toString(), "-i", Files.createDirectories(dir.resolve("empty")).toString(),
                "-o", dir.resolve("out").toString());
        assertEquals(Main.RUNTIME_ERROR, empty.exitCode());
        assertTrue(empty.err().contains("no image files named CASE_0000.nii.gz"), empty.err());
    }

    @Test
    void anOlderCheckpointPredictsWithAWarningButNoProbabilities() throws IOException {
        Path model = checkpoint(false);
        Path in = Files.createDirectories(dir.resolve("in"));
        writeCase(in, "a", 2, new float[] {1, 1, 2});
        CliRun r = CliRun.of("predict", "--model", model.toString(), "-i", in.toString(), "-o", dir.resolve("out").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("no spacing check is possible"), r.err());
        assertTrue(Files.exists(dir.resolve("out/a.nii.gz")));

        CliRun probabilities = CliRun.of("predict", "--model", model.toString(), "-i", in.toString(), "-o",
                dir.resolve("out2").toString(), "--save-probabilities");
        assertEquals(Main.RUNTIME_ERROR, probabilities.exitCode());
        assertTrue(probabilities.err().contains("--save-probabilities needs a checkpoint from this build"), probabilities.err());
    }

    @Test
    void modesAreExclusiveAndComplete() throws IOException {
        Path model = checkpoint(true);
        String m = model.toString();
        for (String[] args : new String[][] {
                {"predict", "--model", m},
                {"predict", "--model", m, "--image", "x.nii", "--out", "y.nii", "-i", "in", "-o", "out"},
                {"predict", "--model", m, "-i", "in"},
                {"predict", "--model", m, "--image", "x.nii"},
                {"predict", "--model", m, "-i", "in", "-o", "out", "--spacing-tolerance", "-1"}}) {
            CliRun r = CliRun.of(args);
            assertEquals(Main.USAGE_ERROR, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.oneErrorLine(), r.err());
        }
    }

    @Test
    void probabilitiesGoBesideTheLabels() {
        assertEquals(Path.of("d/case_probabilities.nii.gz"), PredictCommand.probabilitiesFile(Path.of("d/case.nii.gz")));
        assertEquals(Path.of("x_probabilities.nii"), PredictCommand.probabilitiesFile(Path.of("x.nii")));
    }

    private static final int NX = 20, NY = 12, NZ = 3;

    /** Case {@code id} with {@code channels} channel files on an NX x NY x NZ grid at {@code spacing}. */
    private static void writeCase(Path folder, String id, int channels, float[] spacing) throws IOException {
        Random random = new Random(id.hashCode());
        for (int c = 0; c < channels; c++) {
            float[] v = new float[NX * NY * NZ];
            for (int i = 0; i < v.length; i++) v[i] = (float) (100 * random.nextGaussian());
            new NiftiImage(TinyRawDataset.header(NiftiDataType.FLOAT32, new int[] {NX, NY, NZ}, spacing), v)
                    .write(folder.resolve(String.format("%s_%04d.nii.gz", id, c)));
        }
    }

    /** An untrained two-channel, three-class model trained (as recorded) at 1 x 1 mm on 16 x 16 patches. */
    private Path checkpoint(boolean recordsPreprocessing) throws IOException {
        UNet2dConfig network = new UNet2dConfig(2, 3, 3, 4, 16, NormType.INSTANCE, true);
        UNet2d model = new UNet2d(network, new Random(0));
        Map<String, StateDictFile.Entry> state = new LinkedHashMap<>();
        model.stateTensors().forEach((name, t) -> state.put(name, new StateDictFile.Entry(t.shape(), t.toArray())));
        DataSpec data = new DataSpec("/nowhere", "test", 1, 0.2, List.of("background", "ball", "bar"), List.of("T1", "T2"),
                SliceAxis.Z, 16, 16, new double[] {1, 1}, null, recordsPreprocessing ? DataSpec.ZSCORE : null);
        Checkpoint c = new Checkpoint(network, TinyData.options(0), data, new TrainingPosition(3, 0, 0, 0),
                new OptimizerState("Adam", 0, 1e-3, Map.of()), state, new TrainingHistory());
        Path file = dir.resolve(recordsPreprocessing ? "model.npz" : "old-model.npz");
        CheckpointFile.write(file, c);
        return file;
    }
}
