package org.regionwise.experiments.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.autodiff.optim.OptimizerState;
import org.regionwise.layers.StateDictFile;
import org.regionwise.experiments.train.Checkpoint;
import org.regionwise.experiments.train.TrainingOptions;
import org.regionwise.experiments.train.EpochRecord;
import org.regionwise.experiments.train.TinyData;
import org.regionwise.experiments.train.TrainingHistory;
import org.regionwise.experiments.train.TrainingPosition;

/** The checkpoint archive: exact round trip, NumPy's layout, and clear errors for files that are not checkpoints. */
class CheckpointFileTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsEveryValueExactly() throws IOException {
        Checkpoint c = sample();
        Path file = dir.resolve("c.npz");
        CheckpointFile.write(file, c);
        Checkpoint back = CheckpointFile.read(file);

        assertEquals(c.network(), back.network());
        assertEquals(c.options(), back.options());
        assertEquals(c.position(), back.position());
        assertEquals(c.data().classNames(), back.data().classNames());
        assertArrayEquals(c.data().spacing(), back.data().spacing(), 0.0);
        assertEquals(c.data().location(), back.data().location());
        assertEquals(c.optimizer().step(), back.optimizer().step());
        assertEquals(c.optimizer().learningRate(), back.optimizer().learningRate(), 0.0);
        assertArrayEquals(c.optimizer().buffer("exp_avg"), back.optimizer().buffer("exp_avg"), 0f);
        assertEquals(c.model().keySet(), back.model().keySet());
        c.model().forEach((k, e) -> {
            assertArrayEquals(e.shape(), back.model().get(k).shape(), k);
            assertArrayEquals(e.data(), back.model().get(k).data(), 0f, k);
        });
        EpochRecord r = c.history().epochs().get(1), rb = back.history().epochs().get(1);
        assertEquals(r.meanLoss(), rb.meanLoss(), 0.0);
        assertArrayEquals(r.validationDice(), rb.validationDice(), 0.0); // NaN included
        assertEquals(null, back.history().epochs().get(0).validationDice());
    }

    @Test
    void theArchiveIsANumpyNpz() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CheckpointFile.writeTo(bytes, sample());
        List<String> names = new java.util.ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
                byte[] content = zip.readAllBytes();
                if (e.getName().endsWith(".npy")) {
                    assertEquals((byte) 0x93, content[0]);
                    assertEquals("NUMPY", new String(content, 1, 5, StandardCharsets.US_ASCII));
                    int headerLength = (content[8] & 0xFF) | (content[9] & 0xFF) << 8;
                    assertEquals(0, (10 + headerLength) % 64, "data aligned to 64 bytes as numpy writes it");
                }
            }
        }
        assertEquals(List.of("trainer.json", "model/w.npy", "model/b.npy", "optimizer/exp_avg.npy", "optimizer/exp_avg_sq.npy"), names);
    }

    @Test
    void aDamagedFileIsAnErrorNotWrongWeights() throws IOException {
        Path file = dir.resolve("c.npz");
        CheckpointFile.write(file, sample());
        byte[] b = Files.readAllBytes(file);
        int at = indexOf(b, "model/w.npy".getBytes(StandardCharsets.US_ASCII)) + "model/w.npy".length() + 5; // inside its data
        b[at] ^= 0x55;
        Files.write(file, b);

        IOException e = assertThrows(IOException.class, () -> CheckpointFile.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void aBrokenTrainerJsonIsACheckpointErrorNamingTheFileAndEntry() throws IOException {
        Path file = dir.resolve("broken.npz");
        for (String json : new String[] {"{\"format\": ", "{\"format\": \"regionwise-checkpoint\"}"}) {
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
                zip.putNextEntry(new java.util.zip.ZipEntry("trainer.json"));
                zip.write(json.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            CheckpointFormatException e = assertThrows(CheckpointFormatException.class, () -> CheckpointFile.read(file));
            assertTrue(e.getMessage().startsWith(file + ":trainer.json: "), e.getMessage());
        }
    }

    @Test
    void theResolvedLossNameIsStoredAndReadBack() throws IOException {
        Checkpoint c = sample();
        Checkpoint shouted = new Checkpoint(c.network(), new TrainingOptions(" RRW", c.options().epochs(),
                c.options().stepsPerEpoch(), c.options().batchSize(), c.options().learningRate(), c.options().weightDecay(),
                c.options().seed(), c.options().validateEvery(), c.options().augment(), null), c.data(), c.position(),
                c.optimizer(), c.model(), c.history());
        Path file = dir.resolve("loss.npz");
        CheckpointFile.write(file, shouted);
        assertEquals("rrw", CheckpointFile.read(file).options().lossName());
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            String json = new String(zip.getInputStream(zip.getEntry("trainer.json")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(json.contains("\"loss\": \"rrw\""), json);
        }
    }

    @Test
    void otherFilesAreNamedAsNotCheckpoints() throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello");
        IOException e = assertThrows(IOException.class, () -> CheckpointFile.read(text));
        assertTrue(e.getMessage().contains("not a regionwise checkpoint"), e.getMessage());
        assertThrows(NoSuchFileException.class, () -> CheckpointFile.read(dir.resolve("absent.npz")));
    }

    static Checkpoint sample() {
        Map<String, StateDictFile.Entry> model = new LinkedHashMap<>();
        model.put("w", new StateDictFile.Entry(new int[] {2, 3}, new float[] {1, -2, 3.5f, Float.MIN_VALUE, 1e-30f, -0f}));
        model.put("b", new StateDictFile.Entry(new int[] {2}, new float[] {0.1f, 0.2f}));
        Map<String, float[]> buffers = new LinkedHashMap<>();
        buffers.put("exp_avg", new float[] {1, 2, 3, 4, 5, 6, 7, 8});
        buffers.put("exp_avg_sq", new float[] {8, 7, 6, 5, 4, 3, 2, 1});
        TrainingHistory history = new TrainingHistory();
        history.add(new EpochRecord(0, 0.7, 1e-3, 3, 1.25, null, 0));
        history.add(new EpochRecord(1, 0.1 + 0.2, 9.1e-4, 3, 1.5, new double[] {0.99, Double.NaN, 1.0 / 3}, 0.25));
        return new Checkpoint(TinyData.network(), TinyData.options(Long.MIN_VALUE + 3), TinyData.spec(),
                new TrainingPosition(2, 1, 0.123456789, 0.5), new OptimizerState("Adam", 7, 9.1e-4, buffers), model, history);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        throw new AssertionError("not found");
    }
}
