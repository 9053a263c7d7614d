package org.regionwise.experiments.io;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format (version 1.0) for little-endian float32 arrays: what {@code numpy.load}
 * reads directly, and, zipped together, what {@code numpy.load} reads as an {@code .npz} archive.
 *
 * <pre>
 *   "\x93NUMPY" 1 0   header length (uint16, little-endian)
 *   {'descr': '&lt;f4', 'fortran_order': False, 'shape': (d0, d1, ...), }   padded with spaces and '\n'
 *                                                               so the data starts at a multiple of 64
 *   prod(shape) float32 values, little-endian, row-major
 * </pre>
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern HEADER = Pattern.compile(
            "\\{\\s*'descr':\\s*'<f4',\\s*'fortran_order':\\s*False,\\s*'shape':\\s*\\(([0-9,\\s]*)\\),?\\s*}\\s*");

    /** The most values one array may hold (a Java array of float, 4 bytes each, fits within int indexing). */
    static final int MAX_VALUES = (Integer.MAX_VALUE - 8) / 4;
    /** Values are read in chunks of this many; the array grows only as they arrive. */
    private static final int CHUNK = 1 << 16;

    /** One array read back: its shape and values. */
    public record Array(int[] shape, float[] data) {}

    private Npy() {}

    /** Writes {@code data} with {@code shape} (whose product must be {@code data.length}). */
    public static void write(OutputStream out, int[] shape, float[] data) throws IOException {
        long count = 1;
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape");
            count *= d;
            dims.append(d).append(", ");
        }
        if (count != data.length) {
            throw new IllegalArgumentException("shape holds " + count + " values but the array has " + data.length);
        }
        String shapeText = shape.length == 1 ? shape[0] + "," : dims.length() == 0 ? "" : dims.substring(0, dims.length() - 2);
        StringBuilder header = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (" + shapeText + "), }");
        int preamble = MAGIC.length + 2 + 2;
        while ((preamble + header.length() + 1) % 64 != 0) header.append(' ');
        header.append('\n');
        out.write(MAGIC);
        out.write(new byte[] {1, 0, (byte) (header.length() & 0xFF), (byte) (header.length() >>> 8)});
        out.write(header.toString().getBytes(StandardCharsets.US_ASCII));
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < data.length; ) {
            int n = Math.min(buf.capacity() / 4, data.length - i);
            buf.clear();
            buf.asFloatBuffer().put(data, i, n);
            out.write(buf.array(), 0, 4 * n);
            i += n;
        }
    }

    /**
     * Reads {@code count} float32 values, growing the array only as far as data arrives, so that a shape
     * that lies cannot allocate more than the entry holds.
     */
    private static float[] readValues(DataInputStream in, int count, String source) throws IOException {
        float[] values = new float[Math.min(count, CHUNK)];
        byte[] chunk = new byte[CHUNK * 4];
        ByteBuffer buffer = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        int filled = 0;
        while (filled < count) {
            int n = Math.min(CHUNK, count - filled);
            int got = in.readNBytes(chunk, 0, 4 * n);
            if (got < 4 * n) {
                throw new IOException(source + ": truncated: the array ends after " + (filled + got / 4) + " of " + count + " values");
            }
            if (filled + n > values.length) values = java.util.Arrays.copyOf(values, (int) Math.min(count, Math.max(filled + n, 2L * values.length)));
            buffer.clear();
            buffer.asFloatBuffer().get(values, filled, n);
            filled += n;
        }
        return values;
    }

    /**
     * Reads an array written by {@link #write} (any little-endian float32, C-order {@code .npy} v1).
     *
     * @param source names the array in error messages
     * @throws IOException for anything else, naming the source
     */
    public static Array read(InputStream in, String source) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[MAGIC.length];
        data.readFully(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) throw new IOException(source + ": not a .npy array");
        int major = data.readUnsignedByte();
        data.readUnsignedByte();
        if (major != 1) throw new IOException(source + ": .npy version " + major + " is not supported (only 1.0)");
        int headerLength = data.readUnsignedByte() | data.readUnsignedByte() << 8;
        byte[] header = new byte[headerLength];
        data.readFully(header);
        Matcher m = HEADER.matcher(new String(header, StandardCharsets.US_ASCII));
        if (!m.matches()) throw new IOException(source + ": only little-endian float32 C-order arrays are supported");
        String[] parts = m.group(1).trim().split("\\s*,\\s*");
        int rank = m.group(1).isBlank() ? 0 : parts.length;
        int[] shape = new int[rank];
        long count = 1;
        for (int i = 0; i < rank; i++) {
            String part = parts[i].trim();
            if (part.isEmpty() || part.length() > 10) throw new IOException(source + ": shape " + m.group(1).trim() + " is not valid");
            long d = Long.parseLong(part); // digits only, at most 10 of them: cannot fail
            if (d > Integer.MAX_VALUE) throw new IOException(source + ": dimension " + d + " is too large");
            shape[i] = (int) d;
            count *= d;
            if (count > MAX_VALUES) {
                throw new IOException(source + ": shape (" + m.group(1).trim() + ") holds more than " + MAX_VALUES + " values");
            }
        }
        float[] values = readValues(data, (int) count, source);
        return new Array(shape, values);
    }
}
