package org.regionwise.experiments.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The learning curves of one training run as a PNG: the losses per epoch above, the validation Dice
 * per class below (each class in its {@link ClassColours colour}, their mean dashed black), sharing
 * the epoch axis. Loss is drawn on a linear axis because Region-wise losses are negative.
 */
public final class LearningCurvePlot {

    /** Default picture size: wide enough for a legend beside 1000 epochs. */
    public static final int DEFAULT_WIDTH = 900;
    /** Default picture height, both panels together. */
    public static final int DEFAULT_HEIGHT = 700;

    private LearningCurvePlot() {
    }

    /** Writes the plot at the default size. */
    public static void write(Path png, LearningCurves curves) throws IOException {
        write(png, curves, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /**
     * Writes the plot as a PNG of exactly {@code width x height} pixels. A panel with nothing recorded
     * yet says so instead of drawing an empty chart.
     *
     * @throws IllegalArgumentException when nothing at all was recorded, or for a size outside
     *                                  {@code 120..8000} pixels per side
     */
    public static void write(Path png, LearningCurves curves, int width, int height) throws IOException {
        Charts.checkSize(width, height);
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("no learning curve to plot: nothing was recorded");
        }
        int[] epochs = curves.epochRange();
        List<Charts.Panel> panels = List.of(lossPanel(curves, width, height / 2, epochs),
                dicePanel(curves, width, height / 2, epochs));
        PngFiles.write(Charts.stacked(panels, width, height), png);
    }

    private static Charts.Panel lossPanel(LearningCurves curves, int width, int height, int[] epochs) {
        if (curves.trainingLoss().isEmpty() && curves.validationLoss().isEmpty()) {
            return Charts.message("no loss recorded");
        }
        XYChart chart = panelChart(width, height, "loss", "loss", epochs);
        addSeries(chart, "training", curves.trainingLoss(), new Color(0, 114, 178), false);
        addSeries(chart, "validation", curves.validationLoss(), new Color(213, 94, 0), false);
        return chart::paint;
    }

    private static Charts.Panel dicePanel(LearningCurves curves, int width, int height, int[] epochs) {
        XYChart chart = panelChart(width, height, "validation Dice", "Dice", epochs);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        List<String> names = curves.classNames();
        boolean any = false;
        for (int k = 0; k < names.size(); k++) {
            // Colour by position + 1: the listed classes are normally the foreground 1..C-1.
            any |= addSeries(chart, names.get(k), curves.dice(k), ClassColours.of(k + 1), false);
        }
        if (names.size() > 1) {
            String mean = names.contains("mean") ? "mean of classes" : "mean";
            addSeries(chart, mean, curves.meanDice(), Color.BLACK, true);
        }
        return any ? chart::paint : Charts.message("no validation Dice recorded");
    }

    /**
     * A panel over the whole run's epochs, legend below: both panels then have the same plot width,
     * so an epoch lies at the same x in both.
     */
    private static XYChart panelChart(int width, int height, String title, String yTitle, int[] epochs) {
        XYChart chart = Charts.lineChart(width, height, title, "epoch", yTitle);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS).setLegendLayout(Styler.LegendLayout.Horizontal);
        int last = Math.max(epochs[1], epochs[0] + 1);
        chart.getStyler().setXAxisMin((double) epochs[0]).setXAxisMax((double) last);
        // XChart ticks every whole epoch when it has room, which runs the labels together: label only
        // multiples of a round step (about ten labels) and drop the vertical grid that would crowd too.
        long step = roundStep((last - epochs[0]) / 10.0);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setXAxisTickLabelsFormattingFunction(
                x -> Math.rint(x) == x && (long) (double) x % step == 0 ? Long.toString((long) (double) x) : "");
        return chart;
    }

    /** The smallest of 1, 2, 5, 10, 20, 50, ... at least {@code wanted}. */
    static long roundStep(double wanted) {
        long step = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * step >= wanted) {
                    return m * step;
                }
            }
            step *= 10;
        }
    }

    /** Adds a series unless it is empty; a single point gets a marker so it is visible. */
    private static boolean addSeries(XYChart chart, String name, List<LearningCurves.Point> points, Color colour,
                                     boolean dashed) {
        if (points.isEmpty()) {
            return false;
        }
        List<Double> epochs = new ArrayList<>(points.size()); // doubles: XChart spaces numeric ticks sensibly
        List<Double> values = new ArrayList<>(points.size());
        for (LearningCurves.Point p : points) {
            epochs.add((double) p.epoch());
            values.add(p.value());
        }
        XYSeries series = chart.addSeries(name, epochs, values);
        series.setLineColor(colour);
        series.setMarkerColor(colour);
        series.setMarker(points.size() == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        if (dashed) {
            series.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
        return true;
    }
}
