package org.sightline.reports;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.sightline.engine.geo.MetricCrs;

/**
 * A map drawn with Java2D in the run's metric CRS: north up (grid north), equal scale on both axes,
 * a legend column to the right of the map, a scale bar in metres and a north arrow. Drawn at 2× its
 * CSS size. Every thematic feature drawn is recorded (layer, id, position in lon/lat, value) as the
 * map's data; base layers (footprints, streets, areas) are recorded as one row each with their count.
 */
final class MapCanvas {
    static final int CSS_WIDTH = 760;
    private static final int LEGEND_W = 200;
    private static final int PAD = 8;
    private static final Font FONT = new Font("DejaVu Sans", Font.PLAIN, 11);
    private static final Font BOLD = new Font("DejaVu Sans", Font.BOLD, 12);

    record LegendItem(String label, Color fill, Color stroke, String shape) {}

    private final MetricCrs crs;
    private final Envelope extent;
    private final int mapW, mapH;
    private final double mPerPx;
    private final BufferedImage img;
    private final Graphics2D g;
    private final AffineTransform toPx;
    private final ShapeWriter shapes;
    private final List<LegendItem> legend = new ArrayList<>();
    private final List<List<String>> data = new ArrayList<>();
    private final List<java.awt.geom.Rectangle2D> labels = new ArrayList<>();

    /** @param extent the area to show, metres; widened to the map's aspect ratio */
    MapCanvas(MetricCrs crs, Envelope extent, String title) {
        this(crs, extent, title, 640);
    }

    /** @param maxHeight the map frame's largest height in CSS pixels (≥ 320); zoom panels use less */
    MapCanvas(MetricCrs crs, Envelope extent, String title, int maxHeight) {
        this.crs = crs;
        this.mapW = CSS_WIDTH - LEGEND_W - 2 * PAD;
        Envelope e = new Envelope(extent);
        if (e.getWidth() < 1 || e.getHeight() < 1) e.expandBy(50);
        e.expandBy(Math.max(e.getWidth(), e.getHeight()) * 0.04);
        double aspect = e.getHeight() / e.getWidth();
        this.mapH = (int) Math.round(Math.max(320, Math.min(Math.max(320, maxHeight), mapW * aspect)));
        this.mPerPx = Math.max(e.getWidth() / mapW, e.getHeight() / mapH);
        double cx = e.centre().x, cy = e.centre().y;
        this.extent = new Envelope(
                cx - mapW * mPerPx / 2, cx + mapW * mPerPx / 2, cy - mapH * mPerPx / 2, cy + mapH * mPerPx / 2);
        int top = 30;
        this.img = new BufferedImage(2 * CSS_WIDTH, 2 * (mapH + top + PAD), BufferedImage.TYPE_INT_RGB);
        this.g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(2, 2);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, CSS_WIDTH, mapH + top + PAD);
        g.setColor(new Color(0xF7, 0xF7, 0xF4));
        g.fillRect(PAD, top, mapW, mapH);
        g.setFont(BOLD.deriveFont(14f));
        g.setColor(Palette.BLACK);
        g.drawString(title, PAD, 20);
        // metres → CSS pixels of the map frame (y down)
        this.toPx = new AffineTransform(
                1 / mPerPx,
                0,
                0,
                -1 / mPerPx,
                PAD - this.extent.getMinX() / mPerPx,
                top + this.extent.getMaxY() / mPerPx);
        this.shapes =
                new ShapeWriter((src, dst) -> toPx.transform(new java.awt.geom.Point2D.Double(src.x, src.y), dst));
        g.setClip(PAD, top, mapW, mapH);
    }

    Envelope extent() {
        return extent;
    }

    /** Ground metres per CSS pixel. */
    double metresPerPixel() {
        return mPerPx;
    }

    Shape shape(Geometry metric) {
        return shapes.toShape(metric);
    }

    /**
     * The map frame's pixels as drawn so far (device pixels, row by row), to give another canvas of the
     * same extent and size the same frame with {@link #paintFrame} instead of drawing it again.
     */
    int[] framePixels() {
        return (int[]) img.getRaster().getDataElements(2 * PAD, 2 * 30, 2 * mapW, 2 * mapH, null);
    }

    /**
     * Replaces the map frame's pixels with {@code pixels} from {@link #framePixels} of a canvas with the
     * same extent and size (drawing is clipped to the frame, so nothing outside it differs).
     */
    void paintFrame(int[] pixels) {
        if (pixels.length != 4 * mapW * mapH) throw new IllegalArgumentException("frame of another size");
        img.getRaster().setDataElements(2 * PAD, 2 * 30, 2 * mapW, 2 * mapH, pixels);
    }

    /** Filled polygons (fill may be null) with an outline (stroke may be null). */
    void polygons(List<Geometry> metric, Color fill, Color stroke, float width) {
        for (Geometry geom : metric) {
            if (geom.isEmpty() || !geom.getEnvelopeInternal().intersects(extent)) continue;
            Shape s = shape(geom);
            if (fill != null) {
                g.setColor(fill);
                g.fill(s);
            }
            if (stroke != null) {
                g.setColor(stroke);
                g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(s);
            }
        }
    }

    void lines(List<Geometry> metric, Color color, float width, float[] dash) {
        Stroke st = dash == null
                ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, dash, 0);
        g.setStroke(st);
        g.setColor(color);
        for (Geometry geom : metric) {
            if (geom.isEmpty() || !geom.getEnvelopeInternal().intersects(extent)) continue;
            if (geom.getDimension() == 2) g.draw(shape(geom.getBoundary()));
            else g.draw(shape(geom));
        }
    }

    /**
     * Coverage depth: how many of {@code viewsheds} cover each pixel, painted 1 / 2 / ≥ 3 with
     * {@link Palette#DEPTH} at the given opacity.
     */
    void depth(List<Geometry> viewsheds, int alpha) {
        int w = 2 * mapW, h = 2 * mapH, ox = 2 * PAD, oy = 2 * 30;
        byte[] counts = new byte[w * h];
        BufferedImage mask = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
        Graphics2D mg = mask.createGraphics();
        mg.translate(-ox, -oy);
        mg.scale(2, 2);
        mg.setColor(Color.WHITE);
        for (Geometry v : viewsheds) {
            if (v.isEmpty() || !v.getEnvelopeInternal().intersects(extent)) continue;
            Shape s = shape(v);
            java.awt.Rectangle b = mg.getTransform().createTransformedShape(s).getBounds();
            int x0 = Math.max(0, b.x),
                    y0 = Math.max(0, b.y),
                    x1 = Math.min(w, b.x + b.width + 1),
                    y1 = Math.min(h, b.y + b.height + 1);
            if (x0 >= x1 || y0 >= y1) continue;
            mg.fill(s);
            for (int yy = y0; yy < y1; yy++) {
                int row = yy * w;
                for (int xx = x0; xx < x1; xx++) {
                    if (px[row + xx] != 0) {
                        if (counts[row + xx] < 3) counts[row + xx]++;
                        px[row + xx] = 0;
                    }
                }
            }
        }
        mg.dispose();
        int[] argb = new int[3];
        for (int i = 0; i < 3; i++) argb[i] = (alpha << 24) | (Palette.DEPTH[i].getRGB() & 0xFFFFFF);
        BufferedImage layer = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < counts.length; i++) if (counts[i] > 0) layer.setRGB(i % w, i / w, argb[counts[i] - 1]);
        AffineTransform saved = g.getTransform();
        g.setTransform(new AffineTransform());
        g.setClip(ox, oy, w, h);
        g.drawImage(layer, ox, oy, null);
        g.setTransform(saved);
        g.setClip(PAD, 30, mapW, mapH);
    }

    /** A point symbol: "circle", "square", "triangle"; with an optional label beside it. */
    void marker(Coordinate metric, String shape, Color fill, double size, String label) {
        java.awt.geom.Point2D p = toPx.transform(new java.awt.geom.Point2D.Double(metric.x, metric.y), null);
        if (!extent.contains(metric)) return;
        Shape s = symbol(shape, p.getX(), p.getY(), size);
        g.setColor(fill);
        g.fill(s);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(1f));
        g.draw(s);
        if (label != null)
            halo(label, (float) (p.getX() + size / 2 + 2), (float) (p.getY() - size / 2), BOLD, Palette.BLACK);
    }

    /** A text label at a metric position, with a white halo. */
    void label(Coordinate metric, String text, Color color) {
        if (!extent.contains(metric)) return;
        java.awt.geom.Point2D p = toPx.transform(new java.awt.geom.Point2D.Double(metric.x, metric.y), null);
        FontMetrics fm = g.getFontMetrics(BOLD);
        halo(
                text,
                (float) (p.getX() - fm.stringWidth(text) / 2.0),
                (float) (p.getY() + fm.getAscent() / 2.0 - 1),
                BOLD,
                color);
    }

    /** A label just inside the top-left corner of a polygon's bounding box (keeps the centre free for symbols). */
    void cornerLabel(Geometry metric, String text, Color color) {
        Envelope e = metric.getEnvelopeInternal();
        if (!e.intersects(extent)) return;
        java.awt.geom.Point2D p = toPx.transform(new java.awt.geom.Point2D.Double(e.getMinX(), e.getMaxY()), null);
        FontMetrics fm = g.getFontMetrics(BOLD);
        halo(text, (float) p.getX() + 4, (float) p.getY() + fm.getAscent() + 2, BOLD, color);
    }

    /** Draws a haloed label unless it would overlap one already placed (first come, first placed). */
    private void halo(String text, float x, float y, Font font, Color color) {
        g.setFont(font);
        var gv = font.createGlyphVector(g.getFontRenderContext(), text);
        Shape outline = gv.getOutline(x, y);
        java.awt.geom.Rectangle2D box = outline.getBounds2D();
        box.setRect(box.getX() - 2, box.getY() - 2, box.getWidth() + 4, box.getHeight() + 4);
        for (java.awt.geom.Rectangle2D other : labels) if (other.intersects(box)) return;
        labels.add(box);
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(Color.WHITE);
        g.draw(outline);
        g.setColor(color);
        g.fill(outline);
    }

    private static Shape symbol(String shape, double x, double y, double size) {
        double r = size / 2;
        return switch (shape) {
            case "square" -> new java.awt.geom.Rectangle2D.Double(x - r, y - r, size, size);
            case "triangle" -> {
                Path2D.Double t = new Path2D.Double();
                t.moveTo(x, y - r * 1.2);
                t.lineTo(x + r * 1.1, y + r * 0.8);
                t.lineTo(x - r * 1.1, y + r * 0.8);
                t.closePath();
                yield t;
            }
            default -> new java.awt.geom.Ellipse2D.Double(x - r, y - r, size, size);
        };
    }

    void legend(String label, Color fill, Color stroke, String shape) {
        legend.add(new LegendItem(label, fill, stroke, shape));
    }

    /** Records one thematic feature drawn (position converted to lon/lat, 5 decimals). */
    void record(String layer, String id, Coordinate metric, String value) {
        Coordinate ll = crs.toWgs84(metric.x, metric.y);
        data.add(List.of(layer, id, fmt(ll.x), fmt(ll.y), value));
    }

    /** Records a base layer as one row: its name and how many features were drawn. */
    void recordBase(String layer, int features) {
        data.add(List.of(layer, "", "", "", features + " features"));
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.5f", d);
    }

    /** Finishes the frame: scale bar, north arrow, legend. */
    Document.Image finish(String id, String caption) {
        g.setClip(null);
        int top = 30;
        g.setColor(new Color(0x88, 0x88, 0x88));
        g.setStroke(new BasicStroke(1f));
        g.drawRect(PAD, top, mapW, mapH);
        scaleBar(PAD + 10, top + mapH - 14);
        northArrow(PAD + mapW - 26, top + 14);
        drawLegend(PAD + mapW + 14, top);
        g.dispose();
        return new Document.Image(
                id,
                caption,
                img,
                CSS_WIDTH,
                new Document.DataTable(List.of("layer", "id", "lon", "lat", "value"), data));
    }

    private void scaleBar(int x, int y) {
        double target = mapW * mPerPx / 4;
        double pow = Math.pow(10, Math.floor(Math.log10(target)));
        double len = pow;
        for (double m : new double[] {1, 2, 5, 10}) if (m * pow <= target) len = m * pow;
        int px = (int) Math.round(len / mPerPx);
        String text = len >= 1000 ? fmtLen(len / 1000) + " km" : fmtLen(len) + " m";
        g.setColor(new Color(255, 255, 255, 220));
        g.fillRect(x - 4, y - 18, px + 50, 26);
        g.setColor(Palette.BLACK);
        g.fillRect(x, y, px / 2, 5);
        g.setColor(Color.WHITE);
        g.fillRect(x + px / 2, y, px - px / 2, 5);
        g.setColor(Palette.BLACK);
        g.drawRect(x, y, px, 5);
        g.setFont(FONT);
        g.drawString("0", x - 2, y - 4);
        g.drawString(text, x + px - g.getFontMetrics().stringWidth(text) / 2, y - 4);
    }

    private static String fmtLen(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private void northArrow(int x, int y) {
        g.setColor(new Color(255, 255, 255, 220));
        g.fillRoundRect(x - 14, y - 6, 28, 44, 6, 6);
        Path2D.Double a = new Path2D.Double();
        a.moveTo(x, y + 14);
        a.lineTo(x + 7, y + 34);
        a.lineTo(x, y + 28);
        a.lineTo(x - 7, y + 34);
        a.closePath();
        g.setColor(Palette.BLACK);
        g.fill(a);
        g.setFont(BOLD);
        g.drawString("N", x - g.getFontMetrics().stringWidth("N") / 2, y + 10);
    }

    private void drawLegend(int x, int y) {
        g.setFont(BOLD);
        g.setColor(Palette.BLACK);
        g.drawString("Legend", x, y + 12);
        int yy = y + 26;
        g.setFont(FONT);
        FontMetrics fm = g.getFontMetrics();
        for (LegendItem it : legend) {
            int sw = 18;
            switch (it.shape()) {
                case "line", "dash" -> {
                    g.setColor(it.stroke());
                    g.setStroke(
                            it.shape().equals("dash")
                                    ? new BasicStroke(
                                            2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {5, 3}, 0)
                                    : new BasicStroke(2f));
                    g.drawLine(x, yy + 6, x + sw, yy + 6);
                }
                case "circle", "square", "triangle" -> {
                    g.setColor(it.fill());
                    Shape s = symbol(it.shape(), x + sw / 2.0, yy + 6, 10);
                    g.fill(s);
                }
                default -> {
                    if (it.fill() != null) {
                        g.setColor(it.fill());
                        g.fillRect(x, yy, sw, 12);
                    }
                    if (it.stroke() != null) {
                        g.setColor(it.stroke());
                        g.setStroke(new BasicStroke(2.5f));
                        g.drawRect(x, yy, sw, 12);
                    }
                }
            }
            g.setColor(Palette.BLACK);
            List<String> lines = wrap(it.label(), fm, LEGEND_W - sw - 12);
            for (int i = 0; i < lines.size(); i++) g.drawString(lines.get(i), x + sw + 6, yy + 10 + i * 13);
            yy += Math.max(18, lines.size() * 13 + 5);
        }
        g.setColor(new Color(0x55, 0x55, 0x55));
        String unit = String.format(Locale.ROOT, "Grid north of %s; 1 px = %.1f m", crs.code(), mPerPx);
        List<String> lines = wrap(unit, fm, LEGEND_W - 10);
        for (int i = 0; i < lines.size(); i++) g.drawString(lines.get(i), x, yy + 14 + i * 13);
    }

    private static List<String> wrap(String s, FontMetrics fm, int max) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : s.split(" ")) {
            String cand = line.isEmpty() ? w : line + " " + w;
            if (fm.stringWidth(cand) <= max || line.isEmpty()) {
                line.setLength(0);
                line.append(cand);
            } else {
                out.add(line.toString());
                line.setLength(0);
                line.append(w);
            }
        }
        if (!line.isEmpty()) out.add(line.toString());
        return out;
    }

    @SuppressWarnings("unused")
    private void composite(float a) {
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, a));
    }
}
