-- Transforms (csrc/translit.c over ICU utrans) and UTS #39 confusable
-- skeletons (uspoof).
local glean = require "glean"

local function err_of(name, ...) return glean_spec.err_of(glean, name, ...) end

describe("glean.transliterate", function()
  local cases = {
    { "Москва", "Any-Latin; Latin-ASCII", "Moskva" },
    { "नई दिल्ली", "Any-Latin; Latin-ASCII", "na'i dilli" },
    { "नई दिल्ली", "Devanagari-Latin", "na'ī dillī" },
    { "北京", "Any-Latin; Latin-ASCII", "bei jing" },
    { "Hà Nội", "Latin-ASCII", "Ha Noi" },
    { "Straße", "Latin-ASCII", "Strasse" },
    { "München", "Any-Latin; Latin-ASCII", "Munchen" },
    { "Αθήνα", "Greek-Latin", "Athḗna" },
    { "ひらがな", "Hiragana-Katakana", "ヒラガナ" },
    { "ＡＢＣ", "Fullwidth-Halfwidth", "ABC" },
    { "hello world", "Any-Title", "Hello World" },
    { "", "Any-Latin", "" },
  }
  for _, c in ipairs(cases) do
    it(("turns %q into %q with %q"):format(c[1], c[3], c[2]), function()
      assert.are.equal(c[3], glean.transliterate(c[1], c[2]))
    end)
  end

  it("writes Arabic and Persian letters in Latin with Arabic-Latin", function()
    local r = glean.transliterate("بغداد", "Arabic-Latin")
    assert.are.equal("bgẖdạd", r)
    local fa = glean.transliterate("دیروز", "Any-Latin; Latin-ASCII")
    assert.are.equal("dyrwz", fa)
  end)

  it("applies a transform in reverse with {reverse = true}", function()
    assert.are.equal("Москва", glean.transliterate("Moskva", "Cyrillic-Latin", { reverse = true }))
    assert.are.equal("Moskva", glean.transliterate("Москва", "Cyrillic-Latin", { reverse = false }))
  end)

  it("grows its buffer when the output is much longer than the input", function()
    local r = glean.transliterate(("北京"):rep(500), "Any-Latin; Latin-ASCII")
    local _, count = r:gsub("bei jing", "")
    assert.are.equal(500, count)
    assert.is_truthy(r:match("^[a-z ]+$"))
  end)

  it("gives the same results when more transforms are used than the cache holds", function()
    local ids = {
      { "Any-Upper", "abc", "ABC" }, { "Any-Lower", "ABC", "abc" }, { "Any-Hex", "A", "\\u0041" },
      { "Hex-Any", "\\u0041", "A" }, { "Latin-ASCII", "é", "e" }, { "Cyrillic-Latin", "да", "da" },
      { "Greek-Latin", "α", "a" }, { "Hiragana-Katakana", "あ", "ア" }, { "Katakana-Hiragana", "ア", "あ" },
      { "Fullwidth-Halfwidth", "Ａ", "A" }, { "Halfwidth-Fullwidth", "A", "Ａ" }, { "Any-Title", "ab", "Ab" },
      { "NFD; [:Nonspacing Mark:] Remove; NFC", "é", "e" }, { "Latin-Cyrillic", "da", "да" },
      { "Any-Latin; Latin-ASCII", "Київ", "Kiiv" }, { "Han-Latin; Latin-ASCII", "北", "bei" },
      { "Latin-Greek", "ka", "κα" }, { "Any-Null", "x", "x" }, { "Any-Remove", "x", "" },
      { "Devanagari-Latin", "क", "ka" },
    }
    assert.is_true(#ids > 16)
    for _ = 1, 3 do
      for _, c in ipairs(ids) do
        assert.are.equal(c[3], glean.transliterate(c[2], c[1]), c[1])
      end
    end
  end)

  it("names an unknown transform, with the ICU code", function()
    assert.are.equal("bad argument #2 to 'transliterate' (unknown transform 'X' (U_INVALID_ID))",
      err_of("transliterate", "abc", "X"))
    assert.are.equal("bad argument #2 to 'transliterate' (unknown transform 'Foo-Bar' (U_INVALID_ID))",
      err_of("transliterate", "abc", "Foo-Bar"))
    assert.are.equal("bad argument #2 to 'transliterate' (unknown transform '' (U_INVALID_ID))",
      err_of("transliterate", "abc", ""))
  end)

  it("states the limit on transform ids", function()
    assert.are.equal("bad argument #2 to 'transliterate' (transform id too long (limit is 256 bytes))",
      err_of("transliterate", "abc", ("a"):rep(257)))
  end)

  it("rejects invalid UTF-8 with the byte offset", function()
    assert.are.equal("bad argument #1 to 'transliterate' (invalid UTF-8 at byte 4)",
      err_of("transliterate", "abc\255", "Any-Latin"))
    assert.are.equal("bad argument #1 to 'transliterate' (invalid UTF-8 at byte 1)",
      err_of("transliterate", "\192\128", "Any-Latin"))
  end)

  it("checks argument types", function()
    assert.are.equal("bad argument #1 to 'transliterate' (string expected, got nil)",
      err_of("transliterate", nil, "Any-Latin"))
    assert.are.equal("bad argument #2 to 'transliterate' (string expected, got no value)",
      err_of("transliterate", "abc"))
    assert.are.equal("bad argument #3 to 'transliterate' (table expected, got string)",
      err_of("transliterate", "abc", "Any-Latin", "reverse"))
  end)
end)

describe("glean.skeleton and glean.confusable", function()
  it("maps Cyrillic look-alikes to the Latin skeleton (UTS #39)", function()
    assert.are.equal(glean.skeleton("paypal"), glean.skeleton("раураl"))
    assert.are.equal("paypal", glean.skeleton("раураl"))
    assert.are_not.equal("раураl", "paypal")
  end)

  it("tells confusable strings from different ones", function()
    assert.is_true(glean.confusable("раураl", "paypal"))
    assert.is_true(glean.confusable("paypal", "paypa1"))
    assert.is_false(glean.confusable("Moscow", "Moskva"))
    assert.is_false(glean.confusable("a", "b"))
    assert.is_true(glean.confusable("", ""))
  end)

  it("returns the empty skeleton for the empty string", function()
    assert.are.equal("", glean.skeleton(""))
  end)

  it("rejects invalid UTF-8 with the argument and byte offset", function()
    assert.are.equal("bad argument #1 to 'skeleton' (invalid UTF-8 at byte 2)", err_of("skeleton", "x\255"))
    assert.are.equal("bad argument #2 to 'confusable' (invalid UTF-8 at byte 1)",
      err_of("confusable", "x", "\192"))
    assert.are.equal("bad argument #1 to 'confusable' (invalid UTF-8 at byte 3)",
      err_of("confusable", "ab\237\160\128", "x"))
  end)

  it("checks argument types", function()
    assert.are.equal("bad argument #1 to 'skeleton' (string expected, got table)", err_of("skeleton", {}))
    assert.are.equal("bad argument #2 to 'confusable' (string expected, got no value)",
      err_of("confusable", "a"))
  end)
end)
