-- Language identification (csrc/langid.c): textcat restricted to the main
-- script, refined by distinctive letters and words of related languages.
local glean = require "glean"
local H = require "spec.helper"

local function err_of(name, ...) return glean_spec.err_of(glean, name, ...) end

local function fixture(lang)
  return H.read(H.home .. "/spec/fixtures/langid/" .. lang .. ".txt")
end

-- Sentences of s, split after . । ۔ 。 ? ؟ (the terminators of our texts).
local function sentences(s)
  local out = {}
  s = s:gsub("。", "。\n"):gsub("।", "।\n"):gsub("۔", "۔\n"):gsub("؟", "؟\n"):gsub("%. ", ".\n")
  for line in s:gmatch("[^\n]+") do
    if line:match("%S") then out[#out + 1] = line end
  end
  return out
end

describe("glean.language", function()
  local langs = { "ur", "ar", "fa", "hi", "mr", "ne", "ru", "vi", "zh", "en" }

  for _, lang in ipairs(langs) do
    it(("identifies the %s sample text with a confidence above 0.5"):format(lang), function()
      local l, c = glean.language(fixture(lang))
      assert.are.equal(lang, l)
      assert.is_true(c > 0.5 and c <= 1, "confidence " .. tostring(c))
    end)

    it(("never names another language for a single %s sentence"):format(lang), function()
      local right = 0
      local ss = sentences(fixture(lang))
      assert.is_true(#ss >= 3)
      for _, s in ipairs(ss) do
        local l, c = glean.language(s)
        if l ~= nil then
          assert.are.equal(lang, l, s)
          assert.is_true(c > 0 and c <= 1)
          right = right + 1
        else
          assert.are.equal("unknown", c)
        end
      end
      assert.is_true(right >= #ss - 1, ("%d of %d sentences identified"):format(right, #ss))
    end)
  end

  it("tells Urdu, Persian and Arabic apart by their distinctive letters", function()
    -- the first sentence alone: textcat's n-grams have little to go on
    assert.are.equal("ur", (glean.language(sentences(fixture("ur"))[1])))
    assert.are.equal("fa", (glean.language(sentences(fixture("fa"))[1])))
    assert.are.equal("ar", (glean.language(sentences(fixture("ar"))[1])))
  end)

  it("tells Hindi, Marathi and Nepali apart by letters, words and endings", function()
    assert.are.equal("hi", (glean.language(sentences(fixture("hi"))[2])))
    assert.are.equal("mr", (glean.language(sentences(fixture("mr"))[2])))
    assert.are.equal("ne", (glean.language(sentences(fixture("ne"))[1])))
  end)

  it("tells Spanish and Catalan apart by their words and letters", function()
    -- short Spanish sentences with place names the n-grams took for Catalan
    assert.are.equal("es", (glean.language("El consejero figura desde 2019 como testigo en una causa sobre el agua.")))
    assert.are.equal("es", (glean.language("El Consell de Mallorca se reúne hoy en Inca.")))
    assert.are.equal("es", (glean.language("La Audiencia condena a tres años al exalcalde de Reus.")))
    -- ... and Catalan stays Catalan, Italian Italian
    assert.are.equal("ca", (glean.language("L'alcaldessa i els regidors van visitar el port després del temporal.")))
    assert.are.equal("ca", (glean.language("El consell es reuneix avui a Inca amb els alcaldes.")))
    assert.are.equal("ca", (glean.language("La col·lecció del museu tindrà més visitants aquest any.")))
    assert.are.equal("it", (glean.language("Il consiglio comunale si è riunito oggi per discutere il bilancio.")))
  end)

  it("tells Bokmål, Nynorsk, Danish and Swedish apart by their words", function()
    -- short Norwegian news the n-grams gave to Danish
    local cases = {
      nb = { "Kommunen sier at den nye skolen blir ferdig etter sommeren, men flere "
        .. "foreldre mener det tar for lang tid.",
             "Ordføreren ble gjenvalgt i går og lovet å bygge flere boliger i sentrum.",
             "Politiet har pågrepet en mann etter brannen i Bergen natt til søndag." },
      nn = { "Kommunen seier at den nye skulen blir ferdig etter sommaren, men "
        .. "fleire foreldre meiner det tek for lang tid.",
             "Ordføraren vart attvald i går og lova å byggje fleire bustader i "
               .. "sentrum, men han ville ikkje seie kva det kostar." },
      -- ... while Danish and Swedish stay themselves (Swedish efter is no Danish marker)
      da = { "Kommunen siger, at den nye skole bliver færdig efter sommeren, men "
        .. "flere forældre mener, det tager for lang tid.",
             "Borgmesteren blev genvalgt i går og lovede at bygge flere boliger i midtbyen." },
      sv = { "Kommunen säger att den nya skolan blir klar efter sommaren, men flera "
        .. "föräldrar tycker att det tar för lång tid.",
             "Polisen har gripit en man efter branden i Göteborg natten till söndag." },
    }
    for lang, list in pairs(cases) do
      for _, s in ipairs(list) do assert.are.equal(lang, (glean.language(s)), s) end
    end
    -- a German -tion word is no Danish marker
    assert.are.equal("de", (glean.language("Die Stadtverwaltung informiert über neue "
      .. "Regelungen zur Integration und Kooperation.")))
  end)

  it("tells Malay and Indonesian apart by their spellings, days and months", function()
    assert.are.equal("ms", (glean.language("Polis menahan dua lelaki selepas kejadian "
      .. "rompakan di sebuah kedai emas di Johor Bahru semalam.")))
    assert.are.equal("ms", (glean.language("Menteri Kewangan berkata kerajaan akan "
      .. "mengumumkan bantuan baharu kepada peniaga kecil pada Isnin ini.")))
    assert.are.equal("id", (glean.language("Menteri Keuangan mengatakan pemerintah akan "
      .. "mengumumkan bantuan baru bagi pedagang kecil pada Senin.")))
    assert.are.equal("id", (glean.language("Polisi menangkap dua pria setelah perampokan di "
      .. "sebuah toko emas di Surabaya, ujar juru bicara.")))
  end)

  it("keeps Urdu when its own letters tie with Persian's n-gram lead", function()
    -- a photo credit: Urdu ٹ ڈ ہ, and پ that Persian shares
    assert.are.equal("ur", (glean.language("بشکریہ: پاکستان ٹوڈے-آئی این پی")))
  end)

  it("tells Ukrainian from Russian by capitals and function words, and Marathi from Hindi by verbs", function()
    assert.are.equal("uk", (glean.language("Редактор: Олег Ткаченко, Фото: Ірина Бондар")))
    assert.are.equal("ru", (glean.language("Читайте также: правительство приняло новое решение о ценах")))
    assert.are.equal("sr", (glean.language("Премијер је рекао да ће влада донети одлуку у петак.")))
    assert.are.equal("mr", (glean.language("मंत्री काल पुण्यात म्हणाले की आम्ही लवकरच निर्णय घेऊ.")))
    assert.are.equal("hi", (glean.language("मंत्री ने कल पुणे में कहा कि हम जल्द फैसला लेंगे।")))
  end)

  it("gives a close call to a preferred language, never a clear one (opts.prefer)", function()
    -- no marker of any Scandinavian language: Danish and Swedish within 2%
    local close = "Utvalget overleverte rapporten til statsministeren på en pressekonferanse."
    assert.are.equal("da", (glean.language(close)))
    assert.are.equal("sv", (glean.language(close, { prefer = "nl sv" })))
    assert.are.equal("da", (glean.language(close, { prefer = "da sv" })))
    local clear = "Die Polizei sucht nach dem Täter in der Altstadt von Köln."
    assert.are.equal("de", (glean.language(clear, { prefer = "nl da sv" })))
    -- a close call names its runner-up third; a clear one does not
    assert.are.equal("sv", select(3, glean.language(close)))
    assert.is_nil(select(3, glean.language(clear)))
    assert.has_error(function() glean.language("x", { prefer = 3 }) end)
  end)

  it("reads a short article by its prose, not by the site's English menus around it", function()
    local nav = "Home | News | Pakistan | World | Sports | Entertainment | Business | Technology | Health\n"
      .. "Privacy Policy | Contact Us | About Us | Advertise\n© 2024 Daily News. All rights reserved.\n"
      .. "Share on Facebook Share on Twitter Share on WhatsApp\n"
    local bodies = {
      ur = "وزیراعظم نے وفاقی کابینہ کا اجلاس کل طلب کر لیا ہے جس میں ملکی صورتحال پر غور کیا جائے گا۔",
      hi = "मुख्यमंत्री ने कल राजधानी में अधिकारियों की बैठक बुलाई और बाढ़ राहत के काम की समीक्षा की।",
      ru = "Премьер-министр провёл совещание с губернаторами и обсудил подготовку к зиме.",
      id = "Gubernur mengatakan pemerintah akan memperbaiki jalan yang rusak akibat banjir pekan lalu.",
    }
    for lang, body in pairs(bodies) do
      assert.are.equal(lang, (glean.language(nav .. body .. "\n" .. nav)), lang)
      assert.are.equal(lang, (glean.language("Breaking News\n" .. body .. "\n" .. nav)), lang)
    end
  end)

  it("gives a text the same language and confidence whatever was read before it", function()
    -- the prose of a page is copied to a buffer that textcat reads on to a
    -- NUL: a longer page's prose left in it changed the next short page's guess
    local nav = "Home | News | World | Sports | Business | Technology | Health | Opinion | Videos\n"
    local texts = {
      nav .. "O ministro das Finanças falou ontem em Lisboa sobre o orçamento.\n" .. nav,
      "Madrid\n\n" .. string.rep("El presidente del Gobierno ha criticado este martes que la oposición no "
        .. "apoye los presupuestos de este año. ", 5) .. "\n",
      nav .. "Der Minister sprach gestern in Berlin über den Haushalt des Landes.\n" .. nav,
      "Últimas notícias\nDestaques da semana\nO ministro falou ontem em Lisboa.\n",
    }
    local first = {}
    for i, t in ipairs(texts) do first[i] = { glean.language(t) } end
    for round = 1, 2 do
      for i = #texts, 1, -1 do
        assert.same(first[i], { glean.language(texts[i]) }, "text " .. i .. ", round " .. round)
      end
    end
  end)

  it("guesses among the five nearest when textcat finds more, if the guess is confident enough", function()
    -- names and a few words: more than five models within 3% (textcat's "unknown")
    local P = { prefer = "de en es fr id it ms nl pl pt ro tr" }
    local tr = "Arda Güler'in golüyle Real Madrid, Getafe'yi deplasmanda mağlup etti ve liderliğini sürdürdü."
    local id = "Gubernur Jawa Tengah Ahmad Luthfi dan Kapolda Jateng Irjen Ribut Hari Wibowo meninjau "
      .. "lokasi banjir di Demak."
    local l, c = glean.language(tr, P)
    assert.are.equal("tr", l)
    assert.is_true(c < 0.5)   -- halved: a guess among close models
    assert.are.equal("id", (glean.language(id, P)))
    -- a guess below the floor is none
    assert.is_nil((glean.language("Trabzonspor, Abdullah Avcı yönetiminde Antalyaspor'u Papara Park'ta "
      .. "mağlup etti.", P)))
  end)

  it("tells a short Italian line of names by its hanno, della, sono from Romanian, Romansh and Catalan", function()
    local P = { prefer = "es it ro" }   -- Catalan has no cue list
    assert.are.equal("it", (glean.language("L'Azienda Ospedaliera San Matteo s.p.a. e l'Università "
      .. "Politecnica Ancona hanno firmato.", P)))
    assert.are.equal("ro", (glean.language("Primăria Capitalei și Consiliul General au aprobat bugetul "
      .. "pentru anul viitor.", P)))
  end)

  it("is more confident about a paragraph than about one sentence", function()
    for _, lang in ipairs(langs) do
      local text = fixture(lang)
      local _, whole = glean.language(text)
      local l, part = glean.language(sentences(text)[1])
      if l then assert.is_true(whole > part, lang) end
    end
  end)

  it("keeps the language of the main script when names in other scripts occur", function()
    local s = "दिल्ली में कल Reuters और BBC के संवाददाताओं ने बताया कि बारिश जारी रहने की संभावना है।"
    assert.are.equal("hi", (glean.language(s)))
  end)

  it("decides Han and kana text by script: kana make it Japanese, Han alone Chinese", function()
    local zh = "今年冬天北方多地出现大范围降雪，铁路部门增开列车，保障旅客安全出行。"
    local ja = "今年の冬は北日本で大雪が続き、鉄道会社は臨時列車を増やして乗客の安全を守っている。"
    assert.are.equal("zh", (glean.language(zh)))
    assert.are.equal("ja", (glean.language(ja)))
    local sample = H.read(H.home .. "/samples/2024-12-03-zh-summit.txt")
    assert.are.equal("zh", (glean.language(sample)))
    -- a Japanese headline of kanji with a few kana is still Japanese
    assert.are.equal("ja", (glean.language("東京都議会選挙の投票率は過去最低を記録した模様、専門家が分析")))
    -- a script that decides alone needs half the letters: a Chinese
    -- headline of 15 characters, a Korean one of 11 syllables
    assert.are.equal("zh", (glean.language("市政府今日公布新一轮住房补贴方案")))
    assert.are.equal("ko", (glean.language("서울시 새 주택 지원책 발표")))
    assert.is_nil((glean.language("市政府今日公布新")))
  end)

  it("names the one language whose models write a script without asking textcat", function()
    local ko = "올해 겨울 북부 지방에 많은 눈이 내려 철도 회사가 임시 열차를 늘렸다."
    local el = "Φέτος τον χειμώνα έπεσε πολύ χιόνι στα βόρεια και ο σιδηρόδρομος πρόσθεσε δρομολόγια."
    assert.are.equal("ko", (glean.language(ko)))
    assert.are.equal("el", (glean.language(el)))
  end)

  it("returns nil, 'unknown' for too little text instead of guessing", function()
    for _, s in ipairs { "", "Hello", "नमस्ते", "سلام دوست", "12345 67890 !!! ... ---", "北京欢迎你" } do
      local l, why = glean.language(s)
      assert.is_nil(l, s)
      assert.are.equal("unknown", why)
    end
  end)

  it("honours opts.min_letters", function()
    local text = fixture("en")
    assert.is_nil((glean.language(text, { min_letters = 100000 })))
    assert.are.equal("en", (glean.language("The council approved the plan", { min_letters = 10 })))
  end)

  for _, name in ipairs { "hi", "de", "fa" } do
    local text = H.corpus(name .. ".txt")
    if text then
      it(("identifies the %s news article and none of its sentences as another language"):format(name),
        function()
          local l, c = glean.language(text)
          assert.are.equal(name, l)
          assert.is_true(c > 0.8)
          for _, s in ipairs(sentences(text)) do
            local sl = glean.language(s)
            if sl then assert.are.equal(name, sl, s) end
          end
        end)
    else
      pending(("%s corpus: ../shared not found"):format(name))
    end
  end

  it("identifies every sample of 1 KB or more (the n-gram index, not textcat, decides those)", function()
    local p = assert(io.popen("ls " .. H.home .. "/samples"))
    local n = 0
    for name in p:lines() do
      local lang = name:match("^%d+%-%d+%-%d+%-(%l+)%-.*%.txt$")
      if lang then
        local text = H.read(H.home .. "/samples/" .. name)
        assert.is_true(#text >= 1024, name)
        assert.are.equal(lang, (glean.language(text)), name)
        n = n + 1
      end
    end
    p:close()
    assert.is_true(n >= 10)
  end)

  it("samples a long text in every part: 2.8 KB of German before 8 KB of French is French", function()
    local de = H.read(H.home .. "/samples/2024-12-03-de-gipfel.txt")
    local fr = H.read(H.home .. "/samples/2024-12-03-fr-sommet.txt")
    assert.are.equal("fr", (glean.language(de:rep(2) .. fr:rep(6))))
    assert.are.equal("de", (glean.language(de:rep(6) .. fr:rep(2))))
  end)

  it("gives the same verdict, and a confidence in (0, 1], on the same text again", function()
    local text = H.read(H.home .. "/samples/2024-12-03-ru-sammit.txt")
    local l1, c1 = glean.language(text)
    glean.language(H.read(H.home .. "/samples/2024-12-03-hi-summit.txt"))   -- other tables in between
    local l2, c2 = glean.language(text)
    assert.are.equal("ru", l1)
    assert.are.equal(l1, l2)
    assert.are.equal(c1, c2)
    assert.is_true(c1 > 0 and c1 <= 1)
  end)

  it("checks its arguments", function()
    assert.are.equal("bad argument #1 to 'language' (string expected, got nil)", err_of("language", nil))
    assert.are.equal("bad argument #1 to 'language' (invalid UTF-8 at byte 6)",
      err_of("language", "hello\255 world"))
    assert.are.equal("bad argument #2 to 'language' (table expected, got string)",
      err_of("language", "hello", "en"))
    assert.are.equal("bad argument #2 to 'language' ('min_letters' must be a positive integer)",
      err_of("language", "hello", { min_letters = 0 }))
    assert.are.equal("bad argument #2 to 'language' ('min_letters' must be a positive integer)",
      err_of("language", "hello", { min_letters = "many" }))
  end)

  it("returns nil, message, code when the models cannot be loaded (GLEAN_TEXTCAT_DIR)", function()
    local script = "local g = require 'glean.core'; io.write(table.concat({tostring(select(1, "
      .. "g.language(('word '):rep(20)))), select(2, g.language(('word '):rep(20)))}, '|'))"
    local cmd = ("GLEAN_TEXTCAT_DIR=/nonexistent/textcat LUA_CPATH='%s/?.so;;' lua5.4 -e %q")
      :format(H.build, script)
    local p = assert(io.popen(cmd))
    local out = p:read("a")
    p:close()
    assert.are.equal("nil|cannot load language models from '/nonexistent/textcat' (U_FILE_ACCESS_ERROR)"
      .. "|U_FILE_ACCESS_ERROR", out)
  end)
end)
