package org.sightline.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.engine.model.Incident;

class IncidentReaderTest {
    @TempDir
    Path dir;

    @Test
    void timesInEveryAcceptedFormAndBadTimesAndWeightsRejected() throws IOException {
        Path f = Files.writeString(dir.resolve("inc.csv"), """
                incident_id,lon,lat,occurred_at,category,weight
                i1,-80.84,35.22,1507766400000,Theft,
                i2,-80.84,35.22,1507766400000.0,Theft,2
                i3,-80.84,35.22,2017-10-12T00:00:00Z,Theft,0.5
                i4,-80.84,35.22,2017-10-12T02:00:00+02:00,,
                i5,-80.84,35.22,2017-10-12,,
                i6,-80.84,35.22,2017/10/12 00:00:00+00,,
                i7,-80.84,35.22,2017-10-12 00:00:00,,
                i8,-80.84,35.22,2017-10-12T00:00:00.000+0000,,
                i9,-80.84,35.22,yesterday,,
                i10,-80.84,35.22,2017-10-12,,0
                i11,-80.84,35.22,2017-10-12,,-1
                i12,-80.84,35.22,2017-10-12,,heavy
                i13,-80.84,35.22,,,
                """);
        LayerResult<Incident> r = IncidentReader.read(f, ColumnMap.NONE, ReadOptions.DEFAULTS);
        Instant t = Instant.parse("2017-10-12T00:00:00Z");
        assertThat(r.accepted())
                .extracting(Incident::id)
                .containsExactly("i1", "i2", "i3", "i4", "i5", "i6", "i7", "i8");
        assertThat(r.accepted()).allMatch(i -> i.occurredAt().equals(t), "all at " + t);
        assertThat(r.accepted()).extracting(Incident::weight).containsExactly(1.0, 2.0, 0.5, 1.0, 1.0, 1.0, 1.0, 1.0);
        assertThat(r.rejects())
                .extracting(Reject::sourceLine, Reject::reason)
                .containsExactly(
                        tuple(10L, "unparseable occurred_at 'yesterday'"),
                        tuple(11L, "weight 0 must be > 0"),
                        tuple(12L, "weight -1 must be > 0"),
                        tuple(13L, "non-numeric weight 'heavy'"),
                        tuple(14L, "missing occurred_at"));
        assertThat(r.stats().read()).isEqualTo(13);
    }

    @Test
    void jsonArrayOfObjectsWithEpochMillisecondDates() throws IOException {
        Path f = Files.writeString(dir.resolve("balt.json"), """
                [{"CrimeDate":1546214400000,"Description":"BURGLARY","Longitude":-76.584173,"Latitude":39.295517},
                 {"CrimeDate":1546214400000,"Description":"ARSON","Longitude":null,"Latitude":39.29},
                 {"CrimeDate":"soon","Description":"X","Longitude":-76.58,"Latitude":39.29}]
                """);
        LayerResult<Incident> r = IncidentReader.read(
                f, ColumnMap.parse("occurred_at=CrimeDate,category=Description", null), ReadOptions.DEFAULTS);
        assertThat(r.accepted()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo("incidents-1");
            assertThat(i.occurredAt()).isEqualTo(Instant.ofEpochMilli(1546214400000L));
            assertThat(i.category()).isEqualTo("BURGLARY");
            assertThat(i.position().getX()).isEqualTo(-76.584173);
        });
        assertThat(r.rejects())
                .extracting(Reject::sourceLine, Reject::reason)
                .containsExactly(tuple(2L, "missing coordinate (lon)"), tuple(3L, "unparseable occurred_at 'soon'"));
        assertThat(r.rejects().get(0).raw()).contains("\"Description\":\"ARSON\"");
        assertThat(r.warnings()).anyMatch(w -> w.contains("incidents-<number>"));
    }

    @Test
    void inputCrsTransformsProjectedCoordinatesToLonLat() throws IOException {
        // CMPD's first record: X/Y_COORD_PUBLIC in EPSG:2264 (NC State Plane, US feet) and its lon/lat.
        Path f = Files.writeString(dir.resolve("sp.csv"), "id,x,y,t\nA,1446901,524048,2017-10-12\n");
        LayerResult<Incident> r = IncidentReader.read(
                f,
                ColumnMap.parse("incident_id=id,lon=x,lat=y,occurred_at=t", null),
                ReadOptions.DEFAULTS.withInputCrs("EPSG:2264"));
        Incident i = r.accepted().get(0);
        assertThat(i.position().getX()).isCloseTo(-80.851041, org.assertj.core.data.Offset.offset(2e-5));
        assertThat(i.position().getY()).isCloseTo(35.17575, org.assertj.core.data.Offset.offset(2e-5));
    }

    @Test
    void geoJsonWithALegacyCrsMemberIsHonoured() throws IOException {
        Path f = Files.writeString(dir.resolve("sp.geojson"), """
                {"type": "FeatureCollection",
                 "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2264"}},
                 "features": [{"type": "Feature", "properties": {"incident_id": "A", "occurred_at": "2017-10-12"},
                   "geometry": {"type": "Point", "coordinates": [1446901, 524048]}}]}
                """);
        Incident i = IncidentReader.read(f, ColumnMap.NONE, ReadOptions.DEFAULTS)
                .accepted()
                .get(0);
        assertThat(i.position().getX()).isCloseTo(-80.851041, org.assertj.core.data.Offset.offset(2e-5));
        assertThat(i.position().getY()).isCloseTo(35.17575, org.assertj.core.data.Offset.offset(2e-5));
    }
}
