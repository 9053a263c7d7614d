package org.regionwise.autodiff.backend;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fused kernels a kernel set accelerates, keyed by the op-owned kernel interface they implement
 * (PyTorch's dispatcher, small). A fused op (the RW loss, the fused cross entropy, instance norm) declares
 * its kernel interface and host body in its own module; a backend that has a faster body registers it here;
 * {@link Kernels#fused} looks it up and falls back to the op's host body when there is none.
 */
public final class FusedKernels {
    private final Map<Class<?>, Object> byType = new ConcurrentHashMap<>();

    /** Registers {@code kernel} as this kernel set's implementation of {@code type}; returns this. */
    public <K> FusedKernels register(Class<K> type, K kernel) {
        if (!type.isInterface()) throw new IllegalArgumentException(type.getName() + " is not a kernel interface");
        byType.put(type, type.cast(kernel));
        return this;
    }

    /** The registered implementation of {@code type}, or {@code host} when there is none. */
    public <K> K getOrDefault(Class<K> type, K host) {
        Object kernel = byType.get(type);
        return kernel == null ? host : type.cast(kernel);
    }

    /** Whether an implementation of {@code type} is registered. */
    public boolean has(Class<?> type) {
        return byType.containsKey(type);
    }
}
