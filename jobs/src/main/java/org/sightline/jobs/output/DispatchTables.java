package org.sightline.jobs.output;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.sightline.engine.dispatch.Suggestion;
import org.sightline.engine.io.AtomicFiles;

/** {@code suggestions.csv}: streamed, since the batch can hold millions of rows. */
public final class DispatchTables {
    public static final List<String> HEADER = List.of(
            "incident_id",
            "rank",
            "camera_id",
            "kind",
            "access",
            "visible_share",
            "distance_m",
            "off_axis_deg",
            "footage_until",
            "role",
            "reason");

    private DispatchTables() {}

    /** Writes every incident's suggestions and returns the number of rows. */
    public static long write(Path dir, Iterable<? extends List<Suggestion>> perIncident) {
        long[] count = {0};
        AtomicFiles.writeText(dir.resolve("suggestions.csv"), w -> {
            CSVPrinter p = new CSVPrinter(
                    w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
            p.printRecord(HEADER);
            for (List<Suggestion> list : perIncident) {
                for (Suggestion s : list) {
                    p.printRecord(
                            s.incidentId(),
                            s.rank(),
                            s.cameraId(),
                            s.kind().code(),
                            s.access().code(),
                            fmt(Tables.share(s.visibleShare())),
                            fmt(Math.rint(s.distanceM() * 10) / 10),
                            fmt(Math.rint(s.offAxisDeg() * 10) / 10),
                            s.footageUntil().toString(),
                            s.role().code(),
                            s.reason());
                    count[0]++;
                }
            }
            p.flush();
        });
        return count[0];
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
