package org.regionwise.experiments.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Properties;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Files written by nibabel (an independent implementation; see resources/nifti/make_fixtures.py): our
 * reader must see the header nibabel sees and the voxel values the script put there. A round trip
 * alone could not catch a field read from the wrong offset consistently in both directions.
 */
class NibabelFixturesTest {

    @Test
    void bigEndianScaledInt16() throws IOException {
        NiftiImage image = check("nibabel_be_int16_scaled", i -> (i - 5) * 0.5 + 10);
        assertEquals(NiftiDataType.INT16, image.header().dataType());
        assertArrayEquals(new double[] {2.0, 1.5, 3.0}, image.spacing());
    }

    @Test
    void gzippedFourDimensionalFloat64WithNanScalingReadsUnscaled() throws IOException {
        NiftiImage image = check("nibabel_le_float64_4d", i -> i * 0.25 - 1);
        assertArrayEquals(new int[] {2, 3, 2, 2}, image.dims());
    }

    @Test
    void gzippedUint8LabelsAreIntegers() throws IOException {
        NiftiImage image = check("nibabel_le_uint8_labels", i -> i % 4);
        int[] expected = new int[image.data().length];
        Arrays.setAll(expected, i -> i % 4);
        assertArrayEquals(expected, image.labels());
    }

    /** Reads fixture {@code name}, compares its header with nibabel's and its voxels with {@code value(i)}. */
    private static NiftiImage check(String name, IntToDoubleFunction value) throws IOException {
        Properties nib = new Properties();
        try (InputStream in = resource(name + ".properties")) {
            nib.load(in);
        }
        String file = name + (name.contains("be_int16") ? ".nii" : ".nii.gz");
        NiftiImage image;
        try (InputStream in = resource(file)) {
            image = NiftiReader.read(in, file);
        }
        NiftiHeader h = image.header();
        assertArrayEquals(ints(nib.getProperty("dims")), h.dims());
        assertArrayEquals(floats(nib.getProperty("pixdim")), h.pixdim());
        assertEquals(Integer.parseInt(nib.getProperty("datatype")), h.dataType().code());
        assertEquals(number(nib.getProperty("scl_slope")), h.sclSlope());
        assertEquals(number(nib.getProperty("scl_inter")), h.sclInter());
        assertEquals(Integer.parseInt(nib.getProperty("xyzt_units")), h.xyztUnits());
        assertEquals(nib.getProperty("descrip"), h.description());
        assertEquals(Boolean.parseBoolean(nib.getProperty("big_endian")) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN,
                h.byteOrder());
        NiftiGeometry g = h.geometry();
        assertEquals(Integer.parseInt(nib.getProperty("qform_code")), g.qformCode());
        assertEquals(Integer.parseInt(nib.getProperty("sform_code")), g.sformCode());
        assertArrayEquals(floats(nib.getProperty("quatern")), new float[] {g.quaternB(), g.quaternC(), g.quaternD(),
                g.qoffsetX(), g.qoffsetY(), g.qoffsetZ()});
        assertArrayEquals(floats(nib.getProperty("srow")), g.srow());
        float[] expected = new float[h.voxelCount()];
        for (int i = 0; i < expected.length; i++) expected[i] = (float) value.applyAsDouble(i);
        assertArrayEquals(expected, image.data());
        return image;
    }

    private static InputStream resource(String name) {
        InputStream in = NibabelFixturesTest.class.getResourceAsStream("/nifti/" + name);
        if (in == null) throw new IllegalStateException("missing test resource /nifti/" + name);
        return in;
    }

    /** Python's repr of a float: "nan" and "inf" are spelled its way. */
    private static float number(String text) {
        return switch (text) {
            case "nan" -> Float.NaN;
            case "inf" -> Float.POSITIVE_INFINITY;
            case "-inf" -> Float.NEGATIVE_INFINITY;
            default -> Float.parseFloat(text);
        };
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static float[] floats(String csv) {
        String[] parts = csv.split(",");
        float[] f = new float[parts.length];
        for (int i = 0; i < f.length; i++) f[i] = number(parts[i]);
        return f;
    }
}
