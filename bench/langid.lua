-- bench/langid.lua BUILD [BASE|-] [RUNS]: language identification, accuracy
-- and speed, for this checkout (A) and for BASE (B, a git revision exported
-- and built under BUILD/bench/base-REV, or the path of a built checkout),
-- side by side in one run.
--
-- Accuracy: glean.language on labelled texts, whole and cut into pieces:
--   eval/dev/LANG-N.txt (the language is the file-name prefix), samples/
--   DATE-LANG-*.txt, spec/fixtures/langid/LANG.txt and ../shared/corpus/
--   LANG.txt when present (the README there names each file's language);
--   kinds: "doc" the whole text, "title" its first line, "200B", "1KB",
--   "2KB" every whole-word piece of at most that size, "4KB", "8KB" pieces
--   of that size of a language's texts run together, starting every 1/16
--   of it (news-sized documents).
-- Each row counts, per language and kind, the pieces named right by B and
-- by A (and how many each left unknown); a language where A names fewer
-- right than B is marked LOSS, and the run fails.
--
-- Speed: glean.language over the bench documents (BUILD/bench/docs-analyze-
-- 8.jsonl, made by `make bench-analyze`, 1272 documents of 2-10 KB), CPU
-- time, medians of RUNS passes per side, the sides taking turns, each in
-- its own process (two core.so in one Lua state would share metatables);
-- B/A is the speed-up.  Also how many bench documents get another verdict,
-- and how often each side names a bench document (which runs texts of
-- several languages together) by the language of most of its lines' bytes
-- (each line identified by that side).
local build, base, runs = arg[1] or "build", arg[2], tonumber(arg[3]) or 5
if base == "-" then base = nil end   -- no base: this checkout alone
local util = dofile("bench/util.lua")

local q = util.q

-- ---------------------------------------------------------------------
-- worker: lua5.4 bench/langid.lua --worker MODDIR ITEMS DOCS PASSES
-- prints one verdict per item and per document, then PASSES CPU times
if build == "--worker" then
  local moddir, items_path, docs_path, passes = arg[2], arg[3], arg[4], tonumber(arg[5])
  package.cpath = moddir .. "/?.so;" .. package.cpath
  local core = require "glean.core"
  local cjson = require "cjson"
  local out = {}
  local function verdict(t)
    local l = core.language(t)
    return l or "-"
  end
  for line in io.lines(items_path) do out[#out + 1] = verdict(cjson.decode(line).text) end
  local docs = {}
  for line in io.lines(docs_path) do docs[#docs + 1] = cjson.decode(line).text end
  for _, d in ipairs(docs) do out[#out + 1] = verdict(d) end   -- also loads every script's models
  for _, d in ipairs(docs) do   -- the language of most of the document's bytes, line by line
    local bytes, best, most = {}, "-", 0
    for line in d:gmatch("[^\n]+") do
      local l = core.language(line)
      if l then
        bytes[l] = (bytes[l] or 0) + #line
        if bytes[l] > most then best, most = l, bytes[l] end
      end
    end
    out[#out + 1] = best
  end
  for _ = 1, passes do
    local t0 = os.clock()
    for i = 1, #docs do core.language(docs[i]) end
    out[#out + 1] = string.format("%.6f", os.clock() - t0)
  end
  io.write(table.concat(out, "\n"), "\n")
  os.exit(0)
end

-- ---------------------------------------------------------------------
-- the labelled texts and their pieces

local cjson = require "cjson"

-- pieces of at most size bytes, cut after whitespace (a piece may be a
-- whole word longer than size when there is no whitespace to cut at)
local function pieces(text, size)
  local out, pos = {}, 1
  while pos <= #text do
    local stop = pos + size - 1
    if stop >= #text then stop = #text
    else
      local cut = text:sub(pos, stop):match("^.*()%s")   -- the last whitespace in the window
      if cut and cut > 1 then stop = pos + cut - 2
      else   -- no whitespace: a character boundary
        while stop > pos and (text:byte(stop + 1) or 0) & 0xC0 == 0x80 do stop = stop - 1 end
      end
    end
    local p = text:sub(pos, stop):match("^%s*(.-)%s*$")
    if p ~= "" then out[#out + 1] = p end
    pos = stop + 1
  end
  return out
end

local items = {}
local function add(lang, src, text)
  items[#items + 1] = { lang = lang, kind = "doc", src = src, text = text }
  local title = text:match("^%s*([^\n]+)")
  if title then items[#items + 1] = { lang = lang, kind = "title", src = src, text = title } end
  for _, p in ipairs(pieces(text, 200)) do items[#items + 1] = { lang = lang, kind = "200B", src = src, text = p } end
  for _, p in ipairs(pieces(text, 1000)) do items[#items + 1] = { lang = lang, kind = "1KB", src = src, text = p } end
  for _, p in ipairs(pieces(text, 2000)) do items[#items + 1] = { lang = lang, kind = "2KB", src = src, text = p } end
end
local bylang = {}   -- every text of a language, for the long pieces
local function add_all(lang, src, text)
  add(lang, src, text)
  bylang[lang] = (bylang[lang] or "") .. text .. "\n\n"
end

local function ls(dir, pattern)
  local out = {}
  local p = io.popen("ls " .. q(dir) .. " 2>/dev/null")
  for name in p:lines() do
    if name:match(pattern) then out[#out + 1] = name end
  end
  p:close()
  table.sort(out)
  return out
end

for _, f in ipairs(ls("eval/dev", "^%l+%-%d+%.txt$")) do
  add_all(f:match("^(%l+)"), "dev", util.read("eval/dev/" .. f))
end
for _, f in ipairs(ls("samples", "^%d+%-%d+%-%d+%-%l+%-.*%.txt$")) do
  add_all(f:match("^%d+%-%d+%-%d+%-(%l+)%-"), "samples", util.read("samples/" .. f))
end
for _, f in ipairs(ls("spec/fixtures/langid", "^%l+%.txt$")) do
  add_all(f:match("^(%l+)"), "fixtures", util.read("spec/fixtures/langid/" .. f))
end
local corpus = "../shared/corpus"
if not util.exists(corpus .. "/README.md") then corpus = "/work/shared/corpus" end
for _, f in ipairs(ls(corpus, "^%l+%.txt$")) do add_all(f:match("^(%l+)"), "corpus", util.read(corpus .. "/" .. f)) end
-- news-sized documents: pieces of at most 4 and 8 KB of the language's
-- texts run together, one starting every 1/16 of that (after whitespace)
-- while a whole piece fits, so that their beginnings differ
local langs_seen = {}
for lang in pairs(bylang) do langs_seen[#langs_seen + 1] = lang end
table.sort(langs_seen)
for _, size in ipairs { 4000, 8000 } do
  for _, lang in ipairs(langs_seen) do
    local text, from = bylang[lang], 1
    repeat
      local p = pieces(text:sub(from), size)[1]
      if p then items[#items + 1] = { lang = lang, kind = size // 1000 .. "KB", src = "all", text = p } end
      from = text:find("%s", from + size // 16) or #text + 1
    until from + size > #text
  end
end

local items_path = os.tmpname()
do
  local out = {}
  for i, it in ipairs(items) do out[i] = cjson.encode({ text = it.text }) end
  util.write(items_path, table.concat(out, "\n") .. "\n")
end
local docs_path = build .. "/bench/docs-analyze-8.jsonl"
assert(util.exists(docs_path), "bench/langid.lua: " .. docs_path .. " missing: run `make bench-analyze` first")

-- ---------------------------------------------------------------------
-- the sides

local here = io.popen("pwd"):read("l")
local sides = { { name = "A", dir = here .. "/" .. build } }
if base and util.exists(base .. "/build/glean/core.so") then
  sides[2] = { name = "B", label = base, dir = base .. "/build" }
elseif base then
  local dir, rev = util.base_checkout(base, here .. "/" .. build .. "/bench", "bench/langid.lua")
  sides[2] = { name = "B", label = rev, dir = dir .. "/build" }
end

local function work(side, passes)
  local p = io.popen(string.format("lua5.4 bench/langid.lua --worker %s %s %s %d", q(side.dir),
    q(items_path), q(docs_path), passes))
  local lines = {}
  for l in p:lines() do lines[#lines + 1] = l end
  assert(p:close(), "bench/langid.lua: the worker for " .. side.name .. " failed")
  return lines
end

local ndocs = 0
for _ in io.lines(docs_path) do ndocs = ndocs + 1 end
local verdicts, times = {}, {}
for _, side in ipairs(sides) do times[side.name] = {} end
for r = 1, runs do
  for s = #sides, 1, -1 do   -- B first, then A
    local side = sides[s]
    local lines = work(side, 1)
    if r == 1 then verdicts[side.name] = lines end
    times[side.name][r] = tonumber(lines[#items + 2 * ndocs + 1])
  end
end
os.remove(items_path)

-- ---------------------------------------------------------------------
-- report

local KINDS = { "doc", "8KB", "4KB", "2KB", "1KB", "200B", "title" }
local rows, langs = {}, {}
for i, it in ipairs(items) do
  local key = it.lang .. "\0" .. it.kind
  local row = rows[key]
  if not row then
    row = { n = 0 }
    for _, side in ipairs(sides) do row[side.name] = 0; row[side.name .. "?"] = 0 end
    rows[key] = row
    if not langs[it.lang] then langs[it.lang] = true; langs[#langs + 1] = it.lang end
  end
  row.n = row.n + 1
  for _, side in ipairs(sides) do
    local v = verdicts[side.name][i]
    if v == it.lang then row[side.name] = row[side.name] + 1 end
    if v == "-" then row[side.name .. "?"] = row[side.name .. "?"] + 1 end
  end
end
table.sort(langs)

print(string.format("language identification: %d labelled pieces (%s), %d bench documents",
  #items, "eval/dev, samples, spec fixtures, corpus", ndocs))
if sides[2] then print("A = this checkout, B = " .. sides[2].label) end
print("right (unknown) per language and kind" .. (sides[2] and ", B then A" or ""))
local head = "| lang |"
for _, k in ipairs(KINDS) do head = head .. " " .. k .. " |" end
print(head)
print("|---" .. string.rep("|---", #KINDS) .. "|")
local losses = 0
local total = { n = 0 }
for _, side in ipairs(sides) do total[side.name] = 0 end
for _, lang in ipairs(langs) do
  local line = "| " .. lang .. " |"
  for _, k in ipairs(KINDS) do
    local row = rows[lang .. "\0" .. k]
    if row then
      local cell = {}
      for s = #sides, 1, -1 do
        local name = sides[s].name
        cell[#cell + 1] = string.format("%d/%d (%d)", row[name], row.n, row[name .. "?"])
        total[name] = total[name] + row[name]
      end
      total.n = total.n + row.n
      local loss = sides[2] and row.A < row.B
      if loss then losses = losses + 1 end
      line = line .. " " .. table.concat(cell, " -> ") .. (loss and " LOSS" or "") .. " |"
    else
      line = line .. " |"
    end
  end
  print(line)
end
for s = #sides, 1, -1 do
  local name = sides[s].name
  print(string.format("%s: %d of %d pieces right (%.2f %%)", name, total[name], total.n, 100 * total[name] / total.n))
end

local differ = 0
if sides[2] then
  for i = #items + 1, #items + ndocs do
    if verdicts.A[i] ~= verdicts.B[i] then differ = differ + 1 end
  end
  local changed = 0
  for i = 1, #items do
    if verdicts.A[i] ~= verdicts.B[i] then changed = changed + 1 end
  end
  if os.getenv("VERBOSE") then   -- the pieces with another verdict
    for i, it in ipairs(items) do
      if verdicts.A[i] ~= verdicts.B[i] then
        print(string.format("  %s %s %s: B %s, A %s: %s", it.lang, it.kind, it.src, verdicts.B[i], verdicts.A[i],
          it.text:sub(1, 100):gsub("\n", " ")))
      end
    end
  end
  if os.getenv("VERBOSE") then
    local k = 0
    for line in io.lines(docs_path) do
      k = k + 1
      local i = #items + k
      if verdicts.A[i] ~= verdicts.B[i] then
        print(string.format("  doc %d: B %s, A %s: %s", k, verdicts.B[i], verdicts.A[i],
          cjson.decode(line).text:sub(1, 100):gsub("\n", " ")))
      end
    end
  end
  print(string.format("other verdict: %d of %d labelled pieces, %d of %d bench documents",
    changed, #items, differ, ndocs))
end
-- the bench documents run texts of several languages together (bench/mkcorpus.lua):
-- how often does the verdict on a document name the language of most of its lines?
for s = #sides, 1, -1 do
  local name, main = sides[s].name, 0
  for i = 1, ndocs do
    if verdicts[name][#items + i] == verdicts[name][#items + ndocs + i] then main = main + 1 end
  end
  print(string.format("bench documents %s: %d of %d named by the language of most of their lines' bytes",
    name, main, ndocs))
end
for s = #sides, 1, -1 do
  local name = sides[s].name
  print(string.format("speed %s: %.3f s CPU for %d documents (median of %d)", name,
    util.median(times[name]), ndocs, runs))
end
if sides[2] then
  print(string.format("speed-up B/A: %.2fx", util.median(times.B) / util.median(times.A)))
end
if losses > 0 then
  io.stderr:write(("bench/langid.lua: A names fewer pieces right than B in %d rows (LOSS)\n"):format(losses))
  os.exit(1)
end
