package org.sightline.engine.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPoint;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.model.Incident;

class H3CellsTest {
    private static final LonLatProjection PROJ = Fixtures.charlotte();
    private static final int RES = 9;

    /** The centres of the origin cell's disk of radius k, in metres. */
    private static List<Coordinate> diskCentres(long origin, int k) {
        List<Coordinate> out = new ArrayList<>();
        for (long h : H3Cells.core().gridDisk(origin, k)) {
            var c = H3Cells.core().cellToLatLng(h);
            out.add(PROJ.toMetric(c.lng, c.lat));
        }
        return out;
    }

    private static Geometry hullOf(List<Coordinate> centres, double pad) {
        MultiPoint mp = Geometries.FACTORY.createMultiPointFromCoords(centres.toArray(new Coordinate[0]));
        return mp.convexHull().buffer(pad, 4);
    }

    @Test
    void studyCellsOfASmallRingAreTheDiskAndNeighboursAreRingOne() {
        long origin = H3Cells.core().latLngToCell(35.22, -80.84, RES);
        double edge = H3Cells.core().getHexagonEdgeLengthAvg(RES, com.uber.h3core.LengthUnit.m);
        // the hull of the radius-2 disk's centres, padded by a third of an edge: exactly 19 centres
        H3Cells cells = H3Cells.of(hullOf(diskCentres(origin, 2), edge / 3), RES, PROJ);
        Set<Long> want = new HashSet<>(H3Cells.core().gridDisk(origin, 2));
        assertThat(cells.size()).isEqualTo(19);
        Set<Long> got = new HashSet<>();
        for (int i = 0; i < cells.size(); i++) got.add(cells.h3(i));
        assertThat(got).isEqualTo(want);

        CellNeighbours nb = cells.neighbours();
        for (int i = 0; i < cells.size(); i++) {
            long h = cells.h3(i);
            long ring = H3Cells.core().gridDistance(origin, h);
            // ring 0 and 1 have all 7; a ring-2 cell has itself + 2 ring-2 cells + 1 or 2 ring-1 cells
            if (ring <= 1) assertThat(nb.degree(i)).isEqualTo(7);
            else assertThat(nb.degree(i)).isBetween(4, 5);
            for (int k = nb.start(i); k < nb.end(i); k++) {
                long other = cells.h3(nb.at(k));
                assertThat(other == h || H3Cells.core().areNeighborCells(h, other))
                        .isTrue();
            }
        }
        int centre = cells.indexAt(0, 0);
        assertThat(cells.h3(centre)).isEqualTo(origin);
        assertThat(cells.id(centre)).isEqualTo(H3Cells.core().h3ToString(origin));
        assertThat(cells.polygon(centre).getNumPoints()).isEqualTo(7);
        assertThat(cells.polygon(centre).getArea())
                .isCloseTo(H3Cells.core().cellArea(origin, com.uber.h3core.AreaUnit.m2), within(0.01 * 105_000));
    }

    @Test
    void hotspotsOnH3MatchTheDirectFormula() {
        long origin = H3Cells.core().latLngToCell(35.22, -80.84, RES);
        double edge = H3Cells.core().getHexagonEdgeLengthAvg(RES, com.uber.h3core.LengthUnit.m);
        Geometry region = hullOf(diskCentres(origin, 3), edge / 3);
        // 12 incidents in the origin cell, 1 in each ring-1 cell, 1 in one ring-3 cell
        List<Incident> incidents = new ArrayList<>();
        var o = H3Cells.core().cellToLatLng(origin);
        Coordinate oc = PROJ.toMetric(o.lng, o.lat);
        for (int k = 0; k < 12; k++) incidents.add(Fixtures.incident("o" + k, oc.x + k, oc.y - k, 1));
        for (Coordinate c : diskCentres(origin, 1)) incidents.add(Fixtures.incident("r" + c.x, c.x + 3, c.y + 3, 1));
        long far = H3Cells.core().gridRing(origin, 3).get(0);
        var f = H3Cells.core().cellToLatLng(far);
        Coordinate fc = PROJ.toMetric(f.lng, f.lat);
        incidents.add(Fixtures.incident("far", fc.x, fc.y, 2.5));

        HotspotGrid grid = Hotspots.compute(incidents, region, HotspotOptions.h3(RES), PROJ);
        assertThat(grid.cells()).hasSize(37);
        assertThat(grid.outside()).isEmpty();
        double[] x = grid.cells().stream().mapToDouble(HotspotCell::count).toArray();
        assertThat(x[grid.studyCells().indexAt(oc.x, oc.y)]).isEqualTo(13.0); // 12 + the ring-1 loop's own centre
        // direct formula with neighbours = gridDisk(·, 1) ∩ study cells
        H3Cells cells = (H3Cells) grid.studyCells();
        int n = x.length;
        double mean = 0, sq = 0;
        for (double v : x) {
            mean += v / n;
            sq += v * v / n;
        }
        double s = Math.sqrt(sq - mean * mean);
        for (int i = 0; i < n; i++) {
            double wx = 0;
            int w = 0;
            for (long h : H3Cells.core().gridDisk(cells.h3(i), 1)) {
                for (int j = 0; j < n; j++) {
                    if (cells.h3(j) == h) {
                        wx += x[j];
                        w++;
                    }
                }
            }
            double z = (wx - mean * w) / (s * Math.sqrt(((double) n * w - (double) w * w) / (n - 1)));
            assertThat(grid.cells().get(i).giZ()).as(cells.id(i)).isCloseTo(z, within(1e-9));
        }
        double maxZ = grid.cells().stream().mapToDouble(HotspotCell::giZ).max().orElseThrow();
        assertThat(grid.cellAt(oc.x, oc.y).orElseThrow().giZ()).isEqualTo(maxZ).isGreaterThan(2.5);
    }
}
