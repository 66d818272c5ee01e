-- wrk script: POST /fhir/$generate-soap with the transcript from BENCH_TRANSCRIPT as a FHIR Parameters
-- resource, authenticated with BENCH_KEY. Same output line as post-note.lua, counting only 200 answers.
local f = assert(io.open(os.getenv("BENCH_TRANSCRIPT"), "r"))
local transcript = f:read("*a")
f:close()

local function json_string(s)
  s = s:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub('\n', '\\n'):gsub('\r', '\\r'):gsub('\t', '\\t')
  return '"' .. s .. '"'
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/fhir+json"
wrk.headers["Accept"] = "application/fhir+json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_KEY")
wrk.body = '{"resourceType":"Parameters","parameter":['
  .. '{"name":"transcript","valueString":' .. json_string(transcript) .. '},'
  .. '{"name":"specialty","valueCode":"physician"}]}'

local non200 = 0
response = function(status, headers, body)
  if status ~= 200 then non200 = non200 + 1 end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("requests=%d non200=%d errors=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f\n",
    summary.requests, non200, summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout + summary.errors.status, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
