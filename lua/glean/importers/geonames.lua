-- glean.importers.geonames: a glean gazetteer from the GeoNames dump.
--
--   local gn = require "glean.importers.geonames"
--   local stats = gn.import("allCountries.txt", "alternateNamesV2.txt", io.stdout,
--                           { min_population = 15000, classes = "P,A", langs = "en,de,ru" })
--
-- allCountries.txt (or cities500.txt, cities1000.txt, a country's XX.txt;
-- https://download.geonames.org/export/dump/) has 19 tab-separated columns:
-- geonameid, name, asciiname, alternatenames, latitude, longitude, feature
-- class, feature code, country code, cc2, admin1..4 codes, population,
-- elevation, dem, timezone, modification date.  alternateNamesV2.txt has
-- 10: alternateNameId, geonameid, isolanguage, alternate name,
-- isPreferredName, isShortName, isColloquial, isHistoric, from, to.
--
-- Two passes, memory bounded by the places kept (not by the dump): the
-- first keeps the places of the chosen feature classes with at least
-- min_population inhabitants (capitals PPLC always), the second adds their
-- language-tagged names (not colloquial or historic ones, not the
-- pseudo-languages link/post/iata/icao/faac/abbr/fr_1793/unlc; `wkdt` gives
-- the Wikidata id).  Output columns: id (place:gn:<geonameid>, as in the
-- default gazetteer), type (place), alias, flags, lang, label (the English
-- preferred name, else the name), iso, admin1, population, lat, lon,
-- geonames, wikidata, feature.
local common = require "glean.importers.common"

local ipairs, pairs, tonumber, tostring = ipairs, pairs, tonumber, tostring
local table, utf8 = table, utf8

local geonames = {}

geonames.COLUMNS = { "id", "type", "alias", "flags", "lang", "label", "iso", "admin1", "population", "lat", "lon",
  "geonames", "wikidata", "feature" }

local PSEUDO = { link = true, post = true, iata = true, icao = true, faac = true, abbr = true, fr_1793 = true,
  unlc = true, wkdt = true, tcid = true, phon = true, piny = true }

-- the fields of a place held between the passes (places[gid][F])
local NAME, LAT, LON, FEATURE, CC, ADMIN1, POP, ALT, NAMES, ENGLISH, WIKIDATA = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11

local function split(line)
  local t = {}
  for v in (line .. "\t"):gmatch("([^\t]*)\t") do t[#t + 1] = v end
  return t
end

-- import(places_path, altnames_path, out, opts) -> stats | nil, err
-- opts: min_population (default 15000), classes ("P,A": feature classes),
-- langs (nil: all), quiet, say.
function geonames.import(places_path, alt_path, out, opts)
  opts = opts or {}
  local minpop = opts.min_population or 15000
  local fclasses = common.set(opts.classes or "P,A")
  local langs = common.set(opts.langs)
  local probs = common.problems({ say = opts.say })
  local progress = common.progress(opts.quiet)
  local stats = { lines = 0, kept = 0, names = 0 }
  local places = {}     -- geonameid -> record

  local reader, err = common.open(places_path)
  if not reader then return nil, err end
  local n = 0
  for line in reader.lines() do
    n = n + 1
    if line ~= "" and line:sub(1, 1) ~= "#" then
      local t = split(line)
      if #t ~= 19 then
        probs:bad(places_path, n, #t .. " columns, 19 expected")
      elseif not t[1]:match("^%d+$") then
        probs:bad(places_path, n, "geonameid '" .. t[1]:sub(1, 20) .. "' is not a number")
      elseif not utf8.len(t[2]) or t[2] == "" then
        probs:bad(places_path, n, "empty or invalid UTF-8 name")
      else
        local pop = tonumber(t[15]) or 0
        if fclasses == nil or fclasses[t[7]] then
          if pop >= minpop or t[8] == "PPLC" then
            -- an array, and the untagged names only when no alternateNames
            -- file gives the tagged ones: a place held costs ~0.5 KB, not 1.7
            places[t[1]] = { t[2], t[5], t[6], t[7] .. "." .. t[8], t[9], t[11], pop,
                             alt_path and "" or t[4], t[2] }
            stats.kept = stats.kept + 1
          end
        end
      end
    end
    progress(n, stats.kept)
  end
  progress(n, stats.kept, true)
  stats.lines = n
  local ok, terr = reader.close()
  if not ok then stats.truncated = terr end

  if alt_path then
    reader, err = common.open(alt_path)
    if not reader then return nil, err end
    n = 0
    for line in reader.lines() do
      n = n + 1
      if line ~= "" then
        local t = split(line)
        if #t < 8 then
          probs:bad(alt_path, n, #t .. " columns, 10 expected")
        else
          local p = places[t[2]]
          local lang, name = t[3], t[4]
          if p then
            if lang == "wkdt" then
              if name:match("^Q%d+$") then p[WIKIDATA] = name end
            elseif lang == "en" and t[5] == "1" then
              p[ENGLISH] = name
            end
            if not PSEUDO[lang] and t[7] ~= "1" and t[8] ~= "1" and (langs == nil or langs[lang] or lang == "")
              and name ~= "" and utf8.len(name) then
              p[NAMES] = p[NAMES] .. "\n" .. name .. "\t" .. lang   -- "name\tlang" lines after the place's name
              stats.names = stats.names + 1
            end
          end
        end
      end
      progress(n, stats.kept)
    end
    progress(n, stats.kept, true)
    ok, terr = reader.close()
    if not ok then stats.truncated = stats.truncated or terr end
  end

  local w = common.writer(out, geonames.COLUMNS, opts.comment)
  local ids = {}
  for id in pairs(places) do ids[#ids + 1] = id end
  table.sort(ids, function(a, b) return tonumber(a) < tonumber(b) end)
  for _, gid in ipairs(ids) do
    local p = places[gid]
    local names = {}   -- alias -> set of langs
    local first = true
    for line in p[NAMES]:gmatch("[^\n]+") do   -- the place's name, then "name\tlang" lines
      local name, lang = line, ""
      if not first then name, lang = line:match("^(.*)\t(.*)$") end
      first = false
      names[name] = names[name] or {}
      if lang ~= "" then names[name][lang] = true end
    end
    for a in p[ALT]:gmatch("[^,]+") do names[a] = names[a] or {} end   -- without alternateNames: untagged names
    local list = {}
    for a in pairs(names) do list[#list + 1] = a end
    table.sort(list)
    local cc, admin1, pop = p[CC], p[ADMIN1], p[POP]
    for _, alias in ipairs(list) do
      local flags = common.flags(alias)
      if flags then
        local ls = {}
        for l in pairs(names[alias]) do ls[#ls + 1] = l end
        table.sort(ls)
        w:row { id = "place:gn:" .. gid, type = "place", alias = alias, flags = flags, lang = table.concat(ls, ","),
                label = p[ENGLISH] or p[NAME], iso = cc, admin1 = admin1 ~= "" and (cc .. "." .. admin1) or nil,
                population = pop > 0 and tostring(pop) or nil, lat = p[LAT], lon = p[LON], geonames = gid,
                wikidata = p[WIKIDATA], feature = p[FEATURE] }
      end
    end
    places[gid] = nil
  end
  stats.rows = w.rows
  stats.skipped = probs.skipped
  return stats
end

return geonames
