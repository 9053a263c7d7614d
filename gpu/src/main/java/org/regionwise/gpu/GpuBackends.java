package org.regionwise.gpu;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.CpuBackend;
import org.regionwise.autodiff.backend.Kernels;
import org.regionwise.autodiff.cpu.FastKernels;
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
 *   <li>{@code tornado}: the GPU backend on TornadoVM's default device; fails with
 *       {@link TornadoUnavailableException} naming what is missing when TornadoVM is not usable;</li>
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
     * The backend {@code name} (case and surrounding blanks ignored; null is {@code cpu}) with {@code threads}
     * CPU threads; the CPU kernels pass through {@code wrapCpuKernels} (the bench times them).
     *
     * @throws IllegalArgumentException for an unknown name or a thread count below 1
     * @throws IllegalStateException    when a GPU backend was asked for and TornadoVM is not usable (the
     *                                  message says what is missing)
     */
    public static Backend byName(String name, int threads, UnaryOperator<Kernels> wrapCpuKernels) {
        if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        String key = name == null ? CPU : name.trim().toLowerCase(Locale.ROOT);
        if (key.equals(CPU)) return new CpuBackend(wrapCpuKernels.apply(FastKernels.best(threads)));
        if (!deviceNames().contains(key)) {
            throw new IllegalArgumentException("unknown backend '" + name + "'; valid: " + String.join(", ", names()));
        }
        try {
            return create(key);
        } catch (TornadoUnavailableException e) {
            throw new IllegalStateException("--backend " + key + ": " + e.getMessage(), e);
        }
    }

    /** Whether TornadoVM can be used in this JVM (without starting it). */
    public static boolean tornadoAvailable() {
        return TornadoBridge.unavailableReason() == null;
    }

    public static GpuBackend create(String name) {
        return create(name, heapFloatsFromProperty());
    }

    /** The backend {@code name} with a device heap of {@code heapFloats} floats. */
    public static GpuBackend create(String name, int heapFloats) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case TORNADO: {
                TornadoDevice device = new TornadoDevice(TornadoBridge.load(), heapFloats);
                device.selfCheck();
                return new GpuBackend(TORNADO, device);
            }
            case TORNADO_JAVA:
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
                throw new IllegalArgumentException("-D" + HEAP_PROPERTY + "=" + value + " is not a whole number of MiB", e);
            }
        }
        long floats = mib * 1024 * 1024 / Float.BYTES;
        if (mib <= 0 || floats > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("-D" + HEAP_PROPERTY + "=" + mib + " must be between 1 and 8191 MiB");
        }
        return (int) floats;
    }
}
