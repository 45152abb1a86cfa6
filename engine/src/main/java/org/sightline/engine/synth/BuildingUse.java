package org.sightline.engine.synth;

import java.util.Locale;

/** The {@code use} property of a generated building. */
enum BuildingUse {
    RESIDENTIAL,
    COMMERCIAL,
    INDUSTRIAL,
    CIVIC;

    static final BuildingUse[] VALUES = values();

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
