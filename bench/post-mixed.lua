-- wrk script: each connection alternates POST /v1/note and POST /fhir/$generate-soap (which validates
-- its Bundle) with the transcript from BENCH_TRANSCRIPT, authenticated with BENCH_KEY. With
-- BENCH_MIX=v1 it sends only /v1/note (a deployment whose FHIR validator is never built).
-- Same output line as post-note.lua: all requests together, counting non-200 answers.
local f = assert(io.open(os.getenv("BENCH_TRANSCRIPT"), "r"))
local transcript = f:read("*a")
f:close()

local function json_string(s)
  s = s:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub('\n', '\\n'):gsub('\r', '\\r'):gsub('\t', '\\t')
  return '"' .. s .. '"'
end

local auth = "Bearer " .. os.getenv("BENCH_KEY")
local note, soap
-- Built in init(): wrk.format takes the Host header from wrk.headers, which wrk fills in only then.
init = function(args)
  note = wrk.format("POST", "/v1/note",
  { ["Content-Type"] = "application/json", ["Authorization"] = auth },
  '{"transcript":' .. json_string(transcript) .. ',"specialty":"physician"}')
  soap = wrk.format("POST", "/fhir/$generate-soap",
  { ["Content-Type"] = "application/fhir+json", ["Accept"] = "application/fhir+json", ["Authorization"] = auth },
  '{"resourceType":"Parameters","parameter":['
    .. '{"name":"transcript","valueString":' .. json_string(transcript) .. '},'
    .. '{"name":"specialty","valueCode":"physician"}]}')
end
local v1_only = os.getenv("BENCH_MIX") == "v1"

local n = 0
request = function()
  n = n + 1
  if v1_only or n % 2 == 0 then return note end
  return soap
end

-- Each wrk thread has its own Lua state: count there, sum in done().
local threads = {}
setup = function(thread) table.insert(threads, thread) end
non200 = 0
response = function(status, headers, body)
  if status ~= 200 then non200 = non200 + 1 end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local non200 = 0
  for _, t in ipairs(threads) do non200 = non200 + t:get("non200") end
  io.write(string.format("requests=%d non200=%d errors=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f\n",
    summary.requests, non200, summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout + summary.errors.status, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
