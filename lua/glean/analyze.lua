-- glean.analyze: the document model, the per-document pipeline and the
-- corpus aggregates behind `glean analyze` and `glean report`.
--
--   local an = assert(analyze.new { gazetteer = "data/gazetteer.tsv" })
--   local agg = analyze.aggregator { keep_texts = 200 }
--   for doc in analyze.files({ "samples/" }) do agg:add(an:document(doc)) end
--
-- A result record (one line of documents.jsonl) carries every field the
-- aggregates need, so `glean report` rebuilds a report from result files
-- alone: aggregating records is the only way numbers are made, and a run
-- split in chunks merges to the same numbers as a single run.
local glean = require "glean"
local cjson = require "cjson.safe"

local ipairs, pairs, type, tostring, tonumber, next, pcall, setmetatable =
  ipairs, pairs, type, tostring, tonumber, next, pcall, setmetatable
local io, math, string, table, utf8 = io, math, string, table, utf8
local concat, sort = table.concat, table.sort

local analyze = {}

-- Scripts written right to left (ISO 15924); a document whose letters are
-- mostly in these is shown with dir="rtl".
local RTL_SCRIPTS = {
  Arab = true, Hebr = true, Syrc = true, Thaa = true, Nkoo = true, Adlm = true,
  Mand = true, Samr = true, Rohg = true, Yezi = true,
}
analyze.RTL_SCRIPTS = RTL_SCRIPTS

-- Languages that capitalise every noun: capitalisation is no proper-noun
-- signal there, so they give no gazetteer-gap candidates.
local NOUN_CAPITALISING = { de = true, lb = true }

local home_dir = require("glean.paths").home
analyze.home_dir = home_dir

function analyze.default_gazetteer() return home_dir() .. "/data/gazetteer.tsv" end

-- ---------------------------------------------------------------------
-- entity labels

-- For a TSV/CSV gazetteer: id -> display label: the alias spelled like the
-- id's last field when that is a name, not a code (place:city:Europe/Moscow ->
-- "Moscow"), else the English alias that is
-- not an acronym (no `case` flag), the shortest such; else the first
-- English alias; else the first alias.  Compiled gazetteers carry no
-- table, and the label falls back to the id's last field.
local function read_labels(path)
  local f = io.open(path, "rb")
  if not f then return {} end
  local head = f:read(16) or ""
  if head:find("\0", 1, true) then f:close(); return {} end
  f:seek("set", 0)
  local sep = path:lower():match("%.csv$") and "," or "\t"
  local cols, best = nil, {}
  for line in f:lines() do
    if line:sub(1, 1) ~= "#" and line ~= "" then
      local fields = {}
      for v in (line .. sep):gmatch("([^" .. sep .. "]*)" .. sep) do fields[#fields + 1] = v end
      if not cols then
        cols = {}
        for i, name in ipairs(fields) do cols[name] = i end
        if not (cols.id and cols.alias) then f:close(); return {} end
      else
        local id, alias = fields[cols.id], fields[cols.alias]
        local langs = cols.lang and fields[cols.lang] or ""
        local flags = cols.flags and fields[cols.flags] or ""
        local rank = 3
        local tail = id and id:match("([^:/]+)$")
        if tail and tail:find("%l") and alias == tail:gsub("_", " ") then
          rank = 0   -- ids of cities carry the CLDR time-zone name (Europe/Moscow)
        elseif ("," .. langs .. ","):find(",en,", 1, true) then
          rank = flags:find("case", 1, true) and 2 or 1
        end
        local b = best[id]
        if id and alias and (not b or rank < b.rank or (rank == b.rank and rank == 1 and #alias < #b.alias)) then
          best[id] = { rank = rank, alias = alias }
        end
      end
    end
  end
  f:close()
  local labels = {}
  for id, b in pairs(best) do labels[id] = b.alias end
  return labels
end

local function label_of(labels, id)
  return labels[id] or id:match("([^:]+)$") or id
end

-- ---------------------------------------------------------------------
-- the analyzer

local Analyzer = {}
Analyzer.__index = Analyzer
Analyzer.__name = "glean.Analyzer"

-- new(opts) -> analyzer, warnings | nil, err
-- opts.gazetteer: path (default data/gazetteer.tsv) or a loaded gazetteer;
-- opts.rules: list of rule directories/files (default rules/), or false;
-- warnings lists rule files that failed to load (the good ones are used).
function analyze.new(opts)
  opts = opts or {}
  local self = setmetatable({ labels = {} }, Analyzer)
  local gz = opts.gazetteer
  if gz == nil or type(gz) == "string" then
    local path = gz or analyze.default_gazetteer()
    local g, err = glean.gazetteer.load(path)
    if not g then return nil, "cannot load gazetteer: " .. tostring(err) end
    self.gazetteer = g
    self.labels = read_labels(path)
  else
    self.gazetteer = gz
  end
  if opts.labels then self.labels = opts.labels end
  local warnings
  if opts.rules ~= false then
    local rules = require "glean.rules"
    local dirs = opts.rules
    if dirs == nil or (type(dirs) == "table" and #dirs == 0) then dirs = { rules.default_dir() } end
    local engine, errs = rules.load(dirs, { keep_going = true })
    self.rules = engine
    warnings = errs
  end
  return self, warnings
end

function Analyzer:__tostring()
  return "glean.Analyzer (" .. tostring(self.gazetteer) .. ", " .. tostring(self.rules) .. ")"
end

-- script mix: bytes per script, and the writing direction it implies
local function script_mix(text)
  local mix, rtl, ltr = {}, 0, 0
  for _, r in ipairs(glean.scripts(text)) do
    local n = r.stop - r.start + 1
    mix[r.script] = (mix[r.script] or 0) + n
    if RTL_SCRIPTS[r.script] then rtl = rtl + n else ltr = ltr + n end
  end
  return mix, (rtl > ltr) and "rtl" or "ltr"
end

-- sentences as {start, stop} pairs, whitespace-only segments dropped
local function sentences_of(text)
  local flat = glean.segment(text, "sentence")
  local out = {}
  for i = 1, #flat, 2 do
    local a, b = flat[i], flat[i + 1]
    if text:find("%S", a) and text:find("%S", a) <= b then out[#out + 1] = { a, b } end
  end
  return out
end

-- index of the sentence holding byte `pos` (sentences sorted), or nil
local function sentence_at(sents, pos)
  local lo, hi = 1, #sents
  while lo <= hi do
    local mid = (lo + hi) // 2
    local s = sents[mid]
    if pos < s[1] then hi = mid - 1
    elseif pos > s[2] then lo = mid + 1
    else return mid end
  end
  return nil
end
analyze.sentence_at = sentence_at

local ISO_DAY = "^(%d%d%d%d)%-(%d%d)%-(%d%d)"

-- the full calendar date of an annotation value (string or range), or nil
local function full_date(v)
  if type(v) == "table" then v = v.from end
  if type(v) ~= "string" then return nil end
  local y, m, d = v:match(ISO_DAY)
  return y and (y .. "-" .. m .. "-" .. d) or nil
end
analyze.full_date = full_date

-- a year-less { month =, day = [, calendar =] } resolved to the Gregorian
-- day nearest the document date (the same, previous or next year in the
-- value's own calendar), or nil
local function resolve_yearless(v, doc_date)
  if type(v) ~= "table" or v.month == nil or v.day == nil or v.year ~= nil then return nil end
  local dy, dm, dd = doc_date:match(ISO_DAY)
  if not dy then return nil end
  dy, dm, dd = tonumber(dy), tonumber(dm), tonumber(dd)
  local cal = v.calendar or "gregorian"
  local cy, cm, cd = dy, dm, dd
  if cal ~= "gregorian" then
    local ok, y2, m2, d2 = pcall(glean.calendar.from_gregorian, cal, dy, dm, dd)
    if not ok then return nil end
    cy, cm, cd = y2, m2, d2
  end
  local here = cm * 32 + cd
  local there = v.month * 32 + v.day
  local year = cy
  if there - here > 6 * 32 then year = cy - 1 elseif here - there > 6 * 32 then year = cy + 1 end
  local gy, gm, gd = year, v.month, v.day
  if cal ~= "gregorian" then
    local ok, y2, m2, d2 = pcall(glean.calendar.to_gregorian, cal, year, v.month, v.day)
    if not ok then return nil end
    gy, gm, gd = y2, m2, d2
  end
  if gm < 1 or gm > 12 or gd < 1 or gd > 31 then return nil end
  return string.format("%04d-%02d-%02d", gy, gm, gd)
end
analyze.resolve_yearless = resolve_yearless

-- sorted, merged {start, stop} intervals
local function merge_intervals(list)
  sort(list, function(a, b) return a[1] < b[1] end)
  local out = {}
  for _, iv in ipairs(list) do
    local last = out[#out]
    if last and iv[1] <= last[2] + 1 then
      if iv[2] > last[2] then last[2] = iv[2] end
    else
      out[#out + 1] = { iv[1], iv[2] }
    end
  end
  return out
end

-- capitalised words and runs of them ("Olaf Scholz") in Latin script that
-- no mention or annotation covers and that do not open a sentence:
-- { {surface, count}, ... } sorted by surface
local function candidates_of(text, sents, covered, latin_runs)
  local counts = {}
  local run, run_start, run_stop = {}, nil, nil
  local ci, li = 1, 1
  local function flush()
    if #run > 0 then
      local s = text:sub(run_start, run_stop)
      if utf8.len(s) > 1 then counts[s] = (counts[s] or 0) + 1 end
    end
    run, run_start, run_stop = {}, nil, nil
  end
  for a, b, kind in glean.words(text) do
    if kind ~= "none" then
      local ok = kind == "letter"
      if ok then   -- in a Latin run?
        while latin_runs[li] and latin_runs[li][2] < a do li = li + 1 end
        local lr = latin_runs[li]
        ok = lr ~= nil and lr[1] <= a and b <= lr[2]
      end
      if ok then   -- not covered by a mention or annotation?
        while covered[ci] and covered[ci][2] < a do ci = ci + 1 end
        local c = covered[ci]
        ok = not (c and c[1] <= b)
      end
      if ok then   -- capitalised: folding case changes the first letter
        local c0 = text:byte(a)
        if c0 < 0x80 then ok = c0 >= 65 and c0 <= 90   -- ASCII: A-Z, no fold needed
        else
          local first = text:sub(a, a + (utf8.offset(text, 2, a) or (b + 1)) - a - 1)
          ok = glean.fold(first, "search") ~= glean.fold(first, "search-case")
        end
      end
      if ok then   -- not the first word of its sentence
        local si = sentence_at(sents, a)
        ok = si ~= nil and text:find("%S", sents[si][1]) ~= a
      end
      if ok and run_stop and text:sub(run_stop + 1, a - 1) == " " then
        run[#run + 1] = true
        run_stop = b
      else
        flush()
        if ok then run[1], run_start, run_stop = true, a, b end
      end
    end
  end
  flush()
  local out = {}
  for s, n in pairs(counts) do out[#out + 1] = { s, n } end
  sort(out, function(x, y) return x[1] < y[1] end)
  return out
end

local function plain(v)  -- annotation values: strings, numbers, booleans, flat tables
  local t = type(v)
  if t == "string" or t == "number" or t == "boolean" or t == "nil" then return v end
  if t == "table" then
    local out = {}
    for k, x in pairs(v) do
      if type(k) == "string" or type(k) == "number" then out[k] = plain(x) end
    end
    return out
  end
  return tostring(v)
end

-- an:document(doc) -> record
-- doc: { id =, path =, text =, date =, source = } or { id =, error = }
function Analyzer:document(doc)
  local rec = {
    id = doc.id, path = doc.path, source = doc.source, bytes = doc.text and #doc.text or 0,
    status = "ok",
  }
  local text = doc.text
  if doc.error then
    rec.status, rec.error = "error", doc.error
    return rec
  end
  if type(text) ~= "string" then
    rec.status, rec.error = "error", tostring(doc.id) .. ": no text"
    return rec
  end
  local len, bad = utf8.len(text)
  if not len then
    rec.status, rec.error = "error", string.format("%s: invalid UTF-8 at byte %d", tostring(doc.id), bad)
    return rec
  end
  local ok, err = pcall(self.fill, self, rec, text, doc)
  if not ok then
    rec = { id = doc.id, path = doc.path, source = doc.source, bytes = #text, status = "error",
            error = tostring(doc.id) .. ": " .. tostring(err) }
  end
  return rec
end

function Analyzer:fill(rec, text, doc)
  rec.text = text
  rec.chars = utf8.len(text)
  local lang, conf = glean.language(text)
  rec.lang = lang or "und"
  rec.lang_confidence = conf and type(conf) == "number" and math.floor(conf * 1000 + 0.5) / 1000 or 0
  local mix, dir = script_mix(text)
  rec.scripts, rec.dir = mix, dir
  local sents = sentences_of(text)
  rec.sentences = sents

  -- rule annotations
  local anns = {}
  if self.rules then
    -- one scanner for every language: building one per language costs more
    -- than the few language-specific rules save, and short texts are often
    -- misidentified
    local list, verrs = self.rules:scan(text)
    if verrs then rec.warnings = verrs end
    for _, a in ipairs(list) do
      anns[#anns + 1] = { start = a.start, stop = a.stop, rule = a.rule, kind = a.kind,
                          surface = a.surface, value = plain(a.value) }
    end
  end
  rec.annotations = anns

  -- the document date: metadata, the first full date in the text, the name
  local date, dsrc = nil, nil
  if type(doc.date) == "string" and doc.date:match(ISO_DAY) then
    date, dsrc = doc.date:match("^(%d%d%d%d%-%d%d%-%d%d)"), "metadata"
  end
  if not date then
    for _, a in ipairs(anns) do
      local d = a.kind == "date" and full_date(a.value)
      if d then date, dsrc = d, "text"; break end
    end
  end
  if not date and doc.path then
    local name = doc.path:match("([^/]*)$")
    local y, m, d = name:match("(%d%d%d%d)[-_]?(%d%d)[-_]?(%d%d)")
    y, m, d = tonumber(y), tonumber(m), tonumber(d)
    if y and m >= 1 and m <= 12 and d >= 1 and d <= 31 and y >= 1000 then
      date, dsrc = string.format("%04d-%02d-%02d", y, m, d), "filename"
    end
  end
  rec.date, rec.date_source = date, dsrc

  -- dates per annotation (year-less ones resolved) and boilerplate spans
  local boiler, covered = {}, {}
  for _, a in ipairs(anns) do
    if a.kind == "date" then
      a.date = full_date(a.value) or (date and resolve_yearless(a.value, date)) or nil
    end
    if a.kind == "boilerplate" then boiler[#boiler + 1] = { a.start, a.stop } end
    covered[#covered + 1] = { a.start, a.stop }
  end
  boiler = merge_intervals(boiler)

  -- entity mentions
  local mentions = {}
  for _, m in ipairs(self.gazetteer:find_all(text)) do
    local inb = false
    for _, b in ipairs(boiler) do
      if m.start <= b[2] and b[1] <= m.stop then inb = true; break end
    end
    local si = sentence_at(sents, m.start)
    local md = nil
    if si then   -- the first date written in the same sentence, else the document's
      local s = sents[si]
      for _, a in ipairs(anns) do
        if a.date and a.start >= s[1] and a.stop <= s[2] then md = a.date; break end
      end
    end
    mentions[#mentions + 1] = {
      start = m.start, stop = m.stop, id = m.id, type = m.type, label = label_of(self.labels, m.id),
      alias = m.alias, surface = m.surface, ambiguous = m.ambiguous or false, attrs = m.attrs,
      sentence = si, boilerplate = inb, date = md or date,
    }
    covered[#covered + 1] = { m.start, m.stop }
  end
  rec.mentions = mentions

  -- gazetteer-gap hints
  if NOUN_CAPITALISING[rec.lang] then
    rec.candidates = {}
  else
    local latin = {}
    for _, r in ipairs(glean.scripts(text)) do
      if r.script == "Latn" then latin[#latin + 1] = { r.start, r.stop } end
    end
    -- (no Latin text, no candidates: skip the word walk over the document)
    rec.candidates = #latin > 0 and candidates_of(text, sents, merge_intervals(covered), latin) or {}
  end
end

-- ---------------------------------------------------------------------
-- inputs

local function read_all(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local s, rerr = f:read("a")
  f:close()
  if not s then return nil, path .. ": " .. tostring(rerr) end
  return s
end

-- glob -> Lua pattern: * and ? stop at '/', ** crosses it, [..] kept
local function glob_pattern(glob)
  local out, i = { "^" }, 1
  while i <= #glob do
    local c = glob:sub(i, i)
    if c == "*" and glob:sub(i + 1, i + 1) == "*" then
      out[#out + 1] = ".*"; i = i + 1
      if glob:sub(i + 1, i + 1) == "/" then out[#out] = ".-"; end
    elseif c == "*" then out[#out + 1] = "[^/]*"
    elseif c == "?" then out[#out + 1] = "[^/]"
    elseif c == "[" then
      local j = glob:find("]", i + 1, true)
      if j then out[#out + 1] = glob:sub(i, j):gsub("^%[!", "[^"); i = j
      else out[#out + 1] = "%[" end
    elseif c:match("%p") then out[#out + 1] = "%" .. c
    else out[#out + 1] = c end
    i = i + 1
  end
  out[#out + 1] = "$"
  return concat(out)
end
analyze.glob_pattern = glob_pattern

-- expand(paths, glob) -> list of { path =, size = } | nil, err.  Directories
-- are walked recursively in name order; the glob applies to the file name
-- (or to the path below the directory when it holds a '/').  Hidden files
-- and directories are skipped.
function analyze.expand(paths, glob)
  local lfs = require "lfs"
  local pat = glob and glob_pattern(glob)
  local out = {}
  local function walk(dir, rel)
    local names = {}
    local ok, iter, st = pcall(lfs.dir, dir)
    if not ok then
      out[#out + 1] = { path = dir, error = dir .. ": cannot read directory (" .. tostring(iter) .. ")" }
      return
    end
    for name in iter, st do
      if name:sub(1, 1) ~= "." then names[#names + 1] = name end
    end
    sort(names)
    for _, name in ipairs(names) do
      local p = dir:gsub("/$", "") .. "/" .. name
      local r = rel and (rel .. "/" .. name) or name
      local mode = lfs.attributes(p, "mode")
      if mode == "directory" then
        walk(p, r)
      elseif mode == "file" then
        local subject = (pat and glob:find("/", 1, true)) and r or name
        if not pat or subject:match(pat) then
          out[#out + 1] = { path = p, size = lfs.attributes(p, "size") or 0 }
        end
      end
    end
  end
  for _, p in ipairs(paths) do
    local mode = lfs.attributes(p, "mode")
    if mode == "directory" then walk(p, nil)
    elseif mode then out[#out + 1] = { path = p, size = lfs.attributes(p, "size") or 0 }
    else out[#out + 1] = { path = p, size = 0, error = p .. ": no such file or directory" } end
  end
  return out
end

-- files(list) -> iterator of documents; each file is read when reached
function analyze.files(list)
  local i = 0
  return function()
    i = i + 1
    local e = list[i]
    if not e then return nil end
    local parent = e.path:match("([^/]+)/[^/]*$")
    local doc = { id = e.path, path = e.path, source = parent or "." }
    if e.error then doc.error = e.error; return doc end
    local text, err = read_all(e.path)
    if not text then doc.error = tostring(err) else doc.text = text end
    return doc
  end
end

-- jsonl(fh, name) -> iterator of documents from JSON Lines
-- {"id":..., "text":..., "date":..., "source":...}; a bad line becomes a
-- document with an error naming name:line
function analyze.jsonl(fh, name)
  local n = 0
  local lines = fh:lines()
  return function()
    local line
    repeat
      line = lines()
      if line == nil then return nil end
      n = n + 1
    until line:find("%S")
    local where = name .. ":" .. n
    local obj, err = cjson.decode(line)
    if type(obj) ~= "table" then
      return { id = where, error = where .. ": invalid JSON (" .. tostring(err or "not an object") .. ")",
               bytes = #line }
    end
    local id = obj.id
    if type(id) == "number" then id = string.format("%.17g", id) end
    if type(id) ~= "string" then id = where end
    local doc = { id = id, source = type(obj.source) == "string" and obj.source or name,
                  date = type(obj.date) == "string" and obj.date or nil,
                  path = type(obj.path) == "string" and obj.path or nil }
    if type(obj.text) ~= "string" then
      doc.error = where .. ": field 'text' missing or not a string"
    else
      doc.text = obj.text
    end
    return doc
  end
end

-- ---------------------------------------------------------------------
-- JSON encoding of records: fixed key order, lists always as [ ]

local ARRAYS = { sentences = true, annotations = true, mentions = true, candidates = true, warnings = true }
local RECORD_KEYS = { "id", "path", "source", "status", "error", "bytes", "chars", "lang", "lang_confidence",
  "dir", "scripts", "date", "date_source", "sentences", "mentions", "annotations", "candidates",
  "warnings", "text" }

-- '"key":' for each key seen, so a record's many small objects do not
-- re-encode the same few field names
local KEY_PREFIX = setmetatable({}, { __index = function(t, k)
  local v = cjson.encode(k) .. ":"
  t[k] = v
  return v
end })

local function enc(v, as_array)
  local t = type(v)
  if t == "string" then return cjson.encode(v)
  elseif t == "number" then
    if math.type(v) == "integer" then return tostring(v) end
    if v == math.floor(v) and math.abs(v) < 2^53 then return string.format("%d", v) end
    return cjson.encode(v)
  elseif t == "boolean" then return v and "true" or "false"
  elseif t == "table" then
    local n = #v
    if as_array or n > 0 then
      local parts = {}
      for i = 1, n do parts[i] = enc(v[i]) end
      return "[" .. concat(parts, ",") .. "]"
    end
    local keys, nk = {}, 0
    for k in pairs(v) do nk = nk + 1; keys[nk] = tostring(k) end
    sort(keys)   -- sorted keys: byte-identical output whatever Lua's hash seed
    for i = 1, nk do
      local k = keys[i]
      local x = v[k]
      if x == nil then x = v[tonumber(k)] end
      keys[i] = KEY_PREFIX[k] .. enc(x)
    end
    return "{" .. concat(keys, ",") .. "}"
  end
  return (cjson.encode(v)) or "null"
end

-- encode_value(v) -> JSON text of any plain value (keys sorted)
function analyze.encode_value(v) return enc(v) end

-- The fields of mentions and annotations in sorted order: encoding these
-- many small objects by a fixed key list skips collecting and sorting their
-- keys.  A field outside the list falls back to the generic encoder.
local ITEM_KEYS = {
  mentions = { "alias", "ambiguous", "attrs", "boilerplate", "date", "id", "label", "sentence", "start",
               "stop", "surface", "type" },
  annotations = { "date", "kind", "rule", "start", "stop", "surface", "value" },
}

local function enc_items(list, keys)
  local known = {}
  for _, k in ipairs(keys) do known[k] = true end
  local out = {}
  for i = 1, #list do
    local item, parts, n = list[i], {}, 0
    for _, k in ipairs(keys) do
      local x = item[k]
      if x ~= nil then n = n + 1; parts[n] = KEY_PREFIX[k] .. enc(x) end
    end
    local extra = false
    for k in pairs(item) do if not known[k] then extra = true; break end end
    out[i] = extra and enc(item) or "{" .. concat(parts, ",") .. "}"
  end
  return "[" .. concat(out, ",") .. "]"
end

-- encode(record) -> one line of JSON (no newline)
function analyze.encode(rec)
  local parts = {}
  for _, k in ipairs(RECORD_KEYS) do
    local v = rec[k]
    if v ~= nil then
      parts[#parts + 1] = '"' .. k .. '":' .. (ITEM_KEYS[k] and enc_items(v, ITEM_KEYS[k]) or enc(v, ARRAYS[k]))
    end
  end
  return "{" .. concat(parts, ",") .. "}"
end

-- decode(line) -> record | nil, err
function analyze.decode(line)
  local rec, err = cjson.decode(line)
  if type(rec) ~= "table" then return nil, err or "not a JSON object" end
  for k in pairs(ARRAYS) do
    if type(rec[k]) == "table" and next(rec[k]) == nil then rec[k] = {} end
  end
  -- JSON null inside mentions (e.g. sentence) reads back as nil
  for _, m in ipairs(rec.mentions or {}) do
    for k, v in pairs(m) do if v == cjson.null then m[k] = nil end end
  end
  for _, a in ipairs(rec.annotations or {}) do
    for k, v in pairs(a) do if v == cjson.null then a[k] = nil end end
  end
  for k, v in pairs(rec) do if v == cjson.null then rec[k] = nil end end
  return rec
end

-- ---------------------------------------------------------------------
-- aggregates

local Agg = {}
Agg.__index = Agg

-- aggregator(opts) -> agg.  opts.keep_texts: how many documents keep their
-- record (text included) for a report that shows documents (default 200);
-- opts.keep_mentions: keep one row per mention (for mentions.csv).
function analyze.aggregator(opts)
  opts = opts or {}
  return setmetatable({
    keep_texts = opts.keep_texts or 200, keep_mentions = opts.keep_mentions or false,
    documents = 0, ok = 0, failed = 0, bytes = 0, chars = 0,
    mentions = 0, boilerplate_mentions = 0, annotations = 0, dated_mentions = 0,
    entities = {}, co_sentence = {}, co_document = {}, timeline = {},
    languages = {}, sources = {}, scripts = {}, annotation_kinds = {}, candidates = {},
    failures = {}, shown = {}, omitted = 0, rtl_documents = 0, mention_rows = {},
  }, Agg)
end

local function bump(t, k, n) t[k] = (t[k] or 0) + (n or 1) end

local function pair_key(a, b)
  if a > b then a, b = b, a end
  return a .. "\t" .. b
end

function Agg:add(rec)
  self.documents = self.documents + 1
  self.bytes = self.bytes + (rec.bytes or 0)
  local src = rec.source or "."
  local s = self.sources[src] or { documents = 0, mentions = 0, failed = 0 }
  self.sources[src] = s
  s.documents = s.documents + 1
  if rec.status ~= "ok" then
    self.failed = self.failed + 1
    s.failed = s.failed + 1
    self.failures[#self.failures + 1] = { id = rec.id, error = rec.error or "failed" }
    if #self.shown < self.keep_texts then self.shown[#self.shown + 1] = rec else self.omitted = self.omitted + 1 end
    return
  end
  self.ok = self.ok + 1
  self.chars = self.chars + (rec.chars or 0)
  local lang = rec.lang or "und"
  local l = self.languages[lang] or { documents = 0, mentions = 0, bytes = 0 }
  self.languages[lang] = l
  l.documents = l.documents + 1
  l.bytes = l.bytes + (rec.bytes or 0)
  if rec.dir == "rtl" then self.rtl_documents = self.rtl_documents + 1 end
  for sc, n in pairs(rec.scripts or {}) do bump(self.scripts, sc, n) end
  for _, a in ipairs(rec.annotations or {}) do
    self.annotations = self.annotations + 1
    bump(self.annotation_kinds, a.kind or "?")
  end
  local in_doc, by_sentence = {}, {}
  for _, m in ipairs(rec.mentions or {}) do
    if m.boilerplate then
      self.boilerplate_mentions = self.boilerplate_mentions + 1
    else
      self.mentions = self.mentions + 1
      l.mentions = l.mentions + 1
      s.mentions = s.mentions + 1
      local e = self.entities[m.id]
      if not e then
        e = { id = m.id, type = m.type, label = m.label or m.id, total = 0, documents = 0,
              languages = {}, surfaces = {}, ambiguous = 0 }
        self.entities[m.id] = e
      end
      e.total = e.total + 1
      if m.ambiguous then e.ambiguous = e.ambiguous + 1 end
      bump(e.languages, lang)
      bump(e.surfaces, m.surface)
      if not in_doc[m.id] then in_doc[m.id] = true; e.documents = e.documents + 1 end
      if m.sentence then
        local set = by_sentence[m.sentence] or {}
        by_sentence[m.sentence] = set
        set[m.id] = true
      end
      if m.date then
        self.dated_mentions = self.dated_mentions + 1
        local day = self.timeline[m.date] or { total = 0, entities = {} }
        self.timeline[m.date] = day
        day.total = day.total + 1
        bump(day.entities, m.id)
      end
      if self.keep_mentions then
        self.mention_rows[#self.mention_rows + 1] = {
          document = rec.id, lang = lang, start = m.start, stop = m.stop, id = m.id, type = m.type,
          label = m.label, surface = m.surface, alias = m.alias, sentence = m.sentence,
          date = m.date, ambiguous = m.ambiguous and "true" or "false",
        }
      end
    end
  end
  local function pairs_of(set, into)
    local ids = {}
    for id in pairs(set) do ids[#ids + 1] = id end
    sort(ids)
    for i = 1, #ids do
      for j = i + 1, #ids do bump(into, pair_key(ids[i], ids[j])) end
    end
  end
  for _, set in pairs(by_sentence) do pairs_of(set, self.co_sentence) end
  pairs_of(in_doc, self.co_document)
  local seen = {}
  for _, c in ipairs(rec.candidates or {}) do
    local surface, n = c[1], c[2]
    local k = self.candidates[surface] or { count = 0, documents = 0 }
    self.candidates[surface] = k
    k.count = k.count + n
    if not seen[surface] then seen[surface] = true; k.documents = k.documents + 1 end
  end
  if #self.shown < self.keep_texts then
    self.shown[#self.shown + 1] = rec
  else
    self.omitted = self.omitted + 1
  end
end

analyze.Aggregator = Agg
return analyze
