-- data/orgs-nsi.tsv (tools/mkorgs.lua, `make orgs`): organisations from the
-- name-suggestion-index, merged into the default gazetteer; its format, its
-- filters, and what the analyzer finds with it (sentences written for this
-- test).
local H = glean_spec or require "spec.helper"
local analyze = require "glean.analyze"

local rows, by_alias = {}, {}
for line in H.read(H.home .. "/data/orgs-nsi.tsv"):gmatch("[^\n]+") do
  if line:sub(1, 1) ~= "#" and not line:find("^id\t") then
    local f = {}
    for x in (line .. "\t"):gmatch("(.-)\t") do f[#f + 1] = x end
    rows[#rows + 1] = f
    by_alias[f[3]] = f
  end
end

local an
local function orgs(text)
  an = an or assert(analyze.new { gazetteer = H.home .. "/data/gazetteer.tsv", rules = false })
  local got = {}
  for _, m in ipairs(an:document({ id = "t", text = text }).mentions) do
    if m.type == "org" then got[#got + 1] = m.surface .. " " .. (m.id or "") end
  end
  return got
end

describe("data/orgs-nsi.tsv", function()
  it("holds Wikidata-linked organisations, cased names with case", function()
    assert.is_true(#rows > 5000)
    for _, f in ipairs(rows) do
      assert.equal(6, #f)
      assert.truthy(f[1]:find("^org:wd:Q%d+$"), f[1])
      assert.equal("org", f[2])
      assert.truthy(f[5] ~= "", f[3])
      if f[3]:find("^[%w%p ]+$") then assert.equal("case", f[4], f[3]) end
    end
  end)

  it("leaves out dictionary words, given names, short codes and names the curated files have", function()
    for _, a in ipairs({ "Real", "Spar", "Target", "Coop", "Farmers", "Penny", "CHR", "Shell", "全家" }) do
      assert.is_nil(by_alias[a], a)
    end
    -- a name of several entries goes to the oldest item: Lidl, not Lidl Hrvatska
    assert.equal("org:wd:Q151954", by_alias.Lidl[1])
  end)

  it("makes a bank, a telecom and a police force organisations in running text", function()
    assert.same({ "Arma dei Carabinieri org:armed:Carabinieri", "Türkiye Finans org:wd:Q6073140" },
      orgs("La Arma dei Carabinieri e la banca Türkiye Finans hanno firmato un accordo ieri."))
    assert.same({ "Polkomtel Sp.z o.o org:wd:Q11821892" },
      orgs("Umowę podpisała wczoraj spółka Polkomtel Sp.z o.o w Warszawie."))
  end)

  it("finds nothing in a sentence of ordinary words that brands are named after", function()
    assert.same({}, orgs("We bought real food at the target price, said the farmers of the coop."))
  end)
end)
