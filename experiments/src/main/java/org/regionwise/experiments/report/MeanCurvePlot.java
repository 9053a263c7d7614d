package org.regionwise.experiments.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Several curves over epochs in one PNG, one per configuration: the paper's Fig. 6 (a-b), mean validation Dice
 * per epoch averaged over runs, one line per combination strategy. The y axis spans [0, 1].
 */
public final class MeanCurvePlot {
    /** Default picture width. */
    public static final int WIDTH = 900;
    /** Default picture height. */
    public static final int HEIGHT = 500;

    private MeanCurvePlot() {}

    /** A curve: epochs (x) and values (y), the same length; NaN values are left out. */
    public record Curve(double[] x, double[] y) {}

    /**
     * Writes the curves (legend in map order).
     *
     * @throws IllegalArgumentException when there is no curve or no finite point
     */
    public static void write(Path png, String title, String xTitle, String yTitle, Map<String, Curve> curves) throws IOException {
        if (curves.isEmpty()) throw new IllegalArgumentException("no curve to plot");
        XYChart chart = Charts.lineChart(WIDTH, HEIGHT, title, xTitle, yTitle);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        boolean any = false;
        for (Map.Entry<String, Curve> e : curves.entrySet()) {
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            Curve c = e.getValue();
            for (int i = 0; i < c.x().length; i++) {
                if (Double.isFinite(c.y()[i])) {
                    x.add(c.x()[i]);
                    y.add(c.y()[i]);
                }
            }
            if (x.isEmpty()) continue;
            XYSeries s = chart.addSeries(e.getKey(), x, y);
            s.setMarker(x.size() == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            any = true;
        }
        if (!any) throw new IllegalArgumentException("no finite point to plot");
        Charts.write(chart, WIDTH, HEIGHT, png);
    }
}
