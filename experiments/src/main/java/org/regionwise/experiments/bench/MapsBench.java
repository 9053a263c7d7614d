package org.regionwise.experiments.bench;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.regionwise.maps.DistanceTransform;
import org.regionwise.maps.Grid;
import org.regionwise.maps.bench.MapsBenchmark;
import org.regionwise.maps.bench.Phantoms;

/**
 * {@code regionwise bench maps}: the maps module's {@link MapsBenchmark} (EDT of an ellipsoid mask, 4-class
 * RRW map of a Colin27-sized volume), then scipy's EDT on the same mask in the same run when Python with
 * scipy is there, the ratio of the medians, and a check that both transformed the same mask to the same
 * distances (voxels inside, sum of distances).
 */
public final class MapsBench {
    /** The fraction of {@link Phantoms#ellipsoid} that {@link MapsBenchmark} uses. */
    public static final double ELLIPSOID_FRACTION = 0.8;

    /**
     * What to run.
     *
     * @param edtDims NumPy shape of the EDT mask
     * @param rrwDims NumPy shape of the RRW volume
     * @param python  interpreter for scipy, or null to skip it
     */
    public record Options(int threads, int[] edtDims, int[] rrwDims, int warmups, int runs, String python,
                          boolean quick) {

        public Options {
            if (threads < 1 || warmups < 0 || runs < 1) {
                throw new IllegalArgumentException("need --threads >= 1, --warmup >= 0, --steps >= 1; got " + threads
                        + ", " + warmups + ", " + runs);
            }
        }

        public static Options standard(int threads, Integer warmups, Integer runs, String python) {
            return new Options(threads, MapsBenchmark.EDT_DIMS, MapsBenchmark.RRW_DIMS,
                    warmups != null ? warmups : MapsBenchmark.WARMUPS, runs != null ? runs : MapsBenchmark.RUNS, python,
                    false);
        }

        public static Options quick(int threads, Integer warmups, Integer runs, String python) {
            return new Options(threads, new int[] {32, 32, 16}, new int[] {24, 28, 24}, warmups != null ? warmups : 1,
                    runs != null ? runs : 3, python, true);
        }
    }

    private MapsBench() {}

    public static Map<String, Object> run(Options o, PrintWriter progress) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("benchmark", "maps");
        r.put("quick", o.quick());
        r.put("threads", o.threads());
        r.put("warmups", o.warmups());
        r.put("runs", o.runs());
        r.put("load_before", MachineInfo.load());
        UNetBench.say(progress, "maps: EDT %s and %d-class RRW %s, %d warm-up + %d runs each, %d thread(s)...",
                shape(o.edtDims()), MapsBenchmark.RRW_CLASSES, shape(o.rrwDims()), o.warmups(), o.runs(), o.threads());
        MapsBenchmark.Result maps = MapsBenchmark.run(o.threads(), o.edtDims(), o.rrwDims(), o.warmups(), o.runs());
        r.put("edt_shape", maps.edtShape());
        r.put("edt_ms", maps.edt().medianWallMs());
        r.put("edt_cpu_ms", maps.edt().medianCpuMs());
        r.put("edt_ms_runs", maps.edt().wallMs());
        r.put("rrw_shape", maps.rrwShape());
        r.put("rrw_classes", maps.rrwClasses());
        r.put("rrw_ms", maps.rrw().medianWallMs());
        r.put("rrw_cpu_ms", maps.rrw().medianCpuMs());
        r.put("rrw_ms_runs", maps.rrw().wallMs());
        r.put("maps_load", MachineInfo.load());

        Double scipyMs = null;
        String reason = null;
        if (o.python() == null) {
            reason = "scipy: skipped (--no-scipy)";
        } else {
            UNetBench.say(progress, "maps: scipy.ndimage.distance_transform_edt on the same mask (%s)...", o.python());
            ScipyEdt.Outcome scipy = ScipyEdt.run(o.python(), o.edtDims(), ELLIPSOID_FRACTION, o.warmups(), o.runs());
            if (scipy.json() == null) {
                reason = scipy.reason();
            } else {
                Map<String, Object> s = scipy.json();
                scipyMs = (Double) s.get("median_ms");
                r.put("scipy_version", s.get("scipy"));
                r.put("scipy_python", o.python() + " " + s.get("python") + ", numpy " + s.get("numpy"));
                r.put("scipy_threads", 1);
                r.put("scipy_edt_ms_runs", s.get("runs_ms"));
                r.put("scipy_edt_cpu_ms", s.get("median_cpu_ms"));
                r.put("same_result", sameResult(o, s, r));
            }
        }
        r.put("scipy_edt_ms", scipyMs);
        if (scipyMs == null) r.put("scipy_edt_ms_reason", reason);
        Double ratio = scipyMs == null ? null : maps.edt().medianWallMs() / scipyMs;
        r.put("edt_ratio", ratio);
        if (ratio == null) r.put("edt_ratio_reason", "no scipy figure: " + reason);
        // Load-robust companion: CPU time of our EDT (all threads) against scipy's (one thread).
        if (r.get("scipy_edt_cpu_ms") instanceof Double scipyCpu && scipyCpu > 0) {
            r.put("edt_cpu_ratio", maps.edt().medianCpuMs() / scipyCpu);
        }
        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put("edt_at_most_0_1_of_scipy", ratio == null ? null : ratio <= 0.1);
        r.put("targets", targets);
        r.put("load_after", MachineInfo.load());
        r.put("machine", MachineInfo.describe());
        return r;
    }

    /** Whether our EDT of our mask matches scipy's of its mask: same voxel count inside, sums within 1e-5. */
    private static boolean sameResult(Options o, Map<String, Object> scipy, Map<String, Object> r) {
        boolean[] mask = Phantoms.ellipsoid(o.edtDims(), ELLIPSOID_FRACTION);
        float[] d = DistanceTransform.edt(mask, Grid.of(o.edtDims()), o.threads());
        long inside = 0;
        double sum = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) inside++;
            sum += d[i];
        }
        double scipySum = ((Number) scipy.get("sum")).doubleValue();
        long scipyInside = ((Number) scipy.get("inside")).longValue();
        r.put("edt_checksum", checksum(inside, sum));
        r.put("scipy_checksum", checksum(scipyInside, scipySum));
        return inside == scipyInside && Math.abs(sum - scipySum) <= 1e-5 * Math.max(1, Math.abs(scipySum));
    }

    private static Map<String, Object> checksum(long inside, double sum) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inside", inside);
        m.put("sum", sum);
        return m;
    }

    private static String shape(int[] dims) {
        return Arrays.stream(dims).mapToObj(String::valueOf).collect(Collectors.joining("x"));
    }
}
