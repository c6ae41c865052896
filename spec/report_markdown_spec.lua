-- The Markdown report through a real renderer (cmark-gfm: CommonMark with
-- GitHub's tables, as GitHub and most viewers read report.md; issue 18
-- item 5): metadata from documents is text, never HTML; a '|' does not
-- split a table cell; a '`' in a failed document's id does not break out;
-- a bidi override left open in an alias ends with the label.
local analyze = require "glean.analyze"
local report = require "glean.report"
local template = require "glean.template"
local H = glean_spec

local function cmark(md)
  local path = os.tmpname()
  H.write(path, md)
  -- --unsafe: raw HTML would pass through, so the escaping is what stops it
  local out, code = H.sh("cmark-gfm --unsafe -e table -e strikethrough " .. path)
  os.remove(path)
  assert.equal(0, code)
  return out
end

describe("report.md rendered by cmark-gfm", function()
  local have = os.execute("command -v cmark-gfm >/dev/null 2>&1")

  it("keeps hostile metadata as text, tables whole, ids inside their item", function()
    if not have then pending("cmark-gfm is not installed (scripts/deps.sh installs it)"); return end
    local agg = analyze.aggregator()
    agg:add({ id = "a", status = "ok", source = "<img src=x onerror=alert(1)>", lang = "en", chars = 10, bytes = 10,
              mentions = { { id = "org:x|y", type = "org", label = "A | B *bold* [l](http://e) \u{202E}evil",
                             surface = "A|B", start = 1, stop = 3, sentence = 1 } },
              sentences = { { 1, 10 } }, text = "A|B is here" })
    agg:add({ id = "bad`</li><script>x()</script>", status = "error", error = "x: <b>failed</b>\n| broken |" })
    local md = assert(report.render(agg, { format = "md" }))
    local html = cmark(md)
    assert.is_nil(html:find("<img", 1, true))
    assert.is_nil(html:find("<script", 1, true))
    assert.is_nil(html:find("<b>", 1, true))
    assert.truthy(html:find("&lt;img src=x onerror=alert(1)&gt;", 1, true))
    -- the entity row still has its 8 cells
    local row = html:match("<tr>%s*<td[^>]*>1</td>.-</tr>")
    assert.truthy(row, html)
    assert.equal(8, select(2, row:gsub("<td", "")))
    assert.truthy(row:find("A | B *bold* [l](http://e)", 1, true), row)
    -- the open override is closed with the label (FSI ... PDI)
    assert.truthy(row:find("\u{2068}A | B", 1, true) and row:find("evil\u{2069}", 1, true), row)
    -- the failed document is one list item holding its whole id and error
    local item = html:match("<li>(.-)</li>")
    assert.equal("bad`&lt;/li&gt;&lt;script&gt;x()&lt;/script&gt;: x: &lt;b&gt;failed&lt;/b&gt; | broken |", item)
  end)

  it("escapes Markdown punctuation and isolates bidi controls in any value", function()
    local md = template.escapers.md
    assert.equal("a \\| b \\`c\\` &lt;i&gt; \\*x\\* line two", md("a | b `c` <i> *x* line\ntwo"))
    assert.equal("\u{2068}x\u{202E}y\u{2069}", md("x\u{202E}y"))
    assert.equal("plain", md("plain"))
  end)
end)
