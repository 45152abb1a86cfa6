package org.sightline.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.CameraKind;
import org.sightline.engine.model.Footprint;
import org.sightline.engine.model.Incident;
import org.sightline.engine.viewshed.Footprints;
import org.sightline.engine.viewshed.Viewshed;
import org.sightline.engine.viewshed.Viewsheds;

/** The byte forms the Spark jobs move between tasks give back exactly what went in. */
class WireTest {
    static Geometry wkt(String s) throws Exception {
        return new WKTReader(Geometries.FACTORY).read(s);
    }

    static List<Footprint> footprints() throws Exception {
        return List.of(
                new Footprint("a", wkt("POLYGON ((0.1 0.2, 10.3 0, 10 10.7, 0 10, 0.1 0.2))"), 6, "residential"),
                // touches a: merged with it
                new Footprint("b", wkt("POLYGON ((10.3 0, 20 0, 20 10, 10 10.7, 10.3 0))"), Double.NaN, ""),
                new Footprint("low", wkt("POLYGON ((30 30, 32 30, 32 32, 30 32, 30 30))"), 1, "shed"),
                new Footprint(
                        "court",
                        wkt("MULTIPOLYGON (((50 0, 80 0, 80 30, 50 30, 50 0), (55 5, 55 25, 75 25, 75 5, 55 5)),"
                                + " ((90 0, 95 0, 95 5, 90 0)))"),
                        12.5,
                        "commercial"));
    }

    @Test
    void footprintsAndIncidentsRoundTripBitForBit() throws Exception {
        List<Footprint> fs = footprints();
        for (int i = 0; i < fs.size(); i++) {
            byte[] b = Wire.footprint(i + 7, fs.get(i));
            assertThat(Wire.readFootprint(b)).isEqualTo(fs.get(i));
            assertThat(Wire.footprintIndex(b)).isEqualTo(i + 7);
            assertThat(Wire.envelope(b)).isEqualTo(fs.get(i).geometry().getEnvelopeInternal());
        }
        Incident inc = new Incident(
                "INC-1", Geometries.point(1234.5678, -0.25), Instant.parse("2025-03-04T05:06:07.123456789Z"), "x", 2.5);
        byte[] b = Wire.incident(42, inc);
        assertThat(Wire.incidentIndex(b)).isEqualTo(42);
        assertThat(Wire.readIncident(b)).isEqualTo(inc);
        Incident empty = new Incident("INC-2", Geometries.FACTORY.createPoint(), Instant.EPOCH, "", 1);
        assertThat(Wire.readIncident(Wire.incident(0, empty)).position().isEmpty())
                .isTrue();
    }

    @Test
    void aTileAndAViewshedResultSurviveJavaSerialization() throws Exception {
        List<byte[]> encoded = new ArrayList<>();
        List<Footprint> fs = footprints();
        for (int i = fs.size() - 1; i >= 0; i--) encoded.add(Wire.footprint(i, fs.get(i))); // any order
        TileContext tile = TileContext.of(encoded, 2);
        assertThat(tile.footprints()).isEqualTo(fs);
        TileContext back = roundTrip(tile);
        assertThat(back.footprints()).isEqualTo(fs);
        assertThat(back.occluders().merged()).isEqualTo(Footprints.of(fs, 2).merged());
        assertThat(back.indoor()).isEqualTo(Footprints.of(fs, 0).merged());
        assertThat(back.estimatedSize()).isEqualTo(tile.estimatedSize()).isPositive();

        Camera cam = new Camera(
                "CAM-1", Geometries.point(5, -20), 0, 90, 60, 3, CameraKind.values()[0], true, 7, true, false, null);
        Viewshed v = Viewsheds.of(cam, tile.occluders());
        Geometry outdoor = v.geometry().difference(wkt("POLYGON ((0 -10, 5 -10, 5 -5, 0 -5, 0 -10))"));
        for (CameraResult r :
                List.of(new CameraResult(3, cam, v, v.geometry()), new CameraResult(3, cam, v, outdoor))) {
            CameraResult x = roundTrip(r);
            assertThat(x.index()).isEqualTo(3);
            assertThat(x.camera()).isEqualTo(cam);
            assertThat(x.viewshed()).isEqualTo(v);
            assertThat(x.outdoor()).isEqualTo(r.outdoor());
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
