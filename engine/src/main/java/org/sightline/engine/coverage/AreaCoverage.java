package org.sightline.engine.coverage;

/**
 * Coverage of one area. All areas in m², lengths in m. {@code coveredM2} is the outdoor area seen by
 * at least one active camera ({@code = depth1M2}); shares are relative to {@code outdoorM2} (0 when
 * the area has no outdoor area).
 */
public record AreaCoverage(
        String areaId,
        String name,
        double areaM2,
        double outdoorM2,
        double coveredM2,
        double liveM2,
        double depth2M2,
        double depth3M2,
        double streetLengthM,
        double streetCoveredM)
        implements java.io.Serializable {

    public double coveredShare() {
        return share(coveredM2);
    }

    public double liveShare() {
        return share(liveM2);
    }

    public double depth1Share() {
        return share(coveredM2);
    }

    public double depth2Share() {
        return share(depth2M2);
    }

    public double depth3Share() {
        return share(depth3M2);
    }

    public double streetCoveredShare() {
        return streetLengthM > 0 ? streetCoveredM / streetLengthM : 0;
    }

    private double share(double m2) {
        return outdoorM2 > 0 ? Math.min(1, m2 / outdoorM2) : 0;
    }
}
