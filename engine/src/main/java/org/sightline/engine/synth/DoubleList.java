package org.sightline.engine.synth;

import java.util.Arrays;

/** A growable list of primitive doubles (no boxing for millions of coordinates). */
final class DoubleList {
    private double[] a;
    private int n;

    DoubleList() {
        this(16);
    }

    DoubleList(int capacity) {
        a = new double[Math.max(4, capacity)];
    }

    void add(double v) {
        if (n == a.length) a = Arrays.copyOf(a, a.length * 2);
        a[n++] = v;
    }

    double get(int i) {
        return a[i];
    }

    int size() {
        return n;
    }

    void clear() {
        n = 0;
    }

    /** Sorts ascending and removes values closer than {@code minGap} to the previous kept one. */
    void sortDistinct(double minGap) {
        Arrays.sort(a, 0, n);
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (k == 0 || a[i] - a[k - 1] >= minGap) a[k++] = a[i];
        }
        n = k;
    }

    double[] toArray() {
        return Arrays.copyOf(a, n);
    }
}
