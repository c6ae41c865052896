-- bench/importers.lua BUILD [N] -- the scale test of `glean gazetteer import`
-- (issue 15: a 1M-entity import in bounded memory): writes a dump of N
-- entities (default 1 000 000) in each real format into BUILD/bench/, runs
-- the importer on it once under /usr/bin/time and prints wall and CPU time,
-- peak RSS (of the importer; a decompressor runs in its own process), the
-- rows written and the last line the importer printed.
--
-- Wikidata: the JSON dump's shape (one entity per line inside [ ], each but
-- the last followed by ','), gzip-compressed like latest-all.json.gz; 4
-- labels, 2 descriptions, aliases, P31/P17 claims with the dump's statement
-- structure, sitelinks.  5 of 8 entities are of a chosen class (human,
-- organisation, city), the others a film, a scholarly article, a category
-- (the prefilter's case).  10 lines are cut short: the importer must name
-- each FILE:LINE, count them, and go on (--keep-going).
-- GeoNames: an allCountries.txt of N places (19 columns; a population that
-- keeps about one in ten with the default --min-population 15000) and an
-- alternateNamesV2.txt of 2N names.
-- The dumps are made once and reused (delete BUILD/bench/dump-* to remake).
local build = arg[1] or "build"
local N = tonumber(arg[2] or "1000000")
local util = dofile("bench/util.lua")
local q = util.q
local dir = build .. "/bench"
os.execute("mkdir -p " .. q(dir))

if not os.execute("test -x /usr/bin/time") then
  io.stderr:write("bench-import: needs /usr/bin/time (Debian package time)\n")
  os.exit(1)
end

local CLASSES = { "Q5", "Q43229", "Q515", "Q5", "Q11424", "Q783794", "Q13442814", "Q4167836" }
local CUT = {}      -- lines cut short: every N/10th entity
for k = 1, 10 do CUT[k * (N // 10) - 7] = true end

local function snak(prop, qid)
  local num = qid:sub(2)
  return string.format('{"mainsnak":{"snaktype":"value","property":"%s","hash":"%040d","datavalue":{"value":'
    .. '{"entity-type":"item","numeric-id":%s,"id":"%s"},"type":"wikibase-entityid"},"datatype":"wikibase-item"},'
    .. '"type":"statement","id":"Q$%s-%s","rank":"normal"}', prop, tonumber(num), num, qid, num, prop)
end

local function lang_map(t)
  local parts = {}
  for _, lv in ipairs(t) do
    parts[#parts + 1] = string.format('"%s":{"language":"%s","value":"%s"}', lv[1], lv[1], lv[2])
  end
  return "{" .. table.concat(parts, ",") .. "}"
end

local function wikidata_entity(i)
  local id = "Q" .. (1000000 + i)
  local cls = CLASSES[i % #CLASSES + 1]
  local name = string.format("Name%07d Example", i)
  local country = "Q" .. (100 + i % 200)
  local labels = lang_map { { "en", name }, { "de", name }, { "ru", "Имя" .. i }, { "zh", "名" .. i } }
  local descs = lang_map { { "en", "generated entity " .. i }, { "de", "erzeugte Entität " .. i } }
  local aliases = string.format('{"en":[{"language":"en","value":"N. %d Example"}]}', i)
  return string.format('{"type":"item","id":"%s","labels":%s,"descriptions":%s,"aliases":%s,'
    .. '"claims":{"P31":[%s],"P17":[%s]},"sitelinks":{"enwiki":{"site":"enwiki","title":"%s","badges":[]},'
    .. '"dewiki":{"site":"dewiki","title":"%s","badges":[]}},"lastrevid":%d,"modified":"2024-11-30T12:00:00Z",'
    .. '"pageid":%d,"ns":0,"title":"%s"}', id, labels, descs, aliases, snak("P31", cls), snak("P17", country),
    name, name, 2000000000 + i, i, id)
end

local function make_wikidata(path)
  if util.exists(path) then return end
  local tmp = path .. ".tmp"
  local p = assert(io.popen("gzip -c > " .. q(tmp), "w"))
  p:write("[\n")
  local buf = {}
  for i = 1, N do
    local line = wikidata_entity(i)
    if CUT[i] then line = line:sub(1, #line // 2) end
    buf[#buf + 1] = line .. (i < N and ",\n" or "\n")
    if #buf == 4096 then p:write(table.concat(buf)); buf = {} end
  end
  p:write(table.concat(buf), "]\n")
  assert(p:close())
  assert(os.rename(tmp, path))
end

local function make_geonames(places, alt)
  if util.exists(places) and util.exists(alt) then return end
  local f = assert(io.open(places, "wb"))
  local g = assert(io.open(alt, "wb"))
  local a = 0
  for i = 1, N do
    local gid = 3000000 + i
    local pop = (i % 10 == 0) and (15000 + i % 900000) or (i % 14000)
    local fc, code = "P", (i % 97 == 0) and "PPLC" or "PPL"
    if i % 5 == 1 then fc, code = "A", "ADM2" end
    local name = string.format("Place%07d", i)
    f:write(table.concat({ gid, name, name, "Plaza" .. i .. ",Platz" .. i, string.format("%.5f", (i % 180) - 90),
      string.format("%.5f", (i % 360) - 180), fc, code, "C" .. string.char(65 + i % 26), "", tostring(i % 20), "", "",
      "", tostring(pop), "", "100", "Europe/Berlin", "2024-01-01" }, "\t"), "\n")
    for _, lv in ipairs { { "de", "Ort" .. i }, { "ru", "Место" .. i } } do
      a = a + 1
      g:write(table.concat({ a, gid, lv[1], lv[2], "1", "", "", "", "", "" }, "\t"), "\n")
    end
  end
  f:close()
  g:close()
end

-- run(cmd) -> wall s, CPU s, peak RSS MB, stderr's last line
local function run(cmd)
  local tf, ef = os.tmpname(), os.tmpname()
  os.execute("/usr/bin/time -f '%e %U %S %M' -o " .. q(tf) .. " " .. cmd .. " 2>" .. q(ef))
  local wall, user, sys, kb = util.read(tf):match("([%d.]+) ([%d.]+) ([%d.]+) (%d+)")
  local err = util.read(ef)
  os.remove(tf); os.remove(ef)
  local last = ""
  for l in err:gmatch("[^\r\n]+") do if l:find("kept") then last = l end end
  return tonumber(wall), tonumber(user) + tonumber(sys), tonumber(kb) / 1024, last, err
end

local glean = q("bin/glean")
local wd = dir .. "/dump-wikidata-" .. N .. ".json.gz"
local t0 = os.clock()
make_wikidata(wd)
local gp, ga = dir .. "/dump-geonames-" .. N .. ".txt", dir .. "/dump-altnames-" .. N .. ".txt"
make_geonames(gp, ga)
io.write(string.format("dumps ready (%.0f s CPU to make them, if they were new)\n", os.clock() - t0))

local out = dir .. "/import-out.tsv"
local wall, cpu, mb, last, err = run(glean .. " gazetteer import wikidata " .. q(wd) .. " -o " .. q(out)
  .. " --keep-going -q")
local _, nerr = err:gsub("%.json%.gz:%d+: ", "")
local f = assert(io.open(wd, "rb"))
local size = f:seek("end")
f:close()
io.write(string.format("wikidata %d entities (%.0f MB gzip): %.0f s wall, %.0f s CPU, peak RSS %.1f MB; "
  .. "%d FILE:LINE messages\n  %s\n", N, size / 1e6, wall, cpu, mb, nerr, last))
wall, cpu, mb, last = run(glean .. " gazetteer import geonames " .. q(gp) .. " " .. q(ga) .. " -o " .. q(out)
  .. " --keep-going -q")
io.write(string.format("geonames %d places + %d names: %.0f s wall, %.0f s CPU, peak RSS %.1f MB\n  %s\n",
  N, 2 * N, wall, cpu, mb, last))
os.remove(out)
