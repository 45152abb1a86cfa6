package org.sightline.engine.hotspot;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Polygon;
import org.sightline.engine.model.Incident;

/**
 * The result of a hotspot run: one {@link HotspotCell} per study cell (zero counts included), the
 * incidents that fell in no study cell (reported, never dropped silently), and the summary. The
 * {@link StudyCells} give cell outlines for GeoJSON and locate points (gaps).
 */
public record HotspotGrid(
        StudyCells studyCells, List<HotspotCell> cells, List<Incident> outside, HotspotSummary summary) {
    public HotspotGrid {
        cells = List.copyOf(cells);
        outside = List.copyOf(outside);
    }

    /** The outline of a cell in the metric CRS: a square, or the projected H3 boundary. */
    public Polygon polygon(HotspotCell cell) {
        return studyCells.polygon(cell.index());
    }

    /** The study cell containing a metric point, if any. */
    public Optional<HotspotCell> cellAt(double x, double y) {
        int i = studyCells.indexAt(x, y);
        return i < 0 ? Optional.empty() : Optional.of(cells.get(i));
    }

    /** Cells with gi_bin ≥ 2. */
    public List<HotspotCell> hotspots() {
        return cells.stream().filter(HotspotCell::isHotspot).toList();
    }
}
