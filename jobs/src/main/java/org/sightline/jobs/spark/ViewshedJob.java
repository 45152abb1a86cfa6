package org.sightline.jobs.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.locationtech.jts.geom.Geometry;
import org.sightline.engine.coverage.Coverage;
import org.sightline.engine.model.Camera;
import org.sightline.engine.viewshed.Footprints;
import org.sightline.engine.viewshed.Viewshed;
import org.sightline.engine.viewshed.ViewshedOptions;
import org.sightline.engine.viewshed.Viewsheds;
import scala.Tuple2;

/**
 * Viewsheds on Spark: cameras go to the tile that contains them and meet there the tile's {@link
 * TileContext} (every footprint within the largest range + 1 m, merged once per tile, in input order,
 * so a group of touching footprints merges exactly as in the engine-only run); {@link Viewsheds#of}
 * from the engine runs for each camera. Only the cameras move: the tiles are already partitioned by
 * the same partitioner ({@link TileJoin}). Nothing is collected.
 */
public final class ViewshedJob {
    /** Beyond the largest range: the façade nudge and rounding. */
    static final double HALO_MARGIN_M = 1;

    private ViewshedJob() {}

    /**
     * The viewshed of every camera (inactive ones too, empty), keyed by camera index.
     *
     * @param contexts footprints by tile with a halo of at least the largest range + {@value
     *     #HALO_MARGIN_M} m, partitioned by {@code partitioner}
     * @param outdoor also clip footprints too low to occlude from each viewshed (for coverage); else
     *     the outdoor part is the viewshed itself
     */
    public static JavaPairRDD<Long, CameraResult> run(
            JavaPairRDD<Long, Camera> cameras,
            JavaPairRDD<Long, TileContext> contexts,
            ViewshedOptions options,
            TileGrid tiles,
            Partitioner partitioner,
            boolean outdoor) {
        double minH = options.minOccluderHeightM();
        return TileJoin.join(
                        cameras.mapToPair(t -> new Tuple2<>(
                                tiles.key(
                                        t._2().position().getX(),
                                        t._2().position().getY()),
                                t)),
                        contexts,
                        partitioner,
                        (tile, cams, ctx) -> {
                            List<Tuple2<Long, Camera>> sorted = new ArrayList<>(cams);
                            sorted.sort(Comparator.comparing(Tuple2::_1));
                            return compute(sorted, ctx != null ? ctx : TileContext.empty(minH), options, outdoor)
                                    .iterator();
                        })
                .mapToPair(t -> t);
    }

    /** The engine's work for one tile: every camera's viewshed and its outdoor part. */
    static List<Tuple2<Long, CameraResult>> compute(
            List<Tuple2<Long, Camera>> cams, TileContext ctx, ViewshedOptions options, boolean outdoor) {
        Footprints occluders = ctx.occluders();
        List<Geometry> low = outdoor ? ctx.low() : List.of();
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
}
