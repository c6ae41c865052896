-- The bundled demo corpus (samples/*.txt): valid UTF-8, at least 8
-- languages in at least 6 scripts, each file in the script its name says,
-- the documented layout (credit and source lines) and the deliberate
-- orthographic mess docs/samples.md promises.  Scripts are told apart by
-- code point ranges here, so this spec does not depend on glean's own
-- language or script detection.
local helper = glean_spec or require "spec.helper"
local lfs = require "lfs"

local dir = helper.home .. "/samples"

-- Script of a code point, or nil for non-letters we do not classify.
local RANGES = {
  { 0x0041, 0x024F, "Latin" }, { 0x1E00, 0x1EFF, "Latin" },
  { 0x0400, 0x04FF, "Cyrillic" },
  { 0x0600, 0x06FF, "Arabic" }, { 0x0750, 0x077F, "Arabic" }, { 0xFB50, 0xFDFF, "Arabic" },
  { 0x0900, 0x097F, "Devanagari" },
  { 0x3040, 0x309F, "Hiragana" }, { 0x30A0, 0x30FF, "Katakana" },
  { 0x4E00, 0x9FFF, "Han" },
}

local function script_of(c)
  for _, r in ipairs(RANGES) do
    if c >= r[1] and c <= r[2] then return r[3] end
  end
  return nil
end

local function is_letterish(c)   -- skip ASCII digits/punctuation inside the Latin range
  return not (c < 0x80 and not string.char(c):match("%a")) and not (c >= 0x660 and c <= 0x669)
    and not (c >= 0x6F0 and c <= 0x6F9) and not (c >= 0x966 and c <= 0x96F)
end

-- script -> share of classified letters in s
local function script_shares(s)
  local n, count = 0, {}
  for _, c in utf8.codes(s) do
    local sc = is_letterish(c) and script_of(c)
    if sc then
      n = n + 1
      count[sc] = (count[sc] or 0) + 1
    end
  end
  for k, v in pairs(count) do count[k] = v / n end
  return count
end

local function has_cp(s, lo, hi)
  for _, c in utf8.codes(s) do
    if c >= lo and c <= hi then return true end
  end
  return false
end

-- Expected main script per language code in the file name.
local SCRIPT = { en = "Latin", de = "Latin", fr = "Latin", es = "Latin", tr = "Latin", vi = "Latin",
                 ru = "Cyrillic", hi = "Devanagari", ar = "Arabic", fa = "Arabic", ur = "Arabic",
                 zh = "Han", ja = "Han" }

local files = {}
for name in lfs.dir(dir) do
  if name:match("%.txt$") then files[#files + 1] = name end
end
table.sort(files)

local function read(name) return helper.read(dir .. "/" .. name) end
local function lang_of(name) return name:match("^%d%d%d%d%-%d%d%-%d%d%-(%l%l)%-[%w-]+%.txt$") end

describe("samples/", function()
  it("has at least 12 files named YYYY-MM-DD-<lang>-<slug>.txt", function()
    assert.is_true(#files >= 12, #files .. " files")
    for _, name in ipairs(files) do
      assert(lang_of(name), "bad file name " .. name)
      assert(SCRIPT[lang_of(name)], "no expected script for " .. name)
    end
  end)

  it("covers at least 8 languages and 6 scripts", function()
    local langs, scripts, nl, ns = {}, {}, 0, 0
    for _, name in ipairs(files) do
      local l = lang_of(name)
      if not langs[l] then langs[l], nl = true, nl + 1 end
      for sc, share in pairs(script_shares(read(name))) do
        if share > 0.2 and not scripts[sc] then scripts[sc], ns = true, ns + 1 end
      end
    end
    assert.is_true(nl >= 8, nl .. " languages")
    assert.is_true(ns >= 6, ns .. " scripts")
  end)

  it("lists every file in docs/samples.md", function()
    local readme = helper.read(helper.home .. "/docs/samples.md")
    for _, name in ipairs(files) do
      assert(readme:find(name, 1, true), name .. " missing from docs/samples.md")
    end
  end)

  for _, name in ipairs(files) do
    describe(name, function()
      local text = read(name)
      local lang = lang_of(name)

      it("is valid UTF-8 without a BOM or CR", function()
        local len, bad = utf8.len(text)
        assert(len, "invalid UTF-8 at byte " .. tostring(bad))
        assert.is_nil(text:find("^\239\187\191"))
        assert.is_nil(text:find("\r", 1, true))
      end)

      it("is written mainly in the script of its language", function()
        local shares = script_shares(text)
        local want = SCRIPT[lang]
        local share = (shares[want] or 0)
        if lang == "ja" then share = share + (shares.Hiragana or 0) + (shares.Katakana or 0) end
        assert(share > 0.6, ("%s: %s is %.2f of the letters"):format(name, want, share))
        if lang == "ja" then assert.is_true((shares.Hiragana or 0) > 0.1) end
        if lang == "zh" then assert.is_nil(shares.Hiragana) end
      end)

      it("tells the Arabic-script languages apart by their letters", function()
        local persian = text:find("پ", 1, true) or text:find("گ", 1, true) or text:find("ژ", 1, true)
        local urdu = text:find("ے", 1, true) or text:find("ٹ", 1, true) or text:find("ں", 1, true)
        if lang == "ar" then
          assert.is_nil(persian); assert.is_nil(urdu)
        elseif lang == "fa" then
          assert.truthy(persian); assert.is_nil(urdu)
        elseif lang == "ur" then
          assert.truthy(urdu)
        end
      end)

      it("is 80-250 words (zh/ja: 150-600 characters)", function()
        if lang == "zh" or lang == "ja" then
          local n = utf8.len(text)
          assert(n >= 150 and n <= 600, n .. " characters")
        else
          local n = 0
          for _ in text:gmatch("%S+") do n = n + 1 end
          assert(n >= 80 and n <= 250, n .. " words")
        end
      end)

      it("ends with a photo credit line and a source URL line", function()
        local lines = {}
        for l in text:gmatch("[^\n]+") do lines[#lines + 1] = l end
        assert.truthy(lines[#lines]:find("https://[%w.-]*example%.[%w.]+/"))
        assert.truthy(lines[#lines - 1]:find("glean", 1, true))
      end)

      it("mentions New Delhi and BRICS as the gazetteer spells them", function()
        local gaz = helper.read(helper.home .. "/data/gazetteer.tsv")
        local function mentions(id)
          for alias in gaz:gmatch("\n" .. id:gsub("%p", "%%%0") .. "\t%a+\t([^\t]+)\t") do
            if text:find(alias, 1, true) then return true end
          end
          return false
        end
        assert(mentions("place:city:New_Delhi"), "no New Delhi alias in " .. name)
        assert(mentions("org:BRICS"), "no BRICS alias in " .. name)
      end)
    end)
  end

  describe("deliberate mess", function()
    local function file(lang)
      for _, name in ipairs(files) do
        if lang_of(name) == lang then return read(name) end
      end
      error("no sample in " .. lang)
    end

    it("Persian: Solar Hijri date in Persian digits, a missing ZWNJ, Arabic Kaf and Yeh", function()
      local fa = file("fa")
      assert.truthy(fa:find("۱۳ آذر ۱۴۰۳", 1, true))
      assert.truthy(fa:find("می‌کند", 1, true))        -- with ZWNJ
      assert.truthy(fa:find(" میکند", 1, true))        -- without
      assert.is_true(has_cp(fa, 0x0643, 0x0643) and has_cp(fa, 0x064A, 0x064A))
    end)

    it("Arabic: Hijri and Gregorian dates in Arabic-Indic digits", function()
      local ar = file("ar")
      assert.truthy(ar:find("جمادى الآخرة ١٤٤٦", 1, true))
      assert.truthy(ar:find("٣ ديسمبر ٢٠٢٤", 1, true))
    end)

    it("Hindi and Urdu: native digits", function()
      assert.truthy(file("hi"):find("३ दिसंबर २०२४", 1, true))
      assert.truthy(file("ur"):find("۳ دسمبر ۲۰۲۴", 1, true))
    end)

    it("Vietnamese: Hà Nội once precomposed and once decomposed (NFD)", function()
      local vi = file("vi")
      assert.truthy(vi:find("Hà Nội", 1, true))
      assert.truthy(vi:find("Ha\u{300} No\u{323}\u{302}i", 1, true))   -- canonical order: dot below first
    end)

    it("German, Japanese and Turkish: local date styles and fullwidth digits", function()
      assert.truthy(file("de"):find("3. Dezember 2024", 1, true))
      assert.truthy(file("ja"):find("令和6年", 1, true))
      assert.truthy(file("ja"):find("３日", 1, true))
      assert.truthy(file("tr"):find("YENİ DELHİ, 3 Aralık 2024", 1, true))
    end)
  end)
end)
