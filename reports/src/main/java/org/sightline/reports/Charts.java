package org.sightline.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report's charts, drawn with JFreeChart and encoded as PNG at 2× their CSS size. Each method
 * takes the rows it draws and returns them with the image (the image's {@link Document.DataTable}).
 */
final class Charts {
    static final int W = 760;
    private static final Font TITLE = new Font("DejaVu Sans", Font.BOLD, 15);
    private static final Font LABEL = new Font("DejaVu Sans", Font.PLAIN, 12);
    private static final Font TICK = new Font("DejaVu Sans", Font.PLAIN, 11);

    private Charts() {}

    /** A named bar of several series; values already in the axis unit. */
    record Bar(String category, double[] values) {}

    static BufferedImage bars(
            String title,
            String categoryAxis,
            String valueAxis,
            String[] series,
            List<Bar> bars,
            boolean horizontal,
            boolean stacked,
            Double upper) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (Bar b : bars) for (int s = 0; s < series.length; s++) ds.addValue(b.values()[s], series[s], b.category());
        CategoryAxis cat = new CategoryAxis(categoryAxis);
        cat.setMaximumCategoryLabelWidthRatio(horizontal ? 0.35f : 1f);
        cat.setMaximumCategoryLabelLines(2);
        NumberAxis val = new NumberAxis(valueAxis);
        if (upper != null) val.setRange(0, upper);
        BarRenderer r = stacked ? new StackedBarRenderer() : new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        Color[] colors =
                stacked ? Palette.DEPTH : new Color[] {Palette.BLUE, Palette.ORANGE, Palette.GREEN, Palette.PURPLE};
        for (int s = 0; s < series.length; s++) r.setSeriesPaint(s, colors[s % colors.length]);
        if (!stacked && bars.size() * series.length <= 12) {
            r.setDefaultItemLabelGenerator(
                    new StandardCategoryItemLabelGenerator("{2}", new java.text.DecimalFormat("#,##0.#")));
            r.setDefaultItemLabelsVisible(true);
            r.setDefaultItemLabelFont(TICK);
            r.setDefaultPositiveItemLabelPosition(
                    horizontal
                            ? new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT)
                            : new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        }
        CategoryPlot plot = new CategoryPlot(ds, cat, val, r);
        plot.setOrientation(horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        if (upper != null && upper == 100.0) val.setTickUnit(new NumberTickUnit(10));
        val.setUpperMargin(0.12);
        int h = horizontal ? Math.max(260, 80 + bars.size() * (stacked ? 24 : 14 * series.length + 8)) : 380;
        return render(style(new JFreeChart(title, TITLE, plot, series.length > 1)), W, h);
    }

    /** Points with a label each; x and y in axis units. */
    static BufferedImage scatter(String title, String xAxis, String yAxis, double[] xs, double[] ys, String[] labels) {
        XYSeries s = new XYSeries("areas");
        for (int i = 0; i < xs.length; i++) s.add(xs[i], ys[i]);
        NumberAxis x = new NumberAxis(xAxis), y = new NumberAxis(yAxis);
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        x.setUpperMargin(0.15);
        x.setLowerMargin(0.1);
        y.setUpperMargin(0.1);
        y.setLowerMargin(0.1);

        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesPaint(0, Palette.BLUE);
        r.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        if (labels != null && labels.length <= 25) {
            r.setDefaultItemLabelGenerator((ds, series, item) -> labels[item]);
            r.setDefaultItemLabelsVisible(true);
            r.setDefaultItemLabelFont(TICK);
            r.setDefaultPositiveItemLabelPosition(
                    new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        }
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), x, y, r);
        return render(style(new JFreeChart(title, TITLE, plot, false)), W, 420);
    }

    /** A concentration (Lorenz) curve with the line of equality. */
    static BufferedImage lorenz(String title, String xAxis, String yAxis, double[] xs, double[] ys) {
        XYSeries curve = new XYSeries("incidents");
        for (int i = 0; i < xs.length; i++) curve.add(xs[i], ys[i]);
        XYSeries equal = new XYSeries("equal spread");
        equal.add(0, 0);
        equal.add(100, 100);
        XYSeriesCollection ds = new XYSeriesCollection();
        ds.addSeries(curve);
        ds.addSeries(equal);
        NumberAxis x = new NumberAxis(xAxis), y = new NumberAxis(yAxis);
        x.setRange(0, 100);
        y.setRange(0, 100);
        x.setTickUnit(new NumberTickUnit(10));
        y.setTickUnit(new NumberTickUnit(10));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, Palette.VERMILLION);
        r.setSeriesStroke(0, new BasicStroke(2.5f));
        r.setSeriesPaint(1, Color.GRAY);
        r.setSeriesStroke(
                1, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        XYPlot plot = new XYPlot(ds, x, y, r);
        return render(style(new JFreeChart(title, TITLE, plot, true)), W, 460);
    }

    private static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.getTitle().setPaint(Palette.BLACK);
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(6, 6, 6, 12));
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LABEL);
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(RectangleEdge.TOP);
        }
        var plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        if (plot instanceof CategoryPlot cp) {
            cp.setRangeGridlinePaint(new Color(0xCC, 0xCC, 0xCC));
            axisFonts(cp.getDomainAxis(), cp.getRangeAxis());
        } else if (plot instanceof XYPlot xp) {
            xp.setRangeGridlinePaint(new Color(0xCC, 0xCC, 0xCC));
            xp.setDomainGridlinePaint(new Color(0xCC, 0xCC, 0xCC));
            axisFonts(xp.getDomainAxis(), xp.getRangeAxis());
        }
        return chart;
    }

    private static void axisFonts(org.jfree.chart.axis.Axis... axes) {
        for (var a : axes) {
            a.setLabelFont(LABEL);
            a.setTickLabelFont(TICK);
            a.setLabelPaint(Palette.BLACK);
            a.setTickLabelPaint(Palette.BLACK);
        }
    }

    /** Draws at 2× for crisp output; {@link HtmlReport} encodes it with {@link ChartUtils#encodeAsPNG}. */
    static BufferedImage render(JFreeChart chart, int w, int h) {
        BufferedImage img = new BufferedImage(2 * w, 2 * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(2, 2);
        chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
        g.dispose();
        return img;
    }

    /** Helper for callers: a title with a subtitle line under it. */
    static void subtitle(JFreeChart chart, String text) {
        chart.addSubtitle(new TextTitle(text, LABEL));
    }

    static List<String> row(Object... cells) {
        List<String> out = new ArrayList<>();
        for (Object c : cells) out.add(String.valueOf(c));
        return out;
    }
}
