-- The binding's per-state objects (lgaux.c lg_stateobject): the language
-- models, the transliterator cache and the spoof checker live in the
-- registry under keys of their own, so registry[type name] stays their
-- metatable (luaL_checkudata works in their __gc) and each state opens one.
local core = require "glean.core"

describe("glean.core per-state objects", function()
  it("keep their metatables under their type names", function()
    assert(core.language("The council approved the plan for the new bridge."))
    assert.are.equal("Privet", core.transliterate("Привет", "Any-Latin; Latin-ASCII"))
    assert.is_true(core.confusable("paypal", "pаypal"))
    local reg = debug.getregistry()
    for _, tname in ipairs { "glean.LangId", "glean.TranslitCache", "glean.SpoofChecker" } do
      local mt = reg[tname]
      assert.are.equal("table", type(mt), tname)
      assert.are.equal(tname, mt.__name)
      assert.are.equal("function", type(mt.__gc), tname)
    end
  end)

  it("are opened once per state", function()
    local function objects()
      local n = 0
      for k, v in pairs(debug.getregistry()) do
        if type(k) == "userdata" and type(v) == "userdata" then
          local mt = getmetatable(v)
          if mt and (mt.__name == "glean.LangId" or mt.__name == "glean.TranslitCache"
                     or mt.__name == "glean.SpoofChecker") then n = n + 1 end
        end
      end
      return n
    end
    core.language("Ein zweiter Satz, der nichts Neues öffnen soll.")
    core.transliterate("Ελλάδα", "Any-Latin")
    core.skeleton("glean")
    assert.are.equal(3, objects())
  end)
end)
