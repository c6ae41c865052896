-- Runs every test of the official Mustache spec (v1 JSON files in
-- ../shared/mustache-spec) through glean.template, one `it` per test.
-- The optional ~lambdas file is not shipped there; spec/template_spec.lua
-- covers lambdas.
local template = require "glean.template"
local cjson = require "cjson"
local helper = glean_spec

local FILES = { "comments", "delimiters", "interpolation", "inverted", "partials", "sections" }

-- Test counts of the pinned spec files: a file that silently lost its tests
-- fails here instead of passing with nothing run.
local EXPECTED = { comments = 12, delimiters = 14, interpolation = 42, inverted = 22,
                   partials = 12, sections = 34 }

describe("the Mustache spec", function()
  if not helper.shared then
    pending("SKIPPED: ../shared not found (GLEAN_SHARED unset), so the Mustache spec files were not run")
    return
  end

  local total = 0
  for _, file in ipairs(FILES) do
    local doc = cjson.decode(helper.read(helper.shared .. "/mustache-spec/" .. file .. ".json"))
    local tests = doc.tests
    total = total + #tests

    describe(file .. ".json", function()
      it("holds the pinned number of tests (" .. EXPECTED[file] .. ")", function()
        assert.are.equal(EXPECTED[file], #tests)
      end)

      for _, case in ipairs(tests) do
        it(case.name .. ": " .. case.desc, function()
          local out, err = template.render(case.template, case.data, case.partials)
          assert.is_nil(err)
          assert.are.equal(case.expected, out)
        end)
      end
    end)
  end

  it("ran all 136 tests of the six files", function()
    assert.are.equal(136, total)
  end)
end)
