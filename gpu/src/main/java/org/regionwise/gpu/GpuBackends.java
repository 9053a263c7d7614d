package org.regionwise.gpu;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.CpuBackend;
import org.regionwise.autodiff.backend.Kernels;
import org.regionwise.autodiff.cpu.FastKernels;
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.gpu.device.JavaDevice;
import org.regionwise.gpu.tornado.TornadoBridge;
import org.regionwise.gpu.tornado.TornadoDevice;
import org.regionwise.gpu.tornado.TornadoUnavailableException;

/**
 * The one registry of backend names, for the CLI's {@code --backend} and the bench alike ({@link #byName}).
 * It lives here, not in autodiff, so autodiff never depends on this module:
 * <ul>
 *   <li>{@code cpu}: autodiff's fast CPU kernels ({@link FastKernels#best(int)}: the Vector API when the JVM
 *       has it, scalar loops otherwise);</li>
 *   <li>{@code tornado}: the GPU backend on TornadoVM's default device, {@code tornado:N} on its device N
 *       ({@link BackendName}); fails with {@link TornadoUnavailableException} naming what is missing when TornadoVM
 *       is not usable, or when it has no device N;</li>
 *   <li>{@code tornado-java}: the same backend and kernels run as plain Java (no TornadoVM): slow, for
 *       debugging the device path and for tests.</li>
 * </ul>
 * The device heap size is {@code -Dregionwise.gpu.heapMiB} (default 1024 MiB; it is also held on the Java
 * heap as the host image TornadoVM maps to the device buffer, so -Xmx must leave room for it).
 */
public final class GpuBackends {
    public static final String CPU = "cpu";
    public static final String TORNADO = "tornado";
    public static final String TORNADO_JAVA = "tornado-java";
    public static final String HEAP_PROPERTY = "regionwise.gpu.heapMiB";
    private static final int DEFAULT_HEAP_MIB = 1024;

    private GpuBackends() {}

    /** Every backend name, CPU first. */
    public static List<String> names() {
        return List.of(CPU, TORNADO, TORNADO_JAVA);
    }

    /** The device backends' names. */
    public static List<String> deviceNames() {
        return List.of(TORNADO, TORNADO_JAVA);
    }

    /**
     * The backend {@code name} ({@link BackendName#parse}: case and surrounding blanks ignored, null is {@code cpu},
     * {@code tornado:N} picks a device) with {@code threads}
     * CPU threads; the CPU kernels pass through {@code wrapCpuKernels} (the bench times them).
     *
     * @throws IllegalArgumentException for an unknown name, a malformed device index or a thread count below 1
     * @throws IllegalStateException    when a GPU backend was asked for and TornadoVM is not usable, or has no such
     *                                  device (the message says what is missing)
     */
    public static Backend byName(String name, int threads, UnaryOperator<Kernels> wrapCpuKernels) {
        if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        BackendName chosen = BackendName.parse(name);
        if (!chosen.isDevice()) return new CpuBackend(wrapCpuKernels.apply(FastKernels.best(threads)));
        try {
            return create(chosen, heapFloatsFromProperty());
        } catch (TornadoUnavailableException e) {
            throw new IllegalStateException("--backend " + chosen + ": " + e.getMessage(), e);
        }
    }

    /**
     * How many devices backend {@code name} can run on (its device indices are 0 .. count-1): TornadoVM's devices on its
     * default backend, 1 for {@code tornado-java} (the JVM itself), 0 for {@code cpu}.
     *
     * @throws TornadoUnavailableException for {@code tornado} when TornadoVM is not usable
     */
    public static int deviceCount(String name) {
        return switch (BackendName.parse(name).backend()) {
            case TORNADO -> TornadoBridge.load().deviceCount();
            case TORNADO_JAVA -> 1;
            default -> 0;
        };
    }

    /** Whether TornadoVM can be used in this JVM (without starting it). */
    public static boolean tornadoAvailable() {
        return TornadoBridge.unavailableReason() == null;
    }

    public static GpuBackend create(String name) {
        return create(name, heapFloatsFromProperty());
    }

    /** The backend {@code name} ({@code tornado:N}: on device N) with a device heap of {@code heapFloats} floats. */
    public static GpuBackend create(String name, int heapFloats) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        String backend = key.contains(":") ? key.substring(0, key.indexOf(':')) : key;
        if (!deviceNames().contains(backend)) {
            throw new IllegalArgumentException("unknown GPU backend '" + OneLine.visible(name) + "': expected one of " + deviceNames()
                    + " (\"cpu\" is byName's)");
        }
        return create(BackendName.parse(key), heapFloats);
    }

    private static GpuBackend create(BackendName name, int heapFloats) {
        switch (name.backend()) {
            case TORNADO: {
                TornadoDevice device = new TornadoDevice(TornadoBridge.load(), heapFloats, name.device());
                device.selfCheck();
                return new GpuBackend(TORNADO, device);
            }
            case TORNADO_JAVA:
                if (name.device() > 0) {
                    throw new IllegalArgumentException("backend " + name + ": tornado-java runs on the JVM, which is one device: 0");
                }
                return new GpuBackend(TORNADO_JAVA, new JavaDevice(heapFloats));
            default:
                throw new IllegalArgumentException("unknown GPU backend '" + name + "': expected one of " + deviceNames()
                        + " (\"cpu\" is byName's)");
        }
    }

    private static int heapFloatsFromProperty() {
        String value = System.getProperty(HEAP_PROPERTY);
        long mib = DEFAULT_HEAP_MIB;
        if (value != null) {
            try {
                mib = Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + HEAP_PROPERTY + "=" + OneLine.visible(value) + " is not a whole number of MiB", e);
            }
        }
        long floats = mib * 1024 * 1024 / Float.BYTES;
        if (mib <= 0 || floats > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("-D" + HEAP_PROPERTY + "=" + mib + " must be between 1 and 8191 MiB");
        }
        return (int) floats;
    }
}
