package org.regionwise.experiments.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The 348-byte NIfTI-1 header, field by field (offsets from nifti1.h). Decoding checks every field it
 * relies on and explains what is wrong, so that no later step can index out of bounds or size an array
 * from a lie.
 */
final class NiftiHeaderCodec {
    // Offsets of the fields we use, from nifti1.h.
    private static final int SIZEOF_HDR = 0, REGULAR = 38, DIM = 40, DATATYPE = 70, BITPIX = 72,
            PIXDIM = 76, VOX_OFFSET = 108, SCL_SLOPE = 112, SCL_INTER = 116, XYZT_UNITS = 123,
            DESCRIP = 148, QFORM_CODE = 252, SFORM_CODE = 254, QUATERN_B = 256, SROW = 280, MAGIC = 344;
    private static final int NIFTI2_SIZEOF_HDR = 540;

    private NiftiHeaderCodec() {}

    /** Reads a header from the first 348 bytes of a file; {@code source} names it in error messages. */
    static NiftiHeader decode(byte[] raw, String source) throws NiftiFormatException {
        if (raw.length < NiftiHeader.HEADER_SIZE) {
            throw new NiftiFormatException(source, "truncated header (" + raw.length + " of 348 bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(byteOrderOf(raw, source));
        checkMagic(raw, source);

        int rank = b.getShort(DIM);
        if (rank < 1 || rank > 7) {
            throw new NiftiFormatException(source, "dim[0] is " + rank + ", expected 1..7");
        }
        int[] dims = new int[rank];
        long voxels = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = b.getShort(DIM + 2 * (i + 1));
            if (dims[i] < 1) {
                throw new NiftiFormatException(source, "dim[" + (i + 1) + "] is " + dims[i] + ", axis sizes must be positive");
            }
            voxels *= dims[i];
            if (voxels > NiftiHeader.MAX_VOXELS) {
                throw new NiftiFormatException(source, "declares more than " + NiftiHeader.MAX_VOXELS + " voxels");
            }
        }

        short code = b.getShort(DATATYPE);
        NiftiDataType type = NiftiDataType.fromCode(code);
        if (type == null) {
            throw new NiftiFormatException(source, "unsupported datatype " + code
                    + " (supported: " + NiftiDataType.supportedList() + ")");
        }
        short bitpix = b.getShort(BITPIX);
        if (bitpix != type.bitpix()) {
            throw new NiftiFormatException(source, "bitpix " + bitpix + " does not match datatype "
                    + type + " (" + type.bitpix() + " bits)");
        }

        float[] pixdim = new float[8];
        for (int i = 0; i < 8; i++) pixdim[i] = b.getFloat(PIXDIM + 4 * i);
        long voxOffset = voxOffsetOf(b.getFloat(VOX_OFFSET), source);

        float[] srow = new float[12];
        for (int i = 0; i < 12; i++) srow[i] = b.getFloat(SROW + 4 * i);
        NiftiGeometry geometry = new NiftiGeometry(b.getShort(QFORM_CODE), b.getShort(SFORM_CODE),
                b.getFloat(QUATERN_B), b.getFloat(QUATERN_B + 4), b.getFloat(QUATERN_B + 8),
                b.getFloat(QUATERN_B + 12), b.getFloat(QUATERN_B + 16), b.getFloat(QUATERN_B + 20), srow);
        try {
            return new NiftiHeader(dims, pixdim, type, voxOffset, b.getFloat(SCL_SLOPE), b.getFloat(SCL_INTER),
                    raw[XYZT_UNITS] & 0xFF, text(raw, DESCRIP, 80), geometry, b.order());
        } catch (IllegalArgumentException e) { // every field was checked above; kept as a safety net
            throw new NiftiFormatException(source, "invalid header: " + e.getMessage(), e);
        }
    }

    /** The 348 header bytes for {@code h}, in its byte order. */
    static byte[] encode(NiftiHeader h) {
        ByteBuffer b = ByteBuffer.allocate(NiftiHeader.HEADER_SIZE).order(h.byteOrder());
        b.putInt(SIZEOF_HDR, NiftiHeader.HEADER_SIZE);
        b.put(REGULAR, (byte) 'r');
        int[] dims = h.dims();
        b.putShort(DIM, (short) dims.length);
        for (int i = 1; i <= 7; i++) b.putShort(DIM + 2 * i, (short) (i <= dims.length ? dims[i - 1] : 1));
        b.putShort(DATATYPE, (short) h.dataType().code());
        b.putShort(BITPIX, (short) h.dataType().bitpix());
        float[] pixdim = h.pixdim();
        for (int i = 0; i < 8; i++) b.putFloat(PIXDIM + 4 * i, pixdim[i]);
        b.putFloat(VOX_OFFSET, h.voxOffset());
        b.putFloat(SCL_SLOPE, h.sclSlope());
        b.putFloat(SCL_INTER, h.sclInter());
        b.put(XYZT_UNITS, (byte) h.xyztUnits());
        byte[] descrip = h.description().getBytes(StandardCharsets.ISO_8859_1);
        b.put(DESCRIP, descrip, 0, descrip.length);
        NiftiGeometry g = h.geometry();
        b.putShort(QFORM_CODE, (short) g.qformCode());
        b.putShort(SFORM_CODE, (short) g.sformCode());
        float[] quatern = {g.quaternB(), g.quaternC(), g.quaternD(), g.qoffsetX(), g.qoffsetY(), g.qoffsetZ()};
        for (int i = 0; i < 6; i++) b.putFloat(QUATERN_B + 4 * i, quatern[i]);
        float[] srow = g.srow();
        for (int i = 0; i < 12; i++) b.putFloat(SROW + 4 * i, srow[i]);
        b.put(MAGIC, new byte[] {'n', '+', '1', 0});
        return b.array();
    }

    /** sizeof_hdr is 348 in the file's byte order: that is how NIfTI-1 tells little from big endian. */
    private static ByteOrder byteOrderOf(byte[] raw, String source) throws NiftiFormatException {
        int little = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).getInt(SIZEOF_HDR);
        int big = Integer.reverseBytes(little);
        if (little == NiftiHeader.HEADER_SIZE) return ByteOrder.LITTLE_ENDIAN;
        if (big == NiftiHeader.HEADER_SIZE) return ByteOrder.BIG_ENDIAN;
        if (little == NIFTI2_SIZEOF_HDR || big == NIFTI2_SIZEOF_HDR) {
            throw new NiftiFormatException(source, "NIfTI-2 files are not supported (only NIfTI-1)");
        }
        throw new NiftiFormatException(source, "not a NIfTI-1 file (sizeof_hdr is " + little + ", expected 348)");
    }

    private static void checkMagic(byte[] raw, String source) throws NiftiFormatException {
        String magic = new String(raw, MAGIC, 4, StandardCharsets.ISO_8859_1);
        if (magic.equals("n+1\0")) return;
        if (magic.equals("ni1\0")) {
            throw new NiftiFormatException(source, "header of a .hdr/.img pair; only single-file .nii/.nii.gz is supported");
        }
        throw new NiftiFormatException(source, "no NIfTI-1 magic 'n+1' (an ANALYZE 7.5 file, or damaged)");
    }

    /**
     * Legacy writers leave vox_offset at 0 for single files: anything below 352 means "right after the
     * header" (as nibabel reads it). Negative, fractional and non-finite offsets are refused.
     */
    private static long voxOffsetOf(float value, String source) throws NiftiFormatException {
        if (!Float.isFinite(value) || value < 0 || value != Math.rint(value)) {
            throw new NiftiFormatException(source, "vox_offset " + value + " is not a valid byte offset");
        }
        return Math.max(NiftiHeader.MIN_VOX_OFFSET, (long) value);
    }

    /** A NUL-terminated Latin-1 text field. */
    private static String text(byte[] raw, int offset, int length) {
        int end = offset;
        while (end < offset + length && raw[end] != 0) end++;
        return new String(raw, offset, end - offset, StandardCharsets.ISO_8859_1);
    }
}
