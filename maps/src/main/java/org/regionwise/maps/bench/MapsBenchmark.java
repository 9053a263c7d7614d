package org.regionwise.maps.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.regionwise.maps.DistanceTransform;
import org.regionwise.maps.Grid;
import org.regionwise.maps.MapKind;
import org.regionwise.maps.MapOptions;
import org.regionwise.maps.RegionMaps;

/**
 * Times the two workloads a training run leans on, as wall-clock medians after warm-up:
 * <ol>
 *   <li>the EDT of a {@code 256 x 256 x 128} ellipsoid mask ({@link Phantoms#ellipsoid}, fraction 0.8,
 *       unit spacing);</li>
 *   <li>the 4-class RRW map of a {@code 181 x 217 x 181} volume (the Colin27 grid) of nested
 *       ellipsoids ({@link Phantoms#nestedEllipsoids}), unit spacing.</li>
 * </ol>
 * Shapes are NumPy shapes (slowest axis first), so scipy's {@code distance_transform_edt} can be
 * timed on the very same arrays. Usage: {@code MapsBenchmark [threads]} (default 2); prints one line
 * per workload, then the result as JSON. The process CPU time comes from
 * {@code com.sun.management.OperatingSystemMXBean} (module {@code jdk.management}, part of every
 * OpenJDK build).
 */
public final class MapsBenchmark {

    /** NumPy shape of the EDT workload. */
    public static final int[] EDT_DIMS = {256, 256, 128};
    /** NumPy shape of the RRW workload. */
    public static final int[] RRW_DIMS = {181, 217, 181};
    public static final int RRW_CLASSES = 4;
    public static final int WARMUPS = 2;
    public static final int RUNS = 5;

    /**
     * One benchmark run. Wall-clock times are what a user waits; process CPU times (all threads,
     * GC included) are what the work costs, and stay meaningful on a machine shared with other jobs.
     *
     * @param edt EDT timings
     * @param rrw RRW map timings
     */
    public record Result(int threads, int warmups, String edtShape, Timing edt, String rrwShape, int rrwClasses,
                         Timing rrw) {

        /** One line per workload, for people. */
        public List<String> lines() {
            return List.of(
                    String.format(Locale.ROOT, "maps edt  %s ellipsoid, %d thread(s): %s", edtShape, threads, edt),
                    String.format(Locale.ROOT, "maps rrw  %s, %d classes, %d thread(s): %s", rrwShape, rrwClasses,
                            threads, rrw));
        }

        /** The result as one JSON object. */
        public String toJson() {
            return String.format(Locale.ROOT,
                    "{\"benchmark\":\"maps\",\"threads\":%d,\"warmups\":%d,"
                            + "\"edt\":{\"shape\":\"%s\",%s},\"rrw\":{\"shape\":\"%s\",\"classes\":%d,%s}}",
                    threads, warmups, edtShape, edt.jsonFields(), rrwShape, rrwClasses, rrw.jsonFields());
        }
    }

    /**
     * The timed runs of one workload, in order, with their medians.
     *
     * @param wallMs wall-clock milliseconds of each run
     * @param cpuMs  process CPU milliseconds of each run (all threads)
     */
    public record Timing(List<Double> wallMs, List<Double> cpuMs) {

        public double medianWallMs() {
            return median(wallMs);
        }

        public double medianCpuMs() {
            return median(cpuMs);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "median %.1f ms wall, %.1f ms CPU, of %d runs", medianWallMs(),
                    medianCpuMs(), wallMs.size());
        }

        String jsonFields() {
            return String.format(Locale.ROOT, "\"median_ms\":%.3f,\"median_cpu_ms\":%.3f,\"runs_ms\":%s,\"runs_cpu_ms\":%s",
                    medianWallMs(), medianCpuMs(), json(wallMs), json(cpuMs));
        }

        private static String json(List<Double> values) {
            return values.stream().map(v -> String.format(Locale.ROOT, "%.3f", v))
                    .collect(Collectors.joining(",", "[", "]"));
        }
    }

    private MapsBenchmark() {
    }

    /** The standard benchmark: the shapes above, {@value #WARMUPS} warm-ups, median of {@value #RUNS}. */
    public static Result run(int threads) {
        return run(threads, EDT_DIMS, RRW_DIMS, WARMUPS, RUNS);
    }

    /** The benchmark on other shapes and run counts (small ones make a smoke test). */
    public static Result run(int threads, int[] edtDims, int[] rrwDims, int warmups, int runs) {
        if (threads < 1 || warmups < 0 || runs < 1) {
            throw new IllegalArgumentException("need threads >= 1, warmups >= 0, runs >= 1; got " + threads + ", "
                    + warmups + ", " + runs);
        }
        Grid edtGrid = Grid.of(edtDims);
        boolean[] mask = Phantoms.ellipsoid(edtDims, 0.8);
        Timing edt = time(warmups, runs, () -> DistanceTransform.edt(mask, edtGrid, threads));

        Grid rrwGrid = Grid.of(rrwDims);
        int[] labels = Phantoms.nestedEllipsoids(rrwDims, RRW_CLASSES);
        MapOptions options = MapOptions.defaults().withThreads(threads);
        Timing rrw = time(warmups, runs, () -> RegionMaps.compute(MapKind.RRW, labels, rrwGrid, RRW_CLASSES, options));

        return new Result(threads, warmups, shape(edtDims), edt, shape(rrwDims), RRW_CLASSES, rrw);
    }

    /** Wall and process CPU milliseconds of each timed run; results are kept alive so the work cannot be dropped. */
    private static Timing time(int warmups, int runs, Supplier<float[]> work) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        float sink = 0;
        for (int i = 0; i < warmups; i++) {
            sink += work.get()[0];
        }
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            float[] out = work.get();
            wall.add((System.nanoTime() - start) / 1e6);
            cpu.add((os.getProcessCpuTime() - cpuStart) / 1e6);
            sink += out[out.length / 2];
        }
        if (sink == Float.MIN_VALUE) {
            System.out.print("");
        }
        return new Timing(List.copyOf(wall), List.copyOf(cpu));
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static String shape(int[] dims) {
        return Arrays.stream(dims).mapToObj(String::valueOf).collect(Collectors.joining("x"));
    }

    /** {@code MapsBenchmark [threads]}: prints one line per workload, then the JSON result. */
    public static void main(String[] args) {
        int threads = 2;
        if (args.length > 0) {
            try {
                threads = Integer.parseInt(args[0].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("usage: MapsBenchmark [threads], got '" + args[0] + "'", e);
            }
        }
        Result result = run(threads);
        result.lines().forEach(System.out::println);
        System.out.println(result.toJson());
    }
}
