package org.sightline.engine.coverage;

/** Length of one street seen by at least one camera ({@code coveredM}) and by a live camera. */
public record StreetCoverage(String streetId, String name, double lengthM, double coveredM, double liveM)
        implements java.io.Serializable {
    public double coveredShare() {
        return lengthM > 0 ? coveredM / lengthM : 0;
    }
}
