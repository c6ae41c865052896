-- glean.analyze: the analyzer.  A document goes through an ordered list of
-- named stages, each filling in part of its record (glean.record):
--
--   language      lang, lang_confidence, scripts, dir
--   segmentation  sentences
--   matching      mentions: gazetteer matches with entity label and sentence
--   rules         annotations: rule matches (dates, numbers, boilerplate, ...)
--   entities      people and organisations (cue and name lists, rules with
--                 `entity`), resolved with the gazetteer's matches; each
--                 mention's `source` (glean.entities, docs/recognition.md)
--   boilerplate   mentions inside boilerplate annotations are marked
--   dates         the document date; a date per annotation and per mention
--   candidates    capitalised words no mention or annotation covers
--
--   local an = assert(analyze.new { gazetteer = "data/gazetteer.tsv" })
--   local rec = an:document { id = "a", text = "Olaf Scholz in Berlin." }
--
-- A stage is { name =, run = function(an, rec, ctx) }: `rec` is the record
-- being filled, `ctx` what stages hand to later ones without writing it to
-- the record (ctx.text, ctx.doc, ctx.runs: the script runs; ctx.tokens: the
-- words of the text, glean.entities.tokens, made by the first stage asking).  A new stage is
-- a function and one line in analyze.STAGES (or in opts.stages of one
-- analyzer); see docs/architecture.md.  Where documents come from is
-- glean.inputs, what the report counts glean.aggregate.
local core = require "glean.core"
local gazetteer = require "glean.gazetteer"
local entities = require "glean.entities"
local sport = require "glean.entities.sport"
local base = require "glean.entities.base"
local fold_word = base.fold

local ipairs, pairs, type, tostring, tonumber, pcall, setmetatable =
  ipairs, pairs, type, tostring, tonumber, pcall, setmetatable
local math, string, utf8 = math, string, utf8
local sort, byte = table.sort, string.byte

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

analyze.default_gazetteer = gazetteer.default_path   -- (its home is glean.gazetteer)

-- ---------------------------------------------------------------------
-- helpers the stages share

-- an entity's label: from the label table (glean.gazetteer.labels), else
-- the id's last field
local function label_of(labels, id)
  return labels[id] or id:match("([^:]+)$") or id
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
    local ok, y2, m2, d2 = pcall(core.calendar.from_gregorian, cal, dy, dm, dd)
    if not ok then return nil end
    cy, cm, cd = y2, m2, d2
  end
  local here = cm * 32 + cd
  local there = v.month * 32 + v.day
  local year = cy
  if there - here > 6 * 32 then year = cy - 1 elseif here - there > 6 * 32 then year = cy + 1 end
  local gy, gm, gd = year, v.month, v.day
  if cal ~= "gregorian" then
    local ok, y2, m2, d2 = pcall(core.calendar.to_gregorian, cal, year, v.month, v.day)
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

-- the last characters of a Chinese unit's full name (巴彦淖尔市, 郸城县)
local UNIT_END = {}
for _, c in utf8.codes("县縣市区區旗") do UNIT_END[utf8.char(c)] = true end

-- is_nospace_run(text, a, b): bytes a..b are all letters of scripts
-- written without spaces (Han, kana: glean.entities.base.is_nospace_cp)
local function is_nospace_run(text, a, b)
  for _, c in utf8.codes(text:sub(a, b)) do
    if not base.is_nospace_cp(c) then return false end
  end
  return true
end

-- the words of the text (glean.entities.tokens: ICU's words, their keys
-- and shapes), made once per document for the stages that walk them
local function tokens_of(ctx)
  local T = ctx.tokens
  if not T then
    T = entities.tokens(ctx.text)
    ctx.tokens = T
  end
  return T
end

-- capitalised words and runs of them ("Olaf Scholz") in Latin script that
-- no mention or annotation covers and that do not open a sentence:
-- { {surface, count}, ... } sorted by surface; T: the text's tokens (ICU's
-- words with their kinds, T.raw the bounds of those narrowed since)
local function candidates_of(text, sents, covered, latin_runs, T)
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
  local S, E, kinds, raw = T.s, T.e, T.kinds, T.raw
  for x = 1, T.n do
    local a, b = S[x], E[x]
    if raw[x] then a, b = raw[x][1], raw[x][2] end
    local ok = byte(kinds, x) == 76   -- "L": a letter word (not a number, kana or ideograph)
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
        ok = core.fold(first, "search") ~= core.fold(first, "search-case")
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

-- ---------------------------------------------------------------------
-- the stages

local stage = {}

-- language and writing system; the script runs stay in ctx.runs for the
-- later stages.  A language the analyst gives (the document's `lang`, a
-- JSON Lines field, else the analyzer's opts.lang, glean analyze --lang)
-- is taken as it is, with confidence 1: the cue lists, name lists and
-- inflection profiles then follow it (docs/recognition.md, "The document
-- language")
function stage.language(an, rec, ctx)
  local text = ctx.text
  local given = ctx.doc and ctx.doc.lang or an.lang
  if given then
    rec.lang, rec.lang_confidence = given, 1
  else
    local lang, conf, close = core.language(text, an.prefer)
    rec.lang = lang or "und"
    -- a close call between two languages with cue lists (nb with da, ur
    -- with fa on a short text): the runner-up's cues count too
    -- (glean.entities.recognise, opts.alt_lang)
    local kb = an.entities
    if close and kb and kb.cue_langs[close] and kb.cue_langs[rec.lang] then ctx.lang_alt = close end
    rec.lang_confidence = conf and type(conf) == "number" and math.floor(conf * 1000 + 0.5) / 1000 or 0
  end
  local runs = core.scripts(text)
  local mix, rtl, ltr = {}, 0, 0
  for _, r in ipairs(runs) do
    local n = r.stop - r.start + 1
    mix[r.script] = (mix[r.script] or 0) + n
    if RTL_SCRIPTS[r.script] then rtl = rtl + n else ltr = ltr + n end
  end
  rec.scripts, rec.dir = mix, (rtl > ltr) and "rtl" or "ltr"
  ctx.runs = runs
end

-- sentences as {start, stop} pairs, whitespace-only segments dropped
function stage.segmentation(_, rec, ctx)
  local text = ctx.text
  local flat = core.segment(text, "sentence")
  local out = {}
  for i = 1, #flat, 2 do
    local a, b = flat[i], flat[i + 1]
    if text:find("%S", a) and text:find("%S", a) <= b then out[#out + 1] = { a, b } end
  end
  rec.sentences = out
end

-- gazetteer matches, each with its entity's label and its sentence
-- (find_all's own tables become the mentions: no second table per mention)
-- a name written in lower case in a cased script is no name: a match whose
-- alias begins with a capital (Газа, Réunion, Indien) on text that begins
-- with a lower-case letter (газа 'of gas', la réunion, ministre indien) is
-- an ordinary word.  (glean match, the matcher alone, keeps such matches;
-- an alias written in lower case matches as before.)
local function lower_start(s)
  local c = utf8.codepoint(s, 1)
  if c < 128 then return c >= 97 and c <= 122 end
  return entities.is_cased_cp(c) and not entities.is_upper(utf8.char(c))
end

local function upper_start(s)
  local c = utf8.codepoint(s, 1)
  return entities.is_cased_cp(c) and entities.is_upper(utf8.char(c))
end

-- a brand of the name-suggestion-index (ids org:wd:) spelled in ASCII
-- letters only, matched by search folding on a word written with accented
-- letters, is that other word: the Berlin burger chain Burgermeister is no
-- Bürgermeister 'mayor'.  Brands are written as the brand writes them; a
-- text adds no accents to them.
local function brand_folded(m)
  if not (m.id and m.alias and m.id:find("^org:wd:") and not m.alias:find("[\128-\255]")) then return false end
  for _, c in utf8.codes(m.surface) do
    if c >= 128 and entities.is_cased_cp(c) then return true end
  end
  return false
end

-- a one-word place whose every alias of the match has letters with
-- diacritics, matched by search folding on a word written without them that
-- the name lists know as a given name, is that name: Turkish Şam (Damascus)
-- is no Sam in an English, Polish or Dutch text, which write Damascus,
-- Damaszek, Damascus.
local function given_folded(kb, m)
  if not (kb and m.type == "place" and m.alias and m.surface) or m.surface:find("[\128-\255%s]") then
    return false
  end
  if not m.alias:find("[\128-\255]") then return false end
  local e = kb.names[fold_word(m.surface)]
  return e ~= nil and e.given == true
end

-- an acronym of Latin capitals (two to five letters) whose alias the
-- gazetteer tags with languages only, neither the text's nor English, names
-- nothing in a Vietnamese text: Albanian MB (Mbretëria e Bashkuar) is no
-- United Kingdom in "MB tăng 26%", Portuguese ANTT no Brazilian agency in
-- "đảm bảo ANTT" (an ninh trật tự)
local function foreign_acronym(lang, m)
  if lang ~= "vi" or not (m.surface and m.surface:find("^%u%u%u?%u?%u?$")) then return false end
  local tags = m.attrs and m.attrs.lang
  if not tags or tags == "" then return false end
  tags = "," .. tags .. ","
  return not tags:find("," .. lang .. ",", 1, true) and not tags:find(",en,", 1, true)
end

-- state_codes(text, lang, labels, mentions): a state's or province's code
-- of the text's country, as Brazilian and Italian news write it after a
-- town or a member of parliament's party: in brackets after a capitalised
-- word (Campinas (SP), Carpiano (MI)), after a party and a hyphen in
-- brackets (PT-SP), and in Portuguese after a preposition of place or a
-- town and a comma (em MG, no RJ, Sorocaba, SP).  A code is the letters of a
-- CLDR subdivision of the country (the gazetteer's place:region:BR-SP,
-- place:region:IT-MI); one the gazetteer matched there stays as it is.
-- brackets[start] is set for a code in brackets after a capitalised word:
-- after a person (party_codes, glean.analyze's entities stage) it is the
-- person's party, no province (Antonio Tajani (FI): Forza Italia, not
-- Florence; Nicola Fratoianni (SI), Sinistra Italiana, not Siena)
local STATE_COUNTRY = { pt = "BR", it = "IT" }
local STATE_PREP = { em = true, no = true, na = true, de = true, ["do"] = true, da = true, para = true,
  pelo = true, pela = true }
local function state_codes(text, lang, labels, mentions, brackets)
  local cc = STATE_COUNTRY[lang]
  if not cc then return false end
  local taken = {}
  for _, m in ipairs(mentions) do
    for b = m.start, m.stop do taken[b] = true end
  end
  local added = false
  local p = 1
  while true do
    local a, b, code = text:find("%f[%w](%u%u)%f[^%w]", p)
    if not a then break end
    p = b + 1
    local id = "place:region:" .. cc .. "-" .. code
    local label = labels[id]
    local before, after = text:sub(math.max(1, a - 2), a - 1), text:sub(b + 1, b + 1)
    local ok = false
    if label and not taken[a] and not taken[b] and not text:sub(b + 1, b + 2):find("^%-%w") then
      if before:sub(-1) == "(" and after == ")" then
        -- after a capitalised word and a space: Campinas (SP)
        ok = before == " (" and text:sub(math.max(1, a - 40), a - 3):find("%u[%w\128-\255]*[%.%w\128-\255]$") ~= nil
        if ok then brackets[a] = true end
      elseif before:sub(-1) == "-" and after == ")" then
        -- a party's short name in the brackets: (PT-SP), (União Brasil-SP)
        local open = text:sub(math.max(1, a - 30), a - 2):match("%(([^()\n]*)$")
        ok = open ~= nil and open:find("^%u") ~= nil and #open <= 24 and not open:find("%d")
      elseif lang == "pt" and before == ", " and not after:find("^[%w\128-\255]") then
        -- Sorocaba, SP: a capitalised word before the comma
        ok = text:sub(math.max(1, a - 40), a - 3):find("%u[%w\128-\255]*[%w\128-\255]$") ~= nil
      elseif lang == "pt" and before:sub(-1) == " " and not after:find("^[%w\128-\255%-]") then
        local w = text:sub(math.max(1, a - 8), a - 2):match("%f[%a](%a+)$")
        ok = w ~= nil and STATE_PREP[w] == true
      end
    end
    if ok then
      mentions[#mentions + 1] = { start = a, stop = b, surface = code, type = "place", id = id, alias = code,
        source = "gazetteer", attrs = { label = label } }
      added = true
    end
  end
  return added
end

-- a dateline in capitals: a line opening with one to four words in capitals
-- (CINCINNATI, SALT LAKE CITY, RIO) alone on it or before a dash, a comma
-- or a bracket (CITY —, CITY, Dec 6, CITY (Reuters)) names a place the
-- gazetteer spells in title case (its GeoNames names match as written, so
-- CINCINNATI matched nothing): caps_datelines(gz, text, lang) -> the
-- gazetteer's place matches of those lines' words, written back onto the
-- text's capitals
local DATELINE_END = { "^%s*\n", "^%s*$", "^ ?[\226][\128][\147\148]", "^ %-", "^,", "^ %(" }
local function title_word(w)
  local first = w:match("^[%z\1-\127\194-\244][\128-\191]*")
  return first .. core.normalize(w:sub(#first + 1), "NFKC_CF")
end
local function caps_datelines(gz, text, lang)
  local out = {}
  local p = 1
  while p <= #text do
    local q = text:find("[^ \t]", p)
    if not q then break end
    local line_end = text:find("\n", q, true) or #text + 1
    -- words of capital letters (and . ' - inside them), single spaces between
    -- (no class holds a newline: the run ends on its line)
    local run = text:match("^[%u\195-\213][%u\128-\191%.'%-]*[ %u\128-\191%.'%-]*", q)
    if run and #run >= 3 then
      run = run:gsub("[ %-]+$", "")
      local words, caps = {}, true
      for w in run:gmatch("%S+") do
        words[#words + 1] = w
        for _, c in utf8.codes(w) do
          local ch = utf8.char(c)
          if ch:find("^[%a\128-\255]") and not entities.is_upper(ch) then caps = false end
        end
      end
      local rest = text:sub(q + #run, line_end)
      local ends = false
      for _, pat in ipairs(DATELINE_END) do if rest:find(pat) then ends = true; break end end
      if caps and ends and #words <= 4 and utf8.len(run) then
        local tw = {}
        for i, w in ipairs(words) do tw[i] = title_word(w) end
        local title = table.concat(tw, " ")
        if #title == #run then
          for _, m in ipairs(gz:find_all(title, { lang = lang })) do
            if m.type == "place" and m.start == 1 and m.stop == #run then
              m.start, m.stop, m.surface = q, q + #run - 1, run
              out[#out + 1] = m
            end
          end
        end
      end
    end
    p = line_end + 1
  end
  return out
end

-- mentions in byte order, the longer first at one start; a total order
-- (type and id break ties: the candidates of an ambiguous name share a
-- span), because table.sort is not stable and may pick random pivots
local function by_span(x, y)
  if x.start ~= y.start then return x.start < y.start end
  if x.stop ~= y.stop then return x.stop > y.stop end
  if x.type ~= y.type then return (x.type or "") < (y.type or "") end
  return tostring(x.id) < tostring(y.id)
end

function stage.matching(an, rec, ctx)
  local found, labels, sents = an.gazetteer:find_all(ctx.text, { lang = rec.lang }), an.labels, rec.sentences
  local mentions = {}
  for _, m in ipairs(found) do
    if not (m.alias and lower_start(m.surface) and upper_start(m.alias)) and not brand_folded(m)
      and not given_folded(an.entities, m) and not foreign_acronym(rec.lang, m) then
      mentions[#mentions + 1] = m
    end
  end
  ctx.state_brackets = {}
  local codes = state_codes(ctx.text, rec.lang, an.region_labels, mentions, ctx.state_brackets)
  local dl = caps_datelines(an.gazetteer, ctx.text, rec.lang)
  if codes and #dl == 0 then sort(mentions, by_span) end
  if #dl > 0 then
    local at = {}
    for _, m in ipairs(mentions) do at[m.start] = true end
    for _, m in ipairs(dl) do
      if not at[m.start] then mentions[#mentions + 1] = m end
    end
    sort(mentions, by_span)
  end
  for _, m in ipairs(mentions) do
    m.label = (m.attrs and m.attrs.label) or label_of(labels, m.id)
    m.ambiguous = m.ambiguous or false
    m.sentence = sentence_at(sents, m.start)
    m.boilerplate = false
    m.inflection = nil   -- (not a record field)
  end
  rec.mentions = mentions
end

-- rule annotations: one scanner for every language (building one per
-- language costs more than the few language-specific rules save, and short
-- texts are often misidentified)
function stage.rules(an, rec, ctx)
  local anns = {}
  if an.rules then
    local list, verrs = an.rules:scan(ctx.text)
    for _, w in ipairs(verrs or {}) do
      rec.warnings = rec.warnings or {}
      rec.warnings[#rec.warnings + 1] = w
    end
    local named = {}
    for _, a in ipairs(list) do
      if a.entity then   -- a rule naming an entity: a mention (stage.entities), not an annotation
        named[#named + 1] = a
      else
        anns[#anns + 1] = { start = a.start, stop = a.stop, rule = a.rule, kind = a.kind,
                            surface = a.surface, value = plain(a.value) }
      end
    end
    ctx.rule_entities = named
  end
  rec.annotations = anns
end

-- sport_names(an, rec, ctx, mentions): the mentions with a club named like
-- a city or a word, in a sports report, and its players named alone
-- (glean.entities.sport); the names it adds get their sentence
local function sport_names(an, rec, ctx, mentions)
  local text, lang = ctx.text, rec.lang
  local out = sport.names(mentions, text, lang, an.entities, tokens_of(ctx))
  for _, m in ipairs(out) do
    local src = m.source
    if (src == "cue:sport" or src == "shape:player") and not m.sentence then
      m.sentence = sentence_at(rec.sentences, m.start)
    end
  end
  return out
end

-- the word (bytes other than %s) that ends right before the white space
-- before p, and its first byte: text:sub(1, p - 1):match("(%S+)%s+$"),
-- read backwards from p without copying the text before it (per mention,
-- that copy made the stage quadratic); nil without both
local function is_space(b) return b == 32 or (b >= 9 and b <= 13) end
local function word_before(text, p)
  local q = p - 1
  while q >= 1 and is_space(byte(text, q)) do q = q - 1 end
  if q == p - 1 or q < 1 then return nil end
  local z = q
  while q >= 1 and not is_space(byte(text, q)) do q = q - 1 end
  return text:sub(q + 1, z), q + 1
end

-- the gazetteer's places that glean.entities.recognise found right after a
-- definite article (opts.article: die Bayern, den Siegen) are dropped, after
-- a club has taken its city's mentions (die Bayern of FC Bayern stay the club)
local function after_article(list, article)
  if not next(article) then return list end
  local out = {}
  for _, m in ipairs(list) do
    if not (m.type == "place" and m.source == "gazetteer" and article[m.start] == m.stop) then out[#out + 1] = m end
  end
  return out
end

-- people and organisations: the cue and name lists, the rules naming an
-- entity, then one resolution with the gazetteer's matches (a longer span
-- wins; docs/recognition.md) and ids/labels for what no gazetteer knows
-- party_codes(mentions, brackets): a state's code in brackets right after
-- a person (state_codes' brackets: `Name (FI)`) is the person's party, no place
local function party_codes(mentions, brackets)
  if not (brackets and next(brackets)) then return mentions end
  local person_end = {}
  for _, m in ipairs(mentions) do
    if m.type == "person" then person_end[m.stop] = true end
  end
  local kept = {}
  for _, m in ipairs(mentions) do
    if not (m.type == "place" and brackets[m.start] and person_end[m.start - 3]) then kept[#kept + 1] = m end
  end
  return kept
end

function stage.entities(an, rec, ctx)
  local text = ctx.text
  local places, orgs, gaz, towns, cities, inflected, people = {}, {}, {}, {}, {}, {}, {}
  local gaz_ids = {}   -- "start:stop" -> id of the gazetteer's places
  -- Han and kana: a name of the gazetteer matched across two of ICU's
  -- dictionary words, starting inside one and ending inside the next
  -- (道德|格外 is no 德格, 社会|安宁 stays 安宁): the text's words, no name;
  -- a county's short name of the local tables (place:county:, Chinese
  -- counties without their 县: 南和 of 南和县) starting or ending inside a
  -- word (河南|和, 交口 of 交口称赞) too
  local straddle = {}
  if entities.has_cjk(text) then
    local T = tokens_of(ctx)
    local ws, we = {}, {}
    for k = 1, T.n do ws[T.s[k]], we[T.e[k]] = true, true end
    for _, m in ipairs(rec.mentions) do
      local county = (m.id or ""):find("^place:county:") and not UNIT_END[(m.surface or ""):sub(-3)]
      if (m.type == "place" or m.type == "org") and m.stop > m.start
        and ((not ws[m.start] and not we[m.stop]) or (county and not (ws[m.start] and we[m.stop])))
        and is_nospace_run(text, m.start, m.stop) then
        straddle[m] = true
      end
    end
    if next(straddle) then
      local kept = {}
      for _, m in ipairs(rec.mentions) do
        if not straddle[m] then kept[#kept + 1] = m end
      end
      rec.mentions = kept
    end
  end
  for _, m in ipairs(rec.mentions) do
    gaz[m.start] = math.max(gaz[m.start] or 0, m.stop)
    -- a place matched in an inflected form (Казахстана of Казахстан): after
    -- a title it is the title's complement, not a name's first word
    if m.type == "place" and m.alias and m.surface and fold_word(m.alias) ~= fold_word(m.surface) then
      inflected[m.start] = m.stop
    end
    -- a town of fewer than 100,000 people whose name is written in two
    -- words or more (Pedro Sánchez, Presidente Dutra): a person of the same
    -- name found beside it keeps it (glean.entities.recognise)
    local pop = m.type == "place" and m.attrs and tonumber(m.attrs.population)
    if pop and pop < 100000 and (m.id or ""):find("^place:gn:") and (m.surface or ""):find(" ", 1, true) then
      towns[m.start] = m.stop
    end
    -- a country named like a person (Jordan, Georgia, Chad) makes a given
    -- name weak evidence; regions and cities (Constantine, Victoria) do not
    if m.type == "place" and (m.id or ""):find("^place:country:") then
      places[m.start] = m.stop
    end
    -- a city of 100,000 people or more, a region or a country: in scripts
    -- without case a given name before it is a team's (شاهین بوشهر); a
    -- curated city (data/places.tsv, CLDR's exemplar cities: 灣仔, 桃園) is
    -- one too, though the gazetteer gives it no population; and so is a
    -- Chinese county or district (china-area-data: 徽州区, 五华县), which
    -- opens an address's chain of towns and villages (徽州区|呈坎镇|容溪村)
    if m.type == "place" and ((pop and pop >= 100000) or (m.id or ""):find("^place:country:")
      or (m.id or ""):find("^place:region:") or (m.id or ""):find("^place:city:")
      or (m.id or ""):find("^place:county:")) then
      cities[m.start] = m.stop
    end
    if m.type == "org" then orgs[m.start] = m.stop end
    if m.type == "person" then people[m.start] = m.stop end
    if m.type == "place" and m.id then gaz_ids[m.start .. ":" .. m.stop] = m.id end
  end
  local veto, trim, article = {}, {}, {}
  -- Arabic script: a one-word place matched on a word written with tanwin
  -- (U+064B-U+064D, the indefinite ending: كبيرًا 'big' read as ك + Beira,
  -- Persian کاملاً) is an indefinite common word; no place's name takes it
  if rec.lang == "ar" or rec.lang == "fa" or rec.lang == "ur" then
    for _, m in ipairs(rec.mentions) do
      local sf = m.surface or ""
      if m.type == "place" and not sf:find(" ", 1, true) and sf:find("\217[\139-\141]") then
        veto[m.start] = m.stop
      end
    end
  end
  -- a one-word place spelled as a word of the cue list of the text's
  -- language (class `word`: Urdu وین 'van' is Vienna's Persian name, کینٹ
  -- 'cantonment' a town in the US) is that word, no place
  local not_place = an.entities and an.entities.not_place
  if not_place and next(not_place) then
    for _, m in ipairs(rec.mentions) do
      local sf = m.surface or ""
      local langs = m.type == "place" and not sf:find("%s") and not_place[base.fold(sf)]
      if langs and langs[rec.lang] then veto[m.start] = m.stop end
    end
  end
  -- Arabic: a one-word place matched only because search folding reads a
  -- letter Arabic keeps apart as another: ئ as ي (فوجئ 'was surprised' is no
  -- Fuji, فوجي), or the pronoun ه as ة for a place under 100,000 (قوله 'his
  -- saying' is no Kavala, قولة); the text spells a word, not the name
  if rec.lang == "ar" then
    for _, m in ipairs(rec.mentions) do
      local a, sf = m.alias or "", m.surface or ""
      if m.type == "place" and not sf:find(" ", 1, true) then
        local pop = tonumber(m.attrs and m.attrs.population)
        if not a:find(" ", 1, true)
          and #sf == #a and ((sf:gsub("\216\166", "\217\138") == a and sf ~= a)
            or (pop and pop < 100000 and sf:sub(-2) == "\217\135" and a:sub(-2) == "\216\169")) then
          veto[m.start] = m.stop
        end
        -- and a town's name that is a definite feminine adjective (الجديدة 'new',
        -- السفيرة, المطرية) right after a definite feminine noun it agrees with
        -- (الحكومة الجديدة, الحالة المطرية): the noun's adjective; a GeoNames
        -- place under 200,000 only (القاهرة, الدوحة, regions stay places);
        -- the word before is read once, for a town of GeoNames only
        -- (a town of GeoNames right after a number is the counted noun:
        -- 79 يوما 'days' is no Yuma; and a definite masculine one under
        -- 200,000 right after a definite word is its adjective: الرئيس
        -- العراقي الجديد is no Al Jadid)
        local gn = (m.id or ""):find("^place:gn:")
        local prev, ps
        if gn then prev, ps = word_before(text, m.start) end
        if prev and prev:gsub("\217[\160-\169]", "0"):find("^%d+$") then
          veto[m.start] = m.stop
        end
        if prev and (not pop or pop < 200000) and sf:sub(1, 4) == "\216\167\217\132" and sf:sub(-2) ~= "\216\169"
          and prev:sub(1, 4) == "\216\167\217\132" and prev:sub(-2) ~= "\216\169" and not gaz[ps] then
          veto[m.start] = m.stop
        end
        if gn and pop and pop < 200000
          and sf:sub(1, 4) == "\216\167\217\132" and sf:sub(-2) == "\216\169" then
          if prev and (prev:sub(1, 4) == "\216\167\217\132" or (prev:sub(3, 6) == "\216\167\217\132"
              and ("\217\136\216\168\217\129\217\131"):find(prev:sub(1, 2), 1, true)))
            and prev:sub(-2) == "\216\169" and not gaz[ps] then
            veto[m.start] = m.stop
          end
        end
      end
    end
  end
  -- a word that is a place of the gazetteer as a whole (서울 of 서울시는)
  local gz, lang = an.gazetteer, rec.lang
  local function gaz_name(s, kind)
    if not gz then return false end
    for _, m in ipairs(gz:find_all(s, { lang = lang })) do
      if m.start == 1 and m.stop == #s and m.type == kind then return true end
    end
    return false
  end
  local function place_name(s) return gaz_name(s, "place") end
  -- an organisation of the gazetteer as a whole word (LG of LG화학)
  local function org_name(s) return gaz_name(s, "org") end
  local found = an.entities
    and entities.recognise(an.entities, text, { lang = rec.lang, alt_lang = ctx.lang_alt, tokens = tokens_of(ctx),
                                                places = places, orgs = orgs,
                                                     gazetteer = gaz, towns = towns, cities = cities,
                                                     inflected = inflected, people = people,
                                                     veto = veto, place_name = place_name, org_name = org_name,
                                                     trim = trim, gaz_ids = gaz_ids, article = article }) or {}
  -- Japanese: a place of the gazetteer that a stop phrase of the cue list
  -- spells from its start, as long or one character longer, is that word
  -- (昭和 the era, no Antarctic station; 東北東 the compass point, no
  -- Tohoku; not 日本 of the stop phrase 日本代表, the national team)
  local ja_cues = rec.lang == "ja" and an.entities and an.entities.cjk_lang
    and an.entities.cjk_lang.ja and an.entities.cjk_lang.ja.phrases
  for _, m in ipairs(ja_cues and rec.mentions or {}) do
    if m.type == "place" then
      local len = m.stop - m.start + 1
      for l = len, len + 3 do
        local e = ja_cues[text:sub(m.start, m.start + l - 1)]
        if e and e.stop then veto[m.start] = m.stop; break end
      end
    end
  end
  -- the gazetteer's matches inside a title before its last word are words
  -- of the office (Belediye of Büyükşehir Belediye Başkanı): none
  if next(veto) then
    local kept_g = {}
    for _, m in ipairs(rec.mentions) do
      if veto[m.start] ~= m.stop then kept_g[#kept_g + 1] = m end
    end
    rec.mentions = kept_g
  end
  -- a gazetteer name opening with a place word that a sentence's start
  -- capitalises (Tỉnh Quảng Trị): the place starts after it, the entity kept
  for _, m in ipairs(next(trim) and rec.mentions or {}) do
    local t = trim[m.start]
    if t and t[1] == m.stop then m.start = t[2]; m.surface = text:sub(m.start, m.stop) end
  end
  for _, a in ipairs(ctx.rule_entities or {}) do
    local s, e, v = a.start, a.stop, a.value
    -- a value {start =, stop =} (lpeg.Cp positions) narrows the mention
    -- to the name inside the match (a title outside it)
    if type(v) == "table" and math.type(v.start) == "integer" and math.type(v.stop) == "integer"
      and v.start >= s and v.stop <= e and v.start <= v.stop then
      s, e = v.start, v.stop
    end
    local pack = (a.file or "rules"):match("([^/]+)%.lua$") or (a.file or "rules")
    found[#found + 1] = { start = s, stop = e, type = a.entity, surface = text:sub(s, e),
                          source = "rule:" .. pack .. "/" .. a.rule }
  end
  if #found == 0 then
    for _, m in ipairs(rec.mentions) do m.source = "gazetteer" end
    entities.club_places(rec.mentions, text)
    entities.article_names(rec.mentions, text, rec.lang)
    rec.mentions = party_codes(sport_names(an, rec, ctx, after_article(rec.mentions, article)), ctx.state_brackets)
    return
  end
  local all = {}
  for _, m in ipairs(rec.mentions) do m.source = "gazetteer"; all[#all + 1] = m end
  for _, m in ipairs(found) do all[#all + 1] = m end
  local kept = entities.pick(all)
  local new = {}
  for _, m in ipairs(kept) do if m.source ~= "gazetteer" then new[#new + 1] = m end end
  -- a repeat of one of the gazetteer's people (Sánchez after Pedro Sánchez,
  -- glean.entities.recognise's seeds) is that person: its id and label; an
  -- acronym defined after one of its organisations (LLA) that organisation
  local seeded = {}
  for _, m in ipairs(new) do
    local t = m.of
    while t and t.of do t = t.of end
    if t and t.seed then seeded[m] = t.start .. ":" .. t.stop end
  end
  entities.identify(new)
  if next(seeded) then
    local seed_at = {}
    for _, m in ipairs(rec.mentions) do
      if (m.type == "person" or m.type == "org") and m.id then seed_at[m.start .. ":" .. m.stop] = m end
    end
    for m, key in pairs(seeded) do
      local g = seed_at[key]
      if g then m.id, m.label, m.attrs = g.id, g.label, g.attrs end
    end
  end
  -- a name found by its cues that the gazetteer matched elsewhere in the
  -- document under the same surface and type is that entity (L'Union
  -- européenne opening a sentence, the gazetteer's town L'Union there, is
  -- the org:EU of a later l'Union européenne); not when the surface names
  -- two entities
  local by_surface = {}
  for _, m in ipairs(rec.mentions) do
    local key = m.type .. "\t" .. entities.fold(m.surface)
    local had = by_surface[key]
    if had == nil then by_surface[key] = m elseif had and had.id ~= m.id then by_surface[key] = false end
  end
  local relink = {}
  for _, m in ipairs(new) do
    local g = by_surface[m.type .. "\t" .. entities.fold(m.name or m.surface)]
    if g and m.id and m.id:find(":~", 1, true) then relink[m.id] = g end
  end
  if next(relink) then
    for _, m in ipairs(new) do
      local g = m.id and relink[m.id]
      if g then m.id, m.label, m.attrs = g.id, g.label, g.attrs end
    end
  end
  local sents = rec.sentences
  for _, m in ipairs(new) do
    if m.source == "cue" then m.source = m.rule end
    m.rule = nil
    m.alias, m.ambiguous, m.boilerplate = m.name or m.surface, false, false
    m.name = nil
    m.sentence = sentence_at(sents, m.start)
  end
  -- a club's city alone is the club (glean.entities.resolve.club_places),
  -- and its name after a head word alone (club_short_names: الأهلي)
  entities.club_places(kept, text)
  entities.article_names(kept, text, rec.lang)
  local shorts = an.entities and entities.club_short_names(kept, text, an.entities) or {}
  if #shorts > 0 then
    for _, m in ipairs(shorts) do
      m.alias, m.ambiguous, m.boilerplate = m.surface, false, false
      m.sentence = sentence_at(sents, m.start)
      kept[#kept + 1] = m
    end
    sort(kept, by_span)
  end
  rec.mentions = party_codes(sport_names(an, rec, ctx, after_article(kept, article)), ctx.state_brackets)
end

-- mentions inside a boilerplate annotation (bylines, navigation, ...) are
-- marked, and the report counts them apart
function stage.boilerplate(_, rec)
  local boiler = {}
  for _, a in ipairs(rec.annotations) do
    if a.kind == "boilerplate" then boiler[#boiler + 1] = { a.start, a.stop } end
  end
  boiler = merge_intervals(boiler)
  if #boiler == 0 then return end
  -- the merged spans are sorted and disjoint: the last one starting at or
  -- before a mention's end is the only one that can overlap it (a binary
  -- search per mention, O(m log b), not a scan of every span)
  for _, m in ipairs(rec.mentions) do
    local lo, hi = 1, #boiler
    while lo < hi do
      local mid = (lo + hi + 1) // 2
      if boiler[mid][1] <= m.stop then lo = mid else hi = mid - 1 end
    end
    local b = boiler[lo]
    if b[1] <= m.stop and m.start <= b[2] then m.boilerplate = true end
  end
end

-- the document date (metadata, else the first full date in the text, else
-- one in the file name); the day of each date annotation (a year-less one
-- resolved against the document date); the date of each mention: the first
-- date written in its sentence, else the document's
function stage.dates(_, rec, ctx)
  local doc, anns = ctx.doc, rec.annotations
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
  for _, a in ipairs(anns) do
    if a.kind == "date" then
      a.date = full_date(a.value) or (date and resolve_yearless(a.value, date)) or nil
    end
  end
  -- each sentence's first date (in annotation order), found once per
  -- annotation by binary search, then read once per mention: O((a + m) log s)
  local sents, sent_date = rec.sentences, {}
  for _, a in ipairs(anns) do
    if a.date then
      local si = sentence_at(sents, a.start)
      if si and a.stop <= sents[si][2] and not sent_date[si] then sent_date[si] = a.date end
    end
  end
  for _, m in ipairs(rec.mentions) do
    m.date = (m.sentence and sent_date[m.sentence]) or date
  end
end

-- gazetteer-gap hints: capitalised Latin-script words nothing covers
function stage.candidates(_, rec, ctx)
  if NOUN_CAPITALISING[rec.lang] then rec.candidates = {}; return end
  local latin = {}
  for _, r in ipairs(ctx.runs) do
    if r.script == "Latn" then latin[#latin + 1] = { r.start, r.stop } end
  end
  -- (no Latin text, no candidates: skip the word walk over the document)
  if #latin == 0 then rec.candidates = {}; return end
  local covered = {}
  for _, a in ipairs(rec.annotations) do covered[#covered + 1] = { a.start, a.stop } end
  for _, m in ipairs(rec.mentions) do covered[#covered + 1] = { m.start, m.stop } end
  rec.candidates = candidates_of(ctx.text, rec.sentences, merge_intervals(covered), latin, tokens_of(ctx))
end

-- The stages in the order they run; each reads what the stages above it
-- wrote.
analyze.STAGES = {
  { name = "language", run = stage.language },
  { name = "segmentation", run = stage.segmentation },
  { name = "matching", run = stage.matching },
  { name = "rules", run = stage.rules },
  { name = "entities", run = stage.entities },
  { name = "boilerplate", run = stage.boilerplate },
  { name = "dates", run = stage.dates },
  { name = "candidates", run = stage.candidates },
}

-- ---------------------------------------------------------------------
-- the analyzer

local Analyzer = {}
Analyzer.__index = Analyzer
Analyzer.__name = "glean.Analyzer"

-- new(opts) -> analyzer, warnings | nil, err
-- opts.gazetteer: path (default data/gazetteer.tsv) or a loaded gazetteer;
-- opts.labels: id -> label, instead of the gazetteer's (glean.gazetteer.labels);
-- opts.rules: list of rule directories/files (default rules/), or false;
-- opts.stages: the stage list to run (default analyze.STAGES);
-- opts.lang: the language of every document (a code, analyze.language_code;
-- nil or "auto": detected per document; a document's own `lang` wins).
-- warnings lists rule files that failed to load (the good ones are used).
function analyze.new(opts)
  opts = opts or {}
  local self = setmetatable({ stages = opts.stages or analyze.STAGES }, Analyzer)
  if opts.lang ~= nil and opts.lang ~= "auto" then
    local code, lerr = analyze.language_code(opts.lang)
    if not code then return nil, "lang: " .. lerr end
    self.lang = code
  end
  local gz = opts.gazetteer
  if gz == nil or type(gz) == "string" then
    local err
    gz, err = gazetteer.load(gz or analyze.default_gazetteer(), { cache = true })   -- (glean.cache)
    if not gz then return nil, "cannot load gazetteer: " .. tostring(err) end
  end
  self.gazetteer = gz
  -- labels: a match's `label` attribute comes first (the default gazetteer
  -- and imports have one on every row; a later layer's wins); the table
  -- glean.gazetteer.labels computes from every alias is built on the first
  -- match without one (0.5-1 s for the 196k aliases of the default)
  self.labels = opts.labels or setmetatable({}, { __index = function(t, id)
    local all = gazetteer.labels(gz)
    setmetatable(t, nil)
    for k, v in pairs(all) do t[k] = v end
    return all[id]
  end })
  -- the subdivisions' labels state_codes looks up (Campinas (SP)): a small
  -- table kept in glean.cache (glean.gazetteer.region_labels), not the whole
  -- label table, which a document of Brazilian or Italian news would
  -- otherwise build on its first two capitals
  self.region_labels = opts.labels or setmetatable({}, { __index = function(t, id)
    setmetatable(t, nil)
    for k, v in pairs(gazetteer.region_labels(gz)) do t[k] = v end
    return rawget(t, id)
  end })
  -- an id with two types: said once, per gazetteer (glean analyze prints it)
  self.gazetteer_warnings = gazetteer.type_conflicts(gz)
  -- opts.invalid = "replace": each byte of invalid UTF-8 reads as U+001A
  -- SUBSTITUTE, one byte for one, so every offset stays true to the input
  self.invalid = opts.invalid
  -- the cue and name lists (data/cues, data/names, opts.cues: more files
  -- or directories); opts.entities = false leaves people and
  -- organisations to the gazetteer and the rules
  local warnings
  if opts.rules ~= false then
    local rules = require "glean.rules"
    local dirs = opts.rules
    if dirs == nil or (type(dirs) == "table" and #dirs == 0) then dirs = { rules.default_dir() } end
    local engine, errs = rules.load(dirs, { keep_going = true })
    self.rules = engine
    warnings = errs
  end
  if opts.entities ~= false then
    local kb, err = entities.load { extra = opts.cues }
    if not kb then return nil, "cannot load the cue lists: " .. tostring(err) end
    self.entities = kb
    -- the languages with a cue list win a close call of the identifier
    -- (Spanish over Asturian, English over Scots on a short text)
    local langs = {}
    for l in pairs(kb.cue_langs) do
      if l:find("^%l%l%l?$") then langs[#langs + 1] = l end
    end
    table.sort(langs)
    if #langs > 0 then self.prefer = { prefer = table.concat(langs, " ") } end
  end
  return self, warnings
end

function Analyzer:__tostring()
  return "glean.Analyzer (" .. tostring(self.gazetteer) .. ", " .. tostring(self.rules) .. ")"
end

-- language_code(s) -> the code, lower case | nil, message (glean.inputs)
function analyze.language_code(s) return require("glean.inputs").language_code(s) end

-- an:document(doc) -> record
-- doc: { id =, path =, text =, date =, source =, lang = } or { id =, error = }
-- (doc.lang: the document's language, a code; see stage.language)
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
  if not len and self.invalid == "replace" then
    local fixed, n = analyze.replace_invalid(text)
    text = fixed
    rec.warnings = { string.format("%s: %d invalid UTF-8 byte%s replaced (the first at byte %d)",
                                   tostring(doc.id), n, n == 1 and "" or "s", bad) }
  elseif not len then
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

-- replace_invalid(s) -> s with each byte of invalid UTF-8 as "\26" (U+001A
-- SUBSTITUTE: one byte, so offsets do not move), number of bytes replaced.
-- Linear: utf8.len resumes after each bad byte.
function analyze.replace_invalid(s)
  local parts, n, from = {}, 0, 1
  while true do
    local ok, bad = utf8.len(s, from)
    if ok then break end
    parts[#parts + 1] = s:sub(from, bad - 1)
    parts[#parts + 1] = "\26"
    n = n + 1
    from = bad + 1
    if from > #s then break end
  end
  if n == 0 then return s, 0 end
  parts[#parts + 1] = s:sub(from)
  return table.concat(parts), n
end

-- an:fill(rec, text, doc): the stages, in order, over a document whose text
-- is valid UTF-8
function Analyzer:fill(rec, text, doc)
  rec.text = text
  rec.chars = utf8.len(text)
  local ctx = { text = text, doc = doc }
  for _, st in ipairs(self.stages) do st.run(self, rec, ctx) end
end

-- ---------------------------------------------------------------------
-- former homes: the record, the inputs and the aggregates lived here
-- before they had modules of their own; kept for existing callers

local record, inputs, aggregate = require "glean.record", require "glean.inputs", require "glean.aggregate"
analyze.encode, analyze.encode_value, analyze.decode = record.encode, record.encode_value, record.decode
analyze.expand, analyze.files, analyze.jsonl, analyze.glob_pattern =
  inputs.expand, inputs.files, inputs.jsonl, inputs.glob_pattern
analyze.aggregator, analyze.Aggregator = aggregate.new, aggregate.Aggregator

return analyze
