-- End to end: render report.html with bin/glean and open it in headless
-- Chromium; check the DOM after the page's scripts ran and save a
-- screenshot under the build directory.
local analyze = require "glean.analyze"
local H = glean_spec

local GLEAN = "GLEAN_NO_LOCAL=1 lua5.4 " .. H.home .. "/bin/glean"
local CHROMIUM = "/usr/bin/chromium"

local sh = H.sh

local function chromium(args, url)
  local profile = assert(sh("mktemp -d")):gsub("%s+$", "")
  local out, code = sh("timeout 120 " .. CHROMIUM .. " --headless --no-sandbox --disable-gpu"
    .. " --disable-background-networking --disable-component-update --disable-sync --no-first-run"
    .. " --user-data-dir=" .. profile .. " " .. args .. " '" .. url .. "' 2>/dev/null")
  sh("rm -rf " .. profile)
  return out, code
end

describe("report.html in headless Chromium", function()
  local f = io.open(CHROMIUM, "r")
  if not f then
    it("needs Chromium", function() pending("chromium not installed (make deps installs it)") end)
    return
  end
  f:close()

  local dir = H.build .. "/report-browser"
  assert(os.execute("mkdir -p " .. dir))
  -- the samples plus a hostile document and an Arabic-script one, as JSON Lines
  local input = dir .. "/in.jsonl"
  local out = assert(io.open(input, "wb"))
  for _, e in ipairs(analyze.expand({ H.home .. "/samples" }, "*.txt")) do
    out:write(analyze.encode_value({ id = e.path:match("[^/]+$"), text = H.read(e.path), source = "samples" }), "\n")
  end
  out:write(analyze.encode_value({ id = "hostile", source = "web",
    text = 'Berlin <script>alert(1)</script> "><img src=x onerror=alert(1)> & <b>bold</b> Paris' }), "\n")
  out:close()
  local report = dir .. "/report.html"
  local _, code = sh(GLEAN .. " analyze -q - -o " .. report .. " < " .. input)
  assert.equal(0, code)
  local dom = chromium("--dump-dom", "file://" .. report)

  it("runs the page's scripts and shows every document", function()
    assert.truthy(dom:find('data-ready="1"', 1, true))
    local docs = select(2, dom:gsub('<article class="doc"', ""))
    assert.equal(#analyze.expand({ H.home .. "/samples" }, "*.txt") + 1, docs)
  end)

  it("highlights the mentions by type, each on its exact surface", function()
    local marks = 0
    local mark = '<mark class="m (c%-%d[^"]*)" data%-m="%d+" data%-entity="([^"]+)"[^>]*>([^<]*)</mark>'
    for cls, entity, inner in dom:gmatch(mark) do
      marks = marks + 1
      assert.truthy(cls:find("t-", 1, true))
      assert.truthy(entity:find(":", 1, true))
      assert.is_true(#inner > 0)
    end
    assert.is_true(marks >= 100, "marks: " .. marks)
    assert.truthy(dom:find('data%-entity="place:city:Europe/Berlin"[^>]*>Berlin</mark>'))
  end)

  it("shows right-to-left documents right to left", function()
    local rtl = 0
    for lang in dom:gmatch('<article class="doc" id="doc%-%d+" dir="rtl" lang="(%a+)"') do
      rtl = rtl + 1
      assert.truthy(({ fa = true, ur = true, ar = true })[lang], lang)
    end
    assert.is_true(rtl >= 2, "rtl documents: " .. rtl)
    assert.truthy(dom:find('<article class="doc" id="doc%-%d+" dir="ltr" lang="en"'))
  end)

  it("keeps hostile markup in a news text as text: no injected element", function()
    assert.is_nil(dom:find("<img", 1, true))
    assert.is_nil(dom:find("<script>alert", 1, true))
    assert.is_nil(dom:find("<b>bold", 1, true))
    -- the "1" may carry a number annotation: compare the text without tags
    local text = dom:match('<h3>hostile</h3>.-<div class="text">(.-)</div>'):gsub("<[^>]*>", "")
    assert.truthy(text:find("&lt;script&gt;alert(1)&lt;/script&gt;", 1, true))
    -- (the serialised DOM writes a quote in text as it is)
    assert.truthy(text:find('"&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;bold&lt;/b&gt;', 1, true))
    local scripts = select(2, dom:gsub("<script", ""))
    assert.equal(1, scripts)   -- the report's own sorting script only
  end)

  it("sorts the entity table by mentions, largest first", function()
    local tbody = dom:match('<table id="entity%-table".-<tbody>(.-)</tbody>')
    local last = math.huge
    for n in tbody:gmatch('<td class="n">%d+</td><td>.-</td>%s*<td class="nowrap">.-</td><td class="n">(%d+)</td>') do
      assert.is_true(tonumber(n) <= last)
      last = tonumber(n)
    end
    assert.is_true(last < math.huge)
  end)

  it("draws the timeline, the co-occurrence network and the map as inline SVG", function()
    local tl = dom:match('<svg class="chart timeline" id="timeline%-chart".-</svg>')
    assert.truthy(tl, "no timeline chart")
    assert.is_true(select(2, tl:gsub('<rect class="tbar"', "")) >= 1)
    assert.is_true(select(2, tl:gsub("<polyline ", "")) >= 1)
    assert.truthy(tl:find('points="[%d.]+,[%d.]+'))
    local net = dom:match('<svg class="chart network" id="network%-chart".-</svg>')
    assert.truthy(net, "no network")
    assert.is_true(select(2, net:gsub("<circle ", "")) >= 2)
    assert.is_true(select(2, net:gsub("<line ", "")) >= 1)
    assert.truthy(net:find(">New Delhi</tspan>", 1, true))
    local map = dom:match('<svg class="chart map" id="map%-chart".-</svg>')
    assert.truthy(map, "no map")
    assert.truthy(map:find('<path class="land" d="M%d+ %d+l', 1))
    assert.is_true(select(2, map:gsub('<circle class="place"', "")) >= 10)
    assert.truthy(map:find('data%-entity="place:city:New_Delhi"'))
    assert.is_nil(dom:find("<script src", 1, true))    -- no external script
  end)

  it("isolates each spelling in 'Written as': a right-to-left name keeps its count after it", function()
    -- a page that loads the report in a frame and measures, after layout,
    -- where each spelling's count is drawn against its name
    local harness = dir .. "/bidi.html"
    H.write(harness, [[<!DOCTYPE html><html><body>
<iframe id="f" src="report.html" style="width:1280px;height:1600px"></iframe>
<script>
document.getElementById("f").addEventListener("load", function () {
  var d = this.contentDocument, n = 0, bad = [];
  d.querySelectorAll("#entity-table span.spelling").forEach(function (s) {
    var b = s.querySelector("bdi"), t = b.nextSibling;
    if (!/[\u0590-\u08FF]/.test(b.textContent) || !t) { return; }
    var r = d.createRange(); r.selectNodeContents(t);
    var rects = Array.prototype.filter.call(r.getClientRects(), function (x) { return x.width > 0; });
    var last = b.getClientRects(); last = last[last.length - 1];
    n++;
    // after the name: to its right on the same line, or on a later line
    var sameLine = rects.length && rects[0].top < last.bottom - 1;
    if (!rects.length || (sameLine && rects[0].left < last.right - 0.5)) { bad.push(b.textContent); }
  });
  document.body.setAttribute("data-bidi", n + ":" + bad.join("|"));
});
</script></body></html>]])
    local res = chromium("--allow-file-access-from-files --virtual-time-budget=10000 --dump-dom", "file://" .. harness)
    local n, bad = res:match('data%-bidi="(%d+):([^"]*)"')
    assert.truthy(n, "the harness did not run")
    assert.is_true(tonumber(n) >= 3, "right-to-left spellings measured: " .. n)
    assert.equal("", bad)
  end)

  it("has the Noto fonts that draw Devanagari, Han and Urdu in the screenshot", function()
    for _, lang in ipairs({ "hi", "zh-cn", "ja", "ur", "fa" }) do
      local fams = sh("fc-list :lang=" .. lang .. " family")
      assert.truthy(fams:find("Noto", 1, true), "no Noto font for " .. lang .. " (scripts/deps.sh installs them)")
    end
  end)

  it("saves a screenshot under the build directory", function()
    local png = dir .. "/report.png"
    os.remove(png)
    chromium("--screenshot=" .. png .. " --window-size=1280,2000", "file://" .. report)
    local data = H.read(png)
    assert.equal("\137PNG", data:sub(1, 4))
    assert.is_true(#data > 20000)
  end)
end)
