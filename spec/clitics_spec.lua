-- Arabic proclitics written onto a name (و ف ب ك ل, ال where an
-- organisation's alias lacks it, لل for ل + ال): the match starts after them and its span leaves
-- them out (docs/inflection.md, section 2).  Sentences written for this spec.
local glean = require "glean"

local gz = glean.gazetteer.new {
  { id = "BJS", type = "place", alias = "بكين", lang = "ar" },
  { id = "THR", type = "place", alias = "طهران", lang = "ar" },
  { id = "MOW", type = "place", alias = "موسكو", lang = "ar" },
  { id = "CAI", type = "place", alias = "القاهرة", lang = "ar" },
  { id = "UN", type = "org", alias = "الأمم المتحدة", lang = "ar" },
  { id = "AL", type = "org", alias = "جامعة الدول العربية", lang = "ar" },
  { id = "BRICS", type = "org", alias = "بريكس", lang = "ar" },
  { id = "WAS", type = "place", alias = "واشنطن", lang = "ar" },
  { id = "LON", type = "place", alias = "لندن", lang = "ar" },
}

-- "surface|clitic" per match: the surface and the bytes just before it
-- that belong to the same word (the proclitics left out of the span).
local function found(text, opts)
  local out = {}
  for _, m in ipairs(gz:find_all(text, opts)) do
    assert.are.equal(m.surface, text:sub(m.start, m.stop))
    local before = text:sub(1, m.start - 1):match("[\128-\255]*$")
    out[#out + 1] = m.surface .. "|" .. before
  end
  return out
end

describe("Arabic proclitics", function()
  it("leaves و ف ب ك ل and their combinations out of the span", function()
    assert.same({ "بكين|", "طهران|و", "موسكو|ب" }, found("زار الوفد بكين وطهران ثم التقى بموسكو"))
    assert.same({ "القاهرة|ف", "القاهرة|وب", "موسكو|ك" }, found("فالقاهرة وبالقاهرة كموسكو"))
    assert.same({ "جامعة الدول العربية|و" }, found("وجامعة الدول العربية"))
  end)

  it("takes لل as the preposition ل before the article, and ال off an alias that lacks it", function()
    assert.same({ "لأمم المتحدة|ل", "لأمم المتحدة|ول" }, found("رسالة للأمم المتحدة وللأمم المتحدة"))
    assert.same({ "بريكس|ال", "بريكس|وال" }, found("قمة البريكس والبريكس"))
  end)

  it("takes no article off a place's alias: a place name after ال is a common word", function()
    -- (ديربي Derby; الديربي 'the derby', an ordinary word of sports news)
    local g = glean.gazetteer.new { { id = "DBY", type = "place", alias = "ديربي", lang = "ar" },
                                    { id = "NATO", type = "org", alias = "ناتو", lang = "ar" } }
    local got = {}
    for _, m in ipairs(g:find_all("قمة الديربي وديربي والناتو", { lang = "ar" })) do got[#got + 1] = m.surface end
    assert.same({ "ديربي", "ناتو" }, got)
  end)

  it("prefers the word as written: names that start with a clitic letter stay whole", function()
    assert.same({ "واشنطن|", "لندن|و" }, found("واشنطن ولندن"))
  end)

  it("needs a whole word after the clitics and the ل before لأمم", function()
    assert.same({}, found("وبكينات لأمم المتحدة بطهرانية"))
  end)

  it("splits proclitics only in Arabic documents or when the language is unknown", function()
    assert.same({ "طهران|و" }, found("وطهران", { lang = "ar" }))
    assert.same({}, found("وطهران", { lang = "fa" }))
    assert.same({ "طهران|" }, found("طهران", { lang = "fa" }))
  end)

  it("does not count the لل twins as aliases", function()
    assert.are.equal(9, (gz:count()))
    assert.are.equal(9, #gz:aliases())
  end)
end)

describe("samples/ar", function()
  it("finds the names written with proclitics in the Arabic sample", function()
    local f = assert(io.open(glean_spec.home .. "/samples/2024-12-03-ar-summit.txt", "rb"))
    local text = f:read("a")
    f:close()
    local full = assert(glean.gazetteer.load(glean_spec.home .. "/data/gazetteer.tsv"))
    local got = {}
    for _, m in ipairs(full:find_all(text, { lang = "ar" })) do got[m.surface] = (got[m.surface] or 0) + 1 end
    for _, s in ipairs { "بكين", "طهران", "موسكو", "منظمة شنغهاي للتعاون" } do
      assert.is_truthy(got[s], s)
    end
  end)
end)

-- Hebrew prefixes written onto a name (ו ש כש ב ל כ מ, in that order):
-- the span leaves them out, as the Arabic proclitics'.  Sentences written
-- for this spec.
describe("Hebrew prefixes", function()
  local he = glean.gazetteer.new {
    { id = "JRS", type = "place", alias = "ירושלים", lang = "he" },
    { id = "LB", type = "place", alias = "לבנון", lang = "he" },
    { id = "IR", type = "place", alias = "איראן", lang = "he" },
    { id = "GZ", type = "place", alias = "עזה", lang = "he" },
    { id = "HG", type = "place", alias = "האג", lang = "he" },
    { id = "TA", type = "place", alias = "תל אביב", lang = "he" },
    { id = "TY", type = "place", alias = "צור", lang = "he" },
    { id = "AN", type = "place", alias = "אן", lang = "he" },
    { id = "BU", type = "place", alias = "בורסה", lang = "he" },
  }
  local function pre(text, start)   -- the Hebrew letters right before start
    return text:sub(1, start - 1):match("[\215\128-\191]*$")
  end

  it("leaves one prefix or a chain of them out of the span", function()
    local text = "השר ביקר בירושלים ובלבנון, ואחר כך טס מעזה לאיראן ומהאג לתל אביב"
    local got = {}
    for _, m in ipairs(he:find_all(text)) do got[#got + 1] = m.surface .. "|" .. pre(text, m.start) end
    assert.same({ "ירושלים|ב", "לבנון|וב", "עזה|מ", "איראן|ל", "האג|ומ", "תל אביב|ל" }, got)
  end)

  it("prefers the word as written: names that start with a prefix letter stay whole", function()
    local text = "לבנון והאג"
    local got = {}
    for _, m in ipairs(he:find_all(text)) do got[#got + 1] = m.surface .. "|" .. pre(text, m.start) end
    assert.same({ "לבנון|", "האג|ו" }, got)
  end)

  it("needs three letters of the name after the prefixes and a whole word", function()
    -- כאן 'here' is not כ + אן; a three-letter name is taken after a
    -- prefix (בצור 'in Tyre'), and so is מצור 'siege': the price of the rule
    assert.same({}, he:find_all("כאן"))
    assert.are.equal(1, #he:find_all("אן"))
    assert.are.equal(1, #he:find_all("בצור"))
    assert.same({}, he:find_all("בירושלימי לאיראנים"))
  end)

  it("takes no article ה for a prefix: a common noun with its article is no place", function()
    -- הבורסה 'the stock exchange' is not ה + בורסה (Bursa), nor בהבורסה
    assert.same({}, he:find_all("הבורסה נסגרה", { lang = "he" }))
    assert.same({}, he:find_all("מניות בהבורסה", { lang = "he" }))
    assert.are.equal(1, #he:find_all("טס לבורסה", { lang = "he" }))
  end)

  it("splits prefixes only in Hebrew documents or when the language is unknown", function()
    assert.are.equal(1, #he:find_all("בירושלים", { lang = "he" }))
    assert.are.equal(1, #he:find_all("בירושלים", { lang = "iw" }))
    assert.same({}, he:find_all("בירושלים", { lang = "yi" }))
    assert.are.equal(1, #he:find_all("ירושלים", { lang = "yi" }))
  end)
end)
