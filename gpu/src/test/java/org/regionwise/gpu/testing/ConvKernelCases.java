package org.regionwise.gpu.testing;

import java.util.ArrayList;
import java.util.List;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.gpu.kernels.AxisSumKernels;
import org.regionwise.gpu.kernels.ConvKernels;
import org.regionwise.gpu.kernels.GemmKernel;
import org.regionwise.gpu.kernels.Launch;
import org.regionwise.gpu.kernels.TiledConvBackwardWeight;

/**
 * Device parity cases for GEMM and the convolution passes (register-tiled and direct). Each builds a heap image,
 * its launches and the regions to compare; {@link KernelCases#all} lists every case.
 */
final class ConvKernelCases {
    private ConvKernelCases() {}

    static KernelCase gemm(int base, long seed, boolean ta, boolean tb, float beta) {
        HeapImage h = new HeapImage(base, seed);
        int m = 17;
        int n = 13;
        int k = 19;
        int lda = (ta ? m : k) + 3;
        int ldb = (tb ? k : n) + 1;
        int ldc = n + 2;
        int a = h.region((ta ? k : m) * lda);
        int b = h.region((tb ? n : k) * ldb);
        int c = h.region(m * ldc);
        Launch l = GemmKernel.launch(ta, tb, m, n, k, 1.5f, a + 2, lda, b + 1, ldb, beta, c, ldc);
        return new KernelCase("gemm ta=" + ta + " tb=" + tb + " beta=" + beta, base, h.toArray(), List.of(l), new int[] {c, m * ldc});
    }

    /** The launched (tiled) pass, or with {@code direct} its direct-loop twin. */
    static KernelCase convForward(int base, long seed, ConvGeometry g, boolean direct) {
        HeapImage h = new HeapImage(base, seed);
        int x = h.region(g.inputSize());
        int w = h.region(g.weightSize());
        int b = h.region(g.k());
        int y = h.region(g.outputSize());
        Launch l = direct ? ConvKernels.directForwardLaunch(g, x, w, b, y) : ConvKernels.forwardLaunch(g, x, w, b, y);
        return new KernelCase("conv forward " + (direct ? "(direct) " : "") + g, base, h.toArray(), List.of(l),
                new int[] {y, g.outputSize()});
    }

    static KernelCase convBackwardData(int base, long seed, ConvGeometry g, boolean direct) {
        HeapImage h = new HeapImage(base, seed);
        int dy = h.region(g.outputSize());
        int w = h.region(g.weightSize());
        int dx = h.region(g.inputSize());
        Launch l = direct ? ConvKernels.directBackwardDataLaunch(g, dy, w, dx) : ConvKernels.backwardDataLaunch(g, dy, w, dx);
        return new KernelCase("conv backward data " + (direct ? "(direct) " : "") + g, base, h.toArray(), List.of(l),
                new int[] {dx, g.inputSize()});
    }

    static KernelCase convBackwardWeight(int base, long seed, ConvGeometry g, boolean direct) {
        return convBackwardWeight(base, seed, g, direct, TiledConvBackwardWeight.splits(g));
    }

    /** The launched (tiled) pass cut into {@code splits} splits of rows, or with {@code direct} its direct twin. */
    static KernelCase convBackwardWeight(int base, long seed, ConvGeometry g, boolean direct, int splits) {
        HeapImage h = new HeapImage(base, seed);
        int x = h.region(g.inputSize());
        int dy = h.region(g.outputSize());
        int dw = h.region(g.weightSize());
        int db = h.region(g.k());
        int plane = g.outH() * g.outW();
        int biasPartials = h.region(Math.max(1, AxisSumKernels.channelPartials(g.n(), g.k(), plane)));
        int partials = h.region(Math.max(1, TiledConvBackwardWeight.partialsSize(g, splits)));
        List<Launch> launches = new ArrayList<>(direct ? List.of(ConvKernels.directBackwardWeightLaunch(g, x, dy, dw))
                : TiledConvBackwardWeight.launches(g, x, dy, dw, splits, partials));
        launches.addAll(AxisSumKernels.channelSumsLaunches(g.n(), g.k(), plane, dy, db, biasPartials)); // the bias gradient
        return new KernelCase("conv backward weight " + (direct ? "(direct) " : "(" + splits + " splits) ") + g, base,
                h.toArray(), launches, new int[] {dw, g.weightSize(), db, g.k()});
    }
}
