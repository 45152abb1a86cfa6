package org.sightline.engine.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The street plan in plan coordinates (u, v), metres relative to the city centre, before the
 * {@link PlanWarp}: an irregular arterial grid (spacing 0.75–1.25 × the preset's), inside each
 * superblock a local grid whose spacing follows the density (85 m downtown to 245 m rural, blocks
 * 1.3–2.2 times as long as wide; local streets end in T-junctions at the arterials), and a few straight
 * diagonal arterials across everything. Streets are emitted as segments between consecutive
 * intersections; blocks as convex pieces of the cells, cut by the diagonals.
 */
final class StreetPlan {
    /** Receives a segment between two intersections in plan coordinates. */
    interface SegmentSink {
        void segment(double u0, double v0, double u1, double v1, boolean arterial, int lineId);
    }

    final double extent;
    final double[] artU, artV;
    private final double[][] localU, localV;
    private final int[][] localUId, localVId;
    private final double[] pu, pv, du, dv, tMin, tMax;
    private final boolean[] lineArterial;
    private final PlanWarp warp;

    StreetPlan(SynthOptions o, PlanWarp warp, Zoning zoning, SplittableRandom rng) {
        this.warp = warp;
        double spacing = o.preset().arterialSpacingM();
        double r = o.radiusM();
        extent = 1.22 * r + 0.3 * spacing;
        artU = arterials(spacing, rng);
        artV = arterials(spacing, rng);
        List<Boolean> arterialFlags = new ArrayList<>();
        for (int i = 0; i < artU.length + artV.length; i++) arterialFlags.add(true);
        int nd = o.diagonals();
        pu = new double[nd];
        pv = new double[nd];
        du = new double[nd];
        dv = new double[nd];
        tMin = new double[nd];
        tMax = new double[nd];
        for (int k = 0; k < nd; k++) {
            pu[k] = Seeds.uniform(rng, -0.1, 0.1) * r;
            pv[k] = Seeds.uniform(rng, -0.1, 0.1) * r;
            double deg = (k + Seeds.uniform(rng, 0.2, 0.8)) * 180.0 / nd;
            double m = deg % 90;
            if (m < 18) deg += 18 - m;
            else if (m > 72) deg -= m - 72;
            du[k] = StrictMath.cos(Math.toRadians(deg));
            dv[k] = StrictMath.sin(Math.toRadians(deg));
            double[] t = slab(pu[k], pv[k], du[k], dv[k], extent);
            tMin[k] = t[0];
            tMax[k] = t[1];
            arterialFlags.add(true);
        }
        int cols = artU.length - 1, rows = artV.length - 1;
        localU = new double[cols * rows][];
        localV = new double[cols * rows][];
        localUId = new int[cols * rows][];
        localVId = new int[cols * rows][];
        for (int a = 0; a < cols; a++) {
            for (int b = 0; b < rows; b++) {
                double uc = (artU[a] + artU[a + 1]) / 2, vc = (artV[b] + artV[b + 1]) / 2;
                double sp = Zoning.localSpacing(zoning.density(warp.x(uc, vc), warp.y(uc, vc)));
                double longSide = sp * Seeds.uniform(rng, 1.3, 2.2);
                boolean longAlongU = rng.nextBoolean();
                int sb = a * rows + b;
                localU[sb] = locals(artU[a], artU[a + 1], longAlongU ? longSide : sp, rng);
                localV[sb] = locals(artV[b], artV[b + 1], longAlongU ? sp : longSide, rng);
                localUId[sb] = ids(localU[sb].length, arterialFlags);
                localVId[sb] = ids(localV[sb].length, arterialFlags);
            }
        }
        lineArterial = new boolean[arterialFlags.size()];
        for (int i = 0; i < lineArterial.length; i++) lineArterial[i] = arterialFlags.get(i);
    }

    int lines() {
        return lineArterial.length;
    }

    boolean lineIsArterial(int lineId) {
        return lineArterial[lineId];
    }

    int cols() {
        return artU.length - 1;
    }

    int rows() {
        return artV.length - 1;
    }

    private static int[] ids(int n, List<Boolean> flags) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = flags.size();
            flags.add(false);
        }
        return out;
    }

    private double[] arterials(double spacing, SplittableRandom rng) {
        DoubleList out = new DoubleList();
        double p = -extent;
        out.add(p);
        while (p < extent) {
            p += spacing * Seeds.uniform(rng, 0.75, 1.25);
            out.add(p);
        }
        return out.toArray();
    }

    private static double[] locals(double lo, double hi, double spacing, SplittableRandom rng) {
        DoubleList out = new DoubleList();
        double p = lo + spacing * Seeds.uniform(rng, 0.8, 1.2);
        while (p < hi - 0.5 * spacing) {
            out.add(p);
            p += spacing * Seeds.uniform(rng, 0.8, 1.2);
        }
        return out.toArray();
    }

    /** Parameter range of the line p + t·d inside the square [-e, e]². */
    private static double[] slab(double px, double py, double dx, double dy, double e) {
        double t0 = Math.max(Math.min((-e - px) / dx, (e - px) / dx), Math.min((-e - py) / dy, (e - py) / dy));
        double t1 = Math.min(Math.max((-e - px) / dx, (e - px) / dx), Math.max((-e - py) / dy, (e - py) / dy));
        return new double[] {t0, t1};
    }

    private int diagonalId(int k) {
        return artU.length + artV.length + k;
    }

    /** Every street segment, in a fixed order: arterial u-lines, arterial v-lines, locals per superblock, diagonals. */
    void segments(SegmentSink sink) {
        int cols = cols(), rows = rows();
        DoubleList br = new DoubleList();
        for (int a = 0; a <= cols; a++) {
            for (int b = 0; b < rows; b++) {
                br.clear();
                br.add(artV[b]);
                br.add(artV[b + 1]);
                if (a > 0) addAll(br, localV[(a - 1) * rows + b]);
                if (a < cols) addAll(br, localV[a * rows + b]);
                diagonalCrossingsU(artU[a], artV[b], artV[b + 1], br);
                emitU(artU[a], br, true, a, sink);
            }
        }
        for (int b = 0; b <= rows; b++) {
            for (int a = 0; a < cols; a++) {
                br.clear();
                br.add(artU[a]);
                br.add(artU[a + 1]);
                if (b > 0) addAll(br, localU[a * rows + b - 1]);
                if (b < rows) addAll(br, localU[a * rows + b]);
                diagonalCrossingsV(artV[b], artU[a], artU[a + 1], br);
                emitV(artV[b], br, true, artU.length + b, sink);
            }
        }
        for (int a = 0; a < cols; a++) {
            for (int b = 0; b < rows; b++) {
                int sb = a * rows + b;
                for (int i = 0; i < localU[sb].length; i++) {
                    br.clear();
                    br.add(artV[b]);
                    br.add(artV[b + 1]);
                    addAll(br, localV[sb]);
                    diagonalCrossingsU(localU[sb][i], artV[b], artV[b + 1], br);
                    emitU(localU[sb][i], br, false, localUId[sb][i], sink);
                }
                for (int i = 0; i < localV[sb].length; i++) {
                    br.clear();
                    br.add(artU[a]);
                    br.add(artU[a + 1]);
                    addAll(br, localU[sb]);
                    diagonalCrossingsV(localV[sb][i], artU[a], artU[a + 1], br);
                    emitV(localV[sb][i], br, false, localVId[sb][i], sink);
                }
            }
        }
        for (int k = 0; k < pu.length; k++) {
            br.clear();
            br.add(tMin[k]);
            br.add(tMax[k]);
            for (double u : artU) addT(br, k, (u - pu[k]) / du[k]);
            for (double v : artV) addT(br, k, (v - pv[k]) / dv[k]);
            for (int a = 0; a < cols; a++) {
                for (int b = 0; b < rows; b++) {
                    int sb = a * rows + b;
                    for (double u : localU[sb]) {
                        double t = (u - pu[k]) / du[k], v = pv[k] + t * dv[k];
                        if (v > artV[b] && v < artV[b + 1]) addT(br, k, t);
                    }
                    for (double v : localV[sb]) {
                        double t = (v - pv[k]) / dv[k], u = pu[k] + t * du[k];
                        if (u > artU[a] && u < artU[a + 1]) addT(br, k, t);
                    }
                }
            }
            for (int j = 0; j < pu.length; j++) {
                if (j == k) continue;
                double det = du[k] * dv[j] - dv[k] * du[j];
                if (Math.abs(det) < 1e-9) continue;
                double t = ((pu[j] - pu[k]) * dv[j] - (pv[j] - pv[k]) * du[j]) / det;
                addT(br, k, t);
            }
            br.sortDistinct(0.5);
            for (int i = 0; i + 1 < br.size(); i++) {
                double t0 = br.get(i), t1 = br.get(i + 1);
                sink.segment(
                        pu[k] + t0 * du[k],
                        pv[k] + t0 * dv[k],
                        pu[k] + t1 * du[k],
                        pv[k] + t1 * dv[k],
                        true,
                        diagonalId(k));
            }
        }
    }

    private void addT(DoubleList br, int k, double t) {
        if (t > tMin[k] && t < tMax[k]) br.add(t);
    }

    private static void addAll(DoubleList br, double[] values) {
        for (double v : values) br.add(v);
    }

    private void diagonalCrossingsU(double u, double v0, double v1, DoubleList br) {
        for (int k = 0; k < pu.length; k++) {
            double t = (u - pu[k]) / du[k];
            double v = pv[k] + t * dv[k];
            if (v > v0 && v < v1 && t > tMin[k] && t < tMax[k]) br.add(v);
        }
    }

    private void diagonalCrossingsV(double v, double u0, double u1, DoubleList br) {
        for (int k = 0; k < pu.length; k++) {
            double t = (v - pv[k]) / dv[k];
            double u = pu[k] + t * du[k];
            if (u > u0 && u < u1 && t > tMin[k] && t < tMax[k]) br.add(u);
        }
    }

    private static void emitU(double u, DoubleList br, boolean arterial, int id, SegmentSink sink) {
        br.sortDistinct(0.5);
        for (int i = 0; i + 1 < br.size(); i++) sink.segment(u, br.get(i), u, br.get(i + 1), arterial, id);
    }

    private static void emitV(double v, DoubleList br, boolean arterial, int id, SegmentSink sink) {
        br.sortDistinct(0.5);
        for (int i = 0; i + 1 < br.size(); i++) sink.segment(br.get(i), v, br.get(i + 1), v, arterial, id);
    }

    /**
     * The blocks of superblock (a, b) on the ground (after the warp), as convex polygons whose edge
     * labels say which frontages face an arterial. Pieces that the warp made non-convex are skipped.
     */
    void blocks(int a, int b, Consumer<ConvexPolygon> sink) {
        int sb = a * rows() + b;
        double[] us = withEnds(artU[a], localU[sb], artU[a + 1]);
        double[] vs = withEnds(artV[b], localV[sb], artV[b + 1]);
        List<ConvexPolygon> pieces = new ArrayList<>();
        for (int i = 0; i + 1 < us.length; i++) {
            for (int j = 0; j + 1 < vs.length; j++) {
                int[] labels = {j == 0 ? 1 : 0, i + 2 == us.length ? 1 : 0, j + 2 == vs.length ? 1 : 0, i == 0 ? 1 : 0};
                pieces.clear();
                pieces.add(ConvexPolygon.rectangle(us[i], vs[j], us[i + 1], vs[j + 1], labels));
                for (int k = 0; k < pu.length; k++) {
                    double na = -dv[k], nb = du[k], nc = dv[k] * pu[k] - du[k] * pv[k];
                    List<ConvexPolygon> next = new ArrayList<>(pieces.size() + 1);
                    for (ConvexPolygon p : pieces) {
                        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
                        for (int c = 0; c < p.size(); c++) {
                            double f = na * p.x[c] + nb * p.y[c] + nc;
                            lo = Math.min(lo, f);
                            hi = Math.max(hi, f);
                        }
                        if (lo < 0 && hi > 0) {
                            ConvexPolygon left = p.clip(na, nb, nc, 1), right = p.clip(-na, -nb, -nc, 1);
                            if (left.size() >= 3) next.add(left);
                            if (right.size() >= 3) next.add(right);
                        } else next.add(p);
                    }
                    pieces = next;
                }
                for (ConvexPolygon p : pieces) {
                    double[] gx = new double[p.size()], gy = new double[p.size()];
                    for (int c = 0; c < p.size(); c++) {
                        gx[c] = warp.x(p.x[c], p.y[c]);
                        gy[c] = warp.y(p.x[c], p.y[c]);
                    }
                    ConvexPolygon g = new ConvexPolygon(gx, gy, p.label);
                    if (g.isStrictlyConvex()) sink.accept(g);
                }
            }
        }
    }

    private static double[] withEnds(double lo, double[] mid, double hi) {
        double[] out = new double[mid.length + 2];
        out[0] = lo;
        System.arraycopy(mid, 0, out, 1, mid.length);
        out[out.length - 1] = hi;
        return out;
    }

    double groundX(double u, double v) {
        return warp.x(u, v);
    }

    double groundY(double u, double v) {
        return warp.y(u, v);
    }
}
