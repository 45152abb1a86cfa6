package org.sightline.engine.synth;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Puts cameras on building façades. Exactly the requested numbers are drawn without replacement:
 * resident cameras from residential buildings, business cameras from commercial and industrial ones
 * (any other building only if those run out). Each camera sits on its building's street-facing wall
 * (25–75 % along it) and looks out along the wall's outward normal ± a N(0, 12°) jitter capped at 35°.
 *
 * <p>Attributes: FOV 60–120° in 5° steps; range 20–80 m (resident) or 30–120 m (business); mount
 * height 2.0–3.5 m or 2.5–6.0 m; heading and FOV empty (unknown) for ~3 %; ~2 % inactive; retention
 * 3–30 days; business cameras all share a live feed, resident cameras none. Owner fields are
 * obviously fake: "Test Owner 0001", 555-01xx, owner0001@example.invalid.
 */
final class CameraSiting {
    static final String[] HEADER = {
        "camera_id",
        "lon",
        "lat",
        "heading_deg",
        "fov_deg",
        "range_m",
        "height_m",
        "kind",
        "live_feed",
        "retention_days",
        "status",
        "owner_name",
        "owner_phone",
        "owner_email"
    };
    private static final int[] RETENTION = {3, 5, 7, 7, 7, 10, 14, 14, 30, 30};

    private CameraSiting() {}

    /** Writes the cameras as CSV and returns how many were written. */
    static int write(
            Facades facades, int resident, int business, LonLatProjection proj, SplittableRandom rng, Writer out)
            throws IOException {
        int[] res = pick(facades, resident, rng, BuildingUse.RESIDENTIAL, null);
        int[] bus = pick(facades, business, rng, BuildingUse.COMMERCIAL, BuildingUse.INDUSTRIAL);
        // building index * 2 + kind, so cameras are listed in building (roughly spatial) order
        long[] order = new long[res.length + bus.length];
        for (int i = 0; i < res.length; i++) order[i] = (long) res[i] << 1;
        for (int i = 0; i < bus.length; i++) order[res.length + i] = ((long) bus[i] << 1) | 1;
        Arrays.sort(order);
        CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
        csv.printRecord((Object[]) HEADER);
        double[] xy = new double[2], ll = new double[2];
        for (int k = 0; k < order.length; k++) {
            int b = (int) (order[k] >>> 1);
            boolean biz = (order[k] & 1) == 1;
            double fx0 = facades.x0.get(b), fy0 = facades.y0.get(b), fx1 = facades.x1.get(b), fy1 = facades.y1.get(b);
            double f = Seeds.uniform(rng, 0.25, 0.75);
            xy[0] = fx0 + f * (fx1 - fx0);
            xy[1] = fy0 + f * (fy1 - fy0);
            proj.toLonLat(xy, 1, ll);
            double len = Math.hypot(fx1 - fx0, fy1 - fy0);
            double tx = (fx1 - fx0) / len, ty = (fy1 - fy0) / len;
            double outward = Math.toDegrees(StrictMath.atan2(ty, -tx)); // bearing of (ty, -tx): east, north
            double jitter = Math.max(-35, Math.min(35, 12 * gaussian(rng)));
            double heading = Math.round(((outward + jitter) % 360 + 360) % 360 * 10) / 10.0;
            if (heading >= 360) heading = 0;
            boolean unknown = rng.nextDouble() < 0.03;
            int fov = 60 + 5 * rng.nextInt(13);
            int range = biz ? Seeds.uniformInt(rng, 30, 120) : Seeds.uniformInt(rng, 20, 80);
            double height = Math.round((biz ? Seeds.uniform(rng, 2.5, 6.0) : Seeds.uniform(rng, 2.0, 3.5)) * 10) / 10.0;
            int retention = RETENTION[rng.nextInt(RETENTION.length)];
            boolean inactive = rng.nextDouble() < 0.02;
            int no = k + 1;
            csv.printRecord(
                    Decimals.id("CAM-", no, 5),
                    Decimals.format(ll[0], 8),
                    Decimals.format(ll[1], 8),
                    unknown ? "" : Decimals.format(heading, 1),
                    unknown ? "" : Integer.toString(fov),
                    Integer.toString(range),
                    Decimals.format(height, 1),
                    biz ? "business" : "resident",
                    biz ? "true" : "false",
                    Integer.toString(retention),
                    inactive ? "inactive" : "active",
                    Decimals.id("Test Owner ", no, 4),
                    Decimals.id("555-01", no % 100, 2),
                    Decimals.id("owner", no, 4) + "@example.invalid");
        }
        csv.flush();
        return order.length;
    }

    /** {@code k} distinct building indices, preferring uses {@code a}/{@code b}; partial Fisher–Yates. */
    private static int[] pick(Facades f, int k, SplittableRandom rng, BuildingUse a, BuildingUse b) {
        int n = f.size();
        int[] preferred = new int[n], other = new int[n];
        int np = 0, no = 0;
        for (int i = 0; i < n; i++) {
            BuildingUse u = f.use(i);
            if (u == a || u == b) preferred[np++] = i;
            else other[no++] = i;
        }
        if (k > n) throw new IllegalStateException("the city has " + n + " buildings, too few for " + k + " cameras");
        int[] out = new int[k];
        int got = draw(preferred, np, Math.min(k, np), rng, out, 0);
        draw(other, no, k - got, rng, out, got);
        return out;
    }

    private static int draw(int[] pool, int n, int k, SplittableRandom rng, int[] out, int at) {
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
            out[at + i] = pool[i];
        }
        return k;
    }

    static double gaussian(SplittableRandom rng) {
        double u = Math.max(rng.nextDouble(), 1e-300), v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * StrictMath.cos(2 * Math.PI * v);
    }
}
