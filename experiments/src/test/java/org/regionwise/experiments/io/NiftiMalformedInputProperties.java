package org.regionwise.experiments.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Damaged and lying files: the reader either returns a consistent image or throws
 * {@link NiftiFormatException} naming the source. Nothing else may escape (no array index, negative
 * size or out-of-memory errors), whatever the header claims.
 */
class NiftiMalformedInputProperties {
    /** Header fields a liar changes, by their offset in nifti1.h. */
    private static final int DIM = 40, DATATYPE = 70, BITPIX = 72, VOX_OFFSET = 108;

    enum Damage { TRUNCATE, FLIP_BITS, LIE_ABOUT_DIMS, LIE_ABOUT_VOX_OFFSET, LIE_ABOUT_DATATYPE, LIE_ABOUT_BITPIX }

    @Property(tries = 1500)
    void damagedFilesFailOnlyWithTheDocumentedException(@ForAll NiftiDataType type, @ForAll boolean bigEndian,
                                                        @ForAll boolean gzip, @ForAll Damage damage,
                                                        @ForAll long seed) throws IOException {
        Random rnd = new Random(seed);
        ByteOrder order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int[] dims = {1 + rnd.nextInt(5), 1 + rnd.nextInt(5), 1 + rnd.nextInt(4)};
        byte[] raw = NiftiSamples.bytesOf(NiftiSamples.randomImage(type, order, dims, rnd), false);

        byte[] file = switch (damage) {
            case TRUNCATE -> truncate(gzip ? NiftiSamples.gzip(raw) : raw, rnd);
            case FLIP_BITS -> flipBits(gzip ? NiftiSamples.gzip(raw) : raw, rnd);
            default -> {
                lie(ByteBuffer.wrap(raw).order(order), damage, rnd);
                yield gzip ? NiftiSamples.gzip(raw) : raw;
            }
        };

        try {
            NiftiImage image = NiftiSamples.read(file);
            assertEquals(image.header().voxelCount(), image.data().length);
        } catch (NiftiFormatException e) {
            assertTrue(e.getMessage().startsWith("sample: "), e.getMessage());
        }
    }

    /** Claims of up to 32767^3 voxels over a few bytes of data: refused without allocating for the claim. */
    @Property(tries = 200)
    void hugeClaimsOverTinyDataAreRefused(@ForAll("axisSizes") short nx, @ForAll("axisSizes") short ny,
                                          @ForAll("axisSizes") short nz, @ForAll boolean gzip) throws IOException {
        byte[] raw = NiftiSamples.bytesOf(new NiftiImage(NiftiHeader.of(NiftiDataType.FLOAT64, 2, 2, 2), new float[8]), false);
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(DIM + 2, nx).putShort(DIM + 4, ny).putShort(DIM + 6, nz);
        try {
            NiftiSamples.read(gzip ? NiftiSamples.gzip(raw) : raw);
            assertTrue((long) nx * ny * nz <= 8, "a claim larger than the data cannot succeed");
        } catch (NiftiFormatException e) {
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("voxels"), e.getMessage());
        }
    }

    @Provide
    Arbitrary<Short> axisSizes() {
        return Arbitraries.shorts().between((short) 1, Short.MAX_VALUE).edgeCases(c -> c.includeOnly((short) 1, Short.MAX_VALUE));
    }

    private static byte[] truncate(byte[] file, Random rnd) {
        return Arrays.copyOf(file, rnd.nextInt(file.length));
    }

    private static byte[] flipBits(byte[] file, Random rnd) {
        byte[] damaged = file.clone();
        for (int k = 1 + rnd.nextInt(8); k > 0; k--) {
            // Mostly in the header (or the gzip stream's start), where a flip changes meaning.
            int i = rnd.nextBoolean() ? rnd.nextInt(Math.min(352, damaged.length)) : rnd.nextInt(damaged.length);
            damaged[i] ^= (byte) (1 << rnd.nextInt(8));
        }
        return damaged;
    }

    private static void lie(ByteBuffer header, Damage damage, Random rnd) {
        switch (damage) {
            case LIE_ABOUT_DIMS -> header.putShort(DIM + 2 * rnd.nextInt(8), anyShort(rnd));
            case LIE_ABOUT_VOX_OFFSET -> header.putFloat(VOX_OFFSET, anyOffset(rnd));
            case LIE_ABOUT_DATATYPE -> header.putShort(DATATYPE,
                    rnd.nextBoolean() ? anyShort(rnd) : (short) NiftiDataType.values()[rnd.nextInt(7)].code());
            case LIE_ABOUT_BITPIX -> header.putShort(BITPIX, rnd.nextBoolean() ? anyShort(rnd) : (short) (8 << rnd.nextInt(4)));
            default -> throw new IllegalArgumentException(damage.toString());
        }
    }

    private static short anyShort(Random rnd) {
        short[] notable = {0, -1, 1, 7, 8, Short.MIN_VALUE, Short.MAX_VALUE, 1000};
        return rnd.nextBoolean() ? notable[rnd.nextInt(notable.length)] : (short) rnd.nextInt();
    }

    private static float anyOffset(Random rnd) {
        float[] notable = {Float.NaN, Float.POSITIVE_INFINITY, -1, 0, 351, 352.5f, 353, 368, 1e9f, 3e38f};
        return rnd.nextBoolean() ? notable[rnd.nextInt(notable.length)] : Float.intBitsToFloat(rnd.nextInt());
    }
}
