-- bench/norm.lua BUILD [RUNS] -- glean.normalize (NFC, NFKC_CF) and glean.fold against raw
-- ICU in C (BUILD/bench/bench_icu: UTF-16 round trip + unorm2_normalize) and
-- Python's unicodedata (NFKC + casefold) on BUILD/bench/corpus.txt (make
-- bench-corpus).  Also NFC of the corpus in NFD, where every accented letter
-- takes glean's slow path.  The whole-text rows that return a new 67 MB string
-- are also set against ICU writing into a freshly allocated result
-- (bench_icu's *_fresh tasks): first-touch page faults of such a buffer cost
-- more than ICU's whole normalization on some machines.  Prints MB/s (10^6 input bytes per second, median
-- of RUNS runs) and ratios.  Run via `make bench-norm`.
local glean = require "glean"

local build = arg[1] or "build"
local runs = tonumber(arg[2] or "5")

local U = dofile("bench/util.lua")
local read, write = U.read, U.write
local function time(f) return U.time(runs, f) end

-- C baseline: "<task> <result> <seconds> <MB/s>" lines.
local function icu(path)
  local res = {}
  local p = assert(io.popen(string.format("%s/bench/bench_icu '%s' %d", build, path, runs)))
  for line in p:lines() do
    local task, mbs = line:match("^(%S+) %S+ %S+ (%S+)$")
    if task then res[task] = tonumber(mbs) end
  end
  assert(p:close(), "bench_icu failed")
  return res
end

-- Python's unicodedata on the same text (decoding excluded from the timing).
local function python(path, what)
  local code = ([[
import sys, time, unicodedata
s = open(sys.argv[1], encoding="utf-8").read()
n = len(s.encode("utf-8"))
t = []
for _ in range(int(sys.argv[2])):
    t0 = time.process_time()
    %s
    t.append(time.process_time() - t0)
t.sort()
print("%%.1f %%s" %% (n / 1e6 / t[(len(t) - 1) // 2], unicodedata.unidata_version))
]]):format(what)
  local p = io.popen(string.format("python3 -c '%s' '%s' %d 2>/dev/null", code, path, runs))
  local out = p and p:read("a") or ""
  if p then p:close() end
  local mbs, ver = out:match("^(%S+) (%S+)")
  return tonumber(mbs), ver
end

local corpus = build .. "/bench/corpus.txt"
local text = read(corpus)
local mb = #text / 1e6
local nfd = glean.normalize(text, "NFD")
local nfdpath = build .. "/bench/corpus-nfd.txt"
write(nfdpath, nfd)

local c, cnfd = icu(corpus), icu(nfdpath)
local py_cf, pyver = python(corpus, 'unicodedata.normalize("NFKC", s).casefold()')
local py_nfc = python(corpus, 'unicodedata.normalize("NFC", s)')

-- The same text as separate documents (one per line, as news articles
-- arrive): each result is small, so this measures the steady state rather
-- than first-touch page faults of one 67 MB result string.
local function lines(t)
  local d = {}
  for line in t:gmatch("[^\n]+\n?") do d[#d + 1] = line end
  return d
end
local docs, nfd_docs = lines(text), lines(nfd)
local function each(form, d)
  d = d or docs
  return function()
    for k = 1, #d do glean.normalize(d[k], form) end
  end
end

local rows = {
  { "NFC (corpus, already NFC)", mb / time(function() return glean.normalize(text, "NFC") end), c.nfc, py_nfc },
  { "NFKC_CF (corpus)", mb / time(function() return glean.normalize(text, "NFKC_CF") end), c.nfkc_cf, py_cf },
  { "NFC, per line", mb / time(each("NFC")), c.nfc },
  { "NFKC_CF, per line", mb / time(each("NFKC_CF")), c.nfkc_cf },
  { "NFC of the NFD corpus", #nfd / 1e6 / time(function() return glean.normalize(nfd, "NFC") end), cnfd.nfc },
  { "NFC of the NFD corpus, per line", #nfd / 1e6 / time(each("NFC", nfd_docs)), cnfd.nfc },
  -- search folding (NFKC_Casefold and much more) with its offset map, against
  -- raw ICU NFKC_Casefold, which does less work and builds no map
  { "fold + map (corpus)", mb / time(function() return glean.fold(text) end), c.nfkc_cf, py_cf },
  { "fold + map, per line", mb / time(function()
      for k = 1, #docs do glean.fold(docs[k]) end
    end), c.nfkc_cf, py_cf },
  { "fold, no map, per line", mb / time(function()
      local o = { map = false }
      for k = 1, #docs do glean.fold(docs[k], nil, o) end
    end), c.nfkc_cf, py_cf },
  { "fold + map of the NFD corpus", #nfd / 1e6 / time(function() return glean.fold(nfd) end), cnfd.nfkc_cf },
}
print(string.format("corpus %s: %.1f MB; %d runs, median; python unicodedata %s", corpus, mb, runs,
  pyver or "(python3 not found)"))
print(string.format("%-31s %10s %10s %8s %10s %8s", "task", "glean MB/s", "ICU MB/s", "ratio", "py MB/s", "ratio"))
for _, r in ipairs(rows) do
  print(string.format("%-31s %10.1f %10.1f %7.2fx %10s %8s", r[1], r[2], r[3], r[2] / r[3],
    r[4] and string.format("%.1f", r[4]) or "-", r[4] and string.format("%.2fx", r[2] / r[4]) or "-"))
end
-- rows 2 and 5 build a new 67 MB string; so does ICU here, into fresh memory
print(string.format("%-31s %10s %10s %8s", "new whole-text result", "glean MB/s", "ICU fresh", "ratio"))
for _, k in ipairs({ { 2, c.nfkc_cf_fresh }, { 5, cnfd.nfc_fresh } }) do
  local r = rows[k[1]]
  print(string.format("%-31s %10.1f %10.1f %7.2fx", r[1], r[2], k[2], r[2] / k[2]))
end
print(string.format("%d lines, %.0f bytes each on average", #docs, #text / #docs))
print(string.format("ICU word breaks %.1f MB/s, sentence breaks %.1f MB/s (UTF-8 UText)", c.words, c.sentences))
