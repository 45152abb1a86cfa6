package org.sightline.jobs.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.engine.io.Layer;

class RunConfigTest {
    @TempDir
    Path dir;

    @BeforeEach
    void inputs() throws IOException {
        Files.writeString(dir.resolve("cameras.csv"), "camera_id,lon,lat\n");
        Files.writeString(dir.resolve("buildings.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[]}");
        Files.writeString(dir.resolve("incidents.csv"), "incident_id,lon,lat,occurred_at\n");
    }

    RunConfig load(String yaml) throws IOException {
        Path f = dir.resolve("run.yaml");
        Files.writeString(f, yaml);
        return RunConfig.load(f);
    }

    static final String GOOD = """
            inputs:
              cameras: cameras.csv
              buildings: {path: buildings.geojson}
              incidents: {path: incidents.csv, map: {lon: LONGITUDE, lat: LATITUDE}}
            parameters:
              cell_m: 50
              k: 3
            output:
              dir: out
              format: geojson
            """;

    @Test
    void aValidConfigResolvesPathsAgainstItsFolder() throws IOException {
        RunConfig c = load(GOOD);
        assertThat(c.inputs().get(Layer.CAMERAS))
                .isEqualTo(dir.resolve("cameras.csv").toAbsolutePath());
        assertThat(c.outDir()).isEqualTo(dir.resolve("out").toAbsolutePath());
        assertThat(c.parameters().cellM()).isEqualTo(50);
        assertThat(c.parameters().k()).isEqualTo(3);
        assertThat(c.format()).isEqualTo("geojson");
        assertThat(c.stages()).containsExactlyElementsOf(RunConfig.STAGES);
    }

    @Test
    void theDefaultFormatIsGeoParquet() throws IOException {
        assertThat(load(GOOD.replace("  format: geojson\n", "")).format()).isEqualTo("parquet");
    }

    @Test
    void anUnknownKeyIsNamedWithItsLine() {
        assertThatThrownBy(() -> load(GOOD.replace("  k: 3", "  k: 3\n  budget: 4")))
                .isInstanceOf(RunConfig.ConfigException.class)
                .hasMessageContaining("line 8")
                .hasMessageContaining("'parameters.budget' is not a known key");
    }

    @Test
    void aWrongTypeIsNamedWithItsLine() {
        assertThatThrownBy(() -> load(GOOD.replace("cell_m: 50", "cell_m: fifty")))
                .isInstanceOf(RunConfig.ConfigException.class)
                .hasMessageContaining("line 6")
                .hasMessageContaining("'parameters.cell_m' must be a number, was 'fifty'");
    }

    @Test
    void aMissingFileIsNamedWithItsLine() {
        assertThatThrownBy(() -> load(GOOD.replace("cameras: cameras.csv", "cameras: nope.csv")))
                .isInstanceOf(RunConfig.ConfigException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("'inputs.cameras' names a file that does not exist")
                .hasMessageContaining("nope.csv");
    }

    @Test
    void anUnknownColumnMappingKeyIsNamed() {
        assertThatThrownBy(() -> load(GOOD.replace("map: {lon: LONGITUDE", "map: {longitude: LONGITUDE")))
                .isInstanceOf(RunConfig.ConfigException.class)
                .hasMessageContaining("line 4")
                .hasMessageContaining("inputs.incidents.map.longitude");
    }
}
