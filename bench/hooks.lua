-- wrk script for bench/hooks-bench.sh: POSTs rotating over hook ids and payload files, counts answers.
--
--   wrk -t2 -c8 -d30s -s bench/hooks.lua http://127.0.0.1:8080 -- /hooks/ hooks.txt PAYLOAD_FILE...
--
-- Arguments after "--": the path prefix (/hooks/ or the bench build's /hooks-noop/), a file of hook ids
-- (one a line, appended to the prefix), then the payload files. A file ending in .form is sent as
-- application/x-www-form-urlencoded, any other as application/json. Every (hook, payload) pair is
-- formatted once in init; request() only hands the next one out.
--
-- With a path alone after "--" it GETs that path instead (bench/compare.sh's ping rate):
--
--   wrk -t2 -c8 -d30s -s bench/hooks.lua http://127.0.0.1:8080 -- /api/v4/system/ping
--
-- A 2xx is counted as ok, anything else as non2xx (wrk itself counts only status > 399). done() prints one
-- line "RESULT key=value ..." that the script reads: ok, non2xx, socket errors, and latency percentiles in µs.

local threads = {}

function setup(thread)
   table.insert(threads, thread)
   -- setup() runs in wrk's main state before the thread's init(): this is how a thread learns its number.
   thread:set("thread_index", #threads)
end

local function read_file(path)
   local f = assert(io.open(path, "rb"))
   local content = f:read("*a")
   f:close()
   return content
end

local requests = {}
local next_request = 1

function init(args)
   ok, non2xx, first_error = 0, 0, ""
   local prefix, hooks_file = args[1], args[2]
   if hooks_file == nil then
      assert(prefix, "need a path to GET, or the path prefix, a file of hook ids and payload files")
      requests[1] = wrk.format("GET", prefix)
      return
   end
   local hooks = {}
   for line in io.lines(hooks_file) do
      if line:match("%S") then table.insert(hooks, line:match("^%s*(.-)%s*$")) end
   end
   local payloads = {}
   for i = 3, #args do
      local content_type = args[i]:match("%.form$") and "application/x-www-form-urlencoded" or "application/json"
      table.insert(payloads, { content_type = content_type, body = read_file(args[i]) })
   end
   assert(#hooks > 0 and #payloads > 0, "need at least one hook id and one payload file")
   -- hooks[i % #hooks] with payloads[i % #payloads]: every pair comes round when the counts are coprime,
   -- and every payload goes to every hook often enough when they are not.
   local pairs_count = #hooks * #payloads
   for i = 0, pairs_count - 1 do
      local payload = payloads[(i % #payloads) + 1]
      local hook = hooks[(i % #hooks) + 1]
      requests[i + 1] = wrk.format("POST", prefix .. hook, { ["Content-Type"] = payload.content_type }, payload.body)
   end
   -- Threads start at different places in the rotation.
   next_request = ((thread_index or 1) * 7) % #requests + 1
end

function request()
   local r = requests[next_request]
   next_request = next_request % #requests + 1
   return r
end

function response(status, headers, body)
   if status >= 200 and status < 300 then
      ok = ok + 1
   else
      non2xx = non2xx + 1
      if first_error == "" then first_error = status .. " " .. (body or ""):sub(1, 200) end
   end
end

function done(summary, latency, requests_stats)
   local total_ok, total_non2xx, first = 0, 0, ""
   for _, thread in ipairs(threads) do
      total_ok = total_ok + thread:get("ok")
      total_non2xx = total_non2xx + thread:get("non2xx")
      local e = thread:get("first_error")
      if first == "" and e and e ~= "" then first = e end
   end
   local errors = summary.errors
   local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
   local seconds = summary.duration / 1e6
   if first ~= "" then io.write("first non-2xx answer: ", (first:gsub("%s+", " ")), "\n") end
   io.write(string.format(
      "RESULT requests=%d ok=%d non2xx=%d socket_errors=%d connect=%d read=%d write=%d timeout=%d " ..
      "seconds=%.3f ok_per_s=%.1f p50_us=%d p99_us=%d p999_us=%d max_us=%d\n",
      summary.requests, total_ok, total_non2xx, socket_errors, errors.connect, errors.read, errors.write,
      errors.timeout, seconds, total_ok / seconds, latency:percentile(50), latency:percentile(99),
      latency:percentile(99.9), latency.max))
end
