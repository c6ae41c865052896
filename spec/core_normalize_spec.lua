-- csrc/norm.c through its binding (csrc/l_norm.c): glean.normalize and
-- glean.is_normalized, the UTF-8 quick-check fast path and its segments.
local glean = require "glean"
local core = require "glean.core"

local U = utf8.char

local function err_of(name, ...) return glean_spec.err_of(glean, name, ...) end

local function hex(s)
  local t = {}
  for _, cp in utf8.codes(s) do t[#t + 1] = string.format("%04X", cp) end
  return table.concat(t, " ")
end

describe("glean.normalize", function()
  local cases = {
    -- input, form, expected
    { "plain ASCII stays", "NFC", "plain ASCII stays" },
    { "e" .. U(0x301), nil, U(0xE9) },
    { U(0xE9), "NFD", "e" .. U(0x301) },
    { U(0xFB01) .. "nance", "NFKC", "finance" },
    { U(0x2460), "NFKD", "1" },
    { "Straße ÉCOLE", "NFKC_CF", "strasse école" },
    { "ab" .. U(0xAD) .. "cd", "NFKC_CF", "abcd" },                 -- default ignorable removed
    { "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "NFKC_CF", "abcdefghijklmnopqrstuvwxyz" },
    { "a" .. U(0x301, 0x323), "NFC", U(0x1EA1, 0x301) },               -- marks reordered, then composed
    { "a" .. U(0x323, 0x301), "NFD", "a" .. U(0x323, 0x301) },
    { U(0x1100, 0x1161, 0x11A8), "NFC", U(0xAC01) },                   -- Hangul L V T
    { U(0xAC01), "NFD", U(0x1100, 0x1161, 0x11A8) },
    { U(0x915, 0x93C), "NFC", U(0x915, 0x93C) },                       -- U+0958 is a composition exclusion
    { U(0x958), "NFC", U(0x915, 0x93C) },
    { U(0x928, 0x93C), "NFC", U(0x929) },
    { "a\0e" .. U(0x301) .. "\0", "NFC", "a\0" .. U(0xE9) .. "\0" },     -- NUL is an ordinary character
    { "", "NFKC_CF", "" },
    { U(0x627, 0x653), "NFC", U(0x622) },                              -- Arabic alef + madda
    { U(0xFEFB), "NFKC", U(0x644, 0x627) },                            -- lam-alef ligature
    { "Tie\204\130\204\129ng Vie\204\163\204\130t", "NFC", "Tiếng Việt" },
  }
  for i, c in ipairs(cases) do
    it(string.format("case %d: %s of %s", i, c[2] or "NFC (default)", hex(c[1])), function()
      local got = glean.normalize(c[1], c[2])
      assert.are.equal(hex(c[3]), hex(got))
      assert.are.equal(c[3], got)
    end)
  end

  it("returns the very same string object when the input is already normalized", function()
    local s = string.rep("Zürich und Köln, दिल्ली, تهران ", 20)
    assert.are.equal(string.format("%p", s), string.format("%p", glean.normalize(s)))
    local t = s .. "e" .. U(0x301)
    assert.are_not.equal(string.format("%p", t), string.format("%p", glean.normalize(t)))
    -- MAYBE characters that need no change (a nukta after a consonant that
    -- has no composition) do not cost a copy either
    local m = string.rep("ab " .. U(0x915, 0x93C) .. " ", 30)
    assert.are.equal(string.format("%p", m), string.format("%p", glean.normalize(m)))
    assert.are.equal(m .. U(0x929), glean.normalize(m .. U(0x928, 0x93C)))
  end)

  it("keeps the normalized prefix and suffix bytes around a failing segment", function()
    local head = string.rep("abc ", 50) .. U(0x928)
    local tail = " " .. string.rep("xyz ", 50)
    assert.are.equal(head:sub(1, -4) .. U(0x929) .. tail, glean.normalize(head .. U(0x93C) .. tail))
    -- many failing characters, close together and far apart
    local parts, want = {}, {}
    for k = 1, 300 do
      local gap = string.rep("q", k % 7 == 0 and 200 or k % 5)
      parts[#parts + 1] = gap .. "o" .. U(0x308)
      want[#want + 1] = gap .. U(0xF6)
    end
    assert.are.equal(table.concat(want), glean.normalize(table.concat(parts)))
  end)

  it("lowers an ASCII capital itself in NFKC_CF only where no mark can follow it", function()
    local lowered = {
      { "A" .. U(0x301), U(0xE1) },                                -- composes after folding
      { "ABA" .. U(0x30A) .. "D", "ab" .. U(0xE5) .. "d" },
      { "ABCDEFGE" .. U(0x301) .. "X", "abcdefg" .. U(0xE9) .. "x" },   -- last byte of an 8-byte word
      { "Z", "z" },
      { "Hello WORLD", "hello world" },
      { U(0xC4) .. "rger " .. U(0xDC) .. "BER " .. U(0xD6) .. "l",
        U(0xE4) .. "rger " .. U(0xFC) .. "ber " .. U(0xF6) .. "l" },
      { "@[`{ AZ az", "@[`{ az az" },                               -- the neighbours of A..Z stay
    }
    for _, c in ipairs(lowered) do
      assert.are.equal(hex(c[2]), hex(glean.normalize(c[1], "NFKC_CF")))
    end
  end)

  -- Units that each end in a space (a normalization boundary) normalize
  -- independently, so a long text of them must equal its units normalized
  -- one by one, wherever the blocks of dense failures are cut.
  it("normalizes long texts with dense failures exactly as their parts one by one", function()
    local units = {
      "Cafe" .. U(0x301) .. " ", "Nai" .. U(0x308) .. "ve ", "A" .. U(0x30A) .. "NGSTRO" .. U(0x308) .. "M ",
      "Vie" .. U(0x323, 0x302) .. "t ", U(0x915, 0x93C) .. "ऱ " , "x ", U(0x1100, 0x1161, 0x11A8) .. " ",
      "ﬁ" .. U(0x2460) .. " ", "STRASSE ", "o" .. U(0x323, 0x31B) .. " ",
    }
    local seed = 7
    local function rand(n)
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n + 1
    end
    local parts = {}
    for k = 1, 40000 do parts[k] = units[rand(#units)] end
    local text = table.concat(parts)
    assert.is_true(#text > 4 * 65536)
    for _, f in ipairs({ "NFC", "NFD", "NFKC", "NFKD", "NFKC_CF" }) do
      local want = {}
      for k, p in ipairs(parts) do want[k] = glean.normalize(p, f) end
      want = table.concat(want)
      local got = glean.normalize(text, f)
      assert.are.equal(#want, #got, f)
      assert.is_true(want == got, f .. " differs from its parts normalized one by one")
    end
  end)

  it("builds results of many megabytes exactly, also when they outgrow the input", function()
    -- U+FDFA (3 bytes) becomes 18 letters, 33 bytes, in NFKC: the result
    -- outgrows every first estimate several times over
    local unit = U(0xFDFA) .. " "
    local got = glean.normalize(string.rep(unit, 200000), "NFKC")
    assert.are.equal(#glean.normalize(unit, "NFKC") * 200000, #got)
    assert.is_true(got == string.rep(glean.normalize(unit, "NFKC"), 200000))
    local caps = string.rep("Der Rat TAGTE in K" .. U(0xD6) .. "ln. ", 200000)   -- 4.6 MB
    assert.is_true(glean.normalize(caps, "NFKC_CF") == string.rep("der rat tagte in k" .. U(0xF6) .. "ln. ", 200000))
  end)

  it("extends a block to the next boundary however far away it is", function()
    local dense = string.rep("e" .. U(0x301) .. " ", 30000)
    local marks = string.rep(U(0x301), 70000)
    local got = glean.normalize(dense .. "a" .. marks .. "b", "NFC")
    assert.is_true(got == string.rep(U(0xE9) .. " ", 30000) .. U(0xE1) .. marks:sub(3) .. "b")
  end)

  it("agrees with itself across forms on random mixtures of tricky characters", function()
    local alphabet = { "a", "e", "A", " ", "\0", U(0xE9), U(0x301), U(0x323), U(0x308), U(0x1100),
      U(0x1161), U(0x11A8), U(0xAC00), U(0x928), U(0x93C), U(0x958), U(0x627), U(0x653), U(0xFB01),
      U(0x2460), U(0xAD), U(0x130), U(0x3A3), U(0x1E9E), U(0x0F73), U(0x0F71), U(0x0F72), U(0x1D15F),
      U(0x1D165), U(0x2ADC), U(0x0345) }
    local seed = 12345
    local function rand(n)
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n + 1
    end
    for _ = 1, 2000 do
      local t = {}
      for k = 1, rand(12) do t[k] = alphabet[rand(#alphabet)] end
      local s = table.concat(t)
      for _, f in ipairs({ "NFC", "NFD", "NFKC", "NFKD", "NFKC_CF" }) do
        local n = glean.normalize(s, f)
        assert.are.equal(n, glean.normalize(n, f), f .. " is not idempotent on " .. hex(s))
        assert.is_true(glean.is_normalized(n, f), f .. " result not normalized for " .. hex(s))
        assert.are.equal(n == s, glean.is_normalized(s, f), "is_normalized disagrees on " .. hex(s))
        -- splitting at an ASCII letter (a normalization boundary) changes nothing
        assert.are.equal(n .. glean.normalize("x" .. s, f), glean.normalize(s .. "x" .. s, f))
      end
      assert.are.equal(glean.normalize(s, "NFC"), glean.normalize(glean.normalize(s, "NFD"), "NFC"))
      assert.are.equal(glean.normalize(s, "NFKD"), glean.normalize(glean.normalize(s, "NFKC"), "NFKD"))
    end
  end)

  describe("on invalid UTF-8", function()
    local bad_cases = {
      { "ab\255c", 3 },
      { "\195", 1 },                                   -- truncated at the end
      { "e" .. U(0x301) .. "\255", 4 },               -- after a failing segment
      { string.rep("x", 20) .. "\237\160\128", 21 },   -- a surrogate
      { "\192\175", 1 },                               -- overlong
      { "Ab" .. U(0x301) .. "c" .. "\244\144\128\128", 6 },  -- above U+10FFFF
    }
    for _, c in ipairs(bad_cases) do
      it("names the first bad byte (" .. c[2] .. ") in every form", function()
        for _, f in ipairs({ "NFC", "NFD", "NFKC", "NFKD", "NFKC_CF" }) do
          assert.are.equal("bad argument #1 to 'normalize' (invalid UTF-8 at byte " .. c[2] .. ")",
            err_of("normalize", c[1], f))
        end
      end)
    end

    it("names the first bad byte inside a block of dense failures", function()
      local dense = string.rep("Ae" .. U(0x301) .. " ", 5000)   -- 5 bytes a unit
      for _, bad in ipairs({ "\255", "\237\160\128", "\192\175", "\244\144\128\128", "\226\130" }) do
        local s = dense .. "o" .. U(0x308) .. bad .. dense
        for _, f in ipairs({ "NFC", "NFKC_CF" }) do
          assert.are.equal("bad argument #1 to 'normalize' (invalid UTF-8 at byte " .. (#dense + 4) .. ")",
            err_of("normalize", s, f))
        end
        local want = glean.normalize(dense, "NFC") .. U(0xF6)
        local r = glean.normalize(s, "NFC", { invalid = "replace" })
        assert.are.equal(want, r:sub(1, #want))
        assert.are.equal(glean.normalize(bad, "NFC", { invalid = "replace" }) .. glean.normalize(dense, "NFC"),
          r:sub(#want + 1))
      end
    end)

    it("substitutes U+FFFD per maximal subpart with {invalid='replace'}", function()
      local R = U(0xFFFD)
      assert.are.equal("a" .. R .. "b", glean.normalize("a\255b", "NFC", { invalid = "replace" }))
      assert.are.equal(R .. R, glean.normalize("\224\128", "NFC", { invalid = "replace" }))
      assert.are.equal(R .. "c", glean.normalize("\226\130c", "NFD", { invalid = "replace" }))
      assert.are.equal(R .. U(0x301) .. U(0xE9), glean.normalize("\255" .. U(0x301) .. "e" .. U(0x301),
        "NFC", { invalid = "replace" }))
      assert.are.equal("x" .. R, glean.normalize("X\255", "NFKC_CF", { invalid = "replace" }))
    end)
  end)

  describe("argument errors", function()
    it("names a bad form", function()
      assert.are.equal("bad argument #2 to 'normalize' (invalid option 'NFX')", err_of("normalize", "a", "NFX"))
    end)
    it("names a bad invalid= option", function()
      assert.are.equal("bad argument #3 to 'normalize' (invalid option 'skip' for 'invalid')",
        err_of("normalize", "a", "NFC", { invalid = "skip" }))
    end)
    it("wants a string", function()
      assert.are.equal("bad argument #1 to 'normalize' (string expected, got nil)", err_of("normalize", nil))
      assert.are.equal("bad argument #1 to 'is_normalized' (string expected, got table)",
        err_of("is_normalized", {}))
    end)
    it("wants a table for options", function()
      assert.are.equal("bad argument #3 to 'normalize' (table expected, got string)",
        err_of("normalize", "a", "NFC", "replace"))
    end)
  end)
end)

describe("glean.is_normalized", function()
  it("answers quick-check YES, NO and MAYBE cases", function()
    assert.is_true(glean.is_normalized("ascii only"))
    assert.is_true(glean.is_normalized(U(0xE9)))
    assert.is_false(glean.is_normalized(U(0xE9), "NFD"))
    assert.is_false(glean.is_normalized("e" .. U(0x301)))          -- MAYBE that composes
    assert.is_true(glean.is_normalized("x" .. U(0x301)))           -- MAYBE that does not
    assert.is_true(glean.is_normalized(U(0x301)))
    assert.is_false(glean.is_normalized("a" .. U(0x301, 0x323), "NFD"))  -- out of canonical order
    assert.is_false(glean.is_normalized(U(0x958)))                -- Quick_Check=No
    assert.is_false(glean.is_normalized("Abc", "NFKC_CF"))
    assert.is_true(glean.is_normalized("abc", "NFKC_CF"))
    assert.is_false(glean.is_normalized(U(0xFB01), "NFKC"))
    assert.is_true(glean.is_normalized(U(0xFB01), "NFC"))
  end)

  it("returns nil and the first bad byte on invalid UTF-8", function()
    local ok, pos = glean.is_normalized("abc\255")
    assert.is_nil(ok)
    assert.are.equal(4, pos)
    ok, pos = glean.is_normalized(U(0x958) .. "xy\128", "NFC")   -- NO found first, bad byte still reported
    assert.is_nil(ok)
    assert.are.equal(6, pos)
  end)

  it("names a bad form", function()
    assert.are.equal("bad argument #2 to 'is_normalized' (invalid option 'nfc')", err_of("is_normalized", "a", "nfc"))
  end)
end)

describe("the UTF-8 quick check", function()
  it("agrees with ICU's normalizers for every code point (audit of the YES and boundary claims)", function()
    for _, f in ipairs({ "NFC", "NFD", "NFKC", "NFKD", "NFKC_CF" }) do
      local bad, first = core._norm_audit(f)
      assert.are.equal(0, bad, f .. ": first disagreeing code point " .. tostring(first))
    end
  end)
end)

describe("normalizing the shared corpus", function()
  for _, name in ipairs({ "hi.txt", "de.txt", "fa.txt" }) do
    it("is consistent on " .. name, function()
      local text = glean_spec.corpus(name)
      if not text then return pending("../shared not found") end
      for _, f in ipairs({ "NFC", "NFD", "NFKC", "NFKD", "NFKC_CF" }) do
        local n = glean.normalize(text, f)
        assert.is_true(glean.is_normalized(n, f))
        assert.are.equal(n, glean.normalize(n, f))
      end
      assert.are.equal(glean.normalize(text), glean.normalize(glean.normalize(text, "NFD"), "NFC"))
      local cf = glean.normalize(text, "NFKC_CF")
      assert.is_nil(cf:find("[A-Z]"))
      -- a newline is a normalization boundary: the whole text (blocks of
      -- dense failures) equals its lines normalized one by one (segments)
      local nfd = glean.normalize(text, "NFD")
      for _, c in ipairs({ { text, "NFKC_CF", cf }, { nfd, "NFC", glean.normalize(nfd, "NFC") } }) do
        local t = {}
        for line in c[1]:gmatch("[^\n]*\n?") do t[#t + 1] = glean.normalize(line, c[2]) end
        assert.is_true(table.concat(t) == c[3], c[2] .. " of the whole text differs from line by line")
      end
    end)
  end
end)
