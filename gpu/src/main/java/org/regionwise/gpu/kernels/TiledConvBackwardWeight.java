package org.regionwise.gpu.kernels;

import java.util.Arrays;
import java.util.List;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.gpu.Parallel;

/**
 * The backward-weight pass of 2D convolution, register-tiled and split over rows: each parallel iteration
 * computes 4 output channels x 3 input channels at one filter tap (r, s) in 12 local accumulators, over one
 * split of the batch's output rows (image, row). Without the split a pass had only one work-item per tile,
 * each summing N x OH x OW terms: 72 work-items for the U-Net's first 1 -> 32 layer, 3168 for a 64 -> 64 layer,
 * far too few for a GPU's tens of thousands of lanes. Now each split writes its partial sums to scratch and
 * {@link #addPartials} adds them into dw in split order, so the result is deterministic. Same operands, ints
 * layout and semantics as {@link ConvKernels#backwardWeight}, its reference twin (tests hold both against
 * autodiff's {@code ReferenceKernels}); within a split it sums in the direct loop's order (image, row, column).
 * Tiles that overhang the channel counts read the last channel and store only what exists.
 */
public final class TiledConvBackwardWeight {
    /** Output channels per tile. Written out in the kernel as locals, like {@link #INPUTS}. */
    public static final int OUTPUTS = 4;
    /**
     * Input channels per tile: 4 x 3, not 4 x 4, for the forward pass's reason ({@link TiledConvForward}): on PoCL
     * 4 x 3 took 0.69-0.71 of 4 x 4's CPU time (same run, alternating, the standard U-Net's 64-channel shapes);
     * 3 x 4, 4 x 2, 5 x 2 and 6 x 2 were slower than 4 x 3.
     */
    public static final int INPUTS = 3;
    /**
     * Work-items a pass aims at, splits permitting: enough to fill a large GPU (an H100 runs 132 x 2048
     * threads; a quarter of that keeps every SM busy) without cutting rows so short that the partial sums
     * outweigh the work.
     */
    static final int TARGET_ITEMS = 65536;

    private TiledConvBackwardWeight() {}

    /**
     * The weight gradient of one split of rows: ints[15..17]: x, dy, dw; ints[19..21]: splits, rows per split,
     * partials. With one split it adds into dw (partials -1); otherwise split q overwrites its partial sums at
     * partials + q * weightSize, in dw's layout. Twin: {@link ConvKernels#backwardWeight}. The output columns whose
     * input column is inside the image at this tap form one range [owLo, owHi), computed once, so the innermost
     * loop has no bounds tests.
     */
    public static void backwardWeight(float[] heap, int[] ints, float[] floats) {
        int n = ints[0];
        int c = ints[1];
        int h = ints[2];
        int w = ints[3];
        int k = ints[4];
        int r = ints[5];
        int s = ints[6];
        int strideH = ints[7];
        int strideW = ints[8];
        int padH = ints[9];
        int padW = ints[10];
        int dilH = ints[11];
        int dilW = ints[12];
        int outH = ints[13];
        int outW = ints[14];
        int xOff = ints[15];
        int dyOff = ints[16];
        int dwOff = ints[17];
        int splits = ints[19];
        int rowsPerSplit = ints[20];
        int partials = ints[21];
        int kBlocks = (k + OUTPUTS - 1) / OUTPUTS;
        int cBlocks = (c + INPUTS - 1) / INPUTS;
        int taps = r * s;
        int tiles = kBlocks * cBlocks * taps;
        int total = tiles * splits;
        int plane = h * w;
        int outPlane = outH * outW;
        int rows = n * outH;
        int weightSize = k * c * taps;
        for (@Parallel int idx = 0; idx < total; idx++) {
            // Tap fastest, split slowest: neighbouring work-items read neighbouring columns of the same rows.
            int tap = idx % taps;
            int rest = idx / taps;
            int cb = rest % cBlocks;
            rest = rest / cBlocks;
            int kb = rest % kBlocks;
            int split = rest / kBlocks;
            int rowStart = split * rowsPerSplit;
            int rowEnd = Math.min(rowStart + rowsPerSplit, rows);
            int rr = tap / s;
            int ss = tap - rr * s;
            int k0 = kb * OUTPUTS;
            int k1 = Math.min(k0 + 1, k - 1);
            int k2 = Math.min(k0 + 2, k - 1);
            int k3 = Math.min(k0 + 3, k - 1);
            int c0 = cb * INPUTS;
            int c1 = Math.min(c0 + 1, c - 1);
            int c2 = Math.min(c0 + 2, c - 1);
            // iw = ow * strideW - padW + ss * dilW lies in [0, w) exactly for ow in [owLo, owHi).
            int lead = padW - ss * dilW;
            int owLo = lead <= 0 ? 0 : (lead + strideW - 1) / strideW;
            int last = w - 1 + lead;
            int owHi = last < 0 ? 0 : Math.min(outW, last / strideW + 1);
            // a<output channel><input channel>
            float a00 = 0f;
            float a01 = 0f;
            float a02 = 0f;
            float a10 = 0f;
            float a11 = 0f;
            float a12 = 0f;
            float a20 = 0f;
            float a21 = 0f;
            float a22 = 0f;
            float a30 = 0f;
            float a31 = 0f;
            float a32 = 0f;
            for (int row = rowStart; row < rowEnd; row++) {
                int nn = row / outH;
                int oh = row - nn * outH;
                int ih = oh * strideH - padH + rr * dilH;
                if (ih >= 0 && ih < h) {
                    int xRow = xOff + nn * c * plane + ih * w - lead;
                    int dyRow = dyOff + nn * k * outPlane + oh * outW;
                    int xr0 = xRow + c0 * plane;
                    int xr1 = xRow + c1 * plane;
                    int xr2 = xRow + c2 * plane;
                    int dr0 = dyRow + k0 * outPlane;
                    int dr1 = dyRow + k1 * outPlane;
                    int dr2 = dyRow + k2 * outPlane;
                    int dr3 = dyRow + k3 * outPlane;
                    for (int ow = owLo; ow < owHi; ow++) {
                        int iw = ow * strideW;
                        float x0 = heap[xr0 + iw];
                        float x1 = heap[xr1 + iw];
                        float x2 = heap[xr2 + iw];
                        float d0 = heap[dr0 + ow];
                        a00 += x0 * d0;
                        a01 += x1 * d0;
                        a02 += x2 * d0;
                        float d1 = heap[dr1 + ow];
                        a10 += x0 * d1;
                        a11 += x1 * d1;
                        a12 += x2 * d1;
                        float d2 = heap[dr2 + ow];
                        a20 += x0 * d2;
                        a21 += x1 * d2;
                        a22 += x2 * d2;
                        float d3 = heap[dr3 + ow];
                        a30 += x0 * d3;
                        a31 += x1 * d3;
                        a32 += x2 * d3;
                    }
                }
            }
            // dw[kk, cc, rr, ss] at ((kk * c + cc) * taps + tap): added into dw, or this split's partials written.
            int channels = Math.min(INPUTS, c - c0);
            int outputs = Math.min(OUTPUTS, k - k0);
            int index = (k0 * c + c0) * taps + tap;
            if (partials < 0) {
                int o0 = dwOff + index;
                heap[o0] += a00;
                if (channels > 1) heap[o0 + taps] += a01;
                if (channels > 2) heap[o0 + 2 * taps] += a02;
                if (outputs > 1) {
                    int o1 = dwOff + index + c * taps;
                    heap[o1] += a10;
                    if (channels > 1) heap[o1 + taps] += a11;
                    if (channels > 2) heap[o1 + 2 * taps] += a12;
                }
                if (outputs > 2) {
                    int o2 = dwOff + index + 2 * c * taps;
                    heap[o2] += a20;
                    if (channels > 1) heap[o2 + taps] += a21;
                    if (channels > 2) heap[o2 + 2 * taps] += a22;
                }
                if (outputs > 3) {
                    int o3 = dwOff + index + 3 * c * taps;
                    heap[o3] += a30;
                    if (channels > 1) heap[o3 + taps] += a31;
                    if (channels > 2) heap[o3 + 2 * taps] += a32;
                }
            } else {
                int p0 = partials + split * weightSize + index;
                heap[p0] = a00;
                if (channels > 1) heap[p0 + taps] = a01;
                if (channels > 2) heap[p0 + 2 * taps] = a02;
                if (outputs > 1) {
                    int p1 = partials + split * weightSize + index + c * taps;
                    heap[p1] = a10;
                    if (channels > 1) heap[p1 + taps] = a11;
                    if (channels > 2) heap[p1 + 2 * taps] = a12;
                }
                if (outputs > 2) {
                    int p2 = partials + split * weightSize + index + 2 * c * taps;
                    heap[p2] = a20;
                    if (channels > 1) heap[p2 + taps] = a21;
                    if (channels > 2) heap[p2 + 2 * taps] = a22;
                }
                if (outputs > 3) {
                    int p3 = partials + split * weightSize + index + 3 * c * taps;
                    heap[p3] = a30;
                    if (channels > 1) heap[p3 + taps] = a31;
                    if (channels > 2) heap[p3 + 2 * taps] = a32;
                }
            }
        }
    }

    /** dw[i] += the splits' partial sums of weight i, in split order. ints: weightSize, splits, partials, dw. */
    public static void addPartials(float[] heap, int[] ints, float[] floats) {
        int count = ints[0];
        int splits = ints[1];
        int partials = ints[2];
        int dw = ints[3];
        for (@Parallel int i = 0; i < count; i++) {
            float acc = 0f;
            for (int q = 0; q < splits; q++) {
                acc += heap[partials + q * count + i];
            }
            heap[dw + i] += acc;
        }
    }

    /** Tiles of one split: K/4 x C/3 x R x S. */
    static int tiles(ConvGeometry g) {
        return ((g.k() + OUTPUTS - 1) / OUTPUTS) * ((g.c() + INPUTS - 1) / INPUTS) * g.r() * g.s();
    }

    /**
     * How many splits the output rows (N x OH) are cut into: enough for {@link #TARGET_ITEMS} work-items, at
     * most one per row; 1 when the tiles alone are enough.
     */
    public static int splits(ConvGeometry g) {
        int rows = g.n() * g.outH();
        int wanted = Math.max(1, Math.min(rows, (TARGET_ITEMS + tiles(g) - 1) / tiles(g)));
        return evenSplits(rows, wanted);
    }

    /** Splits of equal length ({@code ceil(rows / splits)} rows) that cover the rows: at most {@code splits}. */
    static int evenSplits(int rows, int splits) {
        int perSplit = (rows + splits - 1) / splits;
        return (rows + perSplit - 1) / perSplit;
    }

    /** Floats of scratch that {@code splits} splits write their partial sums to: 0 for one split. */
    public static int partialsSize(ConvGeometry g, int splits) {
        return splits == 1 ? 0 : splits * g.weightSize();
    }

    /**
     * The launches of the pass cut into {@code splits} splits ({@link #splits} chooses): with one split, one
     * launch that adds into dw; otherwise the split sums into {@code partials} ({@link #partialsSize} floats of
     * scratch, overwritten), then {@link #addPartials} into dw.
     */
    public static List<Launch> launches(ConvGeometry g, int x, int dy, int dw, int splits, int partials) {
        int rows = g.n() * g.outH();
        if (splits < 1 || splits > rows || evenSplits(rows, splits) != splits) {
            throw new IllegalArgumentException("conv backward weight: " + splits + " splits of " + rows + " rows");
        }
        int perSplit = (rows + splits - 1) / splits;
        int[] ints = Arrays.copyOf(ConvKernels.geometry(g, x, dy, dw, 0), 22);
        ints[19] = splits;
        ints[20] = perSplit;
        ints[21] = splits == 1 ? -1 : partials;
        Launch pass = Launch.of(Kernel.CONV_BACKWARD_WEIGHT_TILED, tiles(g) * splits, ints);
        if (splits == 1) return List.of(pass);
        return List.of(pass, Launch.of(Kernel.CONV_BACKWARD_WEIGHT_PARTIALS, g.weightSize(),
                new int[] {g.weightSize(), splits, partials, dw}));
    }
}
