package org.sightline.engine.viewshed;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.model.Footprint;

/**
 * The slow, independent construction of V(c) that the sweep is checked against: the sector (wedge ∩
 * disk, arc vertices every {@code arcToleranceM} of sagitta) minus the union of the "shadows" of
 * every edge of every occluding footprint — unmerged, not back-face culled — built with JTS overlay.
 * The shadow of edge ab is the region beyond ab between the rays from the viewer through a and b.
 */
final class ReferenceViewshed {
    private ReferenceViewshed() {}

    static Geometry of(
            List<Footprint> footprints,
            double minOccluderHeightM,
            double px,
            double py,
            double headingDeg,
            double fovDeg,
            double rangeM,
            double arcToleranceM) {
        Geometry sector = sector(px, py, headingDeg, fovDeg, rangeM, arcToleranceM);
        Envelope box = new Envelope(px - rangeM, px + rangeM, py - rangeM, py + rangeM);
        List<Geometry> shadows = new ArrayList<>();
        for (Footprint f : footprints) {
            if (f.hasHeight() && f.heightM() < minOccluderHeightM) continue;
            if (!f.geometry().getEnvelopeInternal().intersects(box)) continue;
            for (int g = 0; g < f.geometry().getNumGeometries(); g++) {
                Polygon p = (Polygon) f.geometry().getGeometryN(g);
                for (int r = -1; r < p.getNumInteriorRing(); r++) {
                    Coordinate[] cs = (r < 0 ? p.getExteriorRing() : p.getInteriorRingN(r)).getCoordinates();
                    for (int i = 0; i + 1 < cs.length; i++) {
                        double d = org.locationtech.jts.algorithm.Distance.pointToSegment(
                                new Coordinate(px, py), cs[i], cs[i + 1]);
                        if (d > rangeM) continue; // wholly beyond the range: shadows nothing in the disk
                        Polygon s = shadow(px, py, cs[i], cs[i + 1], rangeM);
                        if (s != null) shadows.add(s);
                    }
                }
            }
        }
        if (shadows.isEmpty()) return sector;
        Geometry shadow = UnaryUnionOp.union(shadows);
        return OverlayNGRobust.overlay(sector, shadow, OverlayNG.DIFFERENCE);
    }

    static Polygon sector(double px, double py, double headingDeg, double fovDeg, double rangeM, double tol) {
        boolean full = fovDeg >= 360;
        double step = Math.min(Math.PI / 8, 2 * Math.acos(1 - Math.min(tol, rangeM) / rangeM));
        double span = Math.toRadians(full ? 360 : fovDeg);
        int n = Math.max(1, (int) Math.ceil(span / step));
        double start = Math.toRadians(headingDeg - (full ? 0 : fovDeg / 2));
        List<Coordinate> cs = new ArrayList<>();
        if (!full) cs.add(new Coordinate(px, py));
        for (int i = 0; i <= (full ? n - 1 : n); i++) {
            double a = start + span * i / n;
            cs.add(new Coordinate(px + rangeM * Math.sin(a), py + rangeM * Math.cos(a)));
        }
        cs.add(cs.get(0).copy());
        return Geometries.FACTORY.createPolygon(cs.toArray(Coordinate[]::new));
    }

    private static Polygon shadow(double px, double py, Coordinate a, Coordinate b, double rangeM) {
        double ax = a.x - px, ay = a.y - py, bx = b.x - px, by = b.y - py;
        double cross = ax * by - ay * bx;
        if (Math.abs(cross) < 1e-12 * (ax * ax + ay * ay + bx * bx + by * by)) return null; // collinear: no area
        double far = 2 * Math.max(rangeM, Math.max(Math.hypot(ax, ay), Math.hypot(bx, by))) + 1;
        double aa = Math.atan2(ay, ax), ab = Math.atan2(by, bx);
        double d = ab - aa;
        while (d > Math.PI) d -= 2 * Math.PI;
        while (d < -Math.PI) d += 2 * Math.PI;
        int n = Math.max(1, (int) Math.ceil(Math.abs(d) / Math.toRadians(30)));
        List<Coordinate> cs = new ArrayList<>();
        cs.add(a.copy());
        cs.add(b.copy());
        for (int i = n; i >= 0; i--) {
            double t = aa + d * i / n;
            cs.add(new Coordinate(px + far * Math.cos(t), py + far * Math.sin(t)));
        }
        cs.add(a.copy());
        Polygon s = Geometries.FACTORY.createPolygon(cs.toArray(Coordinate[]::new));
        return s.isValid() ? s : null;
    }

    /** Intersection over union; 1 for two empty geometries. */
    static double iou(Geometry a, Geometry b) {
        if (a.isEmpty() && b.isEmpty()) return 1;
        if (a.isEmpty() || b.isEmpty()) return 0;
        double inter = OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION).getArea();
        double union = a.getArea() + b.getArea() - inter;
        return union <= 0 ? 1 : inter / union;
    }
}
