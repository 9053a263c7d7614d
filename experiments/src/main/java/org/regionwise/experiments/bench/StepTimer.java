package org.regionwise.experiments.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times several {@link TrainingStep}s interleaved (A, B, A, B, ...), so that a change of load on a shared
 * machine hits every contestant alike: warm-up steps first, then timed ones; the median is the figure.
 *
 * <p>For contestants that ask for it, bytes allocated on the Java heap during each timed step are summed
 * over every live thread with {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes} (the
 * kernels' worker threads included; a thread that ends inside a step would take its count with it, and the
 * kernels' pool threads do not end). Collector time during the step comes from the GC MXBeans, and the
 * process CPU time during the step (every thread of the process, native ones included, so the peer's
 * OpenMP threads too) from {@code com.sun.management.OperatingSystemMXBean}: on a machine shared with other
 * jobs, CPU time per step is the load-robust measure of the work, wall time what a user waits.
 */
public final class StepTimer {

    /** One contestant and what was measured of it. */
    public static final class Entry {
        final String name;
        final TrainingStep step;
        final boolean countAllocation;
        final List<Double> ms = new ArrayList<>();
        final List<Double> allocatedBytes = new ArrayList<>();
        final List<Double> gcMs = new ArrayList<>();
        final List<Double> cpuMs = new ArrayList<>();
        Float firstLoss;
        Float lastLoss;
        Double lastMs;
        String failure;

        Entry(String name, TrainingStep step, boolean countAllocation) {
            this.name = name;
            this.step = step;
            this.countAllocation = countAllocation;
        }

        public String name() {
            return name;
        }

        /** Wall-clock milliseconds of each timed step. */
        public List<Double> stepMs() {
            return List.copyOf(ms);
        }

        /** The latest step's milliseconds, warm-up included (for progress lines). */
        public Double lastMs() {
            return lastMs;
        }

        public Double medianMs() {
            return failure != null || ms.isEmpty() ? null : median(ms);
        }

        /** Median bytes allocated per timed step, or null when not counted or not supported. */
        public Double medianAllocatedBytes() {
            return failure != null || allocatedBytes.isEmpty() ? null : median(allocatedBytes);
        }

        /** Median process CPU milliseconds per timed step, or null when the JVM cannot tell. */
        public Double medianCpuMs() {
            return failure != null || cpuMs.isEmpty() ? null : median(cpuMs);
        }

        /** The fastest timed step: the one least disturbed by other jobs. */
        public Double minMs() {
            return failure != null || ms.isEmpty() ? null : ms.stream().mapToDouble(Double::doubleValue).min().getAsDouble();
        }

        public Double medianGcMs() {
            return failure != null || gcMs.isEmpty() ? null : median(gcMs);
        }

        public Float firstLoss() {
            return firstLoss;
        }

        public Float lastLoss() {
            return lastLoss;
        }

        /** Why the contestant stopped, or null when every step ran. */
        public String failure() {
            return failure;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final com.sun.management.ThreadMXBean threads = threadBean();
    private final com.sun.management.OperatingSystemMXBean os =
            ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean b ? b : null;

    public Entry add(String name, TrainingStep step, boolean countAllocation) {
        Entry e = new Entry(name, step, countAllocation);
        entries.add(e);
        return e;
    }

    /** Whether per-thread allocation counting works in this JVM. */
    public boolean allocationSupported() {
        return threads != null;
    }

    /**
     * Runs {@code warmup} untimed then {@code steps} timed rounds; in each round every contestant still
     * running does one step. A contestant whose step throws is dropped with its failure recorded.
     */
    public void run(int warmup, int steps, Runnable afterRound) {
        for (int round = 0; round < warmup + steps; round++) {
            boolean timed = round >= warmup;
            for (Entry e : entries) {
                if (e.failure != null) continue;
                long allocBefore = timed && e.countAllocation && threads != null ? allocated() : 0;
                long gcBefore = timed ? gcMillis() : 0;
                long cpuBefore = timed && os != null ? os.getProcessCpuTime() : -1;
                long t0 = System.nanoTime();
                float loss;
                try {
                    loss = e.step.run();
                } catch (RuntimeException | Error failure) {
                    e.failure = failure.getClass().getSimpleName() + ": " + failure.getMessage();
                    continue;
                }
                long t1 = System.nanoTime();
                e.lastMs = (t1 - t0) / 1e6;
                if (timed) {
                    e.ms.add((t1 - t0) / 1e6);
                    e.gcMs.add((double) (gcMillis() - gcBefore));
                    long cpuAfter = os != null ? os.getProcessCpuTime() : -1;
                    if (cpuBefore >= 0 && cpuAfter >= 0) e.cpuMs.add((cpuAfter - cpuBefore) / 1e6);
                    if (e.countAllocation && threads != null) e.allocatedBytes.add((double) (allocated() - allocBefore));
                }
                if (e.firstLoss == null) e.firstLoss = loss;
                e.lastLoss = loss;
            }
            if (afterRound != null) afterRound.run();
        }
    }

    private long allocated() {
        long sum = 0;
        for (long b : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) if (b > 0) sum += b;
        return sum;
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            long t = gc.getCollectionTime();
            if (t > 0) sum += t;
        }
        return sum;
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported()) {
            if (!bean.isThreadAllocatedMemoryEnabled()) bean.setThreadAllocatedMemoryEnabled(true);
            return bean;
        }
        return null;
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }
}
