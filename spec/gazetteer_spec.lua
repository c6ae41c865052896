-- glean.gazetteer: alias flags, word boundaries, leftmost-longest and
-- overlapping semantics, ambiguity, fold equivalences, file formats and
-- their errors, and the compiled form (round trip and corruption).
local glean = require "glean"
local gazetteer = glean.gazetteer

-- Every match of every spec goes through here: the span must be the surface.
local function check(text, list)
  for _, m in ipairs(list) do
    assert.are.equal(m.surface, text:sub(m.start, m.stop))
  end
  return list
end

local function find(gz, text, opts)
  return check(text, gz:find_all(text, opts))
end

-- "surface@start-stop:id" of every match, for compact expectations.
local function spans(gz, text, opts)
  local out = {}
  for _, m in ipairs(find(gz, text, opts)) do
    out[#out + 1] = m.surface .. "@" .. m.start .. "-" .. m.stop .. ":" .. m.id
  end
  return out
end

local tmpfile = glean_spec.tmpfile

local function gz_of(entries, opts)
  return gazetteer.new(entries, opts)
end

describe("glean.gazetteer matching", function()
  it("prefers the longest alias at the leftmost start (leftmost-longest)", function()
    local gz = gz_of {
      { id = "Q159", type = "place", alias = "Russia" },
      { id = "Q159b", type = "place", alias = "Russian Federation" },
    }
    assert.same({ "Russian Federation@5-22:Q159b", "Russia@28-33:Q159" },
                spans(gz, "The Russian Federation and Russia."))
  end)

  it("starts and ends matches on word boundaries only", function()
    local gz = gz_of { { id = "R", type = "place", alias = "Russia" } }
    assert.same({}, spans(gz, "Prussia Russian Russias xRussia Russia1"))
    assert.same({ "Russia@1-6:R", "Russia@8-13:R", "Russia@16-21:R" },
                spans(gz, "Russia,Russia (Russia)"))
  end)

  it("returns every match, nested and overlapping ones too, with overlapping = true", function()
    local gz = gz_of {
      { id = "NY", type = "place", alias = "New York" },
      { id = "NYC", type = "place", alias = "New York City" },
      { id = "Y", type = "place", alias = "York" },
      { id = "YC", type = "place", alias = "York City Council" },
    }
    local text = "in New York City Council"
    assert.same({ "New York City@4-16:NYC" }, spans(gz, text))
    assert.same({ "York City Council@4-20:YC" }, spans(gz, "in York City Council"))
    assert.same({ "New York City@4-16:NYC", "New York@4-11:NY", "York City Council@8-24:YC", "York@8-11:Y" },
                spans(gz, text, { overlapping = true }))
  end)

  it("reports every entity of an ambiguous alias on the same span", function()
    local gz = gz_of {
      { id = "Paris-FR", type = "place", alias = "Paris" },
      { id = "Paris-TX", type = "place", alias = "Paris" },
      { id = "Paris-Hilton", type = "person", alias = "Paris" },
      { id = "Lyon", type = "place", alias = "Lyon" },
    }
    local ms = find(gz, "Paris and Lyon")
    assert.are.equal(4, #ms)
    for i, id in ipairs { "Paris-FR", "Paris-TX", "Paris-Hilton" } do
      assert.are.equal(id, ms[i].id)
      assert.is_true(ms[i].ambiguous)
      assert.are.equal(1, ms[i].start)
      assert.are.equal(5, ms[i].stop)
    end
    assert.are.equal("person", ms[3].type)
    assert.is_false(ms[4].ambiguous)
  end)

  it("reports an entity once when several of its aliases fold alike", function()
    local gz = gz_of {
      { id = "Q1", type = "person", alias = "Nguyễn" },
      { id = "Q1", type = "person", alias = "Nguyen" },
    }
    local ms = find(gz, "Nguyen")
    assert.are.equal(1, #ms)
    assert.is_false(ms[1].ambiguous)
    assert.are.equal("Nguyễn", ms[1].alias)
  end)

  it("reports id, type, alias as written, surface and attributes", function()
    local gz = gz_of {
      { id = "Q1", type = "person", alias = "Nguyễn Văn An", lang = "vi", wikidata = "Q1", rank = 3 },
    }
    local ms = find(gz, "Ông NGUYEN  VAN-AN nói")
    assert.are.equal(1, #ms)
    local m = ms[1]
    assert.same({ id = "Q1", type = "person", alias = "Nguyễn Văn An", surface = "NGUYEN  VAN-AN",
                  start = 6, stop = 19, ambiguous = false,
                  attrs = { lang = "vi", wikidata = "Q1", rank = "3" } }, m)
  end)

  it("iterates with gmatch in text order", function()
    local gz = gz_of { { id = "a", type = "t", alias = "alpha" }, { id = "b", type = "t", alias = "beta" } }
    local seen = {}
    local text = "beta alpha beta"
    for m in gz:gmatch(text) do
      assert.are.equal(m.surface, text:sub(m.start, m.stop))
      seen[#seen + 1] = m.id .. m.start
    end
    assert.same({ "b1", "a6", "b12" }, seen)
  end)

  it("recompiles after add", function()
    local gz = gz_of { { id = "a", type = "t", alias = "alpha" } }
    assert.are.equal(0, #find(gz, "beta"))
    gz:add("beta", "b", "t")
    assert.same({ "beta@1-4:b" }, spans(gz, "beta"))
    assert.are.equal(2, (gz:count()))
  end)

  it("counts aliases and entities", function()
    local gz = gz_of {
      { id = "a", type = "t", alias = "x1" }, { id = "a", type = "t", alias = "x2" },
      { id = "b", type = "t", alias = "x3" },
    }
    local na, ne = gz:count()
    assert.are.equal(3, na)
    assert.are.equal(2, ne)
    assert.are.equal("glean.Gazetteer (3 aliases, 2 entities)", tostring(gz))
  end)
end)

describe("glean.gazetteer flags", function()
  it("case: matches case-sensitively after the other folding", function()
    local gz = gz_of { { id = "MIC", type = "org", alias = "MIC", flags = "case" } }
    assert.same({ "MIC@5-7:MIC", "ＭＩＣ@17-25:MIC" }, spans(gz, "mic MIC Mic mIC ＭＩＣ"))
    local gz2 = gz_of { { id = "Ö", type = "org", alias = "ÖBB", flags = "case" } }
    assert.same({ "OBB@1-3:Ö" }, spans(gz2, "OBB obb Obb"))
  end)

  it("case: a name of five letters or more also matches in capitals in a line of running text", function()
    local gz = gz_of {
      { id = "VLC", type = "place", alias = "Valence", flags = "case" },
      { id = "OSL", type = "place", alias = "Oslo", flags = "case" },
      { id = "IZ", type = "place", alias = "İzmir", flags = "case" },
    }
    -- not lower case, not partly capitals, and not four letters (mostly acronyms)
    assert.same({ "VALENCE@1-7:VLC", "Valence@30-36:VLC" },
                spans(gz, "VALENCE — valence VALence, Valence"))
    assert.same({ "Oslo@6-9:OSL" }, spans(gz, "OSLO Oslo oslo"))
    assert.same({ "İZMİR@1-7:IZ" }, spans(gz, "İZMİR (AA) – Kentte sel"))
    -- a line in capitals (a headline) tells no name from a word
    assert.same({ "Valence@30-36:VLC" }, spans(gz, "VALENCE ET İZMİR'DE SEL\nÀ Valence, la pluie"))
  end)

  it("exact: the surface must be the alias byte for byte", function()
    local gz = gz_of { { id = "M", type = "person", alias = "Müller", flags = { "exact" } } }
    assert.same({ "Müller@8-14:M" }, spans(gz, "Muller Müller MÜLLER müller"))
  end)

  it("prefix: the alias may be followed by more letters of the word", function()
    local gz = gz_of {
      { id = "DE-ru", type = "place", alias = "Russland", flags = "prefix" },
      { id = "Mo", type = "place", alias = "Moskau" },
    }
    assert.same({ "Russlands@1-9:DE-ru", "Russland@11-18:DE-ru" },
                spans(gz, "Russlands Russland Moskaus"))
  end)

  it("noboundary: may start and end inside words", function()
    local gz = gz_of {
      { id = "burg", type = "x", alias = "burg", flags = "noboundary" },
      { id = "bj", type = "place", alias = "北京", flags = "noboundary" },
    }
    assert.same({ "burg@4-7:burg", "北京@18-23:bj" }, spans(gz, "Hamburgers 我在北京市"))
  end)

  it("noboundary: a katakana key neither starts nor ends inside a run of katakana", function()
    local gz = gz_of {
      { id = "TH", type = "place", alias = "タイ", flags = "noboundary" },
      { id = "ML", type = "place", alias = "マリ", flags = "noboundary" },
    }
    -- ネクタイ 'necktie', タイヤ 'tyre', マリオ (a given name); タイ人, タイ・, マリ共和国 stay
    local text = "ネクタイとタイヤ。タイ人がタイ・バンコクへ。マリオ、マリ共和国"
    local got = {}
    for _, m in ipairs(gz:find_all(text)) do got[#got + 1] = text:sub(m.start, m.stop) .. ":" .. m.id end
    assert.same({ "タイ:TH", "タイ:TH", "マリ:ML" }, got)
  end)

  it("without noboundary, Han aliases follow dictionary word boundaries", function()
    local gz = gz_of {
      { id = "bj", type = "place", alias = "北京" },
      { id = "jing", type = "x", alias = "京" },
    }
    local text = "我住在北京。"
    assert.same({ "北京@10-15:bj" }, spans(gz, text))
  end)

  it("combines flags", function()
    local gz = gz_of { { id = "K", type = "org", alias = "KfW", flags = "case,prefix" } }
    assert.same({ "KfWs@1-4:K" }, spans(gz, "KfWs KFWs kfw"))
  end)

  it("rejects an unknown flag", function()
    assert.has_error(function() gz_of { { id = "a", type = "t", alias = "x", flags = "cases" } } end,
      "bad argument #1 to 'new' (entry 1: unknown flag 'cases')")
  end)

  it("takes flags as an array and numbers and booleans as attribute values in gz:add", function()
    local gz = gz_of { { id = "a", type = "t", alias = "alpha" } }
    gz:add("KfW", "K", "org", { rank = 3, big = true, share = 0.5, lang = "de" }, { "case", "prefix" })
    local m = gz:find_all("KfWs kfws")
    assert.are.equal(1, #m)
    assert.same({ rank = "3", big = "true", share = "0.5", lang = "de" }, m[1].attrs)
    assert.has_error(function() gz:add("x", "y", "t", nil, { "case", "cases" }) end,
      "bad argument #5 to 'add' (unknown flag 'cases')")
    assert.has_error(function() gz:add("x", "y", "t", { n = {} }) end,
      "bad argument #4 to 'add' (attribute 'n' is not a string)")
  end)
end)

describe("glean.gazetteer fold equivalences", function()
  it("finds Nguyen for Nguyễn and कजान for कज़ान", function()
    local gz = gz_of {
      { id = "N", type = "person", alias = "Nguyễn" },
      { id = "K", type = "place", alias = "कज़ान" },
    }
    assert.same({ "Nguyen@1-6:N", "कजान@8-19:K" }, spans(gz, "Nguyen कजान"))
    assert.same({ "NGUYỄN@1-8:N", "कज़ान@10-24:K" }, spans(gz, "NGUYỄN कज़ान"))
  end)

  it("finds the publisher's stripped Persian text from aliases typed with ZWNJ and Arabic letter variants", function()
    local text = glean_spec.corpus("fa.txt")
    if not text then pending("../shared not found") return end
    local gz = gz_of {
      { id = "programs", type = "x", alias = "برنامه\u{200C}ها" },      -- with ZWNJ
      { id = "iran", type = "place", alias = "ايران" },                -- Arabic Yeh U+064A
      { id = "russia", type = "place", alias = "روسيه" },
      { id = "tech", type = "x", alias = "فناوري اطلاعات" },
    }
    local ms = find(gz, text)
    local by = {}
    for _, m in ipairs(ms) do by[m.id] = (by[m.id] or 0) + 1 end
    assert.is_true((by.programs or 0) >= 1)
    assert.is_true((by.iran or 0) >= 2)
    assert.is_true((by.russia or 0) >= 2)
    assert.is_true((by.tech or 0) >= 2)
    for _, m in ipairs(ms) do
      if m.id == "programs" then assert.are.equal("برنامهها", m.surface) end
    end
  end)

  it("matches Persian digits and Devanagari corpus names", function()
    local text = glean_spec.corpus("hi.txt")
    if not text then pending("../shared not found") return end
    local gz = gz_of { { id = "vn", type = "place", alias = "वियतनाम" } }
    local ms = find(gz, text)
    assert.is_true(#ms >= 1)
  end)
end)

describe("glean.gazetteer text options", function()
  local gz = gz_of { { id = "a", type = "t", alias = "alpha" } }

  it("rejects invalid UTF-8 with the byte offset", function()
    assert.has_error(function() gz:find_all("alpha \xff alpha") end,
      "bad argument #1 to 'find_all' (invalid UTF-8 at byte 7)")
  end)

  it("replaces invalid UTF-8 with invalid = 'replace' and keeps spans", function()
    assert.same({ "alpha@1-5:a", "alpha@9-13:a" }, spans(gz, "alpha \xff alpha", { invalid = "replace" }))
  end)

  it("rejects a bad option value", function()
    assert.has_error(function() gz:find_all("x", { invalid = "skip" }) end,
      "bad argument #2 to 'find_all' (invalid option 'skip' for 'invalid')")
  end)

  it("raises on a closed gazetteer and shows it closed", function()
    local g = gz_of { { id = "a", type = "t", alias = "alpha" } }
    g:close()
    assert.are.equal("glean.Gazetteer (closed)", tostring(g))
    assert.has_error(function() g:find_all("alpha") end, "attempt to use a closed glean.Gazetteer")
  end)

  it("closes at the end of a to-be-closed scope", function()
    local g
    do
      local h <close> = gz_of { { id = "a", type = "t", alias = "alpha" } }
      g = h
      assert.are.equal(1, #g:find_all("alpha"))
    end
    assert.are.equal("glean.Gazetteer (closed)", tostring(g))
  end)

  it("rejects bad entries of new()", function()
    assert.has_error(function() gz_of { { id = "a", type = "t" } } end,
      "bad argument #1 to 'new' (entry 1: 'alias' must be a string)")
    assert.has_error(function() gz_of { { id = "a", type = "t", alias = "" } } end,
      "bad argument #1 to 'new' (entry 1: empty alias)")
    assert.has_error(function() gz_of { { id = "a", type = "t", alias = " -- " } } end,
      "bad argument #1 to 'new' (entry 1: alias folds to nothing)")
    assert.has_error(function() gz_of { { id = "a", type = "t", alias = "a\xffb" } } end,
      "bad argument #1 to 'new' (entry 1: invalid UTF-8 at byte 2)")
  end)

  it("selects the fold profile per gazetteer", function()
    local g = gz_of({ { id = "a", type = "t", alias = "Alpha" } }, { profile = "search-case" })
    assert.same({ "Alpha@7-11:a" }, spans(g, "alpha Alpha"))
    assert.are.equal("search-case", g:profile())
    assert.has_error(function() gz_of({}, { profile = "nope" }) end,
      "bad option 'profile' to 'new' (unknown fold profile 'nope')")
  end)
end)

describe("glean.gazetteer files", function()
  local function load_text(content, opts, ext)
    local path = tmpfile(content)
    if ext then os.rename(path, path .. ext); path = path .. ext end
    local gz, err = gazetteer.load(path, opts)
    os.remove(path)
    if err then err = err:gsub(path:gsub("%p", "%%%0"), "GAZ", 1):gsub("\n" .. path:gsub("%p", "%%%0"), "\nGAZ") end
    return gz, err
  end

  it("loads TSV with comments, blank lines, flags and attribute columns", function()
    local gz = assert(load_text(
      "# places\n\nid\ttype\talias\tflags\tlang\nQ1\tplace\tRussland\tprefix\tde\n" ..
      "Q1\tplace\tRussia\t\ten\n  \nQ2\torg\tMIC\tcase\t\n"))
    local ms = find(gz, "Russlands Russia MIC mic")
    assert.are.equal(3, #ms)
    assert.same({ lang = "de" }, ms[1].attrs)
    assert.same({ lang = "en" }, ms[2].attrs)
    assert.same({}, ms[3].attrs)
  end)

  it("accepts a BOM and CRLF line ends", function()
    local gz = assert(load_text("\xEF\xBB\xBFid\ttype\talias\r\nQ1\tplace\tRussia\r\n"))
    assert.same({ "Russia@1-6:Q1" }, spans(gz, "Russia"))
  end)

  it("loads CSV with quoted fields", function()
    local gz = assert(load_text('id,type,alias,note\nQ1,org,"Smith, Jones & Co",\"said \"\"hi\"\"\"\n', nil, ".csv"))
    local ms = find(gz, "by Smith, Jones & Co.")
    assert.are.equal(1, #ms)
    assert.are.equal('said "hi"', ms[1].attrs.note)
  end)

  it("names file:line and what is wrong", function()
    local cases = {
      { "id\ttype\n", "GAZ:1: missing column 'alias' in header" },
      { "id\ttype\talias\nQ1\tplace\n", "GAZ:2: missing column 'alias'" },
      { "id\ttype\talias\nQ1\tplace\t\n", "GAZ:2: empty alias" },
      { "id\ttype\talias\n\nQ1\tplace\t\u{200B}\u{0301}\n", "GAZ:3: alias '\u{200B}\u{0301}' folds to nothing" },
      { "id\ttype\talias\nQ1\tplace\tRu\xffssia\n", "GAZ:2: invalid UTF-8 at byte 12 of the line" },
      { "id\ttype\talias\tflags\nQ1\tplace\tRussia\tprefix,bogus\n", "GAZ:2: unknown flag 'bogus'" },
      { "id\ttype\talias\nQ1\tplace\tRussia\textra\n", "GAZ:2: too many columns (4 columns, header has 3)" },
      { "id\ttype\talias\n\tplace\tRussia\n", "GAZ:2: empty id" },
      { "# only a comment\n", "GAZ:1: missing header line (id, type, alias)" },
      { "id\ttype\talias\nQ1\tplace\t\nQ2\tplace\tx\tz\n",
        "GAZ:2: empty alias\nGAZ:3: too many columns (4 columns, header has 3)" },
    }
    for _, c in ipairs(cases) do
      local gz, err = load_text(c[1])
      assert.is_nil(gz)
      assert.are.equal(c[2], err)
    end
  end)

  it("reports a missing file", function()
    local gz, err = gazetteer.load("/nonexistent/places.tsv")
    assert.is_nil(gz)
    assert.are.equal("/nonexistent/places.tsv: No such file or directory", err)
  end)
end)

describe("glean.gazetteer compiled form", function()
  local entries = {
    { id = "Q159", type = "place", alias = "Russia", wikidata = "Q159" },
    { id = "Q159", type = "place", alias = "Russian Federation" },
    { id = "DE", type = "place", alias = "Russland", flags = "prefix" },
    { id = "MIC", type = "org", alias = "MIC", flags = "case" },
    { id = "M", type = "person", alias = "Müller", flags = "exact" },
    { id = "bj", type = "place", alias = "北京", flags = "noboundary" },
    { id = "P1", type = "place", alias = "Paris" }, { id = "P2", type = "person", alias = "Paris" },
  }
  local text = "Russian Federation, Russia, Russlands, MIC mic, Müller Muller, 在北京市, Paris"

  local function saved()
    local gz = gz_of(entries)
    local path = os.tmpname()
    assert.is_true(gz:save(path))
    return gz, path
  end

  it("opens a saved gazetteer that matches exactly like the original", function()
    local gz, path = saved()
    local g2 = assert(gazetteer.open(path))
    local g3 = assert(gazetteer.load(path))   -- load recognises the compiled form
    os.remove(path)
    local want = find(gz, text)
    assert.are.equal(8, #want)
    assert.same(want, find(g2, text))
    assert.same(want, find(g3, text))
    assert.same(find(gz, text, { overlapping = true }), find(g2, text, { overlapping = true }))
    assert.are.equal(tostring(gz), tostring(g2))
    assert.has_error(function() g2:add("x", "y", "z") end,
      "cannot add to a gazetteer opened from a compiled file")
  end)

  it("rejects a foreign file, an empty file and a missing one", function()
    local p = tmpfile("id\ttype\talias\n")
    local gz, err = gazetteer.open(p)
    assert.is_nil(gz)
    assert.are.equal(p .. ": not a glean gazetteer (bad magic)", err)
    os.remove(p)
    p = tmpfile("")
    gz, err = gazetteer.open(p)
    assert.is_nil(gz)
    assert.are.equal(p .. ": not a glean gazetteer (too short)", err)
    os.remove(p)
    gz, err = gazetteer.open(p)
    assert.is_nil(gz)
    assert.are.equal(p .. ": No such file or directory", err)
  end)

  it("rejects every truncation and every flipped byte cleanly", function()
    local _, path = saved()
    local data = glean_spec.read(path)
    os.remove(path)
    local function try(bytes)
      local p = tmpfile(bytes)
      local gz, err = gazetteer.open(p)
      os.remove(p)
      return gz, err and err:sub(#p + 3)
    end
    local seen = {}
    for len = 0, #data - 1, math.max(1, #data // 97) do
      local gz, err = try(data:sub(1, len))
      assert.is_nil(gz)
      seen[err] = true
    end
    assert.is_true(seen["truncated"])
    for off = 1, #data, math.max(1, #data // 211) do
      local b = data:byte(off)
      local bytes = data:sub(1, off - 1) .. string.char(b ~ 0x5A) .. data:sub(off + 1)
      local gz, err = try(bytes)
      assert.is_nil(gz, "flipped byte " .. off)
      seen[err] = true
    end
    assert.is_true(seen["checksum mismatch"])
    assert.is_true(seen["not a glean gazetteer (bad magic)"])
    local gz, err = try(data .. "x")
    assert.is_nil(gz)
    assert.are.equal("size mismatch (trailing bytes)", err)
  end)

  -- gl_gazfile_checksum (csrc/gazfile.c) in Lua (integers wrap, >> is
  -- logical as in C), to write a damaged file that still opens
  local function checksum(s, from, to)
    local K, P = 0x9E3779B97F4A7C15, 0x100000001B3
    local h1, h2 = K, 0xC2B2AE3D27D4EB4F
    local i = from
    while i + 15 <= to do
      local w1, w2 = string.unpack("<i8<i8", s, i)
      h1 = (h1 ~ w1) * P; h1 = h1 ~ (h1 >> 29)
      h2 = (h2 ~ w2) * P; h2 = h2 ~ (h2 >> 31)
      i = i + 16
    end
    for j = i, to do h1 = (h1 ~ s:byte(j)) * P end
    h1 = h1 ~ ((h2 * K) ~ (to - from + 1))
    h1 = h1 ~ (h1 >> 33); h1 = h1 * 0xFF51AFD7ED558CCD; h1 = h1 ~ (h1 >> 33)
    return h1
  end

  it("reads attributes only inside the string pool when a record claims more than it has", function()
    -- the open does not walk the attribute strings (that walk was 2/3 of
    -- the default's open time): the reader stops at the pool's end
    local _, path = saved()
    local data = glean_spec.read(path)
    os.remove(path)
    local nsect = string.unpack("<I4", data, 69)
    local hdr = 72 + 16 * nsect
    local off, len = string.unpack("<I8<I8", data, 73 + 16 * 2)   -- section 2: the records (36 bytes each)
    assert.are.equal(0, len % 36)
    local damaged = data
    for r = 0, len // 36 - 1 do   -- every record: nattrs 65535
      local at = off + 36 * r + 28
      damaged = damaged:sub(1, at) .. string.pack("<I2", 0xFFFF) .. damaged:sub(at + 3)
    end
    local sum = checksum(damaged, 33, hdr) ~ (checksum(damaged, hdr + 1, #damaged) * 0x9E3779B97F4A7C15 + 1)
    assert.are_not.equal(string.unpack("<i8", damaged, 25), sum)   -- really damaged
    damaged = damaged:sub(1, 24) .. string.pack("<i8", sum) .. damaged:sub(33)
    -- the checksum in Lua is the C one: the undamaged file's sum is its own
    assert.are.equal(string.unpack("<i8", data, 25),
      checksum(data, 33, hdr) ~ (checksum(data, hdr + 1, #data) * 0x9E3779B97F4A7C15 + 1))
    local p = tmpfile(damaged)
    local gz = assert(gazetteer.open(p))
    os.remove(p)
    local n = 0
    for _, m in ipairs(find(gz, text)) do
      for k, v in pairs(m.attrs) do
        assert.are.equal("string", type(k))
        assert.are.equal("string", type(v))
        assert.is_true(#k + #v < #damaged)
      end
      n = n + 1
    end
    assert.are.equal(8, n)
    local aliases = gz:aliases()
    assert.are.equal(#entries, #aliases)
    for _, a in ipairs(aliases) do assert.are.equal("table", type(a.attrs)) end
    for _, format in ipairs { "jsonl", "tsv" } do   -- glean match's lines read them too
      local chunks = {}
      assert.are.equal(8, gz:write_matches(text, nil, format, "doc", function(c) chunks[#chunks + 1] = c end))
      assert.is_true(#table.concat(chunks) > 0)
    end
    local n1, into = gz:find_flat(text)
    assert.is_true(n1 > 0)
    for k = 1, len // 36 do assert.are.equal("table", type(gz:record(k).attrs)) end
    assert.is_truthy(into)
  end)
end)

describe("glean.gazetteer custom fold profiles", function()
  local profile = glean.profile { base = "search", map = { ["ۃ"] = "ه" } }
  local entries = {
    { id = "X", type = "place", alias = "ۃلا" },
    { id = "Y", type = "org", alias = "MIC", flags = "case" },
  }
  local text = "قال ہلا و MIC و mic"

  it("fold text and aliases alike, flags included", function()
    local gz = gz_of(entries, { profile = profile })
    assert.are.same({ "ہلا@8-13:X", "MIC@18-20:Y" }, spans(gz, text))
    -- the base profile keeps ۃ apart from ہ
    assert.are.same({ "MIC@18-20:Y" }, spans(gz_of(entries), text))
  end)

  it("are recorded in the compiled file and restored when it is opened", function()
    local path = os.tmpname()
    assert(gz_of(entries, { profile = profile }):save(path))
    local gz = assert(gazetteer.open(path))
    assert.are.same({ "custom", profile:spec() }, { gz:profile() })
    assert.are.same({ "ہلا@8-13:X", "MIC@18-20:Y" }, spans(gz, text))
    local again, err = gazetteer.load(path, { profile = "search" })
    os.remove(path)
    assert.is_nil(again)
    assert.matches("compiled with another fold profile %('custom'%)", err)
  end)

  it("reject an unknown profile name", function()
    assert.has_error(function() gz_of({}, { profile = "nope" }) end)
  end)
end)
