-- bench/analyze_ab.lua BUILD BASE [MB] [ROUNDS]: bench/analyze.lua for this
-- checkout (A) and BASE (B: a git revision, exported with `git archive` into
-- BUILD/bench/base-REV and built there the first time, or the directory of a
-- built checkout, e.g. this tree with some commits reverted), one pass over
-- the same MB megabytes of bench documents each, in turn A B A B ... ROUNDS
-- times.  Prints each side's median CPU time per stage and end to end
-- (--format jsonl), and the median of the round-by-round ratios A/B, which
-- stays meaningful when the shared machine's speed drifts during the run.
local build, base_rev = arg[1] or "build", arg[2]
local mb, rounds = tonumber(arg[3]) or 4, tonumber(arg[4]) or 5
local util = dofile("bench/util.lua")
assert(base_rev, "usage: lua5.4 bench/analyze_ab.lua BUILD BASE [MB] [ROUNDS]")

local q, sh = util.q, util.sh

local here = io.popen("pwd"):read("l")
local docs = string.format("%s/%s/bench/docs-analyze-%d.jsonl", here, build, mb)
local sides = { { name = "A", dir = here } }
if util.exists(base_rev .. "/bin/glean") then
  sides[2] = { name = "B", dir = base_rev, label = base_rev }
else
  local dir, rev = util.base_checkout(base_rev, here .. "/" .. build .. "/bench", "bench/analyze_ab.lua")
  sides[2] = { name = "B", dir = dir, label = rev }
end

-- one pass of bench/analyze.lua in a side's directory -> { [row] = seconds }
local function run(side)
  -- the same documents for both sides (A's, made by its first pass)
  if side.name == "B" then
    sh(string.format("mkdir -p %s/build/bench && cp %s %s/build/bench/", q(side.dir), q(docs), q(side.dir)))
  end
  local p = io.popen(string.format("cd %s && GLEAN_HOME=%s lua5.4 bench/analyze.lua build %d 1 2>&1",
    q(side.dir), q(side.dir), mb))
  local out = p:read("a")
  p:close()
  local t = {}
  for name, s in out:gmatch("\n  ([%w ,/%-%(%)]-)%s%s+([%d.]+)") do t[name] = tonumber(s) end
  assert(t["stage entities"] and t["end to end, --format jsonl"], "bench/analyze_ab.lua: no figures in\n" .. out)
  return t
end

run(sides[1])   -- warm-up: makes the documents and fills the caches
run(sides[2])
local res = { {}, {} }
for r = 1, rounds do
  for i, side in ipairs(sides) do res[i][r] = run(side) end
  io.stderr:write(string.format("round %d/%d\n", r, rounds))
end

local rows = {}
for name in pairs(res[1][1]) do if res[2][1][name] then rows[#rows + 1] = name end end
table.sort(rows)
print(string.format("bench/analyze.lua %d MB, A = this checkout, B = %s, %d rounds A B A B ..., CPU s medians",
  mb, sides[2].label, rounds))
print(string.format("  %-40s %8s %8s %8s", "step", "A", "B", "A/B"))
for _, name in ipairs(rows) do
  local a, b, ratio = {}, {}, {}
  for r = 1, rounds do
    a[r], b[r] = res[1][r][name], res[2][r][name]
    ratio[r] = b[r] > 0 and a[r] / b[r] or 1
  end
  print(string.format("  %-40s %8.3f %8.3f %8.3f", name, util.median(a), util.median(b), util.median(ratio)))
end
