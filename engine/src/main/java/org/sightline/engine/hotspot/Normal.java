package org.sightline.engine.hotspot;

/**
 * The standard normal distribution's tails, through the complementary error function.
 *
 * <p>{@link #erfc} follows W. J. Cody's rational Chebyshev approximations (Math. Comp. 23, 1969;
 * the CALERF routine of netlib SPECFUN): three intervals, |x| ≤ 0.46875, ≤ 4, > 4, with
 * exp(−x²) split as exp(−⌊16x⌋²/256)·exp(−δ) to avoid cancellation. Relative error is below 1e-15
 * where the result is a normal double (tested against 40-digit values below 1e-13).
 */
public final class Normal {
    private static final double[] A = {
        3.16112374387056560E00,
        1.13864154151050156E02,
        3.77485237685302021E02,
        3.20937758913846947E03,
        1.85777706184603153E-1
    };
    private static final double[] B = {
        2.36012909523441209E01, 2.44024637934444173E02, 1.28261652607737228E03, 2.84423683343917062E03
    };
    private static final double[] C = {
        5.64188496988670089E-1, 8.88314979438837594E00, 6.61191906371416295E01, 2.98635138197400131E02,
        8.81952221241769090E02, 1.71204761263407058E03, 2.05107837782607147E03, 1.23033935479799725E03,
        2.15311535474403846E-8
    };
    private static final double[] D = {
        1.57449261107098347E01, 1.17693950891312499E02, 5.37181101862009858E02, 1.62138957456669019E03,
        3.29079923573345963E03, 4.36261909014324716E03, 3.43936767414372164E03, 1.23033935480374942E03
    };
    private static final double[] P = {
        3.05326634961232344E-1,
        3.60344899949804439E-1,
        1.25781726111229246E-1,
        1.60837851487422766E-2,
        6.58749161529837803E-4,
        1.63153871373020978E-2
    };
    private static final double[] Q = {
        2.56852019228982242E00,
        1.87295284992346047E00,
        5.27905102951428412E-1,
        6.05183413124413191E-2,
        2.33520497626869185E-3
    };
    private static final double ONE_OVER_SQRT_PI = 5.6418958354775628695E-1;
    /** erfc(x) underflows to 0 above this. */
    private static final double X_BIG = 26.543;

    private static final double INV_SQRT2 = 0.70710678118654752440;

    private Normal() {}

    /** Two-sided p-value of a standard normal score: P(|Z| ≥ |z|) = erfc(|z|/√2); NaN stays NaN. */
    public static double twoSidedP(double z) {
        return erfc(Math.abs(z) * INV_SQRT2);
    }

    /**
     * {@link #twoSidedP(double)} remembered per score. The scores of a grid take few distinct values
     * (a window's sum of counts over its number of cells), so a small direct-mapped table keyed by the
     * score's bits needs one erfc per distinct score, not per cell. One per thread.
     *
     * <p>Every slot always holds a true pair (at first the score +0 and its p-value 1), so a slot
     * whose key matches can be used without asking whether it was ever filled: {@link #tryFill} looks
     * up a run of scores without a branch per score and only reports whether all of them hit.
     */
    static final class PCache {
        /** Entries (a power of two). */
        private static final int SIZE = 4096;

        private final long[] keys = new long[SIZE]; // the bits of +0.0
        private final double[] values = new double[SIZE];

        PCache() {
            java.util.Arrays.fill(values, Normal.twoSidedP(0.0));
        }

        private static int slot(long bits) {
            return (int) ((bits ^ (bits >>> 29) ^ (bits >>> 41)) & (SIZE - 1));
        }

        /** The same value as {@link Normal#twoSidedP(double)}, bit for bit. */
        double twoSidedP(double z) {
            long bits = Double.doubleToRawLongBits(z);
            int slot = slot(bits);
            if (keys[slot] == bits) return values[slot];
            double r = Normal.twoSidedP(z);
            keys[slot] = bits;
            values[slot] = r;
            return r;
        }

        /**
         * p[i] = {@link #twoSidedP(double)} of z[i] for i in from … to−1 when every score is in the table,
         * and then the number of those p-values ≤ max; otherwise −1, and p of the run is unspecified
         * (fill it one score at a time, which also enters the missing scores).
         */
        int tryFill(double[] z, double[] p, int from, int to, double max) {
            boolean hit = true;
            int under = 0;
            for (int i = from; i < to; i++) {
                long bits = Double.doubleToRawLongBits(z[i]);
                int slot = slot(bits);
                hit &= keys[slot] == bits;
                double v = values[slot];
                under += v <= max ? 1 : 0;
                p[i] = v;
            }
            return hit ? under : -1;
        }
    }

    /** P(Z ≤ z). */
    public static double cdf(double z) {
        return 0.5 * erfc(-z * INV_SQRT2);
    }

    /** The complementary error function 1 − erf(x). */
    public static double erfc(double x) {
        if (Double.isNaN(x)) return Double.NaN;
        double y = Math.abs(x);
        double result;
        if (y <= 0.46875) {
            double ysq = y > 1.11e-16 ? y * y : 0;
            double num = A[4] * ysq;
            double den = ysq;
            for (int i = 0; i < 3; i++) {
                num = (num + A[i]) * ysq;
                den = (den + B[i]) * ysq;
            }
            return 1 - x * (num + A[3]) / (den + B[3]);
        } else if (y <= 4) {
            double num = C[8] * y;
            double den = y;
            for (int i = 0; i < 7; i++) {
                num = (num + C[i]) * y;
                den = (den + D[i]) * y;
            }
            result = expMinusSquare(y) * (num + C[7]) / (den + D[7]);
        } else if (y >= X_BIG) {
            result = 0;
        } else {
            double ysq = 1 / (y * y);
            double num = P[5] * ysq;
            double den = ysq;
            for (int i = 0; i < 4; i++) {
                num = (num + P[i]) * ysq;
                den = (den + Q[i]) * ysq;
            }
            double r = ysq * (num + P[4]) / (den + Q[4]);
            result = expMinusSquare(y) * (ONE_OVER_SQRT_PI - r) / y;
        }
        return x < 0 ? 2 - result : result;
    }

    /** exp(−y²) without the cancellation of forming y² in one step. */
    private static double expMinusSquare(double y) {
        double ysq = Math.floor(y * 16) / 16;
        double del = (y - ysq) * (y + ysq);
        return Math.exp(-ysq * ysq) * Math.exp(-del);
    }
}
