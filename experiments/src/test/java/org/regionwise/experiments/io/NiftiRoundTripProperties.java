package org.regionwise.experiments.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Writing then reading gives back the same header and the same values, for every type and byte order. */
class NiftiRoundTripProperties {

    @Property(tries = 300)
    void writeThenReadIsTheIdentity(@ForAll NiftiDataType type, @ForAll boolean bigEndian, @ForAll boolean gzip,
                                    @ForAll("shapes") int[] dims, @ForAll long seed) throws IOException {
        ByteOrder order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        NiftiImage image = NiftiSamples.randomImage(type, order, dims, new Random(seed));

        NiftiImage back = NiftiSamples.read(NiftiSamples.bytesOf(image, gzip));

        assertEquals(image.header(), back.header());
        assertArrayEquals(image.data(), back.data()); // bitwise: NaN, -0 and infinities included
    }

    /** Scaled integers: the writer stores (v - inter) / slope, the reader applies v * slope + inter. */
    @Property(tries = 100)
    void scaledInt16RoundTrips(@ForAll boolean bigEndian, @ForAll("slopes") float slope,
                               @ForAll @IntRange(min = -100, max = 100) int inter, @ForAll long seed) throws IOException {
        Random rnd = new Random(seed);
        NiftiHeader plain = NiftiSamples.randomHeader(NiftiDataType.INT16,
                bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, new int[] {4, 3, 2}, rnd);
        NiftiHeader scaled = new NiftiHeader(plain.dims(), plain.pixdim(), plain.dataType(), plain.voxOffset(),
                slope, inter, plain.xyztUnits(), plain.description(), plain.geometry(), plain.byteOrder());
        float[] values = new float[scaled.voxelCount()];
        for (int i = 0; i < values.length; i++) values[i] = (rnd.nextInt(2001) - 1000) * slope + inter; // exact in float

        NiftiImage back = NiftiSamples.read(NiftiSamples.bytesOf(new NiftiImage(scaled, values), false));

        assertEquals(scaled, back.header());
        assertArrayEquals(values, back.data());
    }

    @Provide
    Arbitrary<int[]> shapes() {
        return Arbitraries.integers().between(1, 6).array(int[].class).ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Float> slopes() {
        return Arbitraries.of(0.25f, 0.5f, 2f, -3f, 1f);
    }
}
