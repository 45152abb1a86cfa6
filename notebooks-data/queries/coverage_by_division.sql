-- Coverage by division: the share of each division's outdoor area (area minus buildings) that at least
-- one camera sees, and that a live-feed camera sees; the least covered first.
-- Run: ./sightline sql notebooks-data/queries/coverage_by_division.sql --in demo-out
SELECT area_id,
       name,
       ROUND(outdoor_m2 / 1e6, 3)               AS outdoor_km2,
       ROUND(covered_share, 4)                  AS covered_share,
       ROUND(live_share, 4)                     AS live_share,
       ROUND(depth2_share, 4)                   AS seen_twice_share,
       ROUND(ST_X(ST_Centroid(geometry)), 5)    AS lon,
       ROUND(ST_Y(ST_Centroid(geometry)), 5)    AS lat
FROM coverage_areas
ORDER BY covered_share, area_id
