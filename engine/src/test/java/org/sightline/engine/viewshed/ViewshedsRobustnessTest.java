package org.sightline.engine.viewshed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.sightline.engine.model.Camera;

/**
 * 10⁶ random queries over seeded trap-laden scenes: no exception, every polygon valid by JTS's own
 * {@link IsValidOp} (independent of the sweep's O(n) check), and no repair fallback.
 */
@Tag("slow")
class ViewshedsRobustnessTest {

    @Test
    void aMillionRandomQueriesGiveValidPolygons() {
        Result r = run(Long.getLong("sightline.viewshedQueries", 1_000_000L), 90_000L);
        System.out.println("viewshed robustness: " + r);
        assertThat(r.failures).as("seed/camera of failures").isEmpty();
        assertThat(r.repaired).isZero();
    }

    record Result(
            long queries, long seconds, Map<Viewshed.Status, Long> statuses, long repaired, List<String> failures) {
        @Override
        public String toString() {
            return queries + " queries in " + seconds + " s, statuses " + statuses + ", repaired " + repaired
                    + ", invalid or exceptions " + failures.size();
        }
    }

    static Result run(long queries, long baseSeed) {
        long t0 = System.nanoTime();
        Map<Viewshed.Status, Long> statuses = new EnumMap<>(Viewshed.Status.class);
        List<String> failures = new ArrayList<>();
        long done = 0, repaired = 0;
        int perScene = 1000;
        for (long seed = baseSeed; done < queries; seed++) {
            boolean utm = seed % 2 == 1;
            Scenes.Scene scene = Scenes.random(seed, 40, perScene, 160, utm ? 500_000 : 0, utm ? 3_900_000 : 0);
            Footprints fp = Footprints.of(scene.footprints());
            for (Camera c : scene.cameras()) {
                if (done++ >= queries) break;
                try {
                    Viewshed v = Viewsheds.of(c, fp, ViewshedOptions.defaults());
                    statuses.merge(v.status(), 1L, Long::sum);
                    if (v.repaired()) repaired++;
                    if (!new IsValidOp(v.geometry()).isValid() && failures.size() < 20)
                        failures.add("seed " + seed + " " + c + ": invalid " + v.geometry());
                } catch (RuntimeException e) {
                    if (failures.size() < 20) failures.add("seed " + seed + " " + c + ": " + e);
                }
            }
        }
        return new Result(done, (System.nanoTime() - t0) / 1_000_000_000L, statuses, repaired, failures);
    }

    /** The same run outside JUnit: {@code Scenes} seeds from 90,000, queries from the first argument. */
    public static void main(String[] args) {
        System.out.println(run(args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L, 90_000L));
    }
}
