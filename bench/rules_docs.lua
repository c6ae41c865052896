-- bench/rules_docs.lua BUILD [MB] [RUNS]: the rule scan over the bench
-- documents of bench/analyze.lua (2-10 KB each, BUILD/bench/docs-analyze-MB.jsonl;
-- run `make bench-analyze` once to cut them), as glean analyze runs it:
-- one engine:scan per document.  Side by side in one process, passes in
-- turn, medians of RUNS and the median of the pass-by-pass ratios:
--   A  the engine as it is: a rule whose required bytes a text lacks and
--      that may start at most words (email: any ASCII word) is left out of
--      a scanner variant for such texts;
--   B  the previous engine: every such rule guarded by a call at each
--      position where it may start (rule.broad = false).
-- Both must give the same annotations (checked on every document).
local build, mb, runs = arg[1] or "build", tonumber(arg[2]) or 8, tonumber(arg[3]) or 5
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = build .. "/?.so;" .. package.cpath
local util = dofile("bench/util.lua")
local cjson = require "cjson"
local rules = require "glean.rules"

local path = string.format("%s/bench/docs-analyze-%d.jsonl", build, mb)
assert(util.exists(path), path .. " missing: run `make bench-analyze MB=" .. mb .. "` once")
local docs, bytes = {}, 0
for line in io.lines(path) do
  local t = cjson.decode(line).text
  docs[#docs + 1] = t
  bytes = bytes + #t
end

local a = assert(rules.load("rules"))
local b = assert(rules.load("rules"))
for _, r in ipairs(b.list) do r.broad = false end

local function pass(e)
  local c = os.clock()
  for _, t in ipairs(docs) do e:scan(t) end
  return os.clock() - c
end
pass(a); pass(b)     -- every scanner variant compiled before timing
for _, t in ipairs(docs) do
  local x, y = a:scan(t), b:scan(t)
  assert(#x == #y, "different annotations")
  for k = 1, #x do
    assert(x[k].start == y[k].start and x[k].stop == y[k].stop and x[k].rule == y[k].rule, "different annotations")
  end
end
local ta, tb, ratio = {}, {}, {}
for r = 1, runs do
  tb[r] = pass(b)
  ta[r] = pass(a)
  ratio[r] = ta[r] / tb[r]
end
local ma, mbb, mr = util.median(ta), util.median(tb), util.median(ratio)
print(string.format("rule scan per document: %d documents, %.1f MB, CPU-time medians of %d", #docs, bytes / 1e6, runs))
print(string.format("  A scanner variants without switched-off broad rules  %.3f s  %5.1f MB/s", ma, bytes / 1e6 / ma))
print(string.format("  B a guard call where each gated rule may start      %.3f s  %5.1f MB/s", mbb, bytes / 1e6 / mbb))
print(string.format("  A/B %.3f (%.3f-%.3f)", mr, ratio[1], ratio[#ratio]))
local n = 0
for _ in pairs(a.scanners) do n = n + 1 end
print(string.format("  scanner variants compiled for A: %d", n))
