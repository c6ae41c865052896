-- Rule packs build glean patterns (glean.rules_pattern), so user code that
-- uses LPeg in the same process never sees a change: LPeg's metatable,
-- shared by every LPeg pattern, is the same table with the same fields
-- before, while and after packs compile, whether they load or fail.
local lpeg = require "lpeg"
local re = require "re"
local rules = require "glean.rules"
local pattern = require "glean.rules_pattern"
local sandbox = require "glean.sandbox"
local cache = require "glean.cache"
local core = require "glean.core"

local mt = getmetatable(lpeg.P(1))
local function snapshot()
  local s, methods = {}, {}
  for k, v in pairs(mt) do s[k] = v end
  for k, v in pairs(mt.__index) do methods[k] = v end
  return { fields = s, methods = methods }
end
local before = snapshot()

-- LPeg's metatable holds exactly the fields it held before any pack
-- compiled, and plain LPeg patterns built now are LPeg's
local function untouched()
  assert.equal(mt, getmetatable(lpeg.P(1)))
  assert.same(before, snapshot())
  for k, v in pairs(before.fields) do assert.is_true(rawequal(v, mt[k]), k) end
  for k, v in pairs(before.methods) do assert.is_true(rawequal(v, mt.__index[k]), k) end
  local user = (lpeg.P"ab" * lpeg.S"xy" ^ 1 + lpeg.R"09") / 0 - "abz"
  assert.equal("pattern", lpeg.type(user))
  assert.equal(mt, getmetatable(user))
  assert.equal(5, lpeg.match(user, "abxy"))
  assert.equal(mt, getmetatable(re.compile("[a-z]+ '-' %d")))
  assert.equal(5, re.match("ab-1", "[a-z]+ '-' %d"))
end

-- a spy where packs reach glean's calendar: it runs while a pack loads
-- (its top-level code, or a value function run on its examples)
local calls
local function spy_calendar()
  local real = core.calendar.to_gregorian
  calls = 0
  core.calendar.to_gregorian = function(...)
    calls = calls + 1
    untouched()
    return real(...)
  end
  return function() core.calendar.to_gregorian = real end
end

describe("rule packs and the LPeg of user code", function()
  local restore_calendar
  local saved_instructions
  before_each(function()
    restore_calendar = spy_calendar()
    saved_instructions = sandbox.LOAD_INSTRUCTIONS
    -- no derivation cache: a pack it vouches for skips its examples, and the
    -- value's call on its example is what the first case counts
    cache.set_dir(false)
  end)
  after_each(function()
    restore_calendar()
    sandbox.LOAD_INSTRUCTIONS = saved_instructions
    cache.set_dir(nil)
  end)

  it("leaves LPeg's metatable as it is while packs compile and after", function()
    untouched()
    local pack = assert(rules.compile([[
      local y = glean.calendar.to_gregorian("persian", 1403, 1, 1)
      local p = lpeg.P"Q" * V.D ^ 1 * -V.wordchar + lpeg.C(lpeg.S"xy" ^ 2) / 1
      return {
        rule "q" { pattern = p, examples = { Q1 = true } },
        rule "r" { pattern = "'R' %D+", examples = { R12 = y } ,
                   value = function() return glean.calendar.to_gregorian("persian", 1403, 1, 1) end },
      }
    ]], "@iso.lua"))
    assert.equal(2, calls)   -- at the top level, and the value run on its example
    untouched()
    -- the compiled rules hold LPeg's own patterns
    for _, r in ipairs(pack.rules) do
      assert.equal(mt, getmetatable(r.pattern))
      assert.is_false(pattern.is(r.pattern))
    end
    for i, leads in ipairs({ "Qxy", "R" }) do   -- derived from the recipes
      local seen = {}
      for _, w in ipairs(pack.rules[i].prefixes) do seen[w:sub(1, 1)] = true end
      local list = {}
      for c in pairs(seen) do list[#list + 1] = c end
      table.sort(list)
      assert.equal(leads, table.concat(list))
    end
    assert.is_true(rules.new({ pack }):test()[2].passed)
    -- the default packs and a whole scan
    local engine = assert(rules.load(glean_spec.home .. "/rules"))
    assert.is_true(#engine:scan("am 3. Dezember 2024 um 14:30 Uhr, 1.250 Euro") >= 2)
    untouched()
  end)

  it("leaves it as it is when a pack fails, and names the pack's line", function()
    local cases = {
      -- raised by the pack after building patterns (and while the spy looks)
      { "local p = lpeg.P'a' * 'b' + V.D\nglean.calendar.to_gregorian('persian', 1403, 1, 1)\nerror('boom')\n",
        "^bad%.lua:3: boom" },
      -- raised inside an operator and inside a constructor
      { "local p = lpeg.P'a'\nlocal q = p ^ {}\nreturn {}\n", "^bad%.lua:2: " },
      { "local p = lpeg.R('abc')\nreturn {}\n", "^bad%.lua:1: " },
      -- a bad re string, a pattern that is none
      { "return { rule 'x' { pattern = \"'a' (\" } }\n", "^bad%.lua:1: rule 'x': bad re pattern" },
      { "return { rule 'x' { pattern = {} } }\n", "^bad%.lua:1: rule 'x': pattern is not" },
      -- a glean pattern is a value: no pack can change V's patterns for the others
      { "V.D.x = 1\nreturn {}\n", "^bad%.lua:1: attempt to change field 'x' of a pattern" },
    }
    for _, case in ipairs(cases) do
      local pack, errs = rules.compile(case[1], "@bad.lua")
      assert.is_nil(pack)
      assert.matches(case[2], errs[1])
      untouched()
    end
    assert.equal(1, calls)
    -- past the load budget in the middle of building patterns
    sandbox.LOAD_INSTRUCTIONS = 2e5
    local pack, errs = rules.compile("local p = lpeg.P'a'\nwhile true do\n  p = (lpeg.P'x' * 'y' + p) / 0 - 'z'\nend\n",
      "@slow.lua")
    assert.is_nil(pack)
    assert.matches("^slow%.lua:%d: rule exceeded its time budget", errs[1])
    untouched()
  end)
end)
