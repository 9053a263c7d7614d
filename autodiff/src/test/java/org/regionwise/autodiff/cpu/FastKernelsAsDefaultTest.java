package org.regionwise.autodiff.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Functional;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.TestTensors;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Backends;
import org.regionwise.autodiff.backend.CpuBackend;
import org.regionwise.autodiff.check.GradientCheck;

/**
 * The ops, end to end, with the fast kernels installed as the default backend the way the application
 * installs them: gradient checks of conv2d (stride, padding, dilation, bias), convTranspose2d and matmul
 * against finite differences. The reference backend is restored afterwards, whatever happens.
 */
class FastKernelsAsDefaultTest {

    @Test
    void opGradientsHoldWithTheFastKernelsAsDefault() {
        Backend previous = Backends.getDefault();
        try {
            for (TiledKernels kernels : new TiledKernels[] {FastKernelSets.VECTOR, FastKernelSets.SCALAR}) {
                Backends.setDefault(new CpuBackend(kernels));
                Random r = new Random(7);
                Tensor x = TestTensors.leaf(r, 2, 3, 7, 6);
                Tensor w = TestTensors.leaf(r, 4, 3, 3, 3);
                Tensor b = TestTensors.leaf(r, 4);
                assertTrue(x.backend().kernels() == kernels, "tensors are created on the installed default");
                GradientCheck.assertGradients(t -> Functional.conv2d(t[0], t[1], t[2], 1, 1, 1), x, w, b);
                GradientCheck.assertGradients(t -> Functional.conv2d(t[0], t[1], t[2], 2, 1, 1), x, w, b);
                GradientCheck.assertGradients(t -> Functional.conv2d(t[0], t[1], null, 1, 2, 2), x, w);
                Tensor up = TestTensors.leaf(r, 2, 3, 4, 3);
                Tensor wt = TestTensors.leaf(r, 3, 5, 2, 2);
                Tensor bt = TestTensors.leaf(r, 5);
                GradientCheck.assertGradients(t -> Functional.convTranspose2d(t[0], t[1], t[2], 2, 0, 0, 1), up, wt, bt);
                GradientCheck.assertGradients(t -> Functional.convTranspose2d(t[0], t[1], t[2], 2, 1, 1, 1), up, wt, bt);
                Tensor a = TestTensors.leaf(r, 2, 9, 11);
                Tensor m = TestTensors.leaf(r, 11, 35);
                GradientCheck.assertGradients(t -> t[0].matmul(t[1]), a, m);
            }
        } finally {
            Backends.setDefault(previous);
        }
        assertEquals(previous, Backends.getDefault());
    }
}
