-- Hostile cue/name lists and texts for glean.entities, generated from a
-- fixed seed (the libFuzzer harness csrc/fuzz/fuzz_entities.c explores the
-- same properties at random; every input it found is replayed here).
--  * a list file, however mangled, gives a kb or nil and one line
--    "FILE:LINE: what" -- never a Lua error;
--  * on any valid UTF-8 text, the mentions have text:sub(start, stop) ==
--    surface, start and end on character boundaries, are sorted and apart.
local entities = require "glean.entities"

-- a small deterministic generator (not math.random: its sequence differs
-- between Lua builds)
local function rng(seed)
  local x = seed
  return function(n)
    x = (x * 1103515245 + 12345) % 2147483648
    return x % n + 1
  end
end

local TYPES = { person = true, org = true, place = true }

local function check(text, found, what)
  local last = 0
  for i, m in ipairs(found) do
    local where = string.format("%s: mention %d %s..%s", what, i, tostring(m.start), tostring(m.stop))
    assert(TYPES[m.type], where .. ": type " .. tostring(m.type))
    assert(math.type(m.start) == "integer" and math.type(m.stop) == "integer", where)
    assert(m.start >= 1 and m.stop >= m.start and m.stop <= #text, where .. ": outside the text")
    assert(text:sub(m.start, m.stop) == m.surface, where .. ": surface " .. tostring(m.surface))
    local b, a = text:byte(m.start), text:byte(m.stop + 1)
    assert(not (b >= 0x80 and b < 0xC0) and not (a and a >= 0x80 and a < 0xC0),
      where .. ": not on character boundaries")
    assert(m.start > last, where .. ": unsorted or overlapping")
    last = m.stop
  end
  entities.identify(found)
end

local function slurp(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

local function put(path, s)
  local f = assert(io.open(path, "wb"))
  f:write(s)
  f:close()
end

local HOME = require("glean.paths").home()

describe("entities under hostile input", function()
  local full
  setup(function() full = assert(entities.load()) end)

  describe("mangled cue and name lists", function()
    local dir, data
    setup(function()
      dir = os.tmpname()
      os.remove(dir)
      data = dir .. "/data"
      assert(os.execute("mkdir -p " .. data .. "/cues " .. data .. "/names"))
      put(data .. "/stopwords.tsv", "lang\tword\nen\tthe\n")
      put(data .. "/cues/en.tsv", "title\tMinister\nsay\tsaid\norg_designator\tLtd\n")
      put(data .. "/names/en.tsv", "given\tAna\nsurname\tLima\n")
    end)
    teardown(function() os.execute("rm -rf " .. dir) end)

    local TEXTS = {
      "Minister Ana Lima said on Monday that Acme Ltd (AL) met Ana Lima. Lima said.",
      "外交部发言人王建华表示，中共青山市委。 قال الرئيس محمد بن سلمان",
      "ООО «Ромашка» и Министерство финансов", "",
    }
    -- load(list text, as a cue list named NAME or as data/names/en.tsv)
    local function try(list, name, as_names)
      local path = as_names and data .. "/names/en.tsv" or dir .. "/" .. name
      local saved = as_names and slurp(path)
      put(path, list)
      local ok, kb, err = pcall(entities.load, { data = data, extra = not as_names and { path } or nil })
      if as_names then put(path, saved) end
      assert(ok, "load raised: " .. tostring(kb))
      if not kb then
        assert.is_string(err)
        assert.is_nil(err:find("\n"), err)
        assert.equal(path .. ":", err:sub(1, #path + 1))
        assert.truthy(err:find("^:%d+: %S", #path + 1), err)
        return nil, err
      end
      for _, r in ipairs(entities.test(kb)) do assert.is_boolean(r.passed) end
      for _, text in ipairs(TEXTS) do check(text, entities.recognise(kb, text, { lang = "en" }), list) end
      return kb
    end

    it("gives a kb or one FILE:LINE: error for hand-made bad lines", function()
      local cases = {
        { "title\tMinister\twords=99999999999999999999999\n", true },
        { "title\tMinister\twords=0 chars=0 common common\n", true },
        { "org_head\t'\nparticle\tl'\nconnector\t’\ntitle\t-\nsay\t.\n", true },
        { "title\t\227\128\128\nstop\t\227\128\130\ngiven\t\194\183\n", true },   -- ideographic space, 。, ·
        { "example\t[PER ]\nexample\t[XYZ a]\nexample\t[PER a\nexample\t]]]][[[[\n", true },
        { "title\tMinister\r\nsay\tsaid\r\n", true },
        { "\239\187\191title\tMinister\n", false },                              -- a BOM: unknown class
        { "title\tMin\0ister\n", true },
        { "title\tMinister\twords=3\tmore\n", false },
        { "title\n", false }, { "title\t \n", false }, { "bogus\tx\n", false }, { "title\tx\twords=-1\n", false },
        { "title\t\255\n", false },
        { ("title\t" .. ("Minister "):rep(5000) .. "\n"), true },
        { ("stop\t" .. ("中"):rep(3000) .. "\n"), true },
        { "org_tail\t" .. ("a"):rep(70000) .. "\n", true },
      }
      for i, c in ipairs(cases) do
        local kb, err = try(c[1], "en.tsv")
        assert.equal(c[2], kb ~= nil, "case " .. i .. ": " .. tostring(err))
      end
      -- the same lines as a name list: only given/surname are allowed
      local _, err = try("title\tMinister\n", nil, true)
      assert.truthy(err:find("names/en.tsv:1: class 'title' in a name list", 1, true), err)
      assert.truthy(try("given\t王\nsurname\tLima\tcommon\ngiven\t'\n", nil, true))
    end)

    it("gives a kb or one FILE:LINE: error for 400 mutated shipped lists", function()
      local r = rng(18)
      local sources = {}
      for _, f in ipairs { "cues/en.tsv", "cues/de.tsv", "cues/zh.tsv", "cues/ar.tsv", "cues/ja.tsv",
                           "cues/ru.tsv", "names/en.tsv" } do
        local s = slurp(HOME .. "/data/" .. f)
        local lines = {}
        for l in s:gmatch("[^\n]+") do if not l:find("^#") then lines[#lines + 1] = l end end
        sources[#sources + 1] = lines
      end
      local BITS = { "\t", "\n", "'", "’", " ", "words=", "chars=", "common", "2", "-", ".", "«", "»",
                     "\"", "中", "ال", "\204\129", "\226\128\141", "[PER ", "]", "\0", "\r" }
      local names = { "en.tsv", "zh.tsv", "ar.tsv", "xx.tsv", "und.tsv", "de-AT.tsv" }
      local loaded, refused = 0, 0
      for case = 1, 400 do
        local lines = sources[r(#sources)]
        local out = {}
        for _ = 1, r(12) do
          local l = lines[r(#lines)]
          for _ = 1, r(8) <= 2 and r(3) or 0 do
            local p = r(#l + 1)
            local op = r(4)
            if op == 1 then l = l:sub(1, p - 1) .. BITS[r(#BITS)] .. l:sub(p)
            elseif op == 2 then l = l:sub(1, p - 1) .. l:sub(p + r(4))
            elseif op == 3 then l = l:sub(1, p - 1) .. string.char(r(256) - 1) .. l:sub(p + 1)
            else l = l .. "\t" .. ({ "words=2", "chars=3", "common", "own", "lower", "coord" })[r(6)] end
          end
          out[#out + 1] = l
        end
        local list = table.concat(out, "\n")
        local kb = try(list, names[r(#names)], case % 5 == 0 and lines == sources[#sources])
        if kb then loaded = loaded + 1 else refused = refused + 1 end
      end
      assert.is_true(loaded > 50 and refused > 50, loaded .. " loaded, " .. refused .. " refused")
    end)
  end)

  describe("hostile texts", function()
    it("finds exact, sorted, separate mentions in 300 random mixed-script texts", function()
      local r = rng(13)
      local PIECES = {
        "Minister", "President", "Dr.", "Mr", "said", "told", "By", "Ltd", "Inc.", "GmbH", "Ministry of", "of",
        "von", "der", "de", "al-", "bin", "Angela", "Merkel", "Ana", "Lima", "Acme", "Bank", "Corp",
        "(", ")", "(AC)", "«", "»", "\"", "„", "“", "”", "「", "」", "'", "’", ".", ",", ";", ":", "—", "-",
        "\n", "\n\n", "  ", "\t", "Министерство", "финансов", "ООО", "Путин", "Путину", "сказал",
        "قال", "الرئيس", "محمد", "وزارة", "الخارجية", "و", "آقای", "श्री", "नरेंद्र", "मोदी", "ने", "कहा",
        "外交部", "发言人", "王", "建华", "表示", "中共", "市委", "的", "，", "。", "・", "·", "鈴木", "優磨",
        "さん", "は", "社長", "대통령", "은", "한빛전자", "는", "Bộ", "Giáo", "dục", "ông", "Nguyễn",
        "İstanbul", "Bakanı", "Dışişleri", "ΥΠΟΥΡΓΟΣ", "Μητσοτάκης", "\204\129", "\226\128\141", "\226\128\174",
        "\u{1F600}", "\u{FEFF}", "ǅ", "ß", "ﬁ", "Ⅻ", "12", "2024", "A.", "B.", "JFK", "NATO", "Ⓐ",
      }
      for case = 1, 300 do
        local out = {}
        for _ = 1, r(120) do
          out[#out + 1] = PIECES[r(#PIECES)]
          if r(3) > 1 then out[#out + 1] = " " end
        end
        local text = table.concat(out)
        local lang = ({ "en", "de", "ru", "ar", "zh", "ja", "ko", "vi", "tr", "fa", "hi", "und" })[r(12)]
        if utf8.len(text) then
          check(text, entities.recognise(full, text, { lang = lang }), "case " .. case .. " (" .. lang .. ")")
        end
      end
    end)

    it("reads a word that folds to nothing (a lone tatweel) in any language", function()
      for _, lang in ipairs { "fa", "ar", "ur", "en", "ko", "und" } do
        for _, text in ipairs { "العالم ـ اروپا", "ـ", "Ana ـ Lima said", "대통령 ـ 한빛전자" } do
          check(text, entities.recognise(full, text, { lang = lang }), text .. " (" .. lang .. ")")
        end
      end
    end)

    it("keeps the invariants on long runs: capitals, one Han character, titles, quotes never closed", function()
      local texts = {
        { ("Alpha Beta Gamma Delta "):rep(20000), "en" },
        { "Minister Angela Merkel said. " .. ("Angela Merkel Beta "):rep(5000), "en" },
        { ("中"):rep(350000), "zh" },                                   -- ~1 MB of one Han character
        { ("President Minister "):rep(5000) .. "Ana Lima said.", "en" },
        { ('Acme Group "Foo and « Bar „Baz 「名 '):rep(3000), "en" },
        { ("قال الرئيس "):rep(5000), "ar" },
        { ("外交部发言人"):rep(20000), "zh" },
      }
      for i, t in ipairs(texts) do
        check(t[1], entities.recognise(full, t[1], { lang = t[2] }), "long text " .. i)
      end
    end)
  end)
end)
