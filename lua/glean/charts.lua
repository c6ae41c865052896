-- glean.charts: the geometry of the report's charts, as plain numbers and
-- strings the templates draw as inline SVG (no script, no external file):
--
--   charts.timeline(agg, label)  mentions per day (week, month) per top entity
--   charts.network(agg, ents)    co-occurrence network of the top entities
--   charts.map(places, outline)  places with coordinates over a world outline
--
-- Coordinates are rounded to one decimal so equal aggregates give equal
-- bytes.  Every function returns nil when there is nothing to draw.
local ipairs, pairs, math, string, table, tostring, tonumber =
  ipairs, pairs, math, string, table, tostring, tonumber
local sort, concat = table.sort, table.concat
local floor, max, min, sqrt = math.floor, math.max, math.min, math.sqrt

local charts = {}

charts.SERIES = 5          -- entities drawn as lines in the timeline
charts.NETWORK_NODES = 16  -- entities in the network

local function r1(x) return floor(x * 10 + 0.5) / 10 end
local function num(x)     -- 12.0 -> "12", 12.25 -> "12.3"
  x = r1(x)
  if x == floor(x) then return string.format("%d", x) end
  return string.format("%.1f", x)
end
charts.num = num

-- days since 1970-01-01 of an ISO date "YYYY-MM-DD..." (nil if not one)
local function day_number(date)
  local y, m, d = tostring(date):match("^(%d%d%d%d)-(%d%d)-(%d%d)")
  if not y then return nil end
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  -- days from civil (H. Hinnant's algorithm), no os.time time-zone games
  y = m <= 2 and y - 1 or y
  local era = floor(y / 400)
  local yoe = y - era * 400
  local doy = floor((153 * (m + (m > 2 and -3 or 9)) + 2) / 5) + d - 1
  local doe = yoe * 365 + floor(yoe / 4) - floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
end
charts.day_number = day_number

local function civil(z)   -- inverse of day_number -> "YYYY-MM-DD"
  z = z + 719468
  local era = floor(z / 146097)
  local doe = z - era * 146097
  local yoe = floor((doe - floor(doe / 1460) + floor(doe / 36524) - floor(doe / 146096)) / 365)
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + floor(yoe / 4) - floor(yoe / 100))
  local mp = floor((5 * doy + 2) / 153)
  local d = doy - floor((153 * mp + 2) / 5) + 1
  local m = mp < 10 and mp + 3 or mp - 9
  if m <= 2 then y = y + 1 end
  return string.format("%04d-%02d-%02d", y, m, d)
end
charts.civil = civil

-- timeline(agg, label) -> chart | nil.  The buckets are days when the dates
-- span at most 62 days, ISO weeks (from Monday) up to 104 weeks, else
-- months; empty buckets are drawn as zero.  Bars: all dated mentions; lines:
-- the CHARTS.SERIES entities with most dated mentions.
function charts.timeline(agg, label)
  local days, first, last = {}, nil, nil
  for date, d in pairs(agg.timeline) do
    local z = day_number(date)
    if z then
      days[#days + 1] = { z = z, d = d }
      first = first and min(first, z) or z
      last = last and max(last, z) or z
    end
  end
  if #days == 0 then return nil end
  local unit, key
  if last - first <= 62 then
    unit, key = "day", function(z) return z end
  elseif last - first <= 7 * 104 then
    unit, key = "week", function(z) return z - (z + 3) % 7 end   -- 1970-01-01 was a Thursday
  else
    unit, key = "month", function(z)
      local s = civil(z)
      return tonumber(s:sub(1, 4)) * 12 + tonumber(s:sub(6, 7)) - 1
    end
  end
  local k0, k1 = key(first), key(last)
  local step = unit == "week" and 7 or 1
  local nb = floor((k1 - k0) / step) + 1
  local total, per = {}, {}
  for i = 1, nb do total[i] = 0 end
  local ent_total = {}
  for _, x in ipairs(days) do
    local i = floor((key(x.z) - k0) / step) + 1
    total[i] = total[i] + x.d.total
    for id, c in pairs(x.d.entities) do
      per[id] = per[id] or {}
      per[id][i] = (per[id][i] or 0) + c
      ent_total[id] = (ent_total[id] or 0) + c
    end
  end
  local ids = {}
  for id in pairs(ent_total) do ids[#ids + 1] = id end
  sort(ids, function(a, b)
    if ent_total[a] ~= ent_total[b] then return ent_total[a] > ent_total[b] end
    return a < b
  end)
  local W, H, L, R, T, B = 760, 260, 44, 40, 12, 34
  local pw, ph = W - L - R, H - T - B
  local ymax = 0
  for i = 1, nb do ymax = max(ymax, total[i]) end
  local bw = pw / nb
  local function y(v) return T + ph - ph * v / max(ymax, 1) end
  local function bucket_label(i)
    local k = k0 + (i - 1) * step
    if unit == "month" then return string.format("%04d-%02d", floor(k / 12), k % 12 + 1) end
    return civil(k)
  end
  local chart = { width = W, height = H, unit = unit, buckets = nb, bars = {}, series = {},
                  x_ticks = {}, y_ticks = {}, left = L, right = W - R, top = T, bottom = T + ph,
                  first = bucket_label(1), last = bucket_label(nb) }
  for i = 1, nb do
    local top = y(total[i])
    local w = min(max(bw * 0.8, 0.5), 48)
    chart.bars[i] = { x = num(L + (i - 0.5) * bw - w / 2), y = num(top), w = num(w),
                      h = num(T + ph - top), total = total[i], date = bucket_label(i) }
  end
  for s = 1, min(charts.SERIES, #ids) do
    local id, pts, dots = ids[s], {}, {}
    for i = 1, nb do
      local v = per[id][i] or 0
      local x = num(L + (i - 0.5) * bw)
      pts[#pts + 1] = x .. "," .. num(y(v))
      if v > 0 then dots[#dots + 1] = { x = x, y = num(y(v)), count = v, date = bucket_label(i) } end
    end
    chart.series[s] = { n = s, id = id, label = label[id] or id, mentions = ent_total[id],
                        points = concat(pts, " "), dots = dots }
  end
  local nt = min(nb, 8)
  for t = 1, nt do
    local i = nt == 1 and 1 or floor(1 + (t - 1) * (nb - 1) / (nt - 1) + 0.5)
    chart.x_ticks[t] = { x = num(L + (i - 0.5) * bw), label = bucket_label(i) }
  end
  for t = 0, 2 do
    local v = floor(ymax * t / 2 + 0.5)
    chart.y_ticks[#chart.y_ticks + 1] = { y = num(y(v)), label = tostring(v) }
  end
  return chart
end

-- network(agg, ents, label) -> chart | nil: the NETWORK_NODES most
-- mentioned entities that share a sentence with another of them, on a
-- circle (in rank order, so the layout is stable), node area by mentions,
-- edge width by shared sentences.
function charts.network(agg, ents, slot_of)
  local rank, chosen = {}, {}
  for i = 1, min(#ents, 60) do rank[ents[i].id] = i end
  local edges = {}
  for k, c in pairs(agg.co_sentence) do
    local a, b = k:match("^(.-)\t(.*)$")
    if rank[a] and rank[b] then edges[#edges + 1] = { a = a, b = b, count = c } end
  end
  -- the most mentioned entities with at least one edge among the top 60
  local has_edge = {}
  for _, e in ipairs(edges) do has_edge[e.a] = true; has_edge[e.b] = true end
  for i = 1, min(#ents, 60) do
    if has_edge[ents[i].id] and #chosen < charts.NETWORK_NODES then chosen[#chosen + 1] = ents[i] end
  end
  -- keep those with an edge among the chosen ones
  local in_set, linked = {}, {}
  for _, e in ipairs(chosen) do in_set[e.id] = true end
  for _, e in ipairs(edges) do
    if in_set[e.a] and in_set[e.b] then linked[e.a] = true; linked[e.b] = true end
  end
  local kept_nodes = {}
  for _, e in ipairs(chosen) do if linked[e.id] then kept_nodes[#kept_nodes + 1] = e end end
  chosen = kept_nodes
  if #chosen < 2 then return nil end
  local pos = {}
  local W, H = 860, 540
  local cx, cy, rad = W / 2, H / 2, 190
  local tmax = 0
  for _, e in ipairs(chosen) do tmax = max(tmax, e.total) end
  local chart = { width = W, height = H, nodes = {}, edges = {} }
  for i, e in ipairs(chosen) do
    local a = -math.pi / 2 + 2 * math.pi * (i - 1) / #chosen
    local x, y = cx + rad * math.cos(a), cy + rad * math.sin(a)
    pos[e.id] = { x = x, y = y }
    local right = math.cos(a) >= -1e-9
    chart.nodes[i] = { id = e.id, label = e.label, type = e.type, slot = slot_of(e.type), mentions = floor(e.total),
      x = num(x), y = num(y), r = num(5 + 13 * sqrt(e.total / max(tmax, 1))),
      lx = num(cx + (rad + 24) * math.cos(a)), ly = num(cy + (rad + 24) * math.sin(a) + 4),
      anchor = math.abs(math.cos(a)) < 0.2 and "middle" or (right and "start" or "end") }
  end
  local kept, cmax = {}, 0
  for _, e in ipairs(edges) do
    if pos[e.a] and pos[e.b] then kept[#kept + 1] = e; cmax = max(cmax, e.count) end
  end
  sort(kept, function(p, q)
    if p.count ~= q.count then return p.count < q.count end   -- strongest drawn last, on top
    if p.a ~= q.a then return p.a < q.a end
    return p.b < q.b
  end)
  local label = {}
  for _, e in ipairs(chosen) do label[e.id] = e.label end
  for i, e in ipairs(kept) do
    chart.edges[i] = { x1 = num(pos[e.a].x), y1 = num(pos[e.a].y), x2 = num(pos[e.b].x), y2 = num(pos[e.b].y),
      width = num(0.8 + 5.2 * e.count / cmax), opacity = num(0.25 + 0.6 * e.count / cmax),
      count = floor(e.count), a_label = label[e.a], b_label = label[e.b] }
  end
  return chart
end

-- map(ents, coords, outline) -> chart | nil: the mentioned places with
-- coordinates (the entity's own lat/lon from its gazetteer, else
-- coords[id] = {lat, lon}) on an equirectangular world (x = (lon + 180) * 2,
-- y = (84 - lat) * 2, as data/world-land.txt is drawn), circle area by
-- mentions, the ten most mentioned named
charts.MAP_TOP, charts.MAP_SCALE = 84, 2
function charts.map(ents, coords, outline)
  local places, unplaced, tmax = {}, 0, 0
  for _, e in ipairs(ents) do
    if e.type == "place" then
      local lat, lon = e.lat, e.lon
      if not lat and coords[e.id] then lat, lon = coords[e.id][1], coords[e.id][2] end
      if lat and lat <= charts.MAP_TOP and lat >= -60 then
        places[#places + 1] = { e = e, lat = lat, lon = lon }
        tmax = max(tmax, e.total)
      else
        unplaced = unplaced + 1
      end
    end
  end
  if #places == 0 then return nil end
  local S = charts.MAP_SCALE
  local chart = { width = 360 * S, height = (charts.MAP_TOP + 60) * S, outline = outline or "", places = {},
                  unplaced = unplaced }
  for i, p in ipairs(places) do
    chart.places[i] = { id = p.e.id, label = p.e.label, mentions = floor(p.e.total), lat = p.lat, lon = p.lon,
      x = num((p.lon + 180) * S), y = num((charts.MAP_TOP - p.lat) * S),
      r = num(2 + 10 * sqrt(p.e.total / max(tmax, 1))), labelled = i <= 10 }
  end
  return chart
end

return charts
