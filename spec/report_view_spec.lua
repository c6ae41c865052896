-- The report's view against its documented schema (glean.view_schema,
-- docs/report-view.md), `glean template --check`, and the report's new
-- parts: charts, keyword in context, spellings, filtered gazetteer gaps.
local analyze = require "glean.analyze"
local aggregate = require "glean.aggregate"
local report = require "glean.report"
local schema = require "glean.view_schema"
local charts = require "glean.charts"
local H = glean_spec

local GLEAN = "GLEAN_NO_LOCAL=1 lua5.4 " .. H.home .. "/bin/glean"

-- a rich aggregate: the samples, dated documents over six weeks, a failure
local function rich()
  local an = assert(analyze.new())
  local agg = aggregate.new({ keep_mentions = true })
  for _, e in ipairs(analyze.expand({ H.home .. "/samples" }, "*.txt")) do
    agg:add(an:document({ id = e.path:match("[^/]+$"), text = H.read(e.path), source = "samples" }))
  end
  local texts = { "Talks in Moscow and Beijing.", "Tehran and Moscow spoke.", "New Delhi hosted Tehran." }
  local z0 = charts.day_number("2024-11-24")
  for d = 0, 39 do   -- 2024-11-24 to 2025-01-02, the samples' 2024-12-03 inside, 2024-12-14 missing
    if d ~= 20 then
      agg:add(an:document({ id = "d" .. d, date = charts.civil(z0 + d), text = texts[d % 3 + 1] }))
    end
  end
  agg:add(an:document({ id = "bad", text = "Berlin \255" }))
  return agg
end

-- every path of a view: "entities[].label", ...
local function paths_of(t, prefix, out)
  for k, v in pairs(t) do
    if type(k) == "number" then
      if type(v) == "table" then paths_of(v, prefix .. "[]", out) end
    else
      local p = prefix == "" and k or (prefix .. "." .. k)
      out[p] = true
      if type(v) == "table" then paths_of(v, p, out) end
    end
  end
  return out
end

describe("the report view", function()
  local agg = rich()
  local view = report.view(agg)

  it("has only fields the schema documents", function()
    local documented = {}
    for _, f in ipairs(schema.FIELDS) do documented[f[1]] = f end
    for _, f in ipairs(schema.FIELDS) do     -- lists sharing another list's items
      if f.same then
        for _, g in ipairs(schema.FIELDS) do
          local rest = g[1]:match("^" .. f.same:gsub("%p", "%%%0") .. "(%[%].*)$")
          if rest then documented[f[1] .. rest] = g end
        end
      end
    end
    local undocumented = {}
    for p in pairs(paths_of(view, "", {})) do
      if not documented[p] then undocumented[#undocumented + 1] = p end
    end
    table.sort(undocumented)
    assert.same({}, undocumented)
  end)

  it("is documented in docs/report-view.md exactly as glean template --fields prints it", function()
    local doc = H.read(H.home .. "/docs/report-view.md")
    local tbl = doc:match("<!%-%- fields:[^\n]*\n(.-)<!%-%- end of fields %-%->")
    assert.equal(schema.markdown(), tbl)
    local out, code = H.sh(GLEAN .. " template --fields")
    assert.equal(0, code)
    assert.equal(schema.markdown(), out)
  end)

  it("draws the timeline by day with the top entities as series", function()
    local c = view.timeline_chart
    assert.equal("day", c.unit)
    assert.equal("2024-11-24", c.first)
    assert.equal("2025-01-02", c.last)
    assert.equal(40, #c.bars)
    assert.equal(5, #c.series)
    assert.equal("Moscow", c.series[1].label)
    assert.truthy(c.series[1].points:match("^[%d.]+,[%d.]+ "))
    assert.equal(0, c.bars[21].total)        -- 2024-12-14 has no document: drawn as zero
    assert.equal("2024-12-14", c.bars[21].date)
  end)

  it("buckets by week and month when the dates span longer", function()
    assert.equal("2024-12-02", charts.civil(charts.day_number("2024-12-02")))
    local function span(days)
      local a = aggregate.new()
      for _, d in ipairs(days) do a.timeline[d] = { total = 1, entities = { x = 1 } } end
      return charts.timeline(a, {})
    end
    local w = span({ "2024-01-03", "2024-06-30" })
    assert.equal("week", w.unit)
    assert.equal("2024-01-01", w.first)     -- the Monday of the first date's week
    local m = span({ "2020-01-03", "2024-06-30" })
    assert.equal("month", m.unit)
    assert.equal("2020-01", m.first)
    assert.equal("2024-06", m.last)
  end)

  it("links the entities that share sentences in the network", function()
    local n = view.network
    assert.is_true(#n.nodes >= 2 and #n.nodes <= charts.NETWORK_NODES)
    assert.is_true(#n.edges >= 1)
    local ids = {}
    for _, node in ipairs(n.nodes) do ids[node.label] = true end
    for _, e in ipairs(n.edges) do assert.truthy(ids[e.a_label] and ids[e.b_label]) end
  end)

  it("keeps each entity's mentions in context and a context column per mention", function()
    local moscow
    for _, e in ipairs(view.entities) do if e.id == "place:city:Europe/Moscow" then moscow = e end end
    assert.is_true(#moscow.contexts >= 1 and #moscow.contexts <= aggregate.CONTEXTS_PER_ENTITY)
    for _, c in ipairs(moscow.contexts) do assert.truthy(c.surface ~= "" and c.before and c.after) end
    local row
    for _, r in ipairs(view.mentions) do if r.document == "d0" then row = r; break end end
    assert.equal("Talks in Moscow and Beijing.", row.context)   -- texts[0 % 3 + 1]
  end)

  it("puts the places with coordinates on the map, the gazetteer's lat/lon first", function()
    local m = view.map
    local delhi
    for _, p in ipairs(m.places) do if p.id == "place:city:New_Delhi" then delhi = p end end
    assert.truthy(delhi, "New Delhi on the map")
    assert.equal(28.61, delhi.lat)
    assert.equal("514.4", delhi.x)                   -- (77.21 + 180) * 2
    assert.equal("110.8", delhi.y)                   -- (84 - 28.61) * 2
    assert.truthy(m.outline:match("^M%d+ %d+l"))
    -- a user's gazetteer with lat/lon columns places its own entries
    local g = H.tmpfile("id\ttype\talias\tlat\tlon\nplace:Chabahar\tplace\tChabahar\t25.29\t60.64\n")
    local an = assert(analyze.new({ gazetteer = g }))
    local a = aggregate.new()
    a:add(an:document({ id = "x", text = "The port of Chabahar." }))
    local v = report.view(a)
    assert.equal(1, #v.map.places)
    assert.equal(25.29, v.map.places[1].lat)
    assert.equal(0, v.map.unplaced)
  end)

  it("splits the pair tables into the first 10 and the rest", function()
    assert.equal(10, #view.co_sentence_head)
    assert.equal(#view.co_sentence - 10, #view.co_sentence_rest)
    assert.is_true(view.has_co_document_rest)
  end)

  it("lists the top pairs as a sort of all pairs would, without a row per pair", function()
    -- many pairs with tied counts, ids that are prefixes of others
    local pagg = aggregate.new()
    local x = 7
    local function r(n) x = (x * 1103515245 + 12345) % 2147483648; return x % n + 1 end
    local ids = {}
    for i = 1, 60 do ids[i] = "place:" .. string.rep("a", r(3)) .. (i % 7 == 0 and "" or tostring(r(40))) end
    for _ = 1, 3000 do
      local a, b = ids[r(#ids)], ids[r(#ids)]
      if a < b then
        local k = a .. "\t" .. b
        pagg.co_document[k] = (pagg.co_document[k] or 0) + 1
      end
    end
    local all = {}
    for k, c in pairs(pagg.co_document) do
      local a, b = k:match("^(.-)\t(.*)$")
      all[#all + 1] = { a = a, b = b, count = c }
    end
    table.sort(all, function(p, q)
      if p.count ~= q.count then return p.count > q.count end
      if p.a ~= q.a then return p.a < q.a end
      return p.b < q.b
    end)
    for _, top in ipairs({ 1, 50, #all + 5 }) do
      local v = report.view(pagg, { top = top })
      assert.equal(#all, v.co_document_pairs)
      assert.equal(math.min(top, #all), #v.co_document)
      for i, row in ipairs(v.co_document) do
        assert.same({ i, all[i].a, all[i].b, all[i].count }, { row.rank, row.a, row.b, row.count })
      end
    end
  end)
end)

describe("people", function()
  it("have their own colour and legend entry, in the table and the network", function()
    local g = H.tmpfile("id\ttype\talias\nperson:Lavrov\tperson\tLavrov\nplace:Moscow\tplace\tMoscow\n")
    local an = assert(analyze.new({ gazetteer = g }))
    local agg = aggregate.new()
    agg:add(an:document({ id = "x", text = "Lavrov spoke in Moscow. Lavrov left Moscow." }))
    local view = report.view(agg)
    local legend = {}
    for _, l in ipairs(view.legend) do legend[l.type] = l end
    assert.same({ type = "person", label = "Person", slot = 2, mentions = 2 }, legend.person)
    assert.equal(0, legend.place.slot)
    for _, n in ipairs(view.network.nodes) do
      assert.equal(n.type == "person" and 2 or 0, n.slot)
    end
    local html = assert(report.render(agg, { format = "html" }))
    assert.truthy(html:find('<mark class="m c-2">Person</mark>', 1, true))
    assert.truthy(html:find('<mark class="m c-2 t-person" data-m="1" data-entity="person:Lavrov"', 1, true))
  end)
end)

describe("gazetteer gaps", function()
  it("leaves out stop words, month and weekday names of the candidate's language", function()
    local an = assert(analyze.new())
    local agg = aggregate.new()
    agg:add(an:document({ id = "fr", text = "Le ministre a parlé hier. Selon lui, Mardi et Décembre sont loin, "
      .. "dit Kovalenko à Paris. Pour Les experts, Kovalenko reste prudent." }))
    local view = report.view(agg)
    assert.equal(1, #view.candidates)
    assert.equal("Kovalenko", view.candidates[1].surface)
    assert.equal("misc:Kovalenko\tmisc\tKovalenko\t\tfr", view.candidates[1].gazetteer_line)
    assert.equal(3, view.candidates_filtered)
    assert.is_true(report.not_a_name("Dezember", { de = 1 }))
    assert.is_false(report.not_a_name("Kovalenko", { fr = 1 }))
  end)
end)

describe("glean template --check", function()
  it("passes every shipped template", function()
    for _, t in ipairs({ "report.html", "report.md", "mentions.csv" }) do
      local out, code = H.sh(GLEAN .. " template --check " .. H.home .. "/templates/" .. t)
      assert.equal(0, code, out)
      assert.equal("", out)
    end
  end)

  it("names each unknown field with file:line:col, inside sections and through partials", function()
    local d = H.tmpdir()
    H.write(d .. "/t.html", "<h1>{{title}}</h1>\n{{#entities}}<p>{{labl}} {{label}} {{title}}</p>{{/entities}}\n"
      .. "{{summary.docs}} {{> row}}\n")
    H.write(d .. "/row.html", "{{#legend}}{{colour}}{{/legend}}")
    local out, code = H.sh(GLEAN .. " template --check " .. d .. "/t.html")
    assert.equal(1, code)
    assert.equal(d .. "/t.html:2:17: unknown field 'labl'\n"
      .. d .. "/t.html:3:1: unknown field 'summary.docs' (no 'docs')\n"
      .. d .. "/row.html:1:12: unknown field 'colour'\n", out)
    H.write(d .. "/broken.html", "{{#entities}}")
    local _, code2 = H.sh(GLEAN .. " template --check " .. d .. "/broken.html 2>/dev/null")
    assert.equal(2, code2)
    -- analyze warns about them
    local err = H.sh(GLEAN .. " analyze -q " .. H.home .. "/samples/2024-12-03-en-summit.txt --template "
      .. d .. "/t.html 2>&1 >/dev/null")
    assert.truthy(err:find("glean: warning: " .. d .. "/t.html:2:17: unknown field 'labl'", 1, true), err)
  end)
end)
