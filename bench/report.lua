-- wrk script for bench/load.py: optional POST body, several URLs in turn, status counts,
-- and one JSON line with the figures at the end.
--
-- Environment: BENCH_PATHS   newline-separated "METHOD PATH" lines (requests go round them)
--              BENCH_BODY    body for POST requests (optional)
--              BENCH_HEADERS newline-separated "Name: value" lines (optional)

local threads = {}
local paths = {}
local headers = {}

for line in (os.getenv("BENCH_PATHS") or "GET /"):gmatch("[^\n]+") do
  local method, p = line:match("^(%S+)%s+(.+)$")
  table.insert(paths, { method = method, path = p })
end
for line in (os.getenv("BENCH_HEADERS") or ""):gmatch("[^\n]+") do
  local name, value = line:match("^([^:]+):%s*(.*)$")
  if name then headers[name] = value end
end
local body = os.getenv("BENCH_BODY")
local think = tonumber(os.getenv("BENCH_THINK_MS") or "0")

-- A user's pause between two pages (milliseconds); 0 hammers the server. Pauses are
-- drawn at random around BENCH_THINK_MS (exponentially, capped at ten times it): with one
-- fixed pause all connections would stay in step and arrive together, every time.
function delay()
  if think <= 0 then
    return 0
  end
  return math.min(math.floor(-think * math.log(1 - math.random())), 10 * think)
end

function setup(thread)
  table.insert(threads, thread)
  thread:set("seed", #threads)
end

function init(args)
  math.randomseed(os.time() * 100 + seed)
  errors = 0
  statuses = {}
  i = math.random(#paths) - 1
end

function request()
  i = i % #paths + 1
  local item = paths[i]
  if item.method == "POST" then
    return wrk.format("POST", item.path, headers, body)
  end
  return wrk.format("GET", item.path, headers, nil)
end

function response(status, hdrs, resp_body)
  statuses[status] = (statuses[status] or 0) + 1
  if status >= 400 then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local failed = 0
  local counts = {}
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("errors")
    for status, n in pairs(thread:get("statuses")) do
      counts[tostring(status)] = (counts[tostring(status)] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(counts) do
    table.insert(parts, string.format('"%s": %d', status, n))
  end
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format(
    'BENCH {"requests": %d, "seconds": %.3f, "p50": %.2f, "p95": %.2f, "p99": %.2f, '
      .. '"http_errors": %d, "socket_errors": %d, "statuses": {%s}}\n',
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    failed, socket, table.concat(parts, ", ")))
end
