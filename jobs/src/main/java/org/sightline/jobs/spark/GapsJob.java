package org.sightline.jobs.spark;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.locationtech.jts.io.WKBWriter;
import org.sightline.engine.gaps.GapReport;
import org.sightline.engine.gaps.Gaps;
import org.sightline.engine.hotspot.HotspotGrid;

/**
 * Gaps on Spark: incidents are joined with the cameras' outdoor viewsheds through Sedona's spatial join
 * ({@code ST_Intersects}, boundary included, as the engine's coverage index), giving each incident's
 * covered and live-covered flags; the engine's {@link Gaps#compute} ranks the gap cells.
 */
public final class GapsJob {
    private GapsJob() {}

    static final StructType POINTS =
            new StructType().add("idx", DataTypes.LongType, false).add("wkb", DataTypes.BinaryType, false);
    static final StructType VIEWS = new StructType()
            .add("camera", DataTypes.LongType, false)
            .add("live", DataTypes.BooleanType, false)
            .add("wkb", DataTypes.BinaryType, false);

    public static GapReport run(SparkCity sc, HotspotGrid grid) {
        SparkSession spark = sc.spark();
        JavaRDD<Row> points =
                sc.incidents().map(t -> RowFactory.create(t._1(), new WKBWriter().write(t._2().position())));
        JavaRDD<Row> views = sc.viewsheds()
                .filter(t -> t._2().counts())
                .map(t ->
                        RowFactory.create(t._1(), t._2().camera().liveFeed(), new WKBWriter().write(t._2().outdoor())));
        spark.createDataFrame(points, POINTS)
                .selectExpr("idx", "ST_GeomFromWKB(wkb) AS geom")
                .createOrReplaceTempView("sightline_incident_points");
        spark.createDataFrame(views, VIEWS)
                .selectExpr("camera", "live", "ST_GeomFromWKB(wkb) AS geom")
                .createOrReplaceTempView("sightline_viewsheds");
        Dataset<Row> covered = spark.sql("SELECT i.idx, MAX(CAST(v.live AS INT)) AS live"
                + " FROM sightline_incident_points i JOIN sightline_viewsheds v ON ST_Intersects(v.geom, i.geom)"
                + " GROUP BY i.idx");
        int n = sc.city().incidents().size();
        boolean[] isCovered = new boolean[n];
        boolean[] isLive = new boolean[n];
        List<Row> rows = covered.collectAsList();
        for (Row r : rows) {
            int k = (int) r.getLong(0);
            isCovered[k] = true;
            isLive[k] = r.getInt(1) > 0;
        }
        return Gaps.compute(
                sc.city().incidents(), isCovered, isLive, grid, sc.city().areas());
    }
}
