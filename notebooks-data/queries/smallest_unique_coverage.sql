-- Cameras whose unique coverage is smallest: ground no other camera sees. Candidates for re-aiming
-- (their view is redundant) rather than for recruitment; with the division each viewshed lies in.
-- Run: ./sightline sql notebooks-data/queries/smallest_unique_coverage.sql --in demo-out
SELECT c.camera_id,
       c.kind,
       c.live_feed,
       ROUND(c.viewshed_m2, 1)                  AS viewshed_m2,
       ROUND(c.unique_m2, 1)                    AS unique_m2,
       ROUND(c.unique_m2 / c.viewshed_m2, 4)    AS unique_share,
       a.name                                   AS division
FROM coverage_cameras c
JOIN viewsheds v ON v.camera_id = c.camera_id
LEFT JOIN coverage_areas a ON ST_Contains(a.geometry, ST_PointOnSurface(v.geometry))
WHERE c.viewshed_m2 > 0
ORDER BY c.unique_m2, c.camera_id
LIMIT 15
