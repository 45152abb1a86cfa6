package org.sightline.jobs.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.locationtech.jts.geom.Geometry;
import org.sightline.engine.coverage.Coverage;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.Footprint;
import org.sightline.engine.viewshed.Footprints;
import org.sightline.engine.viewshed.Viewshed;
import org.sightline.engine.viewshed.ViewshedOptions;
import org.sightline.engine.viewshed.Viewsheds;
import scala.Tuple2;

/**
 * Viewsheds on Spark: cameras go to the tile that contains them, footprints to every tile whose square
 * grown by the largest camera range (+ 1 m) they meet; each tile merges its footprints and runs {@link
 * Viewsheds#of} from the engine for its cameras. Footprints keep their input order inside a tile, so a
 * group of touching footprints merges exactly as in the engine-only run. Nothing is collected.
 */
public final class ViewshedJob {
    /** Beyond the largest range: the façade nudge and rounding. */
    static final double HALO_MARGIN_M = 1;

    private ViewshedJob() {}

    /** The viewshed of every camera (inactive ones too, empty), keyed by camera index. */
    public static JavaPairRDD<Long, CameraResult> run(
            JavaPairRDD<Long, Camera> cameras,
            JavaPairRDD<Long, Footprint> buildings,
            ViewshedOptions options,
            TileGrid tiles,
            int partitions) {
        double maxRange =
                cameras.isEmpty() ? 0 : cameras.map(t -> t._2().rangeM()).reduce(Math::max);
        double halo = maxRange + HALO_MARGIN_M;
        JavaPairRDD<Long, Tuple2<Long, Camera>> camsByTile = cameras.mapToPair(t -> new Tuple2<>(
                tiles.key(t._2().position().getX(), t._2().position().getY()), t));
        JavaPairRDD<Long, Tuple2<Long, Footprint>> buildingsByTile = buildings.flatMapToPair(t -> {
            List<Tuple2<Long, Tuple2<Long, Footprint>>> out = new ArrayList<>();
            for (long k : tiles.keys(t._2().geometry(), halo)) out.add(new Tuple2<>(k, t));
            return out.iterator();
        });
        return camsByTile
                .cogroup(buildingsByTile, new HashPartitioner(partitions))
                .flatMapToPair(tile -> {
                    List<Tuple2<Long, CameraResult>> out = new ArrayList<>();
                    List<Tuple2<Long, Camera>> cams = new ArrayList<>();
                    tile._2()._1().forEach(cams::add);
                    if (cams.isEmpty()) return out.iterator();
                    List<Footprint> local = sorted(tile._2()._2());
                    out.addAll(compute(cams, local, options));
                    return out.iterator();
                });
    }

    /** The engine's work for one tile: merge, then every camera's viewshed and its outdoor part. */
    static List<Tuple2<Long, CameraResult>> compute(
            List<Tuple2<Long, Camera>> cams, List<Footprint> local, ViewshedOptions options) {
        Footprints occluders = Footprints.of(local, options);
        List<Geometry> low = local.stream()
                .filter(b -> b.hasHeight() && b.heightM() < options.minOccluderHeightM())
                .map(Footprint::geometry)
                .toList();
        List<Tuple2<Long, CameraResult>> out = new ArrayList<>(cams.size());
        for (Tuple2<Long, Camera> c : cams) {
            Viewshed v = Viewsheds.of(c._2(), occluders, options);
            Geometry g = v.geometry();
            if (!low.isEmpty() && !g.isEmpty()) {
                var env = g.getEnvelopeInternal();
                g = Coverage.outdoorOnly(
                        g,
                        low.stream()
                                .filter(f -> f.getEnvelopeInternal().intersects(env))
                                .toList());
            }
            out.add(new Tuple2<>(c._1(), new CameraResult(c._1(), c._2(), v, g)));
        }
        return out;
    }

    /** Footprints of a tile in input order. */
    static List<Footprint> sorted(Iterable<Tuple2<Long, Footprint>> items) {
        List<Tuple2<Long, Footprint>> list = new ArrayList<>();
        items.forEach(list::add);
        list.sort(Comparator.comparing(Tuple2::_1));
        return list.stream().map(Tuple2::_2).toList();
    }
}
