package org.sightline.jobs.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.locationtech.jts.geom.Envelope;
import org.sightline.engine.city.City;
import org.sightline.engine.model.Area;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.Footprint;
import org.sightline.engine.model.Incident;
import org.sightline.engine.model.Street;
import org.sightline.engine.outreach.CandidateSites;
import scala.Tuple2;

/**
 * A city's layers as Spark data sets, and what the stages share, each computed once and cached:
 *
 * <ul>
 *   <li>the footprints by tile ({@link TileContext}: every footprint meeting the tile grown by the
 *       halo, with the merged occluders built once per tile), partitioned by {@link #partitioner()};
 *       the stages key their own data by tile with the same partitioner, so joining it with the tiles
 *       moves only their data, never the footprints again;
 *   <li>every camera's viewshed (coverage, gaps and dispatch reuse it);
 *   <li>the incidents, and the areas and streets as broadcast values.
 * </ul>
 *
 * The layers come from a {@link City}, whose readers (column mapping, rejects, projection) run once on
 * the driver; they are shipped to the executors in the compact {@link Wire} form, and every derived
 * layer is computed in the executors.
 */
public final class SparkCity {
    private final SparkSession spark;
    private final JavaSparkContext jsc;
    private final City city;
    private final int partitions;
    private final TileGrid tiles;
    private final HashPartitioner partitioner;
    private JavaPairRDD<Long, Camera> cameras;
    private JavaPairRDD<Long, Incident> incidents;
    private JavaPairRDD<Long, TileContext> contexts;
    private double contextHaloM;
    private JavaPairRDD<Long, CameraResult> viewsheds;
    private Broadcast<List<Area>> areas;
    private Broadcast<List<Street>> streets;
    private Double maxRange;
    private Boolean lowFootprints;

    public SparkCity(SparkSession spark, City city, int partitions, TileGrid tiles) {
        if (partitions < 1) throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
        this.spark = spark;
        this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.city = city;
        this.partitions = partitions;
        this.tiles = tiles;
        this.partitioner = new HashPartitioner(partitions);
    }

    public SparkSession spark() {
        return spark;
    }

    public JavaSparkContext jsc() {
        return jsc;
    }

    /** The driver-side layers (and the engine-only derivations, for comparison). */
    public City city() {
        return city;
    }

    public int partitions() {
        return partitions;
    }

    public TileGrid tiles() {
        return tiles;
    }

    /** How every tile-keyed data set is partitioned (so that joins with the cached tiles are local). */
    public HashPartitioner partitioner() {
        return partitioner;
    }

    public synchronized JavaPairRDD<Long, Camera> cameras() {
        if (cameras == null) {
            List<Tuple2<Long, Camera>> list = new ArrayList<>(city.cameras().size());
            for (int i = 0; i < city.cameras().size(); i++)
                list.add(new Tuple2<>((long) i, city.cameras().get(i)));
            cameras = jsc.parallelizePairs(list, partitions).persist(StorageLevel.MEMORY_AND_DISK());
        }
        return cameras;
    }

    public synchronized JavaPairRDD<Long, Incident> incidents() {
        if (incidents == null) {
            List<Incident> in = city.incidents();
            List<byte[]> encoded = IntStream.range(0, in.size())
                    .parallel()
                    .mapToObj(i -> Wire.incident(i, in.get(i)))
                    .toList();
            incidents = jsc.parallelize(encoded, partitions)
                    .mapToPair(b -> new Tuple2<>(Wire.incidentIndex(b), Wire.readIncident(b)))
                    .persist(StorageLevel.MEMORY_AND_DISK());
        }
        return incidents;
    }

    /** The areas, in input order, on every executor. */
    public synchronized Broadcast<List<Area>> areas() {
        if (areas == null) areas = jsc.broadcast(city.areas());
        return areas;
    }

    /** The streets, in input order, on every executor. */
    public synchronized Broadcast<List<Street>> streets() {
        if (streets == null) streets = jsc.broadcast(city.streets());
        return streets;
    }

    /**
     * The footprints by tile, each tile with every footprint meeting its square grown by at least
     * {@code minHaloM}. The cached set (halo: the largest camera or candidate range + 1 m) serves
     * every stage; a larger halo builds a separate, uncached set.
     */
    public synchronized JavaPairRDD<Long, TileContext> contexts(double minHaloM) {
        if (contexts == null) {
            contextHaloM = Math.max(maxRangeM(), CandidateSites.maxDefaultRangeM()) + ViewshedJob.HALO_MARGIN_M;
            contexts = buildContexts(contextHaloM).persist(StorageLevel.MEMORY_AND_DISK());
        }
        if (minHaloM <= contextHaloM) return contexts;
        return buildContexts(minHaloM);
    }

    private JavaPairRDD<Long, TileContext> buildContexts(double haloM) {
        List<Footprint> fs = city.buildings();
        List<byte[]> encoded = IntStream.range(0, fs.size())
                .parallel()
                .mapToObj(i -> Wire.footprint(i, fs.get(i)))
                .toList();
        JavaRDD<byte[]> rdd = jsc.parallelize(encoded, partitions);
        TileGrid grid = tiles;
        double minH = city.viewshedOptions().minOccluderHeightM();
        return rdd.flatMapToPair(b -> {
                    Envelope e = Wire.envelope(b);
                    List<Tuple2<Long, byte[]>> out = new ArrayList<>();
                    for (long k : grid.keys(e, haloM)) out.add(new Tuple2<>(k, b));
                    return out.iterator();
                })
                .groupByKey(partitioner)
                .mapValues(bs -> TileContext.of(bs, minH));
    }

    /** Every camera's viewshed (persisted: coverage, gaps and dispatch reuse it). */
    public synchronized JavaPairRDD<Long, CameraResult> viewsheds() {
        if (viewsheds == null) {
            double halo = maxRangeM() + ViewshedJob.HALO_MARGIN_M;
            viewsheds = ViewshedJob.run(cameras(), contexts(halo), city.viewshedOptions(), tiles, partitioner, true)
                    .persist(StorageLevel.MEMORY_AND_DISK());
        }
        return viewsheds;
    }

    /** Largest range of any camera (0 without cameras). */
    public synchronized double maxRangeM() {
        if (maxRange == null)
            maxRange = city.cameras().stream().mapToDouble(Camera::rangeM).max().orElse(0);
        return maxRange;
    }

    /** Whether some footprint is too low to occlude (then "indoor" merges all footprints separately). */
    public synchronized boolean hasLowFootprints() {
        if (lowFootprints == null) {
            double h = city.viewshedOptions().minOccluderHeightM();
            lowFootprints = city.buildings().stream().anyMatch(b -> b.hasHeight() && b.heightM() < h);
        }
        return lowFootprints;
    }

    /** Releases the cached data sets. */
    public synchronized void release() {
        for (JavaPairRDD<?, ?> r : new JavaPairRDD<?, ?>[] {cameras, incidents, contexts, viewsheds})
            if (r != null) r.unpersist(false);
        if (areas != null) areas.destroy();
        if (streets != null) streets.destroy();
    }
}
