package org.regionwise.experiments.io;

import java.io.IOException;
import java.util.Locale;
import org.regionwise.autodiff.text.OneLine;

/**
 * What an input may make this program allocate, checked from headers and declared counts before the
 * allocation, so that a 3 KB file cannot ask for gigabytes: a lying or hostile input gets a one-line
 * error up front instead of an out-of-memory error (or minutes of swapping) later.
 */
public final class HeapBudget {
    /**
     * The most classes a label volume, a data set or an option may declare. Real segmentation tasks stay
     * far below it (AAL: 117 labels; TotalSegmentator: 118), and every per-class buffer scales with it.
     */
    public static final int MAX_CLASSES = 1024;

    private HeapBudget() {}

    /** Heap this JVM could still allocate: the maximum less what is in use. */
    public static long available() {
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }

    /**
     * Fails unless {@code bytes} more fit in the heap.
     *
     * @param source names the input (a file) in the message
     * @param what   what the bytes are for, e.g. "the voxel data (2047x1024x1024 float32)"
     * @throws IOException a runtime error naming the input and both sizes
     */
    public static void require(long bytes, String source, String what) throws IOException {
        if (bytes < 0 || bytes > available()) {
            throw new IOException(String.format(Locale.ROOT, "%s: %s would need %s of memory, more than the %s this run has"
                    + " (raise it with JAVA_OPTS=-Xmx..., or use a smaller input)", OneLine.visible(source), what,
                    size(bytes < 0 ? Long.MAX_VALUE : bytes), size(available())));
        }
    }

    /** Multiplies counts, saturating at Long.MAX_VALUE instead of overflowing. */
    public static long product(long... factors) {
        long p = 1;
        for (long f : factors) {
            if (f < 0) return Long.MAX_VALUE;
            if (f != 0 && p > Long.MAX_VALUE / f) return Long.MAX_VALUE;
            p *= f;
        }
        return p;
    }

    /** "6.0 GB", "512 MB". */
    public static String size(long bytes) {
        if (bytes >= 1L << 30) return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        return String.format(Locale.ROOT, "%d MB", Math.max(1, bytes >> 20));
    }
}
