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
 * registered cameras' ({@link ViewshedJob}); the lazy greedy plan over the demand runs on the driver
 * with the engine's {@link OutreachPlanner}.
 */
public final class OutreachJob {
    private OutreachJob() {}

    public static OutreachPlan run(SparkCity sc, List<CandidateSite> candidates, List<Incident> demand, int k) {
        List<Tuple2<Long, Camera>> cams = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++)
            cams.add(new Tuple2<>((long) i, candidates.get(i).asCamera()));
        JavaPairRDD<Long, Camera> rdd = sc.jsc().parallelizePairs(cams, sc.partitions());
        Map<Long, Geometry> byIndex = ViewshedJob.run(
                        rdd, sc.buildings(), sc.city().viewshedOptions(), sc.tiles(), sc.partitions())
                .mapValues(r -> (Geometry) r.viewshed().geometry())
                .collectAsMap();
        Map<String, Geometry> byId = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) byId.put(cams.get(i)._2().id(), byIndex.get((long) i));
        return OutreachPlanner.plan(candidates, demand, sc.city().areas(), k, c -> byId.get(c.id()));
    }
}
