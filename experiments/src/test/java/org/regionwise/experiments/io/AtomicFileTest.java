package org.regionwise.experiments.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that fails part-way leaves the previous file whole and no temporary file behind. */
class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteKeepsThePreviousFile() throws IOException {
        Path file = dir.resolve("checkpoint.npz");
        AtomicFile.write(file, out -> out.write("good".getBytes()));

        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
            out.write(new byte[100_000]); // well past any buffer: bytes reached the temporary file
            throw new IOException("disk full");
        }));

        assertEquals("disk full", e.getMessage());
        assertEquals("good", Files.readString(file));
        assertEquals(List.of("checkpoint.npz"), listing());
    }

    @Test
    void aFailedFirstWriteLeavesNoFile() throws IOException {
        Path file = dir.resolve("sub/checkpoint.npz");
        assertThrows(IllegalStateException.class, () -> AtomicFile.write(file, out -> {
            out.write(1);
            throw new IllegalStateException("bug");
        }));
        assertFalse(Files.exists(file));
        try (var files = Files.list(file.getParent())) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void aCheckpointWriteThatFailsKeepsTheLastGoodCheckpoint() throws IOException {
        Path file = dir.resolve("checkpoint.npz");
        CheckpointFile.write(file, CheckpointFileTest.sample());
        byte[] before = Files.readAllBytes(file);

        assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
            CheckpointFile.writeTo(out, CheckpointFileTest.sample());
            throw new IOException("killed after the archive was written, before the rename");
        }));

        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(Files.readAllBytes(file)));
        assertEquals(List.of("checkpoint.npz"), listing());
    }

    private List<String> listing() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
