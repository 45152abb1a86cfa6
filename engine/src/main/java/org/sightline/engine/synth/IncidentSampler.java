package org.sightline.engine.synth;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One year (2025, local time America/New_York, written in UTC) of incidents concentrated as crime
 * is: 5 % of the street segments, drawn with probability ∝ length × (0.1 + density)² × (2 on
 * arterials) × a log-normal factor, are "hot" and receive 50 % of the incidents with Pareto(α = 2)
 * weights; the rest are spread over the other segments by the same base weight, so many segments
 * have none (the law of crime concentration: about half the incidents on under 5 % of segments).
 *
 * <p>An incident lies 8–92 % along its segment, within 70 % of the half right-of-way of the
 * centreline (on the street or sidewalk). Categories depend on the street (commercial-like: arterial
 * or density ≥ 0.5) and each has its hour-of-day profile; the day follows a mild summer peak, violent
 * categories lean to Friday and Saturday nights.
 */
final class IncidentSampler {
    static final String[] HEADER = {"incident_id", "lon", "lat", "occurred_at", "category", "weight"};
    static final double HOT_SEGMENT_SHARE = 0.05;
    static final double HOT_INCIDENT_SHARE = 0.50;

    // hour-of-day profiles (local time), relative weights
    private static final double[] DAY = {1, 1, 1, 1, 1, 1, 2, 3, 5, 6, 7, 8, 9, 9, 9, 9, 9, 8, 7, 5, 4, 3, 2, 1};
    private static final double[] NIGHT = {8, 8, 7, 6, 5, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 4, 5, 6, 7, 8, 8};
    private static final double[] EVENING = {5, 4, 3, 2, 1, 1, 1, 1, 2, 2, 3, 3, 4, 4, 4, 5, 6, 7, 8, 9, 9, 9, 8, 6};
    private static final double[] LATE = {9, 8, 7, 5, 3, 2, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 4, 5, 6, 7, 9, 10};

    private record Category(
            String code, String weight, double[] hours, boolean weekend, double commercial, double residential) {}

    private static final Category[] CATEGORIES = {
        new Category("larceny", "1", DAY, false, 0.34, 0.14),
        new Category("vehicle_breakin", "1", NIGHT, false, 0.16, 0.22),
        new Category("burglary", "1.5", DAY, false, 0.06, 0.22),
        new Category("vandalism", "1", NIGHT, false, 0.10, 0.12),
        new Category("vehicle_theft", "1", NIGHT, false, 0.05, 0.08),
        new Category("robbery", "2", EVENING, true, 0.09, 0.04),
        new Category("assault", "2", LATE, true, 0.14, 0.12),
        new Category("drugs", "1", EVENING, false, 0.04, 0.03),
        new Category("shots_fired", "3", LATE, true, 0.02, 0.03)
    };

    static final ZoneId LOCAL = ZoneId.of("America/New_York");

    /** What was drawn: per-segment counts, for the concentration statistic. */
    record Result(int incidents, int[] perSegment) {
        /** Smallest share of segments that holds at least half of the incidents. */
        double shareOfSegmentsForHalf() {
            int[] c = perSegment.clone();
            Arrays.sort(c);
            long sum = 0, half = (incidents + 1) / 2;
            int k = 0;
            for (int i = c.length - 1; i >= 0 && sum < half; i--, k++) sum += c[i];
            return c.length == 0 ? 0 : (double) k / c.length;
        }
    }

    private IncidentSampler() {}

    static Result write(StreetSegments s, int n, LonLatProjection proj, SplittableRandom rng, Writer out)
            throws IOException {
        int m = s.size();
        if (m == 0 && n > 0) throw new IllegalStateException("no street segments to put incidents on");
        double[] base = new double[m];
        for (int i = 0; i < m; i++) {
            double d = s.density.get(i);
            base[i] = s.length(i)
                    * (0.1 + d)
                    * (0.1 + d)
                    * (s.arterial(i) ? 2 : 1)
                    * Math.exp(0.6 * CameraSiting.gaussian(rng));
        }
        // weighted sample of the hot set without replacement (Efraimidis–Spirakis keys)
        int hot = (int) Math.round(HOT_SEGMENT_SHARE * m);
        Integer[] idx = new Integer[m];
        double[] key = new double[m];
        for (int i = 0; i < m; i++) {
            idx[i] = i;
            key[i] = Math.log(Math.max(rng.nextDouble(), 1e-300)) / base[i];
        }
        Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> -key[i]).thenComparingInt(i -> i));
        boolean[] isHot = new boolean[m];
        for (int i = 0; i < hot; i++) isHot[idx[i]] = true;
        double[] hotCum = new double[m], coldCum = new double[m];
        double hs = 0, cs = 0;
        for (int i = 0; i < m; i++) {
            if (isHot[i]) hs += Math.pow(1 - rng.nextDouble(), -1 / 2.0);
            else cs += base[i];
            hotCum[i] = hs;
            coldCum[i] = cs;
        }

        int[] seg = new int[n];
        int[] cat = new int[n];
        long[] minute = new long[n];
        double[] px = new double[n], py = new double[n];
        int[] perSegment = new int[m];
        long epoch = LocalDate.of(2025, 1, 1).atStartOfDay(LOCAL).toEpochSecond() / 60;
        for (int k = 0; k < n; k++) {
            boolean fromHot = hot > 0 && rng.nextDouble() < HOT_INCIDENT_SHARE;
            int i = fromHot ? search(hotCum, hs * rng.nextDouble()) : search(coldCum, cs * rng.nextDouble());
            seg[k] = i;
            perSegment[i]++;
            double f = Seeds.uniform(rng, 0.08, 0.92);
            double ax = s.x0.get(i), ay = s.y0.get(i), bx = s.x1.get(i), by = s.y1.get(i);
            double len = Math.hypot(bx - ax, by - ay);
            double off = Seeds.uniform(rng, -0.7, 0.7) * BlockFiller.INSET[s.arterial(i) ? 1 : 0];
            px[k] = ax + f * (bx - ax) - off * (by - ay) / len;
            py[k] = ay + f * (by - ay) + off * (bx - ax) / len;
            boolean commercial = s.arterial(i) || s.density.get(i) >= 0.5;
            cat[k] = category(rng, commercial);
            minute[k] = when(rng, CATEGORIES[cat[k]]) - epoch;
        }
        long[] order = new long[n];
        for (int k = 0; k < n; k++) order[k] = (minute[k] << 32) | k;
        Arrays.sort(order);

        CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
        csv.printRecord((Object[]) HEADER);
        double[] xy = new double[2], ll = new double[2];
        for (int r = 0; r < n; r++) {
            int k = (int) (order[r] & 0xffffffffL);
            xy[0] = px[k];
            xy[1] = py[k];
            proj.toLonLat(xy, 1, ll);
            Category c = CATEGORIES[cat[k]];
            csv.printRecord(
                    Decimals.id("INC-", r + 1, 6),
                    Decimals.format(ll[0], 8),
                    Decimals.format(ll[1], 8),
                    Instant.ofEpochSecond((minute[k] + epoch) * 60).toString(),
                    c.code,
                    c.weight);
        }
        csv.flush();
        return new Result(n, perSegment);
    }

    /** The first index whose cumulative weight exceeds {@code target} (zero-weight entries are never hit). */
    private static int search(double[] cum, double target) {
        int lo = 0, hi = cum.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] > target) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    private static int category(SplittableRandom rng, boolean commercial) {
        double p = rng.nextDouble(), acc = 0;
        for (int i = 0; i < CATEGORIES.length; i++) {
            acc += commercial ? CATEGORIES[i].commercial : CATEGORIES[i].residential;
            if (p < acc) return i;
        }
        return 0;
    }

    /** Epoch minute of a local time in 2025 following the category's patterns. */
    private static long when(SplittableRandom rng, Category c) {
        LocalDate day;
        while (true) {
            int doy = rng.nextInt(365);
            double season = (1 + 0.15 * StrictMath.sin(2 * Math.PI * (doy - 100) / 365.0)) / 1.15;
            if (rng.nextDouble() >= season) continue;
            day = LocalDate.ofYearDay(2025, doy + 1);
            int dow = day.getDayOfWeek().getValue(); // 5 = Friday, 6 = Saturday
            if (c.weekend && dow != 5 && dow != 6 && rng.nextDouble() >= 0.7) continue;
            break;
        }
        double total = 0;
        for (double w : c.hours) total += w;
        double p = rng.nextDouble() * total;
        int hour = 0;
        while (hour < 23 && (p -= c.hours[hour]) >= 0) hour++;
        LocalDateTime t = day.atTime(hour, rng.nextInt(60));
        return t.atZone(LOCAL).toEpochSecond() / 60;
    }
}
