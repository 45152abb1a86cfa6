package org.sightline.engine.hotspot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.model.Area;
import org.sightline.engine.model.Incident;

/**
 * Hotspot analysis of incidents (DESIGN.md, "Hotspots"): bin into study cells, Getis–Ord Gi* with
 * BH-FDR bins, optional permutation pseudo p-values, quartic KDE at the cell centres, and PAI.
 *
 * <p>An incident counts in the study cell that contains it; incidents whose cell is not a study
 * cell (outside the region, or inside it in an edge cell whose centre is outside) are returned in
 * {@link HotspotGrid#outside()}. With an empty region the study region is the incidents' extent,
 * grown so that every incident's cell is a study cell: snapped outwards to whole cells for
 * squares, grown by the largest incident-to-cell-centre distance for H3. The KDE uses the counted
 * incidents. An incident with an empty or non-finite position is reported as outside. Inputs are
 * never modified.
 */
public final class Hotspots {
    /** Permutation inference is refused above this many cells (cost grows with n × permutations). */
    public static final int MAX_PERMUTATION_CELLS = 200_000;

    private Hotspots() {}

    /** Square-cell hotspots of {@code incidents} in {@code region} (empty: the incidents' extent). */
    public static HotspotGrid compute(List<Incident> incidents, Geometry region, HotspotOptions options) {
        if (options.isH3())
            throw new IllegalArgumentException(
                    "h3Res " + options.h3Res().getAsInt() + " needs a LonLatProjection: use compute(..., projection)");
        return compute(incidents, region, options, null, Runtime.getRuntime().availableProcessors());
    }

    /** As {@link #compute(List, Geometry, HotspotOptions)}; H3 cells use {@code projection}. */
    public static HotspotGrid compute(
            List<Incident> incidents, Geometry region, HotspotOptions options, LonLatProjection projection) {
        Objects.requireNonNull(projection, "projection");
        return compute(
                incidents, region, options, projection, Runtime.getRuntime().availableProcessors());
    }

    /** The study region of a set of areas: their union, or an empty polygon when there are none. */
    public static Geometry region(List<Area> areas) {
        if (areas.isEmpty()) return Geometries.emptyPolygon();
        return UnaryUnionOp.union(areas.stream().map(Area::geometry).toList());
    }

    static HotspotGrid compute(
            List<Incident> incidents,
            Geometry region,
            HotspotOptions options,
            LonLatProjection projection,
            int threads) {
        Objects.requireNonNull(incidents, "incidents");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(options, "options");
        StudyCells cells = studyCells(incidents, polygonal(region), options, projection);
        int n = cells.size();

        double[] x = new double[n];
        List<Incident> outside = new ArrayList<>();
        double outsideWeight = 0;
        double counted = 0;
        int m = 0;
        double[] ix = new double[incidents.size()];
        double[] iy = new double[incidents.size()];
        double[] iw = new double[incidents.size()];
        for (Incident inc : incidents) {
            boolean located = !inc.position().isEmpty();
            double px = located ? inc.position().getX() : Double.NaN;
            double py = located ? inc.position().getY() : Double.NaN;
            int i = cells.indexAt(px, py);
            if (i < 0) {
                outside.add(inc);
                outsideWeight += inc.weight();
                continue;
            }
            x[i] += inc.weight();
            counted += inc.weight();
            ix[m] = px;
            iy[m] = py;
            iw[m++] = inc.weight();
        }

        // p-values as the scores are written (on a grid, band by band while a band is in the cache)
        double[] p = new double[n];
        FalseDiscovery.Inference inference = new FalseDiscovery.Inference(p);
        GiScores gi = cells instanceof SquareCells sq
                ? GiStar.onGrid(
                        sq.toRaster(x), sq.mask(), sq.grid().width(), sq.grid().height(), sq.window(), inference)
                : GiStar.of(x, cells.neighbours(), inference);
        double[] z = gi.z();
        byte[] bins;
        if (gi.degenerate()) {
            java.util.Arrays.fill(p, 1);
            bins = new byte[n];
        } else {
            bins = inference.bins(z);
        }

        double[] perm = null;
        if (options.permutations() > 0 && n > 0) {
            if (n > MAX_PERMUTATION_CELLS)
                throw new IllegalArgumentException("permutations need at most " + MAX_PERMUTATION_CELLS
                        + " cells, the region has " + n + "; use larger cells or permutations 0");
            perm = new double[n];
            if (gi.degenerate()) java.util.Arrays.fill(perm, 1);
            else
                perm = ConditionalRandomization.pseudoP(
                        x, cells.neighbours(), options.permutations(), options.seed(), threads);
        }

        double[] kde = kde(
                cells,
                java.util.Arrays.copyOf(ix, m),
                java.util.Arrays.copyOf(iy, m),
                java.util.Arrays.copyOf(iw, m),
                options.bandwidth());

        List<HotspotCell> out = new ArrayList<>(n);
        int hot = 0;
        int cold = 0;
        double hotWeight = 0;
        for (int i = 0; i < n; i++) {
            if (bins[i] >= 2) {
                hot++;
                hotWeight += x[i];
            }
            if (bins[i] <= -2) cold++;
            out.add(new HotspotCell(
                    i,
                    cells.id(i),
                    cells.cx(i),
                    cells.cy(i),
                    x[i],
                    z[i],
                    p[i],
                    bins[i],
                    perm == null ? OptionalDouble.empty() : OptionalDouble.of(perm[i]),
                    kde[i]));
        }
        OptionalDouble pai = hot > 0 && counted > 0
                ? OptionalDouble.of((hotWeight / counted) / ((double) hot / n))
                : OptionalDouble.empty();
        var summary = new HotspotSummary(
                n, gi.mean(), gi.sd(), gi.degenerate(), counted, outsideWeight, hot, cold, pai, options);
        return new HotspotGrid(cells, out, outside, summary);
    }

    private static double[] kde(StudyCells cells, double[] xs, double[] ys, double[] ws, double h) {
        int n = cells.size();
        double[] out = new double[n];
        if (cells instanceof SquareCells sq) {
            double[] raster = QuarticKde.raster(xs, ys, ws, sq.grid(), h);
            for (int i = 0; i < n; i++) out[i] = raster[sq.rasterIndex(i)];
            return out;
        }
        double[] px = new double[n];
        double[] py = new double[n];
        for (int i = 0; i < n; i++) {
            px[i] = cells.cx(i);
            py[i] = cells.cy(i);
        }
        return QuarticKde.atPoints(xs, ys, ws, px, py, h);
    }

    private static boolean finite(Incident inc) {
        return !inc.position().isEmpty()
                && Double.isFinite(inc.position().getX())
                && Double.isFinite(inc.position().getY());
    }

    private static Geometry polygonal(Geometry region) {
        if (region.isEmpty()) return Geometries.emptyPolygon();
        Geometry g = region instanceof Polygon ? region : UnaryUnionOp.union(region);
        if (!(g instanceof Polygonal))
            throw new IllegalArgumentException("region must be polygonal, was " + region.getGeometryType());
        return g;
    }

    private static StudyCells studyCells(
            List<Incident> incidents, Geometry region, HotspotOptions options, LonLatProjection projection) {
        if (!region.isEmpty()) {
            return options.isH3()
                    ? H3Cells.of(region, options.h3Res().getAsInt(), projection)
                    : SquareCells.of(region, options.cell(), options.band());
        }
        Envelope env = new Envelope();
        for (Incident inc : incidents)
            if (finite(inc)) env.expandToInclude(inc.position().getCoordinate());
        if (env.isNull()) {
            return options.isH3()
                    ? H3Cells.ofCells(new long[0], options.h3Res().getAsInt(), projection)
                    : SquareCells.of(Geometries.emptyPolygon(), options.cell(), options.band());
        }
        if (!options.isH3()) {
            GridSpec grid =
                    GridSpec.covering(env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY(), options.cell());
            return SquareCells.all(grid, options.band());
        }
        // grow the extent so that every incident's cell centre lies in it
        int res = options.h3Res().getAsInt();
        H3Cells probe = H3Cells.ofCells(new long[0], res, projection);
        double grow = 0;
        for (Incident inc : incidents) {
            if (!finite(inc)) continue;
            double px = inc.position().getX();
            double py = inc.position().getY();
            var c = H3Cells.core().cellToLatLng(probe.cellAt(px, py));
            Coordinate m = projection.toMetric(c.lng, c.lat);
            grow = Math.max(grow, Math.hypot(m.x - px, m.y - py));
        }
        env.expandBy(grow * (1 + 1e-6) + 1e-6);
        return H3Cells.of(Geometries.FACTORY.toGeometry(env), res, projection);
    }
}
