package org.sightline.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.sightline.engine.model.CameraKind;
import org.sightline.service.audit.AuditJournal;
import org.sightline.service.city.ServiceCity;

/**
 * The API over real HTTP on 127.0.0.1 against the demo service (small city), once with each store
 * (embedded H2, PostgreSQL).
 */
@ParameterizedClass
@EnumSource(TestStore.class)
class ApiTest {
    @Parameter
    TestStore store;

    static ServeCommand.Demo demo;
    static String url, dispatcher, planner, analyst, admin;

    @BeforeEach
    void start() { // the service of each store starts once (TestCity keeps it)
        demo = TestCity.demo(store);
        assertThat(demo.service().database().dialect().name()).isEqualTo(store.name());
        url = demo.service().url();
        dispatcher = demo.tokens().get("dispatcher");
        planner = demo.tokens().get("planner");
        analyst = demo.tokens().get("analyst");
        admin = demo.tokens().get("admin");
    }

    static ServiceCity.CameraRecord camera(CameraKind kind, boolean live) {
        return demo.service().city().cameras().stream()
                .filter(c -> c.metric().kind() == kind
                        && c.metric().liveFeed() == live
                        && c.metric().active())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void dispatcherGetsRankedCamerasWithReasons() {
        var cam = camera(CameraKind.BUSINESS, true);
        var r = Http.get(
                String.format(
                        Locale.ROOT, "%s/api/suggest?lat=%.7f&lon=%.7f&uncertainty=15", url, cam.lat(), cam.lon()),
                dispatcher);
        assertThat(r.status()).isEqualTo(200);
        JsonNode s = r.json().get("suggestions");
        assertThat(s.size()).isPositive();
        for (int i = 0; i < s.size(); i++) {
            assertThat(s.get(i).get("rank").asInt()).isEqualTo(i + 1);
            assertThat(s.get(i).get("reason").asText()).isNotBlank();
        }
        assertThat(s.get(0).get("role").asText()).isEqualTo("sees");
        List<String> ids = new ArrayList<>();
        s.forEach(n -> ids.add(n.get("camera_id").asText()));
        assertThat(ids).contains(cam.metric().id());
    }

    @Test
    void viewshedsComeWithTheRankingWhenAsked() {
        var cam = camera(CameraKind.BUSINESS, true);
        JsonNode j = Http.get(
                        String.format(
                                Locale.ROOT,
                                "%s/api/suggest?lat=%.7f&lon=%.7f&viewsheds=true",
                                url,
                                cam.lat(),
                                cam.lon()),
                        dispatcher)
                .json();
        assertThat(j.get("viewsheds").get("features").size())
                .isEqualTo(j.get("suggestions").size());
    }

    @Test
    void missingOrUnknownTokenIs401AndWrongRoleIs403() {
        String q = url + "/api/suggest?lat=35.227&lon=-80.843";
        assertThat(Http.get(q, null).status()).isEqualTo(401);
        assertThat(Http.get(q, "not-a-token").status()).isEqualTo(401);
        var r = Http.get(q, planner);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("error").asText()).contains("planner");
        assertThat(Http.get(q, analyst).status()).isEqualTo(403);
        assertThat(Http.get(url + "/api/admin/audit", dispatcher).status()).isEqualTo(403);
    }

    @Test
    void badInputIsA400WithAJsonBodyNamingTheProblem() {
        String base = url + "/api/suggest?";
        assertError(Http.get(base + "lat=91&lon=-80.8", dispatcher), 400, "'lat' must be in [-90, 90]");
        assertError(Http.get(base + "lat=35.2&lon=-181", dispatcher), 400, "'lon' must be in [-180, 180]");
        assertError(Http.get(base + "lat=abc&lon=-80.8", dispatcher), 400, "'lat' must be a number");
        assertError(Http.get(base + "lon=-80.8", dispatcher), 400, "missing parameter 'lat'");
        assertError(Http.get(base + "lat=35.2&lon=-80.8&when=now", dispatcher), 400, "unknown parameter 'when'");
        assertError(Http.get(base + "lat=35.2&lon=-80.8&time=yesterday", dispatcher), 400, "ISO-8601");
        assertError(Http.get(base + "lat=35.2&lon=-80.8&time=2999-01-01T00:00:00Z", dispatcher), 400, "in the future");
        assertError(Http.get(base + "lat=35.2&lon=-80.8&uncertainty=-1", dispatcher), 400, "'uncertainty'");
        assertError(Http.get(url + "/api/cameras?bbox=1,2,3", planner), 400, "minLon,minLat,maxLon,maxLat");
        assertError(Http.post(url + "/api/requests", dispatcher, "{not json"), 400, "not valid JSON");
        assertError(Http.post(url + "/api/requests", dispatcher, "[1,2]"), 400, "must be a JSON object");
        assertError(Http.post(url + "/api/requests", dispatcher, "{\"camera\":\"x\"}"), 400, "unknown field 'camera'");
        assertError(
                Http.post(url + "/api/requests", dispatcher, "{\"x\":\"" + "a".repeat(20_000) + "\"}"), 400, "limit");
        assertError(Http.get(url + "/api/nothing", dispatcher), 404, "");
    }

    private static void assertError(Http.Response r, int status, String text) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        JsonNode j = r.json();
        assertThat(j.get("error").asText()).contains(text);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("org.sightline");
    }

    @Test
    void dispatchersSeeExactCamerasOthersOnlyKAnonymousCells() {
        String bbox = "/api/cameras?bbox=-81.0,35.0,-80.6,35.5";
        JsonNode exact = Http.get(url + bbox, dispatcher).json();
        assertThat(exact.get("features").size())
                .isEqualTo(demo.service().city().cameras().size());
        assertThat(exact.get("features").get(0).get("properties").has("camera_id"))
                .isTrue();
        for (String token : List.of(planner, analyst, admin)) {
            var r = Http.get(url + bbox, token);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain("camera_id").doesNotContain("CAM-");
            JsonNode f = r.json().get("features");
            assertThat(f.size()).isPositive();
            int total = 0;
            for (JsonNode cell : f) {
                int resident = cell.get("properties").get("resident").asInt();
                assertThat(resident == 0 || resident >= 3)
                        .as("resident count %d", resident)
                        .isTrue();
                assertThat(cell.get("geometry").get("type").asText()).isEqualTo("Polygon");
                total += resident + cell.get("properties").get("business").asInt();
            }
            assertThat(total)
                    .isLessThanOrEqualTo(demo.service().city().cameras().size());
        }
    }

    @Test
    void liveFeedsOnlyForBusinessCamerasWithOneAndOnlyForDispatchers() {
        String live = camera(CameraKind.BUSINESS, true).metric().id();
        String resident = camera(CameraKind.RESIDENT, false).metric().id();
        var ok = Http.get(url + "/api/cameras/" + live + "/live", dispatcher);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("stream_url").asText()).endsWith("/live/" + live);
        assertThat(Http.get(url + "/api/cameras/" + resident + "/live", dispatcher)
                        .status())
                .isEqualTo(404);
        assertThat(Http.get(url + "/api/cameras/" + live + "/live", planner).status())
                .isEqualTo(403);
        assertThat(Http.get(url + "/api/cameras/NOPE/live", dispatcher).status())
                .isEqualTo(404);
    }

    @Test
    void mapLayersAreGeoJsonForPlannersAndAnalysts() {
        for (String layer : List.of("coverage", "hotspots", "gaps")) {
            var r = Http.get(url + "/api/" + layer, planner);
            assertThat(r.status()).as(layer).isEqualTo(200);
            assertThat(r.json().get("type").asText()).isEqualTo("FeatureCollection");
            assertThat(r.body()).doesNotContain("CAM-");
            assertThat(Http.get(url + "/api/" + layer, analyst).status()).isEqualTo(200);
        }
        JsonNode areas = Http.get(url + "/api/coverage", planner).json().get("features");
        assertThat(areas.size()).isEqualTo(demo.service().city().city().areas().size());
        assertThat(areas.get(0).get("properties").has("covered_share")).isTrue();
        assertThat(Http.get(url + "/api/coverage", null).status()).isEqualTo(401);
    }

    @Test
    void theMapPageAndLeafletAreServedWithoutAToken() {
        assertThat(Http.get(url + "/", null).body()).contains("leaflet.js").contains("app.js");
        assertThat(Http.get(url + "/vendor/leaflet-1.9.4/leaflet.js", null).body())
                .contains("Leaflet");
        assertThat(Http.get(url + "/vendor/../pom.xml", null).status()).isEqualTo(404);
    }

    @Test
    void adminIssuesTokensThatWork() {
        var r = Http.post(url + "/api/admin/tokens", admin, "{\"role\":\"analyst\",\"name\":\"Crime analysis 2\"}");
        assertThat(r.status()).isEqualTo(201);
        String token = r.json().get("token").asText();
        assertThat(Http.get(url + "/api/me", token).json().get("role").asText()).isEqualTo("analyst");
        assertThat(Http.post(url + "/api/admin/tokens", planner, "{\"role\":\"admin\",\"name\":\"x\"}")
                        .status())
                .isEqualTo(403);
        assertThat(Http.post(url + "/api/admin/tokens", admin, "{\"role\":\"root\",\"name\":\"x\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void everyRequestIsAudited() {
        long before =
                Http.get(url + "/api/admin/audit", admin).json().get("entries").asLong();
        for (int i = 0; i < 5; i++) Http.get(url + "/api/suggest?lat=35.227&lon=-80.843", dispatcher);
        Http.get(url + "/api/suggest?lat=35.227&lon=-80.843", planner);
        Http.get(url + "/api/suggest?lat=35.227&lon=-80.843", null);
        JsonNode after = Http.get(url + "/api/admin/audit", admin).json();
        assertThat(after.get("intact").asBoolean()).isTrue();
        assertThat(after.get("entries").asLong() - before).isEqualTo(8); // 7 + the first audit check
    }

    @Test
    void anAnswerLeavesTheServiceOnlyAfterItsAuditEntryIsWritten() throws Exception {
        Path journal = demo.service().audit().journalDir();
        for (int i = 0; i < 20; i++) {
            String query = String.format(Locale.ROOT, "lat=35.2%05d&lon=-80.843&top=3", 31_000 + i);
            String token = i % 2 == 0 ? dispatcher : analyst; // 200 and 403 alike
            int status = Http.get(url + "/api/suggest?" + query, token).status();
            // read the journal files (what survives the process being killed), without flushing first
            List<Integer> outcomes = new ArrayList<>();
            for (AuditJournal.Record r : AuditJournal.records(journal))
                if (r.entry().target().equals(query)) outcomes.add(r.entry().outcome());
            assertThat(outcomes).as(query).containsExactly(status);
        }
    }
}
