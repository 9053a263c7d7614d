package org.regionwise.experiments.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one lock every writing command takes on its output folder, so that two runs never write into one
 * folder at once (the second gets a one-line error naming the first), and a run killed without warning
 * leaves nothing that blocks the next one: the operating system drops a dead process's lock.
 *
 * <p>The lock is an OS file lock ({@link FileChannel#tryLock}) on {@value #NAME} in the folder, which
 * holds a line naming the holder (command, process id, start time) for the error message, and is
 * emptied on release. The file itself stays: deleting it would let a process that opened it just before
 * the delete lock a file no one else can see, and so hold the folder together with the next process.
 * POSIX drops a process's lock when it closes any descriptor of the file, so the holder never opens the
 * file a second time, and runs in one JVM are told apart by a table of the folders it holds.
 *
 * <p>Taking the lock also removes stale temporaries of this program's atomic writer in the folder
 * ({@link StaleTemporaries}): whoever holds the lock is the only writer there, so any such file is a
 * leftover of a killed run.
 */
public final class OutputLock implements AutoCloseable {
    /** The lock file's name inside the output folder. */
    public static final String NAME = ".regionwise.lock";
    /** Folders this JVM holds, with their holder's line. */
    private static final Map<Path, String> HELD = new ConcurrentHashMap<>();

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
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
        folder = folder.toRealPath(); // one key per folder, however the path spells it
        if (!Files.isWritable(folder)) throw new AccessDeniedException(folder.toString(), null, "output folder is not writable");
        String line = command + " (process " + ProcessHandle.current().pid() + ", started " + Instant.now() + ")";
        String other = HELD.putIfAbsent(folder, line);
        if (other != null) throw new OutputLockedException(folder, other);
        try {
            FileChannel channel = FileChannel.open(folder.resolve(NAME), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) { // this JVM holds it under another spelling of the path
                lock = null;
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new OutputLockedException(folder, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            OutputLock held = new OutputLock(folder, channel, lock);
            StaleTemporaries.remove(folder);
            return held;
        } catch (IOException | RuntimeException e) {
            HELD.remove(folder);
            throw e;
        }
    }

    /** The folder this lock holds. */
    public Path folder() {
        return folder;
    }

    /** Empties the lock file and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            if (channel.isOpen()) channel.truncate(0);
        } finally {
            try {
                if (lock.isValid()) lock.release();
            } finally {
                channel.close();
                HELD.remove(folder);
            }
        }
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(512);
            int n = channel.read(buffer, 0);
            String text = n <= 0 ? "" : new String(buffer.array(), 0, n, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "another regionwise run" : text;
        } catch (IOException e) {
            return "another regionwise run";
        }
    }
}
