-- glean.template: escaping modes, error messages (asserted exactly), limits,
-- files and partials, lambdas, and a large render.  The official spec tests
-- run in spec/mustache_spec_spec.lua.
local template = require "glean.template"
local lfs = require "lfs"

local function render(src, view, partials, opts)
  local out, err = template.render(src, view, partials, opts)
  assert(out, err)
  return out
end

local function compile_error(src, name)
  local t, err = template.compile(src, name or "t")
  assert.is_nil(t)
  return err
end

local function render_error(src, view, partials, opts)
  local t = assert(template.compile(src, "t"))
  local ok, err = pcall(t.render, t, view, partials, opts)
  assert.is_false(ok)
  return err
end

describe("glean.template escaping", function()
  it("HTML-escapes a script tag in text", function()
    assert.are.equal("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
      render("<p>{{v}}</p>", { v = "<script>alert(1)</script>" }))
  end)

  it("keeps an attribute breakout inert inside a quoted attribute", function()
    assert.are.equal('<a title="&quot;&gt;&lt;img src&#61;x onerror&#61;alert(1)&gt;">',
      render('<a title="{{t}}">', { t = '"><img src=x onerror=alert(1)>' }))
  end)

  it("escapes ' ` and = so single-quoted and unquoted attributes stay closed", function()
    assert.are.equal("<a title=x onmouseover&#61;alert(1)> &#39;&#96;",
      render("<a title={{t}}> {{q}}", { t = "x onmouseover=alert(1)", q = "'`" }))
  end)

  it("keeps bidi controls and other non-ASCII text, isolating a value that holds controls", function()
    local s = "\u{202E}gnp.exe\u{2066}نام\u{2069} \u{200F}Zürich"
    -- FSI ... PDI: an override left open ends with the value (issue 18)
    assert.are.equal("\u{2068}" .. s .. "\u{2069}", render("{{s}}", { s = s }))
    assert.are.equal("\u{2068}&lt;" .. s .. "&gt;\u{2069}", render("{{s}}", { s = "<" .. s .. ">" }))
    assert.are.equal("نام Zürich", render("{{s}}", { s = "نام Zürich" }))   -- no controls: as it is
  end)

  it("does not escape triple mustaches and ampersand tags", function()
    assert.are.equal("<b>&</b> <i>", render("{{{a}}} {{& b}}", { a = "<b>&</b>", b = "<i>" }))
  end)

  it("picks the mode from the template name", function()
    local view = { v = "<a & b>" }
    assert.are.equal("&lt;a &amp; b&gt;", assert(template.compile("{{v}}", "report.html")):render(view))
    assert.are.equal("&lt;a &amp; b&gt;", assert(template.compile("{{v}}", "report.html.mustache")):render(view))
    assert.are.equal("&lt;a &amp; b&gt;", assert(template.compile("{{v}}", "report.md")):render(view))
    assert.are.equal("<a & b>", assert(template.compile("{{v}}", "notes.txt")):render(view))
    assert.are.equal('"<a & b>"', assert(template.compile("{{v}}", "mentions.csv")):render(view))
    assert.are.equal("&lt;a &amp; b&gt;", assert(template.compile("{{v}}")):render(view))
  end)

  it("lets opts.escape override the name, at compile and at render", function()
    local view = { v = "<x>" }
    assert.are.equal("<x>", render("{{v}}", view, nil, { escape = "none" }))
    assert.are.equal("&lt;x&gt;", render("{{v}}", view, nil, { name = "r.md", escape = "html" }))
    local t = assert(template.compile("{{v}}", "r.md", { escape = "html" }))
    assert.are.equal("&lt;x&gt;", t:render(view))
    assert.are.equal("<x>", t:render(view, nil, { escape = "none" }))
    assert.are.equal("[<x>]", t:render(view, nil, { escape = function(s) return "[" .. s .. "]" end }))
  end)

  it("applies the root template's mode inside partials", function()
    local t = assert(template.compile("{{>p}}", "r.md"))
    assert.are.equal("\\*&lt;x&gt;", t:render({ v = "*<x>" }, { p = "{{v}}" }))
  end)

  it("rejects an unknown escape mode, naming it", function()
    local ok, err = pcall(template.compile, "x", "t", { escape = "xml" })
    assert.is_false(ok)
    assert.matches("bad option 'escape' ('xml'): expected 'html', 'md', 'none', 'csv' or a function", err, 1, true)
  end)
end)

describe("glean.template csv escaping", function()
  local cases = {
    { "plain", '"plain"' },
    { "=SUM(A1:A9)", "\"'=SUM(A1:A9)\"" },
    { "+1+1", "\"'+1+1\"" },
    { "-2+3", "\"'-2+3\"" },
    { "@SUM(1)", "\"'@SUM(1)\"" },
    { "\t=1", "\"'\t=1\"" },
    { "\r=1", "\"'\r=1\"" },
    { 'say "hi"', '"say ""hi"""' },
    { '=HYPERLINK("http://x")', "\"'=HYPERLINK(\"\"http://x\"\")\"" },
    { "a,b\nc", '"a,b\nc"' },
    { "a=b", '"a=b"' },
    { "Müller", '"Müller"' },
    { "", '""' },
  }
  for _, c in ipairs(cases) do
    it(("quotes %q as %q"):format(c[1], c[2]), function()
      assert.are.equal(c[2], render("{{v}}", { v = c[1] }, nil, { escape = "csv" }))
    end)
  end

  it("leaves numbers bare, negative ones too", function()
    assert.are.equal("42,-3,1.5,85", render("{{a}},{{b}},{{c}},{{d}}", { a = 42, b = -3, c = 1.5, d = 85.0 },
      nil, { escape = "csv" }))
  end)

  it("renders a mentions table row by row", function()
    local t = assert(template.compile("text,kind,start\n{{#rows}}\n{{text}},{{kind}},{{start}}\n{{/rows}}\n",
      "mentions.csv"))
    assert.are.equal('text,kind,start\n"Ada, ""the"" first","PER",1\n"\'=cmd|x","ORG",20\n',
      t:render({ rows = { { text = 'Ada, "the" first', kind = "PER", start = 1 },
                          { text = "=cmd|x", kind = "ORG", start = 20 } } }))
  end)
end)

describe("glean.template errors", function()
  it("names file:line:column of an unclosed section", function()
    local src = string.rep("<p>\n", 11) .. "    {{#docs}}\n<li>{{title}}</li>\n"
    assert.are.equal("report.html:12:5: section 'docs' is not closed", compile_error(src, "report.html"))
    assert.are.equal("t:1:1: inverted section 'x' is not closed", compile_error("{{^x}}"))
  end)

  it("reports a mismatched closing tag with where the section opened", function()
    assert.are.equal("t:2:3: closing tag 'b' does not match section 'a' opened at 1:1",
      compile_error("{{#a}}\n  {{/b}}"))
    assert.are.equal("t:1:2: closing tag 'a' has no open section", compile_error("x{{/a}}"))
  end)

  it("reports an unclosed tag", function()
    assert.are.equal("t:2:4: unclosed tag '{{name' (no closing '}}')", compile_error("ab\ncd {{name\nmore"))
  end)

  it("reports a bad delimiter change", function()
    assert.are.equal("t:1:1: bad delimiter change '{{=<% =}}' (expected '{{=open close=}}', "
      .. "two delimiters without spaces or '=')", compile_error("{{=<% =}}"))
  end)

  it("reports empty tags, bad names and broken triple mustaches", function()
    assert.are.equal("t:1:1: tag '{{ }}' has no name", compile_error("{{ }}"))
    assert.are.equal("t:1:3: tag '{{#}}' has no name", compile_error("x {{#}}"))
    assert.are.equal("t:1:1: bad name 'a b' in tag '{{a b}}'", compile_error("{{a b}}"))
    assert.are.equal("t:1:1: bad triple mustache '{{{a}}' (expected '{{{name}}}')", compile_error("{{{a}}"))
  end)

  it("counts columns in characters, not bytes", function()
    assert.are.equal("t:1:4: section 'x' is not closed", compile_error("é€ {{#x}}"))
  end)

  it("uses the delimiters in force", function()
    assert.are.equal("t:2:1: section 'a' is not closed", compile_error("{{=<% %>=}}\n<%#a%>"))
    assert.are.equal("t:1:12: unclosed tag '<%b' (no closing '%>')", compile_error("{{=<% %>=}}<%b"))
  end)

  it("bounds section nesting", function()
    assert.are.equal("t:1:601: section nesting limit (100) exceeded at 'a'",
      compile_error(string.rep("{{#a}}", 101) .. string.rep("{{/a}}", 101)))
    assert.truthy(template.compile(string.rep("{{#a}}", 100) .. string.rep("{{/a}}", 100)))
  end)

  it("returns nil and the message instead of raising", function()
    local out, err = template.render("{{#a}}", {})
    assert.is_nil(out)
    assert.are.equal("template:1:1: section 'a' is not closed", err)
  end)

  it("raises with the place of a table interpolated as text", function()
    assert.are.equal("t:1:4: cannot interpolate 'a' (a table)", render_error("ok {{a}}", { a = { 1 } }))
  end)

  it("renders a missing partial empty, or raises with strict_partials", function()
    assert.are.equal("[]", render("[{{>nope}}]", {}))
    assert.are.equal("t:1:2: unknown partial 'nope'",
      render_error("[{{>nope}}]", {}, nil, { strict_partials = true }))
    local t = assert(template.compile("{{>nope}}", "s", { strict_partials = true }))
    local ok, err = pcall(t.render, t, {})
    assert.is_false(ok)
    assert.are.equal("s:1:1: unknown partial 'nope'", err)
  end)

  it("names the partial of a broken partial", function()
    assert.are.equal("row:2:1: section 'x' is not closed", render_error("{{>row}}", {}, { row = "a\n{{#x}}" }))
  end)

  it("rejects bad arguments", function()
    assert.has_error(function() template.compile(nil) end, "bad argument #1 to 'compile' (string expected, got nil)")
    local t = assert(template.compile("x"))
    assert.has_error(function() t:render({}, 5) end,
      "bad argument #2 to 'render' (table or function expected, got number)")
  end)
end)

describe("glean.template partial depth limit", function()
  -- partials p1 .. pN, each including the next; pN is plain text.
  local function chain(n)
    return function(name)
      local k = tonumber(name:match("^p(%d+)$"))
      if not k then return nil end
      if k < n then return "<{{>p" .. (k + 1) .. "}}>" end
      return "."
    end
  end

  it("allows 100 nested partials", function()
    assert.are.equal(string.rep("<", 99) .. "." .. string.rep(">", 99), render("{{>p1}}", {}, chain(100)))
  end)

  it("stops at 101 with a clean error", function()
    assert.are.equal("p100:1:2: partial depth limit (100) exceeded at 'p101'",
      render_error("{{>p1}}", {}, chain(101)))
  end)

  it("stops endless recursion without a stack overflow", function()
    assert.are.equal("self:1:2: partial depth limit (100) exceeded at 'self'",
      render_error("{{>self}}", {}, { self = "x{{>self}}" }))
  end)

  it("bounds lambdas that expand to themselves", function()
    local err = render_error("{{lam}}", { lam = function() return "{{lam}}" end })
    assert.matches("lambda depth limit (100) exceeded at 'lam'", err, 1, true)
  end)

  it("is exported", function()
    assert.are.equal(100, template.MAX_PARTIAL_DEPTH)
  end)
end)

describe("glean.template values", function()
  it("prints integral floats (JSON numbers) without a fraction", function()
    assert.are.equal("85 1.21 -3 1e+300", render("{{a}} {{b}} {{c}} {{d}}", { a = 85.0, b = 1.21, c = -3, d = 1e300 }))
  end)

  it("treats nil, false, JSON null and empty tables as falsy, 0 and '' as truthy", function()
    local view = { f = false, e = {}, z = 0, s = "", n = template.null }
    assert.are.equal("F E N", render("{{^f}}F{{/f}} {{^e}}E{{/e}} {{^n}}N{{/n}}{{^missing}}{{/missing}}", view))
    assert.are.equal("0|", render("{{#z}}{{.}}{{/z}}|{{#s}}{{.}}{{/s}}", view))
  end)

  it("treats a proxy table (metatable with __index) as an object", function()
    local proxy = setmetatable({}, { __index = function(_, k) return tostring(k):upper() end })
    assert.are.equal("HELLO", render("{{#p}}{{hello}}{{/p}}", { p = proxy }))
  end)

  it("interpolates booleans as words", function()
    assert.are.equal("true false", render("{{t}} {{f}}", { t = true, f = false }))
  end)
end)

describe("glean.template lambdas", function()
  it("renders an interpolation lambda's result as a template, then escapes it", function()
    assert.are.equal("Hello, world &amp; co!",
      render("Hello, {{lam}}!", { planet = "world & co", lam = function() return "{{{planet}}}" end }))
  end)

  it("calls the lambda at every use", function()
    local calls = 0
    local view = { lam = function() calls = calls + 1; return calls end }
    assert.are.equal("1 == 2", render("{{lam}} == {{{lam}}}", view))
  end)

  it("passes the literal block to a section lambda and renders the result with the section's delimiters", function()
    local seen
    local view = { planet = "Earth",
                   lam = function(text) seen = text; return text .. "{{planet}} => |planet|" .. text end }
    assert.are.equal("<-{{planet}} => Earth->", render("{{= | | =}}<|#lam|-|/lam|>", view))
    assert.are.equal("-", seen)
  end)

  it("treats lambdas as truthy in inverted sections", function()
    assert.are.equal("<>", render("<{{^lam}}x{{/lam}}>", { lam = function() return false end }))
  end)
end)

describe("glean.template partials", function()
  it("accepts compiled templates and functions as partials", function()
    local row = assert(template.compile("<{{.}}>"))
    assert.are.equal("<1><2>", render("{{#xs}}{{>row}}{{/xs}}", { xs = { 1, 2 } }, { row = row }))
    assert.are.equal("<1><2>", render("{{#xs}}{{>row}}{{/xs}}", { xs = { 1, 2 } },
      function(name) return name == "row" and "<{{.}}>" or nil end))
  end)

  it("raises on a partial that is neither text nor a template", function()
    assert.are.equal("t:1:2: partial 'row' is a number (expected a string or a compiled template)",
      render_error("[{{>row}}]", {}, { row = 42 }))
  end)
end)

describe("glean.template partial indentation", function()
  it("indents every line of a standalone partial, including nested ones, but not interpolated text", function()
    local partials = { outer = "a\n  {{>inner}}\nb\n", inner = "{{#xs}}\n- {{.}}\n{{/xs}}\n{{{raw}}}\n" }
    assert.are.equal("  a\n    - 1\n    - 2\n    x\ny\n  b\n",
      render("  {{>outer}}\n", { xs = { 1, 2 }, raw = "x\ny" }, partials))
  end)
end)

describe("glean.template.load", function()
  local dir

  local function write(name, s)
    local f = assert(io.open(dir .. "/" .. name, "wb"))
    f:write(s)
    f:close()
  end

  setup(function()
    dir = os.tmpname()
    os.remove(dir)
    assert(lfs.mkdir(dir))
    assert(lfs.mkdir(dir .. "/sub"))
    write("report.html", "<h1>{{title}}</h1>\n<ul>\n{{#items}}\n  {{>row}}\n{{/items}}\n</ul>\n")
    write("row.html", "<li>{{name}}</li>\n")
    write("notes.md", "# {{title}}\n{{>item}}{{>sub/foot}}")
    write("item.mustache", "* {{title}}\n")
    write("sub/foot.md", "-- {{title}}\n")
    write("evil.html", "{{>../secret}}")
    write("broken.html", "x\n{{>bad}}")
    write("bad.html", "{{#oops}}")
    write("bad.md", "ok\n{{/nope}}")
  end)

  teardown(function()
    for _, f in ipairs { "report.html", "row.html", "notes.md", "item.mustache", "sub/foot.md", "evil.html",
                         "broken.html", "bad.html", "bad.md" } do
      os.remove(dir .. "/" .. f)
    end
    lfs.rmdir(dir .. "/sub")
    lfs.rmdir(dir)
  end)

  it("reads partials from the template's directory with its extension", function()
    local t = assert(template.load(dir .. "/report.html"))
    assert.are.equal("<h1>A &lt;b&gt;</h1>\n<ul>\n  <li>x&amp;y</li>\n  <li>z</li>\n</ul>\n",
      t:render({ title = "A <b>", items = { { name = "x&y" }, { name = "z" } } }))
  end)

  it("falls back to name.mustache and allows subdirectories", function()
    local t = assert(template.load(dir .. "/notes.md"))
    assert.are.equal("# a&lt;b\n* a&lt;b\n-- a&lt;b\n", t:render({ title = "a<b" }))
  end)

  it("prefers partials passed to render over files", function()
    local t = assert(template.load(dir .. "/report.html"))
    assert.are.equal("<h1></h1>\n<ul>\n  [z]\n</ul>\n",
      t:render({ items = { { name = "z" } } }, { row = "[{{name}}]\n" }))
  end)

  it("refuses partial names that leave the directory", function()
    local t = assert(template.load(dir .. "/evil.html"))
    local ok, err = pcall(t.render, t, {})
    assert.is_false(ok)
    assert.are.equal(dir .. "/evil.html:1:1: partial name '../secret' is not allowed "
      .. "(it must stay inside the template directory)", err)
  end)

  it("names the partial file in its compile errors", function()
    local t = assert(template.load(dir .. "/broken.html"))
    local ok, err = pcall(t.render, t, {})
    assert.is_false(ok)
    assert.are.equal(dir .. "/bad.html:1:1: section 'oops' is not closed", err)
  end)

  it("returns nil and a message for a bad or missing file", function()
    local t, err = template.load(dir .. "/bad.md")
    assert.is_nil(t)
    assert.are.equal(dir .. "/bad.md:2:1: closing tag 'nope' has no open section", err)
    t, err = template.load(dir .. "/missing.html")
    assert.is_nil(t)
    assert.matches("missing.html", err, 1, true)
  end)
end)

describe("glean.template at scale", function()
  it("renders a 10k-row table through a partial, compiled once", function()
    local rows = {}
    for i = 1, 10000 do rows[i] = { name = "n<" .. i, start = i } end
    local t = assert(template.compile("<table>\n{{#rows}}\n  {{>row}}\n{{/rows}}\n</table>\n", "t.html"))
    local partials = { row = "<tr><td>{{name}}</td><td>{{start}}</td></tr>\n" }
    local out = t:render({ rows = rows }, partials)
    local _, n = out:gsub("<tr>", "")
    assert.are.equal(10000, n)
    assert.truthy(out:find("  <tr><td>n&lt;10000</td><td>10000</td></tr>\n</table>\n$"))
    assert.are.equal(out, t:render({ rows = rows }, partials))
  end)

  it("compiles 100k tags on one line", function()
    local t = assert(template.compile(string.rep("{{a}},", 100000)))
    assert.are.equal(string.rep("y,", 100000), t:render({ a = "y" }))
  end)
end)
