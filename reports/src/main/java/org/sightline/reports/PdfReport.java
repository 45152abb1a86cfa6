package org.sightline.reports;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.sightline.reports.Document.Block;
import org.sightline.reports.Document.Cell;
import org.sightline.reports.Document.Figure;

/**
 * The PDF edition of a {@link Document}: A4 portrait, 20 mm margins, the same text, tables and images
 * as the HTML, tables continued across pages with their header repeated, and "page i of n" in the
 * footer. Text uses DejaVu Sans when the system has it (full Unicode), else Helvetica with the few
 * characters WinAnsi lacks spelled out.
 */
public final class PdfReport {
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 56.7f; // 20 mm
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float TOP = PAGE.getHeight() - MARGIN;
    private static final float BOTTOM = MARGIN + 14; // room for the footer
    private static final Color ACCENT = new Color(0x00, 0x72, 0xB2);
    private static final String[] FONT_DIRS = {
        "/usr/share/fonts/truetype/dejavu/", "/usr/share/fonts/dejavu/", "/usr/share/fonts/TTF/"
    };

    private final PDDocument pdf;
    /** Images compressed ahead, by identity. */
    private final Map<Document.Image, Future<PDImageXObject>> encoded;

    private final PDFont regular;
    private final PDFont bold;
    private final boolean unicode;
    private PDPageContentStream cs;
    private float y;

    private PdfReport(PDDocument pdf, Map<Document.Image, Future<PDImageXObject>> encoded) throws IOException {
        this.pdf = pdf;
        this.encoded = encoded;
        Path reg = font("DejaVuSans.ttf"), b = font("DejaVuSans-Bold.ttf");
        if (reg != null && b != null) {
            regular = PDType0Font.load(pdf, reg.toFile());
            bold = PDType0Font.load(pdf, b.toFile());
            unicode = true;
        } else {
            regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            unicode = false;
        }
    }

    private static Path font(String name) {
        for (String d : FONT_DIRS) {
            Path p = Path.of(d, name);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    /** Writes {@code doc} as PDF to {@code out}. */
    public static void write(Document doc, OutputStream out) throws IOException {
        // Images are compressed side by side on Background threads, each into a scratch document of
        // its own (PDFBox documents are not thread-safe), kept open until the report is saved: the
        // saved file holds the same image streams as when they were compressed one after another.
        List<PDDocument> scratch = new ArrayList<>();
        Map<Document.Image, Future<PDImageXObject>> encoded = new IdentityHashMap<>();
        try {
            for (Document.Image i : doc.images()) {
                PDDocument d = new PDDocument();
                scratch.add(d);
                encoded.put(i, Background.submit(() -> {
                    try {
                        return LosslessFactory.createFromImage(d, i.image());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
            try (PDDocument pdf = new PDDocument()) {
                PDDocumentInformation info = pdf.getDocumentInformation();
                info.setTitle(doc.title());
                info.setCreator("Sightline");
                PdfReport r = new PdfReport(pdf, encoded);
                r.render(doc);
                pdf.save(out);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            for (Future<PDImageXObject> f : encoded.values()) f.cancel(false);
            for (PDDocument d : scratch) {
                try {
                    d.close();
                } catch (IOException e) {
                    // a scratch document in memory; nothing to release beyond it
                }
            }
        }
    }

    private void render(Document doc) throws IOException {
        newPage();
        paragraph(doc.title(), bold, 20, ACCENT);
        y -= 4;
        paragraph(doc.subtitle(), regular, 10, Color.DARK_GRAY);
        y -= 6;
        List<Block> blocks = doc.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            // A heading stays on the page of the image that follows it.
            if (blocks.get(i) instanceof Document.Heading
                    && i + 1 < blocks.size()
                    && blocks.get(i + 1) instanceof Document.Image img) need(40 + imageHeight(img) + 30);
            block(blocks.get(i));
        }
        cs.close();
        footers(doc.title());
    }

    private void block(Block b) throws IOException {
        if (b instanceof Document.Heading h) {
            float size = h.level() == 1 ? 15 : 12;
            need(size * 3 + 60); // keep a heading with what follows
            y -= h.level() == 1 ? 14 : 8;
            text(h.text(), bold, size, h.level() == 1 ? ACCENT : Color.BLACK, 0);
            if (h.level() == 1) {
                cs.setStrokingColor(ACCENT);
                cs.setLineWidth(1f);
                line(MARGIN, y - 2, MARGIN + WIDTH, y - 2);
            }
            y -= 9;
        } else if (b instanceof Document.Paragraph p) {
            paragraph(p.text(), regular, 10, Color.BLACK);
            y -= 6;
        } else if (b instanceof Document.Note n) {
            List<String> lines = wrap(n.text(), regular, 9, WIDTH - 12);
            float h = lines.size() * 12 + 8;
            need(h);
            cs.setNonStrokingColor(new Color(0xFF, 0xF4, 0xD6));
            cs.addRect(MARGIN, y - h, WIDTH, h);
            cs.fill();
            cs.setNonStrokingColor(new Color(0xE6, 0x9F, 0x00));
            cs.addRect(MARGIN, y - h, 3, h);
            cs.fill();
            y -= 4;
            for (String l : lines) text(l, regular, 9, Color.BLACK, 8);
            y -= 10;
        } else if (b instanceof Document.Figures f) {
            figures(f.items());
        } else if (b instanceof Document.TableBlock t) {
            table(t);
        } else if (b instanceof Document.Image i) {
            image(i);
        } else if (b instanceof Document.PageBreak pb) {
            cs.close();
            newPage();
        }
    }

    private void figures(List<Figure> items) throws IOException {
        int perRow = 3;
        float gap = 8, w = (WIDTH - gap * (perRow - 1)) / perRow, h = 54;
        for (int i = 0; i < items.size(); i += perRow) {
            need(h + gap);
            for (int j = 0; j < perRow && i + j < items.size(); j++) {
                Figure f = items.get(i + j);
                float x = MARGIN + j * (w + gap);
                cs.setStrokingColor(new Color(0xCC, 0xCC, 0xDD));
                cs.setLineWidth(0.6f);
                cs.addRect(x, y - h, w, h);
                cs.stroke();
                show(f.text(), bold, 14, ACCENT, x + 6, y - 18);
                List<String> label = wrap(f.label(), regular, 7.5f, w - 12);
                for (int k = 0; k < Math.min(3, label.size()); k++)
                    show(label.get(k), regular, 7.5f, Color.DARK_GRAY, x + 6, y - 30 - k * 9);
            }
            y -= h + gap;
        }
        y -= 4;
    }

    private void table(Document.TableBlock t) throws IOException {
        float size = 8f, pad = 3;
        int n = t.columns().size();
        float[] want;
        // Shrink the type (down to 6.5 pt) before capping the widest columns.
        do {
            size -= 0.5f;
            want = wantedWidths(t, size, pad);
        } while (sum(want) > WIDTH && size > 6.5f);
        float lead = size + 1.5f;
        float[] w = fitWidths(want, WIDTH);
        List<List<String>> head = new ArrayList<>();
        int headLines = 1;
        for (int c = 0; c < n; c++) {
            List<String> l = wrapHard(t.columns().get(c), bold, size, w[c] - 2 * pad);
            head.add(l);
            headLines = Math.max(headLines, l.size());
        }
        float headH = headLines * lead + 2 * pad;
        need(18 + headH + (lead + 2 * pad) * Math.min(3, t.rows().size()));
        text(t.caption(), bold, 9, Color.BLACK, 0);
        y -= 2;
        tableHeader(head, w, size, pad, headH, lead);
        boolean shade = false;
        for (List<Cell> row : t.rows()) {
            List<List<String>> lines = new ArrayList<>();
            int maxLines = 1;
            for (int c = 0; c < n; c++) {
                List<String> l = wrapHard(row.get(c).text(), regular, size, w[c] - 2 * pad);
                lines.add(l);
                maxLines = Math.max(maxLines, l.size());
            }
            float rowH = maxLines * lead + 2 * pad;
            if (y - rowH < BOTTOM) {
                cs.close();
                newPage();
                text(t.caption() + " (continued)", bold, 9, Color.BLACK, 0);
                y -= 2;
                tableHeader(head, w, size, pad, headH, lead);
            }
            if (shade) {
                cs.setNonStrokingColor(new Color(0xF5, 0xF7, 0xFA));
                cs.addRect(MARGIN, y - rowH, sum(w), rowH);
                cs.fill();
            }
            shade = !shade;
            float x = MARGIN;
            for (int c = 0; c < n; c++) {
                boolean right = row.get(c).value() != null;
                List<String> l = lines.get(c);
                for (int k = 0; k < l.size(); k++) {
                    float tx = right ? x + w[c] - pad - width(l.get(k), regular, size) : x + pad;
                    show(l.get(k), regular, size, Color.BLACK, tx, y - pad - size + 1 - k * lead);
                }
                x += w[c];
            }
            y -= rowH;
        }
        cs.setStrokingColor(Color.GRAY);
        cs.setLineWidth(0.5f);
        line(MARGIN, y, MARGIN + sum(w), y);
        y -= 12;
    }

    /**
     * Each column wants its widest cell; a header may wrap at spaces, so it needs its longest word, or
     * 34 pt when the whole header is that wide (so short numbers do not stack a header word by word).
     */
    private float[] wantedWidths(Document.TableBlock t, float size, float pad) throws IOException {
        int n = t.columns().size();
        float[] want = new float[n];
        for (int c = 0; c < n; c++) {
            String h = t.columns().get(c);
            for (String word : h.split(" ")) want[c] = Math.max(want[c], width(word, bold, size));
            want[c] = Math.max(want[c], Math.min(width(h, bold, size), 34));
            for (List<Cell> row : t.rows())
                want[c] = Math.max(want[c], width(row.get(c).text(), regular, size));
            want[c] += 2 * pad;
        }
        return want;
    }

    /** Column widths: each column its wanted width; if they do not fit, the widest are capped to one width. */
    static float[] fitWidths(float[] want, float total) {
        float sum = 0;
        for (float v : want) sum += v;
        if (sum <= total) return want.clone();
        float[] sorted = want.clone();
        java.util.Arrays.sort(sorted);
        float cap = total / want.length, below = 0;
        for (int i = 0; i < sorted.length; i++) {
            float c = (total - below) / (sorted.length - i);
            if (c <= sorted[i]) {
                cap = c;
                break;
            }
            below += sorted[i];
        }
        float[] out = new float[want.length];
        for (int i = 0; i < want.length; i++) out[i] = Math.min(want[i], cap);
        return out;
    }

    private void tableHeader(List<List<String>> head, float[] w, float size, float pad, float headH, float lead)
            throws IOException {
        cs.setNonStrokingColor(new Color(0xE3, 0xEC, 0xF5));
        cs.addRect(MARGIN, y - headH, sum(w), headH);
        cs.fill();
        float x = MARGIN;
        for (int c = 0; c < w.length; c++) {
            List<String> lines = head.get(c);
            for (int k = 0; k < lines.size(); k++)
                show(lines.get(k), bold, size, Color.BLACK, x + pad, y - pad - size + 1 - k * lead);
            x += w[c];
        }
        y -= headH;
    }

    /** Wraps at spaces, and inside a word (after '/', '_' or anywhere) when a word alone is too wide. */
    private List<String> wrapHard(String s, PDFont font, float size, float maxWidth) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : wrap(s, font, size, maxWidth)) {
            String rest = line;
            while (width(rest, font, size) > maxWidth && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(rest.substring(0, cut), font, size) > maxWidth) cut--;
                int soft = Math.max(rest.lastIndexOf('/', cut - 1), rest.lastIndexOf('_', cut - 1));
                if (soft > cut / 2) cut = soft + 1;
                out.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            out.add(rest);
        }
        return out;
    }

    private static float imageHeight(Document.Image i) {
        float w = Math.min(WIDTH, i.widthPx() * 0.75f * 1.1f);
        return Math.min(TOP - BOTTOM - 40, w * i.image().getHeight() / i.image().getWidth());
    }

    private void image(Document.Image i) throws IOException {
        Future<PDImageXObject> ahead = encoded.get(i);
        PDImageXObject img = ahead != null ? Background.join(ahead) : LosslessFactory.createFromImage(pdf, i.image());
        float w = Math.min(WIDTH, i.widthPx() * 0.75f * 1.1f);
        float h = w * i.image().getHeight() / i.image().getWidth();
        float maxH = TOP - BOTTOM - 40;
        if (h > maxH) {
            w *= maxH / h;
            h = maxH;
        }
        List<String> caption = wrap(i.caption(), regular, 8.5f, WIDTH);
        need(h + caption.size() * 11 + 10);
        cs.drawImage(img, MARGIN + (WIDTH - w) / 2, y - h, w, h);
        y -= h + 4;
        for (String l : caption) text(l, regular, 8.5f, Color.DARK_GRAY, 0);
        y -= 10;
    }

    private void paragraph(String s, PDFont font, float size, Color color) throws IOException {
        for (String l : wrap(s, font, size, WIDTH)) {
            need(size + 4);
            text(l, font, size, color, 0);
        }
    }

    /** One line at the cursor, then moves the cursor down. */
    private void text(String s, PDFont font, float size, Color color, float indent) throws IOException {
        need(size * 1.35f);
        y -= size * 1.35f;
        show(s, font, size, color, MARGIN + indent, y + size * 0.3f);
    }

    private void show(String s, PDFont font, float size, Color color, float x, float baseline) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.setNonStrokingColor(color);
        cs.newLineAtOffset(x, baseline);
        cs.showText(clean(s));
        cs.endText();
    }

    private void line(float x1, float y1, float x2, float y2) throws IOException {
        cs.moveTo(x1, y1);
        cs.lineTo(x2, y2);
        cs.stroke();
    }

    private void need(float h) throws IOException {
        if (y - h < BOTTOM) {
            cs.close();
            newPage();
        }
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(PAGE);
        pdf.addPage(page);
        cs = new PDPageContentStream(pdf, page);
        y = TOP;
    }

    private void footers(String title) throws IOException {
        int n = pdf.getNumberOfPages();
        for (int i = 0; i < n; i++) {
            try (PDPageContentStream f =
                    new PDPageContentStream(pdf, pdf.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                cs = f;
                String right = "page " + (i + 1) + " of " + n;
                show(title, regular, 8, Color.GRAY, MARGIN, MARGIN - 4);
                show(right, regular, 8, Color.GRAY, MARGIN + WIDTH - width(right, regular, 8), MARGIN - 4);
            }
        }
    }

    private List<String> wrap(String s, PDFont font, float size, float maxWidth) throws IOException {
        List<String> out = new ArrayList<>();
        for (String para : s.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" ")) {
                String cand = line.isEmpty() ? word : line + " " + word;
                if (width(cand, font, size) <= maxWidth || line.isEmpty()) {
                    line.setLength(0);
                    line.append(cand);
                } else {
                    out.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                }
            }
            out.add(line.toString());
        }
        return out;
    }

    private float width(String s, PDFont font, float size) throws IOException {
        return font.getStringWidth(clean(s)) / 1000f * size;
    }

    private String clean(String s) {
        if (unicode) return s.replace('\t', ' ');
        return s.replace("≥", ">=")
                .replace("≤", "<=")
                .replace("−", "-")
                .replace("→", "->")
                .replace("×", "x")
                .replace("…", "...")
                .replace("²", "2")
                .replaceAll("[^\\x20-\\x7E\\u00A0-\\u00FF–—‘’“”•]", "?");
    }

    private static float sum(float[] a) {
        float s = 0;
        for (float v : a) s += v;
        return s;
    }
}
