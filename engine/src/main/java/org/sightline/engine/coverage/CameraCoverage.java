package org.sightline.engine.coverage;

/** A camera's viewshed area and its unique (marginal) coverage: the area no other camera sees. */
public record CameraCoverage(String cameraId, double viewshedM2, double uniqueM2) implements java.io.Serializable {}
