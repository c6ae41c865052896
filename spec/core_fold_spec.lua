-- Search folding and its offset map (csrc/fold.c).
local glean = require "glean"
local H = require "spec.helper"

local function fold(s, p) return (glean.fold(s, p)) end

local function same(a, b, p)
  assert.are.equal(fold(a, p), fold(b, p), ("%q and %q should fold alike"):format(a, b))
end

local function differ(a, b, p)
  assert.are_not.equal(fold(a, p), fold(b, p), ("%q and %q should stay apart"):format(a, b))
end

-- Checks the offset map's invariants on text: every folded byte maps inside
-- the source, spans are monotone, and each folded word maps back to source
-- bytes that fold to exactly that word.
local function check_map(text, p)
  local folded, map = glean.fold(text, p)
  local prev_s, prev_e = 0, 0
  for i = 1, #folded do
    local s, e = map:source(i)
    assert(s >= 1 and e <= #text and s <= e, ("byte %d maps outside: %d..%d"):format(i, s, e))
    assert(s >= prev_s and e >= prev_e, ("map not monotone at folded byte %d"):format(i))
    prev_s, prev_e = s, e
  end
  local words = 0
  for i, w, j in folded:gmatch("()([^ ]+)()") do
    local s, e = map:span(i, j - 1)
    local back = text:sub(s, e)
    local refolded = fold(back, p)
    -- a ligature such as U+FDFA folds to several words; each maps to all of it
    assert(refolded == w or refolded:find(w, 1, true), ("word %q maps back to %q"):format(w, back))
    words = words + 1
  end
  return words
end

describe("glean.fold", function()
  describe("makes equal", function()
    it("case, with full case folding", function()
      same("STRASSE", "straße"); same("ΣΊΣΥΦΟΣ", "σίσυφος"); same("MOSKAU", "moskau")
    end)
    it("compatibility forms (NFKC)", function()
      same("ＡＢＣ", "abc"); same("ﬁle", "file"); same("①", "1"); same("ﻻ", "لا")
    end)
    it("Latin, Greek and Cyrillic diacritics", function()
      same("Nguyễn", "Nguyen"); same("Việt Nam", "Viet Nam"); same("Ἀθῆναι", "Αθηναι")
      same("ёлка", "елка"); same("Zürich", "Zurich"); same("Đà Nẵng", "Da Nang"); same("Łódź", "Lodz")
    end)
    it("NFD and NFC input alike", function()
      same("Nguye\u{302}\u{303}n", "Nguyễn"); same("e\u{301}", "é")
    end)
    it("Arabic harakat and tatweel removed", function()
      same("مُحَمَّد", "محمد"); same("عـــلی", "علی")
    end)
    it("Arabic-script letter variants", function()
      same("ي", "ى"); same("ي", "ی"); same("ك", "ک"); same("ه", "ہ"); same("ه", "ة"); same("ه", "ۀ")
      same("ا", "أ"); same("ا", "إ"); same("ا", "آ"); same("ا", "ٱ"); same("و", "ؤ")
    end)
    it("Devanagari nukta, in precomposed and decomposed form", function()
      same("ज़", "ज\u{93C}"); same("ज़", "ज"); same("कज़ान", "कजान"); same("फ़िल्म", "फिल्म")
    end)
    it("Devanagari candrabindu and anusvara", function()
      same("हँसी", "हंसी")
    end)
    it("Devanagari nasal consonant with virama inside a word and anusvara", function()
      same("झारखण्ड", "झारखंड"); same("अम्बाला", "अंबाला"); same("चन्दौली", "चंदौली")
      same("गङ्गा", "गंगा"); same("पञ्चायत", "पंचायत"); same("न्यूजीलैण्ड", "न्यूजीलैंड")
      local folded, map = glean.fold("x झारखण्ड")
      assert.are.equal("x झारखंड", folded)
      assert.are.equal("झारखण्ड", ("x झारखण्ड"):sub(map:span(3, #folded)))
    end)
    it("ZWNJ, ZWJ, soft hyphen, zero-width space and bidi controls removed", function()
      same("برنامه\u{200C}ها", "برنامهها"); same("Bundes\u{AD}tag", "Bundestag")
      same("a\u{200B}b", "ab"); same("\u{202B}تهران\u{202C}", "تهران"); same("क्\u{200D}ष", "क्ष")
    end)
    it("every decimal digit to ASCII", function()
      same("۱۴", "14"); same("१४", "14"); same("٢٠٢٤", "2024"); same("১২", "12")
    end)
    it("dash punctuation and whitespace runs to one space", function()
      same("Ho-Chi-Minh", "Ho Chi Minh"); same("Ho-Chi-Minh -Denkmal", "Ho Chi Minh Denkmal")
      same("a \t\n b", "a b"); same("a\u{A0}b", "a b"); same("2020–2024", "2020 2024")
      assert.are.equal("a b", fold("a  -- \u{2014} b"))
    end)
    it("apostrophe variants to '", function()
      same("it’s", "it's"); same("O‘Neil", "O'Neil"); same("Qur`an", "Qur'an")
    end)
  end)

  describe("keeps apart", function()
    it("Devanagari vowel signs and virama", function()
      differ("कि", "क"); differ("क्", "क"); differ("कमल", "कमला")
      -- (a word never opens with the anusvara, and the anusvara stands for a nasal before a
      -- consonant of its own class only: न्याय, उम्र, अन्य, सम्मान keep their virama)
      for _, w in ipairs { "न्याय", "x म्ब", "उम्र", "अन्य", "सम्मान", "हिन्" } do assert.are.equal(w, fold(w)) end
    end)
    it("kana voicing marks", function()
      differ("が", "か"); same("か\u{3099}", "が")
    end)
    it("different letters", function()
      differ("گ", "ك"); differ("پ", "ب"); differ("ß", "s")
    end)
  end)

  it("keeps case with the search-case profile", function()
    assert.are.equal("Nguyen MIC", fold("Nguyễn MIC", "search-case"))
    differ("MIC", "mic", "search-case")
  end)

  describe("offset map", function()
    it("maps each folded byte to the source it came from", function()
      local text = "Nguye\u{302}\u{303}n  Văn"
      local folded, map = glean.fold(text)
      assert.are.equal("nguyen van", folded)
      assert.are.same({5, 9}, {map:source(5)})          -- e + two marks
      assert.are.same({11, 12}, {map:span(7, 7)})         -- the space run
      assert.are.equal("Nguye\u{302}\u{303}n", text:sub(map:span(1, 6)))
      assert.are.equal("Văn", text:sub(map:span(8, 10)))
      assert.are.equal(#folded, #map)
    end)
    it("keeps marks with their letter and leaves dropped format characters out", function()
      local text = "\u{200C}علی\u{200C}"
      local folded, map = glean.fold(text)
      local s, e = map:span(1, #folded)
      assert.are.equal("علی", text:sub(s, e))
    end)
    it("holds its invariants on random multilingual text", function()
      local pieces = { "Nguyễn", "e\u{301}", " ", "  ", "-", "क़", "\u{200C}", "ـ", "مُ", "ß", "İ",
        "ＡＢ", "١٢", "か\u{3099}", "\u{1F600}", "x", "ँ", "क्ष", "\t", "’", "ﷺ", "Ǆ", "\u{AD}",
        "ण्", "न्", "म्", "ड", "अ" }
      math.randomseed(7)
      for _ = 1, 300 do
        local t = {}
        for k = 1, math.random(1, 12) do t[k] = pieces[math.random(#pieces)] end
        check_map(table.concat(t))
      end
    end)
    it("stays whole after later folds and collections (the fold's scratch is reused)", function()
      local a = "Nguye\u{302}\u{303}n  Văn, क़ and ＡＢ"
      local folded, map = glean.fold(a)
      local before = {}
      for i = 1, #folded do before[i] = { map:source(i) } end
      for k = 1, 200 do glean.fold(("İstanbul  e\u{301} %d "):format(k):rep(k % 7 + 1)) end
      glean.fold(("x\u{301} "):rep(40000))   -- bigger than the scratch keeps
      collectgarbage()
      for i = 1, #folded do assert.are.same(before[i], { map:source(i) }) end
      assert.are.equal(#folded, #map)
      assert.are.equal(select(2, glean.fold(a)):segments(), map:segments())
    end)
    it("is empty once closed", function()
      local _, map = glean.fold("Nguyễn")
      getmetatable(map).__close(map)
      assert.are.equal(0, #map)
      assert.has_error(function() map:source(1) end)
    end)
    for _, name in ipairs { "hi.txt", "de.txt", "fa.txt" } do
      it("round-trips every word of the shared corpus " .. name, function()
        local text = H.corpus(name)
        if not text then return pending("../shared not found: corpus spec skipped") end
        assert.is_true(check_map(text) > 100)
      end)
    end
  end)

  describe("custom profiles", function()
    it("add equivalences from Lua", function()
      differ("ۃ", "ه")
      local p = glean.profile { base = "search", map = { ["ۃ"] = "ه" } }
      same("ۃ", "ه", p)
      same("Nguyễn", "nguyen", p)   -- the base folding still applies
    end)
    it("strip extra marks", function()
      local p = glean.profile { base = "search", strip_marks = { "\u{94D}" } }
      same("क्", "क", p)
    end)
    it("reject bad definitions with clear errors", function()
      assert.has_error(function() glean.profile { map = { ab = "x" } } end,
        "bad map key 'ab' (a single character expected)")
      assert.has_error(function() glean.profile { base = "nope" } end)
    end)
  end)

  describe("bad input", function()
    it("raises on invalid UTF-8 naming the first bad byte", function()
      local ok, err = pcall(glean.fold, "ab\xC0\xAFc")
      assert.is_false(ok)
      assert.matches("invalid UTF%-8 at byte 3", err)
    end)
    it("replaces invalid bytes with U+FFFD on request and keeps offsets true", function()
      local text = "a\xFFb"
      local folded, map = glean.fold(text, nil, { invalid = "replace" })
      assert.are.equal("a\u{FFFD}b", folded)
      assert.are.same({2, 2}, {map:source(2)})
      assert.are.same({3, 3}, {map:source(5)})
    end)
    it("treats NUL bytes as ordinary characters", function()
      assert.are.equal("a\0b", fold("A\0B"))
    end)
    it("names a bad profile and a bad option", function()
      assert.has_error(function() glean.fold("x", "nope") end,
        "bad argument #2 to 'fold' (unknown fold profile 'nope')")
      assert.has_error(function() glean.fold("x", nil, { invalid = "skip" }) end,
        "bad argument #3 to 'fold' (invalid option 'skip' for 'invalid')")
    end)
    it("folds empty text to empty text", function()
      local f, m = glean.fold("")
      assert.are.equal("", f)
      assert.are.equal(0, #m)
    end)
  end)
end)
