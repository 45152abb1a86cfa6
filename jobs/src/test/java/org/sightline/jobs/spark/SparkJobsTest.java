package org.sightline.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sightline.engine.city.City;
import org.sightline.engine.coverage.AreaCoverage;
import org.sightline.engine.coverage.CoverageResult;
import org.sightline.engine.dispatch.DispatchOptions;
import org.sightline.engine.dispatch.Suggestion;
import org.sightline.engine.gaps.GapReport;
import org.sightline.engine.hotspot.HotspotCell;
import org.sightline.engine.hotspot.HotspotGrid;
import org.sightline.engine.hotspot.HotspotOptions;
import org.sightline.engine.model.Incident;
import org.sightline.engine.outreach.CandidateSite;
import org.sightline.engine.outreach.CandidateSites;
import org.sightline.engine.outreach.OutreachPlan;
import org.sightline.engine.outreach.OutreachPlanner;
import org.sightline.engine.viewshed.Viewshed;
import scala.Tuple2;

/**
 * On the small synthetic city, every Spark job gives the engine-only answer, whatever the number of
 * partitions (tiles of 400 m, so that halos matter on a 5 km² city).
 */
class SparkJobsTest {
    @TempDir
    static Path dir;

    static SparkSession spark;
    static City city;

    @BeforeAll
    static void start() {
        city = SmallCity.load(SmallCity.generate(dir));
        spark = org.sightline.jobs.pipeline.TestSpark.get();
    }

    static SparkCity spark(int partitions) {
        return new SparkCity(spark, city, partitions, new TileGrid(400));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 16})
    void everyStageEqualsTheEngineOnlyResult(int partitions) {
        SparkCity sc = spark(partitions);

        List<Tuple2<Long, CameraResult>> vs = new ArrayList<>(sc.viewsheds().collect());
        vs.sort(Comparator.comparing(Tuple2::_1));
        List<Viewshed> expected = city.viewsheds();
        assertThat(vs).hasSize(expected.size());
        for (int i = 0; i < vs.size(); i++) {
            Viewshed a = vs.get(i)._2().viewshed(), e = expected.get(i);
            assertThat(a.cameraId()).isEqualTo(e.cameraId());
            assertThat(a.status()).isEqualTo(e.status());
            assertThat(a.areaM2()).as(a.cameraId()).isCloseTo(e.areaM2(), within(1e-9 * Math.max(1, e.areaM2())));
        }

        CoverageResult c = CoverageJob.run(sc).coverage();
        CoverageResult ce = city.coverage();
        assertThat(c.city().coveredM2())
                .isCloseTo(ce.city().coveredM2(), within(1e-6 * ce.city().coveredM2()));
        assertThat(c.city().depth2M2())
                .isCloseTo(ce.city().depth2M2(), within(1e-6 * ce.city().coveredM2()));
        assertThat(c.city().streetCoveredM())
                .isCloseTo(ce.city().streetCoveredM(), within(1e-6 * ce.city().streetLengthM()));
        for (int a = 0; a < ce.areas().size(); a++) {
            AreaCoverage x = c.areas().get(a), y = ce.areas().get(a);
            assertThat(x.outdoorM2()).isCloseTo(y.outdoorM2(), within(1e-6 * y.areaM2()));
            assertThat(x.coveredM2()).isCloseTo(y.coveredM2(), within(1e-6 * y.areaM2()));
            assertThat(x.liveM2()).isCloseTo(y.liveM2(), within(1e-6 * y.areaM2()));
            assertThat(x.streetCoveredM()).isCloseTo(y.streetCoveredM(), within(1e-6 * Math.max(1, y.streetLengthM())));
        }
        assertThat(c.cameras()).hasSameSizeAs(ce.cameras());
        for (int i = 0; i < ce.cameras().size(); i++) {
            assertThat(c.cameras().get(i).cameraId())
                    .isEqualTo(ce.cameras().get(i).cameraId());
            assertThat(c.cameras().get(i).uniqueM2())
                    .isCloseTo(
                            ce.cameras().get(i).uniqueM2(),
                            within(1e-6 * Math.max(1, ce.cameras().get(i).viewshedM2())));
        }

        HotspotOptions ho = HotspotOptions.defaults();
        HotspotGrid g = HotspotJob.run(sc, ho).grid();
        HotspotGrid ge = city.hotspots(ho);
        assertThat(g.cells()).hasSameSizeAs(ge.cells());
        for (int i = 0; i < ge.cells().size(); i++) {
            HotspotCell x = g.cells().get(i), y = ge.cells().get(i);
            assertThat(x.cellId()).isEqualTo(y.cellId());
            assertThat(x.count()).isEqualTo(y.count());
            assertThat(x.giZ()).isEqualTo(y.giZ());
            assertThat(x.giP()).isEqualTo(y.giP());
            assertThat(x.giBin()).isEqualTo(y.giBin());
        }
        assertThat(g.outside()).isEqualTo(ge.outside());

        GapReport gr = GapsJob.run(sc, g);
        GapReport gre = city.gaps(ho);
        assertThat(gr.incidents()).isEqualTo(gre.incidents());
        assertThat(gr.gaps()).isEqualTo(gre.gaps());
        assertThat(gr.areas()).isEqualTo(gre.areas());

        DispatchOptions dop = new DispatchOptions(15, 150, 10);
        List<Tuple2<Long, List<Suggestion>>> ranked =
                new ArrayList<>(DispatchJob.run(sc, dop, null).collect());
        ranked.sort(Comparator.comparing(Tuple2::_1));
        List<List<Suggestion>> re = city.dispatchIndex(150).rankAll(city.incidents(), Incident::occurredAt, dop, true);
        assertThat(ranked).hasSameSizeAs(re);
        for (int k = 0; k < re.size(); k++) {
            List<Suggestion> x = ranked.get(k)._2(), y = re.get(k);
            assertThat(x.stream().map(s -> s.cameraId() + "/" + s.role()).toList())
                    .as("incident %s", city.incidents().get(k).id())
                    .isEqualTo(
                            y.stream().map(s -> s.cameraId() + "/" + s.role()).toList());
            for (int r = 0; r < x.size(); r++)
                assertThat(x.get(r).visibleShare()).isCloseTo(y.get(r).visibleShare(), within(1e-9));
        }

        List<CandidateSite> sites = CandidateSites.fromBuildings(city.buildings(), city.cameras(), city.streets(), 200);
        List<Incident> demand = new ArrayList<>();
        for (int k = 0; k < gre.incidents().size(); k++)
            if (!gre.incidents().get(k).covered()) demand.add(city.incidents().get(k));
        OutreachPlan p = OutreachJob.run(sc, sites, demand, 5);
        OutreachPlan pe = OutreachPlanner.plan(sites, demand, city.areas(), 5, city.viewshedFunction());
        assertThat(p.picks().stream().map(x -> x.site().siteId()).toList())
                .isEqualTo(pe.picks().stream().map(x -> x.site().siteId()).toList());
        assertThat(p.total()).isEqualTo(pe.total());
    }
}
