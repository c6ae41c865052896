-- glean.report: aggregates (glean.aggregate) -> the view model the report
-- templates render, the highlighted HTML of a document, and reading
-- documents.jsonl result files back into aggregates (`glean report`).
--
--   local view = report.view(agg)
--   local out = assert(report.render(agg, { format = "html" }))
--
-- The templates are data (templates/*.html|md|csv): every label and number
-- they show comes from the view built here, so analysts change the layout
-- without touching code.  The view is deterministic: every list is sorted
-- with a full tie-break, so equal aggregates render to equal bytes.
local core = require "glean.core"
local record = require "glean.record"
local paths = require "glean.paths"
local template = require "glean.template"
local charts = require "glean.charts"

local ipairs, pairs, type, tostring, tonumber, pcall, math, string, table, io =
  ipairs, pairs, type, tostring, tonumber, pcall, math, string, table, io
local concat, sort = table.concat, table.sort

local report = {}

-- default template per format; jsonl is written by record.encode, not a template
report.FORMATS = { html = "report.html", md = "report.md", csv = "mentions.csv", jsonl = false }

-- Labels shown in the report, kept apart from logic so they are easy to change.
report.TYPE_LABELS = { place = "Place", org = "Organisation", person = "Person", event = "Event", misc = "Other" }

function report.template_dir()
  return paths.home() .. "/templates"
end

-- ---------------------------------------------------------------------
-- highlighting

-- text and quoted attributes: every value the highlighter writes is quoted
local function esc(s) return template.escape_html(tostring(s), "quoted") end
report.escape = esc

-- a CSS class from a type name: letters, digits and '-' only
local function css_name(s) return (tostring(s):lower():gsub("[^%w%-]", "-")) end

-- Colour slot of each entity type: a fixed slot for the known types, then
-- the next free one; the legend and the marks share it.
local FIXED_SLOT = { place = 0, org = 1, person = 2, event = 3 }
local NSLOTS = 8
local function type_slots(types)
  local slot, used, names = {}, {}, {}
  for t in pairs(types) do names[#names + 1] = t end
  sort(names)
  for _, t in ipairs(names) do
    if FIXED_SLOT[t] then slot[t] = FIXED_SLOT[t]; used[FIXED_SLOT[t]] = true end
  end
  local next_slot = 0
  for _, t in ipairs(names) do
    if not slot[t] then
      while used[next_slot % NSLOTS] and next_slot < NSLOTS do next_slot = next_slot + 1 end
      slot[t] = next_slot % NSLOTS
      used[slot[t]] = true
      next_slot = next_slot + 1
    end
  end
  return slot
end

-- highlight(rec [, slots]) -> HTML of the document text: paragraphs
-- <p dir="auto"> (one per line), mentions as <mark class="m c-N"> and rule
-- annotations as <span class="a k-KIND">.  The text is cut at every span
-- boundary and each piece escaped; overlapping spans that do not nest are
-- closed and reopened around the boundary (the fragments share data-m /
-- data-a), so the markup is always well formed.
function report.highlight(rec, slots)
  local text = rec.text or ""
  local n = #text
  slots = slots or {}
  local spans = {}
  for i, m in ipairs(rec.mentions or {}) do
    local s, e = math.max(1, m.start), math.min(n, m.stop)
    if s <= e then
      local cls = "m c-" .. (slots[m.type] or 7) .. " t-" .. css_name(m.type or "misc")
      if m.boilerplate then cls = cls .. " boiler" end
      local title = (m.label or m.id) .. " · " .. (m.type or "?") .. " · " .. m.id
        .. (m.ambiguous and " · ambiguous" or "") .. (m.source and (" · found by " .. m.source) or "")
      spans[#spans + 1] = { s = s, e = e, prio = 1,
        open = '<mark class="' .. cls .. '" data-m="' .. i .. '" data-entity="' .. esc(m.id)
          .. '" title="' .. esc(title) .. '">',
        close = "</mark>" }
    end
  end
  for i, a in ipairs(rec.annotations or {}) do
    local s, e = math.max(1, a.start), math.min(n, a.stop)
    if s <= e then
      local v = a.date or a.value
      if type(v) ~= "string" then v = record.encode_value(v) end  -- 2025, not 2025.0 after JSON
      spans[#spans + 1] = { s = s, e = e, prio = 2,
        open = '<span class="a k-' .. css_name(a.kind or "rule") .. '" data-a="' .. i .. '" title="'
          .. esc((a.kind or "") .. " (" .. (a.rule or "") .. "): " .. tostring(v)) .. '">',
        close = "</span>" }
    end
  end
  -- boundaries: every start, every stop + 1, and each line break
  local starts, ends, cuts = {}, {}, { [1] = true, [n + 1] = true }
  for _, sp in ipairs(spans) do
    starts[sp.s] = starts[sp.s] or {}
    local t = starts[sp.s]; t[#t + 1] = sp
    ends[sp.e + 1] = true
    cuts[sp.s] = true; cuts[sp.e + 1] = true
  end
  local pos_list = {}
  for p in pairs(cuts) do pos_list[#pos_list + 1] = p end
  sort(pos_list)
  local out, stack = { '<p dir="auto">' }, {}
  local function outer_first(a, b)
    if a.e ~= b.e then return a.e > b.e end
    if a.s ~= b.s then return a.s < b.s end
    return a.prio < b.prio
  end
  for k = 1, #pos_list - 1 do
    local p = pos_list[k]
    if ends[p] then   -- close down to the deepest ending span, reopen the rest
      local keep, depth = {}, #stack
      local lowest = nil
      for i = 1, depth do if stack[i].e + 1 == p then lowest = lowest or i end end
      if lowest then
        for i = depth, lowest, -1 do
          out[#out + 1] = stack[i].close
          if stack[i].e + 1 ~= p then keep[#keep + 1] = stack[i] end
          stack[i] = nil
        end
        sort(keep, outer_first)
        for _, sp in ipairs(keep) do out[#out + 1] = sp.open; stack[#stack + 1] = sp end
      end
    end
    local new = starts[p]
    if new then
      sort(new, outer_first)
      for _, sp in ipairs(new) do out[#out + 1] = sp.open; stack[#stack + 1] = sp end
    end
    local piece = text:sub(p, pos_list[k + 1] - 1)
    local first = true
    for line in (piece .. "\n"):gmatch("([^\n]*)\n") do
      if not first then   -- a line break: close the paragraph around the open spans
        for i = #stack, 1, -1 do out[#out + 1] = stack[i].close end
        out[#out + 1] = '</p>\n<p dir="auto">'
        for i = 1, #stack do out[#out + 1] = stack[i].open end
      end
      first = false
      if line ~= "" then out[#out + 1] = esc(line) end
    end
  end
  for i = #stack, 1, -1 do out[#out + 1] = stack[i].close end
  out[#out + 1] = "</p>"
  return concat(out)
end

-- ---------------------------------------------------------------------
-- the view model

local function fmt_int(n)
  local s = string.format("%d", math.floor((n or 0) + 0.5))
  return (s:reverse():gsub("(%d%d%d)(%d)", "%1,%2"):reverse())
end

local function sorted_keys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  sort(keys)
  return keys
end

-- "en 3 · fa 2" from { en = 3, fa = 2 }, largest first
local function breakdown(t, limit)
  local keys = sorted_keys(t)
  sort(keys, function(a, b) if t[a] ~= t[b] then return t[a] > t[b] end return a < b end)
  local parts = {}
  for i, k in ipairs(keys) do
    if limit and i > limit then parts[#parts + 1] = "…"; break end
    parts[#parts + 1] = k .. " " .. fmt_int(t[k])
  end
  return concat(parts, " · ")
end

local function int(n) return math.floor((n or 0) + 0.5) end

-- spellings(t, limit) -> { {surface, count, last}, ... }, largest first: the
-- "Written as" list, each spelling a value of its own so the template can
-- isolate it (<bdi>) and a right-to-left name keeps its count beside it
local function spellings(t, limit)
  local keys = sorted_keys(t)
  sort(keys, function(a, b) if t[a] ~= t[b] then return t[a] > t[b] end return a < b end)
  local out = {}
  for i, k in ipairs(keys) do
    if i > limit then out[#out].more = true; break end
    out[i] = { surface = k, count = int(t[k]) }
  end
  if #out > 0 then out[#out].last = true end
  return out
end

-- Words that are no names however capitalised: stop words (data/stopwords.tsv,
-- from stopwords-iso) and ICU's month and weekday names, per language, compared
-- after NFKC case folding.  Loaded once.
local not_names
local function not_name_words()
  if not_names then return not_names end
  not_names = {}
  local function add(lang, w)
    local ok, f = pcall(core.normalize, w, "NFKC_CF")
    if ok then
      not_names[lang] = not_names[lang] or {}
      not_names[lang][f] = true
      not_names[lang][(f:gsub("%.$", ""))] = true
    end
  end
  local fh = io.open(paths.home() .. "/data/stopwords.tsv", "rb")
  if fh then
    for line in fh:lines() do
      local lang, w = line:match("^([%a_]+)\t(.+)$")
      if lang and lang ~= "lang" then add(lang, w) end
    end
    fh:close()
  end
  for lang in pairs(not_names) do
    local ok, sym = pcall(core.date_symbols, lang, "gregorian")
    if ok and sym then
      for _, k in ipairs({ "months", "standalone_months", "short_months", "standalone_short_months",
                           "weekdays", "standalone_weekdays", "short_weekdays" }) do
        for _, w in ipairs(sym[k] or {}) do add(lang, w) end
      end
    end
  end
  return not_names
end
report.not_name_words = not_name_words

-- is a gazetteer-gap candidate a stop word, month or weekday in one of the
-- languages it was seen in (any language when none is known)?
local function not_a_name(surface, langs)
  local words = not_name_words()
  local ok, f = pcall(core.normalize, surface, "NFKC_CF")
  if not ok then return false end
  local any = false
  for lang in pairs(langs or {}) do
    if words[lang] then
      any = true
      if words[lang][f] then return true end
    end
  end
  if not any then
    for _, w in pairs(words) do if w[f] then return true end end
  end
  return false
end
report.not_a_name = not_a_name

-- the map's data: place coordinates (data/coordinates.tsv: id, lat, lon)
-- and the world's land as SVG path data (data/world-land.txt), loaded once;
-- either may be missing (a map without outline, or no map)
local map_data
local function map_files()
  if map_data then return map_data end
  map_data = { coords = {}, outline = "" }
  local home = paths.home()
  local f = io.open(home .. "/data/coordinates.tsv", "rb")
  if f then
    for line in f:lines() do
      local id, lat, lon = line:match("^([^#\t][^\t]*)\t([-%d.]+)\t([-%d.]+)$")
      if id then map_data.coords[id] = { tonumber(lat), tonumber(lon) } end
    end
    f:close()
  end
  f = io.open(home .. "/data/world-land.txt", "rb")
  if f then map_data.outline = f:read("a"):gsub("%s+$", ""); f:close() end
  return map_data
end

-- main language of a count table ({fr = 3, en = 1} -> "fr")
local function main_key(t)
  local best
  for _, k in ipairs(sorted_keys(t or {})) do
    if k ~= "und" and (not best or t[k] > t[best]) then best = k end
  end
  return best
end

-- view(agg [, opts]) -> the table the templates render.
-- opts.title; opts.top (rows in top-N lists, default 50); opts.matrix
-- (entities in the co-occurrence matrix, default 12).
function report.view(agg, opts)
  opts = opts or {}
  local top = opts.top or 50
  local view = { title = opts.title or "glean report", generator = "glean" }

  -- entities, by count
  local ents, types = {}, {}
  for _, e in pairs(agg.entities) do
    ents[#ents + 1] = e
    types[e.type or "misc"] = (types[e.type or "misc"] or 0) + e.total
  end
  sort(ents, function(a, b)
    if a.total ~= b.total then return a.total > b.total end
    return a.id < b.id
  end)
  local slots = type_slots(types)
  view.entities = {}
  for i, e in ipairs(ents) do
    local surfaces = {}
    for s, c in pairs(e.surfaces) do surfaces[s] = c end
    view.entities[i] = {
      rank = i, id = e.id, label = e.label, type = e.type, slot = slots[e.type or "misc"],
      total = int(e.total), documents = int(e.documents), ambiguous = int(e.ambiguous),
      languages = breakdown(e.languages, 5), language_count = #sorted_keys(e.languages),
      surfaces = breakdown(surfaces, 4), spellings = spellings(surfaces, 4),
      sources = breakdown(e.sources or { gazetteer = int(e.total) }, 4),
      contexts = e.contexts or {}, has_contexts = e.contexts ~= nil and #e.contexts > 0,
    }
  end
  view.entities_top = {}
  for i = 1, math.min(20, #view.entities) do view.entities_top[i] = view.entities[i] end
  view.legend = {}
  for _, t in ipairs(sorted_keys(types)) do
    view.legend[#view.legend + 1] = { type = t, label = report.TYPE_LABELS[t] or t, slot = slots[t],
                                      mentions = int(types[t]) }
  end

  -- co-occurrence lists and matrix
  local label = {}
  for _, e in ipairs(ents) do label[e.id] = e.label end
  -- the first `top` pairs (most shared first, then by ids) in one pass:
  -- a row per pair and a sort of them all took 1 GB and 19 s for the 2.2
  -- million pairs of 3,000 generated documents (52,000 entities)
  local function before(x, y)
    if x.count ~= y.count then return x.count > y.count end
    if x.a ~= y.a then return x.a < y.a end
    return x.b < y.b
  end
  local function co_list(t)
    local out, n = {}, 0
    for k, c in pairs(t) do
      n = n + 1
      c = int(c)
      local last = out[#out]
      if #out < top or c >= last.count then
        local a, b = k:match("^(.-)\t(.*)$")
        local row = { a = a, b = b, count = c }
        if #out < top or before(row, last) then
          local i = #out < top and #out + 1 or #out
          while i > 1 and before(row, out[i - 1]) do out[i] = out[i - 1]; i = i - 1 end
          out[i] = row
        end
      end
    end
    for i, r in ipairs(out) do r.rank, r.a_label, r.b_label = i, label[r.a] or r.a, label[r.b] or r.b end
    return out, n
  end
  view.co_sentence, view.co_sentence_pairs = co_list(agg.co_sentence)
  view.co_document, view.co_document_pairs = co_list(agg.co_document)
  -- the HTML report shows the first 10 pairs and the rest behind "show more"
  local function split(list)
    local head, rest = {}, {}
    for i, r in ipairs(list) do if i <= 10 then head[#head + 1] = r else rest[#rest + 1] = r end end
    return head, rest
  end
  view.co_sentence_head, view.co_sentence_rest = split(view.co_sentence)
  view.co_document_head, view.co_document_rest = split(view.co_document)
  view.has_co_sentence_rest, view.has_co_document_rest = #view.co_sentence_rest > 0, #view.co_document_rest > 0
  view.network = charts.network(agg, ents, function(t) return slots[t or "misc"] or 7 end)
  view.has_network = view.network ~= nil
  local msize = math.min(opts.matrix or 12, #ents)
  local maxc = 0
  for _, c in pairs(agg.co_sentence) do if c > maxc then maxc = c end end
  view.matrix = { columns = {}, rows = {} }
  for i = 1, msize do view.matrix.columns[i] = { label = ents[i].label, id = ents[i].id } end
  for i = 1, msize do
    local cells = {}
    for j = 1, msize do
      local c = 0
      if i ~= j then
        local a, b = ents[i].id, ents[j].id
        if a > b then a, b = b, a end
        c = agg.co_sentence[a .. "\t" .. b] or 0
      end
      -- shade as a CSS class level 0-5 (no inline styles from data)
      local level = (c > 0 and maxc > 0) and math.max(1, math.ceil(5 * c / maxc)) or 0
      cells[j] = { count = int(c), level = level, self = i == j, show = c > 0 }
    end
    view.matrix.rows[i] = { label = ents[i].label, id = ents[i].id, cells = cells }
  end
  view.has_matrix = msize >= 2

  -- timeline by day, with a bar width in percent
  view.timeline = {}
  local maxd = 0
  for _, d in pairs(agg.timeline) do if d.total > maxd then maxd = d.total end end
  for _, date in ipairs(sorted_keys(agg.timeline)) do
    local d = agg.timeline[date]
    local tops = {}
    for id, c in pairs(d.entities) do tops[label[id] or id] = (tops[label[id] or id] or 0) + c end
    view.timeline[#view.timeline + 1] = {
      date = date, total = int(d.total), entities = breakdown(tops, 5),
      width = maxd > 0 and math.max(1, math.floor(100 * d.total / maxd + 0.5)) or 0,
    }
  end
  view.has_timeline = #view.timeline > 0
  local md = map_files()
  view.map = charts.map(ents, md.coords, md.outline)
  view.has_map = view.map ~= nil
  view.timeline_chart = charts.timeline(agg, label)
  view.has_timeline_chart = view.timeline_chart ~= nil

  -- languages, sources, scripts, annotation kinds
  view.languages = {}
  for _, l in ipairs(sorted_keys(agg.languages)) do
    local x = agg.languages[l]
    view.languages[#view.languages + 1] = { lang = l, documents = int(x.documents), mentions = int(x.mentions),
                                            bytes = int(x.bytes) }
  end
  sort(view.languages, function(a, b)
    if a.documents ~= b.documents then return a.documents > b.documents end
    return a.lang < b.lang
  end)
  view.sources = {}
  for _, s in ipairs(sorted_keys(agg.sources)) do
    local x = agg.sources[s]
    view.sources[#view.sources + 1] = { source = s, documents = int(x.documents), mentions = int(x.mentions),
                                        failed = int(x.failed) }
  end
  view.scripts = breakdown(agg.scripts)
  view.annotation_kinds = {}
  for _, k in ipairs(sorted_keys(agg.annotation_kinds)) do
    view.annotation_kinds[#view.annotation_kinds + 1] = { kind = k, css = css_name(k),
                                                          count = int(agg.annotation_kinds[k]) }
  end

  -- gazetteer-gap candidates
  local cands = {}
  local filtered = 0
  for s, c in pairs(agg.candidates) do
    if not_a_name(s, c.languages) then
      filtered = filtered + 1
    else
      local lang = main_key(c.languages)
      cands[#cands + 1] = { surface = s, count = int(c.count), documents = int(c.documents), lang = lang,
        languages = breakdown(c.languages or {}, 3),
        gazetteer_line = "misc:" .. s:gsub("%s+", "_") .. "\tmisc\t" .. s .. "\t\t" .. (lang or "") }
    end
  end
  view.candidates_filtered = filtered
  sort(cands, function(a, b)
    if a.count ~= b.count then return a.count > b.count end
    if a.documents ~= b.documents then return a.documents > b.documents end
    return a.surface < b.surface
  end)
  view.candidates = {}
  for i = 1, math.min(top, #cands) do view.candidates[i] = cands[i]; cands[i].rank = i end
  view.has_candidates = #view.candidates > 0

  -- documents shown with their text
  view.documents = {}
  for i, rec in ipairs(agg.shown) do
    local nm, nb = 0, 0
    for _, m in ipairs(rec.mentions or {}) do if m.boilerplate then nb = nb + 1 else nm = nm + 1 end end
    view.documents[i] = {
      n = i, id = rec.id, path = rec.path, source = rec.source, lang = rec.lang or "und", dir = rec.dir or "auto",
      date = rec.date, date_source = rec.date_source, ok = rec.status == "ok", error = rec.error,
      mentions = nm, boilerplate = nb, has_boilerplate = nb > 0, annotations = #(rec.annotations or {}),
      html = rec.status == "ok" and report.highlight(rec, slots) or nil,
    }
  end
  view.failures = agg.failures
  view.has_failures = #agg.failures > 0
  view.mentions = agg.mention_rows

  local dates = sorted_keys(agg.timeline)
  view.summary = {
    documents = int(agg.documents), ok = int(agg.ok), failed = int(agg.failed),
    bytes = int(agg.bytes), megabytes = string.format("%.2f", agg.bytes / 1e6),
    mentions = int(agg.mentions), entities = #ents, boilerplate_mentions = int(agg.boilerplate_mentions),
    annotations = int(agg.annotations), languages = #view.languages, rtl_documents = int(agg.rtl_documents),
    dated_mentions = int(agg.dated_mentions),
    first_date = dates[1], last_date = dates[#dates],
    shown = #agg.shown, omitted = int(agg.omitted), truncated = agg.omitted > 0,
    cooccurring_pairs = view.co_sentence_pairs,
  }
  return view
end

-- ---------------------------------------------------------------------
-- rendering

-- template_for(opts) -> path: opts.template, else the default of opts.format
function report.template_for(opts)
  if opts.template then return opts.template end
  local name = report.FORMATS[opts.format or "html"]
  if not name then error("format '" .. tostring(opts.format) .. "' has no default template", 2) end
  return report.template_dir() .. "/" .. name
end

-- render(agg, opts) -> text | nil, err.  opts.format / opts.template as for
-- template_for; opts.title.
function report.render(agg, opts)
  opts = opts or {}
  local path = report.template_for(opts)
  local tpl, err = template.load(path)
  if not tpl then return nil, tostring(err) end
  local ok, out = pcall(tpl.render, tpl, report.view(agg, opts))
  if not ok then return nil, tostring(out) end
  return out
end

-- read(files, agg) -> agg, errors: adds every record of documents.jsonl
-- files ("-" is standard input) to agg; a bad line is an error naming
-- file:line and is skipped.
function report.read(files, agg)
  local errors = record.each(files, function(rec, p, n, errs)
    local ok, problems = record.validate(rec)
    if ok then
      agg:add(rec)
    else   -- each problem named, the record skipped, the rest still read
      for _, what in ipairs(problems) do errs[#errs + 1] = string.format("%s:%d: %s", p, n, what) end
    end
  end)
  return agg, errors
end

return report
