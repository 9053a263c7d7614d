package org.regionwise.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Backends;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.backend.ConvPass;
import org.regionwise.autodiff.backend.CpuBackend;
import org.regionwise.autodiff.backend.Kernels;
import org.regionwise.autodiff.backend.ReferenceKernels;
import org.regionwise.autodiff.backend.Storage;
import org.regionwise.autodiff.cpu.FastKernels;

/** The timing wrapper forwards every kernel, so the benchmark times the kernels it claims to. */
class TimedKernelsTest {

    @Test
    void everyKernelsMethodIsForwardedNotLeftToItsHostDefault() {
        // A Kernels method added later and not forwarded would run the slow host default under the bench.
        for (Method m : Kernels.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) continue;
            try {
                Method own = TimedKernels.class.getMethod(m.getName(), m.getParameterTypes());
                assertEquals(TimedKernels.class, own.getDeclaringClass(), "TimedKernels does not forward " + m);
            } catch (NoSuchMethodException e) {
                throw new AssertionError(m + " missing", e);
            }
        }
    }

    @Test
    void convolutionsAreTotalledPerPassAndShapeWithTheAlgorithmNamed() throws Exception {
        try (TimedKernels timed = new TimedKernels(FastKernels.best(1))) {
            Backend backend = new CpuBackend(timed);
            ConvGeometry a = ConvGeometry.of(1, 2, 6, 6, 3, 3, 3, 1, 1, 1);
            ConvGeometry b = ConvGeometry.of(1, 3, 6, 6, 2, 2, 2, 2, 0, 1);
            for (ConvGeometry g : List.of(a, a, b)) {
                Storage x = backend.allocate(g.inputSize());
                Storage w = backend.allocate(g.weightSize());
                Storage y = backend.allocate(g.outputSize());
                timed.conv2dForward(g, x, w, null, y);
                timed.conv2dBackwardData(g, y, w, x);
            }
            List<TimedKernels.ConvShapeTime> shapes = timed.convShapes();
            assertEquals(4, shapes.size(), "two shapes x two passes: " + shapes);
            TimedKernels.ConvShapeTime first = shapes.get(0);
            assertEquals(ConvPass.FORWARD, first.pass());
            assertEquals(a, first.geometry());
            assertEquals(2, first.calls());
            assertEquals(timed.convAlgorithm(ConvPass.FORWARD, a), first.algorithm());
            assertEquals(1, shapes.get(3).calls());
            assertEquals(ConvPass.BACKWARD_DATA, shapes.get(3).pass());
            assertTrue(shapes.get(3).algorithm().contains("scatter"), "stride 2 backward data: " + shapes.get(3));
            timed.reset();
            assertTrue(timed.convShapes().isEmpty());
        }
    }

    @Test
    void tensorOpsAreTimedInTheirOwnBucket() throws Exception {
        Backend previous = Backends.getDefault();
        try (TimedKernels timed = new TimedKernels(new ReferenceKernels())) {
            Backends.setDefault(new CpuBackend(timed));
            Tensor x = Tensor.of(new float[] {-1f, 2f}, 2).requiresGrad(true);
            x.leakyRelu(0.01f).sum().backward();
            double[] ms = timed.millis();
            assertEquals(5, timed.calls(), "leaky ReLU forward, sum forward (the op's own kernel), the backward seed (a fill),"
                    + " sum backward, leaky ReLU backward");
            assertTrue(ms[4] > 0, "tensor-op time recorded");
            assertEquals(0.0, ms[1] + ms[2] + ms[3], "no convolution ran");
        } finally {
            Backends.setDefault(previous);
        }
    }
}
