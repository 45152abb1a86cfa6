package org.sightline.jobs.spark;

import java.util.ArrayList;
import java.util.List;
import org.sightline.engine.model.Incident;
import scala.Tuple2;

/**
 * A tile's items when incidents ({@code Tuple2<index, Incident>}) and cameras ({@link CameraResult})
 * travel in one RDD to the same tiles (gaps, dispatch): split back by type, arrival order kept.
 */
record TileItems(List<Tuple2<Long, Incident>> incidents, List<CameraResult> cameras) {
    static TileItems split(List<Object> items) {
        List<Tuple2<Long, Incident>> incidents = new ArrayList<>();
        List<CameraResult> cameras = new ArrayList<>();
        for (Object v : items) {
            if (v instanceof CameraResult c) cameras.add(c);
            else {
                @SuppressWarnings("unchecked")
                Tuple2<Long, Incident> t = (Tuple2<Long, Incident>) v;
                incidents.add(t);
            }
        }
        return new TileItems(incidents, cameras);
    }
}
