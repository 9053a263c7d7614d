package org.regionwise.experiments.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads single-file NIfTI-1 images, plain ({@code .nii}) or gzip-compressed ({@code .nii.gz}; recognised
 * by its content, not its name), in either byte order.
 *
 * <p>Bad content of any kind (not NIfTI, unsupported type, impossible header, truncated or corrupt
 * data) raises {@link NiftiFormatException} naming the file and the problem. Memory follows the data
 * actually present, never the size a header claims, so a lying header cannot exhaust the heap.
 */
public final class NiftiReader {
    /** Data is decoded in chunks of this many bytes (a multiple of every voxel size). */
    private static final int CHUNK_BYTES = 1 << 20;
    /** The voxel array starts at most this large and doubles as data arrives. */
    private static final int INITIAL_VOXELS = 1 << 20;

    private NiftiReader() {}

    /** Reads the image in {@code file}; values are scaled by scl_slope/scl_inter when the header asks. */
    public static NiftiImage read(Path file) throws IOException {
        refuseDirectory(file);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads only the header of {@code file}. */
    public static NiftiHeader readHeader(Path file) throws IOException {
        String source = file.toString();
        refuseDirectory(file);
        try (InputStream in = Files.newInputStream(file)) {
            InputStream s = decompressIfGzip(in, source);
            try {
                return NiftiHeaderCodec.decode(s.readNBytes(NiftiHeader.HEADER_SIZE), source);
            } catch (ZipException | EOFException e) {
                throw corruptGzip(source, e);
            }
        }
    }

    /**
     * Reads an image from a stream (plain or gzip), leaving the stream open.
     *
     * @param source names the stream in error messages
     */
    public static NiftiImage read(InputStream stream, String source) throws IOException {
        InputStream in = decompressIfGzip(stream, source);
        try {
            NiftiHeader header = NiftiHeaderCodec.decode(in.readNBytes(NiftiHeader.HEADER_SIZE), source);
            skipTo(in, header.voxOffset(), source);
            float[] data = readVoxels(in, header, source);
            if (header.hasScaling()) scale(data, header.sclSlope(), header.sclInter());
            if (in instanceof GZIPInputStream) drain(in); // reaching the end checks the gzip CRC
            return new NiftiImage(header, data);
        } catch (ZipException | EOFException e) {
            throw corruptGzip(source, e);
        }
    }

    /** Opening a directory succeeds on Linux and only reading fails, with a message that names no file. */
    private static void refuseDirectory(Path file) throws IOException {
        if (Files.isDirectory(file)) throw new FileSystemException(file.toString(), null, "is a directory, not a NIfTI file");
    }

    private static InputStream decompressIfGzip(InputStream stream, String source) throws IOException {
        InputStream in = new BufferedInputStream(stream, 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        if (!gzip) return in;
        try {
            return new GZIPInputStream(in, 1 << 16);
        } catch (ZipException | EOFException e) {
            throw corruptGzip(source, e);
        }
    }

    private static void skipTo(InputStream in, long voxOffset, String source) throws IOException {
        byte[] scratch = new byte[8192];
        long remaining = voxOffset - NiftiHeader.HEADER_SIZE;
        while (remaining > 0) {
            int want = (int) Math.min(remaining, scratch.length);
            int got = in.readNBytes(scratch, 0, want);
            if (got < want) {
                throw new NiftiFormatException(source, "truncated: file ends before the voxel data at byte " + voxOffset);
            }
            remaining -= got;
        }
    }

    private static float[] readVoxels(InputStream in, NiftiHeader header, String source) throws IOException {
        NiftiDataType type = header.dataType();
        int voxels = header.voxelCount();
        int perChunk = CHUNK_BYTES / type.bytes();
        byte[] chunk = new byte[CHUNK_BYTES];
        ByteBuffer buffer = ByteBuffer.wrap(chunk).order(header.byteOrder());
        float[] data = new float[Math.min(voxels, INITIAL_VOXELS)];
        int filled = 0;
        while (filled < voxels) {
            int count = Math.min(voxels - filled, perChunk);
            int got = in.readNBytes(chunk, 0, count * type.bytes());
            if (got < count * type.bytes()) {
                throw new NiftiFormatException(source, "truncated: voxel data ends after " + (filled + got / type.bytes())
                        + " of " + voxels + " " + type + " voxels");
            }
            if (filled + count > data.length) { // grow only as far as real data goes
                data = Arrays.copyOf(data, (int) Math.min(voxels, Math.max(filled + count, 2L * data.length)));
            }
            buffer.clear();
            for (int i = 0; i < count; i++) data[filled + i] = type.get(buffer);
            filled += count;
        }
        return data;
    }

    private static void scale(float[] data, float slope, float inter) {
        for (int i = 0; i < data.length; i++) data[i] = (float) (data[i] * (double) slope + inter);
    }

    private static void drain(InputStream in) throws IOException {
        byte[] scratch = new byte[8192];
        while (in.read(scratch) >= 0) {
            // nothing: the bytes after the voxel data are not part of the image
        }
    }

    private static NiftiFormatException corruptGzip(String source, IOException e) {
        return new NiftiFormatException(source, "corrupt or truncated gzip data ("
                + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()) + ")", e);
    }
}
