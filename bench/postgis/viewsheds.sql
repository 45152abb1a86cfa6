-- Viewsheds and coverage the way a GIS user does it in PostGIS: each camera's wedge (sector of its
-- range and field of view) minus the "shadows" of the buildings within range (each building's convex
-- hull with its vertices pushed away from the camera beyond the range), then ST_Union of all of them.
-- Input tables (metric CRS): cameras(camera_id, heading_deg, fov_deg, range_m, geom), buildings(geom).
\timing on

CREATE OR REPLACE FUNCTION wedge(p geometry, heading float8, fov float8, r float8) RETURNS geometry AS $$
  SELECT CASE WHEN fov >= 360 THEN ST_Buffer(p, r, 32)
  ELSE ST_MakePolygon(ST_MakeLine(ARRAY[p] || ARRAY(
         SELECT ST_Translate(p, r * sin(radians(heading - fov / 2 + fov * i / 32.0)),
                                r * cos(radians(heading - fov / 2 + fov * i / 32.0)))
         FROM generate_series(0, 32) i) || ARRAY[p]))
  END
$$ LANGUAGE sql IMMUTABLE PARALLEL SAFE;

CREATE OR REPLACE FUNCTION shadow(p geometry, b geometry, r float8) RETURNS geometry AS $$
  SELECT ST_ConvexHull(ST_Collect(b, ST_Collect(ST_SetSRID(ST_MakePoint(
           ST_X(p) + (ST_X(d.geom) - ST_X(p)) * 3 * r / GREATEST(ST_Distance(p, d.geom), 0.01),
           ST_Y(p) + (ST_Y(d.geom) - ST_Y(p)) * 3 * r / GREATEST(ST_Distance(p, d.geom), 0.01)), ST_SRID(b)))))
  FROM ST_DumpPoints(b) d
$$ LANGUAGE sql IMMUTABLE PARALLEL SAFE;

DROP TABLE IF EXISTS pg_viewsheds;
CREATE TABLE pg_viewsheds AS
SELECT c.camera_id,
       ST_Difference(wedge(c.geom, c.heading_deg, c.fov_deg, c.range_m),
                     COALESCE((SELECT ST_Union(ST_SetSRID(shadow(c.geom, b.geom, c.range_m), ST_SRID(c.geom)))
                               FROM buildings b WHERE ST_DWithin(b.geom, c.geom, c.range_m)),
                              ST_SetSRID('POLYGON EMPTY'::geometry, ST_SRID(c.geom)))) AS geom
FROM cameras c;

SELECT count(*) AS viewsheds, round(sum(ST_Area(geom))::numeric, 1) AS sum_area_m2 FROM pg_viewsheds;
SELECT round(ST_Area(ST_Union(geom))::numeric, 1) AS covered_m2 FROM pg_viewsheds;
