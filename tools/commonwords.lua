-- tools/commonwords.lua -- flag the aliases of a gazetteer that are also
-- ordinary words of some language (issue 14; README "The default gazetteer",
-- docs/inflection.md section 3).  A build step of `make gazetteer`:
--
--   lua5.4 tools/commonwords.lua data/gazetteer.tsv [DICDIR]
--
-- rewrites the gazetteer in place (DICDIR: /usr/share/hunspell, the Debian
-- hunspell-* packages of scripts/deps.sh).  Words compare after glean's
-- search folding, as the matcher compares them.
--   * cased scripts: an alias every word of which is a lower-case word of a
--     dictionary (fr `réunion`, `indien`; en `nice`, `china`) gets `capital`:
--     the text must write it with a capital (`la réunion` is not La Réunion);
--   * Arabic script (no case): an alias that is one of the proclitics
--     و ف ب ك ل written onto an Arabic word of 3 or more letters (ur
--     `ولّیس` Wallis = و + ليس 'is not') gets `langonly` when its lang is not
--     ar: it then matches only in documents of its own languages.  The
--     Arabic words are hunspell-ar's entries that take no affix rules (13k
--     of 170k: particles, pronouns, function words such as ليس); its
--     affixable stems are mostly verb and noun stems that make spurious
--     splits (ف + يتنام for فيتنام).
--     Dictionary words that are aliases of the gazetteer (with or without
--     ال) are names, not words (hunspell-ar lists طهران, اسلو).
--   * `case` aliases of places (the GeoNames and CLDR names, many in
--     languages glean does not read): one every word of which is a
--     lower-case word only of dictionaries whose languages it is not tagged
--     with gets `langonly`, unless the place is in a country of such a
--     language: az `Derbi` (Derby) is Turkish `derbi`, while tr `Menemen`,
--     a Turkish town, keeps matching in Turkish documents;
--   * a place's alias (not `case`: the CLDR names) with accents that search
--     folding drops, folded a lower-case word only of dictionaries whose
--     languages it is not tagged with, gets `langonly`, as above: lv `Čada`
--     (Chad) is es `cada` 'each' (Cada vez ... opening a Spanish sentence);
--   * a GeoNames town (tools/mkgeo.lua's `langonly` places under 50 000
--     inhabitants) whose one-word name the `hunspell` program accepts in
--     the dictionary of one of its languages is dropped: in lower case for
--     most (es `purificación`, a given name too), as written for German
--     (nouns: `Straßen`, a village in Luxembourg; only a word hunspell
--     stems, not one it makes by compounding: `Waldburg`, `Steinbach` are
--     kept) and English (SCOWL lists
--     given names and surnames: `Whitney`), and so is one that is a given
--     name or surname of data/names/LANG.tsv for one of its languages (pt
--     `Ferreira`, it `Platania`).  A dictionary is asked only names of its
--     own script (uk_UA's ICONV deletes Latin letters, so hunspell passed
--     every Latin name tagged uk: `Alupka`, `Alushta`).  A name English or
--     German lists only as a proper noun is no word: hunspell takes it as
--     written and never in lower case, its entry's affix flags are a
--     place's (PLACE_FLAGS: en M, not the plural S of peoples and nouns,
--     Arab/SM; de S and m, not a plural class nor a compound part), and it
--     has no ending of a demonym or adjective (-an -ese -ish); the town
--     keeps it when it has PLACE_MIN (20 000) inhabitants or more and the
--     name is a given name or surname of no list of data/names (kept:
--     `Annapolis`, `Aberdare`, `Gotha`, `Ravensburg`; dropped: `Apache`
--     (Apache/SM), `Hopkins` (under 20 000), `Martinez` (a French surname));
--   * a Vietnamese one-syllable place name (lang vi) whose folded key is
--     also another syllable of vi_VN gets `exact`: search folding drops the
--     tone marks that tell them apart (`Bỉ` Belgium, `bị` in `Bị cáo` 'the
--     accused'; `Đức`, `dục`); the text must then spell it as the alias does;
--   * a place's abbreviation in capitals that is another country's ISO code
--     (es `RU`, Reino Unido: Russia's code and domain, INTERFAX.RU) gets
--     `langonly`;
--   * an Urdu (lang ur) one-word name of a GeoNames place under
--     UR_MAX inhabitants or a first-level subdivision, outside the countries
--     of the Urdu press (PK, IN), that the Urdu analyser of apertium-urd
--     (Debian, `lt-proc urd.automorf.bin`) reads as a word and never as a
--     proper noun (<np>) loses `ur`: `پوری` Pori is 'whole', `ہوائی` Hawaii
--     'air', `مرکزی` Markazi 'central', `میری` Miri 'my'.  The line is
--     dropped when ur was its only language, else it gets `langonly` (the
--     Persian `پوری` stays for Persian documents).  hunspell has no Urdu
--     dictionary, and the Arabic, Hebrew, Persian and Hindi ones list
--     foreign place names like words (Oxford, Manchester, Lyon), so a
--     dictionary without parts of speech cannot tell a homograph from a name.
--   * an Arabic-tagged one-word place name (lang ar, not ur; not a
--     country's) that Urdu writes alike (search folding reads ي as ی, ك as
--     ک, أ إ as ا, ة and ه as ہ) and that the Urdu analyser of apertium-urd
--     reads as a word and never as a proper noun gets `langonly`: an Urdu
--     (or Persian) document does not read it (ar `ميدان` Medan is Urdu
--     `میدان` 'field', `أعزاز` Azaz `اعزاز` 'honour'); Arabic documents
--     keep it; an untagged GeoNames name of such a place abroad that Urdu
--     reads as a word is dropped when a tagged line of the place folds
--     alike (`میدان` beside ar `ميدان`);
--   * an Arabic-script one-word alias not tagged ar (Persian, Urdu or
--     untagged), not a country's, ending in ه (or Urdu ھ ہ, Kurdish ە),
--     which Persian and Urdu write where Arabic writes ة (search folding
--     reads them alike): when
--     hunspell-ar takes the word written the Arabic way (final ه as ة, ی
--     as ي, ک as ك), an Arabic document reads it as that noun or adjective
--     (fa `دوله` Dhule is `دولة` 'state', `مدينه` Medina `مدينة` 'city'):
--     the line gets `langonly` (its own languages); an untagged one is
--     dropped when a tagged line of the same place folds alike (`مدينه`
--     beside fa `مدینه`), else left.  Arabic documents keep the ar-tagged
--     names (`المدينة`);
--     countries keep theirs (`سوریه`: Syrian papers write `سورية`).
--   * a Hebrew (lang he) one-word name of a first-level subdivision or of a
--     GeoNames place under HE_MAX inhabitants outside IL and PS that Hspell
--     (hunspell-he's he_IL.dic) lists as a noun or adjective with a plural,
--     alone or after
--     the prefix ו, ה or ש, loses `he` the same way: `טובה` Tuva 'good',
--     `ואלה` Valais 'and these', `רימה` Raymah 'maggot'.  Hspell's prefix
--     classes are its parts of speech here (see HE_MAX); country names keep
--     `he` (`פרו` Peru, also 'pro-').
--   * an Arabic-script one-word place alias tagged with other languages
--     only (Persian, Urdu, Pashto) that folds like a given name or surname
--     of data/names/ar*.tsv gets `langonly`: an Arabic document reads it as
--     the person (fa `اَشرَف` Behshahr is Ashraf, `هند` India is Hind, fa/ur
--     `ریاض` Riyadh is Riyad, ur `امّان` Amman is Aman); Arabic names the
--     places otherwise (`الرياض`, `الهند`, `عمان`);
--   * an Arabic-script one-word place alias tagged with other languages
--     only (Persian, Urdu, Pashto) that folds like an ar-tagged alias of the
--     same place without its article ال gets `langonly` (an untagged one beside
--     a tagged line that folds alike is dropped): Arabic writes that name
--     with the article (`اليمن`, `القاهرة`, `الداخلة`), so the bare word in
--     an Arabic document is a noun or an adjective, no place (ur `قاہرہ`
--     Cairo is `قاهرة` of `قوة قاهرة` 'force majeure', fa `یمن` Yemen is
--     `يمن` 'blessing', fa `داخله` Dakhla is `داخلة` 'inside');
-- Dictionary entries marked ONLYINCOMPOUND or FORBIDDENWORD are not words
-- on their own (de_DE lists "ägypten" as a compound tail).
-- Otherwise aliases flagged case, exact or noboundary are left alone.  Prints
-- what it flagged on standard error; the output is deterministic.
local glean = require "glean"
local tooldir = arg[0]:match("^(.*)/[^/]*$") or "."
local hunspell = dofile(tooldir .. "/hunspell.lua")

local gaz_path, dicdir = arg[1], arg[2] or "/usr/share/hunspell"
local namesdir = arg[3] or (tooldir .. "/../data/names")
if not gaz_path then
  io.stderr:write("usage: lua5.4 tools/commonwords.lua GAZETTEER.tsv [DICDIR [NAMESDIR]]\n")
  os.exit(2)
end

-- dictionary file, the language it is, the script family it covers
local DICTS = {
  { "en_US", "en", "cased" }, { "de_DE", "de", "cased" }, { "fr_FR", "fr", "cased" },
  { "es_ES", "es", "cased" }, { "it_IT", "it", "cased" }, { "pt_PT", "pt", "cased" },
  { "tr_TR", "tr", "cased" }, { "vi_VN", "vi", "cased" }, { "ru_RU", "ru", "cased" },
  { "uk_UA", "uk", "cased" }, { "ar", "ar", "arab" },
  -- the news languages of tools/mkgazetteer.c's later display locales, for
  -- `capital` only ("capital"): the case-name `langonly` rule below keeps a
  -- name to the languages GeoNames tags it with, which are few (Adana: 19,
  -- not vi), so each dictionary given to it loses the name in every other
  -- language's documents (1 280 -> 2 892 such names with these 18).  Not
  -- hunspell-sr, which lists most place names also in lower case
  -- (amsterdam, ankara, albanija next to Amsterdam).
  { "pl_PL", "pl", "capital" }, { "nl", "nl", "capital" }, { "cs_CZ", "cs", "capital" },
  { "sk_SK", "sk", "capital" }, { "sv_SE", "sv", "capital" }, { "da_DK", "da", "capital" },
  { "nb_NO", "nb", "capital" }, { "ro_RO", "ro", "capital" }, { "el_GR", "el", "capital" },
  { "hu_HU", "hu", "capital" }, { "bg_BG", "bg", "capital" }, { "hr_HR", "hr", "capital" },
  { "sl_SI", "sl", "capital" }, { "id_ID", "id", "capital" }, { "sw_TZ", "sw", "capital" },
  { "ca", "ca", "capital" }, { "lt_LT", "lt", "capital" }, { "lv_LV", "lv", "capital" },
}
local PROCLITICS = { "و", "ف", "ب", "ك", "ل" }

-- Countries (ISO 3166) where the language of a cased dictionary is official
-- or the language of the press (after CLDR's territory information).
local COUNTRIES = {
  en = "US GB IE AU NZ CA IN PK NG GH KE UG ZA PH SG JM MT",
  de = "DE AT CH LI LU BE",
  fr = "FR BE CH LU MC CA HT SN CI CM CD ML NE BF TG BJ GA CG MG DZ MA TN",
  es = "ES MX AR CO CL PE VE EC GT CU BO DO HN PY SV NI CR PA UY PR GQ",
  it = "IT SM VA CH", pt = "PT BR AO MZ CV GW ST TL", tr = "TR CY", vi = "VN",
  ru = "RU BY KZ KG", uk = "UA",
}
local speaks = {}   -- lang -> set of countries
for lang, list in pairs(COUNTRIES) do
  speaks[lang] = {}
  for cc in list:gmatch("%u%u") do speaks[lang][cc] = true end
end

local function fold(s) return (glean.fold(s)) end
local function foldcase(s) return (glean.fold(s, "search-case")) end

local function die(msg)
  io.stderr:write("commonwords: ", msg, "\n")
  os.exit(1)
end

-- the gazetteer
local lines = {}
do
  local f = io.open(gaz_path, "rb") or die(gaz_path .. ": cannot open")
  for line in f:read("a"):gmatch("([^\n]*)\n") do lines[#lines + 1] = line end
  f:close()
end
local cols, hdr
for i, line in ipairs(lines) do
  if line ~= "" and not line:match("^#") then
    hdr, cols = i, {}
    local k = 0
    for name in (line .. "\t"):gmatch("([^\t]*)\t") do k = k + 1; cols[name] = k end
    break
  end
end
if not (cols and cols.alias and cols.flags and cols.lang) then
  die(gaz_path .. ": header must have alias, flags and lang columns")
end
local function cell(f, name) return cols[name] and f[cols[name]] or "" end

local function fields(line)
  local t = {}
  for v in (line .. "\t"):gmatch("([^\t]*)\t") do t[#t + 1] = v end
  return t
end

local function sorted_words(set)
  local t = {}
  for w in pairs(set) do t[#t + 1] = w end
  table.sort(t)
  return t
end

local function has(list, item)
  return ("," .. list .. ","):find("," .. item .. ",", 1, true) ~= nil
end

-- aliases per language, folded (names are not collisions); country codes
local names_of, iso_code = {}, {}
for i = hdr + 1, #lines do
  local line = lines[i]
  if line ~= "" and not line:match("^#") then
    local f = fields(line)
    local cc = f[1]:match("^place:country:(%u%u)$")
    if cc then iso_code[cc] = true end
    for lang in (f[cols.lang] .. ","):gmatch("([^,]*),") do
      if lang ~= "" then
        names_of[lang] = names_of[lang] or {}
        names_of[lang][fold(f[cols.alias])] = true
      end
    end
  end
end

-- The .aff file's flag syntax and the flags that keep an entry from being a
-- word on its own (ONLYINCOMPOUND: de "ägypten/Sozm" is a compound tail;
-- FORBIDDENWORD).  NEEDAFFIX is not one: fr_FR marks "réunion/S.()" so and
-- gives it a zero affix.
-- A dictionary file's lines as UTF-8 (hunspell's SET names the encoding:
-- pl_PL is ISO8859-2, el_GR ISO8859-7, nb_NO ISO8859-1...; iconv converts),
-- without the CR of CRLF files (sr_RS, ca).
local function utf8_lines(file, set)
  local f
  if set and set:upper() ~= "UTF-8" then
    if not set:match("^[%w%-_]+$") then die(file .. ": bad SET '" .. set .. "'") end
    local probe = io.open(file, "rb")
    if not probe then return nil end
    probe:close()
    f = io.popen("iconv -f " .. set .. " -t UTF-8 '" .. file .. "'", "r")
  else
    f = io.open(file, "rb")
  end
  if not f then return nil end
  local text = f:read("a")
  local ok, _, code = f:close()
  if not ok then die(file .. ": iconv from " .. set .. " failed (" .. tostring(code) .. ")") end
  local out = {}
  for line in text:gmatch("([^\n]*)\n?") do out[#out + 1] = (line:gsub("\r$", "")) end
  if out[#out] == "" then out[#out] = nil end
  return out
end

local function aff_set(file)
  local f = io.open(file, "rb")
  if not f then return nil end
  local set
  for line in f:lines() do
    set = line:match("^SET%s+(%S+)")
    if set then break end
  end
  f:close()
  return set or "UTF-8"
end

local function aff_info(file)
  local set = aff_set(file)
  local alines = set and utf8_lines(file, set)
  if not alines then return nil end
  -- flags of a converted file are code points, no longer bytes
  local info = { kind = "char", bad = {}, af = {}, set = set, cp = set:upper() ~= "UTF-8" }
  for _, line in ipairs(alines) do
    local key, v = line:match("^(%u+)%s+(%S+)")
    if key == "FLAG" then info.kind = v
    elseif key == "ONLYINCOMPOUND" or key == "FORBIDDENWORD" then info.bad[v] = true
    elseif key == "AF" and not v:match("^%d+$") then info.af[#info.af + 1] = v end
  end
  return info
end

-- The flags of a .dic entry's "/..." part as a list.
local function flags_of(info, s)
  if #info.af > 0 and s:match("^%d+$") then s = info.af[tonumber(s)] or "" end
  local out = {}
  if info.kind == "long" and info.cp then
    local cps = {}
    for _, c in utf8.codes(s) do cps[#cps + 1] = utf8.char(c) end
    for i = 1, #cps - 1, 2 do out[#out + 1] = cps[i] .. cps[i + 1] end
  elseif info.kind == "long" then
    for i = 1, #s - 1, 2 do out[#out + 1] = s:sub(i, i + 1) end
  elseif info.kind == "num" then
    for n in s:gmatch("%d+") do out[#out + 1] = n end
  elseif info.kind == "UTF-8" or info.cp then
    for _, c in utf8.codes(s) do out[#out + 1] = utf8.char(c) end
  else
    for i = 1, #s do out[#out + 1] = s:sub(i, i) end
  end
  return out
end

-- Every alias of the gazetteer, folded, with and without the article ال: a
-- dictionary word that is one of them is a name, not a collision.
local all_names = {}
for _, set in pairs(names_of) do
  for k in pairs(set) do
    all_names[k] = true
    if k:sub(1, 4) == "\u{627}\u{644}" then all_names[k:sub(5)] = true end
  end
end

-- the dictionaries: cased -> set of folded lower-case words; arab -> set
local lower, arabic, used = {}, {}, {}
local lower_in = {}   -- folded lower-case word -> set of the languages whose dictionary has it
local vi_spell = {}   -- folded Vietnamese syllable -> set of its spellings (bi: bí bì bỉ bị ...)
for _, d in ipairs(DICTS) do
  local file, lang, kind = dicdir .. "/" .. d[1] .. ".dic", d[2], d[3]
  local info = aff_info(dicdir .. "/" .. d[1] .. ".aff")
  local dlines = info and utf8_lines(file, info.set)
  if not dlines then
    io.stderr:write("commonwords: warning: ", file, " (or its .aff) missing: no ", lang,
      " words (install the Debian hunspell package, scripts/deps.sh)\n")
    goto next
  end
  local first, n = true, 0
  for _, line in ipairs(dlines) do
    if first then first = false
    else
      local w, fl = line:match("^([^/\t]+)/?([^\t%s]*)")
      local ok = w and utf8.len(w) and utf8.len(w) >= 2
      if ok and fl ~= "" then
        for _, x in ipairs(flags_of(info, fl)) do if info.bad[x] then ok = false; break end end
      end
      if ok then
        local k = fold(w)
        if kind == "cased" or kind == "capital" then
          if foldcase(w) == k then
            lower[k] = lower[k] or lang
            if kind == "cased" then
              lower_in[k] = lower_in[k] or {}
              lower_in[k][lang] = true
            end
            if lang == "vi" then   -- the syllables one folded key stands for
              vi_spell[k] = vi_spell[k] or {}
              vi_spell[k][w] = true
            end
            n = n + 1
          end
        elseif line == w and not all_names[k] and utf8.len(k) >= 3 then
          arabic[k] = true
          n = n + 1
        end
      end
    end
  end
  used[#used + 1] = d[1] .. " (" .. n .. " words)"
  ::next::
end
if #used == 0 then die(dicdir .. ": no hunspell dictionary found") end

local function all_common(key)
  local any = false
  for w in key:gmatch("[^ %-]+") do
    if not lower[w] then return false end
    any = true
  end
  return any
end

-- The dictionaries every word of key is a lower-case word of, as a sorted
-- comma list ("" when none).
local function word_langs(key)
  local common
  for w in key:gmatch("[^ %-]+") do
    local l = lower_in[w]
    if not l then return "" end
    if not common then
      common = {}
      for lang in pairs(l) do common[lang] = true end
    else
      for lang in pairs(common) do if not l[lang] then common[lang] = nil end end
    end
  end
  local out = {}
  for lang in pairs(common or {}) do out[#out + 1] = lang end
  table.sort(out)
  return table.concat(out, ",")
end

-- Why a `case` alias of a place with a lang gets `langonly` (see the top),
-- or nil.
local function case_langonly(f, alias, langs)
  if cell(f, "type") ~= "place" or langs == "" then return nil end
  local cc = f[1]:match("^place:country:(%u%u)$") or cell(f, "iso")
  if alias:match("^%u%u$") and iso_code[alias] and alias ~= cc then
    return "code:" .. alias
  end
  local wl = word_langs(fold(alias))
  if wl == "" then return nil end
  for l in wl:gmatch("[^,]+") do
    if has(langs, l) or speaks[l] and speaks[l][cc] then return nil end
  end
  return wl .. ":" .. fold(alias)
end

-- A Vietnamese one-syllable name whose folded key is also another syllable
-- of the dictionary (tone marks are folded away: Bỉ Belgium, bị 'suffer'):
-- the other spelling, or nil.
local function vi_homograph(alias, langs)
  if not has(langs, "vi") or alias:find("[%s%-]") then return nil end
  local mine = glean.normalize(alias, "NFKC_CF")
  for _, w in ipairs(sorted_words(vi_spell[fold(alias)] or {})) do
    if w ~= mine then return w end
  end
  return nil
end

-- An alias written as proclitic + Arabic word (ur ولّیس = و + ليس).  The
-- alias itself being a dictionary word says nothing: hunspell-ar lists
-- place names (اسلو, تهران) like words, and without frequencies a name
-- cannot be told from a homograph.
local function arabic_word(key)
  for _, c in ipairs(PROCLITICS) do
    local rest = key:sub(#c + 1)
    if key:sub(1, #c) == c and utf8.len(rest) and utf8.len(rest) >= 2 and arabic[rest] then
      return c .. "+" .. rest
    end
  end
  return nil
end

local ncap, nlo, nskip, nclo, ntown, nvi, ndia = 0, 0, 0, 0, 0, 0, 0

-- GeoNames towns (see the top): rows of place:gn ids, `langonly`, under
-- TOWN_MAX inhabitants; their one-word names that hunspell accepts.
local TOWN_MAX = 50000
local AS_WRITTEN = { de = true, en = true }
-- German compounds freely: de_DE accepts most German place names as
-- compounds of two nouns (Waldburg, Steinbach, Warendorf, Bergheim), so a
-- German town's name is a word only when hunspell gives it a stem (an entry
-- or an affixed form of one: Straßen, Feld, Hof; tools/hunspell.lua)
local STEMS_ONLY = { de = true }
local function is_town(f)
  return f[1]:match("^place:gn:") and has(f[cols.flags], "langonly") and cols.population
    and (tonumber(f[cols.population]) or TOWN_MAX) < TOWN_MAX
end
-- The script of a word's letters ("Latn", "Cyrl", "Grek", "Arab", or "other" for
-- another or a mix); a dictionary is asked only words of its script:
-- hunspell passes a word it cannot tokenise (uk_UA every Latin word, pl_PL,
-- nb_NO, sl_SI, id_ID, lt_LT every Cyrillic and Greek one), which dropped
-- Alupka, Alushta (lang ru,uk) as Ukrainian words.
local TOWN_SCRIPT = { ru = "Cyrl", uk = "Cyrl", bg = "Cyrl", el = "Grek", ar = "Arab" }
local function script_of(w)
  local s
  for _, c in utf8.codes(w) do
    local x = (c < 0x250 or (c >= 0x1E00 and c < 0x1F00)) and "Latn" or (c >= 0x400 and c < 0x530) and "Cyrl"
      or ((c >= 0x370 and c < 0x400) or (c >= 0x1F00 and c < 0x2000)) and "Grek"
      or ((c >= 0x600 and c < 0x700) or (c >= 0x750 and c < 0x780) or (c >= 0x8A0 and c < 0x900)) and "Arab"
      or "other"
    if s and s ~= x then return "other" end
    s = x
  end
  return s or "other"
end
-- A proper noun of the dictionary (en, de: AS_WRITTEN), as a town keeps it:
-- hunspell takes the name only as written, never in lower case, and the
-- dictionary lists it as an entry of its own whose affix flags are those of
-- a place, PLACE_FLAGS: en_US (SCOWL) M, the possessive (Annapolis/M,
-- Aberdare), not S, the plural of peoples, tribes and nouns (Arab/SM,
-- Apache/SM); de_DE S, the genitive, and m (Gotha/Sm, Ravensburg/Sm), not
-- a plural class (Straße/Nm, Feld/ERSTmij) nor only a compound part
-- (Straßen/hij).  Endings of demonyms and adjectives (-an -ian -ese -ish:
-- en `Cuban`, `Kentish`) never count as a place.
local PLACE_FLAGS = { en = { M = true }, de = { S = true, m = true } }
local dic_entries = {}   -- dict -> word as written -> list of its flag lists
local function place_entry(dict, lang, w, lower_ok)
  if lower_ok[w] or not PLACE_FLAGS[lang] then return false end
  if lang == "en" and (w:match("an$") or w:match("ese$") or w:match("ish$")) then return false end
  if not dic_entries[dict] then
    local info = aff_info(dicdir .. "/" .. dict .. ".aff")
    local dl = info and utf8_lines(dicdir .. "/" .. dict .. ".dic", info.set) or {}
    local t = {}
    for i = 2, #dl do
      local word, fl = dl[i]:match("^([^/\t]+)/?([^\t%s]*)")
      if word and not word:match("^%l") then
        t[word] = t[word] or {}
        t[word][#t[word] + 1] = flags_of(info, fl)
      end
    end
    dic_entries[dict] = t
  end
  local list = dic_entries[dict][w]
  if not list then return false end
  for _, fl in ipairs(list) do
    for _, x in ipairs(fl) do if not PLACE_FLAGS[lang][x] then return false end end
  end
  return true
end
-- A proper noun comes back only for a town of PLACE_MIN inhabitants or more
-- (smaller ones are mostly named after a person or a family: en Hopkins,
-- Ramsey, Griffith) and when it is a given name or surname of no language
-- of data/names (fr `Martinez`, de `Keller` for the en towns).
local PLACE_MIN = 20000
local any_name = {}
for _, d in ipairs(DICTS) do
  for _, file in ipairs({ d[2] .. ".tsv", d[2] .. "-more.tsv" }) do
    local nf = io.open(namesdir .. "/" .. file, "rb")
    if nf then
      for line in nf:lines() do
        local name = line:match("^%a+\t([^\t]+)")
        if name then any_name[name] = true end
      end
      nf:close()
    end
  end
end
-- lang -> accepted alias (and person names) -> true, or "place" for a proper
-- noun of the dictionary that a town of PLACE_MIN keeps
local town_word = {}
do
  local ask = {}
  for i = hdr + 1, #lines do
    local line = lines[i]
    if line ~= "" and not line:match("^#") then
      local f = fields(line)
      local alias = f[cols.alias]
      -- (’ is three bytes: not in a [] class, where its bytes 80 and 99 would match р, ę, Ā)
      if is_town(f) and not alias:find("[%s%-']") and not alias:find("’", 1, true) then
        for l in f[cols.lang]:gmatch("[^,]+") do
          ask[l] = ask[l] or {}
          ask[l][alias] = alias
          -- Swiss and Luxembourg German write ss for ß (Strassen, Straßen)
          if l == "de" and alias:find("ss", 1, true) then ask[l][alias:gsub("ss", "ß")] = alias end
        end
      end
    end
  end
  for _, d in ipairs(DICTS) do
    local dict, lang = d[1], d[2]
    local words = ask[lang] and sorted_words(ask[lang])
    local have = io.open(dicdir .. "/" .. dict .. ".dic", "rb")
    if have then have:close() end
    if words then   -- only words of the dictionary's script (see TOWN_SCRIPT)
      local mine = {}
      for _, w in ipairs(words) do if script_of(w) == (TOWN_SCRIPT[lang] or "Latn") then mine[#mine + 1] = w end end
      words = mine
    end
    if have and words and #words > 0 then
      local ok_words = (STEMS_ONLY[lang] and hunspell.stemmed or hunspell.accepted)(dicdir .. "/" .. dict, words,
        AS_WRITTEN[lang])
        or die("hunspell -d " .. dicdir .. "/" .. dict .. " failed (install hunspell: scripts/deps.sh)")
      local lower_ok = AS_WRITTEN[lang] and (hunspell.accepted(dicdir .. "/" .. dict, sorted_words(ok_words), false)
        or die("hunspell -d " .. dicdir .. "/" .. dict .. " failed"))
      town_word[lang] = {}
      local nf = io.open(namesdir .. "/" .. lang .. ".tsv", "rb")
      if nf then
        for line in nf:lines() do
          local name = line:match("^%a+\t([^\t]+)")
          if name and ask[lang][name] then town_word[lang][name] = true end
        end
        nf:close()
      end
      for w in pairs(ok_words) do
        local a = ask[lang][w]
        if not (AS_WRITTEN[lang] and place_entry(dict, lang, w, lower_ok)) or any_name[a] then
          town_word[lang][a] = true
        elseif not town_word[lang][a] then
          town_word[lang][a] = "place"
        end
      end
    end
  end
end
-- Urdu names that are Urdu words (see the top): alias -> the analysis.
local UR_MAX = 500000
local UR_HOME = { PK = true, IN = true }
local UR_ANALYSER = "/usr/share/apertium/apertium-urd/urd.automorf.bin"
local function ur_candidate(f)
  if cell(f, "type") ~= "place" or not has(f[cols.lang], "ur") or f[cols.alias]:find("[%s%-]") then return false end
  if UR_HOME[cell(f, "iso")] then return false end
  if f[1]:match("^place:region:") then return true end
  return f[1]:match("^place:gn:") and (tonumber(cell(f, "population")) or 0) < UR_MAX
end
-- The sorted list of words -> word -> its first analysis, for the words the
-- analyser reads as a word and never as a proper noun (<np>).
local function urdu_words(words)
  local found = {}
  if #words == 0 then return found end
  local ask = {}
  for _, w in ipairs(words) do ask[w] = true end
  local tmp = os.tmpname()
  local out = io.open(tmp, "wb") or die(tmp .. ": cannot write")
  local wrote, err = out:write(table.concat(words, "\n"), "\n")
  if wrote then wrote, err = out:close() end
  if not wrote then die(tmp .. ": " .. tostring(err)) end
  local p = io.popen("lt-proc '" .. UR_ANALYSER .. "' < '" .. tmp .. "' 2>/dev/null")
  local text = p:read("a")
  local ok = p:close()
  os.remove(tmp)
  if not ok then die("lt-proc " .. UR_ANALYSER .. " failed (install lttoolbox)") end
  -- ^surface/analysis1/analysis2$ per word; ^surface/*surface$ when unknown
  for unit in text:gmatch("%^(.-)%$") do
    local surface, rest = unit:match("^([^/]*)/(.*)$")
    if surface and ask[surface] and rest:sub(1, 1) ~= "*" and not rest:find("<np>", 1, true) then
      found[surface] = rest:match("^[^/]*")
    end
  end
  return found
end
-- the Urdu analyser, looked for once: both Urdu passes use it
local ur_analyser = io.open(UR_ANALYSER, "rb")
if ur_analyser then ur_analyser:close() end
-- urdu_asked(key_of) -> word -> Urdu analysis of the words key_of(fields)
-- gives for the gazetteer's lines (nil: not asked); {} without the analyser
local function urdu_asked(key_of)
  local ask = {}
  for i = hdr + 1, #lines do
    local line = lines[i]
    if line ~= "" and not line:match("^#") then
      local k = key_of(fields(line))
      if k then ask[k] = true end
    end
  end
  return ur_analyser and urdu_words(sorted_words(ask)) or {}
end
if not ur_analyser then
  io.stderr:write("commonwords: warning: ", UR_ANALYSER, " missing: no Urdu words ",
    "(install the Debian packages apertium-urd and lttoolbox)\n")
end
local ur_word = urdu_asked(function(f) return ur_candidate(f) and f[cols.alias] or nil end)
local nur = 0
-- Arabic names that Urdu writes alike and reads as a word (see the top):
-- alias -> the Urdu analysis
local function urdu_spelling(alias)
  return (alias:gsub("\217\138", "\219\140"):gsub("\217\131", "\218\169")    -- ي -> ی, ك -> ک
    :gsub("\216\163", "\216\167"):gsub("\216\165", "\216\167")               -- أ إ -> ا
    :gsub("\216\169", "\219\129"):gsub("\217\135", "\219\129"))              -- ة ه -> ہ
end
local function ar_ur_candidate(f)
  return cell(f, "type") == "place" and has(f[cols.lang], "ar") and not has(f[cols.lang], "ur")
    and f[cols.alias]:find("^[\216-\219]") and not f[cols.alias]:find("[%s%-]")
    and not f[1]:match("^place:country:") and not has(f[cols.flags], "langonly")
end
-- (an untagged one of a place abroad: dropped when a tagged line of the place folds alike)
local function ar_ur_untagged(f)
  return cell(f, "type") == "place" and f[cols.lang] == "" and f[cols.alias]:find("^[\216-\219]")
    and not f[cols.alias]:find("[%s%-]") and not f[1]:match("^place:country:") and not UR_HOME[cell(f, "iso")]
end
local ar_ur_word = urdu_asked(function(f)
  return (ar_ur_candidate(f) or ar_ur_untagged(f)) and urdu_spelling(f[cols.alias]) or nil
end)
local narur = 0
-- Persian/Urdu spellings in ه of Arabic words in ة (see the top): alias ->
-- the Arabic word hunspell-ar takes
-- the final letters folded like ه: ه, Urdu ھ and ہ, Kurdish ە, ۀ
local TEH_MARBUTA = "\216\169"
local FINAL_HEH = { ["\217\135"] = true, ["\218\190"] = true, ["\219\129"] = true, ["\219\149"] = true,
                    ["\219\128"] = true }
local function ta_candidate(f)
  local alias, langs, flags = f[cols.alias], f[cols.lang], f[cols.flags]
  return alias:find("^[\216-\219]") and not alias:find("[%s\226]") and FINAL_HEH[alias:sub(-2)]
    and utf8.len(alias) and utf8.len(alias) >= 3 and not has(langs, "ar") and not f[1]:match("^place:country:")
    and not (has(flags, "exact") or has(flags, "noboundary") or has(flags, "case"))
end
local function arabic_spelling(alias)
  local w = alias:sub(1, -3) .. TEH_MARBUTA
  return (w:gsub("\219\140", "\217\138"):gsub("\218\169", "\217\131"))   -- ی -> ي, ک -> ك
end
local ta_word = {}
local tagged_key = {}   -- id .. "\t" .. folded alias of the lines with a language
-- id .. "\t" .. folded alias without its article -> the ar-tagged one-word
-- alias with the article (see the top: the Persian/Urdu bare name is
-- langonly)
local AR_ARTICLE = "\216\167\217\132"   -- ال
local ar_bare = {}
local function ar_bare_candidate(f)
  local alias, langs, flags = f[cols.alias], f[cols.lang], f[cols.flags]
  return cell(f, "type") == "place" and alias:find("^[\216-\219]") and not alias:find("[%s\226]")
    and not has(langs, "ar") and not (has(flags, "exact") or has(flags, "noboundary") or has(flags, "case"))
end
local nbare = 0
do
  local cand, forms = {}, {}   -- candidate alias -> its Arabic spelling; the set of those
  for i = hdr + 1, #lines do
    local line = lines[i]
    if line ~= "" and not line:match("^#") then
      local f = fields(line)
      if f[cols.lang] ~= "" then tagged_key[f[1] .. "\t" .. fold(f[cols.alias])] = true end
      local al = f[cols.alias]
      if has(f[cols.lang], "ar") and al:sub(1, 4) == AR_ARTICLE and (utf8.len(al) or 0) >= 5
        and not al:find("[%s\226]") then
        ar_bare[f[1] .. "\t" .. fold(al:sub(5))] = al
      end
      if ta_candidate(f) then
        cand[f[cols.alias]] = arabic_spelling(f[cols.alias])
        forms[cand[f[cols.alias]]] = true
      end
    end
  end
  local ask = sorted_words(forms)
  local have = io.open(dicdir .. "/ar.dic", "rb")
  if have then have:close() end
  if have and #ask > 0 then
    local ok_words = hunspell.accepted(dicdir .. "/ar", ask, true) or die("hunspell -d " .. dicdir .. "/ar failed")
    for alias, w in pairs(cand) do
      if ok_words[w] then ta_word[alias] = w end
    end
  end
end
local nta = 0
-- Persian, Urdu and Pashto names that are Arabic given names (see the top):
-- the folded given names and surnames of data/names/ar*.tsv
local AR_NAME_FILES = { "ar.tsv", "ar-more.tsv", "ar-faker.tsv" }
local ar_names = {}
for _, file in ipairs(AR_NAME_FILES) do
  local nf = io.open(namesdir .. "/" .. file, "rb")
  if nf then
    for line in nf:lines() do
      local class, name = line:match("^(%a+)\t([^\t]+)")
      if class == "given" or class == "surname" then ar_names[fold(name)] = true end
    end
    nf:close()
  end
end
local function ar_name_candidate(f)
  local alias, langs, flags = f[cols.alias], f[cols.lang], f[cols.flags]
  return cell(f, "type") == "place" and alias:find("^[\216-\219]") and not alias:find("[%s%-\226]")
    and langs ~= "" and not has(langs, "ar") and not has(flags, "langonly")
    and not (has(flags, "exact") or has(flags, "noboundary") or has(flags, "case"))
end
local narn = 0
-- Hebrew names that are Hebrew words (see the top): alias -> why.  Hspell's
-- full-form dictionary (hunspell-he) gives every entry the class of the
-- prefixes it takes: class `a` takes the article ה, which nouns and
-- adjectives do and names never do (Hspell puts names, like London or
-- Chicago, in other classes, but a few, like Missouri, in `a`, without a
-- plural).  So a one-word Hebrew alias that is an `a` entry whose plural is
-- an entry too (`טובה` Tuva 'good', `רימה` Raymah 'maggot'), or one of the
-- conjunction/article prefixes ו ה ש written onto an `a` entry of 3 or more
-- letters (`ואלה` Valais 'and these'), is a word, and the place loses `he`
-- when it is a first-level subdivision or a GeoNames place under HE_MAX
-- inhabitants outside the countries of the Hebrew press (IL, PS).  Countries
-- (place:country ids, and any alias that is also a country's Hebrew name)
-- and the curated cities keep their names: `פרו` Peru ('pro-', as in
-- פרו-רוסי) stays, a country name in news.
local HE_MAX = 200000
local HE_HOME = { IL = true, PS = true }
local HE_DIC = dicdir .. "/he_IL.dic"
local he_country = {}
for i = hdr + 1, #lines do
  local line = lines[i]
  if line ~= "" and not line:match("^#") then
    local f = fields(line)
    if f[1]:match("^place:country:") and has(f[cols.lang], "he") then he_country[f[cols.alias]] = true end
  end
end
local function he_candidate(f)
  if cell(f, "type") ~= "place" or not has(f[cols.lang], "he") or f[cols.alias]:find("[%s%-]") then return false end
  if HE_HOME[cell(f, "iso")] or he_country[f[cols.alias]] then return false end
  if f[1]:match("^place:region:") then return true end
  return f[1]:match("^place:gn:") and (tonumber(cell(f, "population")) or 0) < HE_MAX
end
local he_word = {}
do
  local ask = {}   -- dictionary form -> list of aliases it would make a word
  local function want(form, alias, why)
    ask[form] = ask[form] or {}
    ask[form][#ask[form] + 1] = { alias, why }
  end
  for i = hdr + 1, #lines do
    local line = lines[i]
    if line ~= "" and not line:match("^#") then
      local f = fields(line)
      if he_candidate(f) then
        local alias = f[cols.alias]
        want(alias, alias, "he:" .. alias)
        local p, rest = alias:match("^([\215][\148\149\169])(.+)$")   -- ה ו ש
        if p and utf8.len(rest) and utf8.len(rest) >= 3 then want(rest, alias, "he:" .. p .. "+" .. rest) end
      end
    end
  end
  local dic = io.open(HE_DIC, "rb")
  if not dic then
    io.stderr:write("commonwords: warning: ", HE_DIC, " missing: no Hebrew words ",
      "(install the Debian package hunspell-he)\n")
  else
    local entries, nouns = {}, {}
    for line in dic:lines() do
      local w, cls = line:match("^([^/]+)/?(%a*)")
      if w then
        entries[w] = true
        if ask[w] and cls:find("a", 1, true) then nouns[w] = true end
      end
    end
    dic:close()
    -- the plural a noun or adjective has and a name in class a (Hspell's
    -- מיזורי, טבסקו, סיקים) has not: the word with its final letter in the
    -- medial form + ים/ות, or without its feminine ה/ת, or for -י ייים/יות
    local medial = { ["ך"] = "כ", ["ם"] = "מ", ["ן"] = "נ", ["ף"] = "פ", ["ץ"] = "צ" }
    local function has_plural(w)
      local stem, last = w:match("^(.*)([\215][\128-\191])$")
      if not stem then return false end
      local b = stem .. (medial[last] or last)
      if entries[b .. "ים"] or entries[b .. "ות"] then return true end
      if (last == "ה" or last == "ת") and (entries[stem .. "ות"] or entries[stem .. "ים"]) then return true end
      return last == "י" and (entries[w .. "ים"] or entries[stem .. "יות"]) or false
    end
    for w in pairs(nouns) do
      if has_plural(w) then
        for _, aw in ipairs(ask[w]) do
          if not he_word[aw[1]] or aw[2] < he_word[aw[1]] then he_word[aw[1]] = aw[2] end
        end
      end
    end
  end
end
local nhe = 0

local report = {}

-- An alias that is a word of language CODE (WHY: the dictionary's word):
-- CODE leaves the line's languages and the rest get `langonly`; false when no
-- language is left (the line goes).  Either way a row of the report says so.
local function unlang(f, code, why)
  local langs = f[cols.lang]
  local rest = {}
  for l in langs:gmatch("[^,]+") do if l ~= code then rest[#rest + 1] = l end end
  report[#report + 1] = (#rest == 0 and "dropped (" .. code .. " word)"
    or "langonly, not " .. code .. " (" .. code .. " word)") .. "\t" ..
    f[cols.alias] .. "\t" .. langs .. "\t" .. why .. "\t" .. f[1]
  if #rest == 0 then return false end
  f[cols.lang] = table.concat(rest, ",")
  local flags = f[cols.flags]
  if not has(flags, "langonly") then
    f[cols.flags] = flags == "" and "langonly" or flags .. ",langonly"
  end
  return true
end

for i = hdr + 1, #lines do
  local line = lines[i]
  if line ~= "" and not line:match("^#") then
    local f = fields(line)
    local flags, alias, langs = f[cols.flags], f[cols.alias], f[cols.lang]
    local town_lang, town_kept
    if is_town(f) then
      for l in langs:gmatch("[^,]+") do
        local w = town_word[l] and town_word[l][alias]
        if w == true or (w == "place" and (tonumber(cell(f, "population")) or 0) < PLACE_MIN) then
          town_lang = l; break
        elseif w == "place" then
          town_kept = l
        end
      end
      if town_kept and not town_lang then
        report[#report + 1] = "kept (town, proper noun)\t" .. alias .. "\t" .. langs .. "\t" .. town_kept
          .. "\t" .. f[1]
      end
    end
    local vi_other = cell(f, "type") == "place" and not has(flags, "noboundary") and vi_homograph(alias, langs)
    if vi_other then   -- (a rerun counts, but does not add, it again)
      nvi = nvi + 1
      report[#report + 1] = "exact (vi)\t" .. alias .. "\t" .. langs .. "\tvi:" .. vi_other
      if not has(flags, "exact") then
        f[cols.flags] = flags == "" and "exact" or flags .. ",exact"
        flags = f[cols.flags]
        lines[i] = table.concat(f, "\t")
      end
    end
    if ur_word[alias] and ur_candidate(f) then
      nur = nur + 1
      if not unlang(f, "ur", "ur:" .. ur_word[alias]) then lines[i] = false; goto continue end
      langs, flags = f[cols.lang], f[cols.flags]
      lines[i] = table.concat(f, "\t")
    end
    if ar_ur_candidate(f) and ar_ur_word[urdu_spelling(alias)] then
      narur = narur + 1
      report[#report + 1] = "langonly (ur word)\t" .. alias .. "\t" .. langs .. "\tur:"
        .. ar_ur_word[urdu_spelling(alias)] .. "\t" .. f[1]
      f[cols.flags] = flags == "" and "langonly" or flags .. ",langonly"
      flags = f[cols.flags]
      lines[i] = table.concat(f, "\t")
    end
    if ar_ur_untagged(f) and ar_ur_word[urdu_spelling(alias)] and tagged_key[f[1] .. "\t" .. fold(alias)] then
      narur = narur + 1
      report[#report + 1] = "dropped (ur word, untagged)\t" .. alias .. "\t\tur:" .. ar_ur_word[urdu_spelling(alias)]
        .. "\t" .. f[1]
      lines[i] = false
      goto continue
    end
    if ta_word[alias] and ta_candidate(f) then
      nta = nta + 1
      if langs == "" and not tagged_key[f[1] .. "\t" .. fold(alias)] then
        report[#report + 1] = "(ar word in ة, untagged, left)\t" .. alias .. "\t\tar:" .. ta_word[alias] .. "\t" .. f[1]
      elseif langs == "" then
        report[#report + 1] = "dropped (ar word in ة)\t" .. alias .. "\t\tar:" .. ta_word[alias] .. "\t" .. f[1]
        lines[i] = false
        goto continue
      else
        report[#report + 1] = "langonly (ar word in ة)\t" .. alias .. "\t" .. langs .. "\tar:" .. ta_word[alias]
          .. "\t" .. f[1]
        if not has(flags, "langonly") then
          f[cols.flags] = flags == "" and "langonly" or flags .. ",langonly"
          flags = f[cols.flags]
          lines[i] = table.concat(f, "\t")
        end
      end
    end
    if ar_bare_candidate(f) and ar_bare[f[1] .. "\t" .. fold(alias)] then
      local arw = ar_bare[f[1] .. "\t" .. fold(alias)]
      nbare = nbare + 1
      if langs == "" and tagged_key[f[1] .. "\t" .. fold(alias)] then
        report[#report + 1] = "dropped (ar writes the article, untagged)\t" .. alias .. "\t\tar:" .. arw .. "\t" .. f[1]
        lines[i] = false
        goto continue
      elseif langs ~= "" and not has(flags, "langonly") then
        report[#report + 1] = "langonly (ar writes the article)\t" .. alias .. "\t" .. langs .. "\tar:" .. arw
          .. "\t" .. f[1]
        f[cols.flags] = flags == "" and "langonly" or flags .. ",langonly"
        flags = f[cols.flags]
        lines[i] = table.concat(f, "\t")
      end
    end
    if ar_name_candidate(f) and ar_names[fold(alias)] then
      narn = narn + 1
      report[#report + 1] = "langonly (ar given name)\t" .. alias .. "\t" .. langs .. "\t" .. f[1]
      f[cols.flags] = flags == "" and "langonly" or flags .. ",langonly"
      flags = f[cols.flags]
      lines[i] = table.concat(f, "\t")
    end
    if he_word[alias] and he_candidate(f) then
      nhe = nhe + 1
      if not unlang(f, "he", he_word[alias]) then lines[i] = false; goto continue end
      langs, flags = f[cols.lang], f[cols.flags]
      lines[i] = table.concat(f, "\t")
    end
    if town_lang then
      lines[i] = false
      ntown = ntown + 1
      report[#report + 1] = "dropped (town)\t" .. alias .. "\t" .. langs .. "\t" .. town_lang .. "\t" .. f[1]
    elseif has(flags, "case") and not (has(flags, "exact") or has(flags, "noboundary")) then
      local why = case_langonly(f, alias, langs)
      if why then
        nclo = nclo + 1
        report[#report + 1] = "langonly (case)\t" .. alias .. "\t" .. langs .. "\t" .. why
        if not has(flags, "langonly") then
          f[cols.flags] = flags .. ",langonly"
          lines[i] = table.concat(f, "\t")
        end
      end
    elseif not (has(flags, "case") or has(flags, "exact") or has(flags, "noboundary")) then
      local key = fold(alias)
      local add
      if key:find("^[\216-\219]") then   -- Arabic-script letters (U+0600..U+06FF)
        local w = arabic_word(key)
        if w and not has(langs, "ar") then
          add = "langonly"
          nlo = nlo + 1
          report[#report + 1] = "langonly\t" .. alias .. "\t" .. langs .. "\tar:" .. w
        elseif w then
          nskip = nskip + 1
          report[#report + 1] = "(ar word, not flagged)\t" .. alias .. "\t" .. langs .. "\tar:" .. w
        end
      elseif foldcase(alias) ~= key and all_common(key) then
        add = "capital"
        ncap = ncap + 1
        local first = key:match("^[^ %-]+")
        report[#report + 1] = "capital\t" .. alias .. "\t" .. langs .. "\t" .. lower[first] .. ":" .. key
      end
      if add and not has(flags, add) then   -- (a rerun counts, but does not add, it again)
        f[cols.flags] = flags == "" and add or flags .. "," .. add
        flags = f[cols.flags]
        lines[i] = table.concat(f, "\t")
      end
      -- a place's name that search folding makes a word of another
      -- language by dropping its accents (lv Čada, Chad: es `cada`) is
      -- matched only in documents of its own languages
      local why = not key:find("^[\216-\219]") and glean.normalize(alias, "NFKC_CF") ~= key
        and case_langonly(f, alias, langs)
      if why then
        ndia = ndia + 1
        report[#report + 1] = "langonly (accents)\t" .. alias .. "\t" .. langs .. "\t" .. why
        if not has(flags, "langonly") then
          f[cols.flags] = flags == "" and "langonly" or flags .. ",langonly"
          lines[i] = table.concat(f, "\t")
        end
      end
    end
  end
  ::continue::
end

-- one comment line saying what this step did (replaced on a rerun)
local note = "# Common words (tools/commonwords.lua, hunspell " .. table.concat(used, ", ") .. "): " ..
  ncap .. " aliases `capital`, " .. nlo .. " `langonly`; " .. nclo .. " `case` place names `langonly` " ..
  "(words of other languages only, or another country's code); GeoNames towns whose name is a word dropped; " ..
  nvi .. " Vietnamese one-syllable names `exact` (another syllable folds alike); " ..
  ndia .. " place names `langonly` that folding makes words of other languages (lv Čada: es cada); " ..
  "Urdu names of small places abroad that are Urdu words (apertium-urd) without ur; " ..
  "Hebrew ones that are Hspell nouns or adjectives without he; " ..
  "Persian/Urdu names in ه that are Arabic words in ة langonly; Arabic names of places that are Urdu words " ..
  "(apertium-urd) langonly; Persian/Urdu names that Arabic writes with the article langonly."
local out, noted = {}, false
for i, line in ipairs(lines) do
  if line == false then
    line = nil
  elseif line:match("^# Common words %(tools/commonwords%.lua") then
    line = nil
  elseif i == hdr and not noted then
    out[#out + 1] = note
    noted = true
  end
  if line then out[#out + 1] = line end
end
local f = io.open(gaz_path, "wb") or die(gaz_path .. ": cannot write")
local wrote, err = f:write(table.concat(out, "\n"), "\n")
if wrote then wrote, err = f:close() end
if not wrote then die(gaz_path .. ": " .. tostring(err)) end
table.sort(report)
for _, r in ipairs(report) do io.stderr:write(r, "\n") end
io.stderr:write(string.format(
  "commonwords: %d capital, %d langonly, %d Arabic aliases that are Arabic words left alone; " ..
  "%d case place names langonly; %d towns dropped (words); %d Vietnamese names exact; " ..
  "%d Urdu names that are Urdu words not ur; %d Hebrew names that are Hebrew words not he; " ..
  "%d names in ه that are Arabic words in ة; %d place names langonly (accents); " ..
  "%d Arabic names that are Urdu words langonly; %d names that are Arabic given names langonly; " ..
  "%d Persian/Urdu names Arabic writes with the article\n",
  ncap, nlo, nskip, nclo, ntown, nvi, nur, nhe, nta, ndia, narur, narn, nbare))
