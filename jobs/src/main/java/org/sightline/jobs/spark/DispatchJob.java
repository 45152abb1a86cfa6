package org.sightline.jobs.spark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.broadcast.Broadcast;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.sightline.engine.dispatch.DispatchIndex;
import org.sightline.engine.dispatch.DispatchOptions;
import org.sightline.engine.dispatch.Suggestion;
import org.sightline.engine.model.Incident;
import org.sightline.engine.model.Street;
import scala.Tuple2;

/**
 * Dispatch for every incident on Spark: incidents go to their tile; each tile receives the cameras
 * that can reach it (range + the larger of uncertainty and approach distance) and meets its cached
 * {@link TileContext} (footprints merged once, within at least the uncertainty radius) and the
 * streets those cameras can see, builds the engine's {@link DispatchIndex} and ranks its incidents. Cameras keep their input order, so rankings (ties included)
 * are the engine-only ones.
 */
public final class DispatchJob {
    private DispatchJob() {}

    /**
     * @param now the query time for every incident, or null for each incident's own time
     * @return each incident's ranked suggestions, keyed by incident index
     */
    public static JavaPairRDD<Long, List<Suggestion>> run(SparkCity sc, DispatchOptions o, Instant now) {
        TileGrid tiles = sc.tiles();
        double maxRange = sc.maxRangeM();
        double reach = maxRange + Math.max(o.approachM(), o.uncertaintyM()) + ViewshedJob.HALO_MARGIN_M;
        double streetHalo = 2 * maxRange + o.approachM() + ViewshedJob.HALO_MARGIN_M;
        Broadcast<List<Street>> streetsB = sc.streets();
        double approach = o.approachM();

        JavaPairRDD<Long, Tuple2<Long, Incident>> incidents = sc.incidentsByTile();
        JavaPairRDD<Long, CameraResult> cameras = sc.viewsheds()
                .filter(t -> t._2().camera().active())
                .flatMapToPair(t -> {
                    List<Tuple2<Long, CameraResult>> out = new ArrayList<>();
                    for (long k : tiles.keys(t._2().viewshed().position(), reach)) out.add(new Tuple2<>(k, t._2()));
                    return out.iterator();
                });
        JavaPairRDD<Long, TileContext> contexts = sc.contexts(o.uncertaintyM() + ViewshedJob.HALO_MARGIN_M);
        // incidents and cameras tagged by type (an incident: Tuple2<index, Incident>; a camera: CameraResult)
        JavaPairRDD<Long, Object> tagged = incidents
                .mapValues(v -> (Object) v)
                .union(TileJoin.partitioned(cameras, sc.partitioner()).mapValues(v -> (Object) v));
        // the street index once per task (a partition's tiles share it), built on first use
        STRtree[] streetIndex = {null};
        return TileJoin.join(tagged, contexts, sc.partitioner(), (tile, items, context) -> {
                    TileItems split = TileItems.split(items);
                    List<Tuple2<Long, Incident>> incs = split.incidents();
                    List<CameraResult> cams = split.cameras();
                    List<Tuple2<Long, List<Suggestion>>> out = new ArrayList<>(incs.size());
                    if (incs.isEmpty()) return out.iterator();
                    cams.sort(Comparator.comparingLong(CameraResult::index));
                    List<Polygon> indoor = context != null ? context.indoor() : List.of();
                    Envelope env = tiles.polygon(tile).getEnvelopeInternal();
                    env.expandBy(streetHalo);
                    @SuppressWarnings("unchecked")
                    List<Street> streets =
                            new ArrayList<>(streetIndex(streetIndex, streetsB).query(env));
                    streets.sort(Comparator.comparing(Street::id));
                    DispatchIndex index = DispatchIndex.build(
                            cams.stream().map(CameraResult::dispatchCamera).toList(), indoor, streets, approach);
                    for (Tuple2<Long, Incident> t : incs) {
                        Incident inc = t._2();
                        out.add(new Tuple2<>(
                                t._1(),
                                index.rank(
                                        inc.id(),
                                        inc.position(),
                                        inc.occurredAt(),
                                        now == null ? inc.occurredAt() : now,
                                        o)));
                    }
                    return out.iterator();
                })
                .mapToPair(t -> t);
    }

    private static STRtree streetIndex(STRtree[] cache, Broadcast<List<Street>> streets) {
        synchronized (cache) {
            if (cache[0] == null) {
                STRtree index = new STRtree();
                for (Street s : streets.value()) index.insert(s.geometry().getEnvelopeInternal(), s);
                index.build();
                cache[0] = index;
            }
            return cache[0];
        }
    }

    /** Each incident's ranked suggestions, in incident order (for writing one file). */
    public static org.apache.spark.api.java.JavaRDD<List<Suggestion>> ordered(
            SparkCity sc, DispatchOptions o, Instant now) {
        return run(sc, o, now)
                .repartitionAndSortWithinPartitions(
                        new IndexRanges(sc.partitions(), sc.city().incidents().size()))
                .values();
    }
}
