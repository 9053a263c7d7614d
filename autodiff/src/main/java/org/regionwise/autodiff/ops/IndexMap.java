package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.Shape;

/**
 * Flat-index maps between a tensor and a broadcast (larger) shape. One map serves both directions:
 * broadcasting reads {@code in[map[i]]} for every output i, and the matching reduction (its backward)
 * adds {@code grad[i]} into {@code map[i]}.
 */
final class IndexMap {
    private IndexMap() {}

    /** For every element of {@code outShape}, the flat index of the element of {@code inShape} it reads. */
    static int[] broadcast(int[] inShape, int[] outShape) {
        int[] strides = Shape.broadcastStrides(inShape, outShape);
        int n = Shape.numel(outShape);
        int[] map = new int[n];
        int rank = outShape.length;
        int[] idx = new int[rank];
        int src = 0;
        for (int i = 0; i < n; i++) {
            map[i] = src;
            // Odometer increment over the output index, keeping src in step.
            for (int a = rank - 1; a >= 0; a--) {
                idx[a]++;
                src += strides[a];
                if (idx[a] < outShape[a]) break;
                src -= strides[a] * outShape[a];
                idx[a] = 0;
            }
        }
        return map;
    }
}
