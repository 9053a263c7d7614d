package org.regionwise.experiments.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one lock every writing command takes on its output folder, so that two runs never write into one
 * folder at once (the second gets a one-line error naming the first), and a run killed without warning
 * leaves nothing that blocks the next one: the operating system drops a dead process's lock.
 *
 * <p>The lock is an OS file lock ({@link FileChannel#tryLock}) on {@value #NAME} in the folder. The file
 * holds a line naming the holder (command, process id, start time) for the error message. On release
 * the holder deletes the file while it still holds the lock; a process that locked a file which was
 * meanwhile deleted or replaced notices it (the file at the path no longer holds its own line) and
 * tries again, so a delete never lets two processes hold the lock together.
 *
 * <p>Taking the lock also removes stale temporaries of this program's atomic writer in the folder
 * ({@link StaleTemporaries}): whoever holds the lock is the only writer there, so any such file is a
 * leftover of a killed run.
 */
public final class OutputLock implements AutoCloseable {
    /** The lock file's name inside the output folder. */
    public static final String NAME = ".regionwise.lock";
    private static final int ATTEMPTS = 20;
    /** Lock files held now: a run stopped by SIGTERM deletes them in a shutdown hook, still holding the lock. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path file : HELD) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // exiting anyway: the next run overwrites the stale file and deletes it when done
                }
            }
        }, "regionwise-output-locks"));
    }

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code dir} (created if missing) for {@code command}, and removes stale temporaries there.
     *
     * @throws OutputLockedException when another process (or another run in this one) holds the folder
     * @throws IOException           when the folder cannot be created or written (the message names it)
     */
    public static OutputLock acquire(Path dir, String command) throws IOException {
        Path folder = dir.toAbsolutePath().normalize();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IOException(folder + ": is a file, not a folder; give an output folder");
        }
        Files.createDirectories(folder);
        if (!Files.isWritable(folder)) throw new AccessDeniedException(folder.toString(), null, "output folder is not writable");
        Path file = folder.resolve(NAME);
        String line = command + " (process " + ProcessHandle.current().pid() + ", started " + Instant.now() + ", "
                + UUID.randomUUID() + ")\n";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) { // held by another channel of this JVM
                lock = null;
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new OutputLockedException(folder, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            if (line.equals(readOrNull(file))) {
                OutputLock held = new OutputLock(file, channel, lock);
                HELD.add(file);
                StaleTemporaries.remove(folder);
                return held;
            }
            lock.release(); // the file we locked was deleted by its last holder: try the new one
            channel.close();
        }
        throw new IOException(folder + ": could not lock the output folder (" + NAME + " keeps changing)");
    }

    /** The folder this lock holds. */
    public Path folder() {
        return file.getParent();
    }

    /** Deletes the lock file and releases the lock (in that order; see the class comment). */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file);
            HELD.remove(file);
        } finally {
            try {
                if (lock.isValid()) lock.release();
            } finally {
                channel.close();
            }
        }
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(512);
            int n = channel.read(buffer, 0);
            String text = n <= 0 ? "" : new String(buffer.array(), 0, n, StandardCharsets.UTF_8).strip();
            int token = text.lastIndexOf(", ");
            return text.isEmpty() ? "another regionwise run" : token > 0 ? text.substring(0, token) + ")" : text;
        } catch (IOException e) {
            return "another regionwise run";
        }
    }

    private static String readOrNull(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
