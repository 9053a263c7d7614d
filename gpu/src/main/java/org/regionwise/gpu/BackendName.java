package org.regionwise.gpu;

import java.util.Locale;
import org.regionwise.autodiff.text.OneLine;

/**
 * A {@code --backend} value taken apart: the backend ({@code cpu}, {@code tornado}, {@code tornado-java}) and, for a
 * device backend, an optional device index after a colon ({@code tornado:1}: TornadoVM's device 1 on its default
 * backend, as {@code TornadoExecutionPlan.getDevice(0, 1)} numbers them). Checked where it enters; whether the index
 * exists is known only once TornadoVM runs ({@link GpuBackends#create}).
 *
 * @param backend the backend's name, lower case
 * @param device  the device index, or {@link #DEFAULT_DEVICE} for the backend's default device
 */
public record BackendName(String backend, int device) {
    /** No index given: the backend's default device. */
    public static final int DEFAULT_DEVICE = -1;
    /** Device indices beyond this are typing errors, not machines. */
    public static final int MAX_DEVICE = 1023;

    public BackendName {
        if (!GpuBackends.names().contains(backend)) {
            throw new IllegalArgumentException("unknown backend '" + OneLine.visible(backend) + "'; valid: " + String.join(", ", GpuBackends.names())
                    + " (a device backend may name a device: tornado:0, tornado:1, ...)");
        }
        if (device < DEFAULT_DEVICE || device > MAX_DEVICE) {
            throw new IllegalArgumentException("backend " + backend + ": device index " + device + " is not in 0.." + MAX_DEVICE);
        }
        if (device != DEFAULT_DEVICE && !GpuBackends.deviceNames().contains(backend)) {
            throw new IllegalArgumentException("backend " + backend + " takes no device index (only " + String.join(", ",
                    GpuBackends.deviceNames()) + " do), got " + backend + ":" + device);
        }
    }

    /**
     * Parses {@code cpu}, {@code tornado}, {@code tornado:2}, ... (case and surrounding blanks ignored; null is {@code cpu}).
     *
     * @throws IllegalArgumentException (one line) for an unknown backend or a device index that is not a whole number
     *                                  in 0..{@value #MAX_DEVICE}, or an index on a backend without devices
     */
    public static BackendName parse(String name) {
        if (name == null) return new BackendName(GpuBackends.CPU, DEFAULT_DEVICE);
        String key = name.trim().toLowerCase(Locale.ROOT);
        int colon = key.indexOf(':');
        if (colon < 0) {
            if (!GpuBackends.names().contains(key)) {
                throw new IllegalArgumentException("unknown backend '" + OneLine.visible(name.trim()) + "'; valid: " + String.join(", ", GpuBackends.names())
                        + " (a device backend may name a device: tornado:0, tornado:1, ...)");
            }
            return new BackendName(key, DEFAULT_DEVICE);
        }
        String backend = key.substring(0, colon), index = key.substring(colon + 1);
        if (!index.matches("\\d{1,4}") || Integer.parseInt(index) > MAX_DEVICE) {
            throw new IllegalArgumentException("backend '" + OneLine.visible(name.trim()) + "': the device index after ':' must be a whole number in 0.."
                    + MAX_DEVICE + " (e.g. " + GpuBackends.TORNADO + ":1), got '" + OneLine.visible(index) + "'");
        }
        return new BackendName(backend, Integer.parseInt(index));
    }

    /** This backend on device {@code index} ({@link #DEFAULT_DEVICE}: the default one). */
    public BackendName onDevice(int index) {
        return new BackendName(backend, index);
    }

    /** Whether a device index was given. */
    public boolean hasDevice() {
        return device != DEFAULT_DEVICE;
    }

    /** Whether this is a device (GPU) backend. */
    public boolean isDevice() {
        return GpuBackends.deviceNames().contains(backend);
    }

    /** The name as {@code --backend} takes it: {@code tornado}, {@code tornado:1}. */
    @Override
    public String toString() {
        return hasDevice() ? backend + ":" + device : backend;
    }
}
