package org.sightline.engine.synth;

/**
 * How a block is built up. Terraced zones put buildings wall to wall in runs (shared walls);
 * detached zones leave side gaps and front setbacks. All lengths in metres.
 */
enum Zone {
    //          terr  lotMin lotMax bwMin bwMax dMin dMax fsMin fsMax vacancy  L     U
    DOWNTOWN(true, 14, 36, 0, 0, 18, 40, 0, 1.5, 0.04, 0, 0),
    COMMERCIAL(true, 14, 40, 0, 0, 14, 30, 0, 6, 0.12, 0, 0),
    RES_DENSE(false, 12, 18, 7, 12, 9, 15, 4, 8, 0.08, 0.15, 0.03),
    RES_SUBURB(false, 20, 32, 10, 18, 9, 14, 7, 14, 0.15, 0.20, 0.05),
    RURAL(false, 45, 90, 10, 18, 9, 14, 12, 35, 0.55, 0.20, 0.02),
    INDUSTRIAL(false, 50, 110, 30, 90, 25, 60, 8, 20, 0.20, 0.15, 0),
    CIVIC(false, 60, 140, 35, 80, 25, 50, 10, 25, 0.30, 0.20, 0.20),
    PARK(false, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0);

    final boolean terraced;
    final double lotMin, lotMax, widthMin, widthMax, depthMin, depthMax, setbackMin, setbackMax, vacancy;
    final double lShare, uShare;

    Zone(
            boolean terraced,
            double lotMin,
            double lotMax,
            double widthMin,
            double widthMax,
            double depthMin,
            double depthMax,
            double setbackMin,
            double setbackMax,
            double vacancy,
            double lShare,
            double uShare) {
        this.terraced = terraced;
        this.lotMin = lotMin;
        this.lotMax = lotMax;
        this.widthMin = widthMin;
        this.widthMax = widthMax;
        this.depthMin = depthMin;
        this.depthMax = depthMax;
        this.setbackMin = setbackMin;
        this.setbackMax = setbackMax;
        this.vacancy = vacancy;
        this.lShare = lShare;
        this.uShare = uShare;
    }
}
