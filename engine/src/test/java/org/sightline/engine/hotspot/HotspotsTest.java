package org.sightline.engine.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.model.Area;
import org.sightline.engine.model.Incident;

class HotspotsTest {
    private static final Geometry REGION = GiStarTest.square(0, 0, 2000); // 20 × 20 cells of 100 m

    private static List<Incident> clusteredIncidents(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Incident> out = new ArrayList<>();
        for (int k = 0; k < 150; k++)
            out.add(Fixtures.incident("u" + k, rnd.nextDouble() * 2000, rnd.nextDouble() * 2000, 1));
        for (int k = 0; k < 120; k++)
            out.add(Fixtures.incident("c" + k, 1400 + rnd.nextDouble() * 300, 500 + rnd.nextDouble() * 300, 1));
        return out;
    }

    @Test
    void incidentsOutsideTheRegionAreReportedNotCounted() {
        List<Incident> incidents = new ArrayList<>(clusteredIncidents(1));
        incidents.add(Fixtures.incident("west", -5, 100, 2));
        incidents.add(Fixtures.incident("far", 90_000, 90_000, 1));
        HotspotGrid grid = Hotspots.compute(incidents, REGION, HotspotOptions.defaults());
        assertThat(grid.outside()).extracting(Incident::id).containsExactly("west", "far");
        assertThat(grid.summary().outsideWeight()).isEqualTo(3.0);
        assertThat(grid.summary().countedWeight()).isEqualTo(270.0);
        assertThat(grid.cells().stream().mapToDouble(HotspotCell::count).sum()).isEqualTo(270.0);
        assertThat(grid.cells()).hasSize(400);
    }

    @Test
    void theClusterIsAHotspotAndPaiIsItsConcentration() {
        HotspotGrid grid = Hotspots.compute(
                clusteredIncidents(2), REGION, HotspotOptions.defaults().withPermutations(99, 5));
        HotspotCell centre = grid.cellAt(1550, 650).orElseThrow();
        assertThat(centre.giBin()).isEqualTo(3);
        assertThat(centre.cellId()).isEqualTo("15_6");
        assertThat(centre.permutationP().orElseThrow()).isEqualTo(0.01);
        assertThat(grid.hotspots())
                .isNotEmpty()
                .allMatch(c -> c.cx() > 1100 && c.cx() < 2000 && c.cy() > 200 && c.cy() < 1100);
        double hotWeight =
                grid.hotspots().stream().mapToDouble(HotspotCell::count).sum();
        double pai = (hotWeight / 270) / (grid.hotspots().size() / 400.0);
        assertThat(grid.summary().pai().orElseThrow())
                .isCloseTo(pai, within(1e-12))
                .isGreaterThan(3);
        assertThat(grid.summary().hotCells()).isEqualTo(grid.hotspots().size());
        assertThat(grid.polygon(centre).getArea()).isEqualTo(10_000.0);
        assertThat(centre.kde()).isGreaterThan(100);
    }

    @Test
    void emptyIncidentListGivesZeroCellsOrAllZeroCounts() {
        HotspotGrid none = Hotspots.compute(List.of(), Geometries.emptyPolygon(), HotspotOptions.defaults());
        assertThat(none.cells()).isEmpty();
        assertThat(none.summary().n()).isZero();
        assertThat(none.summary().pai()).isEmpty();

        HotspotGrid zeros =
                Hotspots.compute(List.of(), REGION, HotspotOptions.defaults().withPermutations(9, 1));
        assertThat(zeros.cells())
                .hasSize(400)
                .allMatch(c -> c.count() == 0 && c.giZ() == 0 && c.giP() == 1 && c.giBin() == 0);
        assertThat(zeros.cells()).allMatch(c -> c.permutationP().orElseThrow() == 1.0);
        assertThat(zeros.summary().degenerate()).isTrue();
        assertThat(zeros.summary().pai()).isEmpty();
    }

    @Test
    void withoutAreasTheStudyRegionIsTheIncidentsExtentInWholeCells() {
        List<Incident> incidents = List.of(
                Fixtures.incident("a", 1010, 2020, 1),
                Fixtures.incident("b", 1390, 2290, 1),
                Fixtures.incident("c", 1395, 2020, 4));
        HotspotGrid grid = Hotspots.compute(incidents, Geometries.emptyPolygon(), HotspotOptions.defaults());
        assertThat(grid.outside()).isEmpty();
        assertThat(grid.cells()).hasSize(4 * 3);
        assertThat(grid.cellAt(1395, 2020).orElseThrow().count()).isEqualTo(4.0);
    }

    @Test
    void withoutAreasH3CellsHoldEveryIncident() {
        LonLatProjection proj = Fixtures.charlotte();
        List<Incident> incidents = clusteredIncidents(3);
        HotspotGrid grid = Hotspots.compute(incidents, Geometries.emptyPolygon(), HotspotOptions.h3(9), proj);
        assertThat(grid.outside()).isEmpty();
        assertThat(grid.summary().countedWeight()).isEqualTo(270.0);
        assertThat(grid.cells().get(0).cellId()).matches("89[0-9a-f]{13}");
    }

    @Test
    void areasAreUnionedIntoTheRegion() {
        Area a = new Area("a", "A", GiStarTest.square(0, 0, 1000));
        Area b = new Area("b", "B", GiStarTest.square(500, 0, 1000));
        HotspotGrid grid = Hotspots.compute(
                List.of(Fixtures.incident("x", 1200, 300, 1)),
                Hotspots.region(List.of(a, b)),
                HotspotOptions.defaults());
        assertThat(grid.cells()).hasSize(150);
    }

    @Test
    void incidentsWithoutAUsablePositionAreReportedOutside() {
        Incident empty = new Incident("e", Geometries.FACTORY.createPoint(), java.time.Instant.EPOCH, "", 1);
        Incident nan = Fixtures.incident("nan", Double.NaN, 5, 1);
        Incident ok = Fixtures.incident("ok", 50, 50, 1);
        for (Geometry region : List.of(REGION, Geometries.emptyPolygon())) {
            HotspotGrid grid = Hotspots.compute(List.of(empty, nan, ok), region, HotspotOptions.defaults());
            assertThat(grid.outside()).extracting(Incident::id).containsExactly("e", "nan");
            assertThat(grid.summary().countedWeight()).isEqualTo(1.0);
        }
    }

    @Test
    void badOptionsNameTheValue() {
        assertThatThrownBy(() -> HotspotOptions.squares(-1))
                .hasMessageContaining("cell")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> HotspotOptions.h3(16))
                .hasMessageContaining("h3Res")
                .hasMessageContaining("16");
        assertThatThrownBy(() -> HotspotOptions.defaults().withBandwidth(0)).hasMessageContaining("bandwidth");
        assertThatThrownBy(() -> HotspotOptions.defaults().withPermutations(-5, 1))
                .hasMessageContaining("-5");
        assertThatThrownBy(() -> HotspotOptions.defaults().withBand(Double.NaN)).hasMessageContaining("band");
        assertThatThrownBy(() -> Hotspots.compute(List.of(), REGION, HotspotOptions.h3(8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LonLatProjection");
    }
}
