package org.sightline.jobs.spark;

import org.apache.spark.Partitioner;

/**
 * Partitions keys 0 … n − 1 (input indices) into contiguous ranges, in order: sorting within each
 * partition then gives the input order across partitions, without the sampling pass of a range
 * partitioner (which would compute its input twice).
 */
public final class IndexRanges extends Partitioner {
    private static final long serialVersionUID = 1L;

    private final int partitions;
    private final long n;

    public IndexRanges(int partitions, long n) {
        if (partitions < 1) throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
        this.partitions = partitions;
        this.n = Math.max(1, n);
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object key) {
        long k = (Long) key;
        if (k < 0 || k >= n) throw new IllegalArgumentException("index " + k + " outside 0.." + (n - 1));
        return (int) (k * partitions / n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexRanges r && r.partitions == partitions && r.n == n;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(n) * 31 + partitions;
    }
}
