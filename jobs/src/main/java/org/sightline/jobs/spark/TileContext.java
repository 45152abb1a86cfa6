package org.sightline.jobs.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.util.KnownSizeEstimation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.sightline.engine.model.Footprint;
import org.sightline.engine.viewshed.Footprints;

/**
 * The footprints of one tile and its halo, in input order, with what the stages derive from them
 * computed once per tile and kept with the cached tile: the merged occluders (viewsheds of cameras and
 * candidate sites), every footprint merged ("indoor": outdoor area, dispatch) and the footprints too
 * low to occlude. Serialized (when Spark spills or ships a cached tile) as the encoded footprints only;
 * the derived values are rebuilt on first use, identically.
 */
public final class TileContext implements Serializable, KnownSizeEstimation {
    private static final long serialVersionUID = 1L;

    private final double minOccluderHeightM;
    private transient List<Footprint> footprints;
    private transient Footprints occluders;
    private transient List<Polygon> indoor;
    private transient long estimatedSize;

    private TileContext(List<Footprint> footprints, double minOccluderHeightM) {
        this.footprints = footprints;
        this.minOccluderHeightM = minOccluderHeightM;
        this.estimatedSize = estimate(footprints);
    }

    /**
     * Roughly the heap this tile takes with its merged occluders (per footprint: its objects, a merged
     * copy, edge and grid arrays). Spark asks this instead of walking the object graph of every cached
     * tile, which cost more than the viewsheds themselves.
     */
    @Override
    public long estimatedSize() {
        return estimatedSize;
    }

    private static long estimate(List<Footprint> footprints) {
        long points = 0;
        for (Footprint f : footprints) points += f.geometry().getNumPoints();
        return 1024 + 600L * footprints.size() + 150L * points;
    }

    /** A tile without footprints. */
    static TileContext empty(double minOccluderHeightM) {
        return new TileContext(List.of(), minOccluderHeightM);
    }

    /** The tile's encoded footprints ({@link Wire#footprint}), in any order. */
    static TileContext of(Iterable<byte[]> encoded, double minOccluderHeightM) {
        List<byte[]> list = new ArrayList<>();
        encoded.forEach(list::add);
        return new TileContext(decode(list), minOccluderHeightM);
    }

    private static List<Footprint> decode(List<byte[]> encoded) {
        byte[][] sorted = encoded.toArray(byte[][]::new);
        Arrays.sort(sorted, Comparator.comparingLong(Wire::footprintIndex));
        List<Footprint> out = new ArrayList<>(sorted.length);
        for (byte[] b : sorted) out.add(Wire.readFootprint(b));
        return List.copyOf(out);
    }

    /** The footprints meeting the tile grown by the halo, in input order. */
    public List<Footprint> footprints() {
        return footprints;
    }

    /** The occluding footprints, merged (as {@link Footprints#of(List, double)}). */
    public synchronized Footprints occluders() {
        if (occluders == null) occluders = Footprints.of(footprints, minOccluderHeightM);
        return occluders;
    }

    /** Every footprint, merged where they touch: what is indoor (the engine's {@code City.indoor()}). */
    public synchronized List<Polygon> indoor() {
        if (indoor == null)
            indoor = low().isEmpty()
                    ? occluders().merged()
                    : Footprints.of(footprints, 0).merged();
        return indoor;
    }

    /** The footprints too low to occlude (still indoor area). */
    public List<Geometry> low() {
        List<Geometry> out = new ArrayList<>();
        for (Footprint f : footprints) if (f.hasHeight() && f.heightM() < minOccluderHeightM) out.add(f.geometry());
        return out;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeInt(footprints.size());
        for (int i = 0; i < footprints.size(); i++) {
            byte[] b = Wire.footprint(i, footprints.get(i));
            out.writeInt(b.length);
            out.write(b);
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        int n = in.readInt();
        List<byte[]> encoded = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            encoded.add(b);
        }
        footprints = decode(encoded);
        estimatedSize = estimate(footprints);
    }
}
