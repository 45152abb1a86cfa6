package org.sightline.engine.model;

import java.time.Instant;
import java.util.Objects;
import org.locationtech.jts.geom.Point;

/** A reported incident. {@code weight} defaults to 1 and is > 0. */
public record Incident(String id, Point position, Instant occurredAt, String category, double weight)
        implements java.io.Serializable {
    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(occurredAt, "occurredAt");
        category = category == null ? "" : category;
        if (!(weight > 0 && Double.isFinite(weight)))
            throw new IllegalArgumentException("weight must be finite and > 0, was " + weight);
    }

    public Incident withPosition(Point p) {
        return new Incident(id, p, occurredAt, category, weight);
    }
}
