-- glean.importers.wikidata: a glean gazetteer from the Wikidata JSON dump.
--
--   local wd = require "glean.importers.wikidata"
--   local stats = wd.import("latest-all.json.gz", io.stdout,
--                           { types = "person,org,place", langs = "en,de,ru", min_sitelinks = 5 })
--
-- The dump (https://www.wikidata.org/wiki/Wikidata:Database_download) is a
-- JSON array written one entity per line: "[" on the first line, then each
-- entity followed by "," (not the last), then "]".  Each entity is decoded
-- alone (cjson), so memory does not grow with the dump; .gz and .bz2 are
-- read through `gzip -dc` / `bzip2 -dc`, and a decompressor that fails (a
-- truncated download) is an error.
--
-- An entity is kept when one of its "instance of" (P31) values is a class
-- of a chosen type (TYPES below; only direct P31 values: the dump has no
-- class hierarchy, so add classes with "type:Q..." in opts.types), it has
-- at least opts.min_sitelinks sitelinks, and a label or alias in a chosen
-- language.  Output: one row per alias (labels and aliases of the chosen
-- languages; the same spelling in several languages is one row with a lang
-- list), with the columns of a glean gazetteer: id (the Q-id), type, alias,
-- flags (the default gazetteer's rules), lang, label (English label, else
-- the first chosen language's), description (same choice), country (P17,
-- else P27 for people: Q-ids), sitelinks.
local cjson = require "cjson.safe"
local common = require "glean.importers.common"

local ipairs, pairs, type, tostring, next = ipairs, pairs, type, tostring, next
local table, utf8 = table, utf8

local wikidata = {}

-- P31 classes of each type.  Direct values only; chosen among the classes
-- news entities are most often instances of.
wikidata.TYPES = {
  person = { "Q5" },                               -- human
  org = {
    "Q43229",      -- organization
    "Q4830453",    -- business
    "Q783794",     -- company
    "Q891723",     -- public company
    "Q6881511",    -- enterprise
    "Q7278",       -- political party
    "Q484652",     -- international organization
    "Q327333",     -- government agency
    "Q2659904",    -- government organization
    "Q163740",     -- nonprofit organization
    "Q31855",      -- research institute
    "Q3918",       -- university
    "Q1331793",    -- media company
    "Q11032",      -- newspaper
    "Q17149090",   -- armed organization
    "Q7210356",    -- political organization
    "Q15911314",   -- association
    "Q4438121",    -- sports organization
    "Q476028",     -- association football club
  },
  place = {
    "Q6256",       -- country
    "Q3624078",    -- sovereign state
    "Q515",        -- city
    "Q1549591",    -- big city
    "Q1637706",    -- city with millions of inhabitants
    "Q5119",       -- capital
    "Q486972",     -- human settlement
    "Q3957",       -- town
    "Q10864048",   -- first-level administrative country subdivision
    "Q107390",     -- federated state
    "Q34876",      -- province
    "Q35657",      -- state of the United States
  },
}

wikidata.COLUMNS = { "id", "type", "alias", "flags", "lang", "label", "description", "country", "sitelinks" }

-- classes(spec) -> { Qid -> type } | nil, err.  spec: "person,org,place" or
-- items "TYPE:Q123" adding a class to a type.
function wikidata.classes(spec)
  local map = {}
  for item in (spec or "person,org,place"):gmatch("[^,%s]+") do
    local typ, q = item:match("^(%a+):(Q%d+)$")
    if typ then
      map[q] = typ
    elseif wikidata.TYPES[item] then
      for _, c in ipairs(wikidata.TYPES[item]) do map[c] = item end
    else
      return nil, "unknown type '" .. item .. "' (person, org, place, or TYPE:Q123)"
    end
  end
  if next(map) == nil then return nil, "no types chosen" end
  return map
end

-- the first value of a property of item type ("Q..."), or nil
local function claim_item(claims, prop)
  local list = type(claims) == "table" and claims[prop]
  if type(list) ~= "table" then return nil end
  for _, st in ipairs(list) do
    local dv = type(st) == "table" and type(st.mainsnak) == "table" and st.mainsnak.datavalue
    local v = type(dv) == "table" and dv.value
    if type(v) == "table" and type(v.id) == "string" and st.rank ~= "deprecated" then return v.id end
  end
  return nil
end

local function claim_items(claims, prop)
  local out = {}
  local list = type(claims) == "table" and claims[prop]
  if type(list) ~= "table" then return out end
  for _, st in ipairs(list) do
    local dv = type(st) == "table" and type(st.mainsnak) == "table" and st.mainsnak.datavalue
    local v = type(dv) == "table" and dv.value
    if type(v) == "table" and type(v.id) == "string" then out[#out + 1] = v.id end
  end
  return out
end

-- value of a language map entry { language =, value = }
local function text(e) return type(e) == "table" and type(e.value) == "string" and e.value or nil end

-- the preferred language's entry of a map: English, else the first chosen
-- language in langs order, else the smallest language code
local function pick(map, order)
  if type(map) ~= "table" then return nil end
  if text(map.en) then return text(map.en) end
  for _, l in ipairs(order) do if text(map[l]) then return text(map[l]) end end
  local best
  for l, e in pairs(map) do if text(e) and (not best or l < best) then best = l end end
  return best and text(map[best])
end

-- import(path, out, opts) -> stats | nil, err
-- opts: types (string, default "person,org,place"), langs ("en,de" or nil
-- for all), min_sitelinks (default 0), quiet, say (message function).
-- stats: lines, entities (decoded), kept, rows, skipped, filtered,
-- truncated (error message of the decompressor, if any).
function wikidata.import(path, out, opts)
  opts = opts or {}
  local classes, cerr = wikidata.classes(opts.types)
  if not classes then return nil, cerr end
  local langs = common.set(opts.langs)
  local order = {}
  for l in (opts.langs or ""):gmatch("[^,%s]+") do order[#order + 1] = l end
  local min_sitelinks = opts.min_sitelinks or 0
  local reader, err = common.open(path)
  if not reader then return nil, err end
  local probs = common.problems({ say = opts.say })
  local progress = common.progress(opts.quiet)
  local w = common.writer(out, wikidata.COLUMNS, opts.comment)
  -- plain-text prefilter: a line without any chosen class id in it cannot
  -- have it as a P31 value (most of the dump's entities are skipped here)
  local needles = {}
  for q in pairs(classes) do needles[#needles + 1] = '"' .. q .. '"' end
  table.sort(needles)
  local stats = { lines = 0, entities = 0, kept = 0, filtered = 0 }
  local n = 0
  for line in reader.lines() do
    n = n + 1
    local body = line:gsub("^%s+", ""):gsub(",?%s*$", "")
    if body == "[" or body == "]" or body == "" then goto continue end
    do
      local hit = false
      for _, s in ipairs(needles) do
        if line:find(s, 1, true) then hit = true; break end
      end
      if not hit then
        if body:sub(1, 1) ~= "{" or body:sub(-1) ~= "}" then
          probs:bad(path, n, "not a JSON object on one line (a dump line is an entity followed by ',')")
        else
          stats.filtered = stats.filtered + 1
        end
        goto continue
      end
      local e, jerr = cjson.decode(body)
      if type(e) ~= "table" then
        probs:bad(path, n, "malformed JSON (" .. tostring(jerr) .. ")")
        goto continue
      end
      stats.entities = stats.entities + 1
      local id = e.id
      if type(id) ~= "string" or not id:match("^[QPL]%d+$") then
        probs:bad(path, n, "entity without a valid \"id\"")
        goto continue
      end
      local typ
      for _, q in ipairs(claim_items(e.claims, "P31")) do
        if classes[q] then typ = classes[q]; break end
      end
      if not typ then stats.filtered = stats.filtered + 1; goto continue end
      local nsl = 0
      if type(e.sitelinks) == "table" then for _ in pairs(e.sitelinks) do nsl = nsl + 1 end end
      if nsl < min_sitelinks then stats.filtered = stats.filtered + 1; goto continue end
      if type(e.labels) ~= "table" or next(e.labels) == nil then
        probs:bad(path, n, id .. ": entity without labels")
        goto continue
      end
      -- alias -> set of languages
      local names, list = {}, {}
      local function add(lang, v)
        if type(v) ~= "string" or v == "" or (langs and not langs[lang]) then return end
        v = v:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", "")
        if v == "" or not utf8.len(v) then return end
        if not names[v] then names[v] = {}; list[#list + 1] = v end
        names[v][lang] = true
      end
      for lang, l in pairs(e.labels) do add(lang, text(l)) end
      if type(e.aliases) == "table" then
        for lang, al in pairs(e.aliases) do
          if type(al) == "table" then for _, a in ipairs(al) do add(lang, text(a)) end end
        end
      end
      if #list == 0 then stats.filtered = stats.filtered + 1; goto continue end
      table.sort(list)
      local label = pick(e.labels, order)
      local desc = pick(e.descriptions, order)
      local country = claim_item(e.claims, "P17") or (typ == "person" and claim_item(e.claims, "P27")) or nil
      local kept = false
      for _, alias in ipairs(list) do
        local flags = common.flags(alias)
        if flags then
          local ls = {}
          for l in pairs(names[alias]) do ls[#ls + 1] = l end
          table.sort(ls)
          w:row { id = id, type = typ, alias = alias, flags = flags, lang = table.concat(ls, ","), label = label,
                  description = desc, country = country, sitelinks = nsl }
          kept = true
        end
      end
      if kept then stats.kept = stats.kept + 1 else stats.filtered = stats.filtered + 1 end
    end
    ::continue::
    progress(n, stats.kept)
  end
  progress(n, stats.kept, true)
  stats.lines = n
  stats.rows = w.rows
  local ok, terr = reader.close()
  if not ok then stats.truncated = terr end
  stats.skipped = probs.skipped
  return stats
end

return wikidata
