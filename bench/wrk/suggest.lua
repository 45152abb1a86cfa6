-- wrk script for GET /api/suggest at random points of the city's bounding box (see bench/README.md).
-- usage: TOKEN=<dispatcher token> BBOX=minLon,minLat,maxLon,maxLat wrk -t2 -c16 -d30s -s bench/wrk/suggest.lua http://127.0.0.1:8080
local token = os.getenv("TOKEN") or error("set TOKEN to a dispatcher token")
local bbox = {}
for v in string.gmatch(os.getenv("BBOX") or error("set BBOX=minLon,minLat,maxLon,maxLat"), "[^,]+") do
  bbox[#bbox + 1] = tonumber(v)
end
local headers = { ["Authorization"] = "Bearer " .. token }
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  math.randomseed(seed or 1)
end

function request()
  local lon = bbox[1] + math.random() * (bbox[3] - bbox[1])
  local lat = bbox[2] + math.random() * (bbox[4] - bbox[2])
  return wrk.format("GET", string.format("/api/suggest?lat=%.6f&lon=%.6f", lat, lon), headers)
end

local errors = 0
function response(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, non-2xx/3xx %d, socket errors connect %d read %d write %d timeout %d\n",
    summary.requests, summary.errors.status, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("p%s %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
