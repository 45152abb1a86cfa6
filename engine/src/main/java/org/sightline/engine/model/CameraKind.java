package org.sightline.engine.model;

import java.util.Locale;
import java.util.Optional;

/** Who registered a camera: a resident (never shown individually outside the police) or a business. */
public enum CameraKind {
    RESIDENT,
    BUSINESS;

    /** The contract's spelling: {@code resident} or {@code business}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code resident} / {@code business}, case-insensitively; empty for anything else. */
    public static Optional<CameraKind> parse(String text) {
        if (text == null) return Optional.empty();
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "resident" -> Optional.of(RESIDENT);
            case "business" -> Optional.of(BUSINESS);
            default -> Optional.empty();
        };
    }
}
