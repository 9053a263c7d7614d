package org.regionwise.experiments.study;

import java.util.Objects;
import java.util.function.Function;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.CpuBackend;
import org.regionwise.autodiff.cpu.FastKernels;
import org.regionwise.gpu.BackendName;
import org.regionwise.gpu.GpuBackend;
import org.regionwise.gpu.GpuBackends;

/**
 * Where each trial slot of a {@link LocalRunner} computes: its own CPU kernels of the slot's thread share, or a device
 * of a GPU backend. A GPU backend named without an index ({@code tornado}) spreads the slots over the machine's
 * devices round robin: slot k (of {@code --parallel P}) runs its trials on device k mod (number of devices), so P
 * trials at a time on D devices put at most ceil(P/D) on one device. A name with an index ({@code tornado:1}) puts
 * every slot on that device.
 */
public final class TrialBackends {
    private final BackendName name;
    private final int devices;
    private final int threadsPerTrial;
    private final Function<String, Backend> open;

    /**
     * @param name            the backend
     * @param devices         how many devices it has (ignored for the CPU and for a name with an index)
     * @param threadsPerTrial CPU threads of each trial
     * @param open            makes the backend of a name ({@code tornado:1}); tests give a fake one
     */
    TrialBackends(BackendName name, int devices, int threadsPerTrial, Function<String, Backend> open) {
        if (name.isDevice() && !name.hasDevice() && devices < 1) {
            throw new IllegalStateException("--backend " + name + ": no device to run trials on");
        }
        if (threadsPerTrial < 1) throw new IllegalArgumentException("threads per trial must be at least 1, got " + threadsPerTrial);
        this.name = name;
        this.devices = devices;
        this.threadsPerTrial = threadsPerTrial;
        this.open = Objects.requireNonNull(open);
    }

    /** Every slot on its own CPU kernels of {@code threadsPerTrial} threads. */
    public static TrialBackends cpu(int threadsPerTrial) {
        return new TrialBackends(BackendName.parse(GpuBackends.CPU), 0, threadsPerTrial, opener(threadsPerTrial));
    }

    /**
     * The slots' backends for {@code --backend backend}; for a GPU backend without an index, asks it how many devices it
     * has (TornadoVM must be usable then).
     *
     * @throws IllegalArgumentException for a name {@link BackendName#parse} refuses
     * @throws IllegalStateException    when a GPU backend is not usable here (the message says what is missing)
     */
    public static TrialBackends of(String backend, int threadsPerTrial) {
        BackendName name = BackendName.parse(backend);
        int devices = 0;
        if (name.isDevice() && !name.hasDevice()) {
            try {
                devices = GpuBackends.deviceCount(name.backend());
            } catch (RuntimeException e) { // TornadoVM missing: the same one line as --backend tornado anywhere
                throw new IllegalStateException("--backend " + name + ": " + e.getMessage(), e);
            }
        }
        return new TrialBackends(name, devices, threadsPerTrial, opener(threadsPerTrial));
    }

    /** The backend name slot {@code slot} runs on: {@code cpu}, {@code tornado:2}, ... */
    public String nameFor(int slot) {
        if (slot < 0) throw new IllegalArgumentException("slot must be >= 0, got " + slot);
        if (!name.isDevice() || name.hasDevice()) return name.toString();
        return name.onDevice(slot % devices).toString();
    }

    /** A new backend for one trial of slot {@code slot}; {@link #close} it after the trial. */
    public Backend open(int slot) {
        return open.apply(nameFor(slot));
    }

    /** Releases what a trial's backend holds: the CPU kernels' helper threads, a device's buffers. */
    public static void close(Backend backend) {
        try {
            if (backend instanceof CpuBackend cpu && cpu.kernels() instanceof AutoCloseable c) c.close();
            if (backend instanceof GpuBackend gpu) gpu.close();
        } catch (Exception ignored) {
            // closing only stops helper threads and frees buffers: nothing of the trial's results depends on it
        }
    }

    public int threadsPerTrial() {
        return threadsPerTrial;
    }

    /** For the study's header line: "" on the CPU, else e.g. " on tornado devices 0..1 (round robin)". */
    public String describe(int slots) {
        if (!name.isDevice()) return "";
        if (name.hasDevice() || devices == 1) return " on " + nameFor(0);
        return " on " + name + " devices 0.." + (Math.min(slots, devices) - 1) + " (round robin)";
    }

    /** {@link GpuBackends#byName}: for {@code cpu} a {@link CpuBackend} of {@link FastKernels#best} kernels, as before. */
    private static Function<String, Backend> opener(int threadsPerTrial) {
        return n -> GpuBackends.byName(n, threadsPerTrial, k -> k);
    }
}
