-- bench/startup_parts.lua DIR INPUT: where one `glean analyze` start goes,
-- for the checkout in DIR (its lua/ and build/, GLEAN_HOME=DIR): CPU
-- seconds (os.clock) of each part of analyze.new, then the first document, and the process's resident memory
-- (VmRSS, MB) after each.  One process, one line of "part cpu rss" per
-- part; bench/startup.lua runs it RUNS times per side and prints medians.
-- The parts are the public functions analyze.new calls, called here one
-- by one in the order it calls them now, so the same script measures an
-- older revision (BASE) too.
local dir, input = arg[1], arg[2]
local clock = os.clock
local t_start = clock()
package.path = dir .. "/lua/?.lua;" .. dir .. "/lua/?/init.lua;" .. package.path
package.cpath = dir .. "/" .. (os.getenv("GLEAN_BUILD_DIR") or "build") .. "/?.so;" .. package.cpath

local function rss()
  local f = io.open("/proc/self/status", "r")
  local s = f and f:read("a") or ""
  if f then f:close() end
  return (tonumber(s:match("VmRSS:%s*(%d+)")) or 0) / 1024
end

local out = {}
local function note(name, t) out[#out + 1] = string.format("%s %.4f %.1f", name, t, rss()) end

local t = clock()
require "glean.core"
note("core", clock() - t)
t = clock()
local analyze = require "glean.analyze"
local gazetteer = require "glean.gazetteer"
local entities = require "glean.entities"
local rules = require "glean.rules"
require "glean.record"
note("modules", clock() - t)

-- the loads of analyze.new, called one by one (not wrapped: glean.kb_cache
-- keys the knowledge base by the file of entities.load itself), then an
-- analyzer made of them
local function part(name, fn)
  local t0 = clock()
  local r = fn()
  note(name, clock() - t0)
  return r
end
local t_new = clock()
local gz = part("gazetteer", function() return assert(gazetteer.load(gazetteer.default_path(), { cache = true })) end)
local conflicts = part("type_conflicts", function() return gazetteer.type_conflicts(gz) end)
local engine = part("rule_packs", function() return (rules.load({ rules.default_dir() }, { keep_going = true })) end)
local kb = part("entities_kb", function() return assert(entities.load {}) end)
local an = part("analyzer", function()
  return assert(analyze.new { gazetteer = gz, rules = false, entities = false })
end)
an.rules, an.entities, an.gazetteer_warnings = engine, kb, conflicts
t_new = clock() - t_new
local f = assert(io.open(input, "rb"))
local text = f:read("a")
f:close()
t = clock()
local rec = an:document { id = input, text = text }
local s = require("glean.record").encode(rec)
note("first_document", clock() - t)
assert(#s > 0)
note("analyze_new", t_new)
note("total_in_lua", clock() - t_start)
print(table.concat(out, "\n"))
