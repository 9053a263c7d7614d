package org.regionwise.gpu.bench;

import java.util.Locale;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.CpuBackend;
import org.regionwise.autodiff.cpu.FastKernels;
import org.regionwise.gpu.GpuBackend;
import org.regionwise.gpu.device.TransferStats;
import org.regionwise.gpu.testing.UNet2dTraining;
import org.regionwise.losses.LossRegistry;

/**
 * The training step of {@link UNet2dTraining} (layers' UNet2d, fresh host batch per step, Adam) with every
 * loss of {@link LossRegistry}, on the device and on the CPU's fast kernels: ms per step (median of
 * {@code reps} after one warm-up step), and per device step the launches and the host-device traffic, which
 * show whether a loss stays on the device or round-trips through the host. A loss that throws is reported and
 * the others still run. Small shapes: this times launch and transfer overhead per loss, not throughput.
 */
public final class LossStepTimes {
    private LossStepTimes() {}

    /** Prints one line per registry loss; returns how many threw. */
    public static int run(GpuBackend gpu, int reps) {
        Backend cpu = new CpuBackend(FastKernels.best());
        int failures = 0;
        System.out.printf(Locale.ROOT, "loss step times: UNet2d %s, batch %d of %dx%d, median of %d steps after 1%n",
                UNet2dTraining.CONFIG, UNet2dTraining.BATCH, UNet2dTraining.HEIGHT, UNet2dTraining.WIDTH, reps);
        for (String name : LossRegistry.names()) {
            try {
                TransferStats stats = gpu.stats();
                UNet2dTraining device = new UNet2dTraining(gpu, 5, name);
                device.step();
                long launches = stats.launches();
                long uploads = stats.uploadedFloats();
                long downloads = stats.downloadedFloats();
                double deviceMs = medianStepMs(device, reps);
                double perStep = 1.0 / reps;
                double cpuMs = medianStepMs(warm(new UNet2dTraining(cpu, 5, name)), reps);
                System.out.printf(Locale.ROOT, "loss %-22s device %8.1f ms/step (%5.0f launches, %8.0f floats up, %8.0f down per step); cpu %7.1f ms/step%n",
                        name, deviceMs, (stats.launches() - launches) * perStep, (stats.uploadedFloats() - uploads) * perStep,
                        (stats.downloadedFloats() - downloads) * perStep, cpuMs);
            } catch (RuntimeException e) {
                failures++;
                System.out.printf(Locale.ROOT, "loss %-22s FAILED: %s%n", name, e);
            }
        }
        return failures;
    }

    private static UNet2dTraining warm(UNet2dTraining t) {
        t.step();
        return t;
    }

    private static double medianStepMs(UNet2dTraining t, int reps) {
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            long start = System.nanoTime();
            t.step();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return ms[reps / 2];
    }
}
