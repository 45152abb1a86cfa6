package org.sightline.engine.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** The charlotte preset: counts at reduced scales; the full preset only with -Dsightline.fullCity=true (~15–60 s). */
class CharlottePresetTest {
    @Test
    void cameraCountsAreConnectCharlottesAtScaleOneAndScaleLinearly() {
        SynthOptions one = SynthOptions.of("charlotte", 1, 1);
        assertThat(one.residentCameras()).isEqualTo(2_075);
        assertThat(one.businessCameras()).isEqualTo(1_363);
        assertThat(one.cameras()).isEqualTo(3_438);
        assertThat(one.incidents()).isGreaterThanOrEqualTo(100_000);
        SynthOptions ten = SynthOptions.of("charlotte", 1, 10);
        assertThat(ten.cameras()).isEqualTo(34_380);
        assertThat(ten.incidents()).isGreaterThanOrEqualTo(1_000_000);
        assertThat(Math.PI * ten.radiusM() * ten.radiusM() / 1e6).isGreaterThan(10_000);
    }

    @Test
    void countsAtReducedScalesAreProportional(@TempDir Path a, @TempDir Path b) {
        CitySummary s1 = SyntheticCity.generate(a, SynthOptions.of("charlotte", 7, 0.01));
        CitySummary s2 = SyntheticCity.generate(b, SynthOptions.of("charlotte", 7, 0.02));
        assertThat(s1.residentCameras()).isEqualTo(21);
        assertThat(s1.businessCameras()).isEqualTo(14);
        assertThat(s2.residentCameras()).isEqualTo(42);
        assertThat(s2.businessCameras()).isEqualTo(27);
        assertThat(s1.incidents()).isEqualTo(1_200);
        assertThat(s2.incidents()).isEqualTo(2_400);
        assertThat(s2.areaKm2() / s1.areaKm2()).isCloseTo(2.0, within(0.01));
        assertThat((double) s2.buildings() / s1.buildings()).isBetween(1.6, 2.4);
        // about 300-450 buildings per km² as in the full preset
        assertThat(s2.buildings() / s2.areaKm2()).isBetween(250.0, 600.0);
    }

    @Test
    @EnabledIfSystemProperty(named = "sightline.fullCity", matches = "true")
    void fullPresetIsCountySized(@TempDir Path dir) {
        CitySummary s = SyntheticCity.generate(dir, SynthOptions.of("charlotte", 1, 1));
        assertThat(s.residentCameras()).isEqualTo(2_075);
        assertThat(s.businessCameras()).isEqualTo(1_363);
        assertThat(GeneratedCity.csv(dir.resolve("cameras.csv"))).hasSize(3_438);
        assertThat(s.buildings()).isGreaterThanOrEqualTo(300_000);
        assertThat(s.areaKm2()).isGreaterThanOrEqualTo(1_000);
        assertThat(s.incidents()).isGreaterThanOrEqualTo(100_000);
        assertThat(s.halfIncidentSegmentShare()).isLessThanOrEqualTo(0.06);
    }
}
