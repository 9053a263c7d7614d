package org.regionwise.experiments.paper;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Fig. 3's summary chart: the share of validation pixels with two or more negative RW-gradient components at
 * each time point, one line per map and run (XChart, white house style, fixed-locale numbers).
 */
final class Neg2PlusChart {
    static final int WIDTH = 800;
    static final int HEIGHT = 460;

    private Neg2PlusChart() {}

    /** One line: its legend name and the (epoch, share) points in epoch order. */
    record Series(String name, List<Integer> epochs, List<Double> shares) {}

    static BufferedImage render(String title, List<Series> series) {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("epochs trained")
                .yAxisTitle("share of validation pixels with >= 2 negative components").build();
        Styler s = chart.getStyler();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartTitleBoxVisible(false);
        chart.getStyler().setLocale(Locale.ROOT);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setXAxisDecimalPattern("0");
        s.setBaseFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        int plotted = 0;
        for (Series line : series) {
            if (line.epochs().isEmpty()) continue;
            XYSeries xy = chart.addSeries(line.name(), line.epochs(), line.shares());
            xy.setMarker(SeriesMarkers.CIRCLE);
            plotted++;
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            if (plotted > 0) {
                chart.paint(g, WIDTH, HEIGHT);
            } else {
                g.setColor(Color.GRAY);
                g.drawString(title + ": no time point was measured (every run diverged first)", 20, HEIGHT / 2);
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
