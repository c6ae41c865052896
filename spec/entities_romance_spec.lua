-- glean.entities with the shipped cue and name lists of Spanish, Portuguese,
-- Italian and French: organisations' spans and what stands beside them.
-- Sentences written for this spec (no news, no dev-set text), each asserting
-- the exact surfaces, types and sources found.
if not glean_spec then require "spec.helper" end
local entities = require "glean.entities"

local found = glean_spec.found   -- { "TYPE surface SOURCE", ... } (spec/helper.lua)

describe("Romance-language organisations", function()
  local kb
  setup(function() kb = assert(entities.load()) end)

  it("a title after an organisation's head is a word of its name", function()
    -- institutions named after a person with their title or rank
    assert.same({ "org Hospital Reina Leonor cue:org_head" },
      found(kb, "es", "Ingresó en el Hospital Reina Leonor el lunes."))
    assert.same({ "org Museo Nacional Centro de Arte Reina Matilde cue:org_head" },
      found(kb, "es", "Lo expone el Museo Nacional Centro de Arte Reina Matilde desde mayo."))
    assert.same({ "org Escola Estadual Professor Júlio Prates cue:org_head" },
      found(kb, "pt", "Os alunos da Escola Estadual Professor Júlio Prates fizeram a prova."))
    -- without a head before it the title still opens a person
    assert.same({ "person Leonor cue:title" }, found(kb, "es", "Lo inauguró la reina Leonor ayer."))
  end)
end)
