package org.regionwise.layers;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;

/**
 * A small binary file of named float32 arrays with shapes: a model's state dict (or any named tensors).
 *
 * <pre>
 * All integers and floats little-endian.
 *   magic    4 bytes   "RWSD"
 *   version  int32     1
 *   count    int32     number of entries
 *   count times:
 *     nameLen  int32, name  nameLen bytes of UTF-8
 *     rank     int32, dims  rank x int32
 *     data     prod(dims) x float32, row-major
 *   crc      int32     CRC-32 of every byte before it
 * </pre>
 * Little-endian so that {@code numpy.frombuffer(..., '<f4')} reads the data directly. Writes go to a
 * temporary file in the target's folder, are forced to disk, then renamed over the target, so a crash
 * never leaves a half-written checkpoint under the real name.
 */
public final class StateDictFile {
    private static final byte[] MAGIC = {'R', 'W', 'S', 'D'};
    private static final int VERSION = 1;
    private static final int CHUNK = 1 << 20;

    /** One stored array: its shape and values. */
    public record Entry(int[] shape, float[] data) {}

    private StateDictFile() {}

    /** Writes {@code tensors} (name to tensor, in map order) to {@code file} atomically. */
    public static void write(Path file, Map<String, Tensor> tensors) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                Writer w = new Writer(ch);
                w.bytes(MAGIC);
                w.putInt(VERSION);
                w.putInt(tensors.size());
                for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
                    byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
                    w.putInt(name.length);
                    w.bytes(name);
                    int[] shape = e.getValue().shape();
                    w.putInt(shape.length);
                    for (int d : shape) w.putInt(d);
                    w.floats(e.getValue().data());
                }
                w.finish();
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a file written by {@link #write}; throws naming the file on a bad magic, version or checksum. */
    public static Map<String, Entry> read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        try {
            if (b.remaining() < 16) throw corrupt(file, "too short");
            CRC32 crc = new CRC32();
            crc.update(b.array(), 0, b.limit() - 4);
            if ((int) crc.getValue() != b.getInt(b.limit() - 4)) throw corrupt(file, "checksum mismatch");
            byte[] magic = new byte[4];
            b.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) throw corrupt(file, "not a state-dict file (bad magic)");
            int version = b.getInt();
            if (version != VERSION) throw corrupt(file, "unsupported version " + version);
            int count = b.getInt();
            Map<String, Entry> out = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                byte[] name = new byte[b.getInt()];
                b.get(name);
                int[] shape = new int[b.getInt()];
                for (int d = 0; d < shape.length; d++) shape[d] = b.getInt();
                float[] data = new float[Shape.numel(shape)];
                b.asFloatBuffer().get(data);
                b.position(b.position() + 4 * data.length);
                out.put(new String(name, StandardCharsets.UTF_8), new Entry(shape, data));
            }
            if (b.remaining() != 4) throw corrupt(file, (b.remaining() - 4) + " unexpected trailing bytes");
            return Collections.unmodifiableMap(out);
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException e) {
            throw corrupt(file, "truncated or malformed (" + e + ")");
        }
    }

    private static IOException corrupt(Path file, String why) {
        return new IOException(file + ": " + why);
    }

    /** Buffered little-endian writer that keeps a running CRC-32 of what it wrote. */
    private static final class Writer {
        private final FileChannel ch;
        private final ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        private final CRC32 crc = new CRC32();

        Writer(FileChannel ch) {
            this.ch = ch;
        }

        void putInt(int v) throws IOException {
            room(4);
            buf.putInt(v);
        }

        void bytes(byte[] bytes) throws IOException {
            for (int off = 0; off < bytes.length; ) {
                room(1);
                int n = Math.min(buf.remaining(), bytes.length - off);
                buf.put(bytes, off, n);
                off += n;
            }
        }

        void floats(float[] data) throws IOException {
            for (int off = 0; off < data.length; ) {
                room(4);
                int n = Math.min(buf.remaining() / 4, data.length - off);
                buf.asFloatBuffer().put(data, off, n);
                buf.position(buf.position() + 4 * n);
                off += n;
            }
        }

        void finish() throws IOException {
            flush();
            ByteBuffer tail = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue());
            tail.flip();
            while (tail.hasRemaining()) ch.write(tail);
        }

        private void room(int bytes) throws IOException {
            if (buf.remaining() < bytes) flush();
        }

        private void flush() throws IOException {
            buf.flip();
            crc.update(buf.duplicate());
            while (buf.hasRemaining()) ch.write(buf);
            buf.clear();
        }
    }
}
