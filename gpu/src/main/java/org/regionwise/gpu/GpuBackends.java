package org.regionwise.gpu;

import java.util.List;
import java.util.Locale;
import org.regionwise.gpu.device.JavaDevice;
import org.regionwise.gpu.tornado.TornadoBridge;
import org.regionwise.gpu.tornado.TornadoDevice;
import org.regionwise.gpu.tornado.TornadoUnavailableException;

/**
 * The entry point the CLI calls for {@code --backend NAME} when NAME is not its own "cpu":
 * <ul>
 *   <li>{@code tornado}: the GPU backend on TornadoVM's default device; fails with
 *       {@link TornadoUnavailableException} naming what is missing when TornadoVM is not usable;</li>
 *   <li>{@code tornado-java}: the same backend and kernels run as plain Java (no TornadoVM): slow, for
 *       debugging the device path and for tests.</li>
 * </ul>
 * The device heap size is {@code -Dregionwise.gpu.heapMiB} (default 1024 MiB; it is also held on the Java
 * heap as the host image TornadoVM maps to the device buffer, so -Xmx must leave room for it).
 */
public final class GpuBackends {
    public static final String TORNADO = "tornado";
    public static final String TORNADO_JAVA = "tornado-java";
    public static final String HEAP_PROPERTY = "regionwise.gpu.heapMiB";
    private static final int DEFAULT_HEAP_MIB = 1024;

    private GpuBackends() {}

    public static List<String> names() {
        return List.of(TORNADO, TORNADO_JAVA);
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
                throw new IllegalArgumentException("unknown GPU backend '" + name + "': expected one of " + names()
                        + " (\"cpu\" is the CLI's own default)");
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
