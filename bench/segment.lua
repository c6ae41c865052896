-- bench/segment.lua BUILD [RUNS [CHUNK]] -- words and sentences, bulk
-- (glean.segment, pairs and format "bounds") and iterator (glean.words / glean.sentences), against raw
-- ICU counting the same boundaries in C (BUILD/bench/bench_segment).  Prints
-- MB/s (10^6 bytes/s, median of RUNS runs) and each form's ratio to ICU.
-- Run via `make bench-segment`.
--
-- Two shapes of input: the whole corpus as one string, and the corpus as
-- documents of at most CHUNK bytes (default 64 KiB, cut after a newline),
-- the size of the news articles glean reads.  One 32 MiB call builds
-- ~200 MB of result tables in the default pairs format (~100 MB with
-- format "bounds"), so there the cost of faulting in fresh memory (which
-- ICU's counting loop never pays) dominates.
--
-- Input: BUILD/bench/corpus.txt (make bench-corpus) when present, otherwise
-- BUILD/bench/segment-corpus.txt, made here by repeating ../shared/corpus/*.txt
-- to 32 MiB.
local glean = require "glean"

local build = arg[1] or "build"
local runs = tonumber(arg[2] or "5")
local chunk = tonumber(arg[3] or "65536")
local clock = os.clock
local U = dofile("bench/util.lua")
local exists, read, median = U.exists, U.read, U.median

local function make_corpus(path)
  local shared = os.getenv("GLEAN_SHARED") or "../shared"
  local parts = {}
  for _, name in ipairs { "hi.txt", "de.txt", "fa.txt" } do
    local ok, s = pcall(read, shared .. "/corpus/" .. name)
    if ok then parts[#parts + 1] = s end
  end
  assert(#parts > 0, "no corpus: neither " .. build .. "/bench/corpus.txt nor " .. shared .. "/corpus/*.txt")
  local unit = table.concat(parts, "\n")
  local s = unit:rep((32 * 1024 * 1024) // #unit + 1):sub(1, 32 * 1024 * 1024)
  s = s:sub(1, s:match(".*()\n"))  -- whole lines only, so the UTF-8 stays valid
  local f = assert(io.open(path, "wb"))
  f:write(s)
  f:close()
end

local corpus = build .. "/bench/corpus.txt"
if not exists(corpus) then
  corpus = build .. "/bench/segment-corpus.txt"
  if not exists(corpus) then make_corpus(corpus) end
end
local text = read(corpus)
local mb = #text / 1e6

-- Documents of at most size bytes, each cut after its last newline (as bench_segment.c does).
local function split(s, size)
  local docs, off = {}, 1
  while off <= #s do
    local len = #s - off + 1
    if len > size then
      local piece = s:sub(off, off + size - 1)
      len = piece:match(".*()\n") or size
    end
    docs[#docs + 1] = s:sub(off, off + len - 1)
    off = off + len
  end
  return docs
end

-- Baseline: the C program prints "<kind> <segments> <seconds> <MB/s>".
local function icu(size)
  local out = {}
  local p = assert(io.popen(string.format("%s/bench/bench_segment '%s' %d %d", build, corpus, runs, size)))
  for line in p:lines() do
    local kind, n, secs, rate = line:match("^(%S+) (%d+) (%S+) (%S+)$")
    if kind then out[kind] = { n = tonumber(n), secs = tonumber(secs), rate = tonumber(rate) } end
  end
  assert(p:close(), "bench_segment failed")
  return out
end

local function bulk(docs, kind)
  local n = 0
  for i = 1, #docs do n = n + #glean.segment(docs[i], kind) // 2 end
  return n
end

-- format "bounds": one integer per segment and the kinds as one string
local function bounds(docs, kind)
  local n = 0
  for i = 1, #docs do n = n + #glean.segment(docs[i], kind, nil, { format = "bounds" }) - 1 end
  return n
end

-- words without the "none" segments (spaces, punctuation): fewer table entries
local function bulk_skip(docs, kind)
  local n = 0
  for i = 1, #docs do n = n + #glean.segment(docs[i], kind, nil, { skip_none = true }) // 2 end
  return n
end

local function iterate(docs, kind)
  local n = 0
  local f = kind == "word" and glean.words or glean.sentences
  for i = 1, #docs do
    for _ in f(docs[i]) do n = n + 1 end
  end
  return n
end

local function time(f, docs, kind)
  local secs, n = {}, nil
  for r = 1, runs do
    collectgarbage()
    local t0 = clock()
    n = f(docs, kind)
    secs[r] = clock() - t0
  end
  return n, median(secs)
end

print(string.format("corpus %s: %.1f MB, median of %d runs (CPU time)", corpus, mb, runs))
local shapes = {
  { "one string", { text }, 0 },
  { string.format("%d-byte docs", chunk), split(text, chunk), chunk },
}
for _, shape in ipairs(shapes) do
  local base = icu(shape[3])
  print(string.format("\n%s (%d call%s per pass)", shape[1], #shape[2], #shape[2] > 1 and "s" or ""))
  print(string.format("%-9s %-9s %10s %9s %9s %8s", "kind", "form", "segments", "seconds", "MB/s", "vs ICU"))
  for _, kind in ipairs { "word", "sentence" } do
    local b = assert(base[kind], "no " .. kind .. " line from bench_segment")
    print(string.format("%-9s %-9s %10d %9.3f %9.1f %8s", kind, "ICU (C)", b.n, b.secs, b.rate, "1.00"))
    for _, form in ipairs { { "bulk", bulk }, { "bounds", bounds }, { "iterator", iterate } } do
      local n, secs = time(form[2], shape[2], kind)
      assert(n == b.n, string.format("%s %s: %d segments, ICU counted %d", kind, form[1], n, b.n))
      local rate = mb / secs
      print(string.format("%-9s %-9s %10d %9.3f %9.1f %8.2f", kind, form[1], n, secs, rate, rate / b.rate))
    end
    if kind == "word" then
      local n, secs = time(bulk_skip, shape[2], kind)
      local rate = mb / secs
      print(string.format("%-9s %-9s %10d %9.3f %9.1f %8.2f", kind, "skip_none", n, secs, rate, rate / b.rate))
    end
  end
end
