package org.sightline.engine.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWritersTest {
    @TempDir
    Path dir;

    @Test
    void rejectsCsvQuotesReasonsAndRawRows() throws IOException {
        RejectsWriter.writeAll(
                dir,
                Map.of(
                        Layer.CAMERAS,
                                List.of(new Reject("cameras", 7, "heading_deg 400 outside [0, 360)", "a,\"b\",c")),
                        Layer.AREAS, List.of()));
        assertThat(Files.readString(dir.resolve("rejects/cameras.csv")))
                .isEqualTo(
                        "layer,source_line,reason,raw\ncameras,7,\"heading_deg 400 outside [0, 360)\",\"a,\"\"b\"\",c\"\n");
        assertThat(Files.readString(dir.resolve("rejects/areas.csv"))).isEqualTo("layer,source_line,reason,raw\n");
    }

    @Test
    void csvCellsArePlainAndNonFiniteIsEmpty() throws IOException {
        Path f = dir.resolve("t.csv");
        CsvTableWriter.write(f, List.of("a", "b", "c", "d"), List.of(Arrays.asList(1.25e1, Double.NaN, null, 3L)));
        assertThat(Files.readString(f)).isEqualTo("a,b,c,d\n12.5,,,3\n");
    }

    @Test
    void summaryHasALayersSectionAndRoomForMore() throws IOException {
        var r = new LayerResult<String>(
                List.of("x"),
                List.of(new Reject("cameras", 3, "r", "")),
                new LayerStats("cameras", 2, 1, 0, 1, 1),
                List.of("w"));
        Path p = new RunSummary()
                .layers(List.of(r))
                .put("hotspots", Map.of("pai", 2.5))
                .write(dir);
        String json = Files.readString(p).replaceAll("\\s+", "");
        assertThat(json)
                .isEqualTo("{\"layers\":{\"cameras\":{\"read\":2,\"accepted\":1,\"repaired\":0,\"rejected\":1,"
                        + "\"low_confidence\":1,\"warnings\":[\"w\"]}},\"hotspots\":{\"pai\":2.5}}");
    }
}
