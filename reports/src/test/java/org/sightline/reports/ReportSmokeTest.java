package org.sightline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportSmokeTest {
    @Test
    void writesAllThreeReports() {
        for (Audience a : Audience.values()) {
            var w = ReportFixture.report(a);
            System.out.println("REPORT " + w.html() + " " + w.pdf());
            assertThat(w.html()).exists();
            assertThat(w.pdf()).exists();
        }
    }
}
