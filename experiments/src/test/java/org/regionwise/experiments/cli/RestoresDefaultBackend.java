package org.regionwise.experiments.cli;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Backends;

/**
 * Puts back the process-wide default backend after each test: the train, evaluate and predict commands install
 * the CPU fast kernels as the default, and other tests must find it as they left it.
 * Use with {@code @ExtendWith(RestoresDefaultBackend.class)}.
 */
final class RestoresDefaultBackend implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RestoresDefaultBackend.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(Backend.class, Backends.getDefault());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Backends.setDefault(context.getStore(NAMESPACE).get(Backend.class, Backend.class));
    }
}
