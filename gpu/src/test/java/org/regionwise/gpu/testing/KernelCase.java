package org.regionwise.gpu.testing;

import java.util.List;
import org.regionwise.gpu.kernels.Launch;

/**
 * A kernel test case: a heap image (placed at {@code base}), the launches to run on it, and the regions
 * whose results are compared, as (offset, count) pairs.
 */
public record KernelCase(String name, int base, float[] image, List<Launch> launches, int[] outputs) {

    /** Runs the case as plain Java and returns the output regions concatenated. */
    public float[] runInJava() {
        float[] heap = new float[base + image.length];
        System.arraycopy(image, 0, heap, base, image.length);
        for (Launch l : launches) l.runOn(heap);
        return gather(heap, 0);
    }

    /** The output regions of {@code heap} (whose element 0 is absolute offset {@code heapBase}), concatenated. */
    public float[] gather(float[] heap, int heapBase) {
        int total = 0;
        for (int i = 1; i < outputs.length; i += 2) total += outputs[i];
        float[] out = new float[total];
        int pos = 0;
        for (int i = 0; i < outputs.length; i += 2) {
            System.arraycopy(heap, outputs[i] - heapBase, out, pos, outputs[i + 1]);
            pos += outputs[i + 1];
        }
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}
