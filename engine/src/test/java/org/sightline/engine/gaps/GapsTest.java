package org.sightline.engine.gaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.sightline.engine.coverage.CameraView;
import org.sightline.engine.coverage.CoverageIndex;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.hotspot.HotspotGrid;
import org.sightline.engine.hotspot.HotspotOptions;
import org.sightline.engine.hotspot.Hotspots;
import org.sightline.engine.model.Area;
import org.sightline.engine.model.Incident;

class GapsTest {
    private static Geometry box(double x0, double y0, double x1, double y1) {
        return Geometries.FACTORY.toGeometry(new Envelope(x0, x1, y0, y1));
    }

    @Test
    void hotspotCellsWithUncoveredIncidentsBecomeRankedGapsWithTheirArea() {
        // a 2 km square study region of 100 m cells; background noise plus two clusters
        SplittableRandom rnd = new SplittableRandom(7);
        List<Incident> incidents = new ArrayList<>();
        for (int k = 0; k < 400; k++) incidents.add(inc("n" + k, rnd.nextDouble(0, 2000), rnd.nextDouble(0, 2000)));
        for (int k = 0; k < 60; k++)
            incidents.add(inc("a" + k, 550 + rnd.nextDouble(-40, 40), 550 + rnd.nextDouble(-40, 40)));
        for (int k = 0; k < 40; k++)
            incidents.add(inc("b" + k, 1450 + rnd.nextDouble(-40, 40), 1450 + rnd.nextDouble(-40, 40)));
        Area west = new Area("W", "West", box(0, 0, 1000, 2000));
        Area east = new Area("E", "East", box(1000, 0, 2000, 2000));
        HotspotGrid grid = Hotspots.compute(incidents, Hotspots.region(List.of(west, east)), HotspotOptions.defaults());
        // one camera sees cluster b entirely, none sees cluster a
        CoverageIndex coverage = new CoverageIndex(List.of(new CameraView("cam", box(1400, 1400, 1500, 1500), true)));

        GapReport r = Gaps.compute(incidents, coverage, grid, List.of(west, east));

        assertThat(r.gaps()).isNotEmpty();
        Gap top = r.gaps().get(0);
        assertThat(top.cellId()).isEqualTo("5_5");
        assertThat(top.areaId()).isEqualTo("W");
        assertThat(top.areaName()).isEqualTo("West");
        assertThat(top.uncoveredWeight()).isGreaterThanOrEqualTo(60);
        assertThat(r.gaps()).extracting(Gap::cellId).doesNotContain("14_14"); // cluster b is in view
        for (int k = 1; k < r.gaps().size(); k++) {
            assertThat(r.gaps().get(k).uncoveredWeight())
                    .isLessThanOrEqualTo(r.gaps().get(k - 1).uncoveredWeight());
            assertThat(r.gaps().get(k).rank()).isEqualTo(k + 1);
            assertThat(r.gaps().get(k).giBin()).isGreaterThanOrEqualTo(2);
        }
        // per incident flags agree with the coverage box
        for (IncidentCoverage ic : r.incidents()) {
            Incident inc = incidents.stream()
                    .filter(i -> i.id().equals(ic.incidentId()))
                    .findFirst()
                    .orElseThrow();
            double x = inc.position().getX(), y = inc.position().getY();
            assertThat(ic.covered()).isEqualTo(x >= 1400 && x <= 1500 && y >= 1400 && y <= 1500);
            assertThat(ic.liveCovered()).isEqualTo(ic.covered());
            assertThat(ic.areaId()).isEqualTo(x <= 1000 ? "W" : "E");
        }
        AreaGaps eastRow = r.areas().get(1);
        long eastCount =
                incidents.stream().filter(i -> i.position().getX() > 1000).count();
        assertThat(eastRow.incidents()).isEqualTo((int) eastCount);
        assertThat(eastRow.hotspotCoveredShare()).isGreaterThan(0.5);
        assertThat(r.areas().get(0).coveredShare()).isCloseTo(0, within(1e-12));
    }

    @Test
    void noIncidentsGiveNoGaps() {
        Area a = new Area("A", "", box(0, 0, 500, 500));
        HotspotGrid grid = Hotspots.compute(List.of(), Hotspots.region(List.of(a)), HotspotOptions.defaults());
        GapReport r = Gaps.compute(List.of(), new CoverageIndex(List.of()), grid, List.of(a));
        assertThat(r.gaps()).isEmpty();
        assertThat(r.areas()).hasSize(1);
        assertThat(r.coveredShare()).isZero();
    }

    private static Incident inc(String id, double x, double y) {
        return new Incident(id, Geometries.point(x, y), Instant.EPOCH, "theft", 1);
    }
}
