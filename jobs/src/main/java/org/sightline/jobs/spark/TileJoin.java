package org.sightline.jobs.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * Meets tile-keyed items with the cached {@link TileContext}s of their tiles, partition by partition
 * ({@code zipPartitions}), instead of Spark's {@code cogroup}. Both sides are partitioned by the same
 * partitioner, so partition i of each holds the same tiles: only the items are grouped (in a local map
 * of the partition's items), while the cached contexts stream by once. A {@code cogroup} would put the
 * contexts too into its spillable map, whose size sampling walks the buffered items again and again,
 * and which, once it spills, serializes the contexts and so throws away their merged occluders.
 */
final class TileJoin {
    private TileJoin() {}

    /** One tile's work: the tile key, its items in arrival order (never empty), its context or null. */
    @FunctionalInterface
    interface TileFunction<V, R> extends Serializable {
        Iterator<R> apply(long tile, List<V> items, TileContext context) throws Exception;
    }

    /**
     * For every tile with at least one item: {@code f} over the items and the tile's context (null when
     * the tile has no footprints), the tiles of a partition in key order.
     *
     * @param items keyed by tile, in any partitioning (moved to {@code partitioner} if needed)
     * @param contexts keyed by tile and partitioned by {@code partitioner}
     */
    static <V, R> JavaRDD<R> join(
            JavaPairRDD<Long, V> items,
            JavaPairRDD<Long, TileContext> contexts,
            Partitioner partitioner,
            TileFunction<V, R> f) {
        return partitioned(items, partitioner).zipPartitions(contexts, (it, ctxs) -> {
            TreeMap<Long, List<V>> byTile = byTile(it);
            if (byTile.isEmpty()) return Collections.emptyIterator();
            TreeMap<Long, TileContext> found = new TreeMap<>();
            while (ctxs.hasNext()) {
                Tuple2<Long, TileContext> c = ctxs.next();
                if (byTile.containsKey(c._1())) found.put(c._1(), c._2());
            }
            return new Flat<>(
                    byTile.entrySet().iterator(), e -> f.apply(e.getKey(), e.getValue(), found.get(e.getKey())));
        });
    }

    /** As {@link #join} without the contexts ({@code f} gets null for them). */
    static <V, R> JavaRDD<R> group(JavaPairRDD<Long, V> items, Partitioner partitioner, TileFunction<V, R> f) {
        return partitioned(items, partitioner).mapPartitions(it -> {
            TreeMap<Long, List<V>> byTile = byTile(it);
            return new Flat<>(byTile.entrySet().iterator(), e -> f.apply(e.getKey(), e.getValue(), null));
        });
    }

    private static <V> TreeMap<Long, List<V>> byTile(Iterator<Tuple2<Long, V>> it) {
        TreeMap<Long, List<V>> byTile = new TreeMap<>();
        while (it.hasNext()) {
            Tuple2<Long, V> t = it.next();
            byTile.computeIfAbsent(t._1(), k -> new ArrayList<>()).add(t._2());
        }
        return byTile;
    }

    /** {@code items} moved to {@code partitioner}, unless already there. */
    static <V> JavaPairRDD<Long, V> partitioned(JavaPairRDD<Long, V> items, Partitioner partitioner) {
        return items.partitioner().isPresent() && items.partitioner().get().equals(partitioner)
                ? items
                : items.partitionBy(partitioner);
    }

    /** Concatenates the iterators {@code f} gives for each element, computing each only when reached. */
    private static final class Flat<T, R> implements Iterator<R> {
        interface Step<T, R> {
            Iterator<R> apply(T t) throws Exception;
        }

        private final Iterator<T> source;
        private final Step<T, R> f;
        private Iterator<R> current = Collections.emptyIterator();

        Flat(Iterator<T> source, Step<T, R> f) {
            this.source = source;
            this.f = f;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                if (!source.hasNext()) return false;
                try {
                    current = f.apply(source.next());
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return true;
        }

        @Override
        public R next() {
            if (!hasNext()) throw new NoSuchElementException();
            return current.next();
        }
    }
}
