package org.regionwise.autodiff;

/**
 * Anomaly detection for backward passes (PyTorch's {@code detect_anomaly}): while enabled, every op
 * remembers where it was created, and backward checks each op's input gradients as soon as it has written
 * them; the first op that turns finite gradients into NaN or Inf raises {@link AnomalyException} naming
 * the op, the input, the shape and the creation site. Slow: use it to debug, not to train.
 */
public final class Anomaly {
    private static final ThreadLocal<Boolean> ENABLED = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private Anomaly() {}

    public static boolean isEnabled() {
        return ENABLED.get();
    }

    /** Enables detection for ops created and backward passes run until the scope closes. */
    public static GradMode.Scope detect() {
        boolean previous = ENABLED.get();
        ENABLED.set(true);
        return () -> ENABLED.set(previous);
    }

    static boolean hasNonFinite(float[] values) {
        if (values == null) return false;
        for (float v : values) {
            if (!Float.isFinite(v)) return true;
        }
        return false;
    }

    static int firstNonFinite(float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) return i;
        }
        return -1;
    }
}
