-- tools/commonwords.lua (the `make gazetteer` step that flags aliases which
-- are ordinary words) on a small gazetteer and small hunspell-format
-- dictionaries written here, and the flags it sets, in the matcher.
local glean = require "glean"
local H = glean_spec

local function run_tool(gaz, dicdir)
  local cmd = "lua5.4 " .. H.home .. "/tools/commonwords.lua " .. gaz .. " " .. dicdir .. " 2>" .. gaz .. ".err"
  local ok = os.execute(cmd)
  return ok, H.read(gaz .. ".err")
end

describe("tools/commonwords.lua", function()
  local dir
  setup(function()
    dir = H.tmpdir()
    H.write(dir .. "/en_US.aff", "SET UTF-8\nONLYINCOMPOUND c\n")
    H.write(dir .. "/en_US.dic", "5\nnice/M\nchina\nBerlin/M\nyork/c\nsanta\n")
    H.write(dir .. "/fr_FR.aff", "SET UTF-8\nFLAG long\nNEEDAFFIX ()\n")
    H.write(dir .. "/fr_FR.dic", "2\nréunion/S.()\nla/L'D'\n")
    H.write(dir .. "/ar.aff", "SET UTF-8\nFLAG long\n")
    H.write(dir .. "/ar.dic", "3\nليس\nابل/12\nطهران\n")
    H.write(dir .. "/g.tsv", table.concat({
      "# a comment",
      "id\ttype\talias\tflags\tlang",
      "NCE\tplace\tNice\t\ten",
      "CN\tplace\tChina\t\ten",
      "BER\tplace\tBerlin\t\ten",
      "YRK\tplace\tYork\t\ten",
      "RE\tplace\tLa Réunion\t\tfr",
      "SC\tplace\tSanta Cruz\t\ten",
      "US\torg\tUS\tcase\ten",
      "WF\tplace\tولّیس\t\tur",
      "KBL\tplace\tکابل\t\tfa",
      "THR\tplace\tوطهران\t\tfa",
      "THR2\tplace\tطهران\t\tar",
      "" }, "\n"))
  end)

  it("flags lower-case words `capital` and proclitic + Arabic word `langonly`, and says so in one comment", function()
    local ok, err = run_tool(dir .. "/g.tsv", dir)
    assert.is_true(ok, err)
    assert.matches("commonwords: 3 capital, 1 langonly", err)
    local flags = {}
    for line in io.lines(dir .. "/g.tsv") do
      local id, fl = line:match("^([^\t#]+)\t[^\t]*\t[^\t]*\t([^\t]*)\t")
      if id then flags[id] = fl end
    end
    -- Nice, China (en words), La Réunion (fr la + réunion); Berlin is only a
    -- name, york only a compound part, Santa Cruz has a non-word; US is `case`;
    -- و + ليس is Wallis's collision, ك + ابل needs an affix, طهران is a name
    assert.same({ id = "flags", NCE = "capital", CN = "capital", BER = "", YRK = "", RE = "capital", SC = "",
                  US = "case", WF = "langonly", KBL = "", THR = "", THR2 = "" }, flags)
    local text = H.read(dir .. "/g.tsv")
    assert.matches("^# a comment\n# Common words %(tools/commonwords%.lua, hunspell en_US %(3 words%), " ..
      "fr_FR %(2 words%), ar %(1 words%)%)", text)
    -- run again: same bytes (the comment is replaced, flags not doubled)
    assert.is_true((run_tool(dir .. "/g.tsv", dir)))
    assert.are.equal(text, H.read(dir .. "/g.tsv"))
  end)
end)

describe("tools/commonwords.lua on case place names", function()
  it("gives langonly to words of other languages only and to another country's code", function()
    local dir = H.tmpdir()
    H.write(dir .. "/tr_TR.aff", "SET UTF-8\n")
    H.write(dir .. "/tr_TR.dic", "3\nderbi\nmenemen\nkapı\n")
    H.write(dir .. "/en_US.aff", "SET UTF-8\n")
    H.write(dir .. "/en_US.dic", "1\nreading\n")
    H.write(dir .. "/g.tsv", table.concat({
      "id\ttype\talias\tflags\tlang\tiso",
      "place:gn:1\tplace\tDerbi\tcase\taz\tGB",        -- a Turkish word, a British town
      "place:gn:2\tplace\tMenemen\tcase\ten\tTR",      -- a Turkish word, a Turkish town
      "place:gn:3\tplace\tKapı\tcase\ttr\tBA",         -- a word of its own language
      "place:gn:4\tplace\tReading\tcase\t\tGB",        -- no lang: nothing to restrict to
      "org:x\torg\tDerbi\tcase\taz\t",                 -- not a place
      "place:country:GB\tplace\tRU\tcase\tes\tGB",     -- Reino Unido; RU is Russia's code
      "place:country:RU\tplace\tRusia\t\tes\tRU",
      "place:country:US\tplace\tUS\tcase\ten\tUS",
      "" }, "\n"))
    local ok, err = run_tool(dir .. "/g.tsv", dir)
    assert.is_true(ok, err)
    assert.matches("2 case place names langonly", err)
    local flags = {}
    for line in io.lines(dir .. "/g.tsv") do
      local id, alias, fl = line:match("^([^\t#]+)\t[^\t]*\t([^\t]*)\t([^\t]*)\t")
      if id then flags[id .. " " .. alias] = fl end
    end
    assert.same({ ["id alias"] = "flags", ["place:gn:1 Derbi"] = "case,langonly", ["place:gn:2 Menemen"] = "case",
                  ["place:gn:3 Kapı"] = "case", ["place:gn:4 Reading"] = "case", ["org:x Derbi"] = "case",
                  ["place:country:GB RU"] = "case,langonly", ["place:country:RU Rusia"] = "",
                  ["place:country:US US"] = "case" }, flags)
    local text = H.read(dir .. "/g.tsv")
    assert.is_true((run_tool(dir .. "/g.tsv", dir)))   -- a rerun: same bytes
    assert.are.equal(text, H.read(dir .. "/g.tsv"))
    local gz = glean.gazetteer.load(dir .. "/g.tsv")
    local function ids(t, lang)
      local out = {}
      for _, m in ipairs(gz:find_all(t, { lang = lang })) do out[#out + 1] = m.id end
      return out
    end
    -- the place is not found in Turkish (the organisation is left alone)
    assert.same({ "org:x" }, ids("Galatasaray ile Fenerbahçe, Derbi maçında karşılaştı.", "tr"))
    assert.same({ "place:gn:1", "org:x" }, ids("Derbi şəhərində", "az"))
    assert.same({ "place:gn:2" }, ids("İzmir'in Menemen ilçesinde", "tr"))
    assert.same({}, ids("Сайт TASS.RU сообщает", "ru"))
  end)
end)

describe("tools/commonwords.lua on Persian and Urdu names in ه", function()
  it("keeps a name that is an Arabic word in ة to its own languages, not a country's", function()
    if not os.execute("command -v hunspell >/dev/null") then pending("no hunspell program") return end
    local dir = H.tmpdir()
    H.write(dir .. "/ar.aff", "SET UTF-8\n")
    H.write(dir .. "/ar.dic", "4\nدولة\nمدينة\nحماة\nسورية\n")
    H.write(dir .. "/g.tsv", table.concat({
      "id\ttype\talias\tflags\tlang",
      "place:gn:1\tplace\tدوله\t\tfa",          -- Dhule; Arabic دولة 'state'
      "place:gn:2\tplace\tمدينه\t\t",           -- untagged, beside fa مدینه: dropped
      "place:gn:2\tplace\tمدینه\t\tfa",
      "place:gn:2\tplace\tمدینھ\t\t",           -- Urdu ھ folds as ه: dropped too
      "place:gn:3\tplace\tحماه\t\t",            -- untagged, alone: left
      "place:gn:4\tplace\tبندره\t\tfa",         -- no Arabic word
      "place:gn:5\tplace\tدوله\t\tar",          -- Arabic's own spelling
      "place:country:SY\tplace\tسوریه\t\tfa",   -- a country keeps its name
      "" }, "\n"))
    local ok, err = run_tool(dir .. "/g.tsv", dir)
    assert.is_true(ok, err)
    local rows = {}
    for line in io.lines(dir .. "/g.tsv") do
      if line:match("^place") then rows[#rows + 1] = line end
    end
    -- (the Arabic line is left by this rule; the Urdu analyser, where installed, reads it as
    -- Urdu دولہ 'bridegroom', which keeps it to Arabic documents: next describe)
    local ur = io.open("/usr/share/apertium/apertium-urd/urd.automorf.bin", "rb")
    if ur then ur:close() end
    assert.same({ "place:gn:1\tplace\tدوله\tlangonly\tfa", "place:gn:2\tplace\tمدینه\tlangonly\tfa",
      "place:gn:3\tplace\tحماه\t\t", "place:gn:4\tplace\tبندره\t\tfa",
      "place:gn:5\tplace\tدوله\t" .. (ur and "langonly" or "") .. "\tar",
      "place:country:SY\tplace\tسوریه\t\tfa" }, rows)
    assert.matches("names in ه that are Arabic words in ة", err)
  end)

  it("keeps a Persian or Urdu place name that Arabic writes with the article to its own languages", function()
    local dir = H.tmpdir()
    H.write(dir .. "/ar.aff", "SET UTF-8\n")
    H.write(dir .. "/ar.dic", "1\nليس\n")
    H.write(dir .. "/g.tsv", table.concat({
      "id\ttype\talias\tflags\tlang",
      "place:country:YE\tplace\tاليمن\t\tar",
      "place:country:YE\tplace\tیمن\t\tfa,ur",     -- Arabic يمن 'blessing': langonly
      "place:country:YE\tplace\tيمن\t\t",          -- untagged beside it: dropped
      "place:gn:7\tplace\tالقصر\t\tar",
      "place:gn:8\tplace\tقصر\t\tfa",              -- another place: left
      "place:country:EG\tplace\tمصر\t\tar",
      "place:country:EG\tplace\tمصر\t\tfa",        -- Arabic writes it so too: left
      "org:x:1\torg\tالموساد\t\tar",
      "org:x:1\torg\tموساد\t\tfa",                 -- an organisation: left
      "" }, "\n"))
    local ok, err = run_tool(dir .. "/g.tsv", dir)
    assert.is_true(ok, err)
    local rows = {}
    for line in io.lines(dir .. "/g.tsv") do
      if line:match("^[po]") and not line:match("^id") then rows[#rows + 1] = line end
    end
    assert.same({ "place:country:YE\tplace\tاليمن\t\tar", "place:country:YE\tplace\tیمن\tlangonly\tfa,ur",
      "place:gn:7\tplace\tالقصر\t\tar", "place:gn:8\tplace\tقصر\t\tfa",
      "place:country:EG\tplace\tمصر\t\tar", "place:country:EG\tplace\tمصر\t\tfa",
      "org:x:1\torg\tالموساد\t\tar", "org:x:1\torg\tموساد\t\tfa" }, rows)
    assert.matches("2 Persian/Urdu names Arabic writes with the article", err)
  end)
end)

describe("tools/commonwords.lua on Arabic names that are Urdu words", function()
  it("keeps an Arabic place name that apertium-urd reads as an Urdu word to Arabic documents", function()
    local analyser = "/usr/share/apertium/apertium-urd/urd.automorf.bin"
    local f = io.open(analyser, "rb")
    if not f then pending("no apertium-urd") return end
    f:close()
    local dir = H.tmpdir()
    H.write(dir .. "/en_US.aff", "SET UTF-8\n")
    H.write(dir .. "/en_US.dic", "1\nnice\n")
    H.write(dir .. "/g.tsv", table.concat({
      "id\ttype\talias\tflags\tlang",
      "place:gn:1\tplace\tميدان\t\tar",        -- Medan; Urdu میدان 'field'
      "place:gn:2\tplace\tأعزاز\t\tar",        -- Azaz; Urdu اعزاز 'honour'
      "place:gn:3\tplace\tلاهور\t\tar",        -- Lahore: a proper noun in Urdu too
      "place:gn:4\tplace\tميدان\t\tar,ur",     -- the Urdu press's own name
      "place:country:XX\tplace\tميدان\t\tar",  -- a country keeps its name
      "place:gn:1\tplace\tمیدان\t\t",          -- untagged beside ar ميدان: dropped
      "place:gn:3\tplace\tلاہور\t\t",          -- untagged, a proper noun: left
      "" }, "\n"))
    local ok, err = run_tool(dir .. "/g.tsv", dir)
    assert.is_true(ok, err)
    local rows = {}
    for line in io.lines(dir .. "/g.tsv") do
      if line:match("^place") then rows[#rows + 1] = line end
    end
    assert.same({ "place:gn:1\tplace\tميدان\tlangonly\tar", "place:gn:2\tplace\tأعزاز\tlangonly\tar",
      "place:gn:3\tplace\tلاهور\t\tar", "place:gn:4\tplace\tميدان\t\tar,ur",
      "place:country:XX\tplace\tميدان\t\tar", "place:gn:3\tplace\tلاہور\t\t" }, rows)
    assert.matches("3 Arabic names that are Urdu words langonly", err, 1, true)
  end)
end)

describe("tools/commonwords.lua on GeoNames towns", function()
  it("drops a town named like a word or a person of its languages (hunspell, data/names)", function()
    if not os.execute("command -v hunspell >/dev/null") then pending("no hunspell program") return end
    local dir = H.tmpdir()
    H.write(dir .. "/de_DE.aff", "SET UTF-8\nSFX N Y 1\nSFX N 0 n e\n")
    H.write(dir .. "/de_DE.dic", "2\nStraße/N\nbinnen\n")
    H.write(dir .. "/es_ES.aff", "SET UTF-8\n")
    H.write(dir .. "/es_ES.dic", "1\nlluvia\n")
    os.execute("mkdir -p '" .. dir .. "/names'")
    H.write(dir .. "/names/es.tsv", "# names\ngiven\tLucinda\nsurname\tOrtega\n")
    local rows = {
      "id\ttype\talias\tflags\tlang\tiso\tpopulation",
      "place:gn:1\tplace\tStrassen\tcase,langonly\tde,fr,lb\tLU\t6006",   -- Straßen, Swiss spelling
      "place:gn:2\tplace\tBinnen\tcase,langonly\tde\tDE\t1200",
      "place:gn:3\tplace\tSelbach\tcase,langonly\tde\tDE\t3000",          -- a name only: kept
      "place:gn:4\tplace\tLluvia\tcase,langonly\tes\tES\t1500",
      "place:gn:5\tplace\tOrtega\tcase,langonly\tes\tES\t2100",
      "place:gn:6\tplace\tLucinda de Arriba\tcase,langonly\tes\tES\t2100",  -- several words: kept
      "place:gn:7\tplace\tBinnen\tcase\tde\tDE\t80000",                   -- not a town (no langonly)
      "" }
    H.write(dir .. "/g.tsv", table.concat(rows, "\n"))
    local cmd = "lua5.4 " .. H.home .. "/tools/commonwords.lua " .. dir .. "/g.tsv " .. dir .. " " .. dir
      .. "/names 2>" .. dir .. "/err"
    assert.is_true((os.execute(cmd)), H.read(dir .. "/err"))
    assert.matches("4 towns dropped", H.read(dir .. "/err"))
    local kept = {}
    for line in io.lines(dir .. "/g.tsv") do
      local id = line:match("^(place:gn:%d+)\t")
      if id then kept[#kept + 1] = id end
    end
    assert.same({ "place:gn:3", "place:gn:6", "place:gn:7" }, kept)
  end)
end)

describe("tools/commonwords.lua on towns the dictionary lists as proper nouns", function()
  it("keeps a town of 20 000 named by a capitalised-only place entry, not a people, a name, a word or a hamlet",
    function()
    if not os.execute("command -v hunspell >/dev/null") then pending("no hunspell program") return end
    local dir = H.tmpdir()
    -- invented names; en_US: M possessive, S plural (as SCOWL's flags)
    H.write(dir .. "/en_US.aff", "SET UTF-8\nSFX S Y 1\nSFX S 0 s .\nSFX M Y 1\nSFX M 0 's .\n")
    H.write(dir .. "/en_US.dic", "7\nBrindlemoor/M\nVarnite/SM\nQuellby/M\nOstrina/M\ngrommet/M\nTalvish/M\nPenwick\n")
    -- de_DE: S genitive, N plural, m and ij compound classes (as igerman98's)
    H.write(dir .. "/de_DE.aff", "SET UTF-8\nSFX S Y 1\nSFX S 0 s .\nSFX N Y 1\nSFX N 0 n e\n")
    H.write(dir .. "/de_DE.dic", "3\nKarnholm/Sm\nWelle/Nm\nWellen/ij\n")
    -- uk_UA deletes Latin letters (ICONV ... 0), so hunspell passes any Latin word
    H.write(dir .. "/uk_UA.aff",
      "SET UTF-8\nICONV 6\nICONV Z 0\nICONV z 0\nICONV o 0\nICONV r 0\nICONV i 0\nICONV v 0\n")
    H.write(dir .. "/uk_UA.dic", "1\nкнига\n")
    os.execute("mkdir -p '" .. dir .. "/names'")
    H.write(dir .. "/names/fr.tsv", "surname\tOstrina\n")
    local rows = {
      "id\ttype\talias\tflags\tlang\tiso\tpopulation",
      "place:gn:1\tplace\tBrindlemoor\tcase,langonly\ten\tUS\t38000",   -- a place entry: kept
      "place:gn:2\tplace\tVarnite\tcase,langonly\ten\tUS\t30000",       -- a plural: a people
      "place:gn:3\tplace\tQuellby\tcase,langonly\ten\tGB\t4000",        -- under 20 000
      "place:gn:4\tplace\tOstrina\tcase,langonly\ten\tUS\t25000",       -- a French surname
      "place:gn:5\tplace\tGrommet\tcase,langonly\ten\tUS\t25000",       -- a lower-case word
      "place:gn:6\tplace\tTalvish\tcase,langonly\ten\tUS\t25000",       -- an adjective's ending
      "place:gn:7\tplace\tPenwick\tcase,langonly\ten\tGB\t21000",       -- an entry without flags: kept
      "place:gn:8\tplace\tKarnholm\tcase,langonly\tde\tDE\t45000",      -- kept
      "place:gn:9\tplace\tWellen\tcase,langonly\tde\tDE\t30000",        -- Welle's plural
      "place:gn:10\tplace\tZorivo\tcase,langonly\tru,uk\tUA\t8000",     -- Latin: not asked of uk_UA
      "" }
    H.write(dir .. "/g.tsv", table.concat(rows, "\n"))
    local cmd = "lua5.4 " .. H.home .. "/tools/commonwords.lua " .. dir .. "/g.tsv " .. dir .. " " .. dir
      .. "/names 2>" .. dir .. "/err"
    assert.is_true((os.execute(cmd)), H.read(dir .. "/err"))
    local kept = {}
    for line in io.lines(dir .. "/g.tsv") do
      local id = line:match("^(place:gn:%d+)\t")
      if id then kept[#kept + 1] = id end
    end
    assert.same({ "place:gn:1", "place:gn:7", "place:gn:8", "place:gn:10" }, kept)
    assert.matches("kept %(town, proper noun%)\tBrindlemoor\ten\ten\tplace:gn:1", H.read(dir .. "/err"))
    assert.matches("6 towns dropped", H.read(dir .. "/err"))
  end)
end)

describe("tools/commonwords.lua on Hebrew names", function()
  it("takes he from a small place abroad whose name is a Hspell noun or adjective, not from countries", function()
    local dir = H.tmpdir()
    -- Hspell classes: a = takes the article (nouns, adjectives; with a plural); c = names
    H.write(dir .. "/en_US.aff", "SET UTF-8\n")
    H.write(dir .. "/en_US.dic", "1\nnice\n")
    H.write(dir .. "/he_IL.aff", "SET UTF-8\n")
    H.write(dir .. "/he_IL.dic", "10\nטובה/a\nטובות/a\nאלה/a\nאלות/a\nפרו/a\nלונדון/c\nרימה/a\nרימות/a\n" ..
      "יפו/a\nמיזורי/a\n")
    local rows = {
      "id\ttype\talias\tflags\tlang\tiso\tpopulation",
      "place:region:RU-TY\tplace\tטובה\t\the\tRU\t",             -- 'good': dropped
      "place:region:CH-VS\tplace\tואלה\t\the,yi\tCH\t",          -- ו + אלה 'and these': yi only
      "place:country:PE\tplace\tפרו\t\the\tPE\t",               -- a country keeps its name
      "place:gn:1\tplace\tלונדון\t\the\tGB\t8900000",          -- a name (class c): kept
      "place:gn:2\tplace\tרימה\t\the\tYE\t900000",             -- over HE_MAX: kept
      "place:gn:3\tplace\tיפו\t\the\tIL\t40000",               -- in Israel: kept
      "place:region:US-MO\tplace\tמיזורי\t\the\tUS\t",          -- class a, but no plural: a name
      "org:x\torg\tטובה\t\the\t\t",                            -- not a place: kept
      "" }
    H.write(dir .. "/g.tsv", table.concat(rows, "\n"))
    local ok, err = run_tool(dir .. "/g.tsv", dir)
    assert.is_true(ok, err)
    assert.matches("2 Hebrew names that are Hebrew words not he", err)
    assert.matches("dropped %(he word%)\tטובה\the\the:טובה\tplace:region:RU%-TY", err)
    local got = {}
    for line in io.lines(dir .. "/g.tsv") do
      local id, fl, lang = line:match("^([^\t#]+)\t[^\t]*\t[^\t]*\t([^\t]*)\t([^\t]*)")
      if id and id ~= "id" then got[#got + 1] = id .. "=" .. fl .. "/" .. lang end
    end
    assert.same({ "place:region:CH-VS=langonly/yi", "place:country:PE=/he", "place:gn:1=/he", "place:gn:2=/he",
                  "place:gn:3=/he", "place:region:US-MO=/he",
                  "org:x=/he" }, got)
  end)
end)

describe("tools/commonwords.lua on Vietnamese names", function()
  it("makes a one-syllable name exact when another syllable folds alike", function()
    local dir = H.tmpdir()
    H.write(dir .. "/vi_VN.aff", "SET UTF-8\n")
    H.write(dir .. "/vi_VN.dic", "4\nbị\nbỉ\nnhà\nlào\n")
    H.write(dir .. "/g.tsv", table.concat({
      "id\ttype\talias\tflags\tlang",
      "place:country:BE\tplace\tBỉ\tcase\tvi",          -- bị 'suffer', Bị cáo 'the accused'
      "place:country:LA\tplace\tLào\tcase\tvi",         -- the only syllable of its key
      "place:country:XX\tplace\tHà Nội\tcase\tvi",      -- two syllables
      "org:x\torg\tBỉ\tcase\tvi",                       -- not a place
      "" }, "\n"))
    local ok, err = run_tool(dir .. "/g.tsv", dir)
    assert.is_true(ok, err)
    assert.matches("1 Vietnamese names exact", err)
    local flags = {}
    for line in io.lines(dir .. "/g.tsv") do
      local id, fl = line:match("^([^\t#]+)\t[^\t]*\t[^\t]*\t([^\t]*)\t")
      if id then flags[id] = fl end
    end
    assert.same({ id = "flags", ["place:country:BE"] = "case,exact", ["place:country:LA"] = "case",
                  ["place:country:XX"] = "case", ["org:x"] = "case" }, flags)
    local text = H.read(dir .. "/g.tsv")
    assert.is_true((run_tool(dir .. "/g.tsv", dir)))   -- a rerun: same bytes
    assert.are.equal(text, H.read(dir .. "/g.tsv"))
    local gz = glean.gazetteer.new { { id = "BE", type = "place", alias = "Bỉ", lang = "vi", flags = "case,exact" } }
    local got = {}
    for _, m in ipairs(gz:find_all("Bị cáo đã sang Bỉ.", { lang = "vi" })) do got[#got + 1] = m.surface end
    assert.same({ "Bỉ" }, got)
  end)
end)

describe("the capital and langonly flags", function()
  local gz = glean.gazetteer.new {
    { id = "RE", type = "place", alias = "Réunion", lang = "fr", flags = "capital" },
    { id = "CN", type = "place", alias = "China", lang = "en", flags = "capital" },
    { id = "WF", type = "place", alias = "ولّیس", lang = "ur", flags = "langonly" },
    { id = "MOW", type = "place", alias = "Москва", lang = "ru", flags = "capital" },
  }
  local function surfaces(text, opts)
    local out = {}
    for _, m in ipairs(gz:find_all(text, opts)) do out[#out + 1] = m.surface end
    return out
  end

  it("capital: the text must not write the first letter in lower case", function()
    assert.same({ "Réunion", "RÉUNION", "China" }, surfaces("la réunion de Réunion, RÉUNION; china China"))
    assert.same({ "Москве" }, surfaces("москве Москве", { lang = "ru" }))   -- forms too
  end)

  it("langonly: only in documents of the alias's languages, when the language is known", function()
    assert.same({}, surfaces("وليس هذا", { lang = "ar" }))
    assert.same({ "ولیس" }, surfaces("ولیس", { lang = "ur" }))
    assert.same({ "وليس" }, surfaces("وليس"))
  end)
end)
