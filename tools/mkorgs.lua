-- tools/mkorgs.lua -- data/orgs-nsi.tsv, organisations from the
-- name-suggestion-index (issues 13, 15; data/SOURCES.md "Organisations from
-- the name-suggestion-index"):
--
--   lua5.4 tools/mkorgs.lua NSI.json GAZETTEER.tsv NAMESDIR DICDIR > data/orgs-nsi.tsv
--
-- (`make orgs` runs it on the npm package name-suggestion-index, pinned by
-- version and SHA-256 in the Makefile: NSI_VERSION, NSI_SHA256.)  The index
-- lists the brands and operators of OpenStreetMap's features with their
-- Wikidata ids: banks, oil companies, retailers, telecoms, insurers, carmakers, hotel
-- chains (brands), and police forces, courts, prisons, ministries and
-- agencies, universities, railways, utilities, armed forces (operators),
-- with their names in many languages.  Taken: the entries of the categories
-- in CATEGORIES below that carry a Wikidata id; id `org:wd:<QID>`, label the
-- English name (else the first name).  Every alias passes these filters
-- (what was dropped is counted on standard error):
--   * one character, or a name that is a code or a number;
--   * Latin, Cyrillic, Greek: the name gets `case` (brand names are written
--     as the brand writes them); a name of one word that is a lower-case word
--     of a hunspell dictionary (DICDIR; `Real`, `Target`, `Spar`, `Coop`) or a
--     given name or surname of NAMESDIR (`Penny`) is dropped, and so is a
--     name of several words each of which is one (`Global Credit Union`,
--     `Del Taco`, `Don Quijote`) and an all-capitals code of 1-3 letters
--     (`CHR`, `БАМ`: most such codes name several things);
--   * Han and kana: fewer than 3 characters (全家 'the whole family'), or
--     mixed with Latin letters (A・Colle);
--     Hangul: fewer than 3 syllables; other scripts without case (Arabic,
--     Hebrew, Devanagari, Thai): one word;
--   * an alias that GAZETTEER (the default gazetteer before this file is
--     merged) already has, for any entity: the curated entry wins and no
--     alias becomes ambiguous (`Shell`, `Lidl`, a city named like a bank);
--   * an alias of several entries of the index is kept for the oldest
--     Wikidata item only (Lidl, not its national companies).
-- `lang` is the language of a `name:xx` tag, else the main language of the
-- entry's first country (an alias of a Russian bank inflects as Russian),
-- else en.  Deterministic: rows sorted by id and alias.
local cjson = require "cjson"
local glean = require "glean"
local hunspell = dofile((arg[0]:match("^(.*)/[^/]*$") or ".") .. "/hunspell.lua")

local nsi_path, gaz_path, namesdir, dicdir = arg[1], arg[2], arg[3], arg[4] or "/usr/share/hunspell"
if not (nsi_path and gaz_path and namesdir) then
  io.stderr:write("usage: lua5.4 tools/mkorgs.lua NSI.json GAZETTEER.tsv NAMESDIR [DICDIR]\n")
  os.exit(2)
end

-- categories of the index that name organisations in news, and the tag
-- that holds the organisation's name
local CATEGORIES = {
  ["brands/amenity/bank"] = "brand", ["brands/amenity/fuel"] = "brand",
  ["brands/amenity/fast_food"] = "brand", ["brands/amenity/cafe"] = "brand",
  ["brands/amenity/car_rental"] = "brand", ["brands/amenity/cinema"] = "brand",
  ["brands/amenity/pharmacy"] = "brand", ["brands/amenity/post_office"] = "brand",
  ["brands/office/insurance"] = "brand", ["brands/office/telecommunication"] = "brand",
  ["brands/office/political_party"] = "brand", ["brands/office/union"] = "brand",
  ["brands/office/government"] = "brand", ["brands/office/company"] = "brand",
  ["brands/office/association"] = "brand", ["brands/office/employment_agency"] = "brand",
  ["brands/office/logistics"] = "brand", ["brands/shop/supermarket"] = "brand",
  ["brands/shop/department_store"] = "brand", ["brands/shop/convenience"] = "brand",
  ["brands/shop/clothes"] = "brand", ["brands/shop/electronics"] = "brand",
  ["brands/shop/mobile_phone"] = "brand", ["brands/shop/telecommunication"] = "brand",
  ["brands/shop/car"] = "brand", ["brands/shop/doityourself"] = "brand",
  ["brands/shop/furniture"] = "brand", ["brands/shop/variety_store"] = "brand",
  ["brands/shop/chemist"] = "brand", ["brands/shop/books"] = "brand",
  ["brands/tourism/hotel"] = "brand", ["brands/club/scout"] = "brand",
  ["brands/amenity/charging_station"] = "brand", ["brands/amenity/money_transfer"] = "brand",
  ["operators/amenity/police"] = "operator", ["operators/amenity/courthouse"] = "operator",
  ["operators/amenity/prison"] = "operator", ["operators/amenity/fire_station"] = "operator",
  ["operators/amenity/hospital"] = "operator", ["operators/amenity/university"] = "operator",
  ["operators/amenity/college"] = "operator", ["operators/amenity/post_office"] = "operator",
  ["operators/amenity/post_box"] = "operator", ["operators/office/government"] = "operator",
  ["operators/office/energy_supplier"] = "operator", ["operators/office/water_utility"] = "operator",
  ["operators/route/railway"] = "operator", ["operators/landuse/military"] = "operator",
  ["operators/power/plant"] = "operator", ["operators/power/line"] = "operator",
  ["operators/power/substation"] = "operator", ["operators/man_made/pipeline"] = "operator",
  ["operators/telecom/exchange"] = "operator", ["operators/telecom/data_center"] = "operator",
  ["operators/amenity/charging_station"] = "operator", ["operators/boundary/national_park"] = "operator",
  ["operators/emergency/ambulance_station"] = "operator", ["operators/man_made/mast"] = "operator",
  ["transit/route/train"] = "operator", ["transit/route/subway"] = "operator",
  ["transit/route/ferry"] = "operator", ["transit/route/light_rail"] = "operator",
  ["transit/route/tram"] = "operator", ["transit/route/bus"] = "operator",
}

-- the languages whose name:xx tags are taken (the gazetteer's lang column
-- holds at most 64 codes)
local LANGS = {}
for l in ([[en de fr es it pt ru uk pl nl tr ar fa ur id ms vi zh ja ko hi bn
  cs sk sv da nb nn ro el he hu fi bg sr hr sl ca et lv lt ka hy az kk uz th]]):gmatch("%S+") do
  LANGS[l] = true
end

-- a country's main language among LANGS (the entry's first country)
local COUNTRY_LANG = {}
for pair in ([[de:de at:de ch:de li:de lu:fr fr:fr be:fr mc:fr es:es mx:es ar:es co:es cl:es
  pe:es ve:es ec:es bo:es py:es uy:es cr:es cu:es do:es gt:es hn:es ni:es pa:es sv:es it:it
  sm:it pt:pt br:pt ao:pt mz:pt ru:ru by:ru kz:ru ua:uk pl:pl nl:nl tr:tr cz:cs sk:sk se:sv
  dk:da no:nb ro:ro md:ro gr:el cy:el id:id my:ms vn:vi cn:zh tw:zh hk:zh mo:zh jp:ja kr:ko
  ir:fa pk:ur sa:ar ae:ar eg:ar iq:ar jo:ar kw:ar lb:ar ly:ar ma:ar om:ar qa:ar sd:ar sy:ar
  tn:ar ye:ar dz:ar bh:ar il:he hu:hu fi:fi bg:bg rs:sr hr:hr si:sl ee:et lv:lv lt:lt ge:ka
  am:hy az:az th:th bd:bn]]):gmatch("%S+") do
  local c, l = pair:match("(%a+):(%a+)")
  COUNTRY_LANG[c] = l
end

local function fold(s) return (glean.fold(s)) end

local dropped = {}
local function drop(why) dropped[why] = (dropped[why] or 0) + 1 end

local function upper_first(w)
  local ok, c = pcall(utf8.codepoint, w, 1)
  if not ok then return false end
  return (c >= 0x41 and c <= 0x5A) or (c >= 0xC0 and c <= 0xDE and c ~= 0xD7) or (c >= 0x391 and c <= 0x3A9)
    or (c >= 0x400 and c <= 0x42F)
end

-- the words of the hunspell dictionaries (stems as listed, folded)
local words = {}
local HUNSPELL = { "en_US", "de_DE", "fr_FR", "es_ES", "it_IT", "pt_PT", "pt_BR", "ru_RU", "uk_UA",
                   "pl_PL", "nl_NL", "tr_TR", "cs_CZ", "sk_SK", "sv_SE", "da_DK", "nb_NO", "ro_RO",
                   "el_GR", "id_ID", "hu_HU", "bg_BG", "hr_HR", "ca" }
for _, d in ipairs(HUNSPELL) do
  local aff = io.open(dicdir .. "/" .. d .. ".aff", "rb")
  local set = aff and ("\n" .. aff:read("a")):match("\nSET%s+([%w%-_]+)") or "UTF-8"
  if aff then aff:close() end
  -- hunspell's SET names the dictionary's encoding (pl_PL ISO8859-2)
  local f = io.open(dicdir .. "/" .. d .. ".dic", "rb")
  if f then
    f:close()
    f = io.popen("iconv -f " .. set .. " -t UTF-8 " .. dicdir .. "/" .. d .. ".dic", "r")
    f:read("l")   -- the count
    for line in f:lines() do
      local w = line:match("^([^/\t ]+)")
      -- a dictionary's capitalised entries are names (Aldi, Lidl), not
      -- words, except German nouns
      if w and utf8.len(w) and (d == "de_DE" or not upper_first(w)) then words[fold(w)] = true end
    end
    f:close()
  else
    io.stderr:write("mkorgs: no dictionary " .. dicdir .. "/" .. d .. ".dic (apt-get install hunspell-*)\n")
    os.exit(1)
  end
end

-- given names and surnames of the name lists
local names = {}
for file in io.popen("ls " .. namesdir .. "/*.tsv"):lines() do
  for line in io.lines(file) do
    local cls, n = line:match("^(%a+)\t([^\t]+)")
    if cls == "given" or cls == "surname" then names[fold(n)] = true end
  end
end

-- the aliases the default gazetteer already has
local known = {}
do
  local f = assert(io.open(gaz_path, "rb"))
  for line in f:lines() do
    if line:sub(1, 1) ~= "#" then
      local id, alias = line:match("^([^\t]*)\t[^\t]*\t([^\t]*)")
      -- (not this file's own rows, merged into it by an earlier run)
      if alias and not id:find("^org:wd:") then known[fold(alias)] = true end
    end
  end
  f:close()
end

local function script_of(s)
  local cased, han, hangul, other = 0, 0, 0, 0
  for _, c in utf8.codes(s) do
    if (c >= 0x41 and c <= 0x5A) or (c >= 0x61 and c <= 0x7A) or (c >= 0xC0 and c <= 0x24F)
      or (c >= 0x370 and c <= 0x52F) or (c >= 0x1E00 and c <= 0x1FFF) then cased = cased + 1
    elseif (c >= 0x3040 and c <= 0x30FF) or (c >= 0x4E00 and c <= 0x9FFF) or (c >= 0x3400 and c <= 0x4DBF) then
      han = han + 1
    elseif c >= 0xAC00 and c <= 0xD7A3 then hangul = hangul + 1
    elseif c > 0x7F and utf8.char(c):find("[%z\1-\127]") == nil and not (c >= 0x2000 and c <= 0x206F) then
      other = other + 1
    end
  end
  if han > 0 and cased > 0 then return "mixed", han end
  if han > 0 then return "han", han end
  if hangul > 0 and cased == 0 then return "hangul", hangul end
  if other > cased then return "other", other end
  return "cased", cased
end

local CYRILLIC_DICT = { ru_RU = true, uk_UA = true, bg_BG = true }
local function alphabet(w)
  for _, c in utf8.codes(w) do
    if c >= 0x400 and c <= 0x52F then return "cyrillic" end
    if c >= 0x370 and c <= 0x3FF then return "greek" end
  end
  return "latin"
end

-- (filled below from the hunspell program)
local hun_word = {}

-- alias, flags: the alias as the gazetteer should hold it, or nil
local function filter(alias)
  alias = alias:gsub("^%s+", ""):gsub("%s+$", ""):gsub("%s+", " ")
  if utf8.len(alias) == nil or utf8.len(alias) < 2 then drop("one character"); return end
  if not alias:find("%a") and not alias:find("[\128-\255]") then drop("code or number"); return end
  if alias:find("[\t\n]") then drop("control character"); return end
  local sc, n = script_of(alias)
  local one_word = not alias:find("[%s%-]")
  if sc == "mixed" then drop("Latin and Han or kana mixed"); return end
  if sc == "han" then
    if n < 3 then drop("Han or kana: under 3 characters"); return end
    return alias, "noboundary"
  elseif sc == "hangul" then
    if n < 3 then drop("Hangul: under 3 syllables"); return end
    return alias, ""
  elseif sc == "other" then
    if one_word then drop("no case: one word"); return end
    return alias, ""
  end
  if n <= 3 and alias:upper() == alias then drop("code of 1-3 capitals"); return end
  if one_word and (words[fold(alias)] or words[fold(alias):gsub("'s$", "")] or hun_word[alias]) then
    drop("one word: a dictionary word"); return
  end
  if one_word and names[fold(alias)] then drop("one word: a given name or surname"); return end
  if not one_word then
    local all = true
    for w in fold(alias):gmatch("[^%s%-]+") do
      if not (words[w] or names[w]) then all = false; break end
    end
    if all then drop("words that are all dictionary words or names"); return end
  end
  if alias:upper() == alias and n <= 3 and alias:find("%d") then drop("code or number"); return end
  return alias, "case"
end

local data = assert(io.open(nsi_path, "rb")):read("a")
local nsi = cjson.decode(data).nsi

-- one-word names that the hunspell program accepts as a word of one of
-- the dictionaries, inflected forms included (Farmers, Honeys; in English
-- and German as written, so its proper names count: Locke)
do
  local ask = {}
  for cat, key in pairs(CATEGORIES) do
    for _, item in ipairs(nsi[cat] and nsi[cat].items or {}) do
      for tag, v in pairs(item.tags or {}) do
        if type(v) == "string" and (tag:find("^" .. key) or tag:find("^network")) and not v:find("[%s%-]")
          and utf8.len(v) and script_of(v) == "cased" then
          ask[v] = true
        end
      end
    end
  end
  local list = {}
  for w in pairs(ask) do list[#list + 1] = w end
  table.sort(list)
  for _, d in ipairs(HUNSPELL) do
    -- each dictionary is asked about the words of its script (uk_UA takes
    -- every Latin word)
    local want = CYRILLIC_DICT[d] and "cyrillic" or d == "el_GR" and "greek" or "latin"
    local asked = {}
    for _, w in ipairs(list) do
      if alphabet(w) == want then asked[#asked + 1] = w end
    end
    local ok_words = hunspell.accepted(dicdir .. "/" .. d, asked, d == "en_US" or d == "de_DE")
    if not ok_words then
      io.stderr:write("mkorgs: hunspell -d " .. d .. " failed (apt-get install hunspell)\n")
      os.exit(1)
    end
    for w in pairs(ok_words) do hun_word[w] = true end
  end
end

-- entities[qid] = { label=, en=, aliases = { [alias] = { flags=, langs = { [lang]=true } } } }
local entities, owners = {}, {}
local cats = {}
for cat in pairs(CATEGORIES) do cats[#cats + 1] = cat end
table.sort(cats)
for _, cat in ipairs(cats) do
  local key = CATEGORIES[cat]
  local tree = nsi[cat]
  if not tree then io.stderr:write("mkorgs: no category " .. cat .. " in " .. nsi_path .. "\n"); os.exit(1) end
  for _, item in ipairs(tree.items) do
    local tags = item.tags or {}
    local qid = tags[key .. ":wikidata"] or (key == "operator" and tags["network:wikidata"])
    local base = key
    if key == "operator" and not tags["operator:wikidata"] and tags["network:wikidata"] then base = "network" end
    if type(qid) == "string" and qid:find("^Q%d+$") and tags[base] then
      local country
      local inc = item.locationSet and item.locationSet.include
      if type(inc) == "table" and type(inc[1]) == "string" then country = inc[1]:match("^(%a%a)") end
      local deflang = country and COUNTRY_LANG[country:lower()] or "en"
      local e = entities[qid]
      if not e then e = { aliases = {} }; entities[qid] = e end
      local function add(alias, lang)
        if type(alias) ~= "string" then return end
        local a, flags = filter(alias)
        if not a then return end
        local k = fold(a)
        if known[k] then drop("already in the gazetteer"); return end
        owners[k] = owners[k] or {}
        owners[k][qid] = true
        local r = e.aliases[a]
        if not r then r = { flags = flags, langs = {} }; e.aliases[a] = r end
        r.langs[lang] = true
      end
      add(tags[base], deflang)
      add(tags[base .. ":short"], deflang)
      for tag, v in pairs(tags) do
        local l = tag:match("^" .. base .. ":(%l%l)$") or tag:match("^" .. base .. ":(%l%l)%-")
        if l and LANGS[l] then add(v, l) end
      end
      e.en = e.en or tags[base .. ":en"]
      e.first = e.first or tags[base]
    end
  end
end

-- rows, without the aliases two entities share
local rows = {}
for qid, e in pairs(entities) do
  local label = e.en or e.first
  for a, r in pairs(e.aliases) do
    -- a name of several entries (Lidl and its national companies) goes to
    -- the oldest Wikidata item, the parent as a rule
    local oldest
    for q in pairs(owners[fold(a)]) do
      if not oldest or tonumber(q:sub(2)) < tonumber(oldest:sub(2)) then oldest = q end
    end
    if oldest ~= qid then drop("an alias of several entries: kept for the oldest item")
    else
      local ls = {}
      for l in pairs(r.langs) do ls[#ls + 1] = l end
      table.sort(ls)
      rows[#rows + 1] = { "org:wd:" .. qid, a, r.flags, table.concat(ls, ","), label }
    end
  end
end
table.sort(rows, function(x, y)
  if x[1] ~= y[1] then return x[1] < y[1] end
  return x[2] < y[2]
end)

io.write([[
# data/orgs-nsi.tsv -- organisations from the name-suggestion-index (brands
# and operators with Wikidata ids), generated by `make orgs`
# (tools/mkorgs.lua; do not edit); merged into data/gazetteer.tsv by
# `make gazetteer`.  Source, version, licence (BSD-3-Clause; names and ids
# from Wikidata, CC0) and the filters: data/SOURCES.md and tools/mkorgs.lua.
]])
io.write("id\ttype\talias\tflags\tlang\tlabel\n")
local last, ents = nil, 0
for _, r in ipairs(rows) do
  local label = ""
  if r[1] ~= last then label = r[5]:gsub("[\t\n]", " "); last = r[1]; ents = ents + 1 end
  io.write(r[1], "\torg\t", r[2], "\t", r[3], "\t", r[4], "\t", label, "\n")
end
local why = {}
for k in pairs(dropped) do why[#why + 1] = k end
table.sort(why)
for _, k in ipairs(why) do io.stderr:write(string.format("mkorgs: dropped %6d  %s\n", dropped[k], k)) end
io.stderr:write(string.format("mkorgs: %d aliases of %d organisations\n", #rows, ents))
