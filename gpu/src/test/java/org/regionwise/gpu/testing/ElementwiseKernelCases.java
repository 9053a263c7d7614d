package org.regionwise.gpu.testing;

import java.util.ArrayList;
import java.util.List;
import org.regionwise.gpu.kernels.AxisSoftmaxKernels;
import org.regionwise.gpu.kernels.AxisSumKernels;
import org.regionwise.gpu.kernels.BlockKernels;
import org.regionwise.gpu.kernels.BroadcastKernels;
import org.regionwise.gpu.kernels.ElementwiseKernels;
import org.regionwise.gpu.kernels.Launch;
import org.regionwise.gpu.kernels.PointwiseKernels;
import org.regionwise.gpu.kernels.ReductionKernels;

/**
 * Device parity cases for elementwise, pointwise and broadcast ops, block copies, and the sums (chunked channel
 * and axis sums, reductions). Each builds a heap image, its launches and the regions to compare; {@link
 * KernelCases#all} lists every case.
 */
final class ElementwiseKernelCases {
    private ElementwiseKernelCases() {}

    static KernelCase elementwise(int base, long seed) {
        HeapImage h = new HeapImage(base, seed);
        int n = 2, c = 3, plane = 37, count = n * c * plane;
        int a = h.region(count);
        int b = h.region(count);
        int bias = h.region(c);
        int filled = h.region(count);
        int copied = h.region(count);
        int sum = h.region(count);
        int product = h.region(count);
        int acc = h.region(count);
        int scaled = h.region(count);
        int relu = h.region(count);
        int dRelu = h.region(count);
        int factor = h.region(1);
        int scaledAcc = h.region(count);
        List<Launch> ls = List.of(
                ElementwiseKernels.fillLaunch(count, filled, 0.25f),
                ElementwiseKernels.copyLaunch(count, a, copied),
                ElementwiseKernels.addLaunch(count, a, b, sum),
                ElementwiseKernels.mulLaunch(count, a, b, product),
                ElementwiseKernels.axpyLaunch(count, -0.5f, a, acc),
                ElementwiseKernels.scaleLaunch(count, 3f, a, scaled),
                ElementwiseKernels.addChannelBiasLaunch(n, c, plane, scaled, bias),
                ElementwiseKernels.leakyReluLaunch(count, 0.01f, a, relu),
                ElementwiseKernels.leakyReluBackwardLaunch(count, 0.01f, a, b, dRelu),
                ElementwiseKernels.scaledAccumulateLaunch(count, factor, a, scaledAcc));
        return new KernelCase("elementwise", base, h.toArray(), ls,
                new int[] {filled, count, copied, count, sum, count, product, count, acc, count, scaled, count, relu, count, dRelu, count,
                        scaledAcc, count});
    }

    static KernelCase reductions(int base, long seed) {
        HeapImage h = new HeapImage(base, seed);
        int count = 1000;
        int rows = 7, len = 53;
        int x = h.region(count);
        int partials = h.region(ReductionKernels.chunkCount(count, 64));
        int total = h.region(1);
        int a = h.region(rows * len);
        int b = h.region(rows * len);
        int dots = h.region(rows);
        int chunks = ReductionKernels.chunkCount(count, 64);
        List<Launch> ls = List.of(
                ReductionKernels.chunkSumLaunch(count, 64, x, partials),
                ReductionKernels.chunkSumLaunch(chunks, chunks, partials, total),
                ReductionKernels.rowDotLaunch(rows, len, a, b, dots));
        return new KernelCase("reductions", base, h.toArray(), ls, new int[] {partials, chunks, total, 1, dots, rows});
    }

    /**
     * NCHW channel sums accumulated into their outputs (a bias gradient): (3, 5, 67), one chunk per channel (one
     * launch), and (3, 5, 97), two chunks per channel with a short last one (partials, then each channel's sum).
     */
    static KernelCase channelSums(int base, long seed) {
        HeapImage h = new HeapImage(base, seed);
        int n = 3, c = 5, small = 67, large = 97;
        int x = h.region(n * c * large);
        int sumsSmall = h.region(c);
        int sumsLarge = h.region(c);
        int partials = h.region(AxisSumKernels.channelPartials(n, c, large));
        List<Launch> ls = new ArrayList<>(AxisSumKernels.channelSumsLaunches(n, c, small, x, sumsSmall, -1));
        ls.addAll(AxisSumKernels.channelSumsLaunches(n, c, large, x, sumsLarge, partials));
        return new KernelCase("channel sums", base, h.toArray(), ls, new int[] {sumsSmall, c, sumsLarge, c});
    }

    static KernelCase blocks(int base, long seed) {
        HeapImage h = new HeapImage(base, seed);
        int blocks = 3, length = 29;
        int src = h.region(blocks * 41);
        int copied = h.region(blocks * 37 + 5);
        int accumulated = h.region(blocks * 37 + 5);
        return new KernelCase("copy blocks", base, h.toArray(),
                List.of(BlockKernels.copyBlocksLaunch(blocks, length, src + 2, 41, copied + 5, 37, false),
                        BlockKernels.copyBlocksLaunch(blocks, length, src + 2, 41, accumulated + 5, 37, true)),
                new int[] {copied, blocks * 37 + 5, accumulated, blocks * 37 + 5});
    }

    /** Every pointwise code forward and backward, on positive inputs (log, sqrt and pow need them). */
    static KernelCase pointwise(int base, long seed) {
        HeapImage h = new HeapImage(base, seed);
        int count = 97;
        int x = h.region(count, 0.1f, 3f);
        int gy = h.region(count);
        List<Launch> ls = new ArrayList<>();
        List<Integer> outputs = new ArrayList<>();
        float[][] params = {{0f, 0f}, {0f, 0f}, {0f, 0f}, {0f, 0f}, {0f, 0f}, {0f, 0f}, {1.5f, 0f}, {0.5f, 2f}, {0.3f, 0f},
                {-2f, 0f}, {3f, 0f}};
        for (int code = 0; code < params.length; code++) {
            int y = h.region(count);
            int gx = h.region(count);
            ls.add(PointwiseKernels.forwardLaunch(count, code, params[code][0], params[code][1], x, y));
            ls.add(PointwiseKernels.backwardLaunch(count, code, params[code][0], params[code][1], x, y, gy, gx));
            outputs.add(y);
            outputs.add(count);
            outputs.add(gx);
            outputs.add(count);
        }
        return new KernelCase("pointwise", base, h.toArray(), ls, outputs.stream().mapToInt(Integer::intValue).toArray());
    }

    /** (3, 1, 5) times (4, 1): output (3, 4, 5), both operands broadcast; forward and both backwards, division. */
    static KernelCase broadcast(int base, long seed) {
        HeapImage h = new HeapImage(base, seed);
        int[] out = {3, 4, 5};
        int aMask = BroadcastKernels.mask(new int[] {3, 1, 5}, out);
        int bMask = BroadcastKernels.mask(new int[] {4, 1}, out);
        int a = h.region(15);
        int b = h.region(4, 0.5f, 2f);
        int z = h.region(60);
        int g = h.region(60);
        int ga = h.region(15);
        int gb = h.region(4);
        return new KernelCase("broadcast", base, h.toArray(),
                List.of(BroadcastKernels.forwardLaunch(BroadcastKernels.DIV, out, aMask, bMask, a, b, z),
                        BroadcastKernels.backwardLaunch(BroadcastKernels.DIV, 0, out, aMask, bMask, a, b, g, ga),
                        BroadcastKernels.backwardLaunch(BroadcastKernels.DIV, 1, out, aMask, bMask, a, b, g, gb)),
                new int[] {z, 60, ga, 15, gb, 4});
    }

    /** Sum over axes 0 and 2 of (3, 4, 300): 900 inputs per output, four chunks each; then its backward. */
    static KernelCase axisSums(int base, long seed) {
        HeapImage h = new HeapImage(base, seed);
        int[] dims = {3, 4, 300};
        int mask = 0b101;
        int chunks = AxisSumKernels.chunks(900);
        int x = h.region(3600);
        int partials = h.region(4 * chunks);
        int out = h.region(4);
        int g = h.region(4);
        int gx = h.region(3600);
        return new KernelCase("axis sums", base, h.toArray(),
                List.of(AxisSumKernels.chunkSumsLaunch(dims, mask, 1f, x, partials),
                        AxisSumKernels.rowSumsLaunch(4, chunks, 1f / 900, partials, out),
                        AxisSumKernels.broadcastAccumulateLaunch(dims, mask, 0.5f, g, gx)),
                new int[] {partials, 4 * chunks, out, 4, gx, 3600});
    }

    static KernelCase axisSoftmax(int base, long seed) {
        HeapImage h = new HeapImage(base, seed);
        int outer = 2, len = 5, inner = 21, count = outer * len * inner;
        int x = h.region(count, -20f, 20f);
        int probs = h.region(count);
        int logs = h.region(count);
        int g = h.region(count);
        int gx = h.region(count);
        int gxLog = h.region(count);
        return new KernelCase("axis softmax", base, h.toArray(),
                List.of(AxisSoftmaxKernels.forwardLaunch(outer, len, inner, true, x, probs, logs),
                        AxisSoftmaxKernels.backwardLaunch(outer, len, inner, false, probs, g, gx),
                        AxisSoftmaxKernels.backwardLaunch(outer, len, inner, true, probs, g, gxLog)),
                new int[] {probs, count, logs, count, gx, count, gxLog, count});
    }
}
