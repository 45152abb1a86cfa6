package org.sightline.engine.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fills one convex block with building footprints. The block is first inset by half the street
 * right-of-way (8 m from a local street's centreline, 13 m from an arterial's); then, frontage by
 * frontage (longest first), lots are laid out along the edge. Terraced zones build runs of 2–7
 * buildings wall to wall (adjacent footprints share an identical edge, computed from the same
 * numbers) separated by alleys; detached zones centre a rectangle, L or U on each lot behind a front
 * setback. A candidate is kept only if it lies inside the inset block and at least 1 m from every
 * footprint already placed except its run neighbour, so footprints never overlap.
 */
final class BlockFiller {
    /** Centreline to lot line, by edge label (0 local, 1 arterial), metres. */
    static final double[] INSET = {8, 13};

    private static final double GAP = 1.0;

    /** Receives each footprint (an open CCW ring, metres) and its street-facing front wall. */
    interface Sink {
        void building(double[] ring, int points, double heightM, BuildingUse use, double[] front);
    }

    private final List<double[]> placed = new ArrayList<>();
    private ConvexPolygon q;
    private int edge;
    private double ax, ay, tx, ty, nx, ny;

    void fill(ConvexPolygon block, Zone zone, SplittableRandom rng, Sink sink) {
        if (zone == Zone.PARK) return;
        q = block.inset(INSET);
        if (q.size() < 3 || q.area() < 300) return;
        placed.clear();
        int n = q.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> {
            int c = Double.compare(q.edgeLength(b), q.edgeLength(a));
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int e : order) {
            double len = q.edgeLength(e);
            if (len < 12) continue;
            frame(e);
            if (zone.terraced) terraceRow(len, zone, rng, sink);
            else detachedRow(len, zone, rng, sink);
        }
    }

    private void frame(int e) {
        edge = e;
        int j = (e + 1) % q.size();
        ax = q.x[e];
        ay = q.y[e];
        double len = q.edgeLength(e);
        tx = (q.x[j] - ax) / len;
        ty = (q.y[j] - ay) / len;
        nx = -ty;
        ny = tx;
    }

    private double wx(double a, double b) {
        return ax + a * tx + b * nx;
    }

    private double wy(double a, double b) {
        return ay + a * ty + b * ny;
    }

    private double[] quad(double a0, double b0, double a1, double b1) {
        return new double[] {
            wx(a0, b0), wy(a0, b0), wx(a1, b0), wy(a1, b0), wx(a1, b1), wy(a1, b1), wx(a0, b1), wy(a0, b1)
        };
    }

    private boolean fits(double[] quad, double rearMargin, int skip) {
        for (int k = 0; k < 4; k++) {
            for (int j = 0; j < q.size(); j++) {
                double need = j == edge ? -1e-6 : rearMargin;
                if (q.insideDistance(j, quad[2 * k], quad[2 * k + 1]) < need) return false;
            }
        }
        for (int i = 0; i < placed.size(); i++) {
            if (i != skip && !ConvexPolygon.separated(quad, placed.get(i), GAP)) return false;
        }
        return true;
    }

    private void terraceRow(double len, Zone zone, SplittableRandom rng, Sink sink) {
        double s = Seeds.uniform(rng, 0, 2);
        int maxRun = zone == Zone.DOWNTOWN ? 7 : 5;
        while (s + zone.lotMin <= len) {
            int run = Seeds.uniformInt(rng, 2, maxRun);
            double fs = Seeds.uniform(rng, zone.setbackMin, zone.setbackMax);
            double d = Seeds.uniform(rng, zone.depthMin, zone.depthMax);
            int prev = -1;
            for (int k = 0; k < run; k++) {
                double s1 = s + Seeds.uniform(rng, zone.lotMin, zone.lotMax);
                if (s1 > len) {
                    s = len;
                    break;
                }
                if (rng.nextDouble() < zone.vacancy) {
                    s = s1;
                    prev = -1;
                    continue;
                }
                double[] quad = null;
                if (prev >= 0) {
                    double[] c = quad(s, fs, s1, fs + d);
                    if (fits(c, 0.5, prev)) quad = c;
                } else {
                    for (double f : new double[] {1, 0.75, 0.55}) {
                        if (d * f < 8) break;
                        double[] c = quad(s, fs, s1, fs + d * f);
                        if (fits(c, 0.5, -1)) {
                            d *= f;
                            quad = c;
                            break;
                        }
                    }
                }
                if (quad == null) {
                    prev = -1;
                    s = s1;
                    continue;
                }
                BuildingUse use = use(zone, rng);
                sink.building(quad, 4, height(zone, use, rng), use, new double[] {quad[0], quad[1], quad[2], quad[3]});
                placed.add(quad);
                prev = placed.size() - 1;
                s = s1;
            }
            s += Seeds.uniform(rng, 2, 6);
        }
    }

    private void detachedRow(double len, Zone zone, SplittableRandom rng, Sink sink) {
        double s = Seeds.uniform(rng, 0, 4);
        while (true) {
            double lot = Seeds.uniform(rng, zone.lotMin, zone.lotMax);
            if (s + lot > len) {
                lot = len - s;
                if (lot < zone.lotMin * 0.8) break;
            }
            if (rng.nextDouble() >= zone.vacancy) detached(s, lot, zone, rng, sink);
            s += lot;
        }
    }

    private void detached(double s, double lot, Zone zone, SplittableRandom rng, Sink sink) {
        double bw = Math.min(Seeds.uniform(rng, zone.widthMin, zone.widthMax), lot - 3);
        if (bw < Math.max(5, zone.widthMin * 0.7)) return;
        double a0 = s + (lot - bw) * Seeds.uniform(rng, 0.3, 0.7);
        double a1 = a0 + bw;
        double fs = Seeds.uniform(rng, zone.setbackMin, zone.setbackMax);
        double d = Seeds.uniform(rng, zone.depthMin, zone.depthMax);
        for (double f : new double[] {1, 0.75, 0.55}) {
            double dd = d * f;
            if (dd < 6) return;
            double[] quad = quad(a0, fs, a1, fs + dd);
            if (!fits(quad, 2.0, -1)) continue;
            placed.add(quad);
            BuildingUse use = use(zone, rng);
            double h = height(zone, use, rng);
            double[] front = {quad[0], quad[1], quad[2], quad[3]};
            double p = rng.nextDouble();
            if (p < zone.uShare && bw >= 14 && dd >= 10) {
                double w = bw * Seeds.uniform(rng, 0.3, 0.45);
                double m0 = a0 + (bw - w) / 2, m1 = m0 + w;
                double b = fs + dd * Seeds.uniform(rng, 0.4, 0.6), b1 = fs + dd;
                sink.building(ring(a0, fs, a1, fs, a1, b1, m1, b1, m1, b, m0, b, m0, b1, a0, b1), 8, h, use, front);
            } else if (p < zone.uShare + zone.lShare && bw >= 9 && dd >= 8) {
                double w = bw * Seeds.uniform(rng, 0.35, 0.55);
                double b = fs + dd * Seeds.uniform(rng, 0.4, 0.6), b1 = fs + dd;
                if (rng.nextBoolean()) { // notch at the rear right
                    sink.building(ring(a0, fs, a1, fs, a1, b, a1 - w, b, a1 - w, b1, a0, b1), 6, h, use, front);
                } else { // notch at the rear left
                    sink.building(ring(a0, fs, a1, fs, a1, b1, a0 + w, b1, a0 + w, b, a0, b), 6, h, use, front);
                }
            } else {
                sink.building(quad, 4, h, use, front);
            }
            return;
        }
    }

    private double[] ring(double... local) {
        double[] out = new double[local.length];
        for (int i = 0; i < local.length; i += 2) {
            out[i] = wx(local[i], local[i + 1]);
            out[i + 1] = wy(local[i], local[i + 1]);
        }
        return out;
    }

    static BuildingUse use(Zone zone, SplittableRandom rng) {
        double p = rng.nextDouble();
        return switch (zone) {
            case DOWNTOWN -> p < 0.82 ? BuildingUse.COMMERCIAL : p < 0.87 ? BuildingUse.CIVIC : BuildingUse.RESIDENTIAL;
            case COMMERCIAL ->
                p < 0.90 ? BuildingUse.COMMERCIAL : p < 0.94 ? BuildingUse.CIVIC : BuildingUse.RESIDENTIAL;
            case RURAL ->
                p < 0.90 ? BuildingUse.RESIDENTIAL : p < 0.95 ? BuildingUse.INDUSTRIAL : BuildingUse.COMMERCIAL;
            case INDUSTRIAL -> p < 0.90 ? BuildingUse.INDUSTRIAL : BuildingUse.COMMERCIAL;
            case CIVIC -> BuildingUse.CIVIC;
            default -> p < 0.97 ? BuildingUse.RESIDENTIAL : p < 0.98 ? BuildingUse.CIVIC : BuildingUse.COMMERCIAL;
        };
    }

    /**
     * Height in metres (0.1 m steps), or NaN (unknown) for 2 %: residential 1–3 storeys (3.5–11.5 m),
     * commercial 6–60 m (median ~13 m), downtown commercial 15–180 m, industrial 6–18 m, civic 6–25 m.
     */
    static double height(Zone zone, BuildingUse use, SplittableRandom rng) {
        double u = rng.nextDouble();
        if (rng.nextDouble() < 0.02) return Double.NaN;
        double h = switch (use) {
            case RESIDENTIAL -> {
                int storeys = u < 0.35 ? 1 : u < 0.9 ? 2 : 3;
                yield storeys * 3 + Seeds.uniform(rng, 0.5, 2.5);
            }
            case COMMERCIAL -> zone == Zone.DOWNTOWN ? 15 + 165 * u * u * u : 6 + 54 * u * u * u;
            case INDUSTRIAL -> 6 + 12 * u;
            case CIVIC -> 6 + 19 * u;
        };
        return Math.round(h * 10) / 10.0;
    }
}
