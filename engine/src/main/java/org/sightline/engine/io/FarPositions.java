package org.sightline.engine.io;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Point;

/**
 * Finds positions far outside the extent of the rest of a point layer: geocodes that landed in
 * another state or country, (0, 0) "null island" placeholders, latitude copied into longitude.
 *
 * <p><b>Rule.</b> Let m be the layer's median position (component-wise median of lon and lat) and
 * d_i the great-circle distance of point i from m. Let s be the median of the d_i. A point is far when
 * d_i &gt; max(50 km, 10 × s). If a far point's swapped (lat, lon) would be a valid position within
 * that limit, the reason says "probably swapped lat/lon" instead.
 *
 * <p>Why the median distance and not, say, the 95th percentile: the scale must survive the outliers
 * it is meant to find. New Orleans' SafeCam export has 16 far-away geocodes among 63 cameras (25 %);
 * its 95th-percentile distance is about 1,980 km, so a p95-based limit would reject none of them. The
 * median tolerates up to half the layer being outliers, and by construction the rule never rejects
 * half of a layer or more. For a city layer s is a few km, so the limit is the 50 km floor; a
 * national layer (s ≈ 1,000 km) gets a limit of thousands of km and is effectively not filtered.
 */
final class FarPositions {
    static final double FLOOR_KM = 50;
    static final double SCALE_FACTOR = 10;
    private static final double EARTH_RADIUS_KM = 6371.0088;

    private FarPositions() {}

    /** Index in {@code points} (WGS84 lon/lat) → reject reason, for the far points only. */
    static Map<Integer, String> find(List<Point> points) {
        Map<Integer, String> out = new LinkedHashMap<>();
        int n = points.size();
        if (n < 3) return out;
        double[] lons = new double[n];
        double[] lats = new double[n];
        for (int i = 0; i < n; i++) {
            lons[i] = points.get(i).getX();
            lats[i] = points.get(i).getY();
        }
        double mLon = median(lons.clone());
        double mLat = median(lats.clone());
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = km(lons[i], lats[i], mLon, mLat);
        double s = median(d.clone());
        double limit = Math.max(FLOOR_KM, SCALE_FACTOR * s);
        for (int i = 0; i < n; i++) {
            if (!(d[i] > limit)) continue;
            double sLon = lats[i];
            double sLat = lons[i];
            boolean swapOk = Math.abs(sLat) <= 90 && km(sLon, sLat, mLon, mLat) <= limit;
            out.put(
                    i,
                    swapOk
                            ? String.format(
                                    java.util.Locale.ROOT,
                                    "probably swapped lat/lon (lon %s, lat %s): swapped, it lies %.1f km from the"
                                            + " layer's median position",
                                    Values.fmt(lons[i]),
                                    Values.fmt(lats[i]),
                                    km(sLon, sLat, mLon, mLat))
                            : String.format(
                                    java.util.Locale.ROOT,
                                    "position far outside the layer's extent: %.1f km from the layer's median"
                                            + " position (%.5f, %.5f); limit %.1f km",
                                    d[i],
                                    mLon,
                                    mLat,
                                    limit));
        }
        return out;
    }

    static double median(double[] v) {
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Haversine distance in km. */
    static double km(double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a =
                Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
