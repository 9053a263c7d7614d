package org.regionwise.gpu.testing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.gpu.kernels.Kernel;
import org.regionwise.gpu.kernels.Launch;

/**
 * One or more cases per {@link Kernel}, with sizes that are not multiples of anything (odd planes, strides
 * that do not divide) so edge handling is exercised. Used by the device parity tests; {@link #covered()}
 * lets a test assert that no kernel was forgotten.
 */
public final class KernelCases {
    private KernelCases() {}

    public static List<KernelCase> all(int base) {
        List<KernelCase> cases = new ArrayList<>();
        long seed = 1;
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                for (float beta : new float[] {0f, 0.5f}) {
                    cases.add(ConvKernelCases.gemm(base, seed++, ta, tb, beta));
                }
            }
        }
        ConvGeometry strided = new ConvGeometry(2, 3, 9, 11, 4, 3, 3, 2, 2, 1, 1, 1, 1, 5, 6);
        ConvGeometry dilated = ConvGeometry.of(1, 2, 10, 7, 3, 3, 2, 1, 2, 2);
        // Stride 1, pad 1, 13 wide: tiles inside the image take the unchecked path, the edge tiles the clamped one.
        ConvGeometry unit = ConvGeometry.of(2, 5, 6, 13, 6, 3, 3, 1, 1, 1);
        for (ConvGeometry g : List.of(strided, dilated, unit)) {
            cases.add(ConvKernelCases.convForward(base, seed++, g, false));
            cases.add(ConvKernelCases.convBackwardData(base, seed++, g, false));
            cases.add(ConvKernelCases.convBackwardWeight(base, seed++, g, false));
        }
        // The row splits of backward weight: one split (adds into dw, no scratch) and splits of unequal coverage.
        cases.add(ConvKernelCases.convBackwardWeight(base, seed++, unit, false, 1));
        cases.add(ConvKernelCases.convBackwardWeight(base, seed++, strided, false, 4));
        cases.add(ConvKernelCases.convForward(base, seed++, strided, true));
        cases.add(ConvKernelCases.convBackwardData(base, seed++, strided, true));
        cases.add(ConvKernelCases.convBackwardWeight(base, seed++, strided, true));
        cases.add(ElementwiseKernelCases.elementwise(base, seed++));
        cases.add(ElementwiseKernelCases.reductions(base, seed++));
        cases.add(ElementwiseKernelCases.channelSums(base, seed++));
        cases.add(LossKernelCases.softmax(base, seed++));
        cases.add(LossKernelCases.crossEntropy(base, seed++));
        cases.add(LossKernelCases.softTargetCrossEntropy(base, seed++));
        cases.add(LossKernelCases.regionWise(base, seed++, false));
        cases.add(LossKernelCases.regionWise(base, seed++, true));
        cases.add(ElementwiseKernelCases.blocks(base, seed++));
        cases.add(NormKernelCases.instanceNorm(base, seed++));
        cases.add(NormKernelCases.instanceNormChunked(base, seed++));
        cases.add(AdamKernelCases.adam(base, seed++));
        cases.add(AdamKernelCases.adamSegments(base, seed++));
        cases.add(ElementwiseKernelCases.pointwise(base, seed++));
        cases.add(ElementwiseKernelCases.broadcast(base, seed++));
        cases.add(ElementwiseKernelCases.axisSums(base, seed++));
        cases.add(ElementwiseKernelCases.axisSoftmax(base, seed++));
        cases.add(NormKernelCases.batchNorm(base, seed++));
        cases.add(LossKernelCases.lovasz(base, seed));
        return cases;
    }

    /** The kernels that {@link #all} launches. */
    public static Set<Kernel> covered() {
        Set<Kernel> kernels = EnumSet.noneOf(Kernel.class);
        for (KernelCase c : all(0)) {
            for (Launch l : c.launches()) kernels.add(l.kernel());
        }
        return kernels;
    }

}
