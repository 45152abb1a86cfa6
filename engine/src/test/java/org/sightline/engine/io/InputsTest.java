package org.sightline.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layers are read side by side; what a run sees must not depend on which one finishes first. */
class InputsTest {
    @TempDir
    Path dir;

    @Test
    void theFirstUnreadableLayerInLayerOrderIsTheOneReported() throws IOException {
        Path cameras = Files.writeString(dir.resolve("cameras.csv"), ""); // empty: unreadable
        Path buildings = dir.resolve("missing.geojson"); // not there: unreadable, and found out sooner
        Path areas =
                Files.writeString(dir.resolve("areas.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[]}");
        for (int round = 0; round < 20; round++) {
            UnreadableInputException e = catchThrowableOfType(
                    () -> Inputs.read(Inputs.Request.of(
                            Map.of(Layer.CAMERAS, cameras, Layer.BUILDINGS, buildings, Layer.AREAS, areas))),
                    UnreadableInputException.class);
            assertThat(e.file()).isEqualTo(cameras);
        }
    }

    @Test
    void readableLayersArriveWhateverTheirOrderOfCompletion() throws IOException {
        Path cameras = Files.writeString(
                dir.resolve("cameras.csv"),
                "camera_id,lon,lat,heading_deg,fov_deg,range_m\nc1,-80.84,35.22,90,90,50\nc2,-80.85,35.23,0,360,30\n");
        Path areas =
                Files.writeString(dir.resolve("areas.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[]}");
        InputLayers layers = Inputs.read(Inputs.Request.of(Map.of(Layer.CAMERAS, cameras, Layer.AREAS, areas)));
        assertThat(layers.cameras()).isPresent();
        assertThat(layers.cameras().get().accepted()).hasSize(2);
        assertThat(layers.buildings()).isEmpty();
        assertThat(layers.areas().get().accepted()).isEmpty();
    }
}
