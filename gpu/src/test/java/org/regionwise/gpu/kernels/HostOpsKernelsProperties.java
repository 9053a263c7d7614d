package org.regionwise.gpu.kernels;

import static org.regionwise.gpu.kernels.GemmKernelProperties.slice;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.regionwise.autodiff.backend.AdamStep;
import org.regionwise.autodiff.backend.HostOps;
import org.regionwise.autodiff.ops.HostInstanceNorm;
import org.regionwise.autodiff.ops.HostSoftmaxCrossEntropy;
import org.regionwise.gpu.testing.HeapImage;
import org.regionwise.gpu.testing.Tolerance;

/**
 * The kernels behind autodiff's storage-level Kernels methods, as plain Java, against {@link HostOps}: the
 * SPI's own reference bodies, i.e. exactly what the CPU backend computes. HostOps accumulates some sums in
 * double where the kernels use float, so those comparisons allow float rounding; copies and elementwise
 * updates in the same order must agree to the last bit (a 1e-30 allowance).
 */
class HostOpsKernelsProperties {
    private static final Tolerance EXACT = new Tolerance(1e-30, 0);

    @Property(tries = 80)
    void copyBlocksMatchesHostOps(@ForAll @IntRange(min = 1, max = 5) int blocks, @ForAll @IntRange(min = 1, max = 20) int length,
                                  @ForAll @IntRange(min = 0, max = 7) int srcGap, @ForAll @IntRange(min = 0, max = 7) int dstGap,
                                  @ForAll @IntRange(min = 0, max = 5) int srcOffset, @ForAll @IntRange(min = 0, max = 5) int dstOffset,
                                  @ForAll boolean accumulate, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        int srcStride = length + srcGap;
        int dstStride = length + dstGap;
        int srcSize = (blocks - 1) * srcStride + srcOffset + length;
        int dstSize = (blocks - 1) * dstStride + dstOffset + length;
        HeapImage image = new HeapImage(0, seed);
        int src = image.region(srcSize);
        int dst = image.region(dstSize);
        float[] heap = image.toArray();
        float[] expected = slice(heap, dst, dstSize);
        HostOps.copyBlocks(blocks, length, slice(heap, src, srcSize), srcOffset, srcStride, expected, dstOffset, dstStride, accumulate);

        BlockKernels.copyBlocksLaunch(blocks, length, src + srcOffset, srcStride, dst + dstOffset, dstStride, accumulate).runOn(heap);

        EXACT.assertClose("copyBlocks (gaps must be untouched)", expected, slice(heap, dst, dstSize));
    }

    @Property(tries = 40)
    void scaledAccumulateMatchesTheSpiDefault(@ForAll @IntRange(min = 1, max = 300) int count, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        HeapImage image = new HeapImage(0, seed);
        int scale = image.region(1, -2f, 2f);
        int x = image.region(count);
        int y = image.region(count);
        float[] heap = image.toArray();
        float[] expected = slice(heap, y, count);
        for (int i = 0; i < count; i++) expected[i] += heap[scale] * heap[x + i]; // Kernels.scaledAccumulate's default

        ElementwiseKernels.scaledAccumulateLaunch(count, scale, x, y).runOn(heap);

        EXACT.assertClose("scaledAccumulate", expected, slice(heap, y, count));
    }

    /** Up to 1,800 values per channel: one to eight chunks, the last one short; sums accumulate (+=). */
    @Property(tries = 60)
    void channelSumsMatchHostOps(@ForAll @IntRange(min = 1, max = 3) int n, @ForAll @IntRange(min = 1, max = 6) int c,
                                 @ForAll @IntRange(min = 1, max = 600) int plane, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        HeapImage image = new HeapImage(0, seed);
        int x = image.region(n * c * plane);
        int sums = image.region(c);
        int partials = image.region(Math.max(1, AxisSumKernels.channelPartials(n, c, plane)));
        float[] heap = image.toArray();
        float[] expected = slice(heap, sums, c);
        HostOps.channelSums(n, c, plane, slice(heap, x, n * c * plane), expected);

        for (Launch l : AxisSumKernels.channelSumsLaunches(n, c, plane, x, sums, partials)) l.runOn(heap);

        new Tolerance(1e-6 * n * plane, 1e-5).assertClose("channelSums", expected, slice(heap, sums, c));
    }

    @Property(tries = 80)
    void softTargetCrossEntropyMatchesHostOps(@ForAll @IntRange(min = 1, max = 3) int n, @ForAll @IntRange(min = 1, max = 5) int c,
                                              @ForAll @IntRange(min = 1, max = 40) int plane, @ForAll boolean hardTargets,
                                              @ForAll boolean withGradient, @ForAll @IntRange(min = 1, max = 9) int chunk,
                                              @ForAll @IntRange(min = 0, max = 1000) int seed) {
        int count = n * c * plane;
        int pixels = n * plane;
        HeapImage image = new HeapImage(0, seed);
        // Wide logits: the max shift must keep exp finite. Targets: one-hot (zeros skipped), or soft and not
        // normalised, so the sum-of-targets factor of the gradient is exercised.
        int logits = image.region(count, -30f, 30f);
        float[] t = new float[count];
        for (int p = 0; p < pixels; p++) {
            int base = p / plane * c * plane + p % plane;
            int hot = image.random().nextInt(c);
            for (int k = 0; k < c; k++) t[base + k * plane] = hardTargets ? (k == hot ? 1f : 0f) : image.random().nextFloat();
        }
        int target = image.region(t);
        int loss = image.region(pixels);
        int partials = image.region(ReductionKernels.chunkCount(pixels, chunk));
        int mean = image.region(1);
        int dlogits = image.region(count);
        float[] heap = image.toArray();
        float[] untouched = slice(heap, dlogits, count);
        float[] expectedGrad = new float[count];
        float expectedLoss = HostSoftmaxCrossEntropy.loss(n, c, plane, slice(heap, logits, count), t, withGradient ? expectedGrad : null);

        LossKernels.softTargetCrossEntropyLaunch(n, c, plane, logits, target, loss, withGradient ? dlogits : -1, 1f / pixels).runOn(heap);
        ReductionKernels.chunkSumLaunch(pixels, chunk, loss, partials).runOn(heap);
        int chunks = ReductionKernels.chunkCount(pixels, chunk);
        ReductionKernels.chunkSumLaunch(chunks, chunks, partials, mean).runOn(heap);

        new Tolerance(1e-5, 1e-5).assertClose("mean soft-target cross entropy", new float[] {expectedLoss}, slice(heap, mean, 1));
        if (withGradient) {
            new Tolerance(1e-6, 1e-4).assertClose("dlogits", expectedGrad, slice(heap, dlogits, count));
        } else {
            EXACT.assertClose("dlogits must not be written without a gradient", untouched, slice(heap, dlogits, count));
        }
    }

    @Property(tries = 40)
    void adamWithAutodiffScalarsAndAMomentOffsetMatchesHostOps(@ForAll @IntRange(min = 1, max = 200) int count,
                                                               @ForAll @IntRange(min = 0, max = 50) int momentOffset,
                                                               @ForAll @IntRange(min = 1, max = 4) int steps,
                                                               @ForAll boolean weightDecay, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        HeapImage image = new HeapImage(0, seed);
        int p = image.region(count);
        int g = image.region(count);
        int moments = momentOffset + count + 3;
        int m = image.region(moments, -0.1f, 0.1f);
        int v = image.region(moments, 0f, 0.01f);
        float[] heap = image.toArray();
        float[] pRef = slice(heap, p, count);
        float[] gRef = slice(heap, g, count);
        float[] mRef = slice(heap, m, moments);
        float[] vRef = slice(heap, v, moments);
        for (int t = 1; t <= steps; t++) {
            AdamStep s = step(t, 3e-3, 0.9, 0.999, 1e-8, weightDecay ? 1e-2 : 0);
            HostOps.adam(pRef, 0, gRef, 0, mRef, vRef, momentOffset, count, s);
            AdamKernel.launch(count, p, g, m + momentOffset, v + momentOffset, s).runOn(heap);
        }
        // Same float32 operations in the same order: identical on the plain-Java device.
        EXACT.assertClose("adam parameters", pRef, slice(heap, p, count));
        EXACT.assertClose("adam m (other parameters' moments untouched)", mRef, slice(heap, m, moments));
        EXACT.assertClose("adam v (other parameters' moments untouched)", vRef, slice(heap, v, moments));
    }

    @Property(tries = 60)
    void instanceNormMatchesHostOpsWithAnyGradientAbsent(@ForAll @IntRange(min = 1, max = 2) int n, @ForAll @IntRange(min = 1, max = 4) int c,
                                                         @ForAll @IntRange(min = 2, max = 60) int plane,
                                                         @ForAll boolean wantDx, @ForAll boolean wantDgamma, @ForAll boolean wantDbeta,
                                                         @ForAll @IntRange(min = 0, max = 1000) int seed) {
        checkInstanceNorm(n, c, plane, wantDx, wantDgamma, wantDbeta, seed, false);
    }

    /** Planes of more than one chunk, summed by ChannelStatsKernels as a (1, rows, plane) tensor (what InstanceNormOps launches). */
    @Property(tries = 30)
    void instanceNormOnChunkedPlanesMatchesHostOps(@ForAll @IntRange(min = 1, max = 2) int n, @ForAll @IntRange(min = 1, max = 3) int c,
                                                   @ForAll @IntRange(min = 257, max = 1100) int plane,
                                                   @ForAll boolean wantDx, @ForAll boolean wantDgamma, @ForAll boolean wantDbeta,
                                                   @ForAll @IntRange(min = 0, max = 1000) int seed) {
        checkInstanceNorm(n, c, plane, wantDx, wantDgamma, wantDbeta, seed, true);
    }

    private static void checkInstanceNorm(int n, int c, int plane, boolean wantDx, boolean wantDgamma, boolean wantDbeta, int seed,
                                          boolean chunked) {
        int rows = n * c;
        int count = rows * plane;
        float eps = 1e-5f;
        HeapImage image = new HeapImage(0, seed);
        int x = image.region(count, -2f, 3f);
        int gamma = image.region(c, 0.5f, 1.5f);
        int beta = image.region(c);
        int dy = image.region(count);
        int mean = image.region(rows);
        int rstd = image.region(rows);
        int y = image.region(count);
        int sumDy = image.region(2 * rows); // sumDy, then sumDyXhat: the chunked launches write both as one block
        int sumDyXhat = sumDy + rows;
        int dx = image.region(count);
        int dgamma = image.region(c);
        int dbeta = image.region(c);
        int partials = image.region(Math.max(ChannelStatsKernels.statsPartials(1, rows, plane),
                ChannelStatsKernels.gradientPartials(1, rows, plane)));
        float[] heap = image.toArray();
        float[] xs = slice(heap, x, count);
        float[] gs = slice(heap, gamma, c);
        float[] yRef = new float[count];
        float[] meanRef = new float[rows];
        float[] rstdRef = new float[rows];
        HostInstanceNorm.forward(n, c, plane, eps, xs, gs, slice(heap, beta, c), yRef, meanRef, rstdRef);
        float[] dxRef = slice(heap, dx, count);
        float[] dgRef = slice(heap, dgamma, c);
        float[] dbRef = slice(heap, dbeta, c);
        HostInstanceNorm.backward(n, c, plane, xs, slice(heap, dy, count), meanRef, rstdRef, gs,
                wantDx ? dxRef : null, wantDgamma ? dgRef : null, wantDbeta ? dbRef : null);

        if (chunked) {
            for (Launch l : ChannelStatsKernels.statsLaunches(1, rows, plane, eps, x, mean, -1, rstd, partials)) l.runOn(heap);
        } else {
            InstanceNormKernels.statsLaunch(rows, plane, eps, x, mean, rstd).runOn(heap);
        }
        InstanceNormKernels.forwardLaunch(n, c, plane, x, mean, rstd, gamma, beta, y).runOn(heap);
        if (chunked) {
            for (Launch l : ChannelStatsKernels.gradientSumsLaunches(1, rows, plane, x, dy, mean, rstd, sumDy, partials)) l.runOn(heap);
        } else {
            InstanceNormKernels.backwardRowsLaunch(rows, plane, x, dy, mean, rstd, sumDy, sumDyXhat).runOn(heap);
        }
        if (wantDx) InstanceNormKernels.backwardInputLaunch(n, c, plane, x, dy, mean, rstd, gamma, sumDy, sumDyXhat, dx).runOn(heap);
        InstanceNormKernels.backwardAffineLaunch(n, c, sumDy, sumDyXhat, wantDgamma ? dgamma : -1, wantDbeta ? dbeta : -1).runOn(heap);

        Tolerance tol = new Tolerance(2e-6 * plane, 1e-4);
        tol.assertClose("mean", meanRef, slice(heap, mean, rows));
        tol.assertClose("invStd", rstdRef, slice(heap, rstd, rows));
        tol.assertClose("y", yRef, slice(heap, y, count));
        tol.assertClose("dx (+=, or untouched when absent)", dxRef, slice(heap, dx, count));
        tol.assertClose("dgamma (+=, or untouched when absent)", dgRef, slice(heap, dgamma, c));
        tol.assertClose("dbeta (+=, or untouched when absent)", dbRef, slice(heap, dbeta, c));
    }

    /** The scalars optim.Adam computes for step t. */
    static AdamStep step(int t, double lr, double beta1, double beta2, double eps, double weightDecay) {
        double bc1 = 1 - Math.pow(beta1, t);
        double bc2 = 1 - Math.pow(beta2, t);
        return new AdamStep((float) (lr / bc1), (float) Math.sqrt(bc2), (float) (1 - beta1), (float) beta2, (float) (1 - beta2),
                (float) eps, (float) weightDecay);
    }
}
