package org.sightline.engine.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReasonsTest {
    @Test
    void wholeNumbersPrintAsPercentPointZeroF() {
        SplittableRandom rnd = new SplittableRandom(5);
        double[] edge = {
            0,
            -0.0,
            0.5,
            1.5,
            2.5,
            0.49999999999999994,
            2.4999999999999996,
            2.5000000000000004,
            99.5,
            1e15,
            4.5e15,
            -3.2,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            1e300
        };
        for (double v : edge) check(v);
        for (int k = 0; k < 200_000; k++) {
            double v = switch (k % 4) {
                case 0 -> rnd.nextDouble() * 300;
                case 1 -> rnd.nextInt(1000) + 0.5 + (rnd.nextInt(3) - 1) * Math.ulp(1000.0);
                case 2 -> Math.nextDown(rnd.nextInt(500) + 0.5);
                default -> rnd.nextDouble() * 100;
            };
            check(v);
        }
    }

    private static void check(double v) {
        assertThat(Reasons.whole(new StringBuilder(), v).toString())
                .as("%s", v)
                .isEqualTo(String.format(Locale.ROOT, "%.0f", v));
    }

    @Test
    void daysPrintAsTheFormatterDoes() {
        DateTimeFormatter day =
                DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
        SplittableRandom rnd = new SplittableRandom(6);
        long[] edge = {
            0, -1, 86_399, 86_400, -86_400, -62_135_596_800L, -62_135_596_801L, 253_402_300_799L, 253_402_300_800L
        };
        for (long s : edge)
            assertThat(Reasons.day(Instant.ofEpochSecond(s))).isEqualTo(day.format(Instant.ofEpochSecond(s)));
        for (int k = 0; k < 20_000; k++) {
            Instant t = Instant.ofEpochSecond(rnd.nextLong(-70_000_000_000L, 300_000_000_000L));
            assertThat(Reasons.day(t)).as("%s", t).isEqualTo(day.format(t));
        }
    }
}
