-- Bounds on one render (issue 18 item 7): partials that include the next
-- one twice multiply the work within the depth limit (41 levels ran past
-- 60 s and 1.2 GB); the output size and the nodes rendered are bounded.
-- Partials read from files resolve inside the template directory only,
-- symbolic links included.
local template = require "glean.template"
local H = glean_spec

describe("glean.template render bounds", function()
  it("stops 41 partials each including the next twice at the step limit", function()
    local partials = {}
    for i = 1, 40 do partials["p" .. i] = "{{> p" .. (i + 1) .. "}}{{> p" .. (i + 1) .. "}}" end
    partials.p41 = "x"
    local t = assert(template.compile("{{> p1}}", "top"))
    local ok, err = pcall(t.render, t, {}, partials, { max_steps = 1000 })
    assert.is_false(ok)
    assert.equal("top: render step limit (1000 template nodes) exceeded", err)
  end)

  it("stops output past the size limit", function()
    local t = assert(template.compile("{{#rows}}{{s}}{{/rows}}", "big"))
    local rows = {}
    for i = 1, 100 do rows[i] = { s = ("x"):rep(1000) } end
    assert.equal(100000, #t:render({ rows = rows }))
    local ok, err = pcall(t.render, t, { rows = rows }, nil, { max_output = 50000 })
    assert.is_false(ok)
    assert.equal("big: render output limit (50000 bytes) exceeded", err)
  end)

  it("resolves partials inside the template directory only, links included", function()
    local d = H.tmpdir()
    H.write(d .. "/main.html", "[{{> inner}}|{{> secret}}]")
    H.write(d .. "/inner.html", "in")
    assert(os.execute("ln -s /etc/passwd '" .. d .. "/secret.html'"))
    local t = assert(template.load(d .. "/main.html"))
    local ok, err = pcall(t.render, t, {})
    assert.is_false(ok)
    assert.truthy(err:find("partial 'secret' resolves outside the template directory (" .. d
      .. "/secret.html -> /etc/passwd)", 1, true), err)
    -- a link that stays inside the directory is fine
    os.remove(d .. "/secret.html")
    assert(os.execute("ln -s inner.html '" .. d .. "/secret.html'"))
    assert.equal("[in|in]", assert(template.load(d .. "/main.html")):render({}))
    os.execute("rm -rf '" .. d .. "'")
  end)
end)
