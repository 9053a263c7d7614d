package org.regionwise.experiments.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.regionwise.autodiff.backend.ConvGeometry;

/**
 * The benchmark's per-shape table: each distinct convolution pass of the timed training steps (shape, pass,
 * calls and milliseconds per step, GFLOP/s, share of the FMA peak, the algorithm the kernel set chose),
 * slowest first, so the shape that holds the step back is visible. A transposed convolution runs as the
 * backward-data pass of the convolution it transposes and is listed as that.
 */
final class ConvShapeTable {
    private ConvShapeTable() {}

    /**
     * The rows, most milliseconds per step first.
     *
     * @param steps the number of timed steps the totals cover (figures are per step)
     * @param peak  the FMA peak in GFLOP/s, or null (then share_of_peak is null)
     */
    static List<Map<String, Object>> rows(List<TimedKernels.ConvShapeTime> shapes, int steps, Double peak) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TimedKernels.ConvShapeTime s : shapes) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("shape", describe(s.geometry()));
            row.put("pass", s.pass().label());
            row.put("calls_per_step", (double) s.calls() / steps);
            row.put("ms_per_step", s.millis() / steps);
            row.put("gflops", s.gflops());
            row.put("share_of_peak", peak == null ? null : s.gflops() / peak);
            if (peak == null) row.put("share_of_peak_reason", "no CPU FMA peak for this backend");
            row.put("algorithm", s.algorithm());
            rows.add(row);
        }
        rows.sort(Comparator.comparingDouble((Map<String, Object> r) -> (Double) r.get("ms_per_step")).reversed());
        return rows;
    }

    /** The row with the lowest GFLOP/s, or null when there is none. */
    static Map<String, Object> weakest(List<Map<String, Object>> rows) {
        return rows.stream().min(Comparator.comparingDouble(r -> (Double) r.get("gflops"))).orElse(null);
    }

    /** e.g. "64->64 3x3 stride 1 pad 1, batch 8 of 128x128". */
    static String describe(ConvGeometry g) {
        return String.format(Locale.ROOT, "%d->%d %dx%d stride %d pad %d, batch %d of %dx%d", g.c(), g.k(), g.r(),
                g.s(), g.strideH(), g.padH(), g.n(), g.h(), g.w());
    }
}
