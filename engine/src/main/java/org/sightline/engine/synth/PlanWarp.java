package org.sightline.engine.synth;

import java.util.SplittableRandom;

/**
 * A smooth, orientation-preserving warp of the plan plane (u, v) onto the ground (x, y), both in
 * metres relative to the city centre: straight grid lines of the plan become gently curving streets.
 * Two sine terms per axis with wavelengths of 6–11 arterial spacings and amplitudes of 0.16 and 0.09
 * spacings keep the Jacobian within about ±0.3 of the identity, so blocks stay convex.
 */
final class PlanWarp {
    private final double[] amp = new double[4];
    private final double[] ku = new double[4];
    private final double[] kv = new double[4];
    private final double[] phase = new double[4];

    PlanWarp(double spacing, SplittableRandom rng) {
        double[] amps = {0.16 * spacing, 0.09 * spacing, 0.16 * spacing, 0.09 * spacing};
        for (int i = 0; i < 4; i++) {
            double lambda = Seeds.uniform(rng, 6, 11) * spacing;
            double k = 2 * Math.PI / lambda;
            double ang = Seeds.uniform(rng, -0.6, 0.6);
            // terms 0,1 displace x and vary mostly with v; terms 2,3 displace y and vary mostly with u
            boolean alongV = i < 2;
            ku[i] = k * (alongV ? StrictMath.sin(ang) : StrictMath.cos(ang));
            kv[i] = k * (alongV ? StrictMath.cos(ang) : StrictMath.sin(ang));
            amp[i] = amps[i];
            phase[i] = Seeds.uniform(rng, 0, 2 * Math.PI);
        }
    }

    double x(double u, double v) {
        return u + term(0, u, v) + term(1, u, v);
    }

    double y(double u, double v) {
        return v + term(2, u, v) + term(3, u, v);
    }

    private double term(int i, double u, double v) {
        return amp[i] * StrictMath.sin(ku[i] * u + kv[i] * v + phase[i]);
    }
}
