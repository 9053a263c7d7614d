package org.regionwise.gpu;

import java.util.ArrayList;
import java.util.List;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.gpu.device.DeviceHeap;
import org.regionwise.gpu.kernels.ConvKernels;
import org.regionwise.gpu.kernels.GemmKernel;

/**
 * The array-level half of autodiff's Kernels SPI (GEMM and the three convolution passes on {@code float[]}s)
 * on the device, for callers that hold host arrays (benchmarks, ops not yet on storages). These calls pass
 * host arrays and expect results in them on return, so: an input that is a tensor of this backend is read from its device copy (uploaded at most once while
 * the host does not write it); any other input is uploaded for the call; every result is downloaded
 * before returning. Accumulating outputs ({@code +=}) are computed into zeroed device scratch and added on
 * the host, which saves uploading the old values.
 */
final class HostArrayKernels {
    private final GpuBackend backend;
    private final DeviceHeap heap;

    HostArrayKernels(GpuBackend backend) {
        this.backend = backend;
        this.heap = backend.heap();
    }

    void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int offA, int lda, float[] b, int offB, int ldb,
                     float beta, float[] c, int offC, int ldc) {
        if (m == 0 || n == 0) return;
        try (Scope scope = new Scope()) {
            int aOff = k == 0 ? 0 : scope.input(a, offA, span(transA ? k : m, lda, transA ? m : k));
            int bOff = k == 0 ? 0 : scope.input(b, offB, span(transB ? n : k, ldb, transB ? k : n));
            int cSpan = span(m, ldc, n);
            // C's gaps between rows (ldc > n) and its old values (beta != 0) must survive: then C is uploaded.
            boolean overwriteOnly = beta == 0f && ldc == n;
            int cOff = overwriteOnly ? scope.temp(cSpan) : scope.upload(c, offC, cSpan);
            heap.launch(GemmKernel.launch(transA, transB, m, n, k, alpha, aOff, lda, bOff, ldb, beta, cOff, ldc));
            scope.overwrite(cOff, c, offC, cSpan);
        }
    }

    void conv2dForward(ConvGeometry g, float[] x, float[] w, float[] bias, float[] y) {
        try (Scope scope = new Scope()) {
            int xOff = scope.input(x, 0, g.inputSize());
            int wOff = scope.input(w, 0, g.weightSize());
            int bOff = bias == null ? -1 : scope.input(bias, 0, g.k());
            int yOff = scope.temp(g.outputSize());
            heap.launch(ConvKernels.forwardLaunch(g, xOff, wOff, bOff, yOff));
            scope.overwrite(yOff, y, 0, g.outputSize());
        }
    }

    void conv2dBackwardData(ConvGeometry g, float[] dy, float[] w, float[] dx) {
        try (Scope scope = new Scope()) {
            int dyOff = scope.input(dy, 0, g.outputSize());
            int wOff = scope.input(w, 0, g.weightSize());
            int dxOff = scope.zeroed(g.inputSize());
            heap.launch(ConvKernels.backwardDataLaunch(g, dyOff, wOff, dxOff));
            scope.accumulate(dxOff, dx, g.inputSize());
        }
    }

    void conv2dBackwardWeight(ConvGeometry g, float[] x, float[] dy, float[] dw, float[] dbias) {
        try (Scope scope = new Scope()) {
            int xOff = scope.input(x, 0, g.inputSize());
            int dyOff = scope.input(dy, 0, g.outputSize());
            int dwOff = scope.zeroed(g.weightSize());
            heap.launch(ConvKernels.backwardWeightLaunch(g, xOff, dyOff, dwOff));
            scope.accumulate(dwOff, dw, g.weightSize());
            if (dbias != null) {
                int dbOff = scope.zeroed(g.k());
                heap.launch(ConvKernels.backwardBiasLaunch(g, dyOff, dbOff));
                scope.accumulate(dbOff, dbias, g.k());
            }
        }
    }

    /** Elements spanned by {@code rows} rows of {@code cols} with leading dimension {@code ld}. */
    private static int span(int rows, int ld, int cols) {
        return rows == 0 || cols == 0 ? 0 : (rows - 1) * ld + cols;
    }

    /** The device blocks one SPI call borrows, returned when it ends. */
    private final class Scope implements AutoCloseable {
        private final List<Integer> temps = new ArrayList<>();

        /** Heap offset holding array[from]: the tensor's device copy if the array is a tensor, else an upload. */
        int input(float[] array, int from, int count) {
            GpuStorage tensor = backend.storageOf(array);
            if (tensor != null) return tensor.deviceOffset() + from;
            return upload(array, from, count);
        }

        int upload(float[] array, int from, int count) {
            int off = temp(count);
            heap.upload(array, from, off, count);
            return off;
        }

        int temp(int count) {
            int off = heap.allocate(count);
            temps.add(off);
            return off;
        }

        int zeroed(int count) {
            int off = heap.allocateZeroed(count);
            temps.add(off);
            return off;
        }

        /** array[from, +count) = device result; a tensor's device copy is then stale. */
        void overwrite(int off, float[] array, int from, int count) {
            heap.download(off, array, from, count);
            hostChanged(array);
        }

        /** array += device result. */
        void accumulate(int off, float[] array, int count) {
            float[] result = new float[count];
            heap.download(off, result, 0, count);
            for (int i = 0; i < count; i++) array[i] += result[i];
            hostChanged(array);
        }

        private void hostChanged(float[] array) {
            GpuStorage tensor = backend.storageOf(array);
            if (tensor != null) tensor.hostWritten();
        }

        @Override
        public void close() {
            for (int off : temps) heap.free(off);
        }
    }
}
