package org.sightline.jobs.spark;

import java.nio.file.Path;
import java.util.Map;
import org.sightline.engine.io.Layer;

/** {@link SmallCity} for tests of other packages. */
public final class SmallCityAccess {
    private SmallCityAccess() {}

    public static Map<Layer, Path> generate(Path dir) {
        return SmallCity.generate(dir);
    }
}
