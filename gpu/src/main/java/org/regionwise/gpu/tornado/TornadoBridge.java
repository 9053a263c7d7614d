package org.regionwise.gpu.tornado;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import org.regionwise.autodiff.text.OneLine;

/**
 * THE REFLECTION FENCE. The only class in the project that touches TornadoVM, and the only one allowed to
 * use reflection: TornadoVM is not a compile-time dependency (it is not served by the registries we build
 * from, and CI has no TornadoVM), so its API is reached through method handles looked up by name here.
 * Everything else in the module sees the small typed surface below ({@link Graph}, {@link Plan}).
 *
 * <p>What it wraps is TornadoVM's task-graph API as used by {@link TornadoDevice}: graphs with transfers,
 * one task each, buffers persisted on the device and consumed by later graphs, one execution plan holding
 * every graph, and a grid scheduler whose global size is set before each launch.
 *
 * <p>Detection: TornadoVM is usable when its runtime classes are loadable in this JVM, which is the case
 * when the JVM was started by the {@code tornado} launcher or with {@code @$TORNADOVM_HOME/tornado-argfile}.
 * TORNADOVM_HOME alone is not enough (TornadoVM needs JVMCI flags and its module path at JVM start), and the
 * error then says so.
 */
public final class TornadoBridge {
    /** The system property TornadoVM reads to learn which annotation marks parallel loops. */
    public static final String PARALLEL_ANNOTATION_PROPERTY = "tornado.load.annotation.parallel";
    public static final String PARALLEL_ANNOTATION = "org.regionwise.gpu.Parallel";

    private static final String API = "uk.ac.manchester.tornado.api.";
    private static final int FIRST_EXECUTION = 0; // DataTransferMode.FIRST_EXECUTION
    private static final int EVERY_EXECUTION = 1; // DataTransferMode.EVERY_EXECUTION

    private final Class<?> taskGraphClass;
    private final Class<?> task3Class;
    private final Class<?> immutableTaskGraphClass;
    private final Class<?> planClass;
    private final Class<?> gridSchedulerClass;
    private final Class<?> workerGridClass;
    private final Class<?> workerGrid1DClass;
    private final Class<?> deviceClass;

    private TornadoBridge() throws ReflectiveOperationException {
        ClassLoader loader = TornadoBridge.class.getClassLoader();
        taskGraphClass = Class.forName(API + "TaskGraph", true, loader);
        task3Class = Class.forName(API + "common.TornadoFunctions$Task3", true, loader);
        immutableTaskGraphClass = Class.forName(API + "ImmutableTaskGraph", true, loader);
        planClass = Class.forName(API + "TornadoExecutionPlan", true, loader);
        gridSchedulerClass = Class.forName(API + "GridScheduler", true, loader);
        workerGridClass = Class.forName(API + "WorkerGrid", true, loader);
        workerGrid1DClass = Class.forName(API + "WorkerGrid1D", true, loader);
        deviceClass = Class.forName(API + "common.TornadoDevice", true, loader);
    }

    /** Why TornadoVM cannot be used here, or null when it can. Loads no TornadoVM runtime. */
    public static String unavailableReason() {
        String home = System.getenv("TORNADOVM_HOME");
        boolean apiPresent;
        try {
            Class.forName(API + "TaskGraph", false, TornadoBridge.class.getClassLoader());
            apiPresent = true;
        } catch (ClassNotFoundException | LinkageError e) {
            apiPresent = false;
        }
        if (apiPresent && System.getProperty("tornado.load.api.implementation") != null) return null;
        String fix = "start the JVM with TornadoVM's flags: `tornado -cp <classpath> <main>` (TornadoVM's launcher) or "
                + "`java @$TORNADOVM_HOME/tornado-argfile -D" + PARALLEL_ANNOTATION_PROPERTY + "=" + PARALLEL_ANNOTATION
                + " -cp <classpath> <main>` on JDK 25";
        if (apiPresent) {
            return "TornadoVM's API is on the class path but its runtime was not configured "
                    + "(-Dtornado.load.api.implementation is unset): " + fix;
        }
        if (home != null && !home.isBlank()) {
            return "TORNADOVM_HOME=" + OneLine.visible(home) + " is set, but this JVM was not started with TornadoVM "
                    + "(its classes are not loadable; TornadoVM needs JVMCI and its module path at JVM start): " + fix;
        }
        return "TornadoVM not found: no TornadoVM runtime in this JVM and TORNADOVM_HOME is not set. Install a "
                + "TornadoVM 5.x SDK for JDK 25 (see gpu/README.md), then " + fix;
    }

    /**
     * The bridge, after pointing TornadoVM at our {@code @Parallel} (TornadoVM reads the property when its
     * annotation reader first loads, so setting it here, before any kernel is compiled, is enough when the
     * launcher set TornadoVM's own name).
     */
    public static TornadoBridge load() {
        String reason = unavailableReason();
        if (reason != null) throw new TornadoUnavailableException(reason);
        if (!PARALLEL_ANNOTATION.equals(System.getProperty(PARALLEL_ANNOTATION_PROPERTY))) {
            System.setProperty(PARALLEL_ANNOTATION_PROPERTY, PARALLEL_ANNOTATION);
        }
        try {
            return new TornadoBridge();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new TornadoUnavailableException("TornadoVM's classes are present but not usable: " + e, e);
        }
    }

    /** How many devices TornadoVM's default backend (index 0: OpenCL, PTX or SPIR-V, as installed) offers. */
    public int deviceCount() {
        try {
            Class<?> provider = Class.forName(API + "runtime.TornadoRuntimeProvider", true, TornadoBridge.class.getClassLoader());
            Object runtime = provider.getMethod("getTornadoRuntime").invoke(null);
            Object backend = call(runtime, "getBackend", new Class<?>[] {int.class}, 0);
            return (Integer) call(backend, "getNumDevices", new Class<?>[0]);
        } catch (InvocationTargetException e) {
            throw rethrow("getTornadoRuntime", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("TornadoVM API mismatch (tested with 5.2.0): " + e, e);
        }
    }

    /** Fails with a one-line {@link TornadoUnavailableException} unless the default backend has device {@code index}. */
    void checkDevice(int index) {
        int count = deviceCount();
        if (index >= count) {
            throw new TornadoUnavailableException("TornadoVM has " + count + " device(s) on its default backend, so indices 0.."
                    + (count - 1) + "; there is no device " + index + " (`tornado --devices` lists them)");
        }
    }

    /** A TornadoVM TaskGraph under construction. */
    public final class Graph {
        private final Object taskGraph;
        private final String name;

        private Graph(String name) {
            this.name = name;
            this.taskGraph = construct(taskGraphClass, new Class<?>[] {String.class}, name);
        }

        public String name() {
            return name;
        }

        /** Copies {@code objects} to the device on every execution, or on the first one only. */
        public Graph transferToDevice(boolean everyExecution, Object... objects) {
            call(taskGraph, "transferToDevice", new Class<?>[] {int.class, Object[].class},
                    everyExecution ? EVERY_EXECUTION : FIRST_EXECUTION, objects);
            return this;
        }

        /** Copies {@code objects} back to the host after every execution. */
        public Graph transferToHost(Object... objects) {
            call(taskGraph, "transferToHost", new Class<?>[] {int.class, Object[].class}, EVERY_EXECUTION, objects);
            return this;
        }

        /** Keeps {@code objects} in device memory after execution, for graphs that consume them. */
        public Graph persistOnDevice(Object... objects) {
            call(taskGraph, "persistOnDevice", new Class<?>[] {Object[].class}, (Object) objects);
            return this;
        }

        /** Uses the device copies that graph {@code producer} persisted, with no transfer. */
        public Graph consumeFromDevice(String producer, Object... objects) {
            call(taskGraph, "consumeFromDevice", new Class<?>[] {String.class, Object[].class}, producer, objects);
            return this;
        }

        /** Adds task {@code id}: static method {@code owner.method(a, b, c)}. */
        public Graph task(String id, Class<?> owner, String method, Object a, Object b, Object c) {
            Object code = task3(owner, method, a.getClass(), b.getClass(), c.getClass());
            call(taskGraph, "task", new Class<?>[] {String.class, task3Class, Object.class, Object.class, Object.class},
                    id, code, a, b, c);
            return this;
        }
    }

    public Graph graph(String name) {
        return new Graph(name);
    }

    /** An execution plan over several graphs, each run on its own with a 1D grid of a chosen size. */
    public final class Plan implements AutoCloseable {
        private final Object plan;
        private final Object[] workers;

        private Plan(List<Graph> graphs, List<String> taskIds) {
            Object immutables = java.lang.reflect.Array.newInstance(immutableTaskGraphClass, graphs.size());
            for (int i = 0; i < graphs.size(); i++) {
                java.lang.reflect.Array.set(immutables, i, call(graphs.get(i).taskGraph, "snapshot", new Class<?>[0]));
            }
            Object plan = construct(planClass, new Class<?>[] {immutables.getClass()}, immutables);
            Object scheduler = construct(gridSchedulerClass, new Class<?>[0]);
            workers = new Object[graphs.size()];
            for (int i = 0; i < graphs.size(); i++) {
                workers[i] = construct(workerGrid1DClass, new Class<?>[] {int.class}, 1);
                call(scheduler, "addWorkerGrid", new Class<?>[] {String.class, workerGridClass},
                        graphs.get(i).name() + "." + taskIds.get(i), workers[i]);
            }
            call(plan, "withGridScheduler", new Class<?>[] {gridSchedulerClass}, scheduler);
            this.plan = plan;
        }

        /** Runs graph {@code index} with {@code globalSize} threads (the driver picks the work-group size). */
        public void execute(int index, long globalSize) {
            Object worker = workers[index];
            call(worker, "setGlobalWork", new Class<?>[] {long.class, long.class, long.class}, globalSize, 1L, 1L);
            call(worker, "setLocalWorkToNull", new Class<?>[0]);
            Object selected = call(plan, "withGraph", new Class<?>[] {int.class}, index);
            call(selected, "execute", new Class<?>[0]);
        }

        /** Runs every graph of this plan on device {@code index} of the default backend ({@code TornadoExecutionPlan.withDevice}). */
        public void useDevice(int index) {
            Object device;
            try {
                device = planClass.getMethod("getDevice", int.class, int.class).invoke(null, 0, index);
            } catch (InvocationTargetException e) {
                throw rethrow("getDevice", e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("TornadoVM API mismatch (tested with 5.2.0): " + e, e);
            }
            call(plan, "withDevice", new Class<?>[] {deviceClass}, device);
        }

        /** The device the plan runs on, as TornadoVM describes it. */
        public String deviceDescription() {
            Object device = call(plan, "getDevice", new Class<?>[] {int.class}, 0);
            return call(device, "getDescription", new Class<?>[0]) + " [" + call(device, "getDeviceName", new Class<?>[0]) + "]";
        }

        @Override
        public void close() {
            call(plan, "close", new Class<?>[0]);
        }
    }

    /** A plan over {@code graphs}; graph i's only task is named {@code taskIds.get(i)}. */
    public Plan plan(List<Graph> graphs, List<String> taskIds) {
        return new Plan(graphs, taskIds);
    }

    /**
     * An instance of TornadoVM's Task3 interface whose {@code apply} calls {@code owner.method} with an
     * invokestatic: TornadoVM finds the method to compile by reading that bytecode, just as for a Java method
     * reference. LambdaMetafactory builds it, because we cannot write the method reference at compile time.
     */
    private Object task3(Class<?> owner, String method, Class<?> a, Class<?> b, Class<?> c) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle target = lookup.findStatic(owner, method, MethodType.methodType(void.class, a, b, c));
            CallSite site = LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(task3Class),
                    MethodType.methodType(void.class, Object.class, Object.class, Object.class), target, target.type());
            return site.getTarget().invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot build a TornadoVM task for " + owner.getName() + "." + method + ": " + e, e);
        }
    }

    private static Object construct(Class<?> type, Class<?>[] parameterTypes, Object... args) {
        try {
            return type.getConstructor(parameterTypes).newInstance(args);
        } catch (InvocationTargetException e) {
            throw rethrow(type.getSimpleName() + " constructor", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("TornadoVM API mismatch (tested with 5.2.0): " + e, e);
        }
    }

    private static Object call(Object target, String name, Class<?>[] parameterTypes, Object... args) {
        Method method;
        try {
            method = publicMethod(target.getClass(), name, parameterTypes);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("TornadoVM API mismatch (tested with 5.2.0): no " + target.getClass().getName()
                    + "." + name, e);
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw rethrow(name, e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("TornadoVM API not accessible: " + name + ": " + e, e);
        }
    }

    /**
     * The method as declared by a public class or interface: TornadoVM returns instances of non-exported
     * implementation classes (e.g. the plan's WithGraph), whose own methods reflection may not call.
     */
    private static Method publicMethod(Class<?> type, String name, Class<?>[] parameterTypes) throws NoSuchMethodException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (java.lang.reflect.Modifier.isPublic(c.getModifiers()) && c.getModule().isExported(c.getPackageName())) {
                try {
                    return c.getMethod(name, parameterTypes);
                } catch (NoSuchMethodException e) {
                    // keep looking in superclasses and interfaces
                }
            }
            for (Class<?> i : c.getInterfaces()) {
                if (i.getModule().isExported(i.getPackageName())) {
                    try {
                        return i.getMethod(name, parameterTypes);
                    } catch (NoSuchMethodException e) {
                        // next
                    }
                }
            }
        }
        return type.getMethod(name, parameterTypes);
    }

    private static RuntimeException rethrow(String what, Throwable cause) {
        if (cause instanceof RuntimeException r) return r;
        if (cause instanceof Error e) throw e;
        return new IllegalStateException("TornadoVM " + what + " failed: " + cause, cause);
    }
}
