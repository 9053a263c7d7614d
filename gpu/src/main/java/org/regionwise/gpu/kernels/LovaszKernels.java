package org.regionwise.gpu.kernels;

import java.util.ArrayList;
import java.util.List;
import org.regionwise.gpu.Parallel;

/**
 * The Lovasz-softmax loss and its gradient factor on the device (reference twin: {@code losses.HostLovasz}, which
 * sorts on the host and works in double). Each (image, class) is one segment of {@code n} pixels, padded to a
 * power of two {@code size}; {@link #launches} runs, for all segments at once:
 * <ol>
 *   <li>{@link #errors}: key = {@code |y - s|} (float; equal to the host's sort key, the float of its exact double
 *       difference), index = the pixel; padding gets key -1, below every error, so it sorts last;</li>
 *   <li>{@link BitonicSortKernels}: errors by decreasing value, equal ones by increasing pixel index, the host's
 *       order exactly (it sorts the same float keys with the index as tie-break);</li>
 *   <li>{@link #chunkCounts} and {@link #scanChunks}: the prefix sums of the sorted one-hot labels, blocked
 *       (each chunk's count, then each segment's chunk counts scanned in order by one thread), integers held
 *       exactly as floats;</li>
 *   <li>{@link #gradient}: Berman's {@code lovasz_grad} at each sorted position, over the present classes and
 *       images, scattered back to the pixel's place as the gradient factor; the loss terms (weight times error)
 *       overwrite the keys;</li>
 *   <li>two {@link ReductionKernels} chunk sums of the loss terms into the loss (one float, left on the device).</li>
 * </ol>
 * Every step has a fixed order, so the result is deterministic.
 *
 * <p>The Jaccard gradient is not computed as the host computes it (differences of consecutive Jaccard losses,
 * fine in double, cancelling in float) but in closed form: with {@code G} the class's pixels, {@code F} the
 * foreground pixels up to rank {@code r} (inclusive) and {@code U = G + r + 1 - F} the union there, the Jaccard
 * loss is {@code (r + 1) / U}, so the difference at a foreground pixel is {@code 1 / U} and at a background pixel
 * {@code (G - F) / (U (U - 1))}: a few float roundings, no cancellation.
 */
public final class LovaszKernels {
    private LovaszKernels() {}

    /**
     * keys[seg*size + r] = |oneHot - probs| at pixel r of segment seg, index = r; for r >= n key -1 and index r.
     * ints: segments, n, size, probs, oneHot, keys, index.
     */
    public static void errors(float[] heap, int[] ints, float[] floats) {
        int segments = ints[0];
        int n = ints[1];
        int size = ints[2];
        int probs = ints[3];
        int oneHot = ints[4];
        int keys = ints[5];
        int index = ints[6];
        int total = segments * size;
        for (@Parallel int t = 0; t < total; t++) {
            int seg = t / size;
            int r = t - seg * size;
            float key = -1f;
            if (r < n) {
                int at = seg * n + r;
                key = Math.abs(heap[oneHot + at] - heap[probs + at]);
            }
            heap[keys + t] = key;
            heap[index + t] = r;
        }
    }

    /**
     * counts[seg*chunks + c] = the sum of the one-hot labels at sorted positions [c*chunk, min((c+1)*chunk, n)) of
     * segment seg. ints: segments, n, size, chunk, chunks, oneHot, index, counts.
     */
    public static void chunkCounts(float[] heap, int[] ints, float[] floats) {
        int segments = ints[0];
        int n = ints[1];
        int size = ints[2];
        int chunk = ints[3];
        int chunks = ints[4];
        int oneHot = ints[5];
        int index = ints[6];
        int counts = ints[7];
        int total = segments * chunks;
        for (@Parallel int t = 0; t < total; t++) {
            int seg = t / chunks;
            int c = t - seg * chunks;
            int start = c * chunk;
            int end = Math.min(start + chunk, n);
            float acc = 0f;
            for (int r = start; r < end; r++) {
                int pixel = (int) heap[index + seg * size + r];
                // Only a NaN probability can sort padding (pixel >= n) among the first n positions: never read past.
                if (pixel < n) {
                    acc += heap[oneHot + seg * n + pixel];
                }
            }
            heap[counts + t] = acc;
        }
    }

    /**
     * Per segment, counts (chunks of it) become their exclusive prefix sums, in order; totals[seg] = the segment's
     * sum (its class's pixel count G). ints: segments, chunks, counts, totals.
     */
    public static void scanChunks(float[] heap, int[] ints, float[] floats) {
        int segments = ints[0];
        int chunks = ints[1];
        int counts = ints[2];
        int totals = ints[3];
        for (@Parallel int seg = 0; seg < segments; seg++) {
            float running = 0f;
            for (int c = 0; c < chunks; c++) {
                int at = counts + seg * chunks + c;
                float count = heap[at];
                heap[at] = running;
                running += count;
            }
            heap[totals + seg] = running;
        }
    }

    /**
     * For each sorted position r < n of each segment (image b, class c), one thread per chunk, in order:
     * weight w = lovasz_grad(r) / (present classes of image b * batch), 0 for a class absent from the image;
     * dProbs[seg*n + pixel] = w * -sign(y - s) (overwritten; every pixel is at exactly one position);
     * keys[seg*size + r] = w * error (the loss term; padding positions get 0).
     * ints: batch, classes, n, size, chunk, chunks, probs, oneHot, keys, index, counts (exclusive prefixes),
     * totals, dProbs.
     */
    public static void gradient(float[] heap, int[] ints, float[] floats) {
        int batch = ints[0];
        int classes = ints[1];
        int n = ints[2];
        int size = ints[3];
        int chunk = ints[4];
        int chunks = ints[5];
        int probs = ints[6];
        int oneHot = ints[7];
        int keys = ints[8];
        int index = ints[9];
        int counts = ints[10];
        int totals = ints[11];
        int dProbs = ints[12];
        int total = batch * classes * chunks;
        for (@Parallel int t = 0; t < total; t++) {
            int seg = t / chunks;
            int c = t - seg * chunks;
            int b = seg / classes;
            int present = 0;
            for (int k = 0; k < classes; k++) {
                if (heap[totals + b * classes + k] > 0f) {
                    present++;
                }
            }
            float perClass = 1f / (float) (present * batch);
            int g = (int) heap[totals + seg];
            int f = (int) heap[counts + t];
            int start = c * chunk;
            int end = Math.min(start + chunk, n);
            for (int r = start; r < end; r++) {
                int sorted = seg * size + r;
                int pixel = (int) heap[index + sorted];
                if (pixel < n) {
                    int at = seg * n + pixel;
                    float y = heap[oneHot + at];
                    float w = 0f;
                    float sign = 0f;
                    if (g > 0) {
                        int fg = y != 0f ? 1 : 0;
                        f += fg;
                        float union = (float) (g + r + 1 - f);
                        float grad = fg == 1 ? 1f / union : (float) (g - f) / (union * (union - 1f));
                        w = grad * perClass;
                        float diff = y - heap[probs + at];
                        sign = diff > 0f ? -1f : (diff < 0f ? 1f : 0f);
                    }
                    heap[dProbs + at] = w * sign;
                    heap[keys + sorted] = w * heap[keys + sorted];
                } else {
                    heap[keys + sorted] = 0f;
                }
            }
            // Padding (and, with a NaN probability, whatever sorted there) adds nothing to the loss.
            int padEnd = c == chunks - 1 ? size : end;
            for (int r = end; r < padEnd; r++) {
                heap[keys + seg * size + r] = 0f;
            }
        }
    }

    /**
     * Where {@link #launches} keeps its temporaries, inside one scratch block of {@link #floats} floats at
     * {@code base}: the sort keys and indices (segments x size each), the chunk counts (segments x chunks), the
     * class totals (segments) and the loss's partial sums.
     */
    public record Scratch(int segments, int n, int size, int chunk, int sumChunk, int base) {
        public Scratch {
            if (n < 1 || segments < 1 || chunk < 1 || sumChunk < 1) {
                throw new IllegalArgumentException("lovasz: need n, segments, chunk, sumChunk >= 1, got n=" + n
                        + ", segments=" + segments + ", chunk=" + chunk + ", sumChunk=" + sumChunk);
            }
            if (size != BitonicSortKernels.paddedSize(n)) {
                throw new IllegalArgumentException("lovasz: size " + size + " is not the padded size of " + n);
            }
        }

        /** For {@code segments} segments of {@code n} pixels at {@code base}. */
        public static Scratch of(int segments, int n, int chunk, int sumChunk, int base) {
            return new Scratch(segments, n, BitonicSortKernels.paddedSize(n), chunk, sumChunk, base);
        }

        public int chunks() { return ReductionKernels.chunkCount(n, chunk); }
        public int sorted() { return segments * size; }
        public int partialCount() { return ReductionKernels.chunkCount(sorted(), sumChunk); }
        public int keys() { return base; }
        public int index() { return keys() + sorted(); }
        public int counts() { return index() + sorted(); }
        public int totals() { return counts() + segments * chunks(); }
        public int partials() { return totals() + segments; }
        public int floats() { return partials() - base + partialCount(); }
    }

    /**
     * Every launch of the loss, in order: loss (one float) = the Lovasz-softmax loss of probs {@code (batch,
     * classes, n)} against oneHot (0 or 1, one 1 per pixel), dProbs (overwritten) = d loss / d probs.
     */
    public static List<Launch> launches(int batch, int classes, Scratch s, int probs, int oneHot, int dProbs, int loss) {
        if (s.segments() != batch * classes) {
            throw new IllegalArgumentException("lovasz: scratch for " + s.segments() + " segments, not " + batch + " x " + classes);
        }
        int segments = s.segments();
        int n = s.n();
        int size = s.size();
        List<Launch> launches = new ArrayList<>();
        launches.add(Launch.of(Kernel.LOVASZ_ERRORS, segments * size,
                new int[] {segments, n, size, probs, oneHot, s.keys(), s.index()}));
        launches.addAll(BitonicSortKernels.sortLaunches(segments, size, s.keys(), s.index()));
        launches.add(Launch.of(Kernel.LOVASZ_CHUNK_COUNTS, segments * s.chunks(),
                new int[] {segments, n, size, s.chunk(), s.chunks(), oneHot, s.index(), s.counts()}));
        launches.add(Launch.of(Kernel.LOVASZ_SCAN_CHUNKS, segments,
                new int[] {segments, s.chunks(), s.counts(), s.totals()}));
        launches.add(Launch.of(Kernel.LOVASZ_GRADIENT, segments * s.chunks(),
                new int[] {batch, classes, n, size, s.chunk(), s.chunks(), probs, oneHot, s.keys(), s.index(), s.counts(),
                        s.totals(), dProbs}));
        launches.add(ReductionKernels.chunkSumLaunch(s.sorted(), s.sumChunk(), s.keys(), s.partials()));
        launches.add(ReductionKernels.chunkSumLaunch(s.partialCount(), s.partialCount(), s.partials(), loss));
        return launches;
    }
}
