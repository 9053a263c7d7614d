package org.regionwise.autodiff.cpu;

import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.backend.ConvPass;

/**
 * y = conv(x, w) + bias. Direct: weights packed once, then each image through its shifted source. Stride-1
 * 3x3 convolutions may run as {@link WinogradConvolution} instead, where {@link ConvChoice} timed it faster.
 */
final class ConvForwardPass {
    private ConvForwardPass() {}

    /** What {@link #run} does for {@code g}, for per-shape reports. */
    static String algorithm(Workspace ws, ConvGeometry g) {
        return ws.choice.describe(ConvPass.FORWARD, g, DIRECT);
    }

    private static final String DIRECT = "implicit GEMM (shifted source)";

    static void run(Workspace ws, ConvGeometry g, float[] x, float[] w, float[] bias, float[] y) {
        // Forward overwrites y, so timing both algorithms at a shape's first call may write into it.
        if (ws.choice.winograd(ConvPass.FORWARD, g, () -> direct(ws, g, x, w, bias, y),
                () -> winograd(ws, g, x, w, bias, y))) {
            winograd(ws, g, x, w, bias, y);
        } else {
            direct(ws, g, x, w, bias, y);
        }
    }

    static void winograd(Workspace ws, ConvGeometry g, float[] x, float[] w, float[] bias, float[] y) {
        float[] u = ws.shared.floats(Scratch.WINOGRAD_WEIGHTS, WinogradConvolution.POSITIONS * g.k() * g.c());
        WinogradConvolution.transformWeights(ws, w, g.k(), g.c(), false, u);
        WinogradConvolution.run(ws, g.n(), g.c(), g.k(), g.h(), g.w(), u, x, y, bias, false);
    }

    static void direct(Workspace ws, ConvGeometry g, float[] x, float[] w, float[] bias, float[] y) {
        int depth = g.c() * g.r() * g.s();
        int mr = ws.shape.mr();
        float[] packed = ws.shared.floats(Scratch.PANEL_A, ws.shape.panels(g.k()) * depth * mr);
        Panels.packMatrix(mr, false, w, 0, depth, g.k(), depth, packed, ws.pool);
        ShiftedSource src = ws.source;
        src.configure(g.c(), g.h(), g.w(), g.r(), g.s(), g.strideH(), g.strideW(), g.padH(), g.padW(),
                g.dilH(), g.dilW(), g.outH(), g.outW(), false);
        int imageIn = g.c() * g.h() * g.w();
        int imageOut = g.k() * g.outH() * g.outW();
        for (int n = 0; n < g.n(); n++) {
            src.fill(x, n * imageIn, ws.pool);
            SourceConvolution.run(ws, packed, depth, g.k(), src, y, n * imageOut, bias, false);
        }
    }
}
