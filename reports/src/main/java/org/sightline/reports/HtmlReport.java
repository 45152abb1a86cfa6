package org.sightline.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.sightline.reports.Document.Block;
import org.sightline.reports.Document.Cell;
import org.sightline.reports.Document.Figure;

/**
 * One self-contained HTML file: CSS inline, images as {@code data:image/png} URIs. Headline figures
 * carry {@code id} and {@code data-value} (the exact number), table cells {@code data-value}, so tests
 * and scripts can compare them with the pipeline's tables.
 */
public final class HtmlReport {
    /** Rows of an image's data shown in the HTML (maps of a whole city can draw thousands of features). */
    static final int MAX_DATA_ROWS = 300;

    private HtmlReport() {}

    private static final String CSS = """
            body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
            h1{font-size:1.8rem;margin-bottom:.2rem}h2{border-bottom:2px solid #0072B2;padding-bottom:.2rem;margin-top:2.2rem}
            .subtitle{color:#555;margin-top:0}.note{background:#FFF4D6;border-left:4px solid #E69F00;padding:.5rem .8rem}
            .figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:.8rem;margin:1rem 0}
            .figure{border:1px solid #ccd;border-radius:6px;padding:.6rem .8rem}.figure .v{font-size:1.5rem;font-weight:bold;color:#0072B2}
            .figure .l{font-size:.85rem;color:#444}table{border-collapse:collapse;font-size:.85rem;margin:.6rem 0 1.2rem}
            th,td{border:1px solid #ccc;padding:.25rem .5rem}th{background:#eef3f8;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
            caption{text-align:left;font-weight:bold;padding:.3rem 0}figure{margin:1.2rem 0}figcaption{font-size:.9rem;color:#333}
            details{font-size:.8rem;color:#444}img{max-width:100%;height:auto;border:1px solid #ddd}
            @media print{details{display:none}h2{break-before:auto}}
            """;

    public static String render(Document doc) {
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(esc(doc.title()))
                .append("</title><style>")
                .append(CSS)
                .append("</style></head><body>\n<h1>")
                .append(esc(doc.title()))
                .append("</h1>\n<p class=\"subtitle\">")
                .append(esc(doc.subtitle()))
                .append("</p>\n");
        for (Block b : doc.blocks()) block(sb, b);
        sb.append("</body></html>\n");
        return sb.toString();
    }

    private static void block(StringBuilder sb, Block b) {
        if (b instanceof Document.Heading h) {
            sb.append("<h")
                    .append(h.level() + 1)
                    .append('>')
                    .append(esc(h.text()))
                    .append("</h")
                    .append(h.level() + 1)
                    .append(">\n");
        } else if (b instanceof Document.Paragraph p) {
            sb.append("<p>").append(esc(p.text())).append("</p>\n");
        } else if (b instanceof Document.Note n) {
            sb.append("<p class=\"note\">").append(esc(n.text())).append("</p>\n");
        } else if (b instanceof Document.Figures f) {
            sb.append("<div class=\"figures\">\n");
            for (Figure x : f.items()) {
                sb.append("<div class=\"figure\"><div class=\"v\" id=\"")
                        .append(esc(x.id()))
                        .append("\" data-value=\"")
                        .append(num(x.value()))
                        .append("\">")
                        .append(esc(x.text()))
                        .append("</div><div class=\"l\">")
                        .append(esc(x.label()))
                        .append("</div></div>\n");
            }
            sb.append("</div>\n");
        } else if (b instanceof Document.TableBlock t) {
            sb.append("<table id=\"").append(esc(t.id())).append("\"><caption>").append(esc(t.caption()));
            sb.append("</caption>\n<thead><tr>");
            for (String c : t.columns()) sb.append("<th>").append(esc(c)).append("</th>");
            sb.append("</tr></thead>\n<tbody>\n");
            for (List<Cell> row : t.rows()) {
                sb.append("<tr>");
                for (Cell c : row) {
                    if (c.value() != null)
                        sb.append("<td class=\"n\" data-value=\"")
                                .append(num(c.value()))
                                .append("\">");
                    else sb.append("<td>");
                    sb.append(esc(c.text())).append("</td>");
                }
                sb.append("</tr>\n");
            }
            sb.append("</tbody></table>\n");
        } else if (b instanceof Document.Image i) {
            sb.append("<figure id=\"")
                    .append(esc(i.id()))
                    .append("\"><img alt=\"")
                    .append(esc(i.caption()))
                    .append("\" width=\"")
                    .append(i.widthPx())
                    .append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(png(i.image())))
                    .append("\"><figcaption>")
                    .append(esc(i.caption()))
                    .append("</figcaption>");
            if (!i.data().rows().isEmpty()) {
                sb.append("<details><summary>Data behind this image (")
                        .append(i.data().rows().size())
                        .append(" rows)</summary><table><thead><tr>");
                for (String c : i.data().columns())
                    sb.append("<th>").append(esc(c)).append("</th>");
                sb.append("</tr></thead><tbody>");
                for (List<String> row : i.data()
                        .rows()
                        .subList(0, Math.min(MAX_DATA_ROWS, i.data().rows().size()))) {
                    sb.append("<tr>");
                    for (String c : row) sb.append("<td>").append(esc(c)).append("</td>");
                    sb.append("</tr>");
                }
                sb.append("</tbody></table>");
                if (i.data().rows().size() > MAX_DATA_ROWS)
                    sb.append("<p>First ").append(MAX_DATA_ROWS).append(" rows shown.</p>");
                sb.append("</details>");
            }
            sb.append("</figure>\n");
        } else if (b instanceof Document.PageBreak pb) {
            sb.append("<div style=\"break-after:page\"></div>\n");
        }
    }

    static byte[] png(java.awt.image.BufferedImage img) {
        try {
            return org.jfree.chart.ChartUtils.encodeAsPNG(img);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
