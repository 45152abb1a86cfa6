package org.sightline.engine.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.CameraKind;
import org.sightline.engine.model.Footprint;
import org.sightline.engine.model.Owner;
import org.sightline.engine.model.Street;

class CandidateSitesTest {
    private final WKTReader wkt = new WKTReader(Geometries.FACTORY);

    @Test
    void aBuildingGetsOneSiteOnTheFacadeFacingTheNearestStreet() throws ParseException {
        Footprint shop = new Footprint("b1", wkt.read("POLYGON ((0 0, 20 0, 20 10, 0 10, 0 0))"), 8, "commercial");
        Street east = new Street("s1", "East St", wkt.read("LINESTRING (35 -50, 35 50)"));
        List<CandidateSite> sites = CandidateSites.fromBuildings(List.of(shop), List.of(), List.of(east), 200);
        assertThat(sites).hasSize(1);
        CandidateSite s = sites.get(0);
        assertThat(s.headingDeg()).isCloseTo(90, within(1e-9));
        assertThat(s.position().getX()).isCloseTo(20.1, within(1e-9));
        assertThat(s.position().getY()).isCloseTo(5, within(1e-9));
        assertThat(s.fovDeg()).isEqualTo(100);
        assertThat(s.rangeM()).isEqualTo(60);
        assertThat(s.asCamera().kind()).isEqualTo(CameraKind.BUSINESS);
    }

    @Test
    void clockwiseRingsAndAStreetToTheSouthGiveAHeadingOf180() throws ParseException {
        Footprint house = new Footprint("h", wkt.read("POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0))"), 6, "residential");
        Street south = new Street("s", "", wkt.read("LINESTRING (-50 -12, 50 -12)"));
        CandidateSite s = CandidateSites.fromBuildings(List.of(house), List.of(), List.of(south), 200)
                .get(0);
        assertThat(s.headingDeg()).isCloseTo(180, within(1e-9));
        assertThat(s.position().getY()).isCloseTo(-0.1, within(1e-9));
        assertThat(s.asCamera().kind()).isEqualTo(CameraKind.RESIDENT);
    }

    @Test
    void buildingsThatAlreadyHostACameraGetNoSite() throws ParseException {
        Footprint a = new Footprint("a", wkt.read("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"), 6, "residential");
        Footprint b = new Footprint("b", wkt.read("POLYGON ((30 0, 40 0, 40 10, 30 10, 30 0))"), 6, "residential");
        Camera onA = new Camera(
                "c", Geometries.point(10.5, 5), 90, 90, 40, 3, CameraKind.RESIDENT, false, 7, true, false, Owner.NONE);
        List<CandidateSite> sites = CandidateSites.fromBuildings(List.of(a, b), List.of(onA), List.of(), 200);
        assertThat(sites).extracting(CandidateSite::buildingId).containsExactly("b");
    }
}
