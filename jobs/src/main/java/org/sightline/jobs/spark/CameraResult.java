package org.sightline.jobs.spark;

import java.io.Serializable;
import org.apache.spark.util.KnownSizeEstimation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.sightline.engine.coverage.CameraView;
import org.sightline.engine.dispatch.DispatchCamera;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.model.Camera;
import org.sightline.engine.viewshed.Viewshed;

/**
 * One camera after the viewshed stage: the camera (metric CRS), its viewshed, and the viewshed's
 * outdoor part (minus footprints too low to occlude) that coverage and gaps count. Serialized with
 * the geometries as WKB ({@link Wire}), since later stages move it between tasks.
 *
 * @param index the camera's position in the input layer
 */
public record CameraResult(long index, Camera camera, Viewshed viewshed, Geometry outdoor)
        implements Serializable, KnownSizeEstimation {
    /** Counts in coverage: an active camera whose outdoor view is not empty. */
    public boolean counts() {
        return camera.active() && !outdoor.isEmpty();
    }

    public CameraView view() {
        return new CameraView(camera.id(), outdoor, camera.liveFeed());
    }

    public DispatchCamera dispatchCamera() {
        return new DispatchCamera(camera.withPosition(viewshed.position()), viewshed.geometry());
    }

    /** Roughly the heap it takes (for Spark's cache, instead of walking every coordinate). */
    @Override
    public long estimatedSize() {
        int points = viewshed.geometry().getNumPoints();
        if (outdoor != viewshed.geometry()) points += outdoor.getNumPoints();
        return 1024 + 64L * points;
    }

    private Object writeReplace() {
        return new Serial(this);
    }

    /** The serial form: geometries as WKB, the outdoor part only when it differs from the viewshed. */
    private static final class Serial implements Serializable {
        private static final long serialVersionUID = 1L;

        private final long index;
        private final Camera camera;
        private final String cameraId;
        private final byte[] geometry;
        private final double areaM2;
        private final boolean positionEmpty;
        private final double x, y;
        private final Viewshed.Status status;
        private final boolean repaired;
        private final byte[] outdoor;

        Serial(CameraResult r) {
            Viewshed v = r.viewshed();
            index = r.index();
            camera = r.camera();
            cameraId = v.cameraId();
            geometry = Wire.geometry(v.geometry());
            areaM2 = v.areaM2();
            positionEmpty = v.position().isEmpty();
            x = positionEmpty ? Double.NaN : v.position().getX();
            y = positionEmpty ? Double.NaN : v.position().getY();
            status = v.status();
            repaired = v.repaired();
            outdoor = r.outdoor() == v.geometry() ? null : Wire.geometry(r.outdoor());
        }

        private Object readResolve() {
            Polygon g = (Polygon) Wire.readGeometry(geometry);
            Point p = positionEmpty ? Geometries.FACTORY.createPoint() : Geometries.point(x, y);
            Viewshed v = new Viewshed(cameraId, g, areaM2, p, status, repaired);
            return new CameraResult(index, camera, v, outdoor == null ? g : Wire.readGeometry(outdoor));
        }
    }
}
