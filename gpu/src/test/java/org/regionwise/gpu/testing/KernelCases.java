package org.regionwise.gpu.testing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.regionwise.autodiff.backend.AdamStep;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.gpu.kernels.AdamKernel;
import org.regionwise.gpu.kernels.AxisSoftmaxKernels;
import org.regionwise.gpu.kernels.AxisSumKernels;
import org.regionwise.gpu.kernels.BatchNormKernels;
import org.regionwise.gpu.kernels.BroadcastKernels;
import org.regionwise.gpu.kernels.ChannelStatsKernels;
import org.regionwise.gpu.kernels.PointwiseKernels;
import org.regionwise.gpu.kernels.BlockKernels;
import org.regionwise.gpu.kernels.ConvKernels;
import org.regionwise.gpu.kernels.ElementwiseKernels;
import org.regionwise.gpu.kernels.GemmKernel;
import org.regionwise.gpu.kernels.InstanceNormKernels;
import org.regionwise.gpu.kernels.Kernel;
import org.regionwise.gpu.kernels.Launch;
import org.regionwise.gpu.kernels.LossKernels;
import org.regionwise.gpu.kernels.LovaszKernels;
import org.regionwise.gpu.kernels.ReductionKernels;
import org.regionwise.gpu.kernels.RegionWiseKernels;
import org.regionwise.gpu.kernels.SoftmaxKernels;
import org.regionwise.gpu.kernels.TiledConvBackwardWeight;

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
                    cases.add(gemm(base, seed++, ta, tb, beta));
                }
            }
        }
        ConvGeometry strided = new ConvGeometry(2, 3, 9, 11, 4, 3, 3, 2, 2, 1, 1, 1, 1, 5, 6);
        ConvGeometry dilated = ConvGeometry.of(1, 2, 10, 7, 3, 3, 2, 1, 2, 2);
        // Stride 1, pad 1, 13 wide: tiles inside the image take the unchecked path, the edge tiles the clamped one.
        ConvGeometry unit = ConvGeometry.of(2, 5, 6, 13, 6, 3, 3, 1, 1, 1);
        for (ConvGeometry g : List.of(strided, dilated, unit)) {
            cases.add(convForward(base, seed++, g, false));
            cases.add(convBackwardData(base, seed++, g, false));
            cases.add(convBackwardWeight(base, seed++, g, false));
        }
        // The row splits of backward weight: one split (adds into dw, no scratch) and splits of unequal coverage.
        cases.add(convBackwardWeight(base, seed++, unit, false, 1));
        cases.add(convBackwardWeight(base, seed++, strided, false, 4));
        cases.add(convForward(base, seed++, strided, true));
        cases.add(convBackwardData(base, seed++, strided, true));
        cases.add(convBackwardWeight(base, seed++, strided, true));
        cases.add(elementwise(base, seed++));
        cases.add(reductions(base, seed++));
        cases.add(channelSums(base, seed++));
        cases.add(softmax(base, seed++));
        cases.add(crossEntropy(base, seed++));
        cases.add(softTargetCrossEntropy(base, seed++));
        cases.add(regionWise(base, seed++, false));
        cases.add(regionWise(base, seed++, true));
        cases.add(blocks(base, seed++));
        cases.add(instanceNorm(base, seed++));
        cases.add(instanceNormChunked(base, seed++));
        cases.add(adam(base, seed++));
        cases.add(adamSegments(base, seed++));
        cases.add(pointwise(base, seed++));
        cases.add(broadcast(base, seed++));
        cases.add(axisSums(base, seed++));
        cases.add(axisSoftmax(base, seed++));
        cases.add(batchNorm(base, seed++));
        cases.add(lovasz(base, seed));
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

    static KernelCase softmax(int base, long seed) {
        HeapImage h = new HeapImage(base, seed);
        int n = 2, c = 4, plane = 45, count = n * c * plane;
        int x = h.region(count, -8f, 8f);
        int y = h.region(count);
        int dy = h.region(count);
        int dx = h.region(count);
        return new KernelCase("softmax", base, h.toArray(),
                List.of(SoftmaxKernels.forwardLaunch(n, c, plane, x, y), SoftmaxKernels.backwardLaunch(n, c, plane, y, dy, dx)),
                new int[] {y, count, dx, count});
    }

    static KernelCase crossEntropy(int base, long seed) {
        HeapImage h = new HeapImage(base, seed);
        int n = 2, c = 3, plane = 41, count = n * c * plane;
        int logits = h.region(count, -4f, 4f);
        float[] labels = new float[n * plane];
        for (int i = 0; i < labels.length; i++) labels[i] = h.random().nextInt(c + 1) - 1; // -1: ignored
        int lab = h.region(labels);
        int probs = h.region(count);
        int loss = h.region(n * plane);
        int grad = h.region(count);
        return new KernelCase("softmax cross-entropy", base, h.toArray(),
                List.of(SoftmaxKernels.forwardLaunch(n, c, plane, logits, probs),
                        LossKernels.softmaxCrossEntropyLaunch(n, c, plane, probs, lab, loss, grad, 1f / (n * plane))),
                new int[] {loss, n * plane, grad, count});
    }

    static KernelCase softTargetCrossEntropy(int base, long seed) {
        HeapImage h = new HeapImage(base, seed);
        int n = 2, c = 4, plane = 43, count = n * c * plane, pixels = n * plane;
        int logits = h.region(count, -20f, 20f);
        int target = h.region(count, 0f, 1f); // soft, not normalised: exercises the sum-of-targets term
        int loss = h.region(pixels);
        int grad = h.region(count);
        int lossOnly = h.region(pixels);
        return new KernelCase("soft-target cross-entropy", base, h.toArray(),
                List.of(LossKernels.softTargetCrossEntropyLaunch(n, c, plane, logits, target, loss, grad, 1f / pixels),
                        LossKernels.softTargetCrossEntropyLaunch(n, c, plane, logits, target, lossOnly, -1, 1f / pixels)),
                new int[] {loss, pixels, grad, count, lossOnly, pixels});
    }

    static KernelCase regionWise(int base, long seed, boolean squared) {
        HeapImage h = new HeapImage(base, seed);
        int n = 2, c = 4, plane = 39, count = n * c * plane, pixels = n * plane;
        int chunks = ReductionKernels.chunkCount(pixels, 16);
        int logits = h.region(count, -10f, 10f);
        int map = h.region(count, -3f, 3f);
        int probs = h.region(count);
        int perPixel = h.region(pixels);
        int partials = h.region(chunks);
        int loss = h.region(1);
        int gradOut = h.region(1, 0.5f, 2f);
        int dlogits = h.region(count);
        float scale = 1f / count;
        return new KernelCase("region-wise squared=" + squared, base, h.toArray(),
                List.of(RegionWiseKernels.forwardLaunch(n, c, plane, squared, logits, map, probs, perPixel, scale),
                        ReductionKernels.chunkSumLaunch(pixels, 16, perPixel, partials),
                        ReductionKernels.chunkSumLaunch(chunks, chunks, partials, loss),
                        RegionWiseKernels.backwardLaunch(n, c, plane, squared, probs, map, gradOut, dlogits, scale)),
                new int[] {probs, count, perPixel, pixels, loss, 1, dlogits, count});
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

    static KernelCase instanceNorm(int base, long seed) {
        HeapImage h = new HeapImage(base, seed);
        int n = 2, c = 3, plane = 50, rows = n * c, count = rows * plane;
        int x = h.region(count, -3f, 5f);
        int gamma = h.region(c, 0.5f, 1.5f);
        int beta = h.region(c);
        int mean = h.region(rows);
        int rstd = h.region(rows);
        int y = h.region(count);
        int dy = h.region(count);
        int sumDy = h.region(rows);
        int sumDyXhat = h.region(rows);
        int dx = h.region(count);
        int dgamma = h.region(c);
        int dbeta = h.region(c);
        int dgammaOnly = h.region(c);
        List<Launch> ls = List.of(
                InstanceNormKernels.statsLaunch(rows, plane, 1e-5f, x, mean, rstd),
                InstanceNormKernels.forwardLaunch(n, c, plane, x, mean, rstd, gamma, beta, y),
                InstanceNormKernels.backwardRowsLaunch(rows, plane, x, dy, mean, rstd, sumDy, sumDyXhat),
                InstanceNormKernels.backwardInputLaunch(n, c, plane, x, dy, mean, rstd, gamma, sumDy, sumDyXhat, dx),
                InstanceNormKernels.backwardAffineLaunch(n, c, sumDy, sumDyXhat, dgamma, dbeta),
                InstanceNormKernels.backwardAffineLaunch(n, c, sumDy, sumDyXhat, dgammaOnly, -1));
        return new KernelCase("instance norm", base, h.toArray(), ls,
                new int[] {mean, rows, rstd, rows, y, count, dx, count, dgamma, c, dbeta, c, dgammaOnly, c});
    }

    /** Planes of 300 (two chunks each), whose statistics and backward sums are chunked as a (1, rows, plane) tensor. */
    static KernelCase instanceNormChunked(int base, long seed) {
        HeapImage h = new HeapImage(base, seed);
        int n = 2, c = 2, plane = 300, rows = n * c, count = rows * plane;
        int x = h.region(count, -3f, 5f);
        int gamma = h.region(c, 0.5f, 1.5f);
        int beta = h.region(c);
        int mean = h.region(rows);
        int rstd = h.region(rows);
        int y = h.region(count);
        int dy = h.region(count);
        int sums = h.region(2 * rows);
        int dx = h.region(count);
        int partials = h.region(Math.max(ChannelStatsKernels.statsPartials(1, rows, plane),
                ChannelStatsKernels.gradientPartials(1, rows, plane)));
        List<Launch> ls = new ArrayList<>(ChannelStatsKernels.statsLaunches(1, rows, plane, 1e-5f, x, mean, -1, rstd, partials));
        ls.add(InstanceNormKernels.forwardLaunch(n, c, plane, x, mean, rstd, gamma, beta, y));
        ls.addAll(ChannelStatsKernels.gradientSumsLaunches(1, rows, plane, x, dy, mean, rstd, sums, partials));
        ls.add(InstanceNormKernels.backwardInputLaunch(n, c, plane, x, dy, mean, rstd, gamma, sums, sums + rows, dx));
        return new KernelCase("instance norm (chunked planes)", base, h.toArray(), ls,
                new int[] {mean, rows, rstd, rows, y, count, sums, 2 * rows, dx, count});
    }

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

    static KernelCase batchNorm(int base, long seed) {
        HeapImage h = new HeapImage(base, seed);
        int n = 3, c = 4, plane = 129, count = n * c * plane; // 387 values per channel: two chunks
        int x = h.region(count, -3f, 5f);
        int gamma = h.region(c, 0.5f, 1.5f);
        int beta = h.region(c);
        int mean = h.region(c);
        int var = h.region(c);
        int invStd = h.region(c);
        int y = h.region(count);
        int dy = h.region(count);
        int sums = h.region(2 * c);
        int dx = h.region(count);
        int dgamma = h.region(c);
        int dbeta = h.region(c);
        int runningMean = h.region(c);
        int runningVar = h.region(c, 0.5f, 2f);
        int evalInvStd = h.region(c);
        int partials = h.region(Math.max(ChannelStatsKernels.statsPartials(n, c, plane), ChannelStatsKernels.gradientPartials(n, c, plane)));
        List<Launch> ls = new ArrayList<>(ChannelStatsKernels.statsLaunches(n, c, plane, 1e-5f, x, mean, var, invStd, partials));
        ls.add(BatchNormKernels.forwardLaunch(n, c, plane, x, mean, invStd, gamma, beta, y));
        ls.addAll(ChannelStatsKernels.gradientSumsLaunches(n, c, plane, x, dy, mean, invStd, sums, partials));
        ls.addAll(List.of(
                BatchNormKernels.backwardInputLaunch(n, c, plane, true, x, dy, mean, invStd, gamma, sums, dx),
                BatchNormKernels.backwardAffineLaunch(c, sums, dgamma, dbeta),
                BatchNormKernels.updateRunningLaunch(c, 0.1f, 1.01f, mean, var, runningMean, runningVar),
                BatchNormKernels.invStdLaunch(c, 1e-5f, runningVar, evalInvStd)));
        return new KernelCase("batch norm", base, h.toArray(), ls,
                new int[] {mean, c, var, c, invStd, c, y, count, sums, 2 * c, dx, count, dgamma, c, dbeta, c, runningMean, c,
                        runningVar, c, evalInvStd, c});
    }

    /**
     * Lovasz-softmax: 2 images, 3 classes (one absent from the second image), 37 pixels (padded to 64), scan
     * chunks of 5, probabilities from a few values (ties). Compared: the sorted indices (exact order, ties
     * included), the class totals, the gradient factor and the loss.
     */
    static KernelCase lovasz(int base, long seed) {
        HeapImage h = new HeapImage(base, seed);
        int batch = 2, classes = 3, n = 37, count = batch * classes * n;
        float[] oneHot = new float[count];
        float[] probs = new float[count];
        float[] levels = {0f, 0.25f, 0.5f, 1f, 0.8f};
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < n; i++) oneHot[(b * classes + h.random().nextInt(b == 0 ? classes : classes - 1)) * n + i] = 1f;
        }
        for (int i = 0; i < count; i++) probs[i] = levels[h.random().nextInt(levels.length)];
        int s = h.region(probs);
        int y = h.region(oneHot);
        int dProbs = h.region(count);
        int loss = h.region(1);
        LovaszKernels.Scratch layout = LovaszKernels.Scratch.of(batch * classes, n, 5, 16, 0);
        int scratchBase = h.region(layout.floats());
        LovaszKernels.Scratch scratch = LovaszKernels.Scratch.of(batch * classes, n, 5, 16, scratchBase);
        return new KernelCase("lovasz", base, h.toArray(), LovaszKernels.launches(batch, classes, scratch, s, y, dProbs, loss),
                new int[] {scratch.index(), scratch.sorted(), scratch.totals(), batch * classes, dProbs, count, loss, 1});
    }
}
