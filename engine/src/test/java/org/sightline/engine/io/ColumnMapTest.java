package org.sightline.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ColumnMapTest {
    @Test
    void layerPrefixedEntriesWinForTheirLayer() {
        ColumnMap m =
                ColumnMap.parse("lon=X, lat=Y, cameras.lon=CAM_X, Incidents.Occurred_At=DATE", "cameras.kind=business");
        ColumnMap cams = m.forLayer(Layer.CAMERAS);
        assertThat(cams.column("lon")).contains("CAM_X");
        assertThat(cams.column("lat")).contains("Y");
        assertThat(cams.constant("kind")).contains("business");
        ColumnMap inc = m.forLayer(Layer.INCIDENTS);
        assertThat(inc.column("lon")).contains("X");
        assertThat(inc.column("occurred_at")).contains("DATE");
        assertThat(inc.constant("kind")).isEmpty();
        assertThat(m.forLayer(Layer.AREAS).isEmpty()).isTrue();
        assertThat(cams.forLayer(Layer.CAMERAS)).isEqualTo(cams);
    }

    @Test
    void unknownKeysAndLayersAreNamedWithTheValidOnes() {
        assertThatThrownBy(() -> ColumnMap.parse("lng=X", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown column key 'lng'")
                .hasMessageContaining("valid keys: camera_id, lon, lat");
        assertThatThrownBy(() -> ColumnMap.parse("areas.lon=X", null))
                .hasMessageContaining("unknown column key 'lon' for layer areas; valid keys: area_id, name");
        assertThatThrownBy(() -> ColumnMap.parse("camera.lon=X", null))
                .hasMessageContaining("unknown layer 'camera'")
                .hasMessageContaining("cameras, buildings, incidents, areas, streets");
        assertThatThrownBy(() -> ColumnMap.parse("lon", null)).hasMessageContaining("'lon' is not key=value");
        assertThatThrownBy(() -> ColumnMap.parse("kind=K", "kind=business")).hasMessageContaining("both");
    }
}
