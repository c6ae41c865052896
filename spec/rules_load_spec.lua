-- A user's rule pack is tested as it loads: a rule whose examples fail is
-- a loading error at file:line, not a rule that silently finds nothing;
-- and a value function gets the matched text when the pattern captures
-- nothing.
local rules = require "glean.rules"
local H = glean_spec

local function pack(src)
  local d = H.tmpdir()
  H.write(d .. "/p.lua", src)
  return d, d .. "/p.lua"
end

describe("loading a user's rule pack", function()
  it("reports a rule whose value reads the wrong capture at load, with file:line", function()
    local d, f = pack(table.concat({
      "return {",
      '  rule "ok" { pattern = lpeg.C(lpeg.R("AZ")^3) * "-" * V.int(1, 6),',
      "    value = function(prefix, n) return prefix .. n end, examples = { [\"ABC-12\"] = \"ABC12\" } },",
      '  rule "wrong" { pattern = lpeg.R("AZ")^3 * "-" * V.int(1, 6),',
      "    value = function(_, n) return n end, examples = { [\"ABC-1234\"] = 1234 } },",
      "}", "" }, "\n"))
    local engine, errs = rules.load(d)
    assert.is_nil(engine)
    assert.same({ f .. ":4: rule 'wrong': example \"ABC-1234\": value nil, expected 1234" }, errs)
    -- --keep-going (analyze always) keeps the good rule
    engine, errs = rules.load(d, { keep_going = true })
    assert.equal(1, #errs)
    assert.equal(1, #engine.list)
    assert.equal("ok", engine.list[1].name)
    local a = engine:scan("see XYZ-77 now")[1]
    assert.equal("XYZ77", a.value)
  end)

  it("names an example the pattern does not match whole", function()
    local d, f = pack('return {\n  rule "t" { pattern = lpeg.P("ab"), examples = { abc = true } },\n}\n')
    local _, errs = rules.load(d)
    assert.same({ f .. ":2: rule 't': example \"abc\": matched only \"ab\"" }, errs)
  end)

  it("calls value with the matched text when the pattern captures nothing", function()
    local d = pack('return {\n  rule "ticket" { pattern = "[A-Z]^+3 \'-\' %D^+1",\n'
      .. '    value = function(s) return s:lower() end, examples = { ["ABC-1234"] = "abc-1234" } },\n}\n')
    local engine = assert(rules.load(d))
    assert.equal("xyz-9", engine:scan("id XYZ-9.")[1].value)
  end)

  it("leaves the check to glean rules --test, which reports every failing example itself", function()
    local d = pack('return {\n  rule "two" { pattern = lpeg.C(lpeg.R("09")^1), examples = { ["12"] = "13" } },\n}\n')
    assert.truthy(rules.load(d, { check_examples = false }))
    local out, code = H.sh("cd " .. H.home .. " && GLEAN_BUILD_DIR=" .. H.build
      .. " lua5.4 bin/glean rules --test --rules " .. d .. " 2>&1")
    assert.equal(1, code)
    assert.truthy(out:find('"12": value "12", expected "13"', 1, true), out)
  end)
end)
