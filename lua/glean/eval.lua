-- glean.eval: score entity mentions against a gold standard, and build the
-- gold standard from annotations written in reading order
-- (../shared/ANNOTATION.md; README "Measuring recognition: glean eval").
--
--   local gold = assert(eval.parse_gold(tsv_text, "gold.tsv"))
--   local res = eval.score({ { name = "fr-1.txt", lang = "fr", text = text,
--                              gold = gold.by_doc["fr-1.txt"], mentions = rec.mentions } })
--   print(res.scores.all.ALL.exact.f1)
--
-- Matching, in one document and one type:
-- * exact: a prediction is right when a gold row has the same start, stop
--   and type.  Gold rows never repeat a span and type, and predictions are
--   made unique by (start, stop, type) (the first one read is kept), so
--   exact matching is one-to-one by construction.
-- * overlap: a prediction and a gold row of the same type match when they
--   share a byte; each is used once.  The pairs are a maximum matching
--   (Kuhn's augmenting paths), seeded with the exact pairs, gold rows and
--   predictions taken in text order, so the counts are the best one-to-one
--   reading and the result does not depend on input order.
-- * optional rows are never misses; a prediction left unmatched that is on
--   an optional row of its type (exact: the same span; overlap: a shared
--   byte) is neither right nor wrong.
-- * linking: of the exact true positives, the share whose label equals the
--   gold canonical after NFKC case folding.
-- Mentions glean marks as boilerplate are predictions like the others: the
-- gold annotates bylines and credits too, and analyze still reports them.
local core = require "glean.core"
local record = require "glean.record"

local ipairs, pairs, tostring, tonumber, math, string, table, utf8 =
  ipairs, pairs, tostring, tonumber, math, string, table, utf8
local concat, sort = table.concat, table.sort

local eval = {}

eval.TYPES = { "LOC", "ORG", "PER" }
local IS_TYPE = { LOC = true, ORG = true, PER = true }

-- glean's mention types (the gazetteer's `type` column) -> gold types
eval.TYPE_OF = { place = "LOC", org = "ORG", person = "PER" }

eval.GOLD_HEADER = "doc\tstart\tstop\ttype\tsurface\tcanonical\toptional"

-- base name of a path
local function base_name(p) return (tostring(p):match("([^/]*)$")) end
eval.base_name = base_name

-- lang_of(name, detected) -> the ISO 639-1 prefix of a file name
-- ("ar-1.txt" -> "ar"), else the detected language, else "und"
function eval.lang_of(name, detected)
  local l = base_name(name):match("^(%l%l)[-_]")
  return l or detected or "und"
end

-- ---------------------------------------------------------------------
-- gold files

-- parse_gold(text, name) -> gold | nil, errors (list of "name:line: what").
-- gold.rows in file order; gold.by_doc[doc] = rows of that document sorted
-- by (start, stop).
function eval.parse_gold(text, name)
  local rows, by_doc, errs, seen = {}, {}, {}, {}
  local n = 0
  local function bad(msg) errs[#errs + 1] = name .. ":" .. n .. ": " .. msg end
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do
    n = n + 1
    line = line:gsub("\r$", "")
    if n == 1 then
      if line ~= eval.GOLD_HEADER then
        bad("header expected: '" .. eval.GOLD_HEADER:gsub("\t", "<TAB>") .. "'")
        return nil, errs
      end
    elseif line ~= "" then
      local f = {}
      for v in (line .. "\t"):gmatch("([^\t]*)\t") do f[#f + 1] = v end
      local start, stop = math.tointeger(tonumber(f[2])), math.tointeger(tonumber(f[3]))
      if #f ~= 7 then bad(#f .. " fields, 7 expected")
      elseif f[1] == "" then bad("empty doc")
      elseif not start or start < 1 or not f[2]:match("^%d+$") then bad("start '" .. f[2] .. "' is not a byte offset")
      elseif not stop or not f[3]:match("^%d+$") then bad("stop '" .. f[3] .. "' is not a byte offset")
      elseif stop < start then bad("stop " .. stop .. " before start " .. start)
      elseif not IS_TYPE[f[4]] then bad("type '" .. f[4] .. "' is not PER, LOC or ORG")
      elseif f[5] == "" then bad("empty surface")
      elseif f[7] ~= "0" and f[7] ~= "1" then bad("optional '" .. f[7] .. "' is not 0 or 1")
      elseif f[7] == "0" and f[6] == "" then bad("required row without a canonical name")
      else
        local key = concat({ f[1], start, stop, f[4] }, "\t")
        if seen[key] then
          bad("same doc, span and type as line " .. seen[key])
        else
          seen[key] = n
          local r = { doc = f[1], start = start, stop = stop, type = f[4], surface = f[5],
                      canonical = f[6], optional = f[7] == "1", line = n }
          rows[#rows + 1] = r
          local list = by_doc[r.doc] or {}
          by_doc[r.doc] = list
          list[#list + 1] = r
        end
      end
    end
  end
  if n <= 1 and text == "" then bad("empty file (header expected)") end
  if #errs > 0 then return nil, errs end
  for _, list in pairs(by_doc) do
    sort(list, function(a, b)
      if a.start ~= b.start then return a.start < b.start end
      if a.stop ~= b.stop then return a.stop > b.stop end
      return a.type < b.type
    end)
  end
  return { rows = rows, by_doc = by_doc, name = name }
end

-- check_offsets(gold, texts) -> true | nil, errors: every row's surface is
-- the document's bytes start..stop; texts[doc] is the text of each doc
function eval.check_offsets(gold, texts)
  local errs = {}
  for _, r in ipairs(gold.rows) do
    local text = texts[r.doc]
    if text then
      local got = text:sub(r.start, r.stop)
      if r.stop > #text then
        errs[#errs + 1] = string.format("%s:%d: offsets %d-%d beyond the end of %s (%d bytes)",
          gold.name, r.line, r.start, r.stop, r.doc, #text)
      elseif got ~= r.surface then
        errs[#errs + 1] = string.format("%s:%d: %s bytes %d-%d are '%s', not the surface '%s'",
          gold.name, r.line, r.doc, r.start, r.stop, got, r.surface)
      end
    end
  end
  if #errs > 0 then return nil, errs end
  return true
end

-- gold_tsv(rows) -> the gold file's text
function eval.gold_tsv(rows)
  local out = { eval.GOLD_HEADER }
  for _, r in ipairs(rows) do
    out[#out + 1] = concat({ r.doc, r.start, r.stop, r.type, r.surface, r.canonical or "",
                             r.optional and "1" or "0" }, "\t")
  end
  return concat(out, "\n") .. "\n"
end

-- ---------------------------------------------------------------------
-- scoring

local function overlaps(a, b) return a.start <= b.stop and b.start <= a.stop end

local function ratio(a, b) return b > 0 and a / b or 0 end

local function prf(c)
  local p, r = ratio(c.tp, c.tp + c.fp), ratio(c.tp, c.tp + c.fn)
  c.precision, c.recall = p, r
  c.f1 = (p + r > 0) and 2 * p * r / (p + r) or 0
  return c
end

local function casefold(s) return core.normalize(s, "NFKC_CF") end

-- the predictions of a record's mentions: gold types only, one per
-- (start, stop, type); returns preds, counts of other types
local function predictions_of(mentions)
  local preds, other, seen = {}, {}, {}
  for _, m in ipairs(mentions or {}) do
    local t = eval.TYPE_OF[m.type]
    local start, stop = math.tointeger(m.start), math.tointeger(m.stop)   -- JSON numbers read as floats
    if not t or not start or not stop then
      local k = tostring(m.type)
      other[k] = (other[k] or 0) + 1
    else
      local key = start .. ":" .. stop .. ":" .. t
      if not seen[key] then
        seen[key] = true
        preds[#preds + 1] = { start = start, stop = stop, type = t, label = m.label or m.id,
                              surface = m.surface, id = m.id, boilerplate = m.boilerplate or nil }
      end
    end
  end
  sort(preds, function(a, b)
    if a.start ~= b.start then return a.start < b.start end
    if a.stop ~= b.stop then return a.stop > b.stop end
    return a.type < b.type
  end)
  return preds, other
end
eval.predictions_of = predictions_of

-- maximum matching of gold rows to predictions (same type, a shared byte):
-- returns gold_of[pred] = gold row, pred_of[gold] = pred
local function overlap_matching(gold, preds)
  local adj = {}
  for gi, g in ipairs(gold) do
    local list = {}
    for pi, p in ipairs(preds) do
      if p.type == g.type and overlaps(p, g) then list[#list + 1] = pi end
    end
    adj[gi] = list
  end
  local pred_of, gold_of = {}, {}
  -- seed: exact pairs
  for gi, g in ipairs(gold) do
    for _, pi in ipairs(adj[gi]) do
      local p = preds[pi]
      if not gold_of[pi] and p.start == g.start and p.stop == g.stop then
        pred_of[gi], gold_of[pi] = pi, gi
        break
      end
    end
  end
  local function augment(gi, visited)
    for _, pi in ipairs(adj[gi]) do
      if not visited[pi] then
        visited[pi] = true
        if not gold_of[pi] or augment(gold_of[pi], visited) then
          pred_of[gi], gold_of[pi] = pi, gi
          return true
        end
      end
    end
    return false
  end
  for gi = 1, #gold do
    if not pred_of[gi] then augment(gi, {}) end
  end
  return pred_of, gold_of
end

-- score_doc(doc) -> per-type counts { [type] = { exact =, overlap =, linked = } },
-- errors (exact mode), other-type counts
local function score_doc(doc)
  local gold = doc.gold or {}
  local preds, other = predictions_of(doc.mentions)
  local counts = {}
  for _, t in ipairs(eval.TYPES) do
    counts[t] = { exact = { tp = 0, fp = 0, fn = 0 }, overlap = { tp = 0, fp = 0, fn = 0 },
                  linked = 0, gold = 0, optional = 0, predicted = 0 }
  end
  local required, by_span = {}, {}
  for _, g in ipairs(gold) do
    local c = counts[g.type]
    if g.optional then c.optional = c.optional + 1
    else
      c.gold = c.gold + 1
      required[#required + 1] = g
    end
    by_span[g.start .. ":" .. g.stop .. ":" .. g.type] = g
  end
  for _, p in ipairs(preds) do counts[p.type].predicted = counts[p.type].predicted + 1 end

  -- exact
  local errors = {}
  local hit = {}
  for _, p in ipairs(preds) do
    local c = counts[p.type]
    local g = by_span[p.start .. ":" .. p.stop .. ":" .. p.type]
    if g and not g.optional then
      c.exact.tp = c.exact.tp + 1
      hit[g] = true
      if p.label and g.canonical ~= "" and casefold(p.label) == casefold(g.canonical) then
        c.linked = c.linked + 1
      end
    elseif not g then
      c.exact.fp = c.exact.fp + 1
      local class = "spurious"
      for _, x in ipairs(gold) do
        if x.start == p.start and x.stop == p.stop then class = "type"; break end
      end
      if class == "spurious" then
        for _, x in ipairs(gold) do
          if x.type == p.type and overlaps(x, p) then class = "boundary"; break end
        end
      end
      errors[#errors + 1] = { class = class, kind = "prediction", start = p.start, stop = p.stop,
                              type = p.type, surface = p.surface, label = p.label }
    end
  end
  for _, g in ipairs(required) do
    if not hit[g] then
      local c = counts[g.type]
      c.exact.fn = c.exact.fn + 1
      local class = "missed"
      for _, p in ipairs(preds) do
        if p.start == g.start and p.stop == g.stop then class = "type"; break end
      end
      if class == "missed" then
        for _, p in ipairs(preds) do
          if p.type == g.type and overlaps(p, g) then class = "boundary"; break end
        end
      end
      errors[#errors + 1] = { class = class, kind = "gold", start = g.start, stop = g.stop,
                              type = g.type, surface = g.surface, canonical = g.canonical }
    end
  end
  sort(errors, function(a, b)
    if a.start ~= b.start then return a.start < b.start end
    if a.stop ~= b.stop then return a.stop < b.stop end
    return a.kind < b.kind
  end)

  -- overlap
  local pred_of, gold_of = overlap_matching(required, preds)
  for gi, g in ipairs(required) do
    local c = counts[g.type].overlap
    if pred_of[gi] then c.tp = c.tp + 1 else c.fn = c.fn + 1 end
  end
  for pi, p in ipairs(preds) do
    if not gold_of[pi] then
      local on_optional = false
      for _, g in ipairs(gold) do
        if g.optional and g.type == p.type and overlaps(g, p) then on_optional = true; break end
      end
      if not on_optional then
        local c = counts[p.type].overlap
        c.fp = c.fp + 1
      end
    end
  end
  return counts, errors, other
end

local function new_cell()
  return { exact = { tp = 0, fp = 0, fn = 0 }, overlap = { tp = 0, fp = 0, fn = 0 },
           linked = 0, gold = 0, optional = 0, predicted = 0 }
end

local function add_cell(into, c)
  for _, mode in ipairs({ "exact", "overlap" }) do
    for _, k in ipairs({ "tp", "fp", "fn" }) do into[mode][k] = into[mode][k] + c[mode][k] end
  end
  into.linked = into.linked + c.linked
  into.gold = into.gold + c.gold
  into.optional = into.optional + c.optional
  into.predicted = into.predicted + c.predicted
end

-- score(docs) -> result.  docs: list of { name =, lang =, text =, gold =
-- rows (from parse_gold's by_doc), mentions = the record's mentions }.
-- result.scores[scope][type] = { exact = {tp, fp, fn, precision, recall,
-- f1}, overlap = {...}, linking = share, linked =, gold =, optional =,
-- predicted = }, scope "all", a language code or "doc:NAME", type one of
-- eval.TYPES or "ALL"; result.errors[lang] = list of errors in document
-- order; result.other_types[type] = predictions of types not scored.
function eval.score(docs)
  local res = { scores = {}, errors = {}, other_types = {}, langs = {}, docs = {} }
  local function cell(scope, t)
    local s = res.scores[scope]
    if not s then
      s = {}
      res.scores[scope] = s
      for _, x in ipairs(eval.TYPES) do s[x] = new_cell() end
      s.ALL = new_cell()
    end
    return s[t]
  end
  cell("all", "ALL")
  local seen_lang = {}
  for _, d in ipairs(docs) do
    local counts, errors, other = score_doc(d)
    local lang = d.lang or "und"
    if not seen_lang[lang] then seen_lang[lang] = true; res.langs[#res.langs + 1] = lang end
    res.docs[#res.docs + 1] = d.name
    for _, t in ipairs(eval.TYPES) do
      for _, scope in ipairs({ "all", lang, "doc:" .. d.name }) do
        add_cell(cell(scope, t), counts[t])
        add_cell(cell(scope, "ALL"), counts[t])
      end
    end
    local list = res.errors[lang] or {}
    res.errors[lang] = list
    for _, e in ipairs(errors) do
      e.doc, e.lang = d.name, lang
      if d.text then e.context = eval.context(d.text, e.start, e.stop) end
      list[#list + 1] = e
    end
    for k, n in pairs(other) do res.other_types[k] = (res.other_types[k] or 0) + n end
  end
  sort(res.langs)
  for _, s in pairs(res.scores) do
    for _, c in pairs(s) do
      prf(c.exact)
      prf(c.overlap)
      c.linking = ratio(c.linked, c.exact.tp)
    end
  end
  return res
end

-- context(text, start, stop) -> the line holding the span, cut to about 60
-- bytes each side (at character boundaries), the span in [brackets]
function eval.context(text, start, stop)
  local ls = start
  while ls > 1 and text:byte(ls - 1) ~= 10 do ls = ls - 1 end
  local le = stop
  while le < #text and text:byte(le + 1) ~= 10 do le = le + 1 end
  local before, after = text:sub(ls, start - 1), text:sub(stop + 1, le)
  local cut_b, cut_a = false, false
  if #before > 60 then
    local i = #before - 60 + 1
    while i <= #before and (before:byte(i) & 0xC0) == 0x80 do i = i + 1 end
    before, cut_b = before:sub(i), true
  end
  if #after > 60 then
    local j = 60
    while j < #after and (after:byte(j + 1) & 0xC0) == 0x80 do j = j + 1 end
    after, cut_a = after:sub(1, j), true
  end
  local s = (cut_b and "…" or "") .. before .. "[" .. text:sub(start, stop) .. "]" .. after .. (cut_a and "…" or "")
  return (s:gsub("[\t\r]", " "))
end

-- ---------------------------------------------------------------------
-- output

local function f3(x) return string.format("%.3f", x) end

-- summary(res) -> "eval: exact F1=0.xxx (LOC 0.xxx ORG 0.xxx PER 0.xxx) overlap F1=0.xxx"
function eval.summary(res)
  local all = res.scores.all
  local per = {}
  for _, t in ipairs(eval.TYPES) do per[#per + 1] = t .. " " .. f3(all[t].exact.f1) end
  return "eval: exact F1=" .. f3(all.ALL.exact.f1) .. " (" .. concat(per, " ") .. ") overlap F1="
    .. f3(all.ALL.overlap.f1)
end

-- the rows shown for `by` (a set of "lang", "type", "doc"): list of {scope, type}
local function rows_for(res, by)
  local types = by.type and { "ALL", "LOC", "ORG", "PER" } or { "ALL" }
  local rows = {}
  local function add(scope)
    for _, t in ipairs(types) do rows[#rows + 1] = { scope, t } end
  end
  add("all")
  if by.lang then for _, l in ipairs(res.langs) do add(l) end end
  if by.doc then for _, d in ipairs(res.docs) do add("doc:" .. d) end end
  return rows
end

local function notes(res)
  local out = {}
  local other, n = {}, 0
  for k, v in pairs(res.other_types) do other[#other + 1] = k .. " " .. v; n = n + v end
  sort(other)
  if n > 0 then
    out[#out + 1] = "note: " .. n .. " predictions of types not scored (" .. concat(other, ", ") .. ")"
  end
  for _, msg in ipairs(res.notes or {}) do out[#out + 1] = "note: " .. msg end
  return out
end

-- errors to show: up to n per language, in document order
local function shown_errors(res, n)
  local out = {}
  for _, l in ipairs(res.langs) do
    local list = {}
    for i, e in ipairs(res.errors[l] or {}) do
      if i > n then break end
      list[#list + 1] = e
    end
    out[#out + 1] = { lang = l, errors = list, total = #(res.errors[l] or {}) }
  end
  return out
end

local function error_line(e)
  local what = e.kind == "gold" and ("gold " .. e.type .. " '" .. e.surface .. "'")
    or ("predicted " .. e.type .. " '" .. tostring(e.surface) .. "' (" .. tostring(e.label) .. ")")
  return string.format("  %-8s %s %d-%d %s\n           %s", e.class, e.doc, e.start, e.stop, what, e.context or "")
end

-- text(res, opts) -> the readable table; opts.by (set), opts.show_errors (n)
function eval.text(res, opts)
  opts = opts or {}
  local by = opts.by or { lang = true, type = true }
  local out = {}
  local all = res.scores.all.ALL
  out[#out + 1] = string.format("glean eval: %d documents, %d languages, %d gold mentions (+%d optional), "
    .. "%d predictions", #res.docs, #res.langs, all.gold, all.optional, all.predicted)
  out[#out + 1] = ""
  out[#out + 1] = string.format("%-16s %-4s %5s %5s | %5s %5s %5s %6s %6s %6s | %6s %6s %6s | %6s",
    "scope", "type", "gold", "pred", "TP", "FP", "FN", "P", "R", "F1", "P", "R", "F1", "link")
  out[#out + 1] = string.format("%-16s %-4s %5s %5s | %-36s | %-20s |", "", "", "", "", "exact", "overlap")
  for _, row in ipairs(rows_for(res, by)) do
    local c = res.scores[row[1]][row[2]]
    local e, o = c.exact, c.overlap
    out[#out + 1] = string.format("%-16s %-4s %5d %5d | %5d %5d %5d %6s %6s %6s | %6s %6s %6s | %6s",
      row[1], row[2], c.gold, c.predicted, e.tp, e.fp, e.fn, f3(e.precision), f3(e.recall), f3(e.f1),
      f3(o.precision), f3(o.recall), f3(o.f1), e.tp > 0 and f3(c.linking) or "-")
  end
  if opts.show_errors and opts.show_errors > 0 then
    for _, g in ipairs(shown_errors(res, opts.show_errors)) do
      out[#out + 1] = ""
      out[#out + 1] = string.format("errors in %s (%d of %d):", g.lang, #g.errors, g.total)
      for _, e in ipairs(g.errors) do out[#out + 1] = error_line(e) end
    end
  end
  local ns = notes(res)
  if #ns > 0 then out[#out + 1] = "" end
  for _, n in ipairs(ns) do out[#out + 1] = n end
  out[#out + 1] = ""
  out[#out + 1] = eval.summary(res)
  return concat(out, "\n") .. "\n"
end

-- tsv(res, opts) -> one row per (scope, type, mode)
function eval.tsv(res, opts)
  opts = opts or {}
  local by = opts.by or { lang = true, type = true, doc = true }
  local out = { "scope\ttype\tmode\tgold\toptional\tpredicted\ttp\tfp\tfn\tprecision\trecall\tf1\tlinking" }
  for _, row in ipairs(rows_for(res, by)) do
    local c = res.scores[row[1]][row[2]]
    for _, mode in ipairs({ "exact", "overlap" }) do
      local m = c[mode]
      out[#out + 1] = concat({ row[1], row[2], mode, c.gold, c.optional, c.predicted, m.tp, m.fp, m.fn,
        string.format("%.4f", m.precision), string.format("%.4f", m.recall), string.format("%.4f", m.f1),
        mode == "exact" and string.format("%.4f", c.linking) or "" }, "\t")
    end
  end
  return concat(out, "\n") .. "\n"
end

-- json(res, opts) -> every figure (and the shown errors, when asked)
function eval.json(res, opts)
  opts = opts or {}
  local obj = { scores = res.scores, languages = res.langs, documents = res.docs,
                other_types = res.other_types, summary = eval.summary(res),
                notes = (res.notes and #res.notes > 0) and res.notes or nil }
  if opts.show_errors and opts.show_errors > 0 then
    local errs = {}
    for _, g in ipairs(shown_errors(res, opts.show_errors)) do errs[g.lang] = g.errors end
    obj.errors = errs
  end
  return record.encode_value(obj) .. "\n"
end

-- ---------------------------------------------------------------------
-- building the gold from annotations in reading order

eval.OPTIONAL_WORDS = { ["1"] = true, opt = true, optional = true }

-- Scripts written without spaces between words: no word boundary needed
-- (the gazetteer's `noboundary` scripts).
local NO_SPACE_SCRIPTS = { Hani = true, Hira = true, Kana = true, Thai = true, Laoo = true, Khmr = true,
                           Mymr = true }
-- Arabic-script proclitics written attached to the next word (و ف ب ل ك)
local PROCLITIC = { [0x0648] = true, [0x0641] = true, [0x0628] = true, [0x0644] = true, [0x0643] = true }
-- apostrophes that set off a suffix or an elided article (only U+02BC is a
-- word character; the others are boundaries already)
local APOSTROPHE = { [0x27] = true, [0x2019] = true, [0x02BC] = true, [0x2018] = true }
-- letters after which a Persian ezafe is written as ی (or hamza above)
local EZAFE_AFTER = { [0x0627] = true, [0x0622] = true, [0x0648] = true, [0x0647] = true, [0x06D5] = true }

local function script_of(text, i)
  local r = core.scripts(text:sub(i, (utf8.offset(text, 2, i) or #text + 1) - 1))
  return r[1] and r[1].script
end

-- start of the character before byte i (i > 1)
local function char_before(text, i)
  local j = i - 1
  while j > 1 and (text:byte(j) & 0xC0) == 0x80 do j = j - 1 end
  return j
end

local function cp_at(text, i) return utf8.codepoint(text, i) end

local function is_word(text, i) return core.is_word_char(text, i) end

local function is_mark(c)   -- Arabic harakat and other combining marks in a proclitic run
  return (c >= 0x064B and c <= 0x065F) or c == 0x0670
end

-- the word characters just before byte p are Arabic proclitics (و ف ب ل ك,
-- up to three, optionally followed by the article ال)
local function proclitic_before(text, p)
  local cps = {}
  local i = p
  while i > 1 do
    local j = char_before(text, i)
    if not is_word(text, j) then break end
    local c = cp_at(text, j)
    if not is_mark(c) then table.insert(cps, 1, c) end
    i = j
  end
  local n = #cps
  if n >= 3 and cps[n - 1] == 0x0627 and cps[n] == 0x0644 then n = n - 2 end   -- ال
  if n < 1 or n > 3 then return false end
  for k = 1, n do if not PROCLITIC[cps[k]] then return false end end
  return true
end

-- Persian ezafe after a vowel at byte q: (ZWNJ) ی|ي, or hamza above, then no word character
local function ezafe_at(text, q, last)
  if not EZAFE_AFTER[cp_at(text, last)] then return false end
  local i = q
  if cp_at(text, i) == 0x200C then i = i + 3 end
  if i > #text then return false end
  local c = cp_at(text, i)
  if c ~= 0x06CC and c ~= 0x064A and c ~= 0x0654 then return false end
  local after = utf8.offset(text, 2, i)
  return after > #text or not is_word(text, after)
end

-- boundary_ok(text, p, q) -> true when text:sub(p, q) starts and ends at
-- word boundaries (with the exceptions above), else false, which end
function eval.boundary_ok(text, p, q)
  -- start
  if p > 1 then
    local b = char_before(text, p)
    if is_word(text, b) and is_word(text, p) then
      local ok = NO_SPACE_SCRIPTS[script_of(text, b)] or NO_SPACE_SCRIPTS[script_of(text, p)]
        or APOSTROPHE[cp_at(text, b)]
        or (script_of(text, p) == "Arab" and proclitic_before(text, p))
      if not ok then return false, "start" end
    end
  end
  -- end
  local n = q + 1
  if n <= #text then
    local last = char_before(text, n)
    if is_word(text, last) and is_word(text, n) then
      local ok = NO_SPACE_SCRIPTS[script_of(text, last)] or NO_SPACE_SCRIPTS[script_of(text, n)]
        or APOSTROPHE[cp_at(text, n)]
        or (script_of(text, last) == "Arab" and ezafe_at(text, n, last))
      if not ok then return false, "end" end
    end
  end
  return true
end

local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end

-- parse_annotations(text, name) -> sections, errors.  sections: list of
-- { doc =, line =, mentions = { {type, surface, canonical, optional, line}... } }
function eval.parse_annotations(text, name)
  local sections, errs = {}, {}
  local cur
  local n = 0
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do
    n = n + 1
    line = line:gsub("\r$", "")
    local where = name .. ":" .. n
    if n == 1 then line = line:gsub("^\239\187\191", "") end   -- BOM
    if line:match("^##%s") then
      local doc = trim(line:sub(3))
      if doc == "" then errs[#errs + 1] = where .. ": header without a document name" end
      cur = { doc = doc, line = n, mentions = {}, file = name }
      sections[#sections + 1] = cur
    elseif line:match("^%s*$") or line:match("^#") then   -- luacheck: ignore 542
      -- blank or comment
    else
      local f = {}
      for v in (line .. "|"):gmatch("([^|]*)|") do f[#f + 1] = trim(v) end
      local t, surface, canonical, opt = f[1], f[2], f[3], f[4] or "0"
      if not cur then
        errs[#errs + 1] = where .. ": mention before any '## FILE' header"
      elseif #f < 3 or #f > 4 then
        errs[#errs + 1] = where .. ": " .. #f .. " fields, expected 'TYPE | surface | canonical [| optional]'"
      elseif not IS_TYPE[t] then
        errs[#errs + 1] = where .. ": type '" .. t .. "' is not PER, LOC or ORG"
      elseif surface == "" then
        errs[#errs + 1] = where .. ": empty surface"
      elseif surface:find("\t", 1, true) or canonical:find("\t", 1, true) then
        errs[#errs + 1] = where .. ": tab inside a field"
      elseif not (eval.OPTIONAL_WORDS[opt:lower()] or opt == "0" or opt == "") then
        errs[#errs + 1] = where .. ": optional field '" .. opt .. "' is not 1, opt, optional or 0"
      elseif not utf8.len(surface) or not utf8.len(canonical) then
        errs[#errs + 1] = where .. ": invalid UTF-8"
      else
        local optional = eval.OPTIONAL_WORDS[opt:lower()] or false
        if not optional and canonical == "" then
          errs[#errs + 1] = where .. ": required mention without a canonical name"
        else
          cur.mentions[#cur.mentions + 1] = { type = t, surface = surface, canonical = canonical,
                                              optional = optional, line = n }
        end
      end
    end
  end
  return sections, errs
end

-- place(text, mentions, where) -> rows, errors: each mention searched for
-- from the previous mention's start, in strictly increasing (start,
-- -length) order, at word boundaries; a required mention is not placed
-- inside an earlier mention's span (names inside names are optional rows).
function eval.place(text, doc, mentions, file)
  local rows, errs = {}, {}
  local prev
  for _, m in ipairs(mentions) do
    local s, len = m.surface, #m.surface
    local from = prev and prev.start or 1
    local found, why
    local i = from
    while true do
      local p = text:find(s, i, true)
      if not p then break end
      local q = p + len - 1
      local ordered = not prev or p > prev.start or (p == prev.start and len < prev.stop - prev.start + 1)
      local nested = false
      if not m.optional then
        for _, r in ipairs(rows) do
          if r.start <= p and q <= r.stop then nested = true; break end
        end
      end
      if ordered then
        local ok, which = eval.boundary_ok(text, p, q)
        if not ok then
          why = why or string.format("at byte %d it %s inside a word", p, which == "start" and "starts" or "ends")
        elseif nested then
          why = why or string.format("at byte %d it lies inside an earlier mention (only optional rows can)", p)
        else
          found = p
          break
        end
      end
      i = p + 1
    end
    if found then
      local r = { doc = doc, start = found, stop = found + len - 1, type = m.type, surface = s,
                  canonical = m.canonical, optional = m.optional }
      rows[#rows + 1] = r
      prev = r
    else
      local msg = string.format("%s:%d: '%s' not found in %s after byte %d", file, m.line, s, doc, from)
      if prev then msg = msg .. " (the start of the previous mention '" .. prev.surface .. "')" end
      local earlier
      local j = 1
      while true do
        local p = text:find(s, j, true)
        if not p or p >= from then break end
        if eval.boundary_ok(text, p, p + len - 1) then earlier = p; break end
        j = p + 1
      end
      if earlier then
        msg = msg .. string.format("; it occurs earlier, at byte %d: out of reading order?", earlier)
      elseif why then msg = msg .. "; " .. why
      elseif text:find(s, 1, true) then msg = msg .. "; it occurs only inside words or before that byte"
      else msg = msg .. "; it does not occur in the document" end
      errs[#errs + 1] = msg
    end
  end
  return rows, errs
end

-- build_gold(annotations, texts) -> rows, errors.  annotations: list of
-- { name =, text = } (annotation files); texts[base name] = document text.
function eval.build_gold(annotations, texts)
  local rows, errs, seen = {}, {}, {}
  for _, a in ipairs(annotations) do
    local sections, perrs = eval.parse_annotations(a.text, a.name)
    for _, e in ipairs(perrs) do errs[#errs + 1] = e end
    for _, sec in ipairs(sections) do
      local where = a.name .. ":" .. sec.line
      if sec.doc ~= "" then
        if seen[sec.doc] then
          errs[#errs + 1] = where .. ": document '" .. sec.doc .. "' already annotated at " .. seen[sec.doc]
        elseif not texts[sec.doc] then
          errs[#errs + 1] = where .. ": document '" .. sec.doc .. "' is not among the documents given"
        else
          seen[sec.doc] = where
          local r, e = eval.place(texts[sec.doc], sec.doc, sec.mentions, a.name)
          for _, x in ipairs(r) do rows[#rows + 1] = x end
          for _, x in ipairs(e) do errs[#errs + 1] = x end
        end
      end
    end
  end
  return rows, errs
end

return eval
