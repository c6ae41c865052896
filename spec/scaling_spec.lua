-- Linear work in a document's length (issue 18 item 1): ten times the text,
-- mentions and annotations cost about ten times the CPU time, not a hundred.
-- A ratio with a wide bound (a quadratic stage gives ~100, linear ~10), the
-- best of three runs each, so a loaded machine does not make it flaky.  The
-- figures per MB and per mention are `make bench-scaling`'s.
local analyze = require "glean.analyze"
local aggregate = require "glean.aggregate"
local glean = require "glean"

-- a document of n sentences: one mention, one date annotation per sentence,
-- a boilerplate annotation over every other sentence; the rules engine is a
-- stand-in returning those annotations, so the stages after it (boilerplate,
-- dates, candidates) get many mentions and annotations at no rule cost
local UNIT = "Berlin met Paris on 3 May 2024. "

local function doc_and_analyzer(n)
  local text = UNIT:rep(n)
  local anns = {}
  for i = 0, n - 1 do
    local base = i * #UNIT
    anns[#anns + 1] = { start = base + 19, stop = base + 28, rule = "date", kind = "date",
                        surface = "3 May 2024", value = "2024-05-03" }
    if i % 2 == 0 then
      anns[#anns + 1] = { start = base + 1, stop = base + 6, rule = "byline", kind = "boilerplate",
                          surface = "Berlin", value = true }
    end
  end
  local an = assert(analyze.new({
    gazetteer = glean.gazetteer.new({
      { id = "place:Berlin", type = "place", alias = "Berlin" },
      { id = "place:Paris", type = "place", alias = "Paris" },
    }),
    rules = false,
  }))
  an.rules = { scan = function() return anns end }
  return an, { id = "big", text = text }
end

local function cpu(n)
  local an, doc = doc_and_analyzer(n)
  local best = math.huge
  for _ = 1, 3 do
    collectgarbage("collect")
    local t = os.clock()
    local rec = an:document(doc)
    aggregate.new():add(rec)
    best = math.min(best, os.clock() - t)
    assert.equal("ok", rec.status)
    assert.equal(2 * n, #rec.mentions)
    assert.equal(n // 2 + n % 2, (function()
      local b = 0
      for _, m in ipairs(rec.mentions) do if m.boilerplate then b = b + 1 end end
      return b
    end)())
    assert.equal("2024-05-03", rec.mentions[#rec.mentions].date)
  end
  return best
end

describe("analysis scales linearly", function()
  it("10x the sentences, mentions and annotations costs well under 30x the time", function()
    local small, large = cpu(2000), cpu(20000)
    local ratio = large / math.max(small, 1e-3)
    assert.is_true(ratio < 30, string.format("2000 sentences %.3fs, 20000 sentences %.3fs: ratio %.1f",
                                             small, large, ratio))
  end)

  it("pairs at most MAX_PAIR_IDS entities of a document in the co-occurrence counts", function()
    local agg = aggregate.new()
    local mentions = {}
    for i = 1, 1000 do
      mentions[i] = { id = string.format("place:%04d", i), type = "place", label = "x", surface = "x",
                      start = i, stop = i }
    end
    mentions[#mentions + 1] = { id = "place:0500", type = "place", label = "x", surface = "x",
                                start = 1001, stop = 1001 }
    agg:add({ id = "d", status = "ok", mentions = mentions })
    local n = 0
    for _ in pairs(agg.co_document) do n = n + 1 end
    local k = aggregate.MAX_PAIR_IDS
    assert.equal(k * (k - 1) // 2, n)
    -- the entity mentioned twice is among those kept
    assert.equal(1, agg.co_document["place:0001\tplace:0500"])
  end)
end)

-- The entities stage (glean.entities.recognise) on its own: a unit of news
-- in several scripts with titles, organisations, quotes never closed, an
-- acronym, Han organisations, capitalised runs holding a known name, many
-- organisations.
-- pick() and propagation tested each mention against every one kept, a
-- full name was looked for over every sub-run of a capitalised run (cubic),
-- each organisation's name over the whole text: 200 KB of such text took
-- 12 s instead of 0.3.
describe("the entities stage scales linearly", function()
  local entities = require "glean.entities"
  local kb = assert(entities.load())
  local UNITS = {
    'Minister Angela Merkel said on Monday that Acme Ltd and Bank of America Corp. signed. ',
    'Zorbex Trading Ltd (ZTL) said "Foo and « Ромашка and Министерство финансов. ',
    '外交部发言人王建华表示，中共青山市委。 قال الرئيس محمد بن سلمان ',
    'Angela Merkel Beta Gamma Angela Merkel Delta Merkel Epsilon. ',
  }
  local NEWS = table.concat(UNITS)

  local function cpu_entities(n)
    -- and one capitalised run growing with the text, and as many
    -- organisations of their own (each looked for again over the text)
    local orgs = {}
    for i = 1, 4 * n do
      orgs[i] = "Zorbex Q" .. (string.format("%05d", i):gsub("%d", function(d) return string.char(97 + d) end))
        .. " Ltd said. "
    end
    local text = NEWS:rep(n) .. "Minister Angela Merkel" .. (" Angela Merkel Beta"):rep(n // 3) .. ". "
      .. table.concat(orgs)
    local best, found = math.huge, nil
    for _ = 1, 3 do
      collectgarbage("collect")
      local t = os.clock()
      found = entities.recognise(kb, text, { lang = "en" })
      best = math.min(best, os.clock() - t)
    end
    return best, found, text
  end

  it("10x the text costs well under 20x the time, and every mention is exact, sorted, apart", function()
    local small = cpu_entities(150)
    local large, found, text = cpu_entities(1500)
    local ratio = large / math.max(small, 1e-3)
    assert.is_true(ratio < 20, string.format("150 units %.3fs, 1500 units %.3fs: ratio %.1f",
                                             small, large, ratio))
    assert.is_true(#found > 1500 * 8, #found .. " mentions")
    local last = 0
    for _, m in ipairs(found) do
      assert.equal(m.surface, text:sub(m.start, m.stop))
      assert.is_true(m.start > last)
      last = m.stop
    end
  end)
end)
