package org.sightline.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.servlet.JavalinServletContextKt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Params#parse} against Javalin's own query-string parser (what {@code ctx.queryParamMap()} uses). */
class ParamsParseTest {
    static final String[] PIECES = {
        "a", "b", "lat", "lon", "=", "=", "&", "&", "%20", "%3D", "%26", "%C3%A9", "+", "é", "35.2", "-80.8", "%", "%2",
        "%zz", ""
    };

    @Test
    void parsesLikeJavalinOnRandomQueryStrings() {
        long seed = System.nanoTime();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder b = new StringBuilder();
            int n = rnd.nextInt(12);
            for (int i = 0; i < n; i++) b.append(PIECES[rnd.nextInt(PIECES.length)]);
            String q = b.toString();
            Object want, got;
            try {
                want = entries(JavalinServletContextKt.splitKeyValueStringAndGroupByKey(q, "UTF-8"));
            } catch (RuntimeException e) {
                want = e.getClass();
            }
            try {
                got = entries(Params.parse(q));
            } catch (RuntimeException e) {
                got = e.getClass();
            }
            assertThat(got).as("seed %dL, query '%s'", seed, q).isEqualTo(want);
        }
    }

    @Test
    void noQueryIsNoParameters() {
        assertThat(Params.parse(null)).isEmpty();
        assertThat(Params.parse("")).isEmpty();
        assertThat(Params.parse("a&b=&c=%zz&%zz=1&d=%C3%A9+x"))
                .containsExactly(
                        Map.entry("a", List.of("")),
                        Map.entry("b", List.of("")),
                        Map.entry("c", List.of()),
                        Map.entry("d", List.of("é x")));
        assertThat(Params.parse("lat=35.2&lon=-80.8&top=3&top=4"))
                .containsExactly(
                        Map.entry("lat", List.of("35.2")),
                        Map.entry("lon", List.of("-80.8")),
                        Map.entry("top", List.of("3", "4")));
    }

    /** The entries in order, names and values as plain lists (the map types differ). */
    static List<Object> entries(Map<String, List<String>> m) {
        List<Object> out = new ArrayList<>();
        for (var e : m.entrySet()) out.add(List.of(e.getKey(), List.copyOf(e.getValue())));
        return out;
    }
}
