package org.sightline.jobs.spark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.HashPartitioner;
import org.apache.spark.broadcast.Broadcast;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.hotspot.HotspotGrid;
import org.sightline.engine.hotspot.HotspotOptions;
import org.sightline.engine.hotspot.Hotspots;
import org.sightline.engine.hotspot.LonLatProjection;
import org.sightline.engine.model.Incident;
import scala.Tuple2;

/**
 * Hotspots on Spark: incidents are binned to square cells in the executors (weights summed in input
 * order, as the engine does), and only the non-empty cells reach the driver, where the engine's {@link
 * Hotspots#compute} runs on one weighted point per cell at its centre. Cell counts, Gi*, p-values and
 * bins are therefore identical to the engine-only run; the KDE is computed from the cell-binned
 * weights (each incident moved to its cell centre, at most half a cell diagonal). H3 cells run on the
 * driver.
 */
public final class HotspotJob {
    private HotspotJob() {}

    public record Result(HotspotGrid grid, List<Incident> binned) {}

    public static Result run(SparkCity sc, HotspotOptions o) {
        if (o.isH3()) return new Result(sc.city().hotspots(o), sc.city().incidents());
        double cell = o.cell();
        List<Tuple2<String, Double>> bins = sc.incidents()
                .filter(t -> finite(t._2()))
                .mapToPair(t -> new Tuple2<>(key(t._2(), cell), new Tuple2<>(t._1(), t._2().weight())))
                // partitionBy + a local grouping, not groupByKey: Spark's aggregation map re-estimates its
                // size by walking the buffered values again and again
                .partitionBy(new HashPartitioner(sc.partitions()))
                .mapPartitions(it -> {
                    java.util.Map<String, List<Tuple2<Long, Double>>> byCell = new java.util.HashMap<>();
                    while (it.hasNext()) {
                        Tuple2<String, Tuple2<Long, Double>> t = it.next();
                        byCell.computeIfAbsent(t._1(), k -> new ArrayList<>()).add(t._2());
                    }
                    List<Tuple2<String, Double>> out = new ArrayList<>(byCell.size());
                    byCell.forEach((cellKey, ws) -> {
                        ws.sort(Comparator.comparing(Tuple2::_1));
                        double sum = 0;
                        for (Tuple2<Long, Double> w : ws) sum += w._2();
                        out.add(new Tuple2<>(cellKey, sum));
                    });
                    return out.iterator();
                })
                .collect();
        List<Tuple2<String, Double>> sorted = new ArrayList<>(bins);
        sorted.sort(Comparator.comparing(Tuple2::_1));
        List<Incident> binned = new ArrayList<>(sorted.size());
        for (Tuple2<String, Double> b : sorted) {
            String[] ij = b._1().split("_");
            double cx = (Long.parseLong(ij[0]) + 0.5) * cell;
            double cy = (Long.parseLong(ij[1]) + 0.5) * cell;
            binned.add(new Incident(b._1(), Geometries.point(cx, cy), Instant.EPOCH, "", b._2()));
        }
        HotspotGrid grid = Hotspots.compute(
                binned, sc.city().region(), o, LonLatProjection.of(sc.city().crs()));

        // the incidents themselves of the cells outside the study region
        Set<String> outsideCells = new HashSet<>();
        grid.outside().forEach(i -> outsideCells.add(i.id()));
        Broadcast<Set<String>> outB = sc.jsc().broadcast(outsideCells);
        List<Tuple2<Long, Incident>> outside = new ArrayList<>(sc.incidents()
                .filter(t -> !finite(t._2()) || outB.value().contains(key(t._2(), cell)))
                .collect());
        outside.sort(Comparator.comparing(Tuple2::_1));
        HotspotGrid withIncidents = new HotspotGrid(
                grid.studyCells(),
                grid.cells(),
                outside.stream().map(Tuple2::_2).toList(),
                grid.summary());
        return new Result(withIncidents, binned);
    }

    static String key(Incident i, double cell) {
        return (long) Math.floor(i.position().getX() / cell) + "_"
                + (long) Math.floor(i.position().getY() / cell);
    }

    static boolean finite(Incident i) {
        return !i.position().isEmpty()
                && Double.isFinite(i.position().getX())
                && Double.isFinite(i.position().getY());
    }
}
