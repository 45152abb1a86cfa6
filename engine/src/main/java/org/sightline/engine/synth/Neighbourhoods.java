package org.sightline.engine.synth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;
import org.sightline.engine.geo.Geometries;

/**
 * Neighbourhoods: a Voronoi tessellation of seed points clipped to the city boundary. Seeds are
 * denser towards the centre (radius ∝ U^0.75) and kept at least 0.3 r/√n apart, so central
 * neighbourhoods are smaller than outer ones. Ids run from the centre outwards.
 */
final class Neighbourhoods {
    /** One neighbourhood in metres relative to the centre. */
    record Cell(String id, String name, Geometry geometry) {}

    private Neighbourhoods() {}

    static List<Cell> of(CityBoundary boundary, int n, double radius, SplittableRandom rng) {
        List<Coordinate> sites = new ArrayList<>();
        double minDist = 0.3 * radius / Math.sqrt(n);
        int tries = 0;
        while (sites.size() < n) {
            if (++tries % (200 * n) == 0) minDist *= 0.8;
            double r = 1.25 * radius * Math.pow(rng.nextDouble(), 0.75);
            double a = Seeds.uniform(rng, 0, 2 * Math.PI);
            double x = r * StrictMath.cos(a), y = r * StrictMath.sin(a);
            if (!boundary.contains(x, y)) continue;
            boolean far = true;
            for (Coordinate c : sites) {
                if (Math.hypot(c.x - x, c.y - y) < minDist) {
                    far = false;
                    break;
                }
            }
            if (far) sites.add(new Coordinate(x, y));
        }
        sites.sort(Comparator.comparingDouble((Coordinate c) -> Math.hypot(c.x, c.y))
                .thenComparingDouble(c -> c.x)
                .thenComparingDouble(c -> c.y));
        Map<Coordinate, Integer> index = new HashMap<>();
        for (int i = 0; i < sites.size(); i++) index.put(sites.get(i), i);

        VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
        vb.setSites(sites);
        Envelope clip = new Envelope(boundary.polygon.getEnvelopeInternal());
        clip.expandBy(radius);
        vb.setClipEnvelope(clip);
        Geometry diagram = vb.getDiagram(Geometries.FACTORY);
        Geometry[] cells = new Geometry[sites.size()];
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry g = diagram.getGeometryN(i);
            Integer k = index.get((Coordinate) g.getUserData());
            if (k != null) cells[k] = g;
        }
        List<String> names = Names.neighbourhoods(rng, sites.size());
        List<Cell> out = new ArrayList<>(sites.size());
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == null) continue;
            Geometry clipped = cells[i].intersection(boundary.polygon);
            if (!(clipped instanceof Polygon || clipped instanceof MultiPolygon)) {
                // a degenerate intersection may carry lines or points: keep the polygonal part
                clipped = Geometries.FACTORY.buildGeometry(PolygonExtracter.getPolygons(clipped));
            }
            if (clipped.isEmpty() || clipped.getArea() <= 0) continue;
            out.add(new Cell(Decimals.id("AREA-", i + 1, 3), names.get(i), clipped));
        }
        return out;
    }
}
