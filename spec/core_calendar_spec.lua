-- glean.core calendar conversion, date symbols and Unicode classes (csrc/calendar.c)
local core = require "glean.core"

describe("calendar.to_gregorian", function()
  it("converts Solar Hijri, Hijri, Hebrew and Indian dates through ICU", function()
    assert.same({ 2024, 12, 4 }, { core.calendar.to_gregorian("persian", 1403, 9, 14) })
    assert.same({ 2024, 3, 20 }, { core.calendar.to_gregorian("persian", 1403, 1, 1) })
    assert.same({ 2024, 12, 2 }, { core.calendar.to_gregorian("hebrew", 5785, 3, 1) })
    assert.same({ 2024, 12, 4 }, { core.calendar.to_gregorian("indian", 1946, 9, 13) })
    local y, m = core.calendar.to_gregorian("islamic-civil", 1446, 6, 1)
    assert.same({ 2024, 12 }, { y, m })
  end)

  it("round-trips with from_gregorian", function()
    for _, cal in ipairs({ "persian", "islamic", "islamic-umalqura", "hebrew", "indian", "gregorian" }) do
      local y, m, d = core.calendar.from_gregorian(cal, 2025, 5, 15)
      assert.same({ 2025, 5, 15 }, { core.calendar.to_gregorian(cal, y, m, d) })
    end
  end)

  it("is proleptic Gregorian before 1582", function()
    assert.same({ 1500, 3, 1 }, { core.calendar.to_gregorian("gregorian", 1500, 3, 1) })
  end)

  it("names the bad argument", function()
    assert.has_error(function() core.calendar.to_gregorian("mayan", 1, 1, 1) end,
      "bad argument #1 to 'to_gregorian' (unknown calendar 'mayan')")
    assert.has_error(function() core.calendar.to_gregorian("persian", 1403, 13, 1) end,
      "bad argument #3 to 'to_gregorian' (month 13 out of range for calendar 'persian')")
    assert.has_error(function() core.calendar.to_gregorian("persian", 1403, 12, 31) end,
      "bad argument #4 to 'to_gregorian' (day 31 out of range for calendar 'persian')")
    assert.has_error(function() core.calendar.from_gregorian("hebrew", 2023, 2, 29) end,
      "bad argument #4 to 'from_gregorian' (day 29 out of range for calendar 'gregorian')")
  end)
end)

describe("date_symbols", function()
  it("gives genitive and standalone Russian month names", function()
    local s = core.date_symbols("ru")
    assert.equal("декабря", s.months[12])
    assert.equal("декабрь", s.standalone_months[12])
    assert.equal(7, #s.weekdays)
  end)

  it("gives Solar Hijri month names for fa@calendar=persian", function()
    local s = core.date_symbols("fa", "persian")
    assert.equal("آذر", s.months[9])
    assert.equal("fa@calendar=persian", s.locale)
  end)

  it("rejects unknown calendars", function()
    assert.has_error(function() core.date_symbols("fa", "mayan") end,
      "bad argument #2 to 'date_symbols' (unknown calendar 'mayan')")
  end)
end)

describe("decimal_digits", function()
  it("lists the zero of every gc=Nd set, from Unicode data", function()
    local z = core.decimal_digits()
    local set = {}
    for _, c in ipairs(z) do set[c] = true end
    assert.is_true(set[0x30] and set[0x660] and set[0x6F0] and set[0x966] and set[0xFF10])
    assert.is_true(#z >= 60)
  end)
end)

describe("word characters", function()
  it("keeps ZWNJ and marks inside words and stops at punctuation", function()
    assert.same({ true, 5 }, { core.is_word_char("a\u{200C}b", 2) })
    assert.same({ false, 3 }, { core.is_word_char("a b", 2) })
    assert.equal(9, core.word_end("سلام، دنیا", 1))
    assert.is_false(core.word_end("، x", 1))
    assert.is_true(core.word_boundary("ab cd", 3))
    assert.is_false(core.word_boundary("ab cd", 2))
    assert.has_error(function() core.is_word_char("ab", 4) end,
      "bad argument #2 to 'is_word_char' (position out of bounds)")
  end)
end)
