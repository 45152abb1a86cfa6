package org.sightline.engine.synth;

import java.util.Objects;

/**
 * What to generate: a preset, a seed and a scale. The same options always give the same bytes.
 *
 * @param scale multiplies counts and area (not block sizes); 1 = the preset as described, 10 = ten
 *     times the cameras, incidents and land. Must be in [0.001, 1000].
 */
public record SynthOptions(CityPreset preset, long seed, double scale) {
    public SynthOptions {
        Objects.requireNonNull(preset, "preset");
        if (!(scale >= 0.001 && scale <= 1000))
            throw new IllegalArgumentException("scale must be in [0.001, 1000], was " + scale);
    }

    public static SynthOptions of(String preset, long seed, double scale) {
        return new SynthOptions(CityPreset.byName(preset), seed, scale);
    }

    /** Mean boundary radius in metres: the preset's times √scale, so the area scales linearly. */
    public double radiusM() {
        return preset.radiusM() * Math.sqrt(scale);
    }

    public double coreRadiusM() {
        return preset.coreRadiusM() * Math.sqrt(scale);
    }

    public int residentCameras() {
        return (int) Math.round(preset.residentCameras() * scale);
    }

    public int businessCameras() {
        return (int) Math.round(preset.businessCameras() * scale);
    }

    public int cameras() {
        return residentCameras() + businessCameras();
    }

    public int incidents() {
        return (int) Math.round(preset.incidents() * scale);
    }

    public int areas() {
        return Math.max(3, (int) Math.round(preset.areas() * scale));
    }

    public int diagonals() {
        return Math.max(1, (int) Math.round(preset.diagonals() * Math.sqrt(scale)));
    }

    public int satellites() {
        return (int) Math.round(preset.satellites() * scale);
    }
}
