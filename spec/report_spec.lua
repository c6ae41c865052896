-- glean.report: highlighting, the view model, and merging result files.
local analyze = require "glean.analyze"
local report = require "glean.report"
local H = glean_spec

local function strip_tags(html)
  return (html:gsub("<[^>]*>", ""):gsub("&lt;", "<"):gsub("&gt;", ">"):gsub("&quot;", '"')
    :gsub("&#39;", "'"):gsub("&amp;", "&"))
end

-- the tags of html are balanced (every open closed in order)
local function balanced(html)
  local stack = {}
  for close, name in html:gmatch("<(/?)(%a+)[^>]*>") do
    if close == "" then stack[#stack + 1] = name
    elseif stack[#stack] ~= name then return false
    else stack[#stack] = nil end
  end
  return #stack == 0
end

local function m(s, e, id) return { start = s, stop = e, id = id, type = "place", label = id } end

describe("report.highlight", function()
  it("escapes every piece of text, so markup in news stays text", function()
    local text = '<script>alert(1)</script> "><img src=x onerror=alert(1)> & Berlin'
    local html = report.highlight({ text = text, mentions = { m(#text - 5, #text, "x\"><b>") } })
    assert.is_nil(html:find("<script", 1, true))
    assert.is_nil(html:find("<img", 1, true))
    assert.truthy(html:find('data-entity="x&quot;&gt;&lt;b&gt;"', 1, true))
    assert.equal(text, strip_tags(html))
  end)

  it("nests a span inside another and keeps the text whole", function()
    local text = "the United Nations office"
    local html = report.highlight({ text = text, mentions = { m(5, 18, "un"), m(12, 18, "nations") } })
    assert.equal('<p dir="auto">the <mark class="m c-7 t-place" data-m="1" data-entity="un" title="un · place · un">'
      .. 'United <mark class="m c-7 t-place" data-m="2" data-entity="nations" title="nations · place · nations">'
      .. "Nations</mark></mark> office</p>", html)
  end)

  it("closes and reopens spans that overlap without nesting", function()
    local text = "abcdefghij"
    local html = report.highlight({ text = text, mentions = { m(2, 6, "a") },
      annotations = { { start = 4, stop = 9, kind = "date", rule = "r", value = "2024-12-03" } } })
    assert.is_true(balanced(html))
    assert.equal(text, strip_tags(html))
    -- the mention's fragments share data-m, the annotation's share data-a
    local ms, as = 0, 0
    for _ in html:gmatch('data%-m="1"') do ms = ms + 1 end
    for _ in html:gmatch('data%-a="1"') do as = as + 1 end
    assert.same({ 1, 2 }, { ms, as })
  end)

  it("cuts paragraphs at line breaks without breaking open spans", function()
    local text = "Rio de\nJaneiro\n\nnext"
    local html = report.highlight({ text = text, mentions = { m(1, 14, "rio") } })
    assert.is_true(balanced(html))
    assert.equal(4, select(2, html:gsub("<p ", "")))
    assert.equal("Rio deJaneironext", strip_tags(html):gsub("\n", ""))
  end)

  it("keeps every byte of random overlapping spans over multilingual text", function()
    local text = "Москва и Берлин — تهران و Paris, 北京。"
    local bounds = {}
    for p in utf8.codes(text) do bounds[#bounds + 1] = p end
    local n = #bounds
    math.randomseed(5)
    for _ = 1, 50 do
      local ms, as = {}, {}
      for k = 1, 6 do
        local i = math.random(1, n)
        local j = math.random(i, n)
        local stop = (bounds[j + 1] or (#text + 1)) - 1
        local span = { start = bounds[i], stop = stop, id = "e" .. k, type = k % 2 == 0 and "org" or "place",
                       kind = "date", rule = "r", value = "v" }
        if k <= 3 then ms[#ms + 1] = span else as[#as + 1] = span end
      end
      local html = report.highlight({ text = text, mentions = ms, annotations = as })
      assert.is_true(balanced(html), html)
      assert.equal(text, strip_tags(html))
    end
  end)
end)

local function corpus_records()
  local an = assert(analyze.new())
  local recs = {}
  for doc in analyze.files(analyze.expand({ H.home .. "/samples" }, "*.txt")) do recs[#recs + 1] = an:document(doc) end
  recs[#recs + 1] = an:document({ id = "broken", text = "a\xffb", source = "wire" })
  return recs
end

local function view_of(lines, opts)
  local agg = analyze.aggregator(opts)
  for _, l in ipairs(lines) do agg:add(assert(analyze.decode(l))) end
  return report.view(agg), agg
end

describe("report view and merge", function()
  local recs = corpus_records()
  local lines = {}
  for i, r in ipairs(recs) do lines[i] = analyze.encode(r) end

  it("builds the same view from records and from their documents.jsonl lines", function()
    local agg = analyze.aggregator()
    for _, r in ipairs(recs) do agg:add(r) end
    assert.same(report.view(agg), (view_of(lines)))
  end)

  it("merges chunks to the numbers of a single run: merge(split(corpus)) == whole", function()
    local whole = view_of(lines, { keep_mentions = true })
    for _, size in ipairs({ 1, 2, 3, 5 }) do
      local dir = os.tmpname()
      os.remove(dir)
      assert(os.execute("mkdir -p " .. dir))
      local files = {}
      for i = 1, #lines, size do
        local path = string.format("%s/part-%03d.jsonl", dir, i)
        local f = assert(io.open(path, "wb"))
        for k = i, math.min(i + size - 1, #lines) do f:write(lines[k], "\n") end
        f:close()
        files[#files + 1] = path
      end
      local agg, errs = report.read(files, analyze.aggregator({ keep_mentions = true }))
      assert.same({}, errs)
      assert.same(whole, report.view(agg))
      os.execute("rm -rf " .. dir)
    end
  end)

  it("lists entities by count, with a full tie-break", function()
    local view = view_of(lines)
    for i = 2, #view.entities do
      local a, b = view.entities[i - 1], view.entities[i]
      assert.is_true(a.total > b.total or (a.total == b.total and a.id < b.id))
    end
    assert.equal(1, view.summary.failed)
    assert.equal("broken", view.failures[1].id)
  end)

  it("renders the Markdown and CSV templates with the view's numbers", function()
    local _, agg = view_of(lines, { keep_mentions = true })
    local md = assert(report.render(agg, { format = "md" }))
    assert.truthy(md:find("**" .. agg.documents .. "** documents", 1, true))
    assert.truthy(md:find("- broken: broken: invalid UTF-8 at byte 2", 1, true))
    local csv = assert(report.render(agg, { format = "csv" }))
    local rows = select(2, csv:gsub("\n", "")) - 1
    assert.equal(agg.mentions, rows)
  end)

  it("names the file, line and column of a broken template", function()
    local path = os.tmpname()
    local f = assert(io.open(path, "wb"))
    f:write("ok\n  {{#docs}}\n")
    f:close()
    local out, err = report.render(analyze.aggregator(), { template = path })
    os.remove(path)
    assert.is_nil(out)
    assert.equal(path .. ":2:3: section 'docs' is not closed", err)
  end)

  it("reports bad lines of a result file by file:line", function()
    local path = os.tmpname()
    local f = assert(io.open(path, "wb"))
    f:write(lines[1], "\n{oops\n", '{"a":1}\n')
    f:close()
    local agg, errs = report.read({ path }, analyze.aggregator())
    os.remove(path)
    assert.equal(1, agg.documents)
    assert.equal(3, #errs)
    assert.truthy(errs[1]:find("^" .. path:gsub("%p", "%%%0") .. ":2: invalid JSON"))
    assert.same({ path .. ":3: id: missing", path .. ":3: status: missing" }, { errs[2], errs[3] })
  end)

  -- issue 18 item 8: fields of the wrong type crashed the merge
  it("validates each record's fields, names FILE:LINE: field: what, and goes on", function()
    local path = os.tmpname()
    local f = assert(io.open(path, "wb"))
    f:write('{"id":"a","status":"ok","mentions":[{"start":1,"stop":6}]}\n')
    f:write('{"id":"b","status":"ok","text":12}\n')
    f:write('{"id":"c","status":"ok","scripts":{"Latn":"x"}}\n')
    f:write('{"id":"d","status":"done","mentions":[{"id":"p","start":"1","stop":6}],"sentences":[[1]]}\n')
    f:write(lines[1], "\n")
    f:close()
    local agg, errs = report.read({ path }, analyze.aggregator())
    assert.equal(1, agg.documents)
    assert.same({
      path .. ":1: mentions[1].id: missing",
      path .. ":1: mentions[1].type: missing",
      path .. ":1: mentions[1].surface: missing",
      path .. ":2: text: expected a string, got number",
      path .. ":3: scripts.Latn: expected a number, got string",
      path .. ':4: status: expected "ok" or "error", got "done"',
      path .. ":4: sentences[1]: expected [start, stop] integers",
      path .. ":4: mentions[1].type: missing",
      path .. ":4: mentions[1].start: expected an integer, got string",
      path .. ":4: mentions[1].surface: missing",
    }, errs)
    -- through the command line: every line named, the report still written
    local out, code = H.sh("lua5.4 " .. H.home .. "/bin/glean report -q --format md " .. path .. " 2>&1")
    os.remove(path)
    assert.equal(1, code)
    assert.truthy(out:find("glean report: " .. path .. ":2: text: expected a string, got number\n", 1, true))
    assert.truthy(out:find("# glean report", 1, true))
  end)
end)
