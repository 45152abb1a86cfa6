package org.sightline.engine.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.model.Area;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.Incident;

class OutreachPlannerTest {
    /** Each candidate "sees" a 20 m square east of its position. */
    private static Geometry squareEast(Camera c) {
        double x = c.position().getX(), y = c.position().getY();
        return Geometries.FACTORY.toGeometry(new Envelope(x, x + 20, y - 10, y + 10));
    }

    @Test
    void picksTheSiteCoveringTheMostDemandFirstAndRollsUpByArea() {
        List<CandidateSite> sites = List.of(
                site("west", 0, 0), // covers the 3 incidents near x = 10
                site("east", 100, 0), // covers the 1 incident near x = 110
                site("west-dup", 2, 0)); // covers the same as west: adds nothing after it
        List<Incident> demand = new ArrayList<>();
        for (int k = 0; k < 3; k++) demand.add(incident("w" + k, 10 + k, 0));
        demand.add(incident("e", 110, 0));
        demand.add(incident("nowhere", 500, 500));
        Area left = new Area("L", "Left", Geometries.FACTORY.toGeometry(new Envelope(-50, 50, -50, 50)));
        Area right = new Area("R", "Right", Geometries.FACTORY.toGeometry(new Envelope(50, 150, -50, 50)));
        OutreachPlan plan =
                OutreachPlanner.plan(sites, demand, List.of(left, right), 5, OutreachPlannerTest::squareEast);
        assertThat(plan.picks()).extracting(p -> p.site().siteId()).containsExactly("west", "east");
        assertThat(plan.picks()).extracting(OutreachPlan.Pick::gain).containsExactly(3.0, 1.0);
        assertThat(plan.picks()).extracting(OutreachPlan.Pick::areaId).containsExactly("L", "R");
        assertThat(plan.total()).isEqualTo(4);
        assertThat(plan.upperBound()).isCloseTo(4, within(1e-12));
        assertThat(plan.shortOfBudget()).isTrue();
        assertThat(plan.demandWeight()).isEqualTo(5);
        assertThat(plan.areas())
                .containsExactly(
                        new OutreachPlan.AreaRollup("L", "Left", 1, 3, 3, 3),
                        new OutreachPlan.AreaRollup("R", "Right", 1, 1, 1, 1));
        assertThat(plan.candidateViewsheds()).hasSize(3);
    }

    @Test
    void noDemandGivesAnEmptyPlan() {
        OutreachPlan plan = OutreachPlanner.plan(
                List.of(site("a", 0, 0)), List.of(), List.of(), 3, OutreachPlannerTest::squareEast);
        assertThat(plan.picks()).isEmpty();
        assertThat(plan.total()).isZero();
    }

    private static CandidateSite site(String id, double x, double y) {
        return new CandidateSite(id, "b-" + id, Geometries.point(x, y), 90, 90, 40, "commercial");
    }

    private static Incident incident(String id, double x, double y) {
        return new Incident(id, Geometries.point(x, y), Instant.EPOCH, "theft", 1);
    }
}
