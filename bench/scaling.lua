-- bench/scaling.lua BUILD MB...: one document of MB megabytes of news-like
-- English (a sentence with people, places, an organisation and a date,
-- repeated) through the whole analyzer (default gazetteer and rules), the
-- aggregate and the JSON Lines encoder; one process per size, so each peak
-- RSS (VmHWM) is its own.  Prints CPU seconds, seconds per MB, mentions,
-- peak RSS above the loaded analyzer, and bytes per mention; the last line
-- is the ratio of the largest to the smallest size's CPU time.
local build = arg[1] or "build"
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = build .. "/?.so;" .. package.cpath

local SENTENCE = "Olaf Scholz met Emmanuel Macron in Berlin on 3 December 2024 to discuss NATO and the European Union. "

local function hwm_kb()
  local f = io.open("/proc/self/status", "r")
  if not f then return 0 end
  local s = f:read("a")
  f:close()
  return tonumber(s:match("VmHWM:%s*(%d+)")) or 0
end

if arg[2] == "--one" then
  local mb = tonumber(arg[3])
  local analyze = require "glean.analyze"
  local aggregate = require "glean.aggregate"
  local record = require "glean.record"
  local an = assert(analyze.new {})
  collectgarbage("collect")
  local base = hwm_kb()
  local text = SENTENCE:rep(math.floor(mb * 1e6 / #SENTENCE))
  local t = os.clock()
  local rec = an:document { id = "big", text = text }
  assert(rec.status == "ok", rec.error)
  aggregate.new():add(rec)
  local line = record.encode(rec)
  local secs = os.clock() - t
  local peak = (hwm_kb() - base) * 1024
  local m = #rec.mentions
  print(string.format("%6.1f MB  %8.2f s CPU  %6.2f s/MB  %8d mentions  %8d annotations  peak +%6.0f MB"
    .. "  (%.1fx the text, %5.0f bytes per mention)  jsonl %.0f MB",
    mb, secs, secs / mb, m, #rec.annotations, peak / 1e6, peak / #text, peak / m, #line / 1e6))
  io.stderr:write(string.format("%.6f\n", secs))
  os.exit(0)
end

local sizes = {}
for i = 2, #arg do sizes[#sizes + 1] = tonumber(arg[i]) end
if #sizes == 0 then sizes = { 1, 10 } end
local times = {}
for _, mb in ipairs(sizes) do
  local p = assert(io.popen(string.format("lua5.4 %s %s --one %s 2>&1", arg[0], build, mb)))
  local out = p:read("a")
  p:close()
  local body, secs = out:match("^(.-)\n([%d.]+)\n$")
  io.write(body or out, "\n")
  times[#times + 1] = tonumber(secs)
end
if #times > 1 and times[1] and times[#times] then
  print(string.format("CPU time ratio %.1f MB / %.1f MB: %.1f (size ratio %.1f)", sizes[#sizes], sizes[1],
    times[#times] / times[1], sizes[#sizes] / sizes[1]))
end
