package org.regionwise.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Backends;
import org.regionwise.autodiff.backend.CpuBackend;
import org.regionwise.autodiff.backend.Kernels;
import org.regionwise.autodiff.backend.ReferenceKernels;

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
    void tensorOpsAreTimedInTheirOwnBucket() throws Exception {
        Backend previous = Backends.getDefault();
        try (TimedKernels timed = new TimedKernels(new ReferenceKernels())) {
            Backends.setDefault(new CpuBackend(timed));
            Tensor x = Tensor.of(new float[] {-1f, 2f}, 2).requiresGrad(true);
            x.leakyRelu(0.01f).sum().backward();
            double[] ms = timed.millis();
            assertEquals(3, timed.calls(), "leaky ReLU forward, the backward seed (a fill), leaky ReLU backward");
            assertTrue(ms[4] > 0, "tensor-op time recorded");
            assertEquals(0.0, ms[1] + ms[2] + ms[3], "no convolution ran");
        } finally {
            Backends.setDefault(previous);
        }
    }
}
