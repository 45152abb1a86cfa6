#!/usr/bin/env bash
# Load test of GET /api/suggest with wrk against a running `sightline serve --demo` (see bench/README.md):
# prints the load average before and after, wrk's figures, the audit log's growth (must be one entry per
# request; wrk does not count the requests still in flight when it stops, up to one per connection) and
# the server's CPU time per request from /proc/<pid>/stat (excluding the two audit checks).
# Before measuring it runs the same load for WARMUP (default 60s; WARMUP=0 skips it): a fresh server
# needs about a minute of load before the JIT has compiled Jetty's and the service's paths (a 10 s
# warm-up measured 6,710 req/s and 251 us CPU per request where the steady state is ~10,700 and ~130).
# usage: [WARMUP=60s] bench/wrk/measure.sh PORT SERVER_PID [DURATION=30s] [CONNECTIONS=16] [THREADS=2] [TOKENS_JSON]
set -euo pipefail
PORT=$1; PID=$2; DUR=${3:-30s}; C=${4:-16}; T=${5:-2}; WARMUP=${WARMUP:-60s}
TOK=${6:-.sightline/demo-service/demo-tokens.json}
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
token() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$TOK" "$1"; }
D=$(token dispatcher); A=$(token admin); URL=http://127.0.0.1:$PORT
BBOX=$(curl -s -H "Authorization: Bearer $D" "$URL/api/city" \
  | python3 -c "import json,sys; print(','.join(map(str, json.load(sys.stdin)['bbox'])))")
entries() { curl -s -H "Authorization: Bearer $A" "$URL/api/admin/audit" \
  | python3 -c "import json,sys; j=json.load(sys.stdin); print(j['entries'], j['intact'])"; }
cpu() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
if [ "$WARMUP" != 0 ]; then
  echo "warm-up: $WARMUP of the same load (not counted)"
  TOKEN=$D BBOX=$BBOX wrk -t"$T" -c"$C" -d"$WARMUP" -s "$HERE/suggest.lua" "$URL" >/dev/null
fi
read -r e0 _ < <(entries)
c0=$(cpu); uptime
OUT=$(TOKEN=$D BBOX=$BBOX wrk -t"$T" -c"$C" -d"$DUR" --latency -s "$HERE/suggest.lua" "$URL")
c1=$(cpu); uptime
echo "$OUT"
read -r e1 intact < <(entries)
n=$(echo "$OUT" | sed -n 's/^ *\([0-9]*\) requests in .*/\1/p')
python3 - "$n" "$e0" "$e1" "$intact" "$c0" "$c1" "$(getconf CLK_TCK)" <<'PY'
import sys
n, e0, e1, intact, c0, c1, tck = sys.argv[1:]
n, grew = int(n), int(e1) - int(e0) - 1   # -1: the first audit check's own entry
cpu = (float(c1) - float(c0)) / int(tck)
print(f"audit: +{grew} entries for {n} completed requests (+ up to one in flight per connection); chain intact: {intact}")
print(f"server CPU {cpu:.1f} s = {cpu / n * 1e6:.0f} us per request")
PY
