-- csrc/segment.c through its binding (csrc/l_segment.c): the iterators
-- graphemes, words, sentences, linebreaks and the bulk form segment.
local glean = require "glean"

-- Collect an iterator's results as {{start, stop, third}, ...}.
local function collect(iter, ...)
  local out = {}
  for a, b, c in iter(...) do out[#out + 1] = { a, b, c } end
  return out
end

-- The segment texts of s for a flat {start1, stop1, ...} array.
local function texts(s, flat)
  local out = {}
  for i = 1, #flat, 2 do out[#out + 1] = s:sub(flat[i], flat[i + 1]) end
  return out
end

-- Segments must tile s: consecutive, non-empty, covering every byte.
local function assert_tiles(s, flat)
  local pos = 1
  for i = 1, #flat, 2 do
    assert.are.equal(pos, flat[i], "segment " .. (i + 1) // 2 .. " does not start where the last ended")
    assert.is_true(flat[i + 1] >= flat[i], "empty segment at byte " .. flat[i])
    pos = flat[i + 1] + 1
  end
  assert.are.equal(#s + 1, pos, "segments do not reach the end of the text")
  assert.are.equal(s, table.concat(texts(s, flat)))
end

-- The error of glean.<name>(...), called as a field (not a tail call) so the
-- message names the function as user code would see it.
local function err_of(name, ...)
  local call = assert(load("local glean = ...; return function(...) local r = glean." .. name
                           .. "(...); return r end"))(glean)
  local ok, err = pcall(call, ...)
  assert.is_false(ok, "expected an error")
  return (err:gsub("^.-:%d+: ", ""))  -- drop the caller's position, as Lua adds it
end

describe("glean.graphemes", function()
  it("keeps combining marks, emoji modifiers, ZWJ sequences and flags in one cluster", function()
    local s = "e\u{301}👍🏽👩\u{200D}💻🇻🇳x"
    local got = {}
    for a, b in glean.graphemes(s) do got[#got + 1] = s:sub(a, b) end
    assert.are.same({ "e\u{301}", "👍🏽", "👩\u{200D}💻", "🇻🇳", "x" }, got)
  end)

  it("keeps Devanagari conjuncts with virama together (GB9c)", function()
    local got = {}
    local s = "क्षत्रिय"
    for a, b in glean.graphemes(s) do got[#got + 1] = s:sub(a, b) end
    assert.are.same({ "क्ष", "त्रि", "य" }, got)
  end)

  it("yields nothing for the empty string", function()
    assert.are.same({}, collect(glean.graphemes, ""))
    assert.are.same({}, glean.segment("", "grapheme"))
  end)

  it("treats NUL bytes as text", function()
    assert.are.same({ { 1, 1 }, { 2, 2 }, { 3, 3 } }, collect(glean.graphemes, "a\0b"))
  end)
end)

describe("glean.words", function()
  it("yields every segment with its kind, 'none' for spaces and punctuation", function()
    assert.are.same({
      { 1, 5, "letter" }, { 6, 6, "none" }, { 7, 7, "none" }, { 8, 12, "letter" },
      { 13, 13, "none" }, { 14, 17, "number" }, { 18, 18, "none" },
    }, collect(glean.words, "Hello, world 3.14!"))
  end)

  it("leaves out 'none' segments with skip_none, with or without a locale", function()
    local want = { { 1, 2, "letter" }, { 4, 8, "letter" }, { 11, 12, "number" } }
    assert.are.same(want, collect(glean.words, "Hi there, 12!", { skip_none = true }))
    assert.are.same(want, collect(glean.words, "Hi there, 12!", "en", { skip_none = true }))
    local flat, kinds = glean.segment("Hi there, 12!", "word", nil, { skip_none = true })
    assert.are.same({ 1, 2, 4, 8, 11, 12 }, flat)
    assert.are.same({ "letter", "letter", "number" }, kinds)
  end)

  it("splits Thai, Chinese and Japanese with ICU's dictionaries", function()
    for _, case in ipairs {
      { "สวัสดีครับ", "letter" },
      { "我们在北京工作", "ideo" },
      { "東京都に住んでいます", nil },
    } do
      local s = case[1]
      local flat, kinds = glean.segment(s, "word")
      assert_tiles(s, flat)
      assert.is_true(#kinds >= 2, "'" .. s .. "' was not split: " .. table.concat(texts(s, flat), "|"))
      for _, k in ipairs(kinds) do
        if case[2] then assert.are.equal(case[2], k) else assert.are_not.equal("none", k) end
      end
    end
    assert.are.same({ "我们", "在", "北京", "工作" }, texts("我们在北京工作", (glean.segment("我们在北京工作", "word"))))
  end)

  it("tags Japanese dictionary words 'ideo', kana included, and Persian digits 'number'", function()
    local _, kinds = glean.segment("カタカナです", "word")
    assert.are.same({ "ideo", "ideo" }, kinds)
    assert.are.same({ { 1, 4, "number" } }, collect(glean.words, "۱۴"))
  end)

  it("follows the locale's tailoring (colon is MidLetter in Swedish)", function()
    assert.are.same({ "c", ":", "a" }, texts("c:a", (glean.segment("c:a", "word"))))
    assert.are.same({ "c:a" }, texts("c:a", (glean.segment("c:a", "word", "sv"))))
  end)
end)

describe("glean.sentences", function()
  it("ends sentences at the danda and keeps trailing spaces with the sentence", function()
    local s = "पहला वाक्य। दूसरा वाक्य।"
    local got = {}
    for a, b, k in glean.sentences(s) do got[#got + 1] = s:sub(a, b) .. "/" .. k end
    assert.are.same({ "पहला वाक्य। /term", "दूसरा वाक्य।/term" }, got)
  end)

  it("ends a sentence at every hard line break (UAX #29 SB4), tagged 'sep'", function()
    for _, nl in ipairs { "\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}" } do
      local s = "Foto: Khong Nghia" .. nl .. "Next one."
      local flat, tags = glean.segment(s, "sentence")
      assert.are.same({ "Foto: Khong Nghia" .. nl, "Next one." }, texts(s, flat))
      assert.are.same({ "sep", "term" }, tags)
    end
  end)

  it("tags a blank line as its own 'sep' segment", function()
    local s = "One.\n\nTwo."
    assert.are.same({ { 1, 5, "term" }, { 6, 6, "sep" }, { 7, 10, "term" } }, collect(glean.sentences, s))
  end)

  it("suppresses breaks after abbreviations with the locale's ss=standard variant", function()
    local s = "Mr. Smith went. Then he left."
    assert.are.same({ "Mr. ", "Smith went. ", "Then he left." }, texts(s, (glean.segment(s, "sentence"))))
    assert.are.same({ "Mr. Smith went. ", "Then he left." },
      texts(s, (glean.segment(s, "sentence", "en@ss=standard"))))
  end)
end)

describe("glean.linebreaks", function()
  it("yields break opportunities and whether each break is mandatory", function()
    assert.are.same({ { 1, 4, false }, { 5, 8, true }, { 9, 13, false } }, collect(glean.linebreaks, "one two\nthree"))
    local flat, hard = glean.segment("a b\r\nc", "line")
    assert.are.same({ 1, 2, 3, 5, 6, 6 }, flat)
    assert.are.same({ false, true, false }, hard)
  end)
end)

describe("glean.segment", function()
  local mixed = "Dr. Müller sagte: «Hà Nội, 2024» — 東京都に住んでいます. สวัสดีครับ!\nفوتو: ۱۴ آذر\n\nEnd"

  for _, kind in ipairs { "grapheme", "word", "sentence", "line" } do
    it("gives the same segments as the " .. kind .. " iterator and tiles the text", function()
      local iter = ({ grapheme = glean.graphemes, word = glean.words,
                      sentence = glean.sentences, line = glean.linebreaks })[kind]
      local flat, tags = glean.segment(mixed, kind)
      local got, gtags = {}, {}
      for a, b, c in iter(mixed) do
        got[#got + 1] = a; got[#got + 1] = b; gtags[#gtags + 1] = c
      end
      assert.are.same(got, flat)
      if kind == "grapheme" then assert.is_nil(tags) else assert.are.same(gtags, tags) end
      assert_tiles(mixed, flat)
    end)
  end

  it("reuses cached break iterators across calls and locales without mixing them up", function()
    local a = glean.segment("x y", "word")
    local b = glean.segment("c:a", "word", "sv")
    local c = glean.segment("x y", "word")
    assert.are.same(a, c)
    assert.are.same({ 1, 3 }, b)
  end)
end)

describe("glean.segment with format 'bounds'", function()
  -- The iterator's segments as a bounds array and a kinds string ("" for graphemes).
  local letters = { none = "-", number = "N", letter = "L", kana = "K", ideo = "I",
                    term = "T", sep = "S", [true] = "H", [false] = "-" }
  local iters = { grapheme = glean.graphemes, word = glean.words,
                  sentence = glean.sentences, line = glean.linebreaks }
  local function from_iterator(s, kind, locale)
    local b, k = { 1 }, {}
    local iter = iters[kind]
    local step, st, ctl, closing
    if kind == "grapheme" then step, st, ctl, closing = iter(s) else step, st, ctl, closing = iter(s, locale) end
    for _, stop, tag in step, st, ctl, closing do
      b[#b + 1] = stop + 1
      if kind ~= "grapheme" then k[#k + 1] = letters[tag] end
    end
    return b, table.concat(k)
  end

  local function agrees(s, kind, locale)
    local b, kinds = glean.segment(s, kind, locale, { format = "bounds" })
    local wb, wk = from_iterator(s, kind, locale)
    assert.are.same(wb, b)
    if kind == "grapheme" then assert.is_nil(kinds) else assert.are.equal(wk, kinds) end
    assert.are.equal(#b - 1, kind == "grapheme" and #b - 1 or #kinds)
  end

  it("gives one boundary per segment and the kinds as one byte each", function()
    local b, kinds = glean.segment("Hello, world 3.14!", "word", nil, { format = "bounds" })
    assert.are.same({ 1, 6, 7, 8, 13, 14, 18, 19 }, b)
    assert.are.equal("L--L-N-", kinds)
    b, kinds = glean.segment("One.\n\nTwo.", "sentence", { format = "bounds" })
    assert.are.same({ 1, 6, 7, 11 }, b)
    assert.are.equal("TST", kinds)
    b, kinds = glean.segment("a b\r\nc", "line", nil, { format = "bounds" })
    assert.are.same({ 1, 3, 6, 7 }, b)
    assert.are.equal("-H-", kinds)
    assert.are.same({ 1, 2, 3 }, (glean.segment("ab", "grapheme", { format = "bounds" })))
    assert.are.equal("II", select(2, glean.segment("カタカナです", "word", nil, { format = "bounds" })))
  end)

  it("gives {1} and no kinds for the empty string", function()
    local b, kinds = glean.segment("", "word", nil, { format = "bounds" })
    assert.are.same({ 1 }, b)
    assert.are.equal("", kinds)
  end)

  it("accepts format 'pairs', the default", function()
    assert.are.same({ glean.segment("a b", "word") }, { glean.segment("a b", "word", nil, { format = "pairs" }) })
  end)

  it("keeps offsets true to the input with invalid='replace'", function()
    local s = "a\255b\xE0\x80c"
    local b, kinds = glean.segment(s, "word", nil, { format = "bounds", invalid = "replace" })
    assert.are.same({ 1, 2, 3, 4, 5, 6, 7 }, b)
    assert.are.equal("L-L--L", kinds)
  end)

  it("agrees exactly with the iterators on a multilingual text, under root and a locale", function()
    local mixed = "Dr. Müller sagte: «Hà Nội, 2024» — 東京都に住んでいます. สวัสดีครับ!\nفوتو: ۱۴ آذر\n\nEnd"
    for _, kind in ipairs { "grapheme", "word", "sentence", "line" } do
      agrees(mixed, kind)
      if kind ~= "grapheme" then agrees(mixed, kind, "sv") end
    end
  end)

  it("agrees exactly with the iterators on random multilingual text (200 seeded trials)", function()
    local pieces = { "a", "Z", "ß", "é", "e\u{301}", "1", "۴", "४", "3.5", " ", "  ", "\n", "\r\n", ".", "?", "!",
                     "।", "؟", ",", ":", "'", "-", "«", "»", "क", "्", "ष", "ि", "ف", "ا", "\u{200C}",
                     "東", "京", "に", "カ", "ส", "วั", "ด", "🇻", "🇳", "👍", "🏽", "\u{200D}", "\t", "Mr.", "U.S." }
    math.randomseed(20240515)
    for _ = 1, 200 do
      local parts = {}
      for i = 1, math.random(0, 40) do parts[i] = pieces[math.random(#pieces)] end
      local s = table.concat(parts)
      for _, kind in ipairs { "grapheme", "word", "sentence", "line" } do agrees(s, kind) end
    end
  end)

  it("names a bad format and refuses skip_none with it", function()
    assert.are.equal("bad argument #4 to 'segment' (invalid option 'flat' for 'format')",
      err_of("segment", "a", "word", nil, { format = "flat" }))
    assert.are.equal("bad argument #3 to 'segment' (invalid option 'boolean' for 'format')",
      err_of("segment", "a", "word", { format = true }))
    assert.are.equal("bad argument #4 to 'segment' (option 'skip_none' does not apply to format 'bounds')",
      err_of("segment", "a", "word", "en", { format = "bounds", skip_none = true }))
  end)
end)

describe("glean.Segmenter reuse", function()
  it("walks correctly with a clone handed back by a finished or abandoned iterator", function()
    local want = { { 1, 3, "letter" }, { 4, 4, "none" }, { 5, 7, "letter" } }
    for _ = 1, 3 do
      assert.are.same(want, collect(glean.words, "one two"))
      for _ in glean.words("abandoned early, the clone goes back") do break end  -- luacheck: ignore 512
    end
    local st1, g1 = glean.words("aa bb")
    local st2, g2 = glean.words("cc dd")  -- two live iterators never share a clone
    assert.are.same({ 1, 2, "letter" }, { st1(g1) })
    assert.are.same({ 1, 2, "letter" }, { st2(g2) })
    assert.are.same({ 3, 3, "none" }, { st1(g1) })
  end)

  it("rejects a step on anything but a glean.Segmenter", function()
    local step = glean.words("a")
    local ok, err = pcall(step, {})
    assert.is_false(ok)
    assert.matches("glean.Segmenter expected, got table", err, 1, true)
    ok, err = pcall(step, io.stdout)
    assert.is_false(ok)
    assert.matches("glean.Segmenter expected, got FILE*", err, 1, true)
  end)
end)

describe("invalid UTF-8", function()
  it("raises with the 1-based offset of the first bad byte", function()
    assert.are.equal("bad argument #1 to 'words' (invalid UTF-8 at byte 2)", err_of("words", "a\255b"))
    assert.are.equal("bad argument #1 to 'segment' (invalid UTF-8 at byte 3)",
      err_of("segment", "ab\xE0\x80", "sentence"))
    assert.are.equal("bad argument #1 to 'graphemes' (invalid UTF-8 at byte 1)", err_of("graphemes", "\xC0\xAF"))
  end)

  it("reads each maximal bad subpart as U+FFFD with invalid='replace', offsets true to the input", function()
    local s = "a\255b\xE0\x80c\xF0\x9F\x91"
    local flat, kinds = glean.segment(s, "word", nil, { invalid = "replace" })
    assert_tiles(s, flat)
    assert.are.same({ "a", "\255", "b", "\xE0", "\x80", "c", "\xF0\x9F\x91" }, texts(s, flat))
    assert.are.same({ "letter", "none", "letter", "none", "none", "letter", "none" }, kinds)
    assert.are.same({ { 1, 1 }, { 2, 2 } }, collect(glean.graphemes, "\128\128", { invalid = "replace" }))
  end)
end)

describe("argument errors", function()
  it("names the argument and the bad value", function()
    assert.are.equal("bad argument #2 to 'segment' (invalid option 'wrod')", err_of("segment", "a", "wrod"))
    assert.are.equal("bad argument #3 to 'words' (invalid option 'skip' for 'invalid')",
      err_of("words", "a", "en", { invalid = "skip" }))
    assert.are.equal("bad argument #2 to 'graphemes' (option 'skip_none' applies to words only)",
      err_of("graphemes", "a", { skip_none = true }))
    assert.are.equal("bad argument #2 to 'sentences' (invalid locale name)", err_of("sentences", "a", "e\0n"))
    assert.are.equal("bad argument #1 to 'linebreaks' (string expected, got no value)", err_of("linebreaks"))
    assert.are.equal("bad argument #3 to 'words' (table expected, got number)", err_of("words", "a", "en", 5))
  end)
end)

describe("glean.Segmenter (the iterator's state)", function()
  it("is closed when a for loop is left early", function()
    local step, seg, ctl, closing = glean.words("one two three")
    assert.are.equal(seg, closing)
    assert.are.equal("glean.Segmenter (word, at byte 1)", tostring(seg))
    local first
    for a in step, seg, ctl, closing do  -- luacheck: ignore 512
      first = a
      break
    end
    assert.are.equal(1, first)
    assert.are.equal("glean.Segmenter (closed)", tostring(seg))
    local ok, err = pcall(step, seg)
    assert.is_false(ok)
    assert.are.equal("attempt to use a closed glean.Segmenter", err)
  end)

  it("returns nil again after the end and says it is finished", function()
    local step, seg = glean.graphemes("ab")
    assert.are.same({ 1, 1 }, { step(seg) })
    assert.are.same({ 2, 2 }, { step(seg) })
    assert.is_nil(step(seg))
    assert.is_nil(step(seg))
    assert.are.equal("glean.Segmenter (grapheme, finished)", tostring(seg))
  end)

  it("walks independently of other iterators and of the bulk form", function()
    local s1, s2 = "aa bb", "cc dd ee"
    local st1, g1 = glean.words(s1)
    local st2, g2 = glean.words(s2)
    local a = { st1(g1) }
    glean.segment("zz yy", "word")
    local b = { st2(g2) }
    assert.are.same({ 1, 2, "letter" }, a)
    assert.are.same({ 1, 2, "letter" }, b)
    assert.are.same({ 3, 3, "none" }, { st1(g1) })
    assert.are.same({ 3, 3, "none" }, { st2(g2) })
  end)
end)

describe("on the shared corpus", function()
  local hi, fa, de = glean_spec.corpus("hi.txt"), glean_spec.corpus("fa.txt"), glean_spec.corpus("de.txt")
  if not hi then
    it("needs ../shared", function() pending("../shared not found") end)
    return
  end

  it("tiles every text exactly for every kind", function()
    for _, s in ipairs { hi, fa, de } do
      for _, kind in ipairs { "grapheme", "word", "sentence", "line" } do
        assert_tiles(s, (glean.segment(s, kind)))
      end
    end
  end)

  it("gives with format 'bounds' exactly the iterators' words and sentences, kinds included", function()
    local letters = { none = "-", number = "N", letter = "L", kana = "K", ideo = "I", term = "T", sep = "S" }
    for _, s in ipairs { hi, fa, de } do
      for _, case in ipairs { { "word", glean.words }, { "sentence", glean.sentences } } do
        local b, kinds = glean.segment(s, case[1], nil, { format = "bounds" })
        local wb, wk = { 1 }, {}
        for _, stop, tag in case[2](s) do
          wb[#wb + 1] = stop + 1
          wk[#wk + 1] = letters[tag]
        end
        assert.are.same(wb, b)
        assert.are.equal(table.concat(wk), kinds)
        assert.are.equal(#s + 1, b[#b])
      end
    end
  end)

  it("ends a Hindi sentence right after each danda and its trailing spaces", function()
    local flat = glean.segment(hi, "sentence")
    local stops = {}
    for i = 2, #flat, 2 do stops[flat[i]] = true end
    local dandas = 0
    for p in hi:gmatch("।()") do
      local q = hi:match("^[ \t]*\n?()", p)  -- spaces stay with the sentence, then one line break
      dandas = dandas + 1
      assert.is_true(stops[q - 1] == true, "no sentence end after the danda at byte " .. (p - 3))
    end
    assert.is_true(dandas > 10)
  end)

  it("makes photo-credit lines without final punctuation their own sentences", function()
    local seen = 0
    for _, s in ipairs { hi, de } do
      local flat, tags = glean.segment(s, "sentence")
      for i = 1, #flat, 2 do
        local text = s:sub(flat[i], flat[i + 1])
        if text:find("^फोटो:") or text:find("^Foto:") then
          seen = seen + 1
          assert.matches("^[^\n]+\n$", text)
          assert.are.equal("sep", tags[(i + 1) // 2])
        end
      end
    end
    assert.is_true(seen >= 2)
  end)

  it("splits Persian with stripped ZWNJs into sentences at the full stop and into whole words", function()
    local flat, tags = glean.segment(fa, "sentence")
    assert.is_true(#flat // 2 >= 5)
    for i = 1, #flat, 2 do
      local text = fa:sub(flat[i], flat[i + 1])
      if tags[(i + 1) // 2] == "term" and flat[i + 1] < #fa then
        assert.matches("[.!?؟]%s*$", text)
      end
    end
    local words, kinds = glean.segment(fa, "word", "fa", { skip_none = true })
    local set = {}
    for i = 1, #words, 2 do set[fa:sub(words[i], words[i + 1])] = kinds[(i + 1) // 2] end
    -- a stripped ZWNJ joins the plural suffix: one letter word, not two
    assert.are.equal("letter", set["برنامهها"])
    assert.are.equal("number", set["۲۰"])
    assert.are.equal("letter", set["آذر"])
  end)
end)

describe("glean.core.word_keys", function()
  local core = require "glean.core"
  local KIND = { letter = "L", number = "N", kana = "K", ideo = "I" }

  -- the reference: words() without the "none" segments, fold(w, "search") of each
  local function reference(s)
    local st, sp, keys, kinds = {}, {}, {}, {}
    for a, b, kind in core.words(s, nil, { skip_none = true }) do
      st[#st + 1], sp[#sp + 1] = a, b
      keys[#keys + 1] = core.fold(s:sub(a, b), "search", { map = false })
      kinds[#kinds + 1] = KIND[kind]
    end
    return st, sp, keys, table.concat(kinds)
  end

  it("gives each word's bytes, search-folded key and kind in one call, as words() and fold() do", function()
    for _, s in ipairs { "Präsident Olaf SCHOLZ, 12 ﬁnal ǅemal", "习近平主席 トランプ大統領 ソウル",
                         "وقال الرئيس ۲۰ برنامه‌ها", "", "   ", "x", "Ǆ\0y 1,5 ½" } do
      local a1, b1, c1, d1 = core.word_keys(s)
      local a2, b2, c2, d2 = reference(s)
      assert.same(a2, a1)
      assert.same(b2, b1)
      assert.same(c2, c1)
      assert.are.equal(d2, d1)
    end
  end)

  it("refuses invalid UTF-8 with its byte offset", function()
    local ok, err = pcall(core.word_keys, "ab \255 cd")
    assert.is_false(ok)
    assert.matches("invalid UTF%-8 at byte 4", err)
  end)
end)

describe("glean.core.word_shapes", function()
  local core = require "glean.core"
  local base = require "glean.entities.base"

  -- the reference: the class, case and gap of each word from glean.entities.base
  local function reference(text, S, E, kinds)
    local SC, CAP, SP = {}, {}, {}
    for x = 1, #S do
      local a, b0 = S[x], text:byte(S[x])
      local d = a - (E[x - 1] or 0)
      SP[x] = x > 1 and ((d == 2 and text:byte(a - 1) == 32) or (d == 3 and text:sub(a - 2, a - 1) == "\194\160"))
      local c = utf8.codepoint(text, a)
      local ch = utf8.char(c)
      if kinds:sub(x, x) == "N" then SC[x] = "number"
      elseif b0 < 0x80 then SC[x] = "cased"; CAP[x] = b0 >= 65 and b0 <= 90
      elseif c < 0x0590 or (c >= 0x1E00 and c < 0x2000) then SC[x] = "cased"; CAP[x] = base.is_upper(ch)
      elseif c < 0x0800 then SC[x] = "uncased"
      elseif base.is_nospace_cp(c) then SC[x] = "nospace"
      elseif base.is_cased_cp(c) then SC[x] = "cased"; CAP[x] = base.is_upper(ch)
      else SC[x] = "uncased" end
    end
    return SC, CAP, SP
  end

  it("gives each word's script class, case and one-space gap as glean.entities.base tells them", function()
    local every = {}
    for c = 0x80, 0x2FFFF, 7 do
      if c < 0xD800 or c > 0xDFFF then every[#every + 1] = utf8.char(c) .. "a" end
    end
    for _, s in ipairs { "Präsident Olaf SCHOLZ, 12 ﬁnal ǅemal Straße ßa", "習近平 トランプ大統領 ソウル ไทย",
                         "وقال الرئيس ۲۰ ראש הממשלה प्रधानमंत्री 대통령은 Ἀθῆναι Ⴀa ⰀⰁ Ａｂ", "", "x",
                         "a\194\160b  c\194\160\194\160d\te", table.concat(every, " ") } do
      local S, E, _, kinds = core.word_keys(s)
      -- narrowed words (an apostrophe's article or suffix cut off) keep their shape
      for x = 2, #S, 5 do if S[x] < E[x] and s:byte(S[x]) < 0x80 then S[x] = S[x] + 1 end end
      local sc, cap, sp = core.word_shapes(s, S, E, kinds)
      local rsc, rcap, rsp = reference(s, S, E, kinds)
      assert.same(rsc, sc)
      assert.same(rcap, cap)
      assert.same(rsp, sp)
    end
  end)

  it("tells the word whose bytes are not a word of the text", function()
    local s = "ab cd"
    assert.error_matches(function() core.word_shapes(s, { 1, 4 }, { 2, 9 }, "LL") end,
      "word 2: bytes 4..9 are not a word of the text")
    assert.error_matches(function() core.word_shapes(s, { 1 }, { 2 }, "LL") end, "not one kind per word")
    assert.error_matches(function() core.word_shapes("é", { 2 }, { 2 }, "L") end,
      "word 1: no character starts at byte 2")
  end)
end)
