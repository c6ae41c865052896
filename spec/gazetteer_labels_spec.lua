-- glean.gazetteer: the aliases C parsed, as gz:aliases() gives them, and the
-- entity labels made from them (gazetteer.labels), for loaded, built and
-- compiled gazetteers alike.
local glean = require "glean"
local gazetteer = glean.gazetteer
local H = glean_spec

local TSV = table.concat({
  "id\ttype\talias\tflags\tlang\tlabel",
  "place:city:Europe/Moscow\tplace\tMoskau\t\tde\t",
  "place:city:Europe/Moscow\tplace\tMoscow\t\ten\t",
  "place:city:Europe/Moscow\tplace\tМосква\t\tru\t",
  "org:UN\torg\tUN\tcase\ten\t",
  "org:UN\torg\tUnited Nations Organization\t\ten\t",
  "org:UN\torg\tUnited Nations\t\ten\t",
  "org:UN\torg\tONU\tcase\tfr,es\t",
  "org:NATO\torg\tNATO\tcase\ten\t",
  "org:NATO\torg\tOTAN\tcase\tfr\t",
  "place:country:DE\tplace\tDeutschland\t\tde\t",
  "place:country:DE\tplace\tAllemagne\t\tfr\t",
  "org:WHO\torg\tWorld Health Organization\t\ten\t",
  "org:WHO\torg\tWHO\tcase\ten\tWorld Health Organization (WHO)",
  "org:WHO\torg\tOMS\tcase\tfr,es\t",
}, "\n") .. "\n"

local WANT = {
  ["place:city:Europe/Moscow"] = "Moscow",         -- the id's last field, a name
  ["org:UN"] = "United Nations",                   -- the shortest English non-acronym
  ["org:NATO"] = "NATO",                           -- English, but only an acronym
  ["place:country:DE"] = "Allemagne",              -- no English alias: the first in byte order
  ["org:WHO"] = "World Health Organization (WHO)", -- the label column wins
}

describe("glean.gazetteer aliases and labels", function()
  local path
  setup(function() path = H.tmpfile(TSV) end)

  it("gives every alias with id, type, flags and attributes", function()
    local gz = assert(gazetteer.load(path))
    local list = gz:aliases()
    assert.are.equal(14, #list)
    local un
    for _, r in ipairs(list) do if r.alias == "UN" then un = r end end
    assert.same({ alias = "UN", id = "org:UN", type = "org", flags = "case",
                  attrs = { lang = "en" } }, un)   -- empty fields are no attributes
    local g = gazetteer.new({ { id = "x", type = "misc", alias = "X y", flags = { "prefix", "case" }, n = 1 } })
    assert.same({ { alias = "X y", id = "x", type = "misc", flags = "case,prefix", attrs = { n = "1" } } },
                g:aliases())
  end)

  it("labels each entity by the label column, the id's name, English, then the first alias", function()
    assert.same(WANT, gazetteer.labels(assert(gazetteer.load(path))))
  end)

  it("gives a compiled file the labels of its source", function()
    local glz = os.tmpname()
    assert.is_true(assert(gazetteer.load(path)):save(glz))
    local g2 = assert(gazetteer.load(glz))
    os.remove(glz)
    assert.same(WANT, gazetteer.labels(g2))
  end)

  it("does not depend on the order of the rows", function()
    local lines = {}
    for l in TSV:gmatch("[^\n]+") do lines[#lines + 1] = l end
    local rev = { lines[1] }
    for i = #lines, 2, -1 do rev[#rev + 1] = lines[i] end
    local p2 = H.tmpfile(table.concat(rev, "\n") .. "\n")
    assert.same(WANT, gazetteer.labels(assert(gazetteer.load(p2))))
  end)

  it("are the labels of the analyzer's mentions, for a compiled gazetteer too", function()
    local glz = os.tmpname()
    assert.is_true(assert(gazetteer.load(path)):save(glz))
    local an = assert(require("glean.analyze").new({ gazetteer = glz, rules = false }))
    os.remove(glz)
    local rec = an:document({ id = "d", text = "Die ONU tagt in Moskau." })
    assert.are.equal(2, #rec.mentions)
    assert.are.equal("United Nations", rec.mentions[1].label)
    assert.are.equal("Moscow", rec.mentions[2].label)
  end)
end)
