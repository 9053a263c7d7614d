package org.regionwise.autodiff.backend;

/**
 * Reference kernels: direct loops that read like the definitions, accumulating in double. They are the
 * teaching path and the oracle for fast kernels, not the fast path.
 */
public final class ReferenceKernels implements HostKernels {

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int offA, int lda, float[] b, int offB, int ldb,
                     float beta, float[] c, int offC, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double acc = 0;
                for (int p = 0; p < k; p++) {
                    float av = transA ? a[offA + p * lda + i] : a[offA + i * lda + p];
                    float bv = transB ? b[offB + j * ldb + p] : b[offB + p * ldb + j];
                    acc += (double) av * bv;
                }
                int ci = offC + i * ldc + j;
                c[ci] = (float) (alpha * acc + (beta == 0f ? 0.0 : (double) beta * c[ci]));
            }
        }
    }

    @Override
    public void conv2dForward(ConvGeometry g, float[] x, float[] w, float[] bias, float[] y) {
        for (int n = 0; n < g.n(); n++) {
            for (int k = 0; k < g.k(); k++) {
                for (int oh = 0; oh < g.outH(); oh++) {
                    for (int ow = 0; ow < g.outW(); ow++) {
                        double acc = bias == null ? 0 : bias[k];
                        for (int c = 0; c < g.c(); c++) {
                            for (int r = 0; r < g.r(); r++) {
                                int ih = oh * g.strideH() - g.padH() + r * g.dilH();
                                if (ih < 0 || ih >= g.h()) continue;
                                for (int s = 0; s < g.s(); s++) {
                                    int iw = ow * g.strideW() - g.padW() + s * g.dilW();
                                    if (iw < 0 || iw >= g.w()) continue;
                                    acc += (double) x[((n * g.c() + c) * g.h() + ih) * g.w() + iw]
                                            * w[((k * g.c() + c) * g.r() + r) * g.s() + s];
                                }
                            }
                        }
                        y[((n * g.k() + k) * g.outH() + oh) * g.outW() + ow] = (float) acc;
                    }
                }
            }
        }
    }

    @Override
    public void conv2dBackwardData(ConvGeometry g, float[] dy, float[] w, float[] dx) {
        // Scatter form: every output position sends its gradient back to the inputs it read.
        for (int n = 0; n < g.n(); n++) {
            for (int k = 0; k < g.k(); k++) {
                for (int oh = 0; oh < g.outH(); oh++) {
                    for (int ow = 0; ow < g.outW(); ow++) {
                        float gy = dy[((n * g.k() + k) * g.outH() + oh) * g.outW() + ow];
                        if (gy == 0f) continue;
                        for (int c = 0; c < g.c(); c++) {
                            for (int r = 0; r < g.r(); r++) {
                                int ih = oh * g.strideH() - g.padH() + r * g.dilH();
                                if (ih < 0 || ih >= g.h()) continue;
                                for (int s = 0; s < g.s(); s++) {
                                    int iw = ow * g.strideW() - g.padW() + s * g.dilW();
                                    if (iw < 0 || iw >= g.w()) continue;
                                    dx[((n * g.c() + c) * g.h() + ih) * g.w() + iw] +=
                                            gy * w[((k * g.c() + c) * g.r() + r) * g.s() + s];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Override
    public void conv2dBackwardWeight(ConvGeometry g, float[] x, float[] dy, float[] dw, float[] dbias) {
        for (int k = 0; k < g.k(); k++) {
            if (dbias != null) {
                double acc = 0;
                for (int n = 0; n < g.n(); n++) {
                    for (int o = 0; o < g.outH() * g.outW(); o++) {
                        acc += dy[(n * g.k() + k) * g.outH() * g.outW() + o];
                    }
                }
                dbias[k] += (float) acc;
            }
            for (int c = 0; c < g.c(); c++) {
                for (int r = 0; r < g.r(); r++) {
                    for (int s = 0; s < g.s(); s++) {
                        double acc = 0;
                        for (int n = 0; n < g.n(); n++) {
                            for (int oh = 0; oh < g.outH(); oh++) {
                                int ih = oh * g.strideH() - g.padH() + r * g.dilH();
                                if (ih < 0 || ih >= g.h()) continue;
                                for (int ow = 0; ow < g.outW(); ow++) {
                                    int iw = ow * g.strideW() - g.padW() + s * g.dilW();
                                    if (iw < 0 || iw >= g.w()) continue;
                                    acc += (double) x[((n * g.c() + c) * g.h() + ih) * g.w() + iw]
                                            * dy[((n * g.k() + k) * g.outH() + oh) * g.outW() + ow];
                                }
                            }
                        }
                        dw[((k * g.c() + c) * g.r() + r) * g.s() + s] += (float) acc;
                    }
                }
            }
        }
    }
}
