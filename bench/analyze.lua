-- bench/analyze.lua BUILD [MB] [RUNS]: `glean analyze` on the bench corpus
-- cut into JSON Lines documents of 2-10 KB (BUILD/bench/docs-analyze-MB.jsonl,
-- made from BUILD/bench/corpus.txt; `make bench-corpus`), in one process:
--   * the analyzer's set-up (gazetteer, rule packs) and the time to the first
--     document's record,
--   * CPU time per stage of analyze.STAGES, the JSON record encoding, the
--     aggregation and the HTML report, summed over every document,
--   * MB/s per core end to end for --format jsonl (read + stages + encode)
--     and for the HTML report (read + stages + aggregate + render),
-- medians of RUNS passes over the documents (CPU time, os.clock).
local build, mb, runs = arg[1] or "build", tonumber(arg[2]) or 8, tonumber(arg[3]) or 3
package.path = "lua/?.lua;lua/?/init.lua;" .. package.path
package.cpath = build .. "/?.so;" .. package.cpath
local util = dofile("bench/util.lua")
local cjson = require "cjson"

-- the documents: cut at line ends, sizes cycling through 2..10 KB
local docs_path = string.format("%s/bench/docs-analyze-%d.jsonl", build, mb)
if not util.exists(docs_path) then
  local text = util.read(build .. "/bench/corpus.txt")
  local out, pos, n, total, limit = {}, 1, 0, 0, mb * 1000000
  while pos <= #text and total < limit do
    local want = 2000 + (n * 1733) % 8001   -- 2000..10000 bytes
    local stop = text:find("\n", pos + want - 1, true) or #text
    if stop - pos + 1 > 10240 then   -- no line end near: cut at a character boundary
      stop = pos + want - 1
      while stop < #text and (text:byte(stop + 1) or 0) & 0xC0 == 0x80 do stop = stop + 1 end
    end
    n = n + 1
    out[n] = cjson.encode({ id = "doc" .. n, text = text:sub(pos, stop) })
    total = total + (stop - pos + 1)
    pos = stop + 1
  end
  util.write(docs_path, table.concat(out, "\n") .. "\n")
end

local clock = os.clock
local t0 = clock()
local analyze = require "glean.analyze"
local inputs = require "glean.inputs"
local record = require "glean.record"
local aggregate = require "glean.aggregate"
local report = require "glean.report"
local an = assert(analyze.new {})
local t_setup = clock() - t0

-- the stages, each wrapped to sum its CPU time
local acc = {}
local stages = {}
for i, st in ipairs(analyze.STAGES) do
  local run, name = st.run, st.name
  acc[name] = 0
  stages[i] = { name = name, run = function(a, rec, ctx)
    local c = clock()
    run(a, rec, ctx)
    acc[name] = acc[name] + (clock() - c)
  end }
end
an.stages = stages

local function read_docs()
  local f = assert(io.open(docs_path, "rb"))
  local list = {}
  for doc in inputs.jsonl(f, docs_path) do list[#list + 1] = doc end
  f:close()
  return list
end

-- time to the first record: set-up + reading and analysing one document
local t_first
do
  local f = assert(io.open(docs_path, "rb"))
  local c = clock()
  local next_doc = inputs.jsonl(f, docs_path)
  an:document(next_doc())
  t_first = t_setup + (clock() - c)
  f:close()
end

local bytes, ndocs = 0, 0
local samples = {}
for r = 1, runs do
  for k in pairs(acc) do acc[k] = 0 end
  local c = clock()
  local docs = read_docs()
  local t_read = clock() - c
  local recs = {}
  c = clock()
  for i, doc in ipairs(docs) do recs[i] = an:document(doc) end
  local t_an = clock() - c
  c = clock()
  local n = 0
  for _, rec in ipairs(recs) do n = n + #record.encode(rec) end
  local t_enc = clock() - c
  c = clock()
  local agg = aggregate.new({ keep_texts = 50 })
  for _, rec in ipairs(recs) do agg:add(rec) end
  local t_agg = clock() - c
  c = clock()
  local html = assert(report.render(agg, { format = "html" }))
  local t_html = clock() - c
  bytes, ndocs = 0, #docs
  for _, d in ipairs(docs) do bytes = bytes + #d.text end
  local s = { read = t_read, glue = t_an, encode = t_enc, aggregate = t_agg, render = t_html,
              out = n + #html }
  for k, v in pairs(acc) do s[k] = v; s.glue = s.glue - v end
  s.jsonl = t_read + t_an + t_enc
  s.html = t_read + t_an + t_agg + t_html
  samples[r] = s
end

local function med(key)
  local t = {}
  for r = 1, runs do t[r] = samples[r][key] end
  return util.median(t)
end

local MB = bytes / 1e6
print(string.format("glean analyze, in process: %d documents, %.1f MB (2-10 KB each, %s), CPU-time medians of %d",
  ndocs, MB, docs_path, runs))
print(string.format("  set-up (gazetteer + rule packs): %.3f s; to the first record: %.3f s", t_setup, t_first))
local rows = { { "read (JSON Lines in)", "read" } }
for _, st in ipairs(analyze.STAGES) do rows[#rows + 1] = { "stage " .. st.name, st.name } end
rows[#rows + 1] = { "stage glue (record, pcall, UTF-8 check)", "glue" }
rows[#rows + 1] = { "encode (--format jsonl)", "encode" }
rows[#rows + 1] = { "aggregate (report)", "aggregate" }
rows[#rows + 1] = { "render HTML", "render" }
local jsonl_t, html_t = med("jsonl"), med("html")
print(string.format("  %-40s %8s %9s %6s", "step", "s", "MB/s", "% jsonl"))
for _, row in ipairs(rows) do
  local t = med(row[2])
  print(string.format("  %-40s %8.3f %9.1f %6.1f", row[1], t, t > 0 and MB / t or math.huge, 100 * t / jsonl_t))
end
print(string.format("  %-40s %8.3f %9.1f", "end to end, --format jsonl", jsonl_t, MB / jsonl_t))
print(string.format("  %-40s %8.3f %9.1f", "end to end, HTML report", html_t, MB / html_t))
