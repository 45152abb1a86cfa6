package org.sightline.engine.synth;

import java.util.List;
import java.util.Locale;

/**
 * The shape of a synthetic city at scale 1. Counts and area are multiplied by the scale of
 * {@link SynthOptions}; block and lot sizes are not, so a larger city has proportionally more of
 * everything.
 *
 * @param name preset name as given on the command line
 * @param centreLon centre of the city, degrees
 * @param centreLat centre of the city, degrees
 * @param radiusM mean radius of the (irregular) city boundary in metres; area ≈ π r²
 * @param coreRadiusM radius of the dense downtown core in metres
 * @param arterialSpacingM mean spacing of the arterial grid in metres
 * @param diagonals number of diagonal arterials crossing the grid
 * @param satellites number of secondary commercial centres
 * @param residentCameras resident cameras (no live feed)
 * @param businessCameras business cameras (all with a live feed)
 * @param incidents incidents over one year
 * @param areas neighbourhood polygons
 */
public record CityPreset(
        String name,
        double centreLon,
        double centreLat,
        double radiusM,
        double coreRadiusM,
        double arterialSpacingM,
        int diagonals,
        int satellites,
        int residentCameras,
        int businessCameras,
        int incidents,
        int areas) {

    /**
     * A county-sized city around Charlotte, N.C.: about 1,050 km², 2,075 resident and 1,363 business
     * cameras as Connect Charlotte reports, 120,000 incidents a year, 60 neighbourhoods.
     */
    public static final CityPreset CHARLOTTE =
            new CityPreset("charlotte", -80.843, 35.227, 18_200, 1_700, 1_300, 5, 7, 2_075, 1_363, 120_000, 60);

    /** A small town of about 5.4 km² for notebooks and tests: ~3,000 buildings, 150 cameras. */
    public static final CityPreset SMALL =
            new CityPreset("small", -80.843, 35.227, 1_300, 280, 560, 1, 1, 90, 60, 2_000, 10);

    public static final List<CityPreset> ALL = List.of(CHARLOTTE, SMALL);

    public CityPreset {
        if (!(radiusM > coreRadiusM && coreRadiusM > 0))
            throw new IllegalArgumentException("need radiusM > coreRadiusM > 0, was " + radiusM + ", " + coreRadiusM);
        if (!(arterialSpacingM >= 200)) throw new IllegalArgumentException("arterialSpacingM must be >= 200");
        if (residentCameras < 0 || businessCameras < 0 || incidents < 0 || areas < 1)
            throw new IllegalArgumentException("counts must be >= 0 and areas >= 1");
    }

    /** The preset of that name (case-insensitive). */
    public static CityPreset byName(String name) {
        for (CityPreset p : ALL) {
            if (p.name.equalsIgnoreCase(name.trim())) return p;
        }
        throw new IllegalArgumentException("unknown preset '" + name + "'; use one of charlotte, small");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (r=%.0f m)", name, radiusM);
    }
}
