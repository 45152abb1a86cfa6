package org.sightline.reports;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough HTML reading for the tests: figures by id, tables by id, embedded images. */
final class Html {
    private static final Pattern FIGURE = Pattern.compile("<div class=\"v\" id=\"([^\"]+)\" data-value=\"([^\"]+)\">");
    private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL =
            Pattern.compile("<td(?: class=\"n\" data-value=\"([^\"]*)\")?>(.*?)</td>", Pattern.DOTALL);
    private static final Pattern IMG = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    private Html() {}

    static Map<String, Double> figures(String html) {
        Map<String, Double> out = new LinkedHashMap<>();
        Matcher m = FIGURE.matcher(html);
        while (m.find()) out.put(m.group(1), Double.parseDouble(m.group(2)));
        return out;
    }

    /** One table's body rows; each cell is its data-value when numeric, else its text. */
    static List<List<String>> table(String html, String id) {
        int start = html.indexOf("<table id=\"" + id + "\">");
        if (start < 0) throw new AssertionError("no table " + id);
        String body = html.substring(html.indexOf("<tbody>", start), html.indexOf("</tbody>", start));
        List<List<String>> rows = new ArrayList<>();
        Matcher r = ROW.matcher(body);
        while (r.find()) {
            List<String> cells = new ArrayList<>();
            Matcher c = CELL.matcher(r.group(1));
            while (c.find()) cells.add(c.group(1) != null ? c.group(1) : c.group(2));
            rows.add(cells);
        }
        return rows;
    }

    static List<byte[]> pngs(String html) {
        List<byte[]> out = new ArrayList<>();
        Matcher m = IMG.matcher(html);
        while (m.find()) out.add(Base64.getDecoder().decode(m.group(1)));
        return out;
    }
}
