-- Uncovered hotspot incidents by hour of day (Charlotte local time): when do incidents happen in
-- hotspot cells (Gi* bin >= 2) where no camera sees them? Planners use it to ask for live feeds at
-- those hours. The incident points are joined with the hotspot cells through Sedona.
-- Run: ./sightline sql notebooks-data/queries/uncovered_hotspot_incidents_by_hour.sql --in demo-out
SELECT HOUR(from_utc_timestamp(to_timestamp(i.occurred_at), 'America/New_York')) AS hour_local,
       COUNT(*)                                                                  AS incidents,
       SUM(CASE WHEN g.covered THEN 0 ELSE 1 END)                                AS uncovered,
       ROUND(SUM(CASE WHEN g.covered THEN 0 ELSE 1 END) / COUNT(*), 4)           AS uncovered_share
FROM incidents i
JOIN gaps_incidents g ON g.incident_id = i.incident_id
JOIN hotspots_cells h ON ST_Intersects(h.geometry, ST_Point(i.lon, i.lat)) AND h.gi_bin >= 2
GROUP BY 1
ORDER BY 1
