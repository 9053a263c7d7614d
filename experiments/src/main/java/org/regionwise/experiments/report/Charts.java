package org.regionwise.experiments.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * What every chart of a report shares: a plain white style, fixed-locale number formats (a German
 * machine must not write "0,5" on one chart and "0.5" on the next), and painting one or more charts
 * stacked into one PNG.
 */
final class Charts {

    /** Smallest chart the writers accept: below this XChart has no room for axes and legend. */
    static final int MIN_SIZE = 120;
    /** Largest chart side: beyond this a report picture is a mistake (and a memory hazard). */
    static final int MAX_SIZE = 8000;

    static {
        Headless.ensure();
    }

    private Charts() {
    }

    /** A line chart in the house style. */
    static XYChart lineChart(int width, int height, String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title == null ? "" : title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        style(chart.getStyler());
        return chart;
    }

    /** White background, light legend inside the plot, readable fonts, no markers unless asked. */
    static void style(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(Color.GRAY);
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartTitleBoxVisible(false);
        styler.setBaseFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        styler.setLocale(Locale.ROOT);
        styler.setMarkerSize(4);
    }

    /** Checks a requested picture size. */
    static void checkSize(int width, int height) {
        if (width < MIN_SIZE || height < MIN_SIZE || width > MAX_SIZE || height > MAX_SIZE) {
            throw new IllegalArgumentException("chart size must be " + MIN_SIZE + ".." + MAX_SIZE + " pixels per side, got "
                    + width + "x" + height);
        }
    }

    /** Something that paints itself into a rectangle: an XChart chart ({@code chart::paint}) or a message. */
    @FunctionalInterface
    interface Panel {
        void paint(Graphics2D g, int width, int height);
    }

    /** Paints the panels one under the other, each {@code width} wide, the height split evenly. */
    static BufferedImage stacked(List<Panel> charts, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int top = 0;
            for (int i = 0; i < charts.size(); i++) {
                int bottom = height * (i + 1) / charts.size();
                Graphics2D panel = (Graphics2D) g.create(0, top, width, bottom - top);
                try {
                    charts.get(i).paint(panel, width, bottom - top);
                } finally {
                    panel.dispose();
                }
                top = bottom;
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** One chart as a PNG. */
    static void write(Chart<?, ?> chart, int width, int height, Path png) throws IOException {
        PngFiles.write(stacked(List.of(chart::paint), width, height), png);
    }

    /** A panel that says why it has no chart (XChart cannot paint a chart without series). */
    static Panel message(String text) {
        return (g, width, height) -> {
            g.setColor(Color.GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 12));
            int textWidth = g.getFontMetrics().stringWidth(text);
            g.drawString(text, Math.max(2, (width - textWidth) / 2), height / 2);
        };
    }
}
