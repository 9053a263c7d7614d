package org.regionwise.autodiff.backend;

/**
 * The shapes of one 2D convolution in NCHW layout: input (n, c, h, w), weight (k, c, r, s), output
 * (n, k, outH, outW). A transposed convolution is described by the geometry of the convolution whose
 * backward-data pass it is (its input is this geometry's output).
 */
public record ConvGeometry(int n, int c, int h, int w, int k, int r, int s,
                           int strideH, int strideW, int padH, int padW, int dilH, int dilW,
                           int outH, int outW) {

    public ConvGeometry {
        if (n <= 0 || c <= 0 || h <= 0 || w <= 0 || k <= 0 || r <= 0 || s <= 0) {
            throw new IllegalArgumentException("conv2d: non-positive size in " + this);
        }
        if (strideH <= 0 || strideW <= 0 || dilH <= 0 || dilW <= 0 || padH < 0 || padW < 0) {
            throw new IllegalArgumentException("conv2d: stride and dilation must be positive, padding non-negative: " + this);
        }
        if (outH <= 0 || outW <= 0) {
            throw new IllegalArgumentException("conv2d: kernel (" + r + "x" + s + ", dilation " + dilH + "x" + dilW
                    + ") larger than padded input (" + h + "x" + w + ", padding " + padH + "x" + padW + ")");
        }
    }

    /** Geometry of a forward convolution; the output size follows PyTorch's formula. */
    public static ConvGeometry of(int n, int c, int h, int w, int k, int r, int s,
                                  int stride, int pad, int dil) {
        int outH = Math.floorDiv(h + 2 * pad - dil * (r - 1) - 1, stride) + 1;
        int outW = Math.floorDiv(w + 2 * pad - dil * (s - 1) - 1, stride) + 1;
        return new ConvGeometry(n, c, h, w, k, r, s, stride, stride, pad, pad, dil, dil, outH, outW);
    }

    public int inputSize() {
        return n * c * h * w;
    }

    public int weightSize() {
        return k * c * r * s;
    }

    public int outputSize() {
        return n * k * outH * outW;
    }

    /** Multiply-adds of the forward pass, times two: the FLOP count used for GFLOP/s figures. */
    public double flops() {
        return 2.0 * n * k * outH * outW * c * r * s;
    }
}
