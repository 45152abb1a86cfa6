package org.sightline.jobs.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.sightline.engine.geo.Geometries;

/**
 * Square tiles of {@code sizeM} metres aligned to multiples of the size in the metric CRS: the unit of
 * spatial partitioning. A tile owns the objects whose anchor point lies in it and receives, as
 * context, every object whose envelope meets the tile grown by a halo (e.g. the largest camera range),
 * so that each owned object's result can be computed from the tile alone. Results depend on the tile
 * size only through floating-point summation order, never on the number of Spark partitions.
 */
public record TileGrid(double sizeM) implements Serializable {
    public static final double DEFAULT_SIZE_M = 1000;

    public TileGrid {
        if (!(sizeM > 0 && Double.isFinite(sizeM)))
            throw new IllegalArgumentException("tile size must be > 0 m, was " + sizeM);
    }

    /** The tile containing (x, y). */
    public long key(double x, double y) {
        return pack((long) Math.floor(x / sizeM), (long) Math.floor(y / sizeM));
    }

    /** Tiles whose square grown by {@code haloM} meets {@code env}. */
    public List<Long> keys(Envelope env, double haloM) {
        List<Long> out = new ArrayList<>();
        if (env.isNull()) return out;
        long i0 = (long) Math.floor((env.getMinX() - haloM) / sizeM);
        long i1 = (long) Math.floor((env.getMaxX() + haloM) / sizeM);
        long j0 = (long) Math.floor((env.getMinY() - haloM) / sizeM);
        long j1 = (long) Math.floor((env.getMaxY() + haloM) / sizeM);
        for (long i = i0; i <= i1; i++) for (long j = j0; j <= j1; j++) out.add(pack(i, j));
        return out;
    }

    public List<Long> keys(Geometry g, double haloM) {
        return keys(g.getEnvelopeInternal(), haloM);
    }

    /** The tile's square in the metric CRS. */
    public Polygon polygon(long key) {
        long i = key >> 32;
        long j = (int) key;
        return (Polygon)
                Geometries.FACTORY.toGeometry(new Envelope(i * sizeM, (i + 1) * sizeM, j * sizeM, (j + 1) * sizeM));
    }

    static long pack(long i, long j) {
        if (i != (int) i || j != (int) j) throw new IllegalArgumentException("coordinates out of tile range");
        return (i << 32) | (j & 0xffffffffL);
    }
}
