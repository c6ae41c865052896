-- bench/bindings.lua BUILD [RUNS] [MB] [BASE] -- the Lua bindings against the C
-- core they wrap, side by side in one run (issue 16), on the first MB
-- megabytes of the bench corpus (make bench-corpus; cut at a line end):
--
--   1. glean.fold with its offset map, called per line, against raw ICU
--      NFKC_Casefold per line (bench_icu nfkc_cf_lines: UTF-16 round trip,
--      reused buffers) and over the whole text; the C fold per line
--      (bench_matcher foldlines) is the floor the binding adds to;
--   2. gz:find_all (and gz:find_flat, where the tree has it) over the text
--      cut into ~64 KiB documents at line ends, against the C scan of the
--      same documents (bench_matcher open: gl_matcher_scan_with, one reused
--      scanner), on the 100k-alias bench gazetteer (BUILD/bench/gaz100000.glz);
--   3. `glean match --format tsv|jsonl` (the whole process: start-up, reading
--      the file, every match written to a file) on the same text as one file
--      and the same gazetteer, against the same C scan; with BASE, both
--      trees must write the same bytes.
--
-- Times are CPU seconds (os.clock in Lua, CLOCK_PROCESS_CPUTIME_ID in C,
-- user + system from /usr/bin/time for the CLI); MB/s are 10^6 input bytes
-- per second.  RUNS rounds, each running the C baselines and then the Lua
-- paths once per side; the ratios are the medians of the per-round ratios.  BASE (a git revision, exported and built
-- under BUILD/bench/base-REV, or a built checkout's directory) adds a B
-- column: the same Lua paths and CLI with that tree's modules and core.
-- MB defaults to 64: the whole bench corpus, as bench-matcher scans it (the
-- issue's "100k-alias bench"); the CLI's start-up (~0.08 s) weighs more on
-- less.  Run via `make bench-bindings`.
local U = dofile("bench/util.lua")

local q = U.q

-- Docs of ~64 KiB cut at line ends, exactly as bench_matcher's scan cuts them.
local function documents(text)
  local d, pos = {}, 1
  while pos <= #text do
    local e = pos + 65536
    if e > #text then e = #text + 1
    else e = text:find("\n", e, true) or #text + 1 end
    d[#d + 1] = text:sub(pos, e - 1)
    pos = e
  end
  return d
end

-- Child mode: bench/bindings.lua --lua CORPUS GLZ RUNS, run with one tree's
-- LUA_PATH/LUA_CPATH; prints "key MB/s" lines.
if arg[1] == "--lua" then
  local glean = require "glean"
  local gazetteer = require "glean.gazetteer"
  local text, runs = U.read(arg[2]), tonumber(arg[4])
  local mb = #text / 1e6
  local fold = glean.fold
  -- one untimed run, then each timed run ends with a full collection: a path
  -- pays for its own garbage (finalizers included), not the next path measured
  local function rate(key, f)
    f()   -- untimed: the heap grows to the path's working size (first-touch page faults)
    collectgarbage()
    print(key, string.format("%.1f", mb / U.time(runs, function() f(); collectgarbage() end)))
  end
  fold("warm-up: the fold profile is built on first use")
  do   -- each path with only its own input live (a bigger live heap slows every collection)
    local lines = {}
    for line in text:gmatch("[^\n]+\n?") do lines[#lines + 1] = line end
    rate("fold_map_lines", function() for k = 1, #lines do fold(lines[k]) end end)
    local nomap = { map = false }
    rate("fold_nomap_lines", function() for k = 1, #lines do fold(lines[k], nil, nomap) end end)
  end
  collectgarbage()
  local docs = documents(text)
  local gz = assert(gazetteer.load(arg[3]))
  local n = 0
  for k = 1, #docs do n = n + #gz:find_all(docs[k]) end
  print("find_all_matches", n)
  rate("find_all", function() for k = 1, #docs do gz:find_all(docs[k]) end end)
  if gz.find_flat then
    local into = {}
    rate("find_flat", function() for k = 1, #docs do gz:find_flat(docs[k], nil, into) end end)
  end
  os.exit(0)
end

local build = arg[1] or "build"
local runs = tonumber(arg[2]) or 3
local mb = tonumber(arg[3]) or 64
local base_rev = arg[4]
if base_rev == "" then base_rev = nil end

local sh = U.sh

-- "key value" lines of a command -> table
local function keyvals(cmd)
  local res = {}
  local p = assert(io.popen(cmd))
  for line in p:lines() do
    local k, v = line:match("^(%S+)%s+(%S+)")
    if k then res[k] = tonumber(v) or v end
  end
  assert(p:close(), "failed: " .. cmd)
  return res
end

local here = io.popen("pwd"):read("l")
local B = here .. "/" .. build .. "/bench"
local sides = { { name = "A", dir = here } }
if base_rev and U.exists(base_rev .. "/bin/glean") then
  sides[2] = { name = "B", dir = base_rev, label = base_rev:match("[^/]*$") }
elseif base_rev then
  local dir, rev = U.base_checkout(base_rev, B, "bench/bindings.lua")
  sides[2] = { name = "B", dir = dir, label = rev }
end

-- the corpus prefix, cut at a line end
local corpus = B .. "/bindings-corpus.txt"
do
  local all = U.read(B .. "/corpus.txt")
  local cut = all:find("\n", math.floor(mb * 1e6), true) or #all
  U.write(corpus, all:sub(1, cut))
end
local size = #U.read(corpus)
local glz = B .. "/gaz100000.glz"

-- The C baselines, one run each: ICU per line and whole text, the C fold per
-- line, the C scan of the 64 KiB documents.
local function baselines()
  local c = {}
  local p = assert(io.popen(string.format("%s/bench_icu %s 1", q(B), q(corpus))))
  for line in p:lines() do
    local task, mbs = line:match("^(%S+) %S+ %S+ (%S+)$")
    if task then c[task] = tonumber(mbs) end
  end
  assert(p:close(), "bench_icu failed")
  local f = keyvals(string.format("%s/bench_matcher foldlines %s 1", q(B), q(corpus)))
  local m = keyvals(string.format("%s/bench_matcher open %s %s 1", q(B), q(glz), q(corpus)))
  c.fold_map, c.fold_nomap, c.scan, c.matches = f.fold_lines_map_MBps, f.fold_lines_nomap_MBps, m.scan_MBps, m.matches
  return c
end

-- What each Lua path is set against: { key, label, baseline, against }.
local rows = {
  { "fold_map_lines", "1. fold + map, per line", "nfkc_cf_lines", "ICU NFKC_CF per line" },
  { "fold_map_lines", "   fold + map, per line", "nfkc_cf", "ICU NFKC_CF whole text" },
  { "fold_map_lines", "   fold + map, per line", "fold_map", "C fold + map per line" },
  { "fold_nomap_lines", "   fold, no map, per line", "fold_nomap", "C fold per line" },
  { "find_all", "2. gz:find_all, 64 KiB documents", "scan", "C scan" },
  { "find_flat", "   gz:find_flat, 64 KiB documents", "scan", "C scan" },
  { "cli_tsv", "3. glean match --format tsv", "scan", "C scan" },
  { "cli_jsonl", "   glean match --format jsonl", "scan", "C scan" },
}

-- RUNS rounds; in each, every side runs right after its own C baselines, so
-- a ratio compares runs seconds apart (the shared machine's load drifts over
-- minutes).  Reported: medians of the MB/s and of the per-round ratios.
local tfile = os.tmpname()
local outs, cmatches = {}, nil
for _, side in ipairs(sides) do side.mbs, side.ratio = {}, {} end
for _ = 1, runs do
  for _, side in ipairs(sides) do
    local c = baselines()
    cmatches = c.matches
    local env = string.format("LUA_PATH=%s LUA_CPATH=%s GLEAN_HOME=%s",
      q(side.dir .. "/lua/?.lua;" .. side.dir .. "/lua/?/init.lua;;"), q(side.dir .. "/build/?.so;;"), q(side.dir))
    local v = keyvals(string.format("env %s lua5.4 bench/bindings.lua --lua %s %s 1", env, q(corpus), q(glz)))
    for _, fmt in ipairs({ "tsv", "jsonl" }) do
      local ofile = os.tmpname()
      sh(string.format("env %s /usr/bin/time -o %s -f '%%U %%S' lua5.4 %s/bin/glean match --gazetteer %s "
        .. "--format %s %s > %s", env, q(tfile), q(side.dir), q(glz), fmt, q(corpus), q(ofile)))
      local u, st = U.read(tfile):match("([%d.]+) ([%d.]+)")
      v["cli_" .. fmt] = size / 1e6 / (tonumber(u) + tonumber(st))
      local out = U.read(ofile)
      os.remove(ofile)
      side["lines_" .. fmt] = select(2, out:gsub("\n", ""))
      -- every side must write the same bytes (B is the old revision)
      if outs[fmt] and outs[fmt] ~= out then
        error("glean match --format " .. fmt .. ": A and B wrote different output")
      end
      outs[fmt] = out
    end
    for k, row in ipairs(rows) do
      local x = tonumber(v[row[1]])
      if x then
        side.mbs[k] = side.mbs[k] or {}
        side.ratio[k] = side.ratio[k] or {}
        side.mbs[k][#side.mbs[k] + 1] = x
        side.ratio[k][#side.ratio[k] + 1] = x / c[row[3]]
        row.base = row.base or {}
        row.base[#row.base + 1] = c[row[3]]
      end
    end
  end
end
os.remove(tfile)

print(string.format("bench-bindings: %s, %.1f MB, %d lines; %d rounds, medians of CPU time and of per-round "
  .. "ratios; 100k-alias bench gazetteer: %d matches in 64 KiB documents (C), glean match wrote %d lines (tsv) "
  .. "and %d (jsonl)%s", corpus, size / 1e6, select(2, U.read(corpus):gsub("\n", "")), runs, cmatches,
  sides[1].lines_tsv, sides[1].lines_jsonl, sides[2] and ", A and B the same bytes" or ""))
local head = string.format("%-36s %8s %8s", "Lua path", "A MB/s", "A ratio")
if sides[2] then head = head .. string.format(" %8s %8s", "B MB/s", "B ratio") end
print(head .. "  against (median MB/s)")
for k, row in ipairs(rows) do
  local line = string.format("%-36s", row[2])
  for _, side in ipairs(sides) do
    if side.mbs[k] then
      line = line .. string.format(" %8.1f %7.2fx", U.median(side.mbs[k]), U.median(side.ratio[k]))
    else line = line .. string.format(" %8s %8s", "-", "-") end
  end
  print(line .. string.format("  %s %.1f", row[4], U.median(row.base)))
end
if sides[2] then print("B: " .. sides[2].label .. " (" .. sides[2].dir .. ")") end
