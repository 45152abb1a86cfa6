package org.sightline.jobs.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.sightline.engine.coverage.CameraView;
import org.sightline.engine.coverage.CoverageIndex;
import org.sightline.engine.gaps.GapReport;
import org.sightline.engine.gaps.Gaps;
import org.sightline.engine.hotspot.HotspotGrid;
import org.sightline.engine.model.Incident;
import scala.Tuple2;

/**
 * Gaps on Spark: each tile's incidents meet the outdoor viewsheds whose envelope meets the tile (the
 * only ones that can contain them), and the engine's {@link CoverageIndex} (boundary included, as in
 * the engine-only run) gives each incident's covered and live-covered flags. Only the covered
 * incidents' indices reach the driver, where the engine's {@link Gaps#compute} ranks the gap cells.
 */
public final class GapsJob {
    private GapsJob() {}

    public static GapReport run(SparkCity sc, HotspotGrid grid) {
        TileGrid tiles = sc.tiles();
        JavaPairRDD<Long, CameraResult> views = sc.viewsheds()
                .filter(t -> t._2().counts())
                .flatMapToPair(t -> {
                    List<Tuple2<Long, CameraResult>> out = new ArrayList<>();
                    for (long k : tiles.keys(t._2().outdoor(), 0)) out.add(new Tuple2<>(k, t._2()));
                    return out.iterator();
                });
        // index * 2 + (1 if a live camera sees it), for the covered incidents only
        // incidents and viewsheds tagged by type (an incident: Tuple2<index, Incident>; a view: CameraResult)
        // and grouped by tile within each partition (no cogroup: TileJoin)
        JavaPairRDD<Long, Object> tagged = sc.incidentsByTile()
                .mapValues(v -> (Object) v)
                .union(TileJoin.partitioned(views, sc.partitioner()).mapValues(v -> (Object) v));
        List<Long> covered = TileJoin.group(tagged, sc.partitioner(), (tile, items, ctx) -> {
                    List<Long> out = new ArrayList<>();
                    TileItems split = TileItems.split(items);
                    List<Tuple2<Long, Incident>> incs = split.incidents();
                    List<CameraResult> vs = split.cameras();
                    if (incs.isEmpty() || vs.isEmpty()) return out.iterator();
                    vs.sort(Comparator.comparingLong(CameraResult::index));
                    List<CameraView> cv = vs.stream().map(CameraResult::view).toList();
                    CoverageIndex index = new CoverageIndex(cv);
                    for (Tuple2<Long, Incident> t : incs) {
                        if (!HotspotJob.finite(t._2())) continue;
                        double x = t._2().position().getX(),
                                y = t._2().position().getY();
                        if (index.covered(x, y)) out.add(2 * t._1() + (index.liveCovered(x, y) ? 1 : 0));
                    }
                    return out.iterator();
                })
                .collect();
        int n = sc.city().incidents().size();
        boolean[] isCovered = new boolean[n];
        boolean[] isLive = new boolean[n];
        for (long c : covered) {
            int k = (int) (c >> 1);
            isCovered[k] = true;
            isLive[k] = (c & 1) == 1;
        }
        return Gaps.compute(
                sc.city().incidents(), isCovered, isLive, grid, sc.city().areas());
    }
}
