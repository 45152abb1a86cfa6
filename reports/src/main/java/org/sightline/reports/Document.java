package org.sightline.reports;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A report's content, independent of format: {@link HtmlReport} and {@link PdfReport} render the same
 * blocks, so HTML and PDF say the same. Every image keeps the {@link DataTable} it was drawn from.
 */
public final class Document {
    /** A piece of content. */
    public sealed interface Block permits Heading, Paragraph, Note, Figures, TableBlock, Image, PageBreak {}

    public record Heading(int level, String text) implements Block {}

    public record Paragraph(String text) implements Block {}

    /** A remark set apart: a missing stage, a caveat. */
    public record Note(String text) implements Block {}

    /** A headline number: {@code id} is stable (HTML element id), {@code value} the exact number shown. */
    public record Figure(String id, String label, double value, String text) {}

    public record Figures(List<Figure> items) implements Block {}

    /** A table; each cell has display text and, for numbers, the exact value. */
    public record TableBlock(String id, String caption, List<String> columns, List<List<Cell>> rows) implements Block {}

    public record Cell(String text, Double value) {
        public static Cell text(String t) {
            return new Cell(t == null ? "" : t, null);
        }

        public static Cell num(double v, String text) {
            return new Cell(text, Double.isFinite(v) ? v : null);
        }
    }

    /** The rows an image was drawn from. */
    public record DataTable(List<String> columns, List<List<String>> rows) {}

    /**
     * A chart or a map. {@code widthPx} is the CSS width (the bitmap is drawn at 2× that); {@code data}
     * is what was drawn, kept for the privacy checks and shown under the image in HTML.
     */
    public record Image(String id, String caption, BufferedImage image, int widthPx, DataTable data) implements Block {}

    public record PageBreak() implements Block {}

    private final String title;
    private final String subtitle;
    private final List<Block> blocks = new ArrayList<>();

    public Document(String title, String subtitle) {
        this.title = Objects.requireNonNull(title);
        this.subtitle = Objects.requireNonNull(subtitle);
    }

    public String title() {
        return title;
    }

    public String subtitle() {
        return subtitle;
    }

    public List<Block> blocks() {
        return List.copyOf(blocks);
    }

    public Document add(Block b) {
        blocks.add(b);
        return this;
    }

    public Document h1(String t) {
        return add(new Heading(1, t));
    }

    public Document h2(String t) {
        return add(new Heading(2, t));
    }

    public Document p(String t) {
        return add(new Paragraph(t));
    }

    public Document note(String t) {
        return add(new Note(t));
    }

    /** Every image of the report, in order. */
    public List<Image> images() {
        return blocks.stream()
                .filter(Image.class::isInstance)
                .map(Image.class::cast)
                .toList();
    }
}
