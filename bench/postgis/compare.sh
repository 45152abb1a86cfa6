#!/usr/bin/env bash
# Side by side: viewsheds + coverage union in PostGIS (bench/postgis/viewsheds.sql) against the
# Sightline engine (`sightline coverage`) on the same synthetic city. Starts a throw-away PostGIS
# server (PostgreSQL 15 + PostGIS 3, Debian postgresql-15-postgis-3) on a free port, loads the city in
# its metric CRS, times both, prints the ratio.
# Usage: bench/postgis/compare.sh [small|charlotte] [seed]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PRESET="${1:-small}"; SEED="${2:-1}"
BIN=/usr/lib/postgresql/15/bin
WORK="$(mktemp -d /tmp/sightline-pgbench.XXXXXX)"
CITY="$WORK/city"
RUNAS=(); [ "$(id -u)" -eq 0 ] && { chown -R postgres "$WORK"; RUNAS=(runuser -u postgres --); }
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
cleanup() { "${RUNAS[@]}" "$BIN/pg_ctl" -D "$WORK/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT

"$ROOT/sightline" generate --preset "$PRESET" --seed "$SEED" --out "$CITY" >/dev/null
[ "$(id -u)" -eq 0 ] && chown -R postgres "$WORK"
"${RUNAS[@]}" "$BIN/initdb" -D "$WORK/data" -U bench --auth=trust -E UTF8 --no-sync >/dev/null
"${RUNAS[@]}" "$BIN/pg_ctl" -D "$WORK/data" -l "$WORK/log" -w -o "-p $PORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
PSQL=(psql -h 127.0.0.1 -p "$PORT" -U bench -d postgres -v ON_ERROR_STOP=1 -q)
"${PSQL[@]}" -c "CREATE EXTENSION postgis"
# cameras (lon/lat CSV) and buildings (GeoJSON) into UTM 17N, as the engine computes
"${PSQL[@]}" -c "CREATE TABLE cam_raw (camera_id text, lon float8, lat float8, heading_deg float8, fov_deg float8, range_m float8, height_m float8, kind text, live_feed text, retention_days text, status text, owner_name text, owner_phone text, owner_email text)"
"${PSQL[@]}" -c "\\copy cam_raw FROM '$CITY/cameras.csv' CSV HEADER"
"${PSQL[@]}" -c "CREATE TABLE cameras AS SELECT camera_id, COALESCE(heading_deg, 0) heading_deg, CASE WHEN heading_deg IS NULL OR fov_deg IS NULL THEN 360 ELSE fov_deg END fov_deg, CASE WHEN heading_deg IS NULL OR fov_deg IS NULL THEN 25 ELSE range_m END range_m, ST_Transform(ST_SetSRID(ST_MakePoint(lon, lat), 4326), 32617) geom FROM cam_raw WHERE status = 'active'"
python3 - "$CITY/buildings.geojson" > "$WORK/buildings.tsv" <<'PY'
import json, sys
for f in json.load(open(sys.argv[1]))["features"]:
    print(json.dumps(f["geometry"]))
PY
"${PSQL[@]}" -c "CREATE TABLE b_raw (g text)" -c "\\copy b_raw FROM '$WORK/buildings.tsv'"
"${PSQL[@]}" -c "CREATE TABLE buildings AS SELECT ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(g), 4326), 32617) geom FROM b_raw" \
  -c "CREATE INDEX ON buildings USING gist (geom)" -c "ANALYZE buildings"

echo "== PostGIS: wedge minus building shadows, then ST_Union"
t0=$(date +%s.%N)
"${PSQL[@]}" -f "$ROOT/bench/postgis/viewsheds.sql"
t1=$(date +%s.%N)
echo "== Sightline engine: sightline coverage"
"$ROOT/sightline" coverage --cameras "$CITY/cameras.csv" --buildings "$CITY/buildings.geojson" --out "$WORK/engine" > "$WORK/engine.log"
t2=$(date +%s.%N)
grep -E '^  (viewsheds|coverage) +[0-9.]+ s' "$WORK/engine.log" || true
python3 - "$t0" "$t1" "$t2" "$WORK/engine/city.json" "$WORK/engine.log" <<'PY'
import json, re, sys
t0, t1, t2 = map(float, sys.argv[1:4]); c = json.load(open(sys.argv[4]))
stages = sum(float(m.group(2)) for m in re.finditer(r"^  (viewsheds|coverage) +([0-9.]+) s", open(sys.argv[5]).read(), re.M))
pg, eng = t1 - t0, t2 - t1
print(f"PostGIS viewsheds + ST_Union {pg:.2f} s; Sightline viewsheds + coverage stages {stages:.2f} s "
      f"(ratio {pg / stages:.0f}x); whole sightline command incl. JVM start, reading and writing {eng:.1f} s "
      f"(ratio {pg / eng:.1f}x); engine covered_m2 {c['covered_m2']:.1f}")
PY
