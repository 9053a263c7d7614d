package org.regionwise.studies.spark;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.regionwise.experiments.study.TrialEnvironment;

/**
 * The trial environment of this executor JVM, made once and shared by its tasks (so a data set is loaded once per
 * executor, not per trial). The default loads data sets by the name in the spec and offers no epoch observers; a
 * study that needs observers (or data that no worker can load by name, as the tests' synthetic set) names a public
 * {@code Supplier<TrialEnvironment>} class with a public no-argument constructor, present on every executor.
 */
final class ExecutorEnvironments {
    private static final Map<String, TrialEnvironment> MADE = new ConcurrentHashMap<>();

    private ExecutorEnvironments() {}

    /** The environment of {@code supplierClass} ("" for the default). */
    static TrialEnvironment get(String supplierClass) {
        return MADE.computeIfAbsent(supplierClass, ExecutorEnvironments::make);
    }

    private static TrialEnvironment make(String supplierClass) {
        if (supplierClass.isEmpty()) return TrialEnvironment.plain();
        try {
            Object made = Class.forName(supplierClass).getConstructor().newInstance();
            if (!(made instanceof Supplier<?> s) || !(s.get() instanceof TrialEnvironment env)) {
                throw new IllegalArgumentException(supplierClass + " is not a Supplier<TrialEnvironment>");
            }
            return env;
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                 | InvocationTargetException e) {
            throw new IllegalArgumentException("cannot make the trial environment " + supplierClass + " on this executor: " + e, e);
        }
    }
}
