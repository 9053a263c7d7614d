package org.regionwise.autodiff.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.simple.SimpleMatrix;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.TestTensors;
import org.regionwise.autodiff.check.GradientCheck;

/** Batched matmul: gradient checks, and forward values against EJML as an independent oracle. */
class MatMulProperties {

    @Property(tries = 50)
    void batchedGradients(@ForAll @IntRange(min = 1, max = 3) int batch, @ForAll @IntRange(min = 1, max = 4) int m,
                          @ForAll @IntRange(min = 1, max = 4) int k, @ForAll @IntRange(min = 1, max = 4) int n,
                          @ForAll @IntRange(min = 0, max = 2) int sharing, @ForAll long seed) {
        Random r = new Random(seed);
        Tensor a = sharing == 1 ? TestTensors.leaf(r, m, k) : TestTensors.leaf(r, batch, m, k);
        Tensor b = sharing == 2 ? TestTensors.leaf(r, k, n) : TestTensors.leaf(r, batch, k, n);
        GradientCheck.assertGradients(t -> t[0].matmul(t[1]), a, b);
    }

    @Property(tries = 50)
    void forwardMatchesEjml(@ForAll @IntRange(min = 1, max = 9) int m, @ForAll @IntRange(min = 1, max = 9) int k,
                            @ForAll @IntRange(min = 1, max = 9) int n, @ForAll long seed) {
        Random r = new Random(seed);
        Tensor a = Tensor.randn(r, m, k);
        Tensor b = Tensor.randn(r, k, n);
        SimpleMatrix expected = toEjml(a, m, k).mult(toEjml(b, k, n));
        float[] c = a.matmul(b).data();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) assertEquals(expected.get(i, j), c[i * n + j], 1e-5);
        }
    }

    private static SimpleMatrix toEjml(Tensor t, int rows, int cols) {
        SimpleMatrix s = new SimpleMatrix(rows, cols);
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) s.set(i, j, t.data()[i * cols + j]);
        return s;
    }
}
