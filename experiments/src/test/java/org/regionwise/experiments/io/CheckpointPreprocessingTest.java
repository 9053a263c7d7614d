package org.regionwise.experiments.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.experiments.data.SliceAxis;
import org.regionwise.experiments.train.Checkpoint;
import org.regionwise.experiments.train.DataSpec;

/**
 * The checkpoint's preprocessing record (normalisation, training spacing and patch in (x, y) order, a
 * folder's resampling target): written, read back, and absent from older checkpoints, which still load.
 */
class CheckpointPreprocessingTest {
    @TempDir
    Path dir;

    @Test
    void preprocessingIsWrittenInXyOrderAndReadBack() throws IOException {
        Checkpoint c = withData(CheckpointFileTest.sample(), folderSpec().withResampling(new double[] {0.75, 1.25}));
        Path file = dir.resolve("c.npz");
        CheckpointFile.write(file, c);

        Map<?, ?> data = (Map<?, ?>) ((Map<?, ?>) Json.read(trainerJson(file), "t")).get("data");
        Map<?, ?> p = (Map<?, ?>) data.get("preprocessing");
        assertEquals(DataSpec.ZSCORE, p.get("normalization"));
        assertEquals(List.of("x", "y"), p.get("in_plane_axes"));
        assertEquals(List.of(1.25, 0.75), p.get("spacing_mm")); // columns (x) first
        assertEquals(List.of(1.25, 0.75), p.get("resampled_to_mm"));
        assertEquals(List.of(48.0, 32.0), p.get("patch_size"));

        DataSpec back = CheckpointFile.read(file).data();
        assertTrue(back.preprocessingRecorded());
        assertEquals(DataSpec.ZSCORE, back.normalization());
        assertArrayEquals(new double[] {0.75, 1.25}, back.spacing(), 0);
        assertArrayEquals(new double[] {0.75, 1.25}, back.resampledTo(), 0);
    }

    @Test
    void aNativeSpacingFolderRecordsNoTarget() throws IOException {
        Path file = dir.resolve("c.npz");
        CheckpointFile.write(file, withData(CheckpointFileTest.sample(), folderSpec()));
        DataSpec back = CheckpointFile.read(file).data();
        assertTrue(back.preprocessingRecorded());
        assertNull(back.resampledTo());
    }

    @Test
    void anOlderCheckpointWithoutPreprocessingStillLoads() throws IOException {
        Path file = dir.resolve("c.npz");
        CheckpointFile.write(file, CheckpointFileTest.sample());
        String json = trainerJson(file);
        int start = json.indexOf(",\n    \"preprocessing\"");
        int end = json.indexOf('}', json.indexOf("\"resampled_to_mm\"")) + 1;
        assertTrue(start > 0 && end > start, json);
        Path old = dir.resolve("old.npz");
        replaceTrainerJson(file, old, json.substring(0, start) + json.substring(end));
        assertFalse(trainerJson(old).contains("preprocessing"));

        Checkpoint back = CheckpointFile.read(old);
        assertFalse(back.data().preprocessingRecorded());
        assertNull(back.data().normalization());
        assertArrayEquals(CheckpointFileTest.sample().data().spacing(), back.data().spacing(), 0);
    }

    @Test
    void inPlaneAxesFollowTheSlicingAxis() {
        assertEquals(List.of("x", "y"), CheckpointFile.inPlaneAxes(SliceAxis.Z));
        assertEquals(List.of("x", "z"), CheckpointFile.inPlaneAxes(SliceAxis.Y));
        assertEquals(List.of("y", "z"), CheckpointFile.inPlaneAxes(SliceAxis.X));
    }

    private static DataSpec folderSpec() {
        return new DataSpec("/data/Dataset001", "a folder", 1, 0.2, List.of("bg", "fg"), List.of("T1"), SliceAxis.Z, 32, 48,
                new double[] {0.75, 1.25});
    }

    private static Checkpoint withData(Checkpoint c, DataSpec data) {
        return new Checkpoint(c.network(), c.options(), data, c.position(), c.optimizer(), c.model(), c.history());
    }

    private static String trainerJson(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(CheckpointFile.TRAINER_JSON)) return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new IOException("no trainer.json in " + file);
    }

    /** A copy of {@code from} with trainer.json replaced: a checkpoint as an older build wrote it. */
    private static void replaceTrainerJson(Path from, Path to, String json) throws IOException {
        try (InputStream in = Files.newInputStream(from); ZipInputStream zip = new ZipInputStream(in);
             OutputStream out = Files.newOutputStream(to); ZipOutputStream copy = new ZipOutputStream(out)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                copy.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(CheckpointFile.TRAINER_JSON)) copy.write(json.getBytes(StandardCharsets.UTF_8));
                else zip.transferTo(copy);
                copy.closeEntry();
            }
        }
    }
}
