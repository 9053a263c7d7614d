package org.regionwise.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Backends;
import org.regionwise.experiments.io.NiftiDataType;
import org.regionwise.experiments.io.NiftiImage;
import org.regionwise.experiments.io.NiftiReader;
import org.regionwise.experiments.io.CheckpointFile;

/**
 * train, evaluate and predict end to end on a tiny nnU-Net raw data set (one training run shared by the
 * tests), and their one-line errors.
 */
@ExtendWith(RestoresDefaultBackend.class)
class TrainEvaluatePredictCommandsTest {
    @TempDir
    static Path shared;
    static Path data;
    static Path run;
    static CliRun trained;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainOnce() throws IOException {
        Backend before = Backends.getDefault();
        data = TinyRawDataset.write(shared.resolve("Dataset001_Tiny"), 3);
        run = shared.resolve("run");
        try {
            trained = CliRun.of(trainArgs(run, "--epochs", "2"));
        } finally {
            Backends.setDefault(before); // the command installs the CPU fast kernels; leave other tests as they were
        }
    }

    static String[] trainArgs(Path out, String... more) {
        String[] base = {"train", "--data", data.toString(), "--levels", "3", "--base-filters", "4", "--steps-per-epoch", "2",
                "--batch", "4", "--lr", "1e-2", "--validate-every", "1", "--threads", "1", "--out", out.toString()};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void trainOnAFoldWritesSplitsFinalJsonAndResumesOnTheSameFold() throws IOException {
        Path folded = TinyRawDataset.write(dir.resolve("Dataset002_Folds"), 5);
        String[] args = trainArgs(dir.resolve("fold"), "--epochs", "2", "--fold", "2", "--minutes", "0.0001");
        args[2] = folded.toString();
        CliRun first = CliRun.of(args);
        assertTrue(Files.exists(folded.resolve("splits_final.json")), first.err());
        assertTrue(first.out().contains("fold 2 of 5, wrote"), first.out());
        byte[] splits = Files.readAllBytes(folded.resolve("splits_final.json"));
        CliRun resumed = CliRun.of("train", "--resume", "--out", dir.resolve("fold").toString(), "--threads", "1");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("fold 2 of 5 from"), "the resumed run reuses the file: " + resumed.out());
        assertEquals(new String(splits), Files.readString(folded.resolve("splits_final.json")));
        CliRun both = CliRun.of(trainArgs(dir.resolve("both"), "--fold", "0", "--validation-fraction", "0.5"));
        assertEquals(Main.USAGE_ERROR, both.exitCode());
        assertTrue(both.err().contains("give one"), both.err());
    }

    @Test
    void validationFractionZeroSaysSoOnceAndPrintsNoEmptySplit() {
        CliRun r = CliRun.of(trainArgs(dir.resolve("noval"), "--epochs", "1", "--validation-fraction", "0"));
        assertEquals(0, r.exitCode(), r.err());
        String warning = "validation fraction 0: no validation split";
        assertEquals(1, r.err().split(java.util.regex.Pattern.quote(warning), -1).length - 1, r.err());
        assertTrue(!r.out().contains(warning), "the warning is not repeated on stdout: " + r.out());
        assertTrue(r.out().contains("validation: none"), r.out());
        assertTrue(!r.out().contains("0x0"), r.out());
    }

    @Test
    void trainWritesACheckpointAndHistoryAndReportsValidation() throws IOException {
        assertEquals(0, trained.exitCode(), trained.err());
        assertTrue(Files.exists(run.resolve("checkpoint.npz")));
        assertEquals(3, Files.readAllLines(run.resolve("history.csv")).size(), "header and two epochs");
        assertTrue(trained.out().contains("epoch 2/2: loss"), trained.out());
        assertTrue(trained.out().contains("last validation (epoch 2): mean foreground Dice"), trained.out());
        assertTrue(!trained.out().contains("\r"), "plain lines when not on a terminal");
        var c = CheckpointFile.read(run.resolve("checkpoint.npz"));
        assertEquals(2, c.position().epoch());
        assertEquals(java.util.List.of("background", "ball", "bar"), c.data().classNames());
        assertEquals(2, c.network().inChannels());
    }

    @Test
    void aSecondTrainIntoTheSameFolderAsksForResume() {
        CliRun again = CliRun.of(trainArgs(run, "--epochs", "2"));
        assertEquals(Main.USAGE_ERROR, again.exitCode());
        assertTrue(again.oneErrorLine(), again.err());
        assertTrue(again.err().contains("pass --resume"), again.err());
    }

    @Test
    void resumeRefusesRunDefiningOptionsAndContinuesWithoutThem() throws IOException {
        {
            Path out = dir.resolve("r");
            Files.createDirectories(out);
            Files.copy(run.resolve("checkpoint.npz"), out.resolve("checkpoint.npz"));
            CliRun refused = CliRun.of("train", "--resume", "--epochs", "5", "--out", out.toString());
            assertEquals(Main.USAGE_ERROR, refused.exitCode());
            assertTrue(refused.err().contains("drop --epochs"), refused.err());

            CliRun resumed = CliRun.of("train", "--resume", "--threads", "1", "--out", out.toString());
            assertEquals(0, resumed.exitCode(), resumed.err());
            assertTrue(resumed.out().contains("has finished all 2 epochs"), resumed.out());
        }
    }

    @Test
    void unknownLossListsTheValidNames() {
        CliRun r = CliRun.of(trainArgs(dir.resolve("x"), "--loss", "nope"));
        assertEquals(Main.USAGE_ERROR, r.exitCode());
        assertTrue(r.oneErrorLine(), r.err());
        assertTrue(r.err().contains("unknown loss 'nope'; valid names: rrw, "), r.err());
    }

    @Test
    void outOfRangeOptionsAreUsageErrorsInTheValidatorsWords() {
        String[][] cases = {{"--epochs", "0", "--epochs must be at least 1, got 0"}, {"--minutes", "-1", "--minutes must be positive"},
                {"--scale", "2", "--scale applies to --data default only"},
                {"--validation-fraction", "1", "--validation-fraction must be in [0, 1), got 1.0"}};
        for (String[] c : cases) {
            CliRun r = CliRun.of(trainArgs(dir.resolve("x"), c[0], c[1]));
            assertEquals(Main.USAGE_ERROR, r.exitCode(), String.join(" ", c) + ": " + r.err());
            assertTrue(r.oneErrorLine(), r.err());
            assertTrue(r.err().contains(c[2]), r.err());
        }
    }

    @Test
    void anUnusableBackendIsOneClearLine() {
        CliRun unknown = CliRun.of(trainArgs(dir.resolve("x"), "--backend", "quantum"));
        assertEquals(Main.USAGE_ERROR, unknown.exitCode());
        assertTrue(unknown.oneErrorLine(), unknown.err());
        assertTrue(unknown.err().contains("--backend must be one of cpu, tornado") && unknown.err().contains("got 'quantum'"), unknown.err());
    }

    @Test
    void tornadoWithoutTornadoVmSaysWhatIsMissingInOneLine() {
        org.junit.jupiter.api.Assumptions.assumeFalse(org.regionwise.gpu.GpuBackends.tornadoAvailable(), "TornadoVM is present here");
        CliRun r = CliRun.of(trainArgs(dir.resolve("x"), "--backend", "tornado"));
        assertEquals(Main.RUNTIME_ERROR, r.exitCode());
        assertTrue(r.oneErrorLine(), r.err());
        assertTrue(r.err().startsWith("regionwise train: error: --backend tornado: "), r.err());
    }

    @Test
    void missingDataFolderIsOneLine() {
        CliRun r = CliRun.of("train", "--data", dir.resolve("absent").toString(), "--out", dir.resolve("o").toString());
        assertEquals(Main.RUNTIME_ERROR, r.exitCode());
        assertTrue(r.oneErrorLine(), r.err());
        assertTrue(r.err().contains("absent"), r.err());
    }

    @Test
    void evaluateWritesPerVolumePerClassCsvAndJsonAndPrintsTheTable() throws IOException {
        {
            Path out = dir.resolve("eval");
            CliRun r = CliRun.of("evaluate", "--model", run.resolve("checkpoint.npz").toString(), "--out", out.toString(),
                    "--threads", "1");
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().contains("Dice"), r.out());
            assertTrue(r.out().contains("HD95 pooled (mm)"), r.out());
            assertTrue(r.out().contains("2 bar"), r.out());
            var csv = Files.readAllLines(out.resolve("metrics.csv"));
            assertEquals("case,class,class_name,status,prediction_voxels,reference_voxels,dice,hd,hd95_pooled,hd95,assd,assd_pooled",
                    csv.get(0));
            assertEquals(1 + 3, csv.size(), "one validation case, three classes");
            String json = Files.readString(out.resolve("metrics.json"));
            assertTrue(json.contains("\"summary\""));
            assertTrue(json.replace(" ", "").contains("\"spacing_unit\":\"mm\""), json);
        }
    }

    @Test
    void evaluateNamesAFileThatIsNotACheckpoint() throws IOException {
        Path nifti = data.resolve("labelsTr/case_0.nii.gz");
        CliRun r = CliRun.of("evaluate", "--model", nifti.toString(), "--out", dir.toString());
        assertEquals(Main.RUNTIME_ERROR, r.exitCode());
        assertTrue(r.oneErrorLine(), r.err());
        assertTrue(r.err().contains("not a regionwise checkpoint"), r.err());

        CliRun missing = CliRun.of("evaluate", "--model", dir.resolve("absent.npz").toString(), "--out", dir.toString());
        assertEquals(Main.RUNTIME_ERROR, missing.exitCode());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void predictWritesLabelsOnTheInputGrid() throws IOException {
        {
            Path out = dir.resolve("pred.nii.gz");
            CliRun r = CliRun.of("predict", "--model", run.resolve("checkpoint.npz").toString(),
                    "--image", data.resolve("imagesTr/case_1_0000.nii.gz").toString(),
                    "--image", data.resolve("imagesTr/case_1_0001.nii.gz").toString(),
                    "--out", out.toString(), "--threads", "1");
            assertEquals(0, r.exitCode(), r.err());
            NiftiImage labels = NiftiReader.read(out);
            NiftiImage input = NiftiReader.read(data.resolve("imagesTr/case_1_0000.nii.gz"));
            assertArrayEquals(input.dims(), labels.dims());
            assertArrayEquals(input.spacing(), labels.spacing(), 0.0);
            assertEquals(NiftiDataType.UINT8, labels.header().dataType());
            for (int l : labels.labels()) assertTrue(l >= 0 && l < 3);
            assertTrue(r.out().contains("voxels per class"), r.out());
        }
    }

    @Test
    void predictRejectsMismatchedGridsNonNiftiAndMissingFiles() throws IOException {
        Path model = run.resolve("checkpoint.npz");
        Path other = dir.resolve("other.nii.gz");
        new NiftiImage(TinyRawDataset.header(NiftiDataType.FLOAT32, new int[] {8, 16, 6}, TinyRawDataset.SPACING), new float[8 * 16 * 6])
                .write(other);
        CliRun mismatched = CliRun.of("predict", "--model", model.toString(), "--image",
                data.resolve("imagesTr/case_1_0000.nii.gz").toString(), "--image", other.toString(), "--out", dir.resolve("p.nii").toString());
        assertEquals(Main.RUNTIME_ERROR, mismatched.exitCode());
        assertTrue(mismatched.oneErrorLine(), mismatched.err());
        assertTrue(mismatched.err().contains("every channel must share one grid"), mismatched.err());

        Path text = dir.resolve("notes.nii.gz");
        Files.writeString(text, "not an image");
        CliRun notNifti = CliRun.of("predict", "--model", model.toString(), "--image", text.toString(), "--image", text.toString(),
                "--out", dir.resolve("p.nii").toString());
        assertEquals(Main.RUNTIME_ERROR, notNifti.exitCode());
        assertTrue(notNifti.oneErrorLine(), notNifti.err());
        assertTrue(notNifti.err().contains(text.toString()), notNifti.err());

        CliRun missing = CliRun.of("predict", "--model", model.toString(), "--image", dir.resolve("gone.nii").toString(),
                "--image", dir.resolve("gone.nii").toString(), "--out", dir.resolve("p.nii").toString());
        assertEquals(Main.RUNTIME_ERROR, missing.exitCode());
        assertTrue(missing.err().contains("no such file"), missing.err());

        CliRun oneChannel = CliRun.of("predict", "--model", model.toString(), "--image", other.toString(), "--out",
                dir.resolve("p.nii").toString());
        assertEquals(Main.USAGE_ERROR, oneChannel.exitCode());
        assertTrue(oneChannel.err().contains("takes 2 channel(s) [T1, T2]"), oneChannel.err());

        CliRun badOut = CliRun.of("predict", "--model", model.toString(), "--image", other.toString(), "--out",
                dir.resolve("p.png").toString());
        assertEquals(Main.USAGE_ERROR, badOut.exitCode());
    }

    @Test
    void demoRejectsANonPositiveBudget() {
        CliRun r = CliRun.of("demo", "--minutes", "0");
        assertEquals(Main.USAGE_ERROR, r.exitCode());
        assertTrue(r.oneErrorLine(), r.err());
    }
}
