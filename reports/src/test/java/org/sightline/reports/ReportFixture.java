package org.sightline.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** Writes {@link TinyCity} once per JVM and the three reports from it (they take a few seconds). */
final class ReportFixture {
    private static TinyCity city;
    private static final Map<Audience, Reports.Written> REPORTS = new EnumMap<>(Audience.class);

    private ReportFixture() {}

    static synchronized TinyCity city() {
        if (city == null) {
            try {
                Path root = Files.createTempDirectory("sightline-report-test");
                city = TinyCity.write(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return city;
    }

    static synchronized Reports.Written report(Audience a) {
        return REPORTS.computeIfAbsent(a, x -> {
            TinyCity c = city();
            return Reports.write(ReportOptions.of(c.out, c.root.resolve("reports"), x));
        });
    }
}
