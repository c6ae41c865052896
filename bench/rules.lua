-- bench/rules.lua BUILD [RUNS]: MB/s of all default rule packs over the
-- bench corpus (BUILD/bench/corpus.txt, else build/bench/corpus.txt, else
-- >= 32 MiB made by repeating ../shared/corpus/*.txt), and the measured
-- cost of one more rule.
local build, runs = arg[1] or "build", tonumber(arg[2]) or 5
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = build .. "/?.so;" .. package.cpath
local rules = require "glean.rules"

local function read(p)
  local f = io.open(p, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

local text = read(build .. "/bench/corpus.txt") or read("build/bench/corpus.txt")
local source = "corpus.txt"
if not text then
  local parts = {}
  for _, n in ipairs({ "de.txt", "fa.txt", "hi.txt" }) do
    parts[#parts + 1] = read("../shared/corpus/" .. n) or error("no bench corpus and no ../shared/corpus/" .. n)
  end
  local unit = table.concat(parts, "\n")
  text = unit:rep(math.ceil(32 * 1024 * 1024 / #unit))
  source = "../shared/corpus/*.txt repeated"
end

-- median CPU time of `runs` scans (the machine is shared and noisy)
local function best(engine)
  local ts, n = {}, 0
  for k = 1, runs do
    local c = os.clock()
    n = #engine:scan(text)
    ts[k] = os.clock() - c
  end
  table.sort(ts)
  return ts[(runs + 1) // 2], n
end

local engine = assert(rules.load("rules"))
local t, n = best(engine)
local mb = #text / 1e6
print(string.format("rules: %d rules, %.1f MB (%s), %d annotations, median of %d: %.3f s = %.1f MB/s",
  #engine.list, mb, source, n, runs, t, mb / t))

-- one more rule: a plain re rule added to a copy of the packs
local extra = assert(rules.compile([[
return { rule "ticket" { pattern = "[A-Z]^+3 '-' %D^+1", examples = { ["ABC-12"] = "ABC-12" } } }
]], "@bench-extra.lua"))
local packs = {}
for i, p in ipairs(engine.packs) do packs[i] = p end
packs[#packs + 1] = extra
local t2 = best(rules.new(packs))
print(string.format("one more rule: %.3f s = %.1f MB/s (+%.1f%%, %.2f ns/byte)",
  t2, mb / t2, (t2 - t) / t * 100, (t2 - t) / #text * 1e9))

-- one more rule the prefilter cannot see through (a word-boundary function
-- before anything is consumed), so it is tried at every position
local anywhere = assert(rules.compile([[
return { rule "anywhere" { pattern = V.wb * lpeg.R("AZ") * "§", examples = { ["A§"] = "A§" } } }
]], "@bench-anywhere.lua"))
packs[#packs] = anywhere
local t3 = best(rules.new(packs))
print(string.format("one more rule tried everywhere: %.3f s = %.1f MB/s (+%.1f%%, %.2f ns/byte)",
  t3, mb / t3, (t3 - t) / t * 100, (t3 - t) / #text * 1e9))
