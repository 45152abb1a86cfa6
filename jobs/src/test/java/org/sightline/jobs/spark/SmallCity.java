package org.sightline.jobs.spark;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.sightline.engine.city.City;
import org.sightline.engine.io.Inputs;
import org.sightline.engine.io.Layer;
import org.sightline.engine.io.MetricLayers;
import org.sightline.engine.synth.SynthOptions;
import org.sightline.engine.synth.SyntheticCity;
import org.sightline.engine.viewshed.ViewshedOptions;

/** The small synthetic city (seed 1), generated into a folder and loaded as a {@link City}. */
final class SmallCity {
    private SmallCity() {}

    static Map<Layer, Path> generate(Path dir) {
        SyntheticCity.generate(dir, SynthOptions.of("small", 1, 1));
        Map<Layer, Path> files = new EnumMap<>(Layer.class);
        files.put(Layer.CAMERAS, dir.resolve("cameras.csv"));
        files.put(Layer.BUILDINGS, dir.resolve("buildings.geojson"));
        files.put(Layer.INCIDENTS, dir.resolve("incidents.csv"));
        files.put(Layer.AREAS, dir.resolve("areas.geojson"));
        files.put(Layer.STREETS, dir.resolve("streets.geojson"));
        return files;
    }

    static City load(Map<Layer, Path> files) {
        MetricLayers l = Inputs.load(Inputs.Request.of(files));
        return new City(
                l.crs(), l.cameras(), l.buildings(), l.incidents(), l.areas(), l.streets(), ViewshedOptions.DEFAULTS);
    }
}
