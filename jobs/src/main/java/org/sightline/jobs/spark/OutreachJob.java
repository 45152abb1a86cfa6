package org.sightline.jobs.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.locationtech.jts.geom.Geometry;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.Incident;
import org.sightline.engine.outreach.CandidateSite;
import org.sightline.engine.outreach.OutreachPlan;
import org.sightline.engine.outreach.OutreachPlanner;
import scala.Tuple2;

/**
 * Outreach on Spark: the candidate sites' viewsheds are computed in the executors exactly like
 * registered cameras' ({@link ViewshedJob}, against the same cached tiles) and come back as WKB; the
 * lazy greedy plan over the demand runs on the driver with the engine's {@link OutreachPlanner}.
 */
public final class OutreachJob {
    private OutreachJob() {}

    public static OutreachPlan run(SparkCity sc, List<CandidateSite> candidates, List<Incident> demand, int k) {
        List<Tuple2<Long, Camera>> cams = new ArrayList<>(candidates.size());
        double maxRange = 0;
        for (int i = 0; i < candidates.size(); i++) {
            Camera c = candidates.get(i).asCamera();
            cams.add(new Tuple2<>((long) i, c));
            maxRange = Math.max(maxRange, c.rangeM());
        }
        // about a thousand sites per slice: each task stays under Spark's recommended size
        JavaPairRDD<Long, Camera> rdd =
                sc.jsc().parallelizePairs(cams, Math.max(sc.partitions(), cams.size() / 1000 + 1));
        Map<Long, byte[]> byIndex = ViewshedJob.run(
                        rdd,
                        sc.contexts(maxRange + ViewshedJob.HALO_MARGIN_M),
                        sc.city().viewshedOptions(),
                        sc.tiles(),
                        sc.partitioner(),
                        false)
                .mapValues(r -> Wire.geometry(r.viewshed().geometry()))
                .collectAsMap();
        Map<String, Geometry> byId = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++)
            byId.put(cams.get(i)._2().id(), Wire.readGeometry(byIndex.get((long) i)));
        return OutreachPlanner.plan(candidates, demand, sc.city().areas(), k, c -> byId.get(c.id()));
    }
}
