-- glean.analyze: the document model, the pipeline and the aggregates.
local analyze = require "glean.analyze"
local glean = require "glean"
local H = glean_spec

-- the surfaces of the places analyzer `an` finds in text (in language lang)
local function place_surfaces(an, text, lang)
  local got = {}
  for _, m in ipairs(an:document({ id = "d", text = text, lang = lang }).mentions) do
    if m.type == "place" then got[#got + 1] = m.surface end
  end
  return got
end

-- a small gazetteer whose numbers can be counted by hand
local function small_gz()
  return glean.gazetteer.new({
    { id = "place:Berlin", type = "place", alias = "Berlin" },
    { id = "place:Berlin", type = "place", alias = "Берлин" },
    { id = "place:Paris", type = "place", alias = "Paris" },
    { id = "org:UN", type = "org", alias = "United Nations" },
    { id = "place:Tehran", type = "place", alias = "تهران" },
  })
end

local function small()
  return assert(analyze.new({ gazetteer = small_gz(), rules = false,
                              labels = { ["place:Berlin"] = "Berlin" } }))
end

local samples = {}
for _, e in ipairs(analyze.expand({ H.home .. "/samples" }, "*.txt")) do samples[#samples + 1] = e end

describe("analyze document model", function()
  it("gives language, script mix, direction, sentences and mentions with exact offsets", function()
    local rec = small():document({ id = "d1", text = "Berlin met Paris. The United Nations watched Berlin." })
    assert.equal("ok", rec.status)
    assert.equal("d1", rec.id)
    assert.same({ Latn = 52 }, rec.scripts)
    assert.equal("ltr", rec.dir)
    assert.equal(2, #rec.sentences)
    assert.equal(4, #rec.mentions)
    for _, m in ipairs(rec.mentions) do
      assert.equal(m.surface, rec.text:sub(m.start, m.stop))
    end
    assert.same({ 1, 1, 2, 2 }, { rec.mentions[1].sentence, rec.mentions[2].sentence,
                                  rec.mentions[3].sentence, rec.mentions[4].sentence })
    assert.equal("Berlin", rec.mentions[1].label)
    assert.equal("Paris", rec.mentions[2].label)    -- no label table entry: the id's last field
  end)

  it("takes no name written in lower case for a capitalised alias (a word of the text)", function()
    local gz = glean.gazetteer.new({
      { id = "place:Gaza", type = "place", alias = "Газа" },
      { id = "place:Reunion", type = "place", alias = "Réunion" },
      { id = "org:acme", type = "org", alias = "acme widgets" },
    })
    local an = assert(analyze.new({ gazetteer = gz, rules = false, entities = false }))
    local rec = an:document({ id = "ru",
                              text = "Цены газа выросли, сообщили в Газа. Et la réunion à Réunion; acme widgets." })
    local got = {}
    for _, m in ipairs(rec.mentions) do got[#got + 1] = m.surface end
    assert.same({ "Газа", "Réunion", "acme widgets" }, got)
  end)

  it("finds a dateline's place written in capitals that the gazetteer spells in title case", function()
    -- invented towns, matched as written (`case`), as GeoNames names are
    local gz = glean.gazetteer.new({
      { id = "place:lakeview", type = "place", alias = "Lake View", flags = "case" },
      { id = "place:pinewood", type = "place", alias = "Pinewood", flags = "case" },
      { id = "place:oakdale", type = "place", alias = "Oakdale", flags = "case" },
      { id = "org:acme", type = "org", alias = "Acme", flags = "case" },
    })
    local an = assert(analyze.new({ gazetteer = gz, rules = false, entities = false }))
    local function places(text)
      local got = {}
      for _, m in ipairs(an:document({ id = "d", text = text, lang = "en" }).mentions) do
        got[#got + 1] = m.type .. " " .. m.surface .. " " .. m.start
      end
      return got
    end
    -- alone on its line, before a dash, a comma or a bracket
    assert.same({ "place LAKE VIEW 1" }, places("LAKE VIEW\n\nStorms hit the town."))
    assert.same({ "place PINEWOOD 1" }, places("PINEWOOD \226\128\148 Storms hit the town."))
    assert.same({ "place OAKDALE 8" }, places("Update\nOAKDALE, Dec 6 (AP) - Storms hit."))
    -- not an organisation, not the first word of a headline in capitals
    assert.same({}, places("Storms hit.\nACME \226\128\148 results.\nOAKDALE STORMS KILL TWO"))
  end)

  it("takes no Arabic word that only search folding makes a place's name (ئ as ي, ه as ة)", function()
    -- invented places: a small town in ة, a city in ي, a big city in ة
    local gz = glean.gazetteer.new({
      { id = "place:qawla", type = "place", alias = "قولة", population = "59000" },
      { id = "place:fuji", type = "place", alias = "فوجي", population = "240000" },
      { id = "place:qahira", type = "place", alias = "القاهرة", population = "7000000" },
    })
    local an = assert(analyze.new({ gazetteer = gz, rules = false }))
    local function places(text, lang) return place_surfaces(an, text, lang) end
    local text = "نقلت الوكالة عن الوزير قوله إن الوفد فوجئ بالقرار في القاهره وزار قولة وفوجي."
    assert.same({ "القاهره", "قولة", "فوجي" }, places(text))
  end)

  it("takes no Arabic-script place on a word written with tanwin (an indefinite common word)", function()
    -- an invented town named like an adjective's stem
    local gz = glean.gazetteer.new({
      { id = "place:bira", type = "place", alias = "بيرا", population = "50000" },
    })
    local an = assert(analyze.new({ gazetteer = gz, rules = false }))
    local got = {}
    local text = "حقق الفريق فوزًا كبيرًا أمس، ثم سافر اللاعبون إلى بيرا في المساء."
    for _, m in ipairs(an:document({ id = "d", text = text, lang = "ar" }).mentions) do got[#got + 1] = m.surface end
    assert.same({ "بيرا" }, got)
  end)

  it("takes no place on a word of class `word` of the text's language's cue list (Urdu وین 'van')", function()
    -- وین is a word of data/cues/ur.tsv; the same spelling stays Vienna's in Persian
    local gz = glean.gazetteer.new({
      { id = "place:Vienna", type = "place", alias = "وین", population = "1900000" },
    })
    local an = assert(analyze.new({ gazetteer = gz, rules = false }))
    local function places(text, lang) return place_surfaces(an, text, lang) end
    assert.same({}, places("پولیس وین پر بم حملہ ہوا۔", "ur"))
    assert.same({ "وین" }, places("وزیر امور خارجه امروز به وین سفر کرد.", "fa"))
  end)

  it("takes no Japanese place that a stop phrase of the cue list spells from its start (東北東, 昭和)", function()
    -- the compass point 東北東 and the era 昭和 are stop phrases of data/cues/ja.tsv
    local gz = glean.gazetteer.new({
      { id = "place:Tohoku", type = "place", alias = "東北", flags = "noboundary" },
      { id = "place:Syowa", type = "place", alias = "昭和", flags = "noboundary" },
    })
    local an = assert(analyze.new({ gazetteer = gz, rules = false }))
    local got = {}
    local text = "台風は東北東へ進み、東北で大雨になった。昭和期の作品を展示した。"
    for _, m in ipairs(an:document({ id = "d", text = text, lang = "ja" }).mentions) do got[#got + 1] = m.surface end
    assert.same({ "東北" }, got)
  end)

  it("takes no Arabic town that is a counted noun after a number or an adjective after a definite word", function()
    -- invented GeoNames towns named like a noun and an adjective
    local gz = glean.gazetteer.new({
      { id = "place:gn:1", type = "place", alias = "يوما", population = "90000" },
      { id = "place:gn:2", type = "place", alias = "الجديد", population = "126000" },
    })
    local an = assert(analyze.new({ gazetteer = gz, rules = false }))
    local got = {}
    local text = "بقي الرئيس العراقي الجديد في منصبه 79 يوما، ثم زار الجديد وسافر إلى يوما في الصيف."
    for _, m in ipairs(an:document({ id = "d", text = text, lang = "ar" }).mentions) do got[#got + 1] = m.surface end
    assert.same({ "الجديد", "يوما" }, got)
  end)

  it("takes no Arabic town named like a feminine adjective right after the noun it agrees with", function()
    local gz = glean.gazetteer.new({
      { id = "place:gn:1", type = "place", alias = "الجديدة", population = "147000" },
      { id = "place:city:Cairo", type = "place", alias = "القاهرة", population = "7000000" },
    })
    local an = assert(analyze.new({ gazetteer = gz, rules = false }))
    local got = {}
    local text = "أعلنت الحكومة الجديدة خطتها، وزار الوفد الجديدة ثم العاصمة المصرية القاهرة."
    for _, m in ipairs(an:document({ id = "d", text = text }).mentions) do got[#got + 1] = m.surface end
    -- (after الوفد, no feminine noun, the town; a big city after a feminine adjective stays)
    assert.same({ "الجديدة", "القاهرة" }, got)
  end)

  it("takes no brand spelled without accents for a word written with them", function()
    -- invented brands (ids org:wd: are the name-suggestion-index's); a curated
    -- org keeps matching the accented spelling
    local gz = glean.gazetteer.new({
      { id = "org:wd:Q1", type = "org", alias = "Burgerhaus", flags = "case" },
      { id = "org:wd:Q2", type = "org", alias = "Kaffeemuhle", flags = "case" },
      { id = "org:co:Nestle", type = "org", alias = "Nestle" },
    })
    local an = assert(analyze.new({ gazetteer = gz, rules = false, entities = false }))
    local rec = an:document({ id = "de",
      text = "Das Bürgerhaus ist geschlossen; Kaffeemuhle und Nestlé eröffnen am Montag eine Filiale." })
    local got = {}
    for _, m in ipairs(rec.mentions) do got[#got + 1] = m.surface end
    assert.same({ "Kaffeemuhle", "Nestlé" }, got)
  end)

  it("takes an acronym defined in brackets after a gazetteer's organisation as that organisation", function()
    -- an invented party of the gazetteer; its acronym is no alias there
    local gz = glean.gazetteer.new({
      { id = "org:party:Q1", type = "org", alias = "Alianza Vecinal Serrana" },
    })
    local an = assert(analyze.new({ gazetteer = gz, rules = false }))
    local text = "La diputada de Alianza Vecinal Serrana (AVS) votó en contra. Después la AVS pidió una reunión."
    local got = {}
    for _, m in ipairs(an:document({ id = "es", text = text, lang = "es" }).mentions) do
      got[#got + 1] = m.surface .. " " .. m.source .. " " .. (m.id or "")
    end
    assert.same({ "Alianza Vecinal Serrana gazetteer org:party:Q1", "AVS propagated org:party:Q1",
                  "AVS propagated org:party:Q1" }, got)
  end)

  it("takes no acronym tagged with other languages only in a Vietnamese text", function()
    -- invented entries: an acronym of another language's alias, one of English, one untagged
    local gz = glean.gazetteer.new({
      { id = "place:Q1", type = "place", alias = "KX", flags = "case", lang = "sq" },
      { id = "org:Q2", type = "org", alias = "ZTTV", flags = "case", lang = "pt,es" },
      { id = "org:Q3", type = "org", alias = "WQO", flags = "case", lang = "en,fr" },
      { id = "org:Q4", type = "org", alias = "VQB", flags = "case" },
    })
    local an = assert(analyze.new({ gazetteer = gz, rules = false, entities = false }))
    local text = "Lợi nhuận của KX tăng mạnh; ZTTV, WQO và VQB đã họp với các doanh nghiệp trong nước hôm qua."
    local rec = an:document({ id = "vi", text = text, lang = "vi" })
    local got = {}
    for _, m in ipairs(rec.mentions) do got[#got + 1] = m.surface end
    assert.equal("vi", rec.lang)
    assert.same({ "WQO", "VQB" }, got)
  end)

  it("takes no accented place for a given name written without the accents", function()
    local gz = glean.gazetteer.new({
      { id = "place:Damascus", type = "place", alias = "Şam" },
      { id = "place:Leon", type = "place", alias = "León" },
    })
    local an = assert(analyze.new({ gazetteer = gz, rules = false }))
    local rec = an:document({ id = "en", text = "Sam arrived in León on Monday. The old town of Şam is quiet." })
    local got = {}
    for _, m in ipairs(rec.mentions) do
      if m.type == "place" then got[#got + 1] = m.surface end
    end
    assert.same({ "León", "Şam" }, got)
  end)

  it("marks a document written mostly in Arabic script right to left", function()
    local rec = small():document({ id = "fa", text = "وزیران در تهران دیدار کردند. Berlin" })
    assert.equal("rtl", rec.dir)
    assert.equal("place:Tehran", rec.mentions[1].id)
  end)

  it("reports invalid UTF-8 with the byte offset and keeps no text", function()
    local rec = small():document({ id = "bad.txt", text = "Berlin \xff Paris" })
    assert.equal("error", rec.status)
    assert.equal("bad.txt: invalid UTF-8 at byte 8", rec.error)
    assert.is_nil(rec.text)
    assert.is_nil(rec.mentions)
  end)

  it("passes a read error through as the document's error", function()
    local rec = small():document({ id = "x", error = "x: Permission denied" })
    assert.same({ id = "x", status = "error", error = "x: Permission denied", bytes = 0 }, rec)
  end)

  it("takes the document date from metadata, then the text, then the file name", function()
    local an = assert(analyze.new({ gazetteer = small_gz() }))
    local r1 = an:document({ id = "a", text = "Berlin on 3 December 2024.", date = "2023-01-02T10:00" })
    assert.same({ "2023-01-02", "metadata" }, { r1.date, r1.date_source })
    local r2 = an:document({ id = "b", text = "Berlin on 3 December 2024.", path = "x/2020-01-01-a.txt" })
    assert.same({ "2024-12-03", "text" }, { r2.date, r2.date_source })
    local r3 = an:document({ id = "c", text = "Berlin.", path = "news/2021-06-30-berlin.txt" })
    assert.same({ "2021-06-30", "filename" }, { r3.date, r3.date_source })
    local r4 = an:document({ id = "d", text = "Berlin." })
    assert.is_nil(r4.date)
    assert.is_nil(r4.mentions[1].date)
  end)

  it("resolves a year-less date to the nearest year around the document date", function()
    assert.equal("2024-12-05", analyze.resolve_yearless({ month = 12, day = 5 }, "2024-12-03"))
    assert.equal("2025-01-04", analyze.resolve_yearless({ month = 1, day = 4 }, "2024-12-03"))
    assert.equal("2023-11-30", analyze.resolve_yearless({ month = 11, day = 30 }, "2024-01-10"))
    -- Solar Hijri 14 Azar, document in December 2024 (Azar 1403)
    assert.equal("2024-12-04", analyze.resolve_yearless({ month = 9, day = 14, calendar = "persian" }, "2024-12-03"))
    assert.is_nil(analyze.resolve_yearless({ month = 5, day = 1 }, "not a date"))
  end)

  it("dates a mention by a date written in its sentence, resolved from the document date", function()
    local an = assert(analyze.new({ gazetteer = small_gz() }))
    local rec = an:document({ id = "a", date = "2024-12-03",
                              text = "Berlin hosts talks on 5 December. Paris waits." })
    assert.equal("2024-12-05", rec.mentions[1].date)
    assert.equal("2024-12-03", rec.mentions[2].date)
    local ann
    for _, a in ipairs(rec.annotations) do if a.kind == "date" then ann = a end end
    assert.same({ month = 12, day = 5 }, { month = ann.value.month, day = ann.value.day })
    assert.equal("2024-12-05", ann.date)
  end)

  it("finds capitalised Latin names that no entry covers, not at a sentence start", function()
    -- (a surname no gazetteer knows: Macron is a person of data/people.tsv)
    local text = "Olaf met Emmanuel Dupontel in Berlin. Later Dupontel left for Paris with Annalena."
    local rec = small():document({ id = "a", text = text })
    local got = {}
    for _, c in ipairs(rec.candidates) do got[c[1]] = c[2] end
    -- Emmanuel Dupontel is a person (a given name from data/names), and
    -- Dupontel the same person later: no longer a gap
    assert.same({ Annalena = 1 }, got)
    local people = {}
    for _, m in ipairs(rec.mentions) do
      if m.type == "person" then people[#people + 1] = m.surface .. " " .. m.source end
    end
    assert.same({ "Emmanuel Dupontel names:given", "Dupontel propagated" }, people)
    -- without the entities stage, they are gaps
    local an = assert(analyze.new { gazetteer = "data/gazetteer.tsv", rules = false, entities = false })
    got = {}
    for _, c in ipairs(an:document({ id = "a", text = text }).candidates) do got[c[1]] = c[2] end
    assert.same({ ["Emmanuel Dupontel"] = 1, Dupontel = 1, Annalena = 1 }, got)
  end)

  it("gives a name found by its cues the entity the gazetteer matched under that surface in the document", function()
    local gz = glean.gazetteer.new({
      { id = "place:Vernet", type = "place", alias = "L'Alliance", flags = "case" },
      { id = "org:Alliance_Nordique", type = "org", alias = "Alliance nordique" },
    })
    local an = assert(analyze.new({ gazetteer = gz, rules = false }))
    -- the town L'Alliance opening the sentence hides the organisation the cues find
    local rec = an:document({ id = "a", lang = "fr",
      text = "L'Alliance nordique siège à Oslo. Les ministres de l'Alliance nordique se réunissent." })
    local got = {}
    for _, m in ipairs(rec.mentions) do got[#got + 1] = m.type .. " " .. m.surface .. " " .. m.id end
    assert.same({ "org Alliance nordique org:Alliance_Nordique", "org Alliance nordique org:Alliance_Nordique" },
      got)
    -- a name the gazetteer does not match keeps its own id
    rec = an:document({ id = "b", lang = "fr", text = "L'Alliance boréale siège à Oslo." })
    got = {}
    for _, m in ipairs(rec.mentions) do got[#got + 1] = m.type .. " " .. m.surface .. " " .. m.id end
    assert.same({ "org Alliance boréale org:~alliance-boreale" }, got)
  end)

  it("gives no capitalisation candidates for German, which capitalises every noun", function()
    local text = H.read(H.home .. "/samples/2024-12-03-de-gipfel.txt")
    local rec = small():document({ id = "de", text = text })
    assert.equal("de", rec.lang)
    assert.same({}, rec.candidates)
  end)

  it("round-trips a record through documents.jsonl", function()
    local an = assert(analyze.new({ gazetteer = small_gz() }))
    local rec = an:document({ id = "a", source = "wire", date = "2024-12-03",
                              text = "Berlin \"quoted\" on 5 December.\nBerlin again." })
    local line = analyze.encode(rec)
    assert.is_nil(line:find("\n", 1, true))
    local back = assert(analyze.decode(line))
    assert.same(rec, back)
    local empty = analyze.encode(small():document({ id = "e", text = "nothing here" }))
    assert.truthy(empty:find('"mentions":[]', 1, true))
  end)
end)

describe("analyze inputs", function()
  it("walks directories in name order and filters with --glob", function()
    local all = analyze.expand({ H.home .. "/samples" })
    local txt = analyze.expand({ H.home .. "/samples" }, "*.txt")
    assert.is_true(#txt >= 8)
    assert.is_true(#all >= #txt)
    for i = 2, #txt do assert.is_true(txt[i - 1].path < txt[i].path) end
    for _, e in ipairs(txt) do assert.truthy(e.path:match("%.txt$")) end
  end)

  it("turns a missing path into a document with an error", function()
    local list = analyze.expand({ "/nonexistent/x.txt" })
    local doc = analyze.files(list)()
    assert.equal("/nonexistent/x.txt: No such file or directory", doc.error)
    assert.same({ "/nonexistent/x.txt" }, list.missing)
  end)

  it("translates globs", function()
    assert.truthy(("a.txt"):match(analyze.glob_pattern("*.txt")))
    assert.falsy(("a.txt.bak"):match(analyze.glob_pattern("*.txt")))
    assert.truthy(("2024/x.md"):match(analyze.glob_pattern("**/*.md")))
    assert.truthy(("b1.txt"):match(analyze.glob_pattern("[ab]?.txt")))
  end)

  it("reads JSON Lines documents and names bad lines by line number", function()
    local f = io.tmpfile()
    f:write('{"id":"a","text":"Berlin","date":"2024-12-03","source":"wire"}\n\n',
            'not json\n{"id":7,"text":"Paris"}\n{"id":"c"}\n')
    f:seek("set", 0)
    local docs = {}
    for d in analyze.jsonl(f, "in.jsonl") do docs[#docs + 1] = d end
    assert.equal(4, #docs)
    assert.same({ id = "a", text = "Berlin", date = "2024-12-03", source = "wire" }, docs[1])
    assert.equal("in.jsonl:3", docs[2].id)
    assert.truthy(docs[2].error:find("^in.jsonl:3: invalid JSON"))
    assert.equal("7", docs[3].id)
    assert.equal("in.jsonl:5: field 'text' missing or not a string", docs[4].error)
  end)

  it("reads a JSON Lines document's language and names a bad one by line number", function()
    local f = io.tmpfile()
    f:write('{"id":"a","text":"Kommunen sier nei.","lang":"NB"}\n{"id":"b","text":"x","lang":"auto"}\n',
            '{"id":"c","text":"x","lang":"norsk"}\n{"id":"d","text":"x","lang":7}\n')
    f:seek("set", 0)
    local docs = {}
    for d in analyze.jsonl(f, "in.jsonl") do docs[#docs + 1] = d end
    assert.equal("nb", docs[1].lang)
    assert.is_nil(docs[2].lang)
    assert.is_nil(docs[2].error)
    assert.equal("in.jsonl:3: field 'lang': 'norsk' is not a language code (2 or 3 letters, as glean names "
      .. "them: es, pt, bho)", docs[3].error)
    assert.is_nil(docs[3].text)
    assert.truthy(docs[4].error:find("^in.jsonl:4: field 'lang': number is not a language code"))
  end)

  it("reads a JSON Lines document's null language as none given, like its other optional fields", function()
    local f = io.tmpfile()
    f:write('{"id":"a","text":"Kommunen sier nei.","lang":null,"date":null}\n')
    f:seek("set", 0)
    local docs = {}
    for d in analyze.jsonl(f, "in.jsonl") do docs[#docs + 1] = d end
    assert.is_nil(docs[1].error)
    assert.is_nil(docs[1].lang)
    assert.equal("Kommunen sier nei.", docs[1].text)
  end)

  it("takes a given language instead of detecting one: the document's, else the analyzer's", function()
    -- a short Bokmål text that the identifier alone reads otherwise or not at all
    local text = "Ordføreren i Moelv sa ja."
    local detected = small():document({ id = "d", text = text })
    assert.are_not.equal("nn", detected.lang)
    local rec = small():document({ id = "d", text = text, lang = "nn" })
    assert.equal("nn", rec.lang)
    assert.equal(1, rec.lang_confidence)
    local an = assert(analyze.new({ gazetteer = small_gz(), rules = false, lang = "da" }))
    assert.equal("da", an:document({ id = "d", text = text }).lang)
    assert.equal("nn", an:document({ id = "d", text = text, lang = "nn" }).lang)
    local auto = assert(analyze.new({ gazetteer = small_gz(), rules = false, lang = "auto" }))
    assert.equal(detected.lang, auto:document({ id = "d", text = text }).lang)
    local bad, err = analyze.new({ gazetteer = small_gz(), rules = false, lang = "Norwegian" })
    assert.is_nil(bad)
    assert.equal("lang: 'Norwegian' is not a language code (2 or 3 letters, as glean names them: es, pt, bho)", err)
    local cli = require "glean.cli"
    local opts, cerr = cli.pipeline_config({ lang = "x1", no_default_gazetteer = true, no_default_rules = true })
    assert.is_nil(opts)
    assert.truthy(cerr:find("^%-%-lang: 'x1' is not a language code"))
  end)

  it("prefers the languages with a cue list in the identifier's close calls", function()
    local an = small()
    local prefer = " " .. an.prefer.prefer .. " "
    for _, l in ipairs { "en", "es", "nb", "ur" } do assert.truthy(prefer:find(" " .. l .. " "), l) end
    for _, l in ipairs { "ast", "sco", "rm" } do assert.falsy(prefer:find(" " .. l .. " "), l) end
    assert.is_nil(assert(analyze.new({ gazetteer = small_gz(), rules = false, entities = false })).prefer)
  end)

  it("uses the given language's cue list: a title of that list only in texts of that language", function()
    -- `ordfører` (mayor) is a title of the Norwegian list, not of the
    -- Japanese one (which a Japanese text uses alone)
    local text = "Ordfører Kari Nordmann sa nei."
    local function source(lang)
      for _, m in ipairs(small():document({ id = "d", text = text, lang = lang }).mentions) do
        if m.surface == "Kari Nordmann" then return m.source end
      end
    end
    assert.equal("cue:title", source("nb"))
    assert.are_not.equal("cue:title", source("ja"))
    -- the runner-up of a close call lends its list's cues (opts.alt_lang)
    local entities = require "glean.entities"
    local kb = small().entities
    local function via(opts)
      for _, m in ipairs(entities.recognise(kb, text, opts)) do
        if text:sub(m.start, m.stop) == "Kari Nordmann" then return m.rule end
      end
    end
    assert.equal("cue:title", via({ lang = "nb" }))
    assert.equal("cue:title", via({ lang = "ja", alt_lang = "nb" }))
    assert.are_not.equal("cue:title", via({ lang = "ja" }))
  end)
end)

describe("analyze aggregates", function()
  it("counts mentions per entity, document and language, and co-occurrence", function()
    local an = small()
    local agg = analyze.aggregator()
    agg:add(an:document({ id = "1", text = "Berlin and Paris met. Berlin again.", source = "a" }))
    agg:add(an:document({ id = "2", text = "Paris. The United Nations and Paris and Berlin.", source = "b" }))
    agg:add(an:document({ id = "3", text = "bad \xc3", source = "b" }))
    assert.same({ 3, 2, 1 }, { agg.documents, agg.ok, agg.failed })
    local b, p, u = agg.entities["place:Berlin"], agg.entities["place:Paris"], agg.entities["org:UN"]
    assert.same({ 3, 2 }, { b.total, b.documents })
    assert.same({ 3, 2 }, { p.total, p.documents })
    assert.same({ 1, 1 }, { u.total, u.documents })
    assert.equal(7, agg.mentions)
    -- sentence pairs: doc1 {Berlin,Paris}; doc2 {UN,Paris,Berlin} -> 3 pairs
    assert.same({ ["place:Berlin\tplace:Paris"] = 2, ["org:UN\tplace:Berlin"] = 1, ["org:UN\tplace:Paris"] = 1 },
      agg.co_sentence)
    assert.same(agg.co_sentence, agg.co_document)
    assert.same({ documents = 2, mentions = 4, failed = 1 }, agg.sources.b)
    assert.same({ documents = 1, mentions = 3, failed = 0 }, agg.sources.a)
    assert.equal(1, #agg.failures)
    assert.equal("3: invalid UTF-8 at byte 5", agg.failures[1].error)
  end)

  it("leaves mentions inside boilerplate out of the statistics but keeps them in the record", function()
    local an = assert(analyze.new({ gazetteer = small_gz() }))
    local text = "Berlin talks went on.\nSource: Berlin Paris news desk\n"
    local rec = an:document({ id = "a", text = text })
    local inside = 0
    for _, m in ipairs(rec.mentions) do if m.boilerplate then inside = inside + 1 end end
    local has_boiler = false
    for _, a in ipairs(rec.annotations) do if a.kind == "boilerplate" then has_boiler = true end end
    if not has_boiler then return pending("no boilerplate rule matched 'Source: URL' (rules/boilerplate.lua)") end
    assert.is_true(inside >= 1)
    local agg = analyze.aggregator()
    agg:add(rec)
    assert.equal(#rec.mentions - inside, agg.mentions)
    assert.equal(inside, agg.boilerplate_mentions)
  end)

  it("keeps at most keep_texts documents and counts the rest", function()
    local an = small()
    local agg = analyze.aggregator({ keep_texts = 2 })
    for i = 1, 5 do agg:add(an:document({ id = tostring(i), text = "Berlin " .. i })) end
    assert.equal(2, #agg.shown)
    assert.equal(3, agg.omitted)
    assert.equal(5, agg.entities["place:Berlin"].total)
  end)

  it("analyses every sample: entities shared across languages and scripts", function()
    local an = assert(analyze.new())
    local agg = analyze.aggregator()
    local langs = {}
    for doc in analyze.files(samples) do
      local rec = an:document(doc)
      assert.equal("ok", rec.status, rec.error)
      for _, m in ipairs(rec.mentions) do assert.equal(m.surface, rec.text:sub(m.start, m.stop)) end
      for _, a in ipairs(rec.annotations) do assert.equal(a.surface, rec.text:sub(a.start, a.stop)) end
      langs[rec.lang] = true
      agg:add(rec)
    end
    local nlang = 0
    for _ in pairs(langs) do nlang = nlang + 1 end
    assert.is_true(nlang >= 8, "languages: " .. nlang)
    local best = 0
    for _, e in pairs(agg.entities) do
      local n = 0
      for _ in pairs(e.languages) do n = n + 1 end
      if n > best then best = n end
    end
    assert.is_true(best >= 8, "an entity is mentioned in " .. best .. " languages")
    assert.is_true(agg.rtl_documents >= 2)
  end)

  for _, name in ipairs({ "hi.txt", "de.txt", "fa.txt" }) do
    it("analyses the shared corpus " .. name, function()
      local text = H.corpus(name)
      if not text then return pending("../shared not found") end
      local an = assert(analyze.new())
      local rec = an:document({ id = name, text = text })
      assert.equal("ok", rec.status, rec.error)
      assert.equal(name:sub(1, 2), rec.lang)
      assert.equal(name == "fa.txt" and "rtl" or "ltr", rec.dir)
      assert.is_true(#rec.mentions > 0)
      assert.is_true(#rec.sentences > 1)
      local last = 0
      for _, m in ipairs(rec.mentions) do
        assert.equal(m.surface, text:sub(m.start, m.stop))
        assert.is_true(m.start >= last, "mentions in text order")
        last = m.start
      end
    end)
  end
end)

-- issue 18 item 9: one invalid byte no longer drops a document when asked;
-- one id with two types is said
describe("analyze --invalid replace and type conflicts", function()
  it("reads each invalid byte as U+001A, offsets true to the input, with a warning", function()
    local an = assert(analyze.new({ gazetteer = glean.gazetteer.new({
      { id = "place:Berlin", type = "place", alias = "Berlin" },
      { id = "place:Paris", type = "place", alias = "Paris" } }), rules = false, invalid = "replace" }))
    local text = "Berlin \xff\xe2\x82 Paris"
    local rec = an:document({ id = "d", text = text })
    assert.equal("ok", rec.status)
    assert.same({ "d: 3 invalid UTF-8 bytes replaced (the first at byte 8)" }, rec.warnings)
    assert.equal(2, #rec.mentions)
    assert.equal("Paris", text:sub(rec.mentions[2].start, rec.mentions[2].stop))
    assert.equal("Berlin \26\26\26 Paris", rec.text)
    assert.same({ "a\26b", 1 }, { analyze.replace_invalid("a\x80b") })
    assert.same({ "\26", 1 }, { analyze.replace_invalid("\xff") })
    assert.same({ "ok", 0 }, { analyze.replace_invalid("ok") })
    -- the default still fails the document, naming the byte
    local strict = assert(analyze.new({ gazetteer = glean.gazetteer.new({}), rules = false }))
    assert.equal("d: invalid UTF-8 at byte 8", strict:document({ id = "d", text = text }).error)
  end)

  it("lists ids that have two types in the gazetteer", function()
    local gz = glean.gazetteer.new({
      { id = "Q1", type = "place", alias = "Berlin" },
      { id = "Q1", type = "org", alias = "Berlin AG" },
      { id = "Q2", type = "place", alias = "Paris" },
    })
    assert.same({ "id 'Q1' has 2 types (org, place)" }, glean.gazetteer.type_conflicts(gz))
    assert.same({ "id 'Q1' has 2 types (org, place)" },
                assert(analyze.new({ gazetteer = gz, rules = false })).gazetteer_warnings)
  end)
end)

describe("analyze with the shipped gazetteer and lists: English courts", function()
  it("a country's abbreviation and a place tail before a title are the office's court, no place", function()
    local an = assert(analyze.new { gazetteer = H.home .. "/data/gazetteer.tsv", rules = false })
    local got = {}
    for _, m in ipairs(an:document({ id = "t", text = "At a hearing, U.S. District Judge Ann Morrow ruled. "
      .. "Crews closed Harrow Road." }).mentions) do
      got[#got + 1] = m.type .. " " .. m.surface
    end
    assert.same({ "person Ann Morrow", "place Harrow Road" }, got)
  end)
end)

describe("analyze with the shipped gazetteer and lists: Chinese districts", function()
  it("a curated city without a population takes the district tail after it", function()
    local an = assert(analyze.new { gazetteer = H.home .. "/data/gazetteer.tsv", rules = false })
    local got = {}
    for _, m in ipairs(an:document({ id = "t", text = "警方昨晚在灣仔區拘捕一名男子。" }).mentions) do
      got[#got + 1] = m.type .. " " .. m.surface
    end
    assert.same({ "place 灣仔區" }, got)
  end)

  it("a county named without 县; no name matched across ICU's words", function()
    local an = assert(analyze.new { gazetteer = H.home .. "/data/gazetteer.tsv", rules = false })
    local function got(text)
      local t = {}
      for _, m in ipairs(an:document({ id = "t", text = text }).mentions) do t[#t + 1] = m.type .. " " .. m.surface end
      return t
    end
    assert.same({ "place 德格" }, got("经德格警方侦查，嫌疑人落网。"))
    -- (道德|格外: 德格 starts inside one word and ends inside the next)
    assert.same({}, got("这一点道德格外重要，大家都同意。"))
    -- (河南|和: a county's short name, 南和 of 南和县, starting inside a word)
    assert.same({ "place 河南", "place 湖北" }, got("河南和湖北的代表都来了。"))
  end)
end)

describe("analyze with the shipped gazetteer: regions and cities the curated lists add", function()
  local an
  local function got(lang, text)
    an = an or assert(analyze.new { gazetteer = H.home .. "/data/gazetteer.tsv", rules = false })
    return place_surfaces(an, text, lang)
  end

  it("Vietnam's regions with their generic word inside the name; 'five sets' is no region", function()
    assert.same({ "miền Trung", "Nam Bộ" },
      got("vi", "Mưa lớn kéo dài ở miền Trung, còn Nam Bộ nắng nóng."))
    assert.same({}, got("vi", "Cửa hàng bán năm bộ bàn ghế mới."))
  end)

  it("Khartoum North and the Arabic name of the city of Algiers are whole places", function()
    assert.same({ "الخرطوم بحري" }, got("ar", "اندلعت اشتباكات في مدينة الخرطوم بحري مساء أمس."))
    assert.same({ "الجزائر العاصمة" }, got("ar", "وصل الوفد إلى الجزائر العاصمة صباح اليوم."))
  end)
end)
