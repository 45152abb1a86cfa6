package org.sightline.engine.synth;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Fixed-scale decimal text without trailing zeros, exactly as the GeoJSON writer formats coordinates. */
final class Decimals {
    private Decimals() {}

    static String format(double v, int decimals) {
        return BigDecimal.valueOf(v)
                .setScale(decimals, RoundingMode.HALF_EVEN)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** {@code prefix} followed by {@code n} zero-padded to at least {@code width} digits ({@code n >= 0}). */
    static String id(String prefix, long n, int width) {
        String digits = Long.toString(n);
        StringBuilder sb = new StringBuilder(prefix.length() + Math.max(width, digits.length()));
        sb.append(prefix);
        for (int i = digits.length(); i < width; i++) sb.append('0');
        return sb.append(digits).toString();
    }
}
