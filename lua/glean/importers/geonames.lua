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
            places[t[1]] = { name = t[2], alt = t[4], lat = t[5], lon = t[6], feature = t[7] .. "." .. t[8],
              cc = t[9], admin1 = t[11], pop = pop, names = {} }
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
              if name:match("^Q%d+$") then p.wikidata = name end
            elseif lang == "en" and t[5] == "1" then
              p.english = name
            end
            if not PSEUDO[lang] and t[7] ~= "1" and t[8] ~= "1" and (langs == nil or langs[lang] or lang == "")
              and name ~= "" and utf8.len(name) then
              p.names[name] = p.names[name] or {}
              if lang ~= "" then p.names[name][lang] = true end
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
    p.names[p.name] = p.names[p.name] or {}
    if not alt_path then   -- without alternateNames: the untagged names of the table
      for a in p.alt:gmatch("[^,]+") do p.names[a] = p.names[a] or {} end
    end
    local list = {}
    for a in pairs(p.names) do list[#list + 1] = a end
    table.sort(list)
    for _, alias in ipairs(list) do
      local flags = common.flags(alias)
      if flags then
        local ls = {}
        for l in pairs(p.names[alias]) do ls[#ls + 1] = l end
        table.sort(ls)
        w:row { id = "place:gn:" .. gid, type = "place", alias = alias, flags = flags, lang = table.concat(ls, ","),
                label = p.english or p.name, iso = p.cc, admin1 = p.admin1 ~= "" and (p.cc .. "." .. p.admin1) or nil,
                population = p.pop > 0 and tostring(p.pop) or nil, lat = p.lat, lon = p.lon, geonames = gid,
                wikidata = p.wikidata, feature = p.feature }
      end
    end
  end
  stats.rows = w.rows
  stats.skipped = probs.skipped
  return stats
end

return geonames
