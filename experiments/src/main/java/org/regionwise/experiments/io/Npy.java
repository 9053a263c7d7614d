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
            shape[i] = Integer.parseInt(parts[i].trim());
            count *= shape[i];
        }
        if (count > Integer.MAX_VALUE - 8) throw new IOException(source + ": array too large");
        byte[] bytes = new byte[(int) count * 4];
        data.readFully(bytes);
        float[] values = new float[(int) count];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return new Array(shape, values);
    }
}
