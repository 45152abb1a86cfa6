package org.sightline.engine.synth;

import java.util.SplittableRandom;

/**
 * Land use by position: a dense core, secondary commercial centres, an industrial wedge, and
 * density falling off with distance from the centre (e-folding length 0.28 × radius), so that the
 * outer third of the city is mostly rural or empty.
 */
final class Zoning {
    private final double radius;
    private final double core;
    private final double[] satX, satY, satR;
    private final double industrialFrom;

    Zoning(SynthOptions o, SplittableRandom rng) {
        this.radius = o.radiusM();
        this.core = o.coreRadiusM();
        int n = o.satellites();
        satX = new double[n];
        satY = new double[n];
        satR = new double[n];
        for (int i = 0; i < n; i++) {
            double r = radius * Seeds.uniform(rng, 0.28, 0.62);
            double a = Seeds.uniform(rng, 0, 2 * Math.PI);
            satX[i] = r * StrictMath.cos(a);
            satY[i] = r * StrictMath.sin(a);
            satR[i] = Math.max(core * 0.5, radius * Seeds.uniform(rng, 0.03, 0.05));
        }
        industrialFrom = Seeds.uniform(rng, -Math.PI, Math.PI);
    }

    /** Density in [0, 1] at (x, y) relative to the centre: 1 downtown, ~0.5 at 0.3 r, ~0.1 at 0.75 r. */
    double density(double x, double y) {
        double r = Math.hypot(x, y);
        double d = r <= core ? 1.0 : Math.exp(-(r - core) / (0.28 * radius));
        for (int i = 0; i < satX.length; i++) {
            double q = Math.hypot(x - satX[i], y - satY[i]) / satR[i];
            if (q < 3) d = Math.max(d, 0.85 * Math.exp(-q * q));
        }
        return d;
    }

    boolean downtown(double x, double y) {
        return Math.hypot(x, y) <= core;
    }

    private boolean industrialWedge(double x, double y) {
        double a = StrictMath.atan2(y, x) - industrialFrom;
        while (a < 0) a += 2 * Math.PI;
        return a < 0.55 && Math.hypot(x, y) > core * 1.3;
    }

    /** Short side of a typical block (metres) where the density is {@code d}: 85 m downtown to 245 m rural. */
    static double localSpacing(double d) {
        double e = 1 - Math.min(1, Math.max(0, d));
        return 85 + 160 * e * e * e;
    }

    Zone zone(double x, double y, boolean arterialFrontage, SplittableRandom rng) {
        double p = rng.nextDouble();
        if (downtown(x, y)) {
            if (p < 0.84) return Zone.DOWNTOWN;
            if (p < 0.90) return Zone.CIVIC;
            if (p < 0.94) return Zone.PARK;
            return Zone.RES_DENSE;
        }
        double d = density(x, y);
        boolean industrial = industrialWedge(x, y);
        if (d > 0.55) {
            double commercial = arterialFrontage ? 0.5 : 0.25;
            if (p < commercial) return Zone.COMMERCIAL;
            if (p < commercial + 0.03) return Zone.CIVIC;
            if (p < commercial + 0.07) return Zone.PARK;
            return Zone.RES_DENSE;
        }
        if (d > 0.25) {
            if (industrial && p < 0.35) return Zone.INDUSTRIAL;
            double commercial = arterialFrontage ? 0.2 : 0.04;
            if (p < commercial) return Zone.COMMERCIAL;
            if (p < commercial + 0.03) return Zone.CIVIC;
            if (p < commercial + 0.08) return Zone.PARK;
            return rng.nextDouble() < 0.6 ? Zone.RES_DENSE : Zone.RES_SUBURB;
        }
        if (d > 0.08) {
            if (industrial && p < 0.15) return Zone.INDUSTRIAL;
            double commercial = arterialFrontage ? 0.08 : 0.01;
            if (p < commercial) return Zone.COMMERCIAL;
            if (p < commercial + 0.02) return Zone.CIVIC;
            if (p < commercial + 0.10) return Zone.PARK;
            if (p < commercial + 0.12) return Zone.INDUSTRIAL;
            return Zone.RES_SUBURB;
        }
        if (p < 0.55) return Zone.RURAL;
        if (p < 0.62) return Zone.RES_SUBURB;
        return Zone.PARK;
    }
}
