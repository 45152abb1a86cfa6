package org.sightline.jobs.cli;

import org.sightline.engine.viewshed.ViewshedOptions;
import picocli.CommandLine.Option;

/** Viewshed options shared by every command that computes viewsheds. */
public final class ViewshedMixin {
    @Option(
            names = "--min-occluder-height",
            paramLabel = "M",
            defaultValue = "2",
            description = "Buildings with a known height below this many metres do not block the view."
                    + " Default: ${DEFAULT-VALUE} m.")
    double minOccluderHeightM;

    @Option(
            names = "--arc-tolerance",
            paramLabel = "M",
            defaultValue = "0.1",
            description = "Largest gap in metres between the range arc and its polyline (vertices lie on the"
                    + " circle). Default: ${DEFAULT-VALUE} m.")
    double arcToleranceM;

    /** The defaults, for commands that compute no viewsheds. */
    ViewshedOptions defaults() {
        return ViewshedOptions.defaults();
    }

    ViewshedOptions options() {
        return ViewshedOptions.defaults()
                .withMinOccluderHeightM(minOccluderHeightM)
                .withArcToleranceM(arcToleranceM);
    }
}
