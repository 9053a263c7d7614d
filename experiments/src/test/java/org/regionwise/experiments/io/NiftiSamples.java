package org.regionwise.experiments.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Small random NIfTI images and their bytes, for the reader and writer tests. */
final class NiftiSamples {
    private NiftiSamples() {}

    /** A random header (geometry, spacing, units, text, padding) of this type, order and shape, unscaled. */
    static NiftiHeader randomHeader(NiftiDataType type, ByteOrder order, int[] dims, Random rnd) {
        float[] pixdim = new float[8];
        pixdim[0] = rnd.nextBoolean() ? 1 : -1;
        for (int i = 1; i < 8; i++) pixdim[i] = 0.1f + 4 * rnd.nextFloat();
        float[] srow = new float[12];
        for (int i = 0; i < 12; i++) srow[i] = (float) (rnd.nextGaussian() * 50);
        NiftiGeometry geometry = new NiftiGeometry(rnd.nextInt(5), rnd.nextInt(5),
                rnd.nextFloat(), rnd.nextFloat(), rnd.nextFloat(),
                (float) rnd.nextGaussian() * 90, (float) rnd.nextGaussian() * 90, (float) rnd.nextGaussian() * 90, srow);
        long voxOffset = NiftiHeader.MIN_VOX_OFFSET + (rnd.nextBoolean() ? 0 : 16L * rnd.nextInt(8));
        float slope = rnd.nextBoolean() ? 0 : 1; // both mean "no scaling"
        StringBuilder text = new StringBuilder();
        for (int i = rnd.nextInt(81); i > 0; i--) text.append((char) (' ' + rnd.nextInt(95)));
        return new NiftiHeader(dims, pixdim, type, voxOffset, slope, 0, rnd.nextInt(256), text.toString(),
                geometry, order);
    }

    /** Values every type can store exactly and read back bit for bit as floats. */
    static float[] randomValues(NiftiDataType type, int count, Random rnd) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = switch (type) {
                case UINT8 -> rnd.nextInt(256);
                case INT8 -> rnd.nextInt(256) - 128;
                case INT16 -> rnd.nextInt(65536) - 32768;
                case UINT16 -> rnd.nextInt(65536);
                case INT32 -> rnd.nextInt(1 << 25) - (1 << 24); // floats are exact up to 2^24
                case FLOAT32, FLOAT64 -> specialOrRandomFloat(rnd);
            };
        }
        return v;
    }

    private static float specialOrRandomFloat(Random rnd) {
        return switch (rnd.nextInt(20)) {
            case 0 -> Float.NaN;
            case 1 -> Float.NEGATIVE_INFINITY;
            case 2 -> -0.0f;
            case 3 -> Float.MIN_VALUE;
            default -> (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(10) - 5));
        };
    }

    static NiftiImage randomImage(NiftiDataType type, ByteOrder order, int[] dims, Random rnd) {
        NiftiHeader header = randomHeader(type, order, dims, rnd);
        return new NiftiImage(header, randomValues(type, header.voxelCount(), rnd));
    }

    /** The file bytes of {@code image}, gzip-compressed or not. */
    static byte[] bytesOf(NiftiImage image, boolean gzip) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            NiftiWriter.write(out, image);
            return gzip ? gzip(out.toByteArray()) : out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(z)) {
            out.write(raw);
        }
        return z.toByteArray();
    }

    static NiftiImage read(byte[] bytes) throws IOException {
        return NiftiReader.read(new ByteArrayInputStream(bytes), "sample");
    }
}
