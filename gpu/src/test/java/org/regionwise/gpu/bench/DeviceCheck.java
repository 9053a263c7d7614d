package org.regionwise.gpu.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Backends;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.backend.CpuBackend;
import org.regionwise.autodiff.backend.ReferenceKernels;
import org.regionwise.autodiff.cpu.FastKernels;
import org.regionwise.gpu.GpuBackend;
import org.regionwise.gpu.GpuBackends;
import org.regionwise.gpu.GpuStorage;
import org.regionwise.gpu.device.DeviceHeap;
import org.regionwise.gpu.kernels.Launch;
import org.regionwise.gpu.testing.KernelCase;
import org.regionwise.gpu.testing.KernelCases;
import org.regionwise.gpu.testing.MiniUNet;
import org.regionwise.gpu.testing.ResidentStep;
import org.regionwise.gpu.testing.Tolerance;

/**
 * One run on a machine with TornadoVM (a GPU, or PoCL): every parity check of the test suite, printed as a
 * report rather than asserted (so one run shows everything), then timings: each conv pass's GFLOP/s, tiled
 * and direct ({@link ConvPassThroughput}), a UNet2d step with every registry loss ({@link LossStepTimes}), the
 * resident DeviceOps training step against the same step through autodiff on the CPU, and the autodiff
 * U-Net step on the device Kernels against the CPU's fast kernels. Exit status 1 if any parity check fails
 * or a registry loss throws.
 *
 * <p>Run: {@code java @$TORNADOVM_HOME/tornado-argfile -Dtornado.load.annotation.parallel=org.regionwise.gpu.Parallel
 * -cp <autodiff, gpu classes and test classes> org.regionwise.gpu.bench.DeviceCheck [quick]}
 */
public final class DeviceCheck {
    private static final Tolerance PARITY = new Tolerance(1e-5, 1e-5);
    private static boolean failed;

    public static void main(String[] args) {
        boolean quick = args.length > 0 && args[0].equals("quick");
        System.out.println("java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        GpuBackend gpu = GpuBackends.create(GpuBackends.TORNADO, 1 << 26);
        System.out.println("backend " + gpu.name());

        long t0 = System.nanoTime();
        kernelParity(gpu);
        System.out.printf(Locale.ROOT, "kernel parity (incl. compiling every kernel): %.1f s%n", (System.nanoTime() - t0) / 1e9);

        MiniUNet.StepResult cpu = MiniUNet.trainingStep(new CpuBackend(new ReferenceKernels()), 2, 1, 12, 10, 4, 3, 7);
        MiniUNet.StepResult dev = MiniUNet.trainingStep(gpu, 2, 1, 12, 10, 4, 3, 7);
        report("U-Net step loss", new Tolerance(1e-6, 1e-5), new float[] {cpu.loss()}, new float[] {dev.loss()});
        report("U-Net step gradients", new Tolerance(1e-5, 1e-3), cpu.gradients(), dev.gradients());
        report("U-Net step parameters after Adam", new Tolerance(1e-5, 1e-5), cpu.updatedParameters(), dev.updatedParameters());
        residentParity(gpu);

        for (ConvGeometry g : ConvPassThroughput.shapes(quick)) ConvPassThroughput.measure(gpu, g, quick ? 5 : 3, true, true);
        int lossFailures = LossStepTimes.run(gpu, quick ? 3 : 5);
        if (lossFailures > 0) {
            System.out.println("FAIL " + lossFailures + " registry loss(es) threw on the device (see above)");
            failed = true;
        }
        residentTiming(gpu, quick ? 2 : 8, quick ? 8 : 32, quick ? 32 : 128);
        unetTiming(gpu, quick ? 2 : 4, quick ? 32 : 64, quick ? 4 : 16);
        System.out.println(gpu.stats());
        System.out.println(failed ? "PARITY: FAILED" : "PARITY: all passed");
        gpu.close();
        System.exit(failed ? 1 : 0);
    }

    private static void kernelParity(GpuBackend gpu) {
        DeviceHeap heap = gpu.heap();
        for (KernelCase template : KernelCases.all(0)) {
            int base = heap.allocate(template.image().length);
            KernelCase c = KernelCases.all(base).stream().filter(k -> k.name().equals(template.name())).findFirst().orElseThrow();
            heap.upload(c.image(), 0, base, c.image().length);
            for (Launch l : c.launches()) heap.launch(l);
            float[] device = new float[c.image().length];
            heap.download(base, device, 0, device.length);
            report("kernel " + c.name(), PARITY, c.runInJava(), c.gather(device, base));
            heap.free(base);
        }
    }

    private static void residentParity(GpuBackend gpu) {
        int n = 2, in = 2, width = 4, classes = 3, h = 6, w = 7;
        ResidentStep.Init init = ResidentStep.Init.random(11, n, in, width, classes, h, w);
        List<float[]> expected = new ArrayList<>();
        float expectedLoss = ResidentStep.autodiffStep(init, n, in, width, classes, h, w, expected);
        ResidentStep step = new ResidentStep(gpu, init, n, in, width, classes, h, w);
        report("resident step loss", new Tolerance(1e-6, 1e-5), new float[] {expectedLoss}, new float[] {step.step()});
        GpuStorage[] params = step.parameters();
        for (int i = 0; i < params.length; i++) {
            report("resident step parameter " + i, new Tolerance(1e-5, 1e-5), expected.get(i), params[i].host());
        }
    }

    private static void residentTiming(GpuBackend gpu, int n, int width, int size) {
        int in = 1, classes = 4;
        ResidentStep.Init init = ResidentStep.Init.random(3, n, in, width, classes, size, size);
        ResidentStep step = new ResidentStep(gpu, init, n, in, width, classes, size, size);
        step.step();
        step.step();
        int reps = 5;
        long start = System.nanoTime();
        for (int i = 0; i < reps; i++) step.step();
        double device = (System.nanoTime() - start) / 1e6 / reps;

        Backend previous = Backends.getDefault();
        Backends.setDefault(new CpuBackend(FastKernels.best()));
        try {
            ResidentStep.autodiffStep(init, n, in, width, classes, size, size, new ArrayList<>());
            start = System.nanoTime();
            for (int i = 0; i < 2; i++) ResidentStep.autodiffStep(init, n, in, width, classes, size, size, new ArrayList<>());
            double cpu = (System.nanoTime() - start) / 1e6 / 2;
            System.out.printf(Locale.ROOT, "resident step (conv3x3 1->%d, instance norm, lrelu, conv1x1 ->%d, softmax CE, backward, Adam), "
                    + "batch %d of %dx%d: device %.1f ms/step; autodiff on CPU fast kernels %.1f ms/step%n",
                    width, classes, n, size, size, device, cpu);
        } finally {
            Backends.setDefault(previous);
        }
    }

    private static void unetTiming(GpuBackend gpu, int n, int size, int width) {
        for (Backend backend : new Backend[] {gpu, new CpuBackend(FastKernels.best())}) {
            MiniUNet.trainingStep(backend, n, 1, size, size, width, 4, 1);
            long start = System.nanoTime();
            int reps = 3;
            for (int i = 0; i < reps; i++) MiniUNet.trainingStep(backend, n, 1, size, size, width, 4, 1);
            System.out.printf(Locale.ROOT, "autodiff mini U-Net step, batch %d of %dx%d, width %d, on %s: %.1f ms/step%n",
                    n, size, size, width, backend.name(), (System.nanoTime() - start) / 1e6 / reps);
        }
    }

    private static void report(String what, Tolerance tolerance, float[] expected, float[] actual) {
        double ratio = expected.length == actual.length ? tolerance.worstRatio(expected, actual) : Double.POSITIVE_INFINITY;
        boolean ok = ratio <= 1;
        failed |= !ok;
        System.out.printf(Locale.ROOT, "%s %s: worst error %.3f of allowance (|err| <= %.0e + %.0e |ref|)%n",
                ok ? "PASS" : "FAIL", what, ratio, tolerance.abs(), tolerance.rel());
    }
}
