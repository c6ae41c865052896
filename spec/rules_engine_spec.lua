-- glean.rules and `glean rules`: loading, errors, overlaps, --test, --list,
-- and the analyst workflow (edit a pack, rerun, no rebuild).
local rules = require "glean.rules"
local H = glean_spec

local function run(args)
  local cmd = string.format("cd %q && GLEAN_BUILD_DIR=%q lua5.4 bin/glean rules %s 2>&1; echo \"exit=$?\"",
    H.home, H.build:match("([^/]+)$"), args)
  local p = io.popen(cmd)
  local out = p:read("a")
  p:close()
  return out, tonumber(out:match("exit=(%d+)%s*$"))
end

local function tmpdir()
  local d = os.tmpname()
  os.remove(d)
  assert(os.execute("mkdir -p " .. d))
  return d
end

local function write(path, s)
  local f = assert(io.open(path, "wb"))
  f:write(s)
  f:close()
end

describe("glean rules --test", function()
  it("passes every example of every default rule", function()
    local out, status = run("--test")
    local passed, failed = out:match("(%d+) passed, (%d+) failed")
    assert.equal("0", failed, out)
    assert.is_true(tonumber(passed) >= 20, out)
    assert.equal(0, status, out)
  end)

  it("fails, naming the rule and file:line, when an example is wrong", function()
    local d = tmpdir()
    write(d .. "/x.lua", 'return {\n  rule "two" {\n    pattern = lpeg.C(lpeg.R("09")^1),\n'
      .. '    examples = { ["12"] = "13" },\n  },\n}\n')
    local out, status = run("--test --rules " .. d)
    assert.equal(1, status)
    assert.matches("FAIL  two %(" .. d:gsub("%p", "%%%0") .. "/x.lua:2%)", out)
    assert.matches('"12": value "12", expected "13"', out, 1, true)
    assert.matches("0 passed, 1 failed", out, 1, true)
  end)
end)

describe("loading errors", function()
  it("name file:line and the rule; --keep-going loads the others", function()
    local d = tmpdir()
    write(d .. "/bad.lua", table.concat({
      "return {",
      '  rule "ok" { pattern = lpeg.P("abc"), examples = { abc = "abc" } },',
      '  rule "notpattern" { pattern = 42 },',
      '  rule "badre" { pattern = "[a-" },',
      '  rule "throws" { pattern = lpeg.P("x"), value = function() error("boom") end, examples = { x = 1 } },',
      "}", "" }, "\n"))
    local engine, errs = rules.load(d)
    assert.is_nil(engine)
    assert.equal(3, #errs)
    assert.equal(d .. "/bad.lua:3: rule 'notpattern': pattern is not an LPeg pattern or re string (got number)",
      errs[1])
    assert.matches("^" .. d:gsub("%p", "%%%0") .. "/bad.lua:4: rule 'badre': bad re pattern", errs[2])
    assert.matches("/bad.lua:5: rule 'throws': value failed on example 'x': .*boom", errs[3])
    engine, errs = rules.load(d, { keep_going = true })
    assert.equal(1, #engine.list)
    assert.equal(3, #errs)
    local _, status = run("--rules " .. d .. " --list")
    assert.equal(1, status)
    local out
    out, status = run("--keep-going --rules " .. d .. " --list")
    assert.equal(1, status)  -- loaded, but the errors still show
    assert.matches("ok\t" .. d:gsub("%p", "%%%0") .. "/bad.lua:2", out)
  end)

  it("reports syntax errors with file and line", function()
    local _, errs = rules.compile("return {\n rule 'x' {\n", "@r/x.lua")
    assert.matches("^r/x.lua:3:", errs[1])
  end)
end)

describe("scan", function()
  it("resolves overlaps by longest span, then pack order", function()
    local pack = assert(rules.compile([[
      return {
        rule "short" { pattern = lpeg.P("ab"), examples = { ab = "ab" } },
        rule "long" { pattern = lpeg.P("abc"), examples = { abc = "abc" } },
        rule "same" { pattern = lpeg.P("ab"), examples = { ab = "ab" } },
      }]], "@t.lua"))
    local anns = rules.new({ pack }):scan("xx abc ab")
    assert.same({ { 4, 6, "long" }, { 8, 9, "short" } },
      { { anns[1].start, anns[1].stop, anns[1].rule }, { anns[2].start, anns[2].stop, anns[2].rule } })
  end)

  it("gives original byte offsets over multi-byte text", function()
    local engine = assert(rules.load(H.home .. "/rules"))
    local text = "रिपोर्ट: १५ से १८ मई, २०२५ को"
    local a = engine:scan(text)[1]
    assert.equal("१५ से १८ मई, २०२५", text:sub(a.start, a.stop))
    assert.same({ from = "2025-05-15", to = "2025-05-18" }, a.value)
  end)
end)

describe("analyst workflow", function()
  it("picks up a rule added to a copied pack on the next run, without a rebuild", function()
    local d = tmpdir()
    assert(os.execute(string.format("cp %q/rules/web.lua %q/", H.home, d)))
    local input = d .. "/in.txt"
    write(input, "Ticket ABC-1234 at www.example.org\n")
    local out = run("--rules " .. d .. " --format tsv " .. input)
    assert.not_matches("ticket", out)
    local src = H.read(d .. "/web.lua")
    src = src:gsub("\nreturn {\n", '\nreturn {\n  rule "ticket" {\n    kind = "ticket",\n'
      .. '    pattern = lpeg.C(lpeg.R("AZ")^3 * "-" * V.int(1, 6)),\n'
      .. '    value = function(_, n) return n end,\n    examples = { ["ABC-1234"] = 1234 },\n  },\n', 1)
    write(d .. "/web.lua", src)
    out = run("--rules " .. d .. " --format tsv " .. input)
    assert.matches(input .. "\t8\t15\tticket\tticket\tABC%-1234\t1234", out)
    assert.matches("\turl\turl\twww.example.org", out, 1, true)
    local tout, status = run("--test --rules " .. d)
    assert.equal(0, status, tout)
  end)
end)

describe("rules with `within`", function()
  local src = [[
return {
  rule "pic" {
    pattern = lpeg.C((lpeg.R("az", "AZ", "09") + lpeg.S("_-")) ^ 1 * ".jpg") * V.nw,
    within = "%.jpg",
    examples = { ["IMG_1.jpg"] = "IMG_1.jpg" },
  },
}
]]
  it("are tried only on lines holding the pattern, with the same results as trying them everywhere", function()
    local e = assert(rules.compile(src, "@pic.lua"))
    local engine = rules.new({ e })
    local text = "a.jpg b\n  x_y.jpg.\r\nno pictures. here\n\tlast-1.jpg\n.jpg z.jpgx w.jpg"
    local got = engine:scan(text)
    local all = engine:scan(text, { prefilter = false })
    assert.same(all, got)
    local surfaces = {}
    for _, a in ipairs(got) do
      surfaces[#surfaces + 1] = a.surface
      assert.equal(a.surface, text:sub(a.start, a.stop))
    end
    assert.same({ "a.jpg", "x_y.jpg", "last-1.jpg", "w.jpg" }, surfaces)
  end)

  it("must hold their pattern in every example, or the rule does not load", function()
    local bad = src:gsub('%["IMG_1.jpg"%] = "IMG_1.jpg"', '["IMG_1.jpg"] = true, ["IMG_2.jpg"] = true')
      :gsub('"%%.jpg"', '"%%.png"')
    local pack, errs = rules.compile(bad, "@pic.lua")
    assert.is_nil(pack)
    assert.matches("pic.lua:2: rule 'pic': example 'IMG_%d.jpg' is not one line holding a match of within", errs[1])
  end)
end)

describe("V.wordchar", function()
  it("agrees with the core's word-character predicate (byte table below U+1000, calls above)", function()
    local lpeg, core = require "lpeg", require "glean.core"
    for c = 0x80, 0x2FFF do
      local ch = utf8.char(c)
      for _, s in ipairs({ ch, ch .. "a", ch:sub(1, -2) .. "a" }) do
        local w, e = core.is_word_char(s, 1)
        local m = lpeg.match(require("glean.rules_pattern").real(rules.vocab.wordchar), s)
        assert.equal(w and e or nil, m, string.format("U+%04X in %q", c, s))
      end
    end
  end)
end)
