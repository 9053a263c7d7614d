package org.regionwise.gpu.kernels;

import static org.regionwise.gpu.kernels.GemmKernelProperties.slice;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.backend.ReferenceKernels;
import org.regionwise.gpu.testing.HeapImage;
import org.regionwise.gpu.testing.Tolerance;

/**
 * The three convolution passes, run as plain Java, against autodiff's reference over random geometries
 * (strides that do not divide, padding wider than the kernel reach, dilation, channel counts and widths that
 * leave partial 4 x 3 tiles): both the register-tiled kernels that are launched and their direct twins.
 * Backward passes start from non-zero gradients to check they accumulate.
 */
class ConvKernelsProperties {
    private static final ReferenceKernels REFERENCE = new ReferenceKernels();

    static ConvGeometry geometry(int n, int c, int h, int w, int k, int r, int s, int stride, int pad, int dil) {
        int outH = Math.floorDiv(h + 2 * pad - dil * (r - 1) - 1, stride) + 1;
        int outW = Math.floorDiv(w + 2 * pad - dil * (s - 1) - 1, stride) + 1;
        Assume.that(outH > 0 && outW > 0);
        return new ConvGeometry(n, c, h, w, k, r, s, stride, stride, pad, pad, dil, dil, outH, outW);
    }

    static Tolerance tolerance(int terms) {
        return new Tolerance(2e-6 * (terms + 1), 1e-5);
    }

    @Property(tries = 120)
    void forwardMatchesReference(@ForAll @IntRange(min = 1, max = 2) int n, @ForAll @IntRange(min = 1, max = 6) int c,
                                 @ForAll @IntRange(min = 1, max = 8) int h, @ForAll @IntRange(min = 1, max = 11) int w,
                                 @ForAll @IntRange(min = 1, max = 6) int k, @ForAll @IntRange(min = 1, max = 3) int r,
                                 @ForAll @IntRange(min = 1, max = 3) int s, @ForAll @IntRange(min = 1, max = 3) int stride,
                                 @ForAll @IntRange(min = 0, max = 2) int pad, @ForAll @IntRange(min = 1, max = 2) int dil,
                                 @ForAll boolean withBias, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        ConvGeometry g = geometry(n, c, h, w, k, r, s, stride, pad, dil);
        HeapImage image = new HeapImage(0, seed);
        int x = image.region(g.inputSize());
        int wt = image.region(g.weightSize());
        int b = image.region(g.k());
        int y = image.region(g.outputSize());
        float[] heap = image.toArray();
        float[] expected = new float[g.outputSize()];
        REFERENCE.conv2dForward(g, slice(heap, x, g.inputSize()), slice(heap, wt, g.weightSize()),
                withBias ? slice(heap, b, g.k()) : null, expected);
        float[] direct = heap.clone();
        ConvKernels.forwardLaunch(g, x, wt, withBias ? b : -1, y).runOn(heap);
        ConvKernels.directForwardLaunch(g, x, wt, withBias ? b : -1, y).runOn(direct);
        tolerance(c * r * s).assertClose("conv forward " + g, expected, slice(heap, y, g.outputSize()));
        tolerance(c * r * s).assertClose("conv forward (direct) " + g, expected, slice(direct, y, g.outputSize()));
    }

    @Property(tries = 120)
    void backwardDataMatchesReference(@ForAll @IntRange(min = 1, max = 2) int n, @ForAll @IntRange(min = 1, max = 6) int c,
                                      @ForAll @IntRange(min = 1, max = 8) int h, @ForAll @IntRange(min = 1, max = 11) int w,
                                      @ForAll @IntRange(min = 1, max = 6) int k, @ForAll @IntRange(min = 1, max = 3) int r,
                                      @ForAll @IntRange(min = 1, max = 3) int s, @ForAll @IntRange(min = 1, max = 3) int stride,
                                      @ForAll @IntRange(min = 0, max = 2) int pad, @ForAll @IntRange(min = 1, max = 2) int dil,
                                      @ForAll @IntRange(min = 0, max = 1000) int seed) {
        ConvGeometry g = geometry(n, c, h, w, k, r, s, stride, pad, dil);
        HeapImage image = new HeapImage(0, seed);
        int dy = image.region(g.outputSize());
        int wt = image.region(g.weightSize());
        int dx = image.region(g.inputSize());
        float[] heap = image.toArray();
        float[] expected = slice(heap, dx, g.inputSize());
        REFERENCE.conv2dBackwardData(g, slice(heap, dy, g.outputSize()), slice(heap, wt, g.weightSize()), expected);
        float[] direct = heap.clone();
        ConvKernels.backwardDataLaunch(g, dy, wt, dx).runOn(heap);
        ConvKernels.directBackwardDataLaunch(g, dy, wt, dx).runOn(direct);
        tolerance(k * r * s).assertClose("conv backward data " + g, expected, slice(heap, dx, g.inputSize()));
        tolerance(k * r * s).assertClose("conv backward data (direct) " + g, expected, slice(direct, dx, g.inputSize()));
    }

    @Property(tries = 120)
    void backwardWeightAndBiasMatchReference(@ForAll @IntRange(min = 1, max = 2) int n, @ForAll @IntRange(min = 1, max = 6) int c,
                                             @ForAll @IntRange(min = 1, max = 8) int h, @ForAll @IntRange(min = 1, max = 11) int w,
                                             @ForAll @IntRange(min = 1, max = 6) int k, @ForAll @IntRange(min = 1, max = 3) int r,
                                             @ForAll @IntRange(min = 1, max = 3) int s, @ForAll @IntRange(min = 1, max = 3) int stride,
                                             @ForAll @IntRange(min = 0, max = 2) int pad, @ForAll @IntRange(min = 1, max = 2) int dil,
                                             @ForAll @IntRange(min = 1, max = 16) int splitsWanted,
                                             @ForAll @IntRange(min = 0, max = 1000) int seed) {
        ConvGeometry g = geometry(n, c, h, w, k, r, s, stride, pad, dil);
        int rows = n * g.outH();
        int splits = TiledConvBackwardWeight.evenSplits(rows, Math.min(rows, splitsWanted));
        HeapImage image = new HeapImage(0, seed);
        int x = image.region(g.inputSize());
        int dy = image.region(g.outputSize());
        int dw = image.region(g.weightSize());
        int db = image.region(g.k());
        int plane = g.outH() * g.outW();
        int biasPartials = image.region(Math.max(1, AxisSumKernels.channelPartials(n, g.k(), plane)));
        int partials = image.region(Math.max(1, TiledConvBackwardWeight.partialsSize(g, splits)));
        float[] heap = image.toArray();
        float[] expectedW = slice(heap, dw, g.weightSize());
        float[] expectedB = slice(heap, db, g.k());
        REFERENCE.conv2dBackwardWeight(g, slice(heap, x, g.inputSize()), slice(heap, dy, g.outputSize()), expectedW, expectedB);
        float[] direct = heap.clone();
        for (Launch l : TiledConvBackwardWeight.launches(g, x, dy, dw, splits, partials)) l.runOn(heap);
        for (Launch l : AxisSumKernels.channelSumsLaunches(n, g.k(), plane, dy, db, biasPartials)) l.runOn(heap);
        ConvKernels.directBackwardWeightLaunch(g, x, dy, dw).runOn(direct);
        int terms = n * g.outH() * g.outW();
        tolerance(terms).assertClose("conv backward weight, " + splits + " splits, " + g, expectedW, slice(heap, dw, g.weightSize()));
        tolerance(terms).assertClose("conv backward weight (direct) " + g, expectedW, slice(direct, dw, g.weightSize()));
        tolerance(terms).assertClose("conv backward bias " + g, expectedB, slice(heap, db, g.k()));
    }
}
