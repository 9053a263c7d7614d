package org.regionwise.autodiff.cpu;

import org.regionwise.autodiff.backend.ConvGeometry;

/** y = conv(x, w) + bias: weights packed once, then each image through its shifted source. */
final class ConvForwardPass {
    private ConvForwardPass() {}

    /** What {@link #run} does for {@code g}, for per-shape reports. */
    static String algorithm(ConvGeometry g) {
        return "implicit GEMM (shifted source)";
    }

    static void run(Workspace ws, ConvGeometry g, float[] x, float[] w, float[] bias, float[] y) {
        int depth = g.c() * g.r() * g.s();
        float[] packed = ws.shared.floats(Scratch.PANEL_A, Panels.count(g.k()) * depth * MicroKernel.MR);
        Panels.packMatrix(false, w, 0, depth, g.k(), depth, packed, ws.pool);
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
