package org.regionwise.experiments.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes a file whole or not at all: the bytes go to a temporary file in the target's folder, are forced
 * to disk, and the temporary file is then renamed over the target (one atomic step on POSIX file
 * systems). A crash or an exception while writing leaves the previous file untouched and no temporary
 * file behind, so "the last good checkpoint" is always a complete one.
 */
public final class AtomicFile {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFile() {}

    /** What writes the content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code content} to {@code file} atomically, creating the folder if needed.
     *
     * @throws IOException from the content or the file system; the target is then unchanged
     */
    public static void write(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = createTemporary(dir, target.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(new NonClosing(out));
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes {@code text} as UTF-8 to {@code file} atomically, creating the folder if needed. */
    public static void writeString(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        write(file, out -> out.write(bytes));
    }

    /**
     * A new empty file beside the target. Not {@link Files#createTempFile}: that makes the file readable
     * by its owner only, and the rename would carry those permissions to a report or checkpoint meant to
     * be shared; {@link Files#createFile} honours the umask like any other output.
     */
    private static Path createTemporary(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path candidate = dir.resolve("." + name + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) throw e;
            }
        }
    }

    /** Keeps a content writer (e.g. a ZipOutputStream's close) from closing the channel before the force. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
