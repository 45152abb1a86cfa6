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
import org.apache.spark.util.KnownSizeEstimation;
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
    private JavaPairRDD<Long, Tuple2<Long, Incident>> incidents;
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

    /** The incidents, keyed by input index. */
    public JavaPairRDD<Long, Incident> incidents() {
        return incidentsByTile().mapToPair(Tuple2::_2);
    }

    /**
     * The incidents (with their input index) keyed by the tile containing them, partitioned like the
     * tiles and cached; incidents without a finite position go to tile 0.
     */
    public synchronized JavaPairRDD<Long, Tuple2<Long, Incident>> incidentsByTile() {
        if (incidents == null) {
            List<Incident> in = city.incidents();
            List<byte[]> encoded = IntStream.range(0, in.size())
                    .parallel()
                    .mapToObj(i -> Wire.incident(i, in.get(i)))
                    .toList();
            TileGrid grid = tiles;
            incidents = shipped(encoded)
                    .mapToPair(b -> {
                        Incident i = Wire.readIncident(b);
                        boolean finite = HotspotJob.finite(i);
                        return new Tuple2<>(
                                finite
                                        ? grid.key(
                                                i.position().getX(),
                                                i.position().getY())
                                        : 0L,
                                b);
                    })
                    .partitionBy(partitioner)
                    .mapValues(b -> new IndexedIncident(Wire.incidentIndex(b), Wire.readIncident(b)))
                    .persist(StorageLevel.MEMORY_AND_DISK())
                    .mapValues(IndexedIncident::pair);
        }
        return incidents;
    }

    /**
     * A cached incident with its input index. Spark's cache asks its size instead of walking the
     * incident's objects (id, point, factory, time), which it did again and again while caching.
     */
    record IndexedIncident(long index, Incident incident) implements java.io.Serializable, KnownSizeEstimation {
        Tuple2<Long, Incident> pair() {
            return new Tuple2<>(index, incident);
        }

        @Override
        public long estimatedSize() {
            return 400 + 2L * (incident.id().length() + incident.category().length());
        }
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
        JavaRDD<byte[]> rdd = shipped(encoded);
        TileGrid grid = tiles;
        double minH = city.viewshedOptions().minOccluderHeightM();
        // one record per tile and slice (the slice's footprints for that tile, concatenated), not one per
        // footprint and tile: Java serialization costs per record, the bytes themselves cost little
        return rdd.mapPartitionsToPair(it -> {
                    java.util.Map<Long, Wire.Blob> byTile = new java.util.TreeMap<>();
                    while (it.hasNext()) {
                        byte[] b = it.next();
                        Envelope e = Wire.envelope(b);
                        for (long k : grid.keys(e, haloM))
                            byTile.computeIfAbsent(k, x -> new Wire.Blob()).add(b);
                    }
                    List<Tuple2<Long, byte[]>> out = new ArrayList<>(byTile.size());
                    byTile.forEach((k, blob) -> out.add(new Tuple2<>(k, blob.bytes())));
                    return out.iterator();
                })
                // partitionBy + a local grouping, not groupByKey: Spark's aggregation map re-estimates its
                // size by walking every buffered footprint, which cost more than building the tiles
                .partitionBy(partitioner)
                .mapPartitionsToPair(
                        it -> {
                            java.util.Map<Long, List<byte[]>> byTile = new java.util.TreeMap<>();
                            while (it.hasNext()) {
                                Tuple2<Long, byte[]> t = it.next();
                                Wire.Blob.split(t._2(), byTile.computeIfAbsent(t._1(), k -> new ArrayList<>()));
                            }
                            List<Tuple2<Long, TileContext>> out = new ArrayList<>(byTile.size());
                            byTile.forEach((k, bs) -> out.add(new Tuple2<>(k, TileContext.of(bs, minH))));
                            return out.iterator();
                        },
                        true);
    }

    /**
     * Encoded values from the driver to the executors, in slices of under a megabyte each (Spark's
     * recommended largest task), at least one per partition.
     */
    private JavaRDD<byte[]> shipped(List<byte[]> encoded) {
        long bytes = 0;
        for (byte[] b : encoded) bytes += b.length + 16;
        int slices = (int) Math.max(partitions, Math.min(100_000, bytes / (768 * 1024) + 1));
        return jsc.parallelize(encoded, slices);
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
