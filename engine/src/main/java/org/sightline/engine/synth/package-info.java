/**
 * A deterministic synthetic city in Sightline's input contract, for demos, notebooks, tests and
 * benchmarks: {@link org.sightline.engine.synth.SyntheticCity#generate} writes streets, buildings,
 * neighbourhoods, cameras and incidents for a {@link org.sightline.engine.synth.CityPreset} at a seed
 * and scale ({@link org.sightline.engine.synth.SynthOptions}).
 *
 * <p>Pipeline: {@code StreetPlan} (arterial grid, local grids per superblock, diagonals, in plan
 * coordinates) → {@code PlanWarp} (gentle curvature) → streets as segments between intersections →
 * blocks cut by the diagonals → {@code Zoning} picks a {@code Zone} per block → {@code BlockFiller}
 * lays out lots and footprints → {@code Neighbourhoods} (Voronoi) → {@code CameraSiting} (cameras on
 * façades) → {@code IncidentSampler} (concentrated on hot segments). Each layer is streamed to its file
 * through {@link org.sightline.engine.io.AtomicFiles} and {@link org.sightline.engine.io.GeoJsonFeatureWriter}.
 */
package org.sightline.engine.synth;
