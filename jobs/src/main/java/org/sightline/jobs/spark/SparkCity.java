package org.sightline.jobs.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.sightline.engine.city.City;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.Footprint;
import org.sightline.engine.model.Incident;
import scala.Tuple2;

/**
 * A city's layers as Spark data sets, keyed by their index in the input, and the viewshed stage that
 * the later stages share (computed once, kept in memory and on disk). The layers come from a {@link
 * City}, whose readers (column mapping, rejects, projection) run once on the driver; every derived
 * layer is computed in the executors.
 */
public final class SparkCity {
    private final SparkSession spark;
    private final JavaSparkContext jsc;
    private final City city;
    private final int partitions;
    private final TileGrid tiles;
    private JavaPairRDD<Long, Camera> cameras;
    private JavaPairRDD<Long, Footprint> buildings;
    private JavaPairRDD<Long, Incident> incidents;
    private JavaPairRDD<Long, CameraResult> viewsheds;

    public SparkCity(SparkSession spark, City city, int partitions, TileGrid tiles) {
        if (partitions < 1) throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
        this.spark = spark;
        this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.city = city;
        this.partitions = partitions;
        this.tiles = tiles;
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

    public synchronized JavaPairRDD<Long, Camera> cameras() {
        if (cameras == null) cameras = indexed(city.cameras());
        return cameras;
    }

    public synchronized JavaPairRDD<Long, Footprint> buildings() {
        if (buildings == null) buildings = indexed(city.buildings());
        return buildings;
    }

    public synchronized JavaPairRDD<Long, Incident> incidents() {
        if (incidents == null) incidents = indexed(city.incidents());
        return incidents;
    }

    /** Every camera's viewshed (persisted: coverage, gaps and dispatch reuse it). */
    public synchronized JavaPairRDD<Long, CameraResult> viewsheds() {
        if (viewsheds == null) {
            viewsheds = ViewshedJob.run(cameras(), buildings(), city.viewshedOptions(), tiles, partitions)
                    .persist(StorageLevel.MEMORY_AND_DISK());
        }
        return viewsheds;
    }

    /** Largest range of any camera (0 without cameras). */
    public double maxRangeM() {
        return city.cameras().stream().mapToDouble(Camera::rangeM).max().orElse(0);
    }

    /** Whether some footprint is too low to occlude (then "indoor" merges all footprints separately). */
    public boolean hasLowFootprints() {
        double h = city.viewshedOptions().minOccluderHeightM();
        return city.buildings().stream().anyMatch(b -> b.hasHeight() && b.heightM() < h);
    }

    private <T> JavaPairRDD<Long, T> indexed(List<T> items) {
        List<Tuple2<Long, T>> list = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) list.add(new Tuple2<>((long) i, items.get(i)));
        // kept deserialized in the executors: every stage reads the layers again
        return jsc.parallelizePairs(list, partitions).persist(StorageLevel.MEMORY_AND_DISK());
    }
}
