/**
 * Hotspots (DESIGN.md, "Hotspots"), all in the metric CRS.
 *
 * <ol>
 *   <li>{@link org.sightline.engine.hotspot.StudyCells}: the cells whose centre lies in the study
 *       region — {@link org.sightline.engine.hotspot.SquareCells} (row scanline over a
 *       {@link org.sightline.engine.hotspot.GridSpec}) or {@link org.sightline.engine.hotspot.H3Cells}
 *       (H3 polygon fill through a {@link org.sightline.engine.hotspot.LonLatProjection}).
 *   <li>{@link org.sightline.engine.hotspot.GiStar}: Gi* z-scores (box sums on the square raster,
 *       neighbour lists otherwise); {@link org.sightline.engine.hotspot.Normal}: two-sided p;
 *       {@link org.sightline.engine.hotspot.FalseDiscovery}: Benjamini–Hochberg bins −3 … +3.
 *   <li>{@link org.sightline.engine.hotspot.ConditionalRandomization}: optional pseudo p-values.
 *   <li>{@link org.sightline.engine.hotspot.QuarticKde}: kernel density, incidents per km².
 *   <li>{@link org.sightline.engine.hotspot.Hotspots#compute}: wires the above into a
 *       {@link org.sightline.engine.hotspot.HotspotGrid} of
 *       {@link org.sightline.engine.hotspot.HotspotCell}s with a
 *       {@link org.sightline.engine.hotspot.HotspotSummary} (PAI).
 * </ol>
 */
package org.sightline.engine.hotspot;
