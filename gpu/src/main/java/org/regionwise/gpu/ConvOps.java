package org.regionwise.gpu;

import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.gpu.device.DeviceHeap;
import org.regionwise.gpu.kernels.AxisSumKernels;
import org.regionwise.gpu.kernels.ConvKernels;
import org.regionwise.gpu.kernels.GemmKernel;
import org.regionwise.gpu.kernels.TiledConvBackwardWeight;

/**
 * GEMM and the three convolution passes on resident storages ({@link GemmKernel}, {@link ConvKernels}); the
 * backward-weight pass sums its row splits through heap scratch, and the bias gradient is a chunked channel sum
 * ({@link AxisSumKernels#channelSumsLaunches}).
 */
public final class ConvOps {
    private final DeviceHeap heap;

    ConvOps(DeviceHeap heap) {
        this.heap = heap;
    }

    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, GpuStorage a, int offA, int lda,
                     GpuStorage b, int offB, int ldb, float beta, GpuStorage c, int offC, int ldc) {
        int aOff = a.deviceOffset() + offA;
        int bOff = b.deviceOffset() + offB;
        int cOff = c.deviceOffset() + offC;
        heap.launch(GemmKernel.launch(transA, transB, m, n, k, alpha, aOff, lda, bOff, ldb, beta, cOff, ldc));
        c.deviceWritten();
    }

    /** y = conv(x, w) + bias (bias may be null). */
    public void conv2dForward(ConvGeometry g, GpuStorage x, GpuStorage w, GpuStorage bias, GpuStorage y) {
        int xOff = x.deviceOffset();
        int wOff = w.deviceOffset();
        int bOff = bias == null ? -1 : bias.deviceOffset();
        heap.launch(ConvKernels.forwardLaunch(g, xOff, wOff, bOff, y.deviceOffsetForOverwrite()));
        y.deviceWritten();
    }

    /** dx += input gradient. */
    public void conv2dBackwardData(ConvGeometry g, GpuStorage dy, GpuStorage w, GpuStorage dx) {
        heap.launch(ConvKernels.backwardDataLaunch(g, dy.deviceOffset(), w.deviceOffset(), dx.deviceOffset()));
        dx.deviceWritten();
    }

    /** dw += weight gradient; dbias += bias gradient when not null. */
    public void conv2dBackwardWeight(ConvGeometry g, GpuStorage x, GpuStorage dy, GpuStorage dw, GpuStorage dbias) {
        int dyOff = dy.deviceOffset();
        int xOff = x.deviceOffset();
        int dwOff = dw.deviceOffset();
        int splits = TiledConvBackwardWeight.splits(g);
        heap.launchWithScratch(TiledConvBackwardWeight.partialsSize(g, splits),
                partials -> TiledConvBackwardWeight.launches(g, xOff, dyOff, dwOff, splits, partials));
        dw.deviceWritten();
        if (dbias != null) {
            int dbOff = dbias.deviceOffset();
            int plane = g.outH() * g.outW();
            heap.launchWithScratch(AxisSumKernels.channelPartials(g.n(), g.k(), plane),
                    partials -> AxisSumKernels.channelSumsLaunches(g.n(), g.k(), plane, dyOff, dbOff, partials));
            dbias.deviceWritten();
        }
    }
}
