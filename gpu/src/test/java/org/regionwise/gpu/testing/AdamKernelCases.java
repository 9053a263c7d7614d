package org.regionwise.gpu.testing;

import java.util.ArrayList;
import java.util.List;
import org.regionwise.autodiff.backend.AdamStep;
import org.regionwise.gpu.kernels.AdamKernel;

/**
 * Device parity cases for Adam, per tensor and in one launch over a segment table. Each builds a heap image, its
 * launches and the regions to compare; {@link KernelCases#all} lists every case.
 */
final class AdamKernelCases {
    private AdamKernelCases() {}

    static KernelCase adam(int base, long seed) {
        HeapImage h = new HeapImage(base, seed);
        int count = 333;
        int p = h.region(count);
        int g = h.region(count);
        int m = h.region(count, -0.1f, 0.1f);
        int v = h.region(count, 0f, 0.01f);
        return new KernelCase("adam", base, h.toArray(),
                List.of(AdamKernel.launch(count, p, g, m, v, 3, 1e-2, 0.9, 0.999, 1e-8, 1e-4)),
                new int[] {p, count, m, count, v, count});
    }

    /** Five tensors (one empty) in one launch, moments at flat offsets with gaps: the binary search over segments. */
    static KernelCase adamSegments(int base, long seed) {
        HeapImage h = new HeapImage(base, seed);
        int[] lengths = {37, 0, 129, 1, 64};
        int tensors = lengths.length;
        int[] params = new int[tensors];
        int[] grads = new int[tensors];
        int[] moments = new int[tensors];
        int total = 0;
        for (int i = 0; i < tensors; i++) {
            params[i] = h.region(lengths[i]);
            grads[i] = h.region(lengths[i]);
            moments[i] = total;
            total += lengths[i] + 2;
        }
        int m = h.region(total, -0.1f, 0.1f);
        int v = h.region(total, 0f, 0.01f);
        AdamStep s = new AdamStep(1e-2f, 0.05f, 0.1f, 0.999f, 0.001f, 1e-8f, 1e-4f);
        List<Integer> outputs = new ArrayList<>(List.of(m, total, v, total));
        for (int i = 0; i < tensors; i++) {
            outputs.add(params[i]);
            outputs.add(lengths[i]);
        }
        return new KernelCase("adam (one launch, segment table)", base, h.toArray(),
                List.of(AdamKernel.segmentsLaunch(tensors, params, grads, moments, lengths, m, v, s)),
                outputs.stream().mapToInt(Integer::intValue).toArray());
    }
}
