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
-- user + system from /usr/bin/time for the CLI), medians of RUNS; MB/s are
-- 10^6 input bytes per second.  BASE (a git revision, exported and built
-- under BUILD/bench/base-REV, or a built checkout's directory) adds a B
-- column: the same Lua paths and CLI with that tree's modules and core.
-- MB defaults to 64: the whole bench corpus, as bench-matcher scans it (the
-- issue's "100k-alias bench"); the CLI's start-up (~0.08 s) weighs more on
-- less.  Run via `make bench-bindings`.
local U = dofile("bench/util.lua")

local function q(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

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
  local function rate(key, f) print(key, string.format("%.1f", mb / U.time(runs, f))) end
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

local function sh(cmd)
  if not os.execute(cmd) then error("failed: " .. cmd) end
end

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
  local rev = io.popen("git rev-parse --short " .. q(base_rev)):read("l")
  assert(rev and rev ~= "", "bench/bindings.lua: unknown revision " .. base_rev)
  local dir = string.format("%s/base-%s", B, rev)
  if not U.exists(dir .. "/build/glean/core.so") then
    sh("rm -rf " .. q(dir) .. " && mkdir -p " .. q(dir))
    sh("git archive " .. q(rev) .. " | tar -x -C " .. q(dir))
    sh("make -s -C " .. q(dir) .. " all >/dev/null")
  end
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

local icu = {}
do
  local p = assert(io.popen(string.format("%s/bench_icu %s %d", q(B), q(corpus), runs)))
  for line in p:lines() do
    local task, mbs = line:match("^(%S+) %S+ %S+ (%S+)$")
    if task then icu[task] = tonumber(mbs) end
  end
  assert(p:close(), "bench_icu failed")
end
local cfold = keyvals(string.format("%s/bench_matcher foldlines %s %d", q(B), q(corpus), runs))
local cscan = keyvals(string.format("%s/bench_matcher open %s %s %d", q(B), q(glz), q(corpus), runs))

local tfile = os.tmpname()
local outs = {}
for _, side in ipairs(sides) do
  local env = string.format("LUA_PATH=%s LUA_CPATH=%s GLEAN_HOME=%s",
    q(side.dir .. "/lua/?.lua;" .. side.dir .. "/lua/?/init.lua;;"), q(side.dir .. "/build/?.so;;"), q(side.dir))
  side.lua = keyvals(string.format("env %s lua5.4 bench/bindings.lua --lua %s %s %d", env, q(corpus), q(glz), runs))
  for _, fmt in ipairs({ "tsv", "jsonl" }) do
    local t, ofile = {}, os.tmpname()
    for r = 1, runs do
      sh(string.format("env %s /usr/bin/time -o %s -f '%%U %%S' lua5.4 %s/bin/glean match --gazetteer %s "
        .. "--format %s %s > %s", env, q(tfile), q(side.dir), q(glz), fmt, q(corpus), q(ofile)))
      local u, s = U.read(tfile):match("([%d.]+) ([%d.]+)")
      t[r] = tonumber(u) + tonumber(s)
    end
    side["cli_" .. fmt] = size / 1e6 / U.median(t)
    local out = U.read(ofile)
    os.remove(ofile)
    side["lines_" .. fmt] = select(2, out:gsub("\n", ""))
    -- every side must write the same bytes (B is the old revision)
    if outs[fmt] then
      assert(outs[fmt] == out, "glean match --format " .. fmt .. ": A and B wrote different output")
    end
    outs[fmt] = out
  end
end
os.remove(tfile)

print(string.format("bench-bindings: %s, %.1f MB, %d lines; %d runs, medians of CPU time; 100k-alias bench "
  .. "gazetteer: %d matches in 64 KiB documents (C), glean match wrote %d lines (tsv) and %d (jsonl)%s",
  corpus, size / 1e6, select(2, U.read(corpus):gsub("\n", "")), runs, cscan.matches, sides[1].lines_tsv,
  sides[1].lines_jsonl, sides[2] and ", A and B the same bytes" or ""))
local head = string.format("%-40s %10s %8s", "Lua path", "A MB/s", "A ratio")
if sides[2] then head = head .. string.format(" %10s %8s", "B MB/s", "B ratio") end
print(head .. "  against")
local function row(label, key, cval, against)
  local line = string.format("%-40s", label)
  for _, side in ipairs(sides) do
    local v = side.lua[key] or side[key]
    if v then line = line .. string.format(" %10.1f %7.2fx", v, v / cval)
    else line = line .. string.format(" %10s %8s", "-", "-") end
  end
  print(line .. "  " .. against .. string.format(" %.1f MB/s", cval))
end
row("1. fold + map, per line", "fold_map_lines", icu.nfkc_cf_lines, "ICU NFKC_CF per line")
row("   fold + map, per line", "fold_map_lines", icu.nfkc_cf, "ICU NFKC_CF whole text")
row("   fold + map, per line", "fold_map_lines", cfold.fold_lines_map_MBps, "C fold + map per line")
row("   fold, no map, per line", "fold_nomap_lines", cfold.fold_lines_nomap_MBps, "C fold per line")
row("2. gz:find_all, 64 KiB documents", "find_all", cscan.scan_MBps, "C scan")
row("   gz:find_flat, 64 KiB documents", "find_flat", cscan.scan_MBps, "C scan")
row("3. glean match --format tsv", "cli_tsv", cscan.scan_MBps, "C scan")
row("   glean match --format jsonl", "cli_jsonl", cscan.scan_MBps, "C scan")
if sides[2] then print("B: " .. sides[2].label .. " (" .. sides[2].dir .. ")") end
