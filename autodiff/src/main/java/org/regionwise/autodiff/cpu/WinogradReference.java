package org.regionwise.autodiff.cpu;

/**
 * The reference twin of {@link WinogradConvolution}: the same F(2x2, 3x3) transforms written out as
 * matrix products in double precision, one tile and one channel pair at a time, with no blocking, no
 * threads and no GEMM. In exact arithmetic it equals the direct convolution, which the tests check
 * against {@link org.regionwise.autodiff.backend.ReferenceKernels}.
 */
final class WinogradReference {
    private static final double[][] BT = {{1, 0, -1, 0}, {0, 1, 1, 0}, {0, -1, 1, 0}, {0, 1, 0, -1}};
    private static final double[][] G = {{1, 0, 0}, {0.5, 0.5, 0.5}, {0.5, -0.5, 0.5}, {0, 0, 1}};
    private static final double[][] AT = {{1, 1, 1, 0}, {0, 1, -1, -1}};

    private WinogradReference() {}

    /**
     * y = conv3x3(x, w) + bias, stride 1, padding 1: x (n, c, h, w), w (k, c, 3, 3), y (n, k, h, w),
     * overwritten. bias may be null.
     */
    static double[] forward(int n, int c, int h, int w, int k, float[] x, float[] wt, float[] bias) {
        double[] y = new double[n * k * h * w];
        int tilesH = (h + 1) / 2;
        int tilesW = (w + 1) / 2;
        for (int img = 0; img < n; img++) {
            for (int o = 0; o < k; o++) {
                for (int th = 0; th < tilesH; th++) {
                    for (int tw = 0; tw < tilesW; tw++) {
                        double[][] m = new double[4][4];
                        for (int i = 0; i < c; i++) {
                            double[][] g = new double[3][3];
                            for (int r = 0; r < 3; r++) {
                                for (int s = 0; s < 3; s++) g[r][s] = wt[((o * c + i) * 3 + r) * 3 + s];
                            }
                            double[][] d = new double[4][4];
                            for (int r = 0; r < 4; r++) {
                                for (int s = 0; s < 4; s++) {
                                    int row = 2 * th - 1 + r;
                                    int col = 2 * tw - 1 + s;
                                    boolean in = row >= 0 && row < h && col >= 0 && col < w;
                                    d[r][s] = in ? x[((img * c + i) * h + row) * w + col] : 0;
                                }
                            }
                            double[][] u = mul(mul(G, g), transpose(G));
                            double[][] v = mul(mul(BT, d), transpose(BT));
                            for (int r = 0; r < 4; r++) {
                                for (int s = 0; s < 4; s++) m[r][s] += u[r][s] * v[r][s];
                            }
                        }
                        double[][] out = mul(mul(AT, m), transpose(AT));
                        for (int r = 0; r < 2; r++) {
                            for (int s = 0; s < 2; s++) {
                                int row = 2 * th + r;
                                int col = 2 * tw + s;
                                if (row < h && col < w) {
                                    y[((img * k + o) * h + row) * w + col] = out[r][s] + (bias == null ? 0 : bias[o]);
                                }
                            }
                        }
                    }
                }
            }
        }
        return y;
    }

    private static double[][] mul(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                double sum = 0;
                for (int l = 0; l < b.length; l++) sum += a[i][l] * b[l][j];
                c[i][j] = sum;
            }
        }
        return c;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) t[j][i] = a[i][j];
        }
        return t;
    }
}
