package org.sightline.service.requests;

import java.time.Instant;

/**
 * A footage request as police see it ({@link RequestStatus}: never "declined").
 *
 * @param deadline when the camera overwrites the start of the window: window start + retention
 */
public record FootageRequest(
        String id,
        String cameraId,
        String incidentId,
        String caseNumber,
        Instant from,
        Instant to,
        Instant deadline,
        String requestedBy,
        Instant createdAt,
        RequestStatus status) {}
