package org.sightline.engine.synth;

import java.util.Arrays;

/**
 * A convex polygon in counter-clockwise order whose edges carry a label (edge i runs from vertex i
 * to vertex i + 1; label 1 = arterial frontage, 0 = local). Plain arrays, no JTS: blocks and lots
 * are cut and tested millions of times.
 */
final class ConvexPolygon {
    final double[] x;
    final double[] y;
    final int[] label;

    ConvexPolygon(double[] x, double[] y, int[] label) {
        this.x = x;
        this.y = y;
        this.label = label;
    }

    int size() {
        return x.length;
    }

    static ConvexPolygon rectangle(double x0, double y0, double x1, double y1, int[] labels) {
        return new ConvexPolygon(new double[] {x0, x1, x1, x0}, new double[] {y0, y0, y1, y1}, labels.clone());
    }

    double area() {
        double a = 0;
        int n = x.length;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            a += x[i] * y[j] - x[j] * y[i];
        }
        return a / 2;
    }

    double centroidX() {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    double centroidY() {
        double s = 0;
        for (double v : y) s += v;
        return s / y.length;
    }

    double edgeLength(int i) {
        int j = (i + 1) % x.length;
        return Math.hypot(x[j] - x[i], y[j] - y[i]);
    }

    boolean hasLabel(int l) {
        for (int v : label) if (v == l) return true;
        return false;
    }

    /** True if every turn is strictly left (counter-clockwise and convex). */
    boolean isStrictlyConvex() {
        int n = x.length;
        if (n < 3) return false;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n, k = (i + 2) % n;
            double cross = (x[j] - x[i]) * (y[k] - y[j]) - (y[j] - y[i]) * (x[k] - x[j]);
            if (!(cross > 0)) return false;
        }
        return true;
    }

    /** Signed distance of (px, py) from the line of edge i, positive inside. */
    double insideDistance(int i, double px, double py) {
        int j = (i + 1) % x.length;
        double dx = x[j] - x[i], dy = y[j] - y[i];
        double len = Math.hypot(dx, dy);
        return ((px - x[i]) * -dy + (py - y[i]) * dx) / len;
    }

    /**
     * The part where {@code a·x + b·y + c >= 0} (Sutherland–Hodgman for one half-plane); the new edge
     * along the line gets {@code cutLabel}. Empty polygon (size 0) if nothing remains.
     */
    ConvexPolygon clip(double a, double b, double c, int cutLabel) {
        int n = x.length;
        double[] ox = new double[n + 2], oy = new double[n + 2];
        int[] ol = new int[n + 2];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            double di = a * x[i] + b * y[i] + c, dj = a * x[j] + b * y[j] + c;
            if (di >= 0) {
                ox[m] = x[i];
                oy[m] = y[i];
                ol[m++] = label[i];
                if (dj < 0) {
                    double t = di / (di - dj);
                    ox[m] = x[i] + t * (x[j] - x[i]);
                    oy[m] = y[i] + t * (y[j] - y[i]);
                    ol[m++] = cutLabel;
                }
            } else if (dj >= 0) {
                double t = di / (di - dj);
                ox[m] = x[i] + t * (x[j] - x[i]);
                oy[m] = y[i] + t * (y[j] - y[i]);
                ol[m++] = label[i];
            }
        }
        // drop a vertex that coincides with its successor (keep the successor's label)
        int k = 0;
        for (int i = 0; i < m; i++) {
            int j = (i + 1) % m;
            if (m > 1 && Math.abs(ox[i] - ox[j]) < 1e-9 && Math.abs(oy[i] - oy[j]) < 1e-9) continue;
            ox[k] = ox[i];
            oy[k] = oy[i];
            ol[k++] = ol[i];
        }
        if (k < 3) return new ConvexPolygon(new double[0], new double[0], new int[0]);
        return new ConvexPolygon(Arrays.copyOf(ox, k), Arrays.copyOf(oy, k), Arrays.copyOf(ol, k));
    }

    /** Every edge moved inwards by {@code offsets[label]} metres; labels are kept. */
    ConvexPolygon inset(double[] offsets) {
        ConvexPolygon p = this;
        int n = x.length;
        for (int i = 0; i < n && p.size() >= 3; i++) {
            int j = (i + 1) % n;
            double dx = x[j] - x[i], dy = y[j] - y[i];
            double len = Math.hypot(dx, dy);
            double nx = -dy / len, ny = dx / len; // inward normal of a CCW polygon
            double d = offsets[label[i]];
            p = p.clip(nx, ny, -(nx * x[i] + ny * y[i]) - d, label[i]);
        }
        return p;
    }

    /**
     * Separating-axis test for two convex quadrilaterals given as 8 numbers (x0,y0,...,x3,y3): true if
     * they are at least {@code gap} apart along some edge normal of either.
     */
    static boolean separated(double[] a, double[] b, double gap) {
        return separatedAlongEdgesOf(a, a, b, gap) || separatedAlongEdgesOf(b, a, b, gap);
    }

    private static boolean separatedAlongEdgesOf(double[] s, double[] a, double[] b, double gap) {
        for (int i = 0; i < 4; i++) {
            int j = (i + 1) % 4;
            double nx = -(s[2 * j + 1] - s[2 * i + 1]), ny = s[2 * j] - s[2 * i];
            double len = Math.hypot(nx, ny);
            nx /= len;
            ny /= len;
            double aMin = Double.MAX_VALUE, aMax = -Double.MAX_VALUE, bMin = Double.MAX_VALUE, bMax = -Double.MAX_VALUE;
            for (int k = 0; k < 4; k++) {
                double pa = a[2 * k] * nx + a[2 * k + 1] * ny;
                double pb = b[2 * k] * nx + b[2 * k + 1] * ny;
                aMin = Math.min(aMin, pa);
                aMax = Math.max(aMax, pa);
                bMin = Math.min(bMin, pb);
                bMax = Math.max(bMax, pb);
            }
            if (bMin - aMax >= gap || aMin - bMax >= gap) return true;
        }
        return false;
    }
}
