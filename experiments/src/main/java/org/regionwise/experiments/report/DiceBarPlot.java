package org.regionwise.experiments.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

/**
 * Per-class Dice across losses as grouped bars (the paper's Tables 2-4 at a glance): one group per
 * class, one bar per loss at the mean over its volumes (or seeds), with a sample standard deviation
 * error bar. Undefined values (NaN) are left out of both, as in {@code MetricsAggregation}.
 */
public final class DiceBarPlot {

    /** Default picture width. */
    public static final int DEFAULT_WIDTH = 900;
    /** Default picture height. */
    public static final int DEFAULT_HEIGHT = 500;

    private DiceBarPlot() {
    }

    /** Writes the plot at the default size. */
    public static void write(Path png, String title, List<String> classNames, Map<String, double[][]> diceByLoss)
            throws IOException {
        write(png, title, classNames, diceByLoss, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /**
     * Writes the plot as a PNG of exactly {@code width x height} pixels.
     *
     * @param classNames one name per class group, in order
     * @param diceByLoss per loss (in legend order), {@code [class][sample]} Dice values; NaN = undefined
     * @throws IllegalArgumentException when there is no loss or class, a loss has another number of
     *                                  classes, a value is outside [0, 1], a class of a loss has no
     *                                  defined value, or the size is outside {@code 120..8000}
     */
    public static void write(Path png, String title, List<String> classNames, Map<String, double[][]> diceByLoss,
                             int width, int height) throws IOException {
        Charts.checkSize(width, height);
        if (classNames == null || classNames.isEmpty() || diceByLoss == null || diceByLoss.isEmpty()) {
            throw new IllegalArgumentException("a Dice bar plot needs at least one class and one loss");
        }
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title == null ? "" : title)
                .xAxisTitle("class").yAxisTitle("Dice").build();
        Charts.style(chart.getStyler());
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setErrorBarsColorSeriesColor(false).setErrorBarsColor(Color.BLACK); // visible on the bar
        diceByLoss.forEach((loss, perClass) -> {
            List<Double> means = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            summarise(loss, perClass, classNames, means, errors);
            CategorySeries series = chart.addSeries(loss, classNames, means, errors);
            series.setLabel(loss);
        });
        Charts.write(chart, width, height, png);
    }

    /** Mean and sample standard deviation (0 for one sample) of each class's defined values. */
    static void summarise(String loss, double[][] perClass, List<String> classNames, List<Double> means,
                          List<Double> errors) {
        if (perClass == null || perClass.length != classNames.size()) {
            throw new IllegalArgumentException(loss + ": needs Dice for " + classNames.size() + " classes " + classNames
                    + ", got " + (perClass == null ? "null" : perClass.length));
        }
        for (int k = 0; k < perClass.length; k++) {
            double sum = 0;
            int n = 0;
            for (double d : perClass[k]) {
                if (Double.isNaN(d)) {
                    continue;
                }
                if (!(d >= 0 && d <= 1)) {
                    throw new IllegalArgumentException(loss + ", " + classNames.get(k) + ": Dice " + d + " is outside [0, 1]");
                }
                sum += d;
                n++;
            }
            if (n == 0) {
                throw new IllegalArgumentException(loss + ", " + classNames.get(k) + ": no defined Dice value to plot");
            }
            double mean = sum / n;
            double squares = 0; // second pass: exact enough for any n, unlike sum(d^2) - n mean^2
            for (double d : perClass[k]) {
                if (!Double.isNaN(d)) {
                    squares += (d - mean) * (d - mean);
                }
            }
            means.add(mean);
            errors.add(n < 2 ? 0.0 : Math.sqrt(squares / (n - 1)));
        }
    }
}
