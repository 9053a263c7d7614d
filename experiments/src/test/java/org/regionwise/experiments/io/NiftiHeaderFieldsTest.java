package org.regionwise.experiments.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Single header fields, poked at their nifti1.h offsets: how each is read, and what each refusal says. */
class NiftiHeaderFieldsTest {
    private static final int SIZEOF_HDR = 0, DIM = 40, DATATYPE = 70, BITPIX = 72, VOX_OFFSET = 108,
            SCL_SLOPE = 112, SCL_INTER = 116, MAGIC = 344;

    /** A little-endian int16 2x3 image with values 0..5 and a 16-byte gap before the data. */
    private static ByteBuffer sample() {
        NiftiHeader h = NiftiHeader.of(NiftiDataType.INT16, 2, 3);
        h = new NiftiHeader(h.dims(), h.pixdim(), h.dataType(), 368, 1, 0, h.xyztUnits(), "", h.geometry(), h.byteOrder());
        byte[] raw = NiftiSamples.bytesOf(new NiftiImage(h, new float[] {0, 1, 2, 3, 4, 5}), false);
        return ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static NiftiImage read(ByteBuffer b) throws IOException {
        return NiftiSamples.read(b.array());
    }

    private static String refusal(ByteBuffer b) {
        return assertThrows(NiftiFormatException.class, () -> read(b)).getMessage();
    }

    @Test
    void voxOffsetIsHonoured() throws IOException {
        ByteBuffer b = sample();
        for (int i = 352; i < 368; i++) b.put(i, (byte) 0x7f); // junk (an extension, say) before the data
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, read(b).data());
    }

    @Test
    void aZeroVoxOffsetMeansRightAfterTheHeader() throws IOException {
        byte[] raw = NiftiSamples.bytesOf(new NiftiImage(NiftiHeader.of(NiftiDataType.UINT8, 3), new float[] {7, 8, 9}), false);
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).putFloat(VOX_OFFSET, 0);
        NiftiImage image = read(b);
        assertEquals(352, image.header().voxOffset());
        assertArrayEquals(new float[] {7, 8, 9}, image.data());
    }

    @Test
    void scalingAppliesOnlyWhenItChangesSomething() throws IOException {
        assertArrayEquals(new float[] {1, 3, 5, 7, 9, 11}, read(sample().putFloat(SCL_SLOPE, 2).putFloat(SCL_INTER, 1)).data());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, read(sample().putFloat(SCL_SLOPE, 0).putFloat(SCL_INTER, 9)).data());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, read(sample().putFloat(SCL_SLOPE, Float.NaN)).data());
        assertFalse(read(sample()).header().hasScaling(), "(1, 0) is no scaling");
    }

    @Test
    void bigEndianIsDetectedFromSizeofHdr() throws IOException {
        NiftiHeader h = NiftiHeader.of(NiftiDataType.INT16, 2).withByteOrder(ByteOrder.BIG_ENDIAN);
        byte[] raw = NiftiSamples.bytesOf(new NiftiImage(h, new float[] {258, -2}), false);
        assertEquals(348, ByteBuffer.wrap(raw).order(ByteOrder.BIG_ENDIAN).getInt(SIZEOF_HDR));
        assertEquals(1, raw[352], "258 = 0x0102, high byte first");
        assertArrayEquals(new float[] {258, -2}, NiftiSamples.read(raw).data());
    }

    @Test
    void refusalsSayWhatIsWrong() {
        assertTrue(refusal(sample().putInt(SIZEOF_HDR, 540)).contains("NIfTI-2"));
        assertTrue(refusal(sample().putInt(SIZEOF_HDR, 12345)).contains("sizeof_hdr is 12345"));
        assertTrue(refusal(sample().put(MAGIC + 1, (byte) 'i')).contains(".hdr/.img pair"));
        assertTrue(refusal(sample().put(MAGIC, (byte) 0)).contains("magic"));
        assertTrue(refusal(sample().putShort(DIM, (short) 8)).contains("dim[0] is 8"));
        assertTrue(refusal(sample().putShort(DIM + 4, (short) -3)).contains("dim[2] is -3"));
        assertTrue(refusal(sample().putShort(DATATYPE, (short) 128)).contains("unsupported datatype 128"));
        assertTrue(refusal(sample().putShort(BITPIX, (short) 32)).contains("bitpix 32 does not match datatype int16"));
        assertTrue(refusal(sample().putFloat(VOX_OFFSET, -4)).contains("vox_offset"));
        assertTrue(refusal(sample().putFloat(VOX_OFFSET, 400.5f)).contains("vox_offset"));
        assertTrue(refusal(sample().putFloat(VOX_OFFSET, 4000)).contains("before the voxel data"));
        assertTrue(refusal(sample().putShort(DIM + 2, (short) 3)).contains("ends after 6 of 9 int16 voxels"));
    }
}
