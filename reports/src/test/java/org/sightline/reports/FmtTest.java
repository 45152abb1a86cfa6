package org.sightline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FmtTest {
    @Test
    void numIsTheFormattersTextForRandomNumbers() {
        long seed = 0xF00D;
        SplittableRandom r = new SplittableRandom(seed);
        for (int k = 0; k < 40_000; k++) {
            double v = switch (r.nextInt(6)) {
                case 0 -> r.nextInt(-2000, 2000);
                case 1 -> r.nextLong(-(1L << 53), 1L << 53);
                case 2 -> Math.rint(r.nextDouble(-1e16, 1e16));
                case 3 -> r.nextDouble(-1e6, 1e6);
                case 4 -> r.nextInt(-20, 20) * 0.5;
                default ->
                    new double[] {0.0, -0.0, 999, 1000, -999, -1000, 1e15, -1e15, 1e15 - 1, 123456789}[r.nextInt(10)];
            };
            int decimals = r.nextInt(4);
            String expected = String.format(Locale.ROOT, "%,." + decimals + "f", v);
            assertThat(Fmt.num(v, decimals))
                    .as("seed %d, value %s, %d decimals", seed, v, decimals)
                    .isEqualTo(expected);
        }
        assertThat(Fmt.num(Double.NaN, 1)).isEqualTo("–");
        assertThat(Fmt.count(1234567)).isEqualTo("1,234,567");
    }
}
