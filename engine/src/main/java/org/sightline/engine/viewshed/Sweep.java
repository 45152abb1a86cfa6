package org.sightline.engine.viewshed;

import java.util.Arrays;
import org.locationtech.jts.algorithm.CGAlgorithmsDD;

/**
 * The angular sweep behind {@link Viewsheds}: one reusable workspace per thread, no allocation in
 * steady state except the output coordinates.
 *
 * <p>All work happens in local coordinates with the viewer at the origin (translation is exact for
 * nearby points of a UTM CRS). Angles are pseudo-bearings ("diamond angles", 0…4 for 0…360°,
 * clockwise from north) measured from the wedge's start ray, so no trigonometry runs per edge. The
 * steps:
 *
 * <ol>
 *   <li>query the edge index with the sector's envelope; keep edges whose front (exterior side)
 *       faces the viewer (exact orientation), clip them to the disk (the clipped points lie on the
 *       circle) and to the wedge (an edge crossing the start ray of a 360° sweep becomes two pieces);
 *   <li>sort the pieces' start and end events by angle; events closer than {@value #EPS} (≈ 1e-11
 *       rad) form one group, so that exactly or nearly collinear endpoints share one ray;
 *   <li>sweep the groups maintaining the nearest active piece; occluder boundaries do not cross, so
 *       the order of active pieces only changes at events and is decided by exact orientation tests;
 *   <li>at each group emit the point of the nearest piece (or of the range circle) on the group's ray
 *       before and after it, and arc vertices on the circle where nothing is nearer.
 * </ol>
 */
final class Sweep {
    /** Events whose keys differ by at most this are one ray. */
    static final double EPS = 1e-11;
    /** Two consecutive output points closer than this (metres) are one. */
    private static final double SAME_POINT = 1e-9;

    private static final int ARC = -1;

    // the query
    private double[] edges;
    private Footprints footprints;
    private double px, py, range, range2;
    private double qMinX, qMinY, qMaxX, qMaxY;
    private boolean full;

    private double d0x, d0y, d1x, d1y, pb0, wedgeEnd, arcStep, cosArcStep;

    // pieces: line (a → b, original edge), start point, end point (local), key interval, groups
    private int m;
    /** Piece j's line a → b at 4j … 4j + 3, side by side (the sweep's comparisons read both points). */
    private double[] line = new double[256];
    /** Piece j's start point at 4j, 4j + 1 and end point at 4j + 2, 4j + 3 (local). */
    private double[] ends = new double[256];

    private int[] activePos = new int[64];
    /**
     * The group of each event, by its code: piece j's start group at 2j, its end group at 2j + 1 (so
     * the group of an event's other end is at code ^ 1).
     */
    private int[] evGroup = new int[128];

    // events: key and code = piece * 2 + (end ? 1 : 0)
    private int ne;
    private double[] evKey = new double[128];
    private int[] evCode = new int[128];

    // groups of events on one ray
    private int ng;
    private int[] gFirst = new int[129];
    private double[] gKey = new double[128], gDirX = new double[128], gDirY = new double[128];

    private int[] active = new int[64];
    /** Entries of the cell being visited that pass the first, branch-free filter. */
    private int[] kept = new int[64];
    /** The first item number of the cell being visited, read early (see visitCell). */
    private int probe;

    // edges already taken in this run (stamp), and the occlusion bins over the wedge's keys: beyond
    // √occ[b] every ray of bin b is blocked by a piece found so far. 64 bins (1.4° of a 90° wedge):
    // per-camera median 9.15 and 9.61 against 9.28 and 9.87 us with 128 in one JVM (session 9)
    private static final int BINS = 64;
    private int[] seen = new int[0];
    private int stamp;
    private final double[] occ = new double[BINS];
    private double binWidth;
    /**
     * 1 / {@link #binWidth}: bins are found by multiplication, not division (a division's latency is on
     * the path of every cell and piece); a bin boundary may move by an ulp, far inside the 1e-9 margins.
     */
    private double perBin;
    // the chain of consecutive front-facing edges ending with the last piece added
    private boolean chainOpen;
    private double chainLo, chainHi, chainFar2;
    private int chainEdge, curEdge;
    private int nActive;

    // output ring, local coordinates
    private int np;
    private double[] outX = new double[256], outY = new double[256];

    /**
     * Number of candidate edges (perhaps front-facing) in the last run, for tuning. Left in on purpose:
     * without it, and with {@link #frontFacing} as {@link #orient} against the viewer, the same outputs
     * came 2–8 % slower in alternating JMH runs (session 8), the compiled code laid out differently;
     * without it alone, per-camera medians 9.03 → 9.10 and 8.78 → 8.83 µs in one JVM (session 9).
     */
    int candidates;

    /**
     * Computes the visibility ring of viewer (x, y), which must lie outside every occluder. Returns the
     * number of ring coordinates (local, closed: first == last); {@link #absoluteRing} translates them.
     */
    int run(Footprints fp, double x, double y, double headingDeg, double fovDeg, double rangeM, double arcTol) {
        this.footprints = fp;
        this.edges = fp.edges();
        this.px = x;
        this.py = y;
        this.range = rangeM;
        this.range2 = rangeM * rangeM;
        wedge(headingDeg, fovDeg);
        // arcStep = min(π/4, 2 acos(c)) with c = 1 − tol/range; acos(c) = atan2(√(1 − c²), c): Java 17's
        // acos is fdlibm's, whose square root is computed bit by bit (≈ 0.25 µs, 2 % of a viewshed)
        double c = 1 - arcTol / rangeM; // cos(arcStep / 2) unless capped
        arcStep =
                arcTol >= rangeM ? Math.PI / 4 : Math.min(Math.PI / 4, 2 * Math.atan2(Math.sqrt((1 - c) * (1 + c)), c));
        cosArcStep = arcStep == Math.PI / 4 ? Math.sqrt(0.5) : 2 * c * c - 1;
        sectorEnvelope(headingDeg, fovDeg);
        m = 0;
        ne = 0;
        candidates = 0;
        gather(fp.grid());
        sortEvents();
        group();
        sweep();
        this.footprints = null;
        this.edges = null;
        return np;
    }

    /** Sets the wedge's start and end rays and its extent in keys. */
    void wedge(double headingDeg, double fovDeg) {
        this.full = fovDeg >= 360;
        double b0 = full ? headingDeg : headingDeg - fovDeg / 2;
        double b1 = full ? headingDeg : headingDeg + fovDeg / 2;
        d0x = sinDeg(b0);
        d0y = cosDeg(b0);
        d1x = sinDeg(b1);
        d1y = cosDeg(b1);
        pb0 = pseudoBearing(d0x, d0y);
        if (full) {
            wedgeEnd = 4;
        } else {
            double t = pseudoBearing(d1x, d1y) - pb0;
            if (t <= 0) t += 4;
            wedgeEnd = Math.min(t, Math.nextDown(4.0));
        }
    }

    /** The wedge's extent in keys (4 for a full turn), set by {@link #wedge}. */
    double wedgeEnd() {
        return wedgeEnd;
    }

    /** The ring of the last run in absolute coordinates, written by {@link #absoluteRing}. */
    double[] ringX = new double[256], ringY = new double[256];

    /**
     * Writes the last run's ring in absolute coordinates to {@link #ringX}/{@link #ringY}: translation
     * may round two consecutive points together, so repeated points are dropped, and the ring is closed
     * again. Returns its number of points, 0 if nothing is left.
     */
    int absoluteRing() {
        if (ringX.length < np) {
            ringX = new double[outX.length];
            ringY = new double[outX.length];
        }
        double[] rx = ringX, ry = ringY;
        int k = 0;
        for (int i = 0; i < np - 1; i++) { // the open ring
            double x = px + outX[i], y = py + outY[i];
            if (k > 0 && rx[k - 1] == x && ry[k - 1] == y) continue;
            rx[k] = x;
            ry[k++] = y;
        }
        while (k > 1 && rx[k - 1] == rx[0] && ry[k - 1] == ry[0]) k--;
        if (k > 0) {
            rx[k] = rx[0];
            ry[k++] = ry[0];
        }
        return k;
    }

    private void sectorEnvelope(double headingDeg, double fovDeg) {
        double r = range * (1 + 1e-9);
        if (full) {
            qMinX = qMinY = -r;
            qMaxX = qMaxY = r;
            return;
        }
        qMinX = Math.min(0, Math.min(r * d0x, r * d1x));
        qMaxX = Math.max(0, Math.max(r * d0x, r * d1x));
        qMinY = Math.min(0, Math.min(r * d0y, r * d1y));
        qMaxY = Math.max(0, Math.max(r * d0y, r * d1y));
        double start = headingDeg - fovDeg / 2;
        for (int k = 0; k < 4; k++) {
            double rel = mod360(k * 90 - start);
            if (rel <= fovDeg) {
                switch (k) {
                    case 0 -> qMaxY = r;
                    case 1 -> qMaxX = r;
                    case 2 -> qMinY = -r;
                    default -> qMinX = -r;
                }
            }
        }
    }

    // ---------------------------------------------------------------- candidate edges

    /**
     * Visits the grid cells of the sector's envelope in rings of growing distance from the viewer's
     * cell, skipping cells whose entries' box is out of range, outside the wedge, or hidden behind
     * pieces already found (see {@link #hidden}), and takes each edge of the others once. The grid is
     * {@linkplain EdgeGrid#loose loose}: a cell's entries reach at most one cell beyond it up and right.
     */
    private void gather(EdgeGrid g) {
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(seen, 0);
            stamp = 1;
        }
        if (seen.length < edges.length / 4) {
            seen = new int[edges.length / 4];
            stamp = 1;
        }
        binWidth = wedgeEnd / BINS;
        perBin = 1 / binWidth;
        chainOpen = false;
        Arrays.fill(occ, Double.POSITIVE_INFINITY);
        int cx0 = Math.max(0, g.cx(px + qMinX) - 1), cx1 = g.cx(px + qMaxX);
        int cy0 = Math.max(0, g.cy(py + qMinY) - 1), cy1 = g.cy(py + qMaxY);
        int vx = g.cx(px), vy = g.cy(py);
        int rings = Math.max(Math.max(vx - cx0, cx1 - vx), Math.max(vy - cy0, cy1 - vy));
        touch(g, cx0, cx1, cy0, cy1);
        for (int k = 0; k <= rings; k++) {
            // ring k is at least k - 1 cells away, its entries at least k - 2
            if (k > 2 && allBlockedWithin(square((k - 2) * g.cell))) break;
            int xa = Math.max(cx0, vx - k), xb = Math.min(cx1, vx + k);
            if (vy + k <= cy1) for (int x = xa; x <= xb; x++) visitCell(g, x, vy + k, k);
            if (k > 0 && vy - k >= cy0) for (int x = xa; x <= xb; x++) visitCell(g, x, vy - k, k);
            int ya = Math.max(cy0, vy - k + 1), yb = Math.min(cy1, vy + k - 1);
            if (k > 0 && vx - k >= cx0) for (int y = ya; y <= yb; y++) visitCell(g, vx - k, y, k);
            if (k > 0 && vx + k <= cx1) for (int y = ya; y <= yb; y++) visitCell(g, vx + k, y, k);
        }
    }

    /**
     * Reads the boxes and entry ranges of the cells in columns cx0 … cx1, rows cy0 … cy1 in one burst
     * of independent loads, so that their cache misses overlap instead of waiting one by one behind
     * each cell's work (a camera's cells are usually cold: the previous camera was elsewhere). One
     * load per cache line (two boxes); the sum only keeps the loads.
     */
    private void touch(EdgeGrid g, int cx0, int cx1, int cy0, int cy1) {
        double[] b = g.cellBoxes;
        double t = 0;
        for (int y = cy0; y <= cy1; y++) {
            int row = y * g.nx;
            for (int x = cx0; x <= cx1; x += 2) t += b[4 * (row + x)];
            t += g.start(row + cx0);
        }
        touched = t;
    }

    /** Keeps {@link #touch}'s loads. */
    private double touched;

    private void visitCell(EdgeGrid g, int x, int y, int ring) {
        int c = y * g.nx + x;
        int from = g.start(c), to = g.end(c);
        if (from == to) return;
        double[] b = g.cellBoxes;
        double x0 = b[4 * c] - px, y0 = b[4 * c + 1] - py, x1 = b[4 * c + 2] - px, y1 = b[4 * c + 3] - py;
        if (x1 < qMinX || x0 > qMaxX || y1 < qMinY || y0 > qMaxY) return;
        if (ring > 0 && hidden(x0, y0, x1, y1)) return;
        double[] e = g.coords;
        // load the cell's item numbers now, in parallel with its coordinates (pass two needs them;
        // loading them before hidden() is slower: most hidden cells' loads are wasted)
        probe = g.entry(from);
        // first, without branches: the entries that may face the viewer (the predictor cannot guess
        // which edges of a house face a camera). Nothing else: addEdge's range clip and addPiece's wedge
        // test drop the rest, and tests against the sector's envelope or the wedge's two half-planes
        // here (four minima and maxima, or four cross products, per entry) cost more than they save
        if (kept.length < to - from) kept = new int[2 * (to - from)];
        int[] kept = this.kept;
        int n = 0;
        for (int k = from; k < to; k++) {
            double ex0 = e[4 * k] - px, ey0 = e[4 * k + 1] - py, ex1 = e[4 * k + 2] - px, ey1 = e[4 * k + 3] - py;
            double l = ex0 * ey1, r = ey0 * ex1;
            boolean keep = l - r <= FRONT_ERR * (Math.abs(l) + Math.abs(r));
            kept[n] = k;
            n += keep ? 1 : 0;
        }
        for (int j = 0; j < n; j++) {
            int k = kept[j];
            int i = g.entry(k);
            if (i < 0) { // a long edge, listed in every cell it meets
                i = ~i;
                if (seen[i] == stamp) continue;
                seen[i] = stamp;
            }
            double ex0 = e[4 * k] - px, ey0 = e[4 * k + 1] - py, ex1 = e[4 * k + 2] - px, ey1 = e[4 * k + 3] - py;
            candidates++;
            if (!frontFacing(ex0, ey0, ex1, ey1)) continue;
            // (an edge between two pieces of a chain breaks it by its number: see addPiece)
            int before = m;
            curEdge = i;
            addEdge(ex0, ey0, ex1, ey1);
            if (m == before) chainOpen = false;
        }
    }

    // ---------------------------------------------------------------- occlusion bins

    /**
     * Whether every point of the box (local coordinates, not containing the viewer) is out of range,
     * outside the wedge, or behind a piece found so far. Conservative: false when unsure.
     */
    private boolean hidden(double x0, double y0, double x1, double y1) {
        double dx = Math.max(0, Math.max(x0, -x1)), dy = Math.max(0, Math.max(y0, -y1));
        double d2 = dx * dx + dy * dy;
        if (d2 == 0) return false;
        if (d2 > range2) return true;
        boxKeys(x0, y0, x1, y1);
        double lo = boxLo, hi = boxHi;
        if (hi - lo >= 2) return false; // straddles the start ray
        if (!full && lo > wedgeEnd + 1e-9) return true; // wholly in the gap behind the wedge
        return behind(lo, hi, d2);
    }

    /** The least and greatest key of the corners of the box of the last {@link #boxKeys}. */
    double boxLo, boxHi;

    /**
     * The least and greatest {@linkplain #key key} of the four corners of a box (local coordinates)
     * that does not contain the viewer, to {@link #boxLo} and {@link #boxHi}: the keys of its two
     * silhouette corners, chosen by the side (of eight) the viewer is on, so two pseudo-bearings instead
     * of four. Keys are monotone in the bearing (a straddled start ray wraps both ways alike).
     */
    void boxKeys(double x0, double y0, double x1, double y1) {
        double ax, ay, bx, by; // the corners of least and greatest bearing
        if (y0 > 0) { // north of the viewer
            ax = x0;
            ay = pick(x0 > 0, y1, y0);
            bx = x1;
            by = pick(x1 < 0, y1, y0);
        } else if (y1 < 0) { // south
            ax = x1;
            ay = pick(x1 < 0, y0, y1);
            bx = x0;
            by = pick(x0 > 0, y0, y1);
        } else if (x0 > 0) { // east, level with it
            ax = x0;
            ay = y1;
            bx = x0;
            by = y0;
        } else { // west
            ax = x1;
            ay = y0;
            bx = x1;
            by = y1;
        }
        double k0 = key(ax, ay), k1 = key(bx, by);
        boxLo = Math.min(k0, k1);
        boxHi = Math.max(k0, k1);
    }

    /** a if c, else b, by an integer conditional move (the JIT compiles a choice of doubles as a branch). */
    private static double pick(boolean c, double a, double b) {
        return Double.longBitsToDouble(c ? Double.doubleToRawLongBits(a) : Double.doubleToRawLongBits(b));
    }

    /**
     * The bins hold squared distances, so that no square root is taken per cell or piece. A bin blocks
     * a point at squared distance d2 when its value is below {@code limit2(d2)} ≤ (d (1 − 1e-9) −
     * 1e-9)², the margin of the distances: (d (1 − ε) − ε)² ≥ d² (1 − 2ε) − 2dε ≥ d² (1 − 3ε) − ε, as
     * 2d ≤ d² + 1.
     */
    private static double limit2(double d2) {
        return d2 * (1 - 3e-9) - 1e-9;
    }

    private static double square(double d) {
        return d * d;
    }

    /** Whether every bin is blocked nearer than √{@code dist2}: nothing farther can be visible. */
    private boolean allBlockedWithin(double dist2) {
        double limit = limit2(dist2);
        for (int b = 0; b < BINS; b++) if (!(occ[b] < limit)) return false;
        return true;
    }

    /** Whether the key interval [lo, hi] is covered by pieces nearer than √{@code dist2} everywhere. */
    private boolean behind(double lo, double hi, double dist2) {
        int b0 = (int) Math.max(0, Math.floor((lo - 1e-9) * perBin));
        int b1 = (int) Math.min(BINS - 1, Math.floor((hi + 1e-9) * perBin));
        double limit = limit2(dist2);
        for (int b = b0; b <= b1; b++) if (!(occ[b] < limit)) return false;
        return b0 <= b1;
    }

    /** Records that beyond √{@code far2} everything in the bins strictly inside (lo, hi) is hidden. */
    private void occlude(double lo, double hi, double far2) {
        int b0 = (int) Math.floor((lo + 1e-9) * perBin) + 1;
        int b1 = (int) Math.ceil((hi - 1e-9) * perBin) - 2;
        if (b0 < 0) b0 = 0;
        if (b1 > BINS - 1) b1 = BINS - 1;
        for (int b = b0; b <= b1; b++) occ[b] = Math.min(occ[b], far2); // no branch to mispredict
    }

    /** Relative error bound of the cross product in {@link #frontFacing}; below it, the exact test. */
    private static final double FRONT_ERR = 1e-14;

    /** True when the viewer (origin) is strictly right of a → b, i.e. on the exterior side. */
    static boolean frontFacing(double x0, double y0, double x1, double y1) {
        double l = x0 * y1, r = y0 * x1;
        double det = l - r;
        double err = FRONT_ERR * (Math.abs(l) + Math.abs(r));
        if (det < -err) return true;
        if (det > err) return false;
        return CGAlgorithmsDD.orientationIndex(x0, y0, x1, y1, 0, 0) < 0;
    }

    private void addEdge(double x0, double y0, double x1, double y1) {
        double dx = x1 - x0, dy = y1 - y0;
        double c0 = x0 * x0 + y0 * y0 - range2, c1 = x1 * x1 + y1 * y1 - range2;
        double s0 = 0, s1 = 1;
        if (c0 > 0 || c1 > 0) {
            double a = dx * dx + dy * dy;
            double hb = x0 * dx + y0 * dy;
            double disc = hb * hb - a * c0;
            if (disc <= 0) return;
            double q = hb >= 0 ? -(hb + Math.sqrt(disc)) : -hb + Math.sqrt(disc);
            double r0 = q / a, r1 = c0 / q;
            double lo = Math.min(r0, r1), hi = Math.max(r0, r1);
            if (c0 > 0) s0 = Math.max(0, lo);
            if (c1 > 0) s1 = Math.min(1, hi);
            if (!((s1 - s0) * Math.sqrt(a) > 1e-9)) return;
        }
        double startX = s0 == 0 ? x0 : x0 + s0 * dx, startY = s0 == 0 ? y0 : y0 + s0 * dy;
        double endX = s1 == 1 ? x1 : x0 + s1 * dx, endY = s1 == 1 ? y1 : y0 + s1 * dy;
        double k0 = key(startX, startY), k1 = key(endX, endY);
        if (k0 < EPS || k0 > 4 - EPS) k0 = 0;
        if (k1 < EPS || k1 > 4 - EPS) k1 = 4;
        if (Math.abs(k0 - wedgeEnd) <= EPS) k0 = wedgeEnd;
        if (Math.abs(k1 - wedgeEnd) <= EPS) k1 = wedgeEnd;
        if (k1 > k0) {
            addPiece(x0, y0, x1, y1, k0, k1, startX, startY, true, endX, endY, true);
        } else if (k0 - k1 > 2) {
            // crosses the start ray: [k0, 4) and [0, k1]
            addPiece(x0, y0, x1, y1, k0, 4, startX, startY, true, 0, 0, false);
            addPiece(x0, y0, x1, y1, 0, k1, 0, 0, false, endX, endY, true);
        }
        // else: zero angular width after rounding
    }

    private void addPiece(
            double x0,
            double y0,
            double x1,
            double y1,
            double lo,
            double hi,
            double startX,
            double startY,
            boolean ownStart,
            double endX,
            double endY,
            boolean ownEnd) {
        if (lo >= wedgeEnd) return;
        if (hi > wedgeEnd) {
            hi = wedgeEnd;
            ownEnd = false;
        }
        if (!(hi > lo)) return;
        if (behind(lo, hi, nearest2(x0, y0, x1, y1))) return; // wholly behind pieces found before
        if (4 * m == ends.length) growPieces();
        double[] line = this.line;
        line[4 * m] = x0;
        line[4 * m + 1] = y0;
        line[4 * m + 2] = x1;
        line[4 * m + 3] = y1;
        double[] ends = this.ends;
        if (!ownStart) {
            rayHit(m, d0x, d0y);
            startX = hitX;
            startY = hitY;
        }
        if (!ownEnd) {
            if (hi == 4) rayHit(m, d0x, d0y);
            else rayHit(m, d1x, d1y);
            endX = hitX;
            endY = hitY;
        }
        ends[4 * m] = startX;
        ends[4 * m + 1] = startY;
        ends[4 * m + 2] = endX;
        ends[4 * m + 3] = endY;
        double far2 = Math.max(startX * startX + startY * startY, endX * endX + endY * endY);
        // consecutive front-facing edges a → b → c block the ray through b too: b + ε(b − viewer) is left
        // of both edges' lines (the viewer is right of both), i.e. inside the footprint; so a chain of
        // them blocks its whole key interval
        if (ownStart && chainOpen && lo == chainHi && curEdge == chainEdge + 1 && footprints.continues(chainEdge)) {
            chainFar2 = Math.max(chainFar2, far2);
        } else {
            chainLo = lo;
            chainFar2 = far2;
        }
        occlude(chainLo, hi, chainFar2);
        chainOpen = ownEnd;
        chainHi = hi;
        chainEdge = curEdge;
        if (ne + 2 > evKey.length) growEvents();
        evKey[ne] = lo;
        evCode[ne++] = 2 * m;
        evKey[ne] = hi;
        evCode[ne++] = 2 * m + 1;
        m++;
    }

    private double hitX, hitY;

    /** Squared distance from the viewer (origin) to the segment a → b. */
    private static double nearest2(double x0, double y0, double x1, double y1) {
        double dx = x1 - x0, dy = y1 - y0, len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(x0 * dx + y0 * dy) / len2));
        double qx = x0 + t * dx, qy = y0 + t * dy;
        return qx * qx + qy * qy;
    }

    /** Intersection of the ray from the origin along (dx, dy) with the line of piece j. */
    private void rayHit(int j, double dx, double dy) {
        double[] line = this.line;
        double x0 = line[4 * j], y0 = line[4 * j + 1], ux = line[4 * j + 2] - x0, uy = line[4 * j + 3] - y0;
        double den = dx * uy - dy * ux;
        double t = (x0 * uy - y0 * ux) / den;
        hitX = t * dx;
        hitY = t * dy;
    }

    double key(double x, double y) {
        double k = pseudoBearing(x, y) - pb0;
        return k < 0 ? k + 4 : k;
    }

    /** Monotone in the bearing (clockwise from +y): 0 north, 1 east, 2 south, 3 west, → 4. */
    static double pseudoBearing(double x, double y) {
        if (x >= 0) return y >= 0 ? x / (y + x) : 1 - y / (x - y);
        return y < 0 ? 2 - x / (-y - x) : 3 + y / (y - x);
    }

    static double sinDeg(double deg) {
        double d = mod360(deg);
        if (d == 0 || d == 180) return 0;
        if (d == 90) return 1;
        if (d == 270) return -1;
        return Math.sin(Math.toRadians(d));
    }

    /**
     * {@code ((deg % 360) + 360) % 360}, the same value for |deg| < 720, without the two floating-point
     * remainders (each a slow runtime call in Java 17, about 30 ns; a sweep needs eight pairs).
     */
    static double mod360(double deg) {
        double d = deg - 360 * Math.floor(deg / 360);
        return d >= 360 ? d - 360 : d;
    }

    static double cosDeg(double deg) {
        return sinDeg(deg + 90);
    }

    // ---------------------------------------------------------------- events

    /** Buckets of the event sort (the keys of one run spread over [0, wedgeEnd]). */
    private static final int BUCKETS = 128;

    private final int[] bucketStart = new int[BUCKETS + 1];
    private int[] evBucket = new int[128], sortCode = new int[128];
    private double[] sortKey = new double[128];

    /**
     * Sorts the events by key: a counting sort into {@value #BUCKETS} buckets of equal key width, then
     * an insertion sort of the nearly sorted result (it only moves events within a bucket). Linear for
     * keys spread over the wedge, with few data-dependent branches; a comparison sort of ~50 random keys
     * mispredicts on most of its comparisons.
     */
    void sortEvents() {
        int n = ne;
        if (n < 2) return;
        if (evBucket.length < n || sortKey.length < n || sortCode.length < n) {
            evBucket = new int[evKey.length];
            sortCode = new int[evKey.length];
            sortKey = new double[evKey.length];
        }
        double[] key = evKey, outKey = sortKey;
        int[] code = evCode, outCode = sortCode, bucket = evBucket, from = bucketStart;
        Arrays.fill(from, 0);
        double scale = BUCKETS / wedgeEnd;
        for (int i = 0; i < n; i++) {
            int b = Math.min(BUCKETS - 1, (int) (key[i] * scale)); // keys are >= 0
            bucket[i] = b;
            from[b + 1]++;
        }
        // bucket starts: a running sum in a register (from[b + 1] += from[b] would wait for the store of
        // the step before on every step)
        for (int b = 1, run = 0; b <= BUCKETS; b++) {
            run += from[b];
            from[b] = run;
        }
        for (int i = 0; i < n; i++) {
            int at = from[bucket[i]]++;
            outKey[at] = key[i];
            outCode[at] = code[i];
        }
        for (int i = 1; i < n; i++) {
            double k = outKey[i];
            if (!(outKey[i - 1] > k)) continue;
            int c = outCode[i];
            int j = i - 1;
            do {
                outKey[j + 1] = outKey[j];
                outCode[j + 1] = outCode[j];
                j--;
            } while (j >= 0 && outKey[j] > k);
            outKey[j + 1] = k;
            outCode[j + 1] = c;
        }
        // the sorted copy becomes the event list
        sortKey = evKey;
        sortCode = evCode;
        evKey = outKey;
        evCode = outCode;
    }

    /**
     * Sorts the events (keys, codes) in place as a run does, for the wedge last set by {@link #wedge}
     * (keys in [0, its end]). For tests.
     */
    void sortEvents(double[] keys, int[] codes) {
        int n = keys.length;
        while (evKey.length < n) growEvents();
        System.arraycopy(keys, 0, evKey, 0, n);
        System.arraycopy(codes, 0, evCode, 0, n);
        ne = n;
        sortEvents();
        System.arraycopy(evKey, 0, keys, 0, n);
        System.arraycopy(evCode, 0, codes, 0, n);
    }

    private void group() {
        ng = 0;
        if (gFirst.length < ne + 1) {
            gFirst = new int[ne + 1];
            gKey = new double[ne];
            gDirX = new double[ne];
            gDirY = new double[ne];
        }
        double last = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ne; i++) {
            double k = evKey[i];
            if (k - last > EPS) {
                gFirst[ng] = i;
                gKey[ng] = k;
                int at = 2 * evCode[i]; // the piece's start or end point
                gDirX[ng] = ends[at];
                gDirY[ng] = ends[at + 1];
                ng++;
            }
            last = k;
            evGroup[evCode[i]] = ng - 1;
        }
        gFirst[ng] = ne;
    }

    // ---------------------------------------------------------------- sweep

    private void sweep() {
        np = 0;
        nActive = 0;
        int state = ARC;
        if (!full) emit(0, 0);
        int g = 0;
        double prevDirX = d0x, prevDirY = d0y, prevKey = 0;
        if (ng > 0 && gKey[0] == 0) {
            state = update(0, state);
            emitPointOf(state, 0);
            prevDirX = gDirX[0];
            prevDirY = gDirY[0];
            g = 1;
        } else {
            emit(range * d0x, range * d0y);
        }
        boolean closed = false;
        for (; g < ng; g++) {
            int before = state;
            state = update(g, state);
            boolean last = evKey[gFirst[g + 1] - 1] >= wedgeEnd;
            // the same piece (not ending here) or the arc on both sides: nothing changes on this ray,
            // whatever hidden pieces start or end on it, so it gives no vertex
            if (!last && state == before && (state == ARC || (evGroup[2 * state] != g && evGroup[2 * state + 1] != g)))
                continue;
            if (before == ARC) emitArc(prevDirX, prevDirY, prevKey, gDirX[g], gDirY[g], gKey[g]);
            emitPointOf(before, g);
            if (last) {
                closed = true;
                break;
            }
            emitPointOf(state, g);
            prevDirX = gDirX[g];
            prevDirY = gDirY[g];
            prevKey = gKey[g];
        }
        if (!closed) {
            double dx = full ? d0x : d1x, dy = full ? d0y : d1y;
            emitArc(prevDirX, prevDirY, prevKey, dx, dy, wedgeEnd);
            emit(range * dx, range * dy);
        }
        if (!full) emit(0, 0);
        // close the ring exactly
        if (np > 1 && Math.abs(outX[np - 1] - outX[0]) <= SAME_POINT && Math.abs(outY[np - 1] - outY[0]) <= SAME_POINT)
            np--;
        ensureOut(np + 1);
        outX[np] = outX[0];
        outY[np] = outY[0];
        np++;
    }

    /** Processes the events of group g; returns the nearest piece after it (or ARC). */
    private int update(int g, int state) {
        boolean lostNearest = false;
        for (int i = gFirst[g]; i < gFirst[g + 1]; i++) {
            int code = evCode[i];
            int j = code >> 1;
            if ((code & 1) != 0 && evGroup[code ^ 1] != g) {
                int p = activePos[j];
                int last = active[--nActive];
                active[p] = last;
                activePos[last] = p;
                if (j == state) lostNearest = true;
            }
        }
        if (lostNearest) state = ARC;
        boolean rescan = state == ARC;
        for (int i = gFirst[g]; i < gFirst[g + 1]; i++) {
            int code = evCode[i];
            int j = code >> 1;
            if ((code & 1) == 0 && evGroup[code ^ 1] != g) {
                if (nActive == active.length) active = Arrays.copyOf(active, 2 * nActive);
                activePos[j] = nActive;
                active[nActive++] = j;
                if (!rescan && closer(j, state)) state = j;
            }
        }
        if (rescan && nActive > 0) {
            state = active[0];
            for (int i = 1; i < nActive; i++) if (closer(active[i], state)) state = active[i];
        }
        return state;
    }

    /**
     * Whether piece i is nearer to the viewer than piece j where both cover the same open angular
     * interval. Exact: occluder edges never cross, so one lies entirely on one side of the other's line.
     */
    private boolean closer(int i, int j) {
        double[] line = this.line;
        double iax = line[4 * i], iay = line[4 * i + 1], ibx = line[4 * i + 2], iby = line[4 * i + 3];
        double jax = line[4 * j], jay = line[4 * j + 1], jbx = line[4 * j + 2], jby = line[4 * j + 3];
        int o1 = orient(iax, iay, ibx, iby, jax, jay);
        int o2 = orient(iax, iay, ibx, iby, jbx, jby);
        // the viewer is right (-1) of every piece; j left of (behind) i's line → i nearer. One branch,
        // taken only when j straddles i's line, instead of two that follow the data
        if (o1 * o2 >= 0) return o1 + o2 >= 0;
        int o3 = orient(jax, jay, jbx, jby, iax, iay);
        int o4 = orient(jax, jay, jbx, jby, ibx, iby);
        return o3 <= 0 && o4 <= 0;
    }

    /**
     * {@link CGAlgorithmsDD#orientationIndex}: its floating-point filter, with the same products and
     * bound, as one test whose outcome hardly ever changes (|det| ≥ 1e-15 (|l| + |r|) holds exactly when
     * that filter answers: l and r of opposite signs or one of them zero included), and the sign taken
     * without a branch. Where the sweep compares pieces, the filter's sign tests would follow the data;
     * the star-shape check of the result and the point location in the footprints use it too.
     */
    static int orient(double x0, double y0, double x1, double y1, double qx, double qy) {
        double l = (x0 - qx) * (y1 - qy), r = (y0 - qy) * (x1 - qx), det = l - r;
        if (Math.abs(det) >= 1e-15 * (Math.abs(l) + Math.abs(r))) return (det > 0 ? 1 : 0) - (det < 0 ? 1 : 0);
        return CGAlgorithmsDD.orientationIndex(x0, y0, x1, y1, qx, qy);
    }

    private void emitPointOf(int state, int g) {
        if (state == ARC) {
            double dx = gDirX[g], dy = gDirY[g];
            double s = range / Math.sqrt(dx * dx + dy * dy);
            emit(dx * s, dy * s);
        } else if (evGroup[2 * state] == g) {
            emit(ends[4 * state], ends[4 * state + 1]);
        } else if (evGroup[2 * state + 1] == g) {
            emit(ends[4 * state + 2], ends[4 * state + 3]);
        } else {
            rayHit(state, gDirX[g], gDirY[g]);
            emit(hitX, hitY);
        }
    }

    /** Arc vertices strictly between two directions (keys only disambiguate a full turn). */
    private void emitArc(double fromX, double fromY, double fromKey, double toX, double toY, double toKey) {
        double dk = toKey - fromKey;
        if (dk < 2) { // most gaps between houses are narrower than one step: no vertex, no atan2
            double dot = fromX * toX + fromY * toY;
            double norms = Math.sqrt((fromX * fromX + fromY * fromY) * (toX * toX + toY * toY));
            if (dot > (cosArcStep + 1e-12) * norms) return; // surely less than one step
        }
        double a0 = Math.atan2(fromX, fromY);
        double delta = Math.atan2(toX, toY) - a0;
        if (delta < 0) delta += 2 * Math.PI;
        if (dk < 2 && delta > 1.5 * Math.PI) delta = 0; // rounding of a tiny interval
        if (dk > 2 && delta < 0.5 * Math.PI) delta += 2 * Math.PI; // a full turn
        int n = (int) Math.ceil(delta / arcStep);
        for (int i = 1; i < n; i++) {
            double a = a0 + delta * i / n;
            emit(range * Math.sin(a), range * Math.cos(a));
        }
    }

    private void emit(double x, double y) {
        if (np > 0 && Math.abs(outX[np - 1] - x) <= SAME_POINT && Math.abs(outY[np - 1] - y) <= SAME_POINT) return;
        ensureOut(np + 1);
        outX[np] = x;
        outY[np] = y;
        np++;
    }

    private void ensureOut(int n) {
        if (n > outX.length) {
            outX = Arrays.copyOf(outX, 2 * n);
            outY = Arrays.copyOf(outY, 2 * n);
        }
    }

    private void growPieces() {
        int n = 2 * activePos.length;
        line = Arrays.copyOf(line, 4 * n);
        ends = Arrays.copyOf(ends, 4 * n);
        evGroup = Arrays.copyOf(evGroup, 2 * n);
        activePos = Arrays.copyOf(activePos, n);
    }

    private void growEvents() {
        int n = 2 * evKey.length;
        evKey = Arrays.copyOf(evKey, n);
        evCode = Arrays.copyOf(evCode, n);
    }
}
