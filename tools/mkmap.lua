-- Writes the data of the report's map:
--   data/world-land.txt   SVG path data of the world's land, equirectangular,
--                         x = (lon + 180) * 2, y = (84 - lat) * 2 (720 x 288
--                         down to 60 S; Antarctica left out), from Natural
--                         Earth 1:110m land as the npm package world-atlas
--                         2.0.2 ships it (land-110m.json, TopoJSON)
--   data/coordinates.tsv  id, lat, lon of the default gazetteer's places:
--                         cities from the IANA time-zone tables (zone1970.tab,
--                         zone.tab: each zone's principal location), the
--                         curated cities from data/coordinates-curated.tsv,
--                         countries at the centre of their largest polygon in
--                         Natural Earth 1:110m countries (ISO numeric ids,
--                         matched to alpha-2 codes with Debian's iso-codes)
--
--   cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
--   lua5.4 tools/mkmap.lua /tmp/package    # run from the checkout
--
-- Sources and licences: data/SOURCES.md.
local cjson = require "cjson"

local atlas = assert(arg[1], "usage: mkmap.lua WORLD_ATLAS_DIR")
local function read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

local TOP, SCALE = 84, 2
local function project(lon, lat) return (lon + 180) * SCALE, (TOP - lat) * SCALE end

-- TopoJSON arcs -> lists of {lon, lat}
local function decode_arcs(topo)
  local sx, sy = topo.transform.scale[1], topo.transform.scale[2]
  local tx, ty = topo.transform.translate[1], topo.transform.translate[2]
  local arcs = {}
  for i, arc in ipairs(topo.arcs) do
    local x, y, pts = 0, 0, {}
    for _, d in ipairs(arc) do
      x, y = x + d[1], y + d[2]
      pts[#pts + 1] = { x * sx + tx, y * sy + ty }
    end
    arcs[i - 1] = pts
  end
  return arcs
end

local function ring_points(arcs, ring)
  local pts = {}
  for k, idx in ipairs(ring) do
    local a = idx >= 0 and arcs[idx] or nil
    local seq = {}
    if a then seq = a else
      local r = arcs[-idx - 1]
      for i = #r, 1, -1 do seq[#seq + 1] = r[i] end
    end
    for i = (k == 1) and 1 or 2, #seq do pts[#pts + 1] = seq[i] end
  end
  return pts
end

local function polygons(geom)
  if geom.type == "Polygon" then return { geom.arcs } end
  if geom.type == "MultiPolygon" then return geom.arcs end
  return {}
end

-- longitudes made continuous along a ring (a ring crossing the antimeridian
-- goes on past 180 instead of jumping to -180)
local function unwrap(pts)
  local out = { pts[1] }
  for i = 2, #pts do
    local lon, prev = pts[i][1], out[i - 1][1]
    while lon - prev > 180 do lon = lon - 360 end
    while lon - prev < -180 do lon = lon + 360 end
    out[i] = { lon, pts[i][2] }
  end
  return out
end

-- land outline as compact path data: integer pixels, relative moves; a ring
-- that runs past the antimeridian is drawn again shifted by 360 degrees
-- (the SVG clips both to the map); Antarctica is left out
local land = cjson.decode(read(atlas .. "/land-110m.json"))
local larcs = decode_arcs(land)
local out = {}
local function emit(pts, shift)
  local cmd, px, py, n = {}, nil, nil, 0
  for _, p in ipairs(pts) do
    local x, y = project(p[1] + shift, math.min(p[2], TOP))
    x, y = math.floor(x + 0.5), math.floor(y + 0.5)
    if not px then cmd[#cmd + 1] = string.format("M%d %d", x, y); n = 1
    elseif x ~= px or y ~= py then cmd[#cmd + 1] = string.format("l%d %d", x - px, y - py); n = n + 1 end
    px, py = x, y
  end
  if n >= 3 then out[#out + 1] = table.concat(cmd) .. "z" end
end
for _, g in ipairs(land.objects.land.geometries) do
  for _, poly in ipairs(polygons(g)) do
    for _, ring in ipairs(poly) do
      local pts = unwrap(ring_points(larcs, ring))
      local maxlat, minlon, maxlon = -90, math.huge, -math.huge
      for _, p in ipairs(pts) do
        maxlat = math.max(maxlat, p[2]); minlon = math.min(minlon, p[1]); maxlon = math.max(maxlon, p[1])
      end
      if maxlat > -55 then
        emit(pts, 0)
        if maxlon > 180 then emit(pts, -360) end
        if minlon < -180 then emit(pts, 360) end
      end
    end
  end
end
local f = assert(io.open("data/world-land.txt", "wb"))
f:write(table.concat(out), "\n")
f:close()

-- coordinates
local coords = {}
local function add(id, lat, lon, force)
  if force or not coords[id] then coords[id] = string.format("%.2f\t%.2f", lat, lon) end
end
local function iso6709(s)   -- +4230+00131 or +404251-0740023
  local la, lo = s:match("^([+-]%d+)([+-]%d+)$")
  local function deg(v, dlen)
    local sign = v:sub(1, 1) == "-" and -1 or 1
    local d = v:sub(2)
    local dd, mm = tonumber(d:sub(1, dlen)), tonumber(d:sub(dlen + 1, dlen + 2))
    local ss = tonumber(d:sub(dlen + 3, dlen + 4)) or 0
    return sign * (dd + mm / 60 + ss / 3600)
  end
  return deg(la, 2), deg(lo, 3)
end
for _, tab in ipairs({ "/usr/share/zoneinfo/zone1970.tab", "/usr/share/zoneinfo/zone.tab" }) do
  for line in read(tab):gmatch("[^\n]+") do
    if not line:match("^#") then
      local _, c, zone = line:match("^([^\t]*)\t([^\t]+)\t([^\t]+)")
      if c then
        local lat, lon = iso6709(c)
        add("place:city:" .. zone, lat, lon)
      end
    end
  end
end
for line in read("data/coordinates-curated.tsv"):gmatch("[^\n]+") do
  local id, lat, lon = line:match("^([^#\t][^\t]*)\t([-%d.]+)\t([-%d.]+)$")
  if id then add(id, tonumber(lat), tonumber(lon), true) end
end
local iso = cjson.decode(read("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]
local alpha2 = {}
for _, c in ipairs(iso) do alpha2[c.numeric] = c.alpha_2 end
local countries = cjson.decode(read(atlas .. "/countries-110m.json"))
local carcs = decode_arcs(countries)
for _, g in ipairs(countries.objects.countries.geometries) do
  local a2 = g.id and alpha2[g.id]
  if a2 then
    local best, best_area, bx, by
    for _, poly in ipairs(polygons(g)) do
      local pts = unwrap(ring_points(carcs, poly[1]))
      local area, cx, cy = 0, 0, 0
      for i = 1, #pts - 1 do
        local x0, y0, x1, y1 = pts[i][1], pts[i][2], pts[i + 1][1], pts[i + 1][2]
        local cr = x0 * y1 - x1 * y0
        area, cx, cy = area + cr, cx + (x0 + x1) * cr, cy + (y0 + y1) * cr
      end
      if area ~= 0 and (not best or math.abs(area) > best_area) then
        best, best_area, bx, by = poly, math.abs(area), cx / (3 * area), cy / (3 * area)
      end
    end
    if best then add("place:country:" .. a2, by, (bx + 180) % 360 - 180) end
  end
end
-- only the ids the default gazetteer has
local ids = {}
for line in read("data/gazetteer.tsv"):gmatch("[^\n]+") do
  local id = line:match("^(place:[^\t]+)\t")
  if id then ids[id] = true end
end
local list = {}
for id in pairs(ids) do if coords[id] then list[#list + 1] = id end end
table.sort(list)
f = assert(io.open("data/coordinates.tsv", "wb"))
f:write("# Coordinates of the default gazetteer's places: generated by tools/mkmap.lua (data/SOURCES.md).\n")
f:write("id\tlat\tlon\n")
for _, id in ipairs(list) do f:write(id, "\t", coords[id], "\n") end
f:close()
local nplaces = 0
for _ in pairs(ids) do nplaces = nplaces + 1 end
io.stderr:write(string.format("mkmap: %d of %d places with coordinates; land path %d bytes\n", #list, nplaces,
  #table.concat(out)))
