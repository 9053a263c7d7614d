package org.regionwise.autodiff.cpu;

import org.regionwise.autodiff.backend.ConvGeometry;

/**
 * Winograd F(2x2, 3x3): a stride-1, padding-1, 3x3 convolution with 16 multiplications per 2x2 output
 * tile and channel pair instead of 36 (2.25x fewer). Per image: every 4x4 input tile (stride 2, zero
 * outside the image) is transformed, V = B^T d B; the weights once per call, U = G g G^T; then for each
 * of the 16 transform positions one GEMM, M = U (out x in channels) V (in channels x tiles), on the same
 * packed-panel GEMM as everything else ({@link GemmPass}); and each output tile is Y = A^T M A.
 *
 * <p>The backward-data pass of such a convolution is the same convolution of dy with the weights flipped
 * and their channel axes swapped, so it runs here too ({@link #transformWeights} with {@code flipped}).
 *
 * <p>Reference twin: {@link WinogradReference} (the same transforms in double precision), itself checked
 * against the direct {@link org.regionwise.autodiff.backend.ReferenceKernels}. The transforms' constants
 * are 0, +-1 and 1/2, so the rounding error stays close to the direct kernels' (the property tests hold it to
 * the same tolerance).
 */
final class WinogradConvolution {
    /** Transform positions of a 4x4 tile. */
    static final int POSITIONS = 16;

    private WinogradConvolution() {}

    /** Whether {@code g} is a convolution this algorithm computes: 3x3, stride 1, padding 1, dilation 1. */
    static boolean applies(ConvGeometry g) {
        return g.r() == 3 && g.s() == 3 && g.strideH() == 1 && g.strideW() == 1 && g.padH() == 1 && g.padW() == 1
                && g.dilH() == 1 && g.dilW() == 1;
    }

    /**
     * U[xi][o][i] = (G g G^T)[xi] for each output channel o and input channel i, where g is w[o][i]
     * (forward) or, when {@code flipped}, w[i][o] rotated by 180 degrees (backward data: o is the
     * convolution's input channel, i its output channel). w is (k, c, 3, 3).
     */
    static void transformWeights(Workspace ws, float[] w, int k, int c, boolean flipped, float[] u) {
        int outs = flipped ? c : k;
        int ins = flipped ? k : c;
        int stride = outs * ins;
        ws.pool.run(outs, (o, worker) -> {
            float[] g = ws.worker(worker).floats(Scratch.TILE, 9);
            for (int i = 0; i < ins; i++) {
                int base = flipped ? (i * c + o) * 9 : (o * c + i) * 9;
                for (int e = 0; e < 9; e++) g[e] = w[base + (flipped ? 8 - e : e)];
                int at = o * ins + i;
                for (int r = 0; r < 4; r++) {
                    // Row r of G g: a 3-vector.
                    float t0 = gRow(r, g[0], g[3], g[6]);
                    float t1 = gRow(r, g[1], g[4], g[7]);
                    float t2 = gRow(r, g[2], g[5], g[8]);
                    for (int s = 0; s < 4; s++) u[(r * 4 + s) * stride + at] = gRow(s, t0, t1, t2);
                }
            }
        });
    }

    /** Row {@code r} of G = [[1,0,0],[1/2,1/2,1/2],[1/2,-1/2,1/2],[0,0,1]] times (a, b, c). */
    private static float gRow(int r, float a, float b, float c) {
        return switch (r) {
            case 0 -> a;
            case 1 -> 0.5f * (a + b + c);
            case 2 -> 0.5f * (a - b + c);
            default -> c;
        };
    }

    /**
     * out (=|+=) conv3x3(in) (+ bias) for {@code n} images of {@code ins} x h x w into {@code outs} x h x w,
     * with weights already transformed by {@link #transformWeights}.
     */
    static void run(Workspace ws, int n, int ins, int outs, int h, int w, float[] u, float[] in, float[] out,
                    float[] bias, boolean accumulate) {
        int tilesH = (h + 1) / 2;
        int tilesW = (w + 1) / 2;
        int tiles = tilesH * tilesW;
        float[] v = ws.shared.floats(Scratch.WINOGRAD_IN, POSITIONS * ins * tiles);
        float[] m = ws.shared.floats(Scratch.WINOGRAD_OUT, POSITIONS * outs * tiles);
        int imageIn = ins * h * w;
        int imageOut = outs * h * w;
        for (int img = 0; img < n; img++) {
            int inOff = img * imageIn;
            ws.pool.run(ins, (ch, worker) -> transformInput(in, inOff + ch * h * w, h, w, tilesW, tiles, v,
                    ch * tiles, ins * tiles, ws.worker(worker).floats(Scratch.TILE, 16)));
            for (int xi = 0; xi < POSITIONS; xi++) {
                GemmPass.run(ws, false, false, outs, tiles, ins, 1f, u, xi * outs * ins, ins, v, xi * ins * tiles,
                        tiles, 0f, m, xi * outs * tiles, tiles);
            }
            int outOff = img * imageOut;
            ws.pool.run(outs, (o, worker) -> transformOutput(m, o * tiles, outs * tiles, h, w, tilesW,
                    out, outOff + o * h * w, bias == null ? 0f : bias[o], accumulate,
                    ws.worker(worker).floats(Scratch.TILE, 8)));
        }
    }

    /** V = B^T d B for every 4x4 tile of one plane; position xi of tile t goes to v[vOff + xi * pitch + t]. */
    private static void transformInput(float[] x, int off, int h, int w, int tilesW, int tiles, float[] v,
                                       int vOff, int pitch, float[] d) {
        for (int t = 0; t < tiles; t++) {
            int th = t / tilesW;
            int tw = t - th * tilesW;
            int row0 = 2 * th - 1;
            int col0 = 2 * tw - 1;
            boolean inside = row0 >= 0 && col0 >= 0 && row0 + 4 <= h && col0 + 4 <= w;
            for (int i = 0; i < 4; i++) {
                int row = row0 + i;
                int base = off + row * w + col0;
                for (int j = 0; j < 4; j++) {
                    int col = col0 + j;
                    d[i * 4 + j] = inside || (row >= 0 && row < h && col >= 0 && col < w) ? x[base + j] : 0f;
                }
            }
            // B^T d: rows d0 - d2, d1 + d2, d2 - d1, d1 - d3.
            for (int j = 0; j < 4; j++) {
                float d0 = d[j];
                float d1 = d[4 + j];
                float d2 = d[8 + j];
                float d3 = d[12 + j];
                d[j] = d0 - d2;
                d[4 + j] = d1 + d2;
                d[8 + j] = d2 - d1;
                d[12 + j] = d1 - d3;
            }
            // (B^T d) B: the same on columns.
            int at = vOff + t;
            for (int i = 0; i < 4; i++) {
                float c0 = d[i * 4];
                float c1 = d[i * 4 + 1];
                float c2 = d[i * 4 + 2];
                float c3 = d[i * 4 + 3];
                v[at + (i * 4) * pitch] = c0 - c2;
                v[at + (i * 4 + 1) * pitch] = c1 + c2;
                v[at + (i * 4 + 2) * pitch] = c2 - c1;
                v[at + (i * 4 + 3) * pitch] = c1 - c3;
            }
        }
    }

    /** Y = A^T M A for every tile of one output plane, cropped to h x w, plus the bias (or added to out). */
    private static void transformOutput(float[] m, int mOff, int pitch, int h, int w, int tilesW, float[] out,
                                        int off, float bias, boolean accumulate, float[] t) {
        int tiles = ((h + 1) / 2) * tilesW;
        for (int tile = 0; tile < tiles; tile++) {
            int at = mOff + tile;
            // A^T M: rows m0 + m1 + m2 and m1 - m2 - m3.
            for (int j = 0; j < 4; j++) {
                float m0 = m[at + j * pitch];
                float m1 = m[at + (4 + j) * pitch];
                float m2 = m[at + (8 + j) * pitch];
                float m3 = m[at + (12 + j) * pitch];
                t[j] = m0 + m1 + m2;
                t[4 + j] = m1 - m2 - m3;
            }
            int th = tile / tilesW;
            int tw = tile - th * tilesW;
            for (int i = 0; i < 2; i++) {
                int row = 2 * th + i;
                if (row >= h) break;
                float y0 = t[i * 4] + t[i * 4 + 1] + t[i * 4 + 2] + bias;
                float y1 = t[i * 4 + 1] - t[i * 4 + 2] - t[i * 4 + 3] + bias;
                int o = off + row * w + 2 * tw;
                if (accumulate) {
                    out[o] += y0;
                    if (2 * tw + 1 < w) out[o + 1] += y1;
                } else {
                    out[o] = y0;
                    if (2 * tw + 1 < w) out[o + 1] = y1;
                }
            }
        }
    }
}
