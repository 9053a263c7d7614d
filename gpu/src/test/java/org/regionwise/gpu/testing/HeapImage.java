package org.regionwise.gpu.testing;

import java.util.Arrays;
import java.util.Random;

/**
 * Lays out kernel operands in one heap image for tests: each region gets an offset (absolute, from a base
 * where the image will be placed on a device) and random contents.
 */
public final class HeapImage {
    private final int base;
    private final Random random;
    private float[] data = new float[64];
    private int used;

    public HeapImage(int base, long seed) {
        this.base = base;
        this.random = new Random(seed);
    }

    /** A region of uniform values in [lo, hi); returns its absolute offset. */
    public int region(int count, float lo, float hi) {
        int off = reserve(count);
        for (int i = 0; i < count; i++) data[off - base + i] = lo + (hi - lo) * random.nextFloat();
        return off;
    }

    public int region(int count) {
        return region(count, -1f, 1f);
    }

    /** A region holding {@code values}. */
    public int region(float[] values) {
        int off = reserve(values.length);
        System.arraycopy(values, 0, data, off - base, values.length);
        return off;
    }

    public Random random() {
        return random;
    }

    public float[] toArray() {
        return Arrays.copyOf(data, used);
    }

    private int reserve(int count) {
        int off = used;
        used += (count + 15) / 16 * 16;
        if (used > data.length) data = Arrays.copyOf(data, Math.max(used, 2 * data.length));
        return base + off;
    }
}
