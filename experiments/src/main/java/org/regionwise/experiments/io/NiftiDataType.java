package org.regionwise.experiments.io;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The NIfTI-1 voxel types this library reads and writes, with their header codes and sizes.
 *
 * <p>Values travel as {@code float} in memory ({@link NiftiImage#data()}): exact for every 8- and
 * 16-bit type, for int32 up to 2^24 in magnitude and for float64 values that are floats already.
 * Writing an integer type rounds to the nearest integer and refuses values outside the type's range
 * (labels must never wrap around silently).
 */
public enum NiftiDataType {
    UINT8(2, 8, 0, 255) {
        @Override float get(ByteBuffer b) { return b.get() & 0xFF; }
        @Override void putChecked(ByteBuffer b, double v) { b.put((byte) (int) v); }
    },
    INT8(256, 8, Byte.MIN_VALUE, Byte.MAX_VALUE) {
        @Override float get(ByteBuffer b) { return b.get(); }
        @Override void putChecked(ByteBuffer b, double v) { b.put((byte) v); }
    },
    INT16(4, 16, Short.MIN_VALUE, Short.MAX_VALUE) {
        @Override float get(ByteBuffer b) { return b.getShort(); }
        @Override void putChecked(ByteBuffer b, double v) { b.putShort((short) v); }
    },
    UINT16(512, 16, 0, 65535) {
        @Override float get(ByteBuffer b) { return b.getShort() & 0xFFFF; }
        @Override void putChecked(ByteBuffer b, double v) { b.putShort((short) (int) v); }
    },
    INT32(8, 32, Integer.MIN_VALUE, Integer.MAX_VALUE) {
        @Override float get(ByteBuffer b) { return b.getInt(); }
        @Override void putChecked(ByteBuffer b, double v) { b.putInt((int) v); }
    },
    FLOAT32(16, 32, Double.NaN, Double.NaN) {
        @Override float get(ByteBuffer b) { return b.getFloat(); }
        @Override void putChecked(ByteBuffer b, double v) { b.putFloat((float) v); }
    },
    FLOAT64(64, 64, Double.NaN, Double.NaN) {
        @Override float get(ByteBuffer b) { return (float) b.getDouble(); }
        @Override void putChecked(ByteBuffer b, double v) { b.putDouble(v); }
    };

    private final int code;
    private final int bitpix;
    private final double min;
    private final double max;

    NiftiDataType(int code, int bitpix, double min, double max) {
        this.code = code;
        this.bitpix = bitpix;
        this.min = min;
        this.max = max;
    }

    /** The header's {@code datatype} code (e.g. 16 for float32). */
    public int code() { return code; }

    /** The header's {@code bitpix}: bits per voxel. */
    public int bitpix() { return bitpix; }

    /** Bytes per voxel on disk. */
    public int bytes() { return bitpix / 8; }

    /** Whether this is an integer type (writing rounds and range-checks). */
    public boolean isInteger() { return !Double.isNaN(min); }

    /** The type with this header code, or {@code null} when it is not one of ours. */
    public static NiftiDataType fromCode(int code) {
        for (NiftiDataType t : values()) {
            if (t.code == code) return t;
        }
        return null;
    }

    /** "uint8(2), int8(256), ...": for error messages. */
    public static String supportedList() {
        return Arrays.stream(values()).map(t -> t + "(" + t.code + ")").collect(Collectors.joining(", "));
    }

    /** Whether {@code value}, rounded for integer types, can be stored in this type without loss of range. */
    public boolean canHold(double value) {
        if (!isInteger()) return true; // floats take anything, NaN and infinities included
        double r = Math.rint(value);
        return r >= min && r <= max; // false for NaN
    }

    /** Reads one voxel at the buffer's position (the buffer's byte order applies). */
    abstract float get(ByteBuffer b);

    /** Writes one voxel that {@link #canHold} accepted, rounding for integer types. */
    final void put(ByteBuffer b, double value) {
        putChecked(b, isInteger() ? Math.rint(value) : value);
    }

    abstract void putChecked(ByteBuffer b, double value);

    /** Lower-case type name as NIfTI tools spell it: "uint8", "float32", ... */
    @Override
    public String toString() { return name().toLowerCase(Locale.ROOT); }
}
