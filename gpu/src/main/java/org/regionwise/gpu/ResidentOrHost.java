package org.regionwise.gpu;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.regionwise.autodiff.backend.Storage;

/**
 * The one place the GPU backend falls back to host bodies, for its {@link GpuKernels} (the SPI's shared
 * primitives) and for the fused ops' kernels it registers: every call runs on the device when each
 * {@link Storage} argument (nulls are absent arguments) lives on this backend's heap, and on the host body
 * otherwise (a CPU tensor mixed in, another device's): slower, never wrong. So device implementations are
 * written for resident storages only, with no per-method check. The cost is one reflective call per kernel
 * call, small next to a device launch.
 */
final class ResidentOrHost implements InvocationHandler {
    private final GpuBackend backend;
    private final Object device;
    private final Object host;

    private ResidentOrHost(GpuBackend backend, Object device, Object host) {
        this.backend = backend;
        this.device = device;
        this.host = host;
    }

    /** {@code device} where every storage is resident, {@code host} elsewhere, as one {@code type}. */
    static <K> K wrap(Class<K> type, GpuBackend backend, K device, K host) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                new ResidentOrHost(backend, device, host)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) return method.invoke(this, args);
        Object target = backend.owns(args) ? device : host;
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public String toString() {
        return "ResidentOrHost(" + device + ", " + host + ")";
    }
}
