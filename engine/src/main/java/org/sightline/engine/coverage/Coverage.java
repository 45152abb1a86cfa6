package org.sightline.engine.coverage;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.sightline.engine.model.Area;
import org.sightline.engine.model.Street;

/**
 * City coverage from camera viewsheds (DESIGN.md, "Coverage"): per area the outdoor area seen by
 * ≥ 1, ≥ 2, ≥ 3 cameras and by a live camera, street length seen, each camera's unique area, and
 * city totals.
 *
 * <p>Exact, without a polygon union: see {@link CoverageSweep} for the boundary integral. Areas agree
 * with a full JTS OverlayNG union to 1e-6 relative (tested) at roughly a tenth of its cost.
 *
 * <p>Viewsheds must already exclude building interiors (occluding footprints do, by the viewshed's
 * definition; clip non-occluding footprints out with {@link #outdoorOnly} first), so that covered area
 * is outdoor area.
 */
public final class Coverage {
    private Coverage() {}

    /**
     * @param outdoorM2 outdoor area per area (area minus footprints), as from {@link OutdoorArea}; same
     *     order as {@code areas}
     * @param parallel use all cores (results are identical either way)
     */
    public static CoverageResult compute(
            List<CameraView> views, List<Area> areas, List<Street> streets, double[] outdoorM2, boolean parallel) {
        if (outdoorM2.length != areas.size())
            throw new IllegalArgumentException(
                    "outdoorM2 has " + outdoorM2.length + " values for " + areas.size() + " areas");
        boolean[] live = new boolean[views.size()];
        List<Geometry> geoms = new ArrayList<>(views.size());
        for (int i = 0; i < views.size(); i++) {
            live[i] = views.get(i).live();
            geoms.add(views.get(i).viewshed());
        }
        CoverageSweep.Sums s = new CoverageSweep(
                        geoms,
                        live,
                        areas.stream().map(Area::geometry).toList(),
                        streets.stream().map(Street::geometry).toList())
                .run(parallel);

        List<AreaCoverage> areaRows = new ArrayList<>(areas.size());
        for (int a = 0; a < areas.size(); a++) {
            Area area = areas.get(a);
            double[] lv = s.areaLevels()[a];
            areaRows.add(new AreaCoverage(
                    area.id(),
                    area.name(),
                    area.geometry().getArea(),
                    outdoorM2[a],
                    clean(lv[1]),
                    clean(s.areaLive()[a]),
                    clean(lv[2]),
                    clean(lv[3]),
                    s.areaStreetLength()[a],
                    s.areaStreetCovered()[a]));
        }
        List<StreetCoverage> streetRows = new ArrayList<>(streets.size());
        double sl = 0, sc = 0, slive = 0;
        for (int k = 0; k < streets.size(); k++) {
            Street st = streets.get(k);
            streetRows.add(new StreetCoverage(
                    st.id(), st.name(), s.streetLength()[k], s.streetCovered()[k], s.streetLive()[k]));
            sl += s.streetLength()[k];
            sc += s.streetCovered()[k];
            slive += s.streetLive()[k];
        }
        List<CameraCoverage> cameraRows = new ArrayList<>(views.size());
        for (int i = 0; i < views.size(); i++) {
            cameraRows.add(new CameraCoverage(
                    views.get(i).cameraId(), views.get(i).viewshed().getArea(), clean(s.unique()[i])));
        }
        double[] c = s.cityLevels();
        CityCoverage city = new CityCoverage(
                views.size(), clean(c[1]), clean(s.cityLive()), clean(c[2]), clean(c[3]), sl, sc, slive);
        return new CoverageResult(city, areaRows, streetRows, cameraRows);
    }

    /** A viewshed minus the footprints that do not occlude (too low) but are still indoor area. */
    public static Geometry outdoorOnly(Geometry viewshed, List<Geometry> nonOccludingFootprints) {
        Geometry g = viewshed;
        for (Geometry f : nonOccludingFootprints) {
            if (g.getEnvelopeInternal().intersects(f.getEnvelopeInternal()) && g.intersects(f)) {
                g = org.locationtech.jts.operation.overlayng.OverlayNGRobust.overlay(
                        g, f, org.locationtech.jts.operation.overlayng.OverlayNG.DIFFERENCE);
            }
        }
        return g;
    }

    /** Rounding noise of an exact sum is a few 1e-9 m²; never report a negative area. */
    private static double clean(double m2) {
        return m2 < 0 && m2 > -1e-6 ? 0 : m2;
    }
}
