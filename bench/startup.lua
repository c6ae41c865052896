-- bench/startup.lua BUILD [BASE] [RUNS] [INPUT]: whole-process time of
-- `glean analyze --format jsonl INPUT` (default one sample, 1.4 KB: the
-- process is nearly all start-up) for this checkout (A) and for BASE (B): a
-- git revision, or the directory of a built checkout (e.g. this tree with a
-- change reverted: git revert --no-commit in a scratch worktree, make all),
-- run in turn A B A B ... RUNS times each, timed by /usr/bin/time (wall,
-- user + system CPU, peak RSS).  Prints each side's median and the median of
-- the pair-by-pair ratios A/B, which stays meaningful when the machine's
-- speed drifts during the run (2 shared cores).  Then where the start goes
-- on each side: bench/startup_parts.lua (CPU per part, resident memory
-- after each), run once per side in each round, medians.
--
-- A revision is exported with `git archive` into BUILD/bench/base-REV and
-- built there (make all) the first time.  Each side runs with its own
-- GLEAN_HOME.  With CACHE=cold each run of A starts from an empty cache
-- directory (GLEAN_CACHE_DIR, the rule-prefix and gazetteer caches: the
-- first run after an upgrade or an edited pack); the default is a warm cache.
local build = arg[1] or "build"
local base_rev = arg[2] ~= "-" and arg[2] or nil   -- "-": this checkout alone
local runs = tonumber(arg[3]) or 7
local input = arg[4] or "samples/2024-12-03-en-summit.txt"
local util = dofile("bench/util.lua")

local q, sh = util.q, util.sh

local here = io.popen("pwd"):read("l")
local sides = { { name = "A (this checkout)", dir = here } }
if base_rev and util.exists(base_rev .. "/bin/glean") then   -- a built checkout (a tree without some change)
  local dir = base_rev:sub(1, 1) == "/" and base_rev or here .. "/" .. base_rev   -- (each side runs in its dir)
  sides[2] = { name = "B (" .. base_rev:match("[^/]*$") .. ")", dir = dir }
elseif base_rev then
  local dir, rev = util.base_checkout(base_rev, here .. "/" .. build .. "/bench", "bench/startup.lua")
  sides[2] = { name = "B (" .. rev .. ")", dir = dir }
end

local cache = os.getenv("CACHE") or "warm"
local cache_dir = string.format("%s/%s/bench/startup-cache", here, build)
local tfile = os.tmpname()

-- one run of a side -> wall, cpu, peak MB
local function run(side)
  local env = "GLEAN_HOME=" .. q(side.dir) .. " GLEAN_CACHE_DIR=" .. q(cache_dir .. "-" .. side.name:sub(1, 1))
  if cache == "cold" then sh("rm -rf " .. q(cache_dir .. "-" .. side.name:sub(1, 1))) end
  sh(string.format("cd %s && env %s /usr/bin/time -o %s -f '%%e %%U %%S %%M' "
    .. "lua5.4 bin/glean analyze -q --format jsonl %s >/dev/null", q(side.dir), env, q(tfile), q(here .. "/" .. input)))
  local e, u, s, m = util.read(tfile):match("([%d.]+) ([%d.]+) ([%d.]+) (%d+)")
  return tonumber(e), tonumber(u) + tonumber(s), tonumber(m) / 1024
end

-- one run of bench/startup_parts.lua for a side -> { [part] = { cpu, rss } }, parts in order
local function parts(side)
  local env = "GLEAN_HOME=" .. q(side.dir) .. " GLEAN_CACHE_DIR=" .. q(cache_dir .. "-" .. side.name:sub(1, 1))
  local p = io.popen(string.format("cd %s && env %s lua5.4 %s %s %s", q(side.dir), env,
    q(here .. "/bench/startup_parts.lua"), q(side.dir), q(here .. "/" .. input)))
  local got, order = {}, {}
  for line in p:lines() do
    local name, c, m = line:match("^(%S+) ([%d.]+) ([%d.]+)$")
    if name then got[name] = { tonumber(c), tonumber(m) }; order[#order + 1] = name end
  end
  assert(p:close(), "bench/startup_parts.lua failed for " .. side.name)
  return got, order
end

for _, side in ipairs(sides) do run(side) end   -- warm-up (and a warm cache)
local res = {}
for i in ipairs(sides) do res[i] = { wall = {}, cpu = {}, peak = {}, parts = {} } end
local ratio_wall, ratio_cpu = {}, {}
local order
for r = 1, runs do
  for i, side in ipairs(sides) do
    local w, c, m = run(side)
    res[i].wall[r], res[i].cpu[r], res[i].peak[r] = w, c, m
    local got, o = parts(side)
    if i == 1 then order = o end
    for name, v in pairs(got) do
      res[i].parts[name] = res[i].parts[name] or { cpu = {}, rss = {} }
      res[i].parts[name].cpu[r], res[i].parts[name].rss[r] = v[1], v[2]
    end
  end
  if #sides == 2 then
    ratio_wall[r] = res[1].wall[r] / res[2].wall[r]
    ratio_cpu[r] = res[1].cpu[r] / res[2].cpu[r]
  end
end
os.remove(tfile)

print(string.format("glean analyze --format jsonl %s (whole process), %s cache, medians of %d (min-max)",
  input, cache, runs))
local function mmm(t)
  local c = {}
  for k, v in ipairs(t) do c[k] = v end
  table.sort(c)
  return string.format("%6.3f (%5.3f-%5.3f)", util.median(c), c[1], c[#c])
end
print(string.format("  %-22s %-22s %-22s %s", "side", "wall s", "user+sys s", "peak MB"))
for i, side in ipairs(sides) do
  local p = {}
  for k, v in ipairs(res[i].peak) do p[k] = v end
  print(string.format("  %-22s %-22s %-22s %.0f", side.name, mmm(res[i].wall), mmm(res[i].cpu), util.median(p)))
end
if #sides == 2 then
  print(string.format("  %-22s %-22s %-22s", "ratio A/B (pairs)", mmm(ratio_wall), mmm(ratio_cpu)))
end
-- the parts (bench/startup_parts.lua: os.clock around each, in the order
-- analyze.new runs them in A; VmRSS after each), medians
print("where the start goes (CPU s, medians; RSS MB after the part)")
local head = string.format("  %-16s", "part")
for _, side in ipairs(sides) do head = head .. string.format(" %10s %8s", side.name:sub(1, 1) .. " cpu", "rss") end
print(head)
for _, name in ipairs(order or {}) do
  local line = string.format("  %-16s", name)
  for i in ipairs(sides) do
    local pt = res[i].parts[name]
    if pt then
      local c, m = {}, {}
      for k, v in pairs(pt.cpu) do c[k] = v end
      for k, v in pairs(pt.rss) do m[k] = v end
      line = line .. string.format(" %10.3f %8.0f", util.median(c), util.median(m))
    else
      line = line .. string.format(" %10s %8s", "-", "-")
    end
  end
  print(line)
end
