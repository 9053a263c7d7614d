package org.regionwise.experiments.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.regionwise.experiments.stats.ConvergenceCdf;

/**
 * The convergence CDF of the paper's Eq. 8 as a PNG: one step curve per loss,
 * {@code F(x) = (1/M) sum_m 1[Dice_m <= x]} over that loss's M trained models. A curve further right
 * means the loss reached better models more reliably (the paper's Sec. 4.3-4.4).
 *
 * <p>Each curve is drawn as the right-continuous step function it is: 0 up to its first model, a
 * vertical jump at each distinct Dice, and 1 from its best model to the right edge of the plot.
 */
public final class EcdfPlot {

    /** Default picture width. */
    public static final int DEFAULT_WIDTH = 800;
    /** Default picture height. */
    public static final int DEFAULT_HEIGHT = 500;

    private EcdfPlot() {
    }

    /** Writes the plot at the default size. */
    public static void write(Path png, String title, Map<String, double[]> finalDiceByLoss) throws IOException {
        write(png, title, finalDiceByLoss, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /**
     * Writes the plot as a PNG of exactly {@code width x height} pixels.
     *
     * @param finalDiceByLoss per loss (in legend order), the final validation Dice of each of its models
     * @throws IllegalArgumentException when there is no loss, a loss has no model or a non-finite Dice,
     *                                  or the size is outside {@code 120..8000} pixels per side
     */
    public static void write(Path png, String title, Map<String, double[]> finalDiceByLoss, int width, int height)
            throws IOException {
        Charts.checkSize(width, height);
        Map<String, ConvergenceCdf> cdfs = cdfs(finalDiceByLoss);
        double[] range = range(cdfs);
        XYChart chart = Charts.lineChart(width, height, title, "final Dice", "fraction of models with Dice <= x");
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setXAxisMin(range[0]).setXAxisMax(range[1]);
        cdfs.forEach((loss, cdf) -> {
            List<double[]> steps = steps(cdf, range[0], range[1]);
            List<Double> x = new ArrayList<>(steps.size());
            List<Double> y = new ArrayList<>(steps.size());
            for (double[] s : steps) {
                x.add(s[0]);
                y.add(s[1]);
            }
            XYSeries series = chart.addSeries(loss + " (M=" + cdf.models() + ")", x, y);
            series.setMarker(SeriesMarkers.NONE);
        });
        Charts.write(chart, width, height, png);
    }

    /** The corners of the step curve from {@code (left, 0)} to {@code (right, 1)}. */
    static List<double[]> steps(ConvergenceCdf cdf, double left, double right) {
        List<double[]> corners = new ArrayList<>();
        double level = 0;
        corners.add(new double[] {left, 0});
        for (ConvergenceCdf.Point p : cdf.points()) {
            corners.add(new double[] {p.dice(), level});
            corners.add(new double[] {p.dice(), p.fraction()});
            level = p.fraction();
        }
        corners.add(new double[] {right, level});
        return corners;
    }

    private static Map<String, ConvergenceCdf> cdfs(Map<String, double[]> finalDiceByLoss) {
        if (finalDiceByLoss == null || finalDiceByLoss.isEmpty()) {
            throw new IllegalArgumentException("a convergence CDF plot needs at least one loss");
        }
        Map<String, ConvergenceCdf> cdfs = new LinkedHashMap<>();
        finalDiceByLoss.forEach((loss, dice) -> {
            try {
                cdfs.put(loss, new ConvergenceCdf(dice));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(loss + ": " + e.getMessage(), e);
            }
        });
        return cdfs;
    }

    /** The x range: every model's Dice, padded by 5% (at least 0.01) so the first and last jumps show. */
    private static double[] range(Map<String, ConvergenceCdf> cdfs) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ConvergenceCdf cdf : cdfs.values()) {
            List<ConvergenceCdf.Point> points = cdf.points();
            min = Math.min(min, points.get(0).dice());
            max = Math.max(max, points.get(points.size() - 1).dice());
        }
        double pad = Math.max(0.01, 0.05 * (max - min));
        return new double[] {min - pad, max + pad};
    }
}
