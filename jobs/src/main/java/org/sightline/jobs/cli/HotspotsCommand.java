package org.sightline.jobs.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sightline.engine.hotspot.HotspotCell;
import org.sightline.engine.hotspot.HotspotGrid;
import org.sightline.engine.io.Layer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sightline hotspots}: where incidents cluster (Gi*, KDE, PAI). */
@Command(
        name = "hotspots",
        mixinStandardHelpOptions = true,
        description = {
            "Bin incidents into square or H3 cells over the study region (the union of --areas, or the"
                    + " incidents' extent), and compute Getis-Ord Gi* with Benjamini-Hochberg bins -3..+3 (as ArcGIS"
                    + " Hot Spot Analysis), a quartic KDE and the PAI. Writes OUT/cells.csv and cells.geojson,"
                    + " kde.tif, summary.json, outside.csv (incidents outside the region), rejects/."
        })
public final class HotspotsCommand implements Callable<Integer> {
    @Option(
            names = "--incidents",
            paramLabel = "F",
            required = true,
            description = "Incidents: CSV, JSON array or GeoJSON.")
    Path incidents;

    @Option(names = "--areas", paramLabel = "F", description = "Study region as areas: GeoJSON polygons.")
    Path areas;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder (created if needed).")
    Path out;

    @Mixin
    LayerOptions layers;

    @Mixin
    HotspotMixin hotspot;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var options = hotspot.options();
        Console console = Console.forCommand(spec, out);
        Map<Layer, Path> files = CityLoader.files(null, null, incidents, areas, null);
        var loaded = CityLoader.load(console, out, files, layers, new ViewshedMixin().defaults());
        var city = loaded.city();
        CityLoader.requireNonEmpty("incidents", city.incidents(), console);
        loaded.summary().put("hotspots", Stages.hotspots(console, city, options, out, loaded.out()));
        loaded.summary().write(out);
        console.line("wrote %s (cells.csv/.geojson, kde.tif, summary.json, outside.csv)", out);
        return SightlineCli.OK;
    }

    static void describe(Console c, HotspotGrid grid) {
        var s = grid.summary();
        c.line("");
        c.line(
                "%,d cells, %,d hot (gi_bin ≥ 2), %,d cold; PAI %s",
                s.n(),
                s.hotCells(),
                s.coldCells(),
                s.pai().isPresent()
                        ? String.format(java.util.Locale.ROOT, "%.2f", s.pai().getAsDouble())
                        : "n/a");
        if (!grid.outside().isEmpty())
            c.line(
                    "%,d incidents lie outside the study region (listed in outside.csv)",
                    grid.outside().size());
        if (s.degenerate()) c.line("warning: every cell has the same count; Gi* is 0 everywhere");
        c.line("busiest hotspot cells (gi_bin ≥ 2):");
        grid.cells().stream()
                .filter(HotspotCell::isHotspot)
                .sorted((a, b) -> Double.compare(b.count(), a.count()))
                .limit(5)
                .forEach(cell -> c.line(
                        "  cell %-16s incident weight %6.0f, z = %6.2f, bin %+d",
                        cell.cellId(), cell.count(), cell.giZ(), cell.giBin()));
    }
}
