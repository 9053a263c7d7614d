package org.regionwise.experiments.paper;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fig. 4 of the paper (SPEC.md section 7): over the open 3-class simplex of softmax vectors, the gradient
 * with respect to the true class's logit of the RW loss (with an RRW map vector) and of cross entropy
 * (SPEC.md section 1; {@link TrueLogitGradient}), and the "saddle point" the paper describes, where the RW
 * gradient stops growing more negative and "starts increasing".
 *
 * <p>Setup: the true class is the third (the paper's class 3, index 2), the RW map vector is RRW's,
 * {@code z = (1, 1, v)} with the true-class value {@code v} in {@code [-1, 0)} ({@value #RRW_VALUE}: the
 * innermost pixel of a region); the grid is {@link SimplexSweep}'s, step {@value #STEP} by default.
 *
 * <p>The saddle point is located numerically, not assumed: the grid's {@code s_t} level whose RW gradient
 * is most negative, refined by the vertex of the parabola through it and its two neighbouring levels; the
 * spread of the gradient along that level (0: the gradient does not change across the triangle there) and
 * the analytic location are reported beside it. Analytically, a rectified vector gives
 * {@code (z_t - z_o) s_t (1 - s_t)}: most negative, {@code (z_t - z_o) / 4}, on the whole segment
 * {@code s_t = 1/2}, so the paper's point is a valley line across the triangle (a saddle in the degenerate
 * sense: a minimum along {@code s_t}, flat across). The point printed is that segment's middle, where the
 * two wrong classes are equal. Cross entropy's {@code s_t - 1} has no such point: it only grows more
 * negative as {@code s_t} falls.
 *
 * <p>Prints {@code fig4 gradient=rw ...}, {@code fig4 gradient=ce ...} and {@code fig4 saddle=(s1,s2,s3) ...};
 * writes {@code fig4.png} (two panels), {@code fig4.csv} (every grid point: softmax and both gradients) and
 * {@code fig4.txt} (the printed lines).
 */
public final class Fig4 {
    /** The default simplex grid step. */
    public static final double STEP = 0.01;
    /** The default true-class value of the RRW vector. */
    public static final double RRW_VALUE = -1;
    /** The true class, 0-based (the paper's class 3). */
    static final int TRUE_CLASS = 2;
    /** RRW's value for every wrong class. */
    static final double OTHER_VALUE = 1;
    /** Where {@code s_t (1 - s_t)} is largest: d/ds (s - s^2) = 1 - 2s = 0. */
    static final double ANALYTIC_S_TRUE = 0.5;

    private Fig4() {}

    /** One grid point: softmax (class 1, 2, 3) and the two gradients of the true logit there. */
    public record Point(double s1, double s2, double s3, double rw, double ce) {}

    /** A gradient's range over the grid and the share of points where it is negative. */
    public record Range(String gradient, long points, double min, double max, double negative) {}

    /**
     * The saddle point found on the grid.
     *
     * @param point     (s1, s2, s3): the middle of the valley line, {@code s3 = sTrue}, the wrong classes equal
     * @param sTrue     the refined {@code s_t} of the most negative RW gradient
     * @param gradient  the RW gradient there (parabola vertex)
     * @param spread    max - min of the RW gradient along the grid level nearest {@code sTrue}
     * @param analyticSTrue    {@value #ANALYTIC_S_TRUE}
     * @param analyticGradient {@code (z_t - z_o) / 4}
     */
    public record Saddle(double[] point, double sTrue, double gradient, double spread, double analyticSTrue,
                         double analyticGradient) {}

    /** Everything Fig. 4 computed, and where the files went. */
    public record Result(double step, double[] z, List<Point> points, Range rw, Range ce, Saddle saddle, Path png, Path csv) {
        /** The printed lines, in order. */
        public List<String> lines() {
            return List.of(line(rw, "z=" + vector(z)), line(ce, "y=(0,0,1)"),
                    String.format(Locale.ROOT, "fig4 saddle=%s s_true=%.4f rw_gradient=%.4f spread_along_line=%.4f"
                                    + " analytic_s_true=%.4f analytic_rw_gradient=%.4f", vector(saddle.point()), saddle.sTrue(),
                            saddle.gradient(), saddle.spread(), saddle.analyticSTrue(), saddle.analyticGradient()));
        }

        private static String line(Range r, String vector) {
            return String.format(Locale.ROOT, "fig4 gradient=%s %s points=%d min=%.4f max=%.4f negative=%.4f", r.gradient(), vector,
                    r.points(), r.min(), r.max(), r.negative());
        }
    }

    /** Fig. 4 with the defaults, printed to standard output. */
    public static Result run(Path outDir) {
        return run(outDir, STEP, RRW_VALUE, System.out);
    }

    /**
     * Fig. 4 at simplex step {@code 1/m} (m an integer >= 6) with the RRW true-class value {@code rrwValue}.
     *
     * @throws IllegalArgumentException for a step or value out of range
     * @throws UncheckedIOException     when the output folder or files cannot be written
     */
    public static Result run(Path outDir, double step, double rrwValue, PrintStream out) {
        int divisions = SimplexSweep.divisions(step);
        if (divisions < 6) throw new IllegalArgumentException("fig4 needs a simplex step of at most 1/6, got " + step);
        if (!(rrwValue >= -1 && rrwValue < 0)) {
            throw new IllegalArgumentException("the RRW true-class value must be in [-1, 0), got " + rrwValue);
        }
        double[] z = {OTHER_VALUE, OTHER_VALUE, rrwValue};
        List<Point> points = sweep(z, divisions);
        Saddle saddle = locateSaddle(points, divisions, z);
        try {
            Files.createDirectories(outDir);
            Path png = outDir.resolve("fig4.png");
            Path csv = outDir.resolve("fig4.csv");
            Result result = new Result(1.0 / divisions, z, points, range("rw", points, true), range("ce", points, false), saddle, png, csv);
            PaperFiles.writeLines(csv, csvLines(points));
            PaperFiles.writePng(png, GradientTriangles.render(result));
            PaperFiles.writeLines(outDir.resolve("fig4.txt"), result.lines());
            for (String line : result.lines()) out.println(line);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("fig4: cannot write into " + outDir + ": " + e.getMessage(), e);
        }
    }

    /** Every open-simplex grid point, by level {@code s3 = i/m} (i = 1..m-2), then {@code s1 = j/m}. */
    static List<Point> sweep(double[] z, int divisions) {
        List<Point> points = new ArrayList<>();
        for (int i = 1; i <= divisions - 2; i++) {
            for (int j = 1; i + j <= divisions - 1; j++) {
                double[] s = {(double) j / divisions, (double) (divisions - i - j) / divisions, (double) i / divisions};
                points.add(new Point(s[0], s[1], s[2], TrueLogitGradient.rw(s, z, TRUE_CLASS),
                        TrueLogitGradient.crossEntropy(s, TRUE_CLASS)));
            }
        }
        return points;
    }

    /** The most negative RW level, refined by a parabola through its neighbours (exact for the rectified quadratic). */
    static Saddle locateSaddle(List<Point> points, int divisions, double[] z) {
        int levels = divisions - 2;
        double[] min = new double[levels + 1], max = new double[levels + 1];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (Point p : points) {
            int i = (int) Math.round(p.s3() * divisions);
            min[i] = Math.min(min[i], p.rw());
            max[i] = Math.max(max[i], p.rw());
        }
        int best = 1;
        for (int i = 2; i <= levels; i++) if (min[i] < min[best]) best = i;
        double h = 1.0 / divisions;
        double sTrue = best * h, gradient = min[best];
        if (best > 1 && best < levels) {
            double a = min[best - 1], b = min[best], c = min[best + 1];
            double curvature = a - 2 * b + c;
            if (curvature > 0) {
                sTrue += h * (a - c) / (2 * curvature);
                gradient = b - (a - c) * (a - c) / (8 * curvature);
            }
        }
        double other = (1 - sTrue) / 2;
        double analyticGradient = TrueLogitGradient.rectified(z[TRUE_CLASS], OTHER_VALUE, ANALYTIC_S_TRUE);
        return new Saddle(new double[] {other, other, sTrue}, sTrue, gradient, max[best] - min[best], ANALYTIC_S_TRUE,
                analyticGradient);
    }

    private static Range range(String name, List<Point> points, boolean rw) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        long negative = 0;
        for (Point p : points) {
            double g = rw ? p.rw() : p.ce();
            lo = Math.min(lo, g);
            hi = Math.max(hi, g);
            if (g < 0) negative++;
        }
        return new Range(name, points.size(), lo, hi, (double) negative / points.size());
    }

    private static List<String> csvLines(List<Point> points) {
        List<String> lines = new ArrayList<>(points.size() + 1);
        lines.add("s1,s2,s3_true,rw_grad_x3,ce_grad_x3");
        for (Point p : points) {
            lines.add(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.9f,%.9f", p.s1(), p.s2(), p.s3(), p.rw(), p.ce()));
        }
        return lines;
    }

    static String vector(double[] v) {
        StringBuilder sb = new StringBuilder("(");
        for (int k = 0; k < v.length; k++) sb.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.2f", v[k]));
        return sb.append(')').toString();
    }
}
