package org.regionwise.experiments.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes single-file NIfTI-1 images: {@code .nii}, or gzip-compressed when the name ends in {@code .gz}.
 *
 * <p>Compression is gzip level 1 (fast). The header is written as given (byte order, geometry, scaling); values are stored through the
 * inverse of the header's scaling, rounded for integer types. A value that does not fit the data type
 * raises {@link IllegalArgumentException} rather than wrapping around. Files appear atomically: written
 * beside the target under a temporary name, then moved into place, so a failed write leaves no
 * half-written image.
 */
public final class NiftiWriter {
    private static final int CHUNK_BYTES = 1 << 16;

    private NiftiWriter() {}

    /** Writes {@code image} to {@code file}, which must end in .nii or .nii.gz. */
    public static void write(Path file, NiftiImage image) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gzip = name.endsWith(".nii.gz");
        if (!gzip && !name.endsWith(".nii")) {
            throw new IllegalArgumentException(file + ": a NIfTI file name ends in .nii or .nii.gz");
        }
        AtomicFile.write(file, out -> {
            if (gzip) {
                try (GZIPOutputStream z = new FastGzipOutputStream(out)) {
                    write(z, image);
                }
            } else {
                write(out, image);
            }
        });
    }

    /** Writes the uncompressed bytes of {@code image} (header, padding to vox_offset, voxels); leaves {@code out} open. */
    public static void write(OutputStream out, NiftiImage image) throws IOException {
        NiftiHeader header = image.header();
        OutputStream buffered = new BufferedOutputStream(out, CHUNK_BYTES); // flushed, never closed
        buffered.write(NiftiHeaderCodec.encode(header));
        // Zeros up to vox_offset: the 4-byte extension flag (0 = no extensions) and any padding.
        for (long i = NiftiHeader.HEADER_SIZE; i < header.voxOffset(); i++) buffered.write(0);
        writeVoxels(buffered, header, image.data());
        buffered.flush();
    }

    private static void writeVoxels(OutputStream out, NiftiHeader header, float[] data) throws IOException {
        NiftiDataType type = header.dataType();
        boolean scaled = header.hasScaling();
        double slope = header.sclSlope(), inter = header.sclInter();
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(header.byteOrder());
        for (int i = 0; i < data.length; i++) {
            double stored = scaled ? (data[i] - inter) / slope : data[i];
            if (!type.canHold(stored)) {
                throw new IllegalArgumentException("voxel " + i + " holds " + data[i] + ", which does not fit "
                        + type + (scaled ? " with scl_slope " + slope + ", scl_inter " + inter : ""));
            }
            if (chunk.remaining() < type.bytes()) {
                out.write(chunk.array(), 0, chunk.position());
                chunk.clear();
            }
            type.put(chunk, stored);
        }
        out.write(chunk.array(), 0, chunk.position());
    }

    /**
     * gzip at level 1, as nibabel writes by default: maps and probabilities are gigabytes of floats
     * that the default level compresses barely smaller at several times the cost.
     */
    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, CHUNK_BYTES);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
