package org.sightline.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.sightline.jobs.pipeline.TestSpark;
import scala.Tuple2;

/** {@link TileJoin} against a brute-force grouping on the driver, on random keys and partition counts. */
class TileJoinTest {
    @Test
    void joinAndGroupMatchABruteForceGrouping() {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(TestSpark.get().sparkContext());
        long seed = new SplittableRandom().nextLong();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int round = 0; round < 6; round++) {
            int partitions = 1 + rnd.nextInt(9);
            HashPartitioner partitioner = new HashPartitioner(partitions);
            int keys = 1 + rnd.nextInt(40);
            List<Tuple2<Long, Integer>> items = new ArrayList<>();
            int n = rnd.nextInt(300);
            for (int i = 0; i < n; i++) items.add(new Tuple2<>(key(rnd, keys), i));
            // contexts for some tiles (some with items, some without); each tile at most once
            TreeMap<Long, Integer> contextSize = new TreeMap<>();
            for (int k = 0; k < keys; k++) if (rnd.nextBoolean()) contextSize.put(tileKey(k), rnd.nextInt(4));
            List<Tuple2<Long, TileContext>> ctxs = new ArrayList<>();
            contextSize.forEach((k, size) -> ctxs.add(new Tuple2<>(k, TileContext.empty(size))));
            JavaPairRDD<Long, TileContext> contexts =
                    jsc.parallelizePairs(ctxs, 1 + rnd.nextInt(5)).partitionBy(partitioner);

            // brute force: per tile with items, the items in input order and the context's marker
            TreeMap<Long, String> expected = new TreeMap<>();
            TreeMap<Long, List<Integer>> byKey = new TreeMap<>();
            for (Tuple2<Long, Integer> t : items)
                byKey.computeIfAbsent(t._1(), k -> new ArrayList<>()).add(t._2());
            byKey.forEach((k, vs) -> expected.put(
                    k, vs + " " + (contextSize.containsKey(k) ? String.valueOf((double) contextSize.get(k)) : "none")));

            JavaPairRDD<Long, Integer> rdd = jsc.parallelizePairs(items, 1 + rnd.nextInt(5));
            List<Tuple2<Long, String>> joined = TileJoin.join(rdd, contexts, partitioner, (tile, vs, ctx) -> {
                        List<Integer> sorted = new ArrayList<>(vs);
                        sorted.sort(null);
                        String c = ctx == null ? "none" : String.valueOf(minHeight(ctx));
                        return List.of(new Tuple2<>(tile, sorted + " " + c)).iterator();
                    })
                    .collect();
            TreeMap<Long, String> got = new TreeMap<>();
            for (Tuple2<Long, String> t : joined)
                assertEquals(null, got.put(t._1(), t._2()), "tile " + t._1() + " twice, seed " + seed);
            assertEquals(expected, got, "join, seed " + seed + ", round " + round);

            List<Tuple2<Long, Integer>> grouped = TileJoin.group(rdd, partitioner, (tile, vs, ctx) -> {
                        assertEquals(null, ctx);
                        return List.of(new Tuple2<>(tile, vs.size())).iterator();
                    })
                    .collect();
            TreeMap<Long, Integer> counts = new TreeMap<>();
            for (Tuple2<Long, Integer> t : grouped) counts.merge(t._1(), t._2(), Integer::sum);
            TreeMap<Long, Integer> expectedCounts = new TreeMap<>();
            byKey.forEach((k, vs) -> expectedCounts.put(k, vs.size()));
            assertEquals(expectedCounts, counts, "group, seed " + seed + ", round " + round);
        }
    }

    private static double minHeight(TileContext ctx) {
        // the context's identity: its min occluder height, read back through low() on a known footprint-free tile
        try {
            var f = TileContext.class.getDeclaredField("minOccluderHeightM");
            f.setAccessible(true);
            return f.getDouble(ctx);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long key(SplittableRandom rnd, int keys) {
        return tileKey(rnd.nextInt(keys));
    }

    private static long tileKey(int k) {
        return TileGrid.pack(k % 7 - 3, k / 7 - 2);
    }
}
