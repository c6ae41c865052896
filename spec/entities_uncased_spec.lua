-- glean.entities in scripts without case (Arabic, Persian, Urdu, Devanagari):
-- how a name is bounded after a title or a known given name, Arabic word
-- shapes (proclitics, the article, tanwin), stop words that fold like names,
-- and propagation of a surname alone. Small lists written here, so the
-- shipped data/cues and data/names can change without breaking these.
local helper = glean_spec or require "spec.helper"
local entities = require "glean.entities"

local datadir = helper.cue_dir

local FILES = {
  -- stopwords-iso style: بن and एस are stop words there, على 'on' folds like علی 'Ali'
  ["stopwords.tsv"] = "lang\tword\nar\tبن\nar\tعلى\nar\tمن\nar\tذَيْنِ\nar\tالثاني\n"
    .. "ar\tصباح\nar\tالخميس\nhi\tएस\nhi\tने\nur\tکا\n",
  ["cues/ar.tsv"] = table.concat({
    "title\tالرئيس", "title\tالوزير", "title\tالشيخ\twords=4", "title\tوزير الخارجية", "title\tوزير التجارة",
    "title\tالأسبق",
    "title\tرجل الأعمال", "say\tوقال", "say\tوأضاف",
    "org_head\tمحكمة\twords=3", "org_head\tشركة\twords=3", "org_head\tشركات\twords=0",
    "org_head\tالمحكمة\twords=2", "org_head\tوزارة\twords=2",
    "particle\tبن", "particle\tعبد", "title\tوزير الداخلية", "stop\tإن", "stop\tفي", "stop\tمن",
    "place_head\tملعب", "place_head\tمدينة\toutside", "title\tالمدير العام", "title\tرئيس",
    "place_head\tمحافظات\toutside list", "place_head\tمدينتي\toutside list min=2",
    "org_head\tجامعة\twords=2", "org_head\tهيئة\twords=2", "stop\tالباب",
    "" }, "\n"),
  ["cues/fa.tsv"] = "org_head\tدادگاه\twords=2\norg_head\tمجلس\twords=2\norg_head\tشورای\twords=2\n"
    .. "place_head\tورزشگاه\nplace_head\tفرودگاه\norg_head\tوزارت امور\twords=2\ntitle\tآقای\nstop\tکرد\n"
    .. "org_head\tوزارت\twords=3\norg_head\tوزارت کشور\twords=0 whole\nstop\tکشور\nstop\tاز\n"
    .. "org_title\tتیم\twords=2\ntitle\tبازیکن\nstop\tسه\tdet\nstop\tرا\nplace_head\tاستان\toutside\n"
    .. "title\tفرماندار\nplace_head\tشهرستان\toutside\nplace_head\tروستای\toutside\nsay\tگفت\nstop\tو\n"
    .. "place_suffix\tآباد\nplace_head\tبخش\toutside quoted\nplace_head\tشهر\toutside quoted\nstop\tما\n"
    .. "place_head\tروستاهای\toutside list\nstop\tدر\nstop\tاین\tdet\nstop\tشدند\tverb\n",
  ["cues/ur.tsv"] = "title\tکپتان\ntitle\tایس ڈی او\nstop\tنے\norg_tail\tکورٹ\twords=2\n"
    .. "title\tچیف جسٹس آف پاکستان\ntitle\tجسٹس\ntitle\tچیئرمین\norg_tail\tکمیٹی\twords=3\n"
    .. "org_tail\tپولیس\twords=1 place\nstop\tپولیس\nstop\tتھانے\nplace_suffix\tآباد\tapart\n"
    .. "place_tail\tارینا\twords=3 named\norg_tail\tبینک\nstop\tمیں\nplace_tail\tہوائی اڈے\n"
    .. "place_head\tضلع\toutside words=3\nstop\tکی\nstop\tہیڈ\nplace_head\tاضلاع\toutside list\nstop\tدیر\n"
    .. "place_tail\tضلع\toutside final\nstop\tکے\n",
  ["cues/hi.tsv"] = "title\tविदेश मंत्री\ntitle\tचीफ\nstop\tने\nstop\tमें\nstop\tके\nparticle\tपी\nparticle\tएस\n"
    .. "place_tail\tजिले\toutside\nplace_tail\tस्टेडियम\twords=3 named\norg_designator\tलिमिटेड\n"
    .. "place_tail\tमंदिर\twords=2\nstop\tमैच\nstop\tफाइनल\nstop\tसभा\nstop\tबाद\nletter\tसी\n"
    .. "org_tail\tहाईकोर्ट\twords=2\norg_tail\tकॉलेज\twords=3 named\n"
    .. "title\tनिवासी\ntitle\tपुत्र\tkin\ntitle\tप्रवक्ता\n"
    .. "place_suffix\tपुर\nplace_suffix\tगांव\n"
    .. "title\tजिलाधिकारी\nplace_tail\tपंचायत\toutside\nplace_tail\tप्रखंड\toutside\nplace_tail\tथाना\toutside\n"
    .. "place_head\tतहसील\toutside\nstop\tसमाधान\nstop\tदिवस\nstop\tप्रशासन\n"
    .. "place_tail\tचौक\tnamed\nplace_tail\tनगर\twords=2 named\nstop\tनगर\nstop\tइस\nstop\tउस\nstop\tपर\n"
    .. "place_head\tसीटों\toutside list min=2\n",
  ["names/ar.tsv"] = table.concat({ "given\tعمر\tcommon", "given\tصلاح", "given\tرنا", "given\tمحمد", "given\tحمد",
    "given\tراشد", "given\tرشيد",
    "given\tأنتوني",
    "given\tسمير", "surname\tالنجار", "given\tجان", "given\tرامي", "given\tصباح\tcommon", "" }, "\n"),
  ["names/fa.tsv"] = "given\tحمید\ngiven\tاسماعیل\nsurname\tرضایی\ngiven\tعلی\ngiven\tاکبر\ngiven\tپروین\n",
  ["names/ur.tsv"] = "given\tعمر\ngiven\tبابر\ngiven\tعلی\nsurname\tعلی\ngiven\tاحمد\n",
  -- a generated list flags علی as a dictionary word; the hand-written one above does not
  ["names/fa-faker.tsv"] = "given\tعلی\tcommon\ngiven\tامید\tcommon\n",
  ["names/en.tsv"] = "given\tWill\tcommon\n",
  ["names/de.tsv"] = "given\tWill\n",
  ["names/hi.tsv"] = "given\tअमित\nsurname\tशर्मा\nsurname\tकुमार\n",
}

local function found(kb, text, lang, opts) return helper.recognised(kb, text, lang, opts) end

describe("glean.entities without case", function()
  local kb
  setup(function()
    kb = assert(entities.load { data = datadir(FILES) })
  end)

  it("keeps a particle inside the name though a stop word list has it", function()
    assert.same({ "person حمد بن راشد" }, found(kb, "التقى الشيخ حمد بن راشد في دبي.", "ar"))
  end)

  it("vetoes the gazetteer's match on a word of a place's generic word of several words", function()
    local text = "طیارہ (اے بی سی) ہوائی اڈے پر اترا۔"
    local a = text:find("ہوائی", 1, true)
    local veto = {}
    entities.recognise(kb, text, { lang = "ur", gazetteer = { [a] = a + #"ہوائی" - 1 }, veto = veto })
    assert.equal(a + #"ہوائی" - 1, veto[a])
  end)

  it("takes a sponsor's name with a company's tail into a venue's name marked named (Urdu)", function()
    assert.same({ "place کوہسار بینک کرکٹ ارینا" }, found(kb, "میچ کوہسار بینک کرکٹ ارینا میں ہوگا۔", "ur"))
  end)

  it("takes an Arabic venue's definite adjectives and its one genitive after its word", function()
    -- a nisba adjective (ي, ية) and a feminine one after a word in ة
    assert.same({ "place ملعب الصقر الذهبي" }, found(kb, "أقيمت المباراة على ملعب الصقر الذهبي في المدينة.", "ar"))
    assert.same({ "place ملعب الواحة المضيئة" }, found(kb, "وصل الجمهور إلى ملعب الواحة المضيئة مبكرا.", "ar"))
    -- the definite genitive of an indefinite first word (the construct state)
    assert.same({ "place ملعب برج الصقور" }, found(kb, "أقيمت المباراة على ملعب برج الصقور في المدينة.", "ar"))
    -- no other word: a noun in the definite after a definite word, a stop word
    assert.same({ "place ملعب الصقر" }, found(kb, "وصل ملعب الصقر الفريق الثاني.", "ar"))
    assert.same({ "place ملعب الصقر" }, found(kb, "أقيمت على ملعب الصقر في المدينة.", "ar"))
  end)

  it("leaves a country's nisba adjective after an Arabic venue out of its name", function()
    -- the adjective of a place the gazetteer knows says where the venue is
    local gz = { place_name = function(s) return s == "الأردن" end }
    assert.same({ "place ملعب الصقر" }, found(kb, "أقيمت المباراة على ملعب الصقر الأردني في المدينة.", "ar", gz))
    assert.same({ "place ملعب الصقر" }, found(kb, "أقيمت المباراة على ملعب الصقر الأردنية في المدينة.", "ar", gz))
    -- another nisba adjective stays the venue's (ملعب الصقر الذهبي, above)
    assert.same({ "place ملعب الصقر الأردني" }, found(kb, "أقيمت المباراة على ملعب الصقر الأردني في المدينة.", "ar"))
  end)

  it("reads a word that folds to nothing (a tatweel set apart in a dateline) without failing", function()
    assert.same({ "person محمد حمد" }, found(kb, "كوهسار ـ محمد حمد", "ar"))
    assert.same({}, found(kb, "ـ", "ar"))
  end)

  it("takes no Arabic adjective after an indefinite administrative word for a place's name", function()
    -- a nisba in ية or a feminine participle with alif third (مُفاعِلة)
    assert.same({}, found(kb, "قصفت الطائرات مدينة مجاورة أمس.", "ar"))
    assert.same({}, found(kb, "زار الوفد مدينة سورية قديمة.", "ar"))
    -- (not a word in ي: foreign names end so, بلدة كاتي)
    assert.same({ "place كاتي" }, found(kb, "وقع الانفجار في مدينة كاتي أمس.", "ar"))
    -- a name in another shape, or a name the gazetteer knows, is the place
    assert.same({ "place نيلوان" }, found(kb, "قصفت الطائرات مدينة نيلوان أمس.", "ar"))
    assert.same({ "place كوهسارة" }, found(kb, "زار الوفد مدينة كوهسارة أمس.", "ar"))
  end)

  it("vetoes a one-word Arabic place that is a stop word of the Arabic list, not after a place's word", function()
    local text = "وفتح القرار الباب أمام الحوار."
    local a = text:find("الباب", 1, true)
    local span = { [a] = a + #"الباب" - 1 }
    local veto = {}
    entities.recognise(kb, text, { lang = "ar", gazetteer = span, veto = veto })
    assert.same(span, veto)
    -- (so after a proclitic: وبالباب, the gazetteer's match after وب)
    text = "ووقف الحرس بالباب طويلا."
    a = text:find("الباب", 1, true)
    span = { [a] = a + #"الباب" - 1 }
    veto = {}
    entities.recognise(kb, text, { lang = "ar", gazetteer = span, veto = veto })
    assert.same(span, veto)
    -- (after an administrative word it is the place: مدينة الباب)
    text = "سيطرت القوات على مدينة الباب أمس."
    a = text:find("الباب", 1, true)
    veto = {}
    entities.recognise(kb, text, { lang = "ar", gazetteer = { [a] = a + #"الباب" - 1 }, veto = veto })
    assert.same({}, veto)
  end)

  it("takes a known name that folds like a stop word only when spelled differently", function()
    assert.same({ "person بابر علی" }, found(kb, "کپتان بابر علی نے کہا", "ur"))
    assert.same({ "person محمد" }, found(kb, "قال الرئيس محمد على المنصة إن", "ar"))
  end)

  it("lets a hand-written name without `common` win over a generated flag, in scripts without case only", function()
    assert.is_nil(kb.names[entities.fold("علی")].common)
    assert.is_true(kb.names[entities.fold("Will")].common)
  end)

  it("leaves an administrative head or tail marked outside out of the place, a venue's word in", function()
    assert.same({ "place کوهسار" }, found(kb, "باران در استان کوهسار بارید.", "fa"))
    assert.same({ "place ورزشگاه کوهسار" }, found(kb, "بازی در ورزشگاه کوهسار برگزار شد.", "fa"))
    assert.same({ "place नंदपुर" }, found(kb, "बाढ़ से नंदपुर जिले में सड़कें बंद हुईं।", "hi"))
    assert.same({ "place नंदपुर स्टेडियम" }, found(kb, "मैच नंदपुर स्टेडियम में हुआ।", "hi"))
  end)

  it("ends a given name's window before an unknown word that an administrative tail marked outside follows", function()
    -- (invented village: अमित नंदपुर would be a person without the rule)
    assert.same({ "place नंदपुर" }, found(kb, "पकड़ा गया अमित नंदपुर जिले का रहने वाला है।", "hi"))
    -- a known name there stays the name's: शर्मा is no place
    assert.same({ "person अमित शर्मा" }, found(kb, "सभा में अमित शर्मा जिले के लोगों से मिले।", "hi"))
  end)

  it("reads an unknown word after a title and before an administrative tail as the place, no person", function()
    -- (invented places throughout; the officer's area, जिलाधिकारी | नंदपुर जिले)
    assert.same({ "place नंदपुर" }, found(kb, "जिलाधिकारी नंदपुर जिले के गांवों में पहुंचे।", "hi"))
    assert.same({ "person अमित शर्मा" }, found(kb, "जिलाधिकारी अमित शर्मा जिले के गांवों में पहुंचे।", "hi"))
  end)

  it("takes no -ीय adjective for a place's name before an administrative tail", function()
    assert.same({}, found(kb, "त्रिस्तरीय पंचायत चुनाव की तैयारी पूरी हुई।", "hi"))
    assert.same({ "place नंदपुर" }, found(kb, "नंदपुर पंचायत में मतदान हुआ।", "hi"))
  end)

  it("takes the village after a station's area and the village word, and a tehsil after its word", function()
    assert.same({ "place नंदपुर", "place कमलडीह" },
      found(kb, "नंदपुर थाना क्षेत्र के गांव कमलडीह में हत्या हुई।", "hi"))
    assert.same({ "place नंदपुर" }, found(kb, "जिलाधिकारी ने तहसील नंदपुर का निरीक्षण किया।", "hi"))
    assert.same({}, found(kb, "तहसील समाधान दिवस में तहसील प्रशासन मौजूद रहा।", "hi"))
  end)

  it("takes a colony's नगर into the name of a square named after it, and न्यू into a town's name", function()
    assert.same({ "place सुभाष नगर चौक" }, found(kb, "आग सुभाष नगर चौक पर लगी।", "hi"))
    -- (a name's first word is no tail: इस नगर चौक names no square)
    assert.same({}, found(kb, "इस नगर चौक पर भीड़ थी।", "hi"))
    assert.same({ "place न्यू रामदीनपुर" }, found(kb, "बाढ़ से न्यू रामदीनपुर में पानी भरा।", "hi"))
    -- a road between two towns joined by a hyphen is one name (not a hyphenated common noun)
    assert.same({ "place कमलडीह-भैरोटांड़ चौक" }, found(kb, "जाम कमलडीह-भैरोटांड़ चौक पर लगा।", "hi"))
    assert.same({}, found(kb, "यह इस-उस चौक की बात है।", "hi"))
  end)

  it("takes the seats a plural head lists, the last after और", function()
    assert.same({ "place रामडीह", "place सोनबरसा", "place कुरथौली" },
      found(kb, "भाजपा ने तीन सीटों रामडीह, सोनबरसा और कुरथौली पर नाम बदले।", "hi"))
  end)

  it("takes a person found by a given name alone into a venue named after them (`named`), not after a title", function()
    assert.same({ "place अमित शर्मा स्टेडियम" }, found(kb, "फाइनल अमित शर्मा स्टेडियम में होगा।", "hi"))
    assert.same({ "person अमित शर्मा" }, found(kb, "विदेश मंत्री अमित शर्मा स्टेडियम पहुंचे।", "hi"))
    -- a tail not so marked: the person stays (अमित शर्मा | मंदिर पहुंचे)
    assert.same({ "person अमित शर्मा" }, found(kb, "बाद में अमित शर्मा मंदिर पहुंचे।", "hi"))
    -- the tail's word is no word of the person's name after a given name
    assert.same({ "place अमित मंदिर" }, found(kb, "सभा अमित मंदिर में हुई।", "hi"))
  end)

  it("reads के between an initial and a known name as the initial K, a second known surname as the last", function()
    assert.same({ "person सी के शर्मा" }, found(kb, "विदेश मंत्री सी के शर्मा ने कहा।", "hi"))
    -- the postposition after a name stays one (अमित | के शर्मा से)
    assert.same({ "person अमित" }, found(kb, "विदेश मंत्री अमित के शर्मा से मिले।", "hi"))
    assert.same({ "person रमन कुमार शर्मा" }, found(kb, "सभा में रमन कुमार शर्मा ने भाषण दिया।", "hi"))
  end)

  it("opens a tail's organisation at a gazetteer place after an unknown word; a college takes its namesake", function()
    local t = "मामले की सुनवाई नंदपुर हाईकोर्ट में हुई।"
    local a = t:find("नंदपुर", 1, true)
    local got = {}
    for _, m in ipairs(entities.recognise(kb, t, { lang = "hi", gazetteer = { [a] = a + #"नंदपुर" - 1 },
                                                   gaz_ids = { [a .. ":" .. (a + #"नंदपुर" - 1)] = "place:test" } })) do
      got[#got + 1] = m.type .. " " .. m.surface
    end
    assert.same({ "org नंदपुर हाईकोर्ट" }, got)
    assert.same({ "org अमित शर्मा कॉलेज" }, found(kb, "शहर के अमित शर्मा कॉलेज में परीक्षा हुई।", "hi"))
    assert.same({ "person अमित शर्मा" }, found(kb, "विदेश मंत्री अमित शर्मा कॉलेज पहुंचे।", "hi"))
  end)

  it("takes three words closed by another title as a Hindi name", function()
    assert.same({ "person रमन कुमार बैस" }, found(kb, "विदेश मंत्री रमन कुमार बैस चीफ ने कहा।", "hi"))
  end)

  it("reads a Hindi dateline closed by a comma and a date (ICU's Hindi month names)", function()
    assert.same({ "place नेरचौक" }, found(kb, "नेरचौक, 9 नवंबर\nस्कूल में समारोह हुआ।", "hi"))
    assert.same({ "place सोनखेड़ा" }, found(kb, "सोनखेड़ा, नवंबर 7 -- गांव में मेला लगा।", "hi"))
    assert.same({}, found(kb, "धन्यवाद, 5 लोग आए।", "hi"))
  end)

  it("keeps a one-word name cut short by a kinship title (`kin`) as a person, not by another title", function()
    assert.same({ "person रामवीर", "person श्यामलाल" },
      found(kb, "गांव में निवासी रामवीर पुत्र श्यामलाल में रहता है।", "hi"))
    -- another title after an unknown word takes the name (the first title's window is its complement)
    assert.same({ "person श्यामलाल" }, found(kb, "गांव में निवासी रामवीर प्रवक्ता श्यामलाल में रहता है।", "hi"))
  end)

  it("takes a known surname alone before सरकार as the head of that government", function()
    assert.same({ "person शर्मा" }, found(kb, "सभा में शर्मा सरकार की आलोचना हुई।", "hi"))
  end)

  it("takes an unknown one-word item of a comma list of gazetteer places as a place", function()
    local function listed(text, names, lang)
      local gz, ids = {}, {}
      for _, n in ipairs(names) do
        local a = assert(text:find(n, 1, true))
        gz[a] = a + #n - 1
        ids[a .. ":" .. (a + #n - 1)] = "place:test:" .. n
      end
      local got = {}
      for _, m in ipairs(entities.recognise(kb, text, { lang = lang or "hi", gazetteer = gz, gaz_ids = ids })) do
        if m.source ~= "gazetteer" then got[#got + 1] = m.type .. " " .. m.surface end
      end
      return got
    end
    assert.same({ "place खजूरना" }, listed("बारिश कोटा, बूंदी, खजूरना और टोंक में होगी।", { "कोटा", "बूंदी", "टोंक" }))
    -- one known place is no list of places; nor is a list whose items are mostly unknown
    assert.same({}, listed("बाजार में कोटा, हांडी, गिलास और कटोरा बिके।", { "कोटा" }))
    assert.same({}, listed("बाजार में कोटा, बूंदी, हांडी, गिलास, थाली और कटोरा बिके।", { "कोटा", "बूंदी" }))
    -- a stop word or a known name in the list is no place (अमित)
    assert.same({}, listed("कोटा, बूंदी, अमित, टोंक", { "कोटा", "बूंदी", "टोंक" }))
    -- a list joined by और before one administrative word names places, whatever the gazetteer knows
    assert.same({ "place नंदपुर", "place कमलडीह", "place भैरोटांड़" },
      listed("मतदान नंदपुर, कमलडीह एवं भैरोटांड़ प्रखंड में होगा।", {}))
    -- (a list without और is no such list: the tail names its own word only)
    assert.same({ "place भैरोटांड़" }, listed("सड़क, बिजली, भैरोटांड़ प्रखंड में खराब है।", {}))
    -- two items joined by व before the administrative word are such a list too
    assert.same({ "place कमलडीह", "place भैरोटांड़" }, listed("बाढ़ कमलडीह व भैरोटांड़ प्रखंड में आई।", {}))
    -- Urdu and Persian lists with the Arabic comma and اور or و (invented places)
    assert.same({ "place کوہسار", "place نیلوان" },
      listed("بارش میں کوہسار، تررود، نیلوان اور سرانزا کے دیہات ڈوب گئے", { "تررود", "سرانزا" }, "ur"))
    assert.same({ "place کمند" }, listed("باران در سرانزا، کمند و تررود بارید", { "سرانزا", "تررود" }, "fa"))
    -- a stop word ends the list (کی); a word beside the first or last item is of a longer phrase
    -- (a country of three words, X اینڈ Y), and a compass word is no place
    assert.same({}, listed("بارش کی، تررود اور سرانزا میں", { "تررود", "سرانزا" }, "ur"))
    assert.same({}, listed("وفد میں تررود، سرانزا، کوہسار اینڈ نیلوان شامل تھے", { "تررود", "سرانزا" }, "ur"))
    assert.same({}, listed("باران در سرانزا، تررود، شمال کمند بارید", { "سرانزا", "تررود" }, "fa"))
    -- (a tatweel set apart, as a dateline writes it, folds to nothing and fails no document)
    assert.same({ "place کمند" }, listed("کوهسار ـ باران در سرانزا، کمند و تررود بارید", { "سرانزا", "تررود" }, "fa"))
  end)

  it("takes a word with a place name's ending of the list as a place (place_suffix), not a common word", function()
    -- invented village names; भरपूर 'plenty' ends in पूर, not पुर, and पुर alone is too short
    assert.same({ "place रामदीनपुर", "place कमलगांव" },
      found(kb, "बाढ़ से रामदीनपुर और कमलगांव के किसान परेशान हैं।", "hi"))
    assert.same({}, found(kb, "इस साल भरपूर बारिश हुई।", "hi"))
    assert.same({ "place کمال‌آباد" }, found(kb, "سیلاب سے کمال‌آباد کے کسان متاثر ہوئے۔", "ur"))
    assert.same({ "place نصرآباد" }, found(kb, "سیل در نصرآباد جاری شد و آبادانی منطقه آسیب دید.", "fa"))
  end)

  it("takes a town's ending written apart (`apart`) and the word before it as the place, not a person", function()
    -- invented town names; بابر is a given name of the list
    assert.same({ "place بابر آباد" }, found(kb, "سیلاب سے بابر آباد کے کسان متاثر ہوئے۔", "ur"))
    assert.same({ "place کوہسار آباد" }, found(kb, "سیلاب سے کوہسار آباد کے کسان متاثر ہوئے۔", "ur"))
    -- (Persian's آباد is not `apart`: حسن آباد with a space is two words)
    assert.same({}, found(kb, "سیل در کوهسار آباد جاری شد", "fa"))
  end)

  it("takes the quoted name after an administrative head, and a `quoted` head's only so", function()
    -- invented places
    assert.same({ "place کوهدشت", "place نیلوان" }, found(kb, "زلزله در بخش «کوهدشت» شهر «نیلوان» حس شد", "fa"))
    assert.same({ "place کوهسار" }, found(kb, "باران در استان «کوهسار» بارید.", "fa"))
    assert.same({}, found(kb, "زلزله در شهر ما و بخش مرکزی حس شد", "fa"))
  end)

  it("takes up to words=N words after an administrative head, up to a stop word", function()
    -- invented districts
    assert.same({ "place کوہسار بالا" }, found(kb, "ضلع کوہسار بالا میں بارش ہوئی۔", "ur"))
    assert.same({ "place نیلم" }, found(kb, "ضلع نیلم کی تحصیل", "ur"))
    assert.same({}, found(kb, "ضلع ہیڈ کوارٹر میں اجلاس ہوا۔", "ur"))
  end)

  it("takes the names of a list after a plural or dual head (`list`), not one or two other words", function()
    -- invented places
    assert.same({ "place كوهسار", "place بني حسن", "place نيلوان" },
      found(kb, "هطلت أمطار على محافظات كوهسار، وبني حسن، ونيلوان.", "ar"))
    assert.same({ "place كوهسار", "place نيلوان" }, found(kb, "سقطت قذائف على مدينتي كوهسار ونيلوان أمس.", "ar"))
    assert.same({ "place کمند", "place سرانزا", "place تررود" },
      found(kb, "سیل در روستاهای کمند، سرانزا و تررود جاری شد", "fa"))
    -- a list joined by و alone ends at a comma: another clause follows
    assert.same({ "place كوهسار", "place نيلوان", "place بلدان" },
      found(kb, "زار الوفد محافظات كوهسار ونيلوان وبلدان، ومحافظا لمدن أخرى.", "ar"))
    assert.same({}, found(kb, "زار الوفد محافظات كوهسار ونيلوان أمس.", "ar"))
    -- an item of two words before the next item with و, and a name with a patronymic particle
    assert.same({ "place كوهسار", "place حاسي نيلوان", "place سيدي بن بلدان" },
      found(kb, "زار الوفد محافظات كوهسار وحاسي نيلوان وسيدي بن بلدان أمس.", "ar"))
    assert.same({}, found(kb, "سیل در روستاهای محروم و دورافتاده جاری شد", "fa"))
    -- a stop word between two commas of the list is an item too (Urdu دیر 'late' is the district
    -- Dir); not before the postposition that ends the list
    assert.same({ "place کوہسار", "place دیر", "place نیلوان", "place تررود" },
      found(kb, "اضلاع کوہسار، دیر، نیلوان اور تررود میں بارش ہوئی", "ur"))
    assert.same({ "place کوہسار", "place نیلوان", "place تررود" },
      found(kb, "اضلاع کوہسار، نیلوان، تررود، دیر میں بارش ہوئی", "ur"))
  end)

  it("names no place after a demonstrative and an administrative word; lists them after a numeral", function()
    -- invented places; این شهرستان 'this county' is the common noun
    assert.same({}, found(kb, "سیل در این شهرستان خسارات زیادی به بار آورد", "fa"))
    -- سه شهرستان 'three counties', the singular after a numeral word: a list as after the plural
    assert.same({ "place کمند", "place سرانزا", "place تررود" },
      found(kb, "سیل در سه شهرستان کمند، سرانزا و تررود جاری شد", "fa"))
    -- the list's last item ends before the noun of a light verb (ارزیابی شدند)
    assert.same({ "place کمند", "place سرانزا", "place تررود" },
      found(kb, "سه شهرستان کمند، سرانزا و تررود ارزیابی شدند", "fa"))
  end)

  it("takes the name before a district's word written after it, before a postposition (`final`)", function()
    -- invented districts; Indian Urdu writes [X] ضلع میں
    assert.same({ "place کوہسار" }, found(kb, "کوہسار ضلع میں بارش ہوئی", "ur"))
    assert.same({ "place نیلوان" }, found(kb, "بارش ہوئی، نیلوان ضلع کے دیہات ڈوب گئے", "ur"))
    -- a name after it is the head's; a word in ی before it is an adjective (قبائلی 'tribal'); a
    -- word after another one qualifies it (قائم 'set up'), no name
    assert.same({ "place نیلوان" }, found(kb, "قبائلی ضلع نیلوان میں بارش ہوئی", "ur"))
    assert.same({}, found(kb, "قبائلی ضلع میں بارش ہوئی", "ur"))
    assert.same({}, found(kb, "عمارت قائم ضلع کے مرکز میں ہوئی", "ur"))
  end)

  it("leaves the indefinite head مدينة out of a city's name", function()
    -- invented town
    assert.same({ "place نيلوان" }, found(kb, "سقطت قذائف على مدينة نيلوان شمال البلاد.", "ar"))
    -- an indefinite word and a definite one after it are one name (the construct state), not
    -- before an adjective's ending
    assert.same({ "place عرب الكوهسار" }, found(kb, "سقطت قذائف على مدينة عرب الكوهسار فجرا.", "ar"))
    assert.same({ "place نيلوان" }, found(kb, "سقطت قذائف على مدينة نيلوان الساحلية فجرا.", "ar"))
  end)

  it("bounds Arabic organisation names by the article and tanwin", function()
    assert.same({ "org محكمة جنايات جنوب الجيزة" }, found(kb, "حكمت محكمة جنايات جنوب الجيزة، اليوم.", "ar"))
    assert.same({ "org محكمة النقض" }, found(kb, "وأصدرت محكمة النقض حكمها في القضية.", "ar"))
    assert.same({ "org محكمة الجنايات" }, found(kb, "محكمة الجنايات بمصر تصدر حكمها.", "ar"))
    assert.same({}, found(kb, "كما حكمت المحكمة غيابياً على المتهم.", "ar"))
  end)

  it("leaves a window cut short by another title to that title", function()
    assert.same({ "person رشيد محمد رشيد راشد" },
      found(kb, "على وزير التجارة والصناعة الأسبق رشيد محمد رشيد راشد بالسجن المشدد.", "ar"))
  end)

  it("takes the word after a leading عبد compound when another title or a comma closes the window", function()
    assert.same({ "person عبد الكريم فرحات" },
      found(kb, "أعفى الرئيس عبد الكريم فرحات وزير الداخلية من مهامه.", "ar"))
    assert.same({ "person عبد الكريم فرحات" }, found(kb, "وقال الرئيس عبد الكريم فرحات، في كلمة له.", "ar"))
  end)

  it("reads a nisba adjective of a gazetteer place alone after a title as its complement, no surname", function()
    local gz = { place_name = function(s) return s == "السعودية" or s == "أمريكا" end }
    assert.same({}, found(kb, "وتحدث الوزير السعودي في المؤتمر أمس.", "ar", gz))
    assert.same({}, found(kb, "وتحدث الوزير الأمريكي في المؤتمر أمس.", "ar", gz))
    assert.same({ "person النجار" }, found(kb, "وتحدث الوزير النجار في المؤتمر أمس.", "ar", gz))
  end)

  it("finds a title after ل written onto its article (للوزير)", function()
    assert.same({ "person النجار" }, found(kb, "وقال للوزير النجار إن الحوار مستمر.", "ar"))
  end)

  it("skips a nisba adjective between a title and the name", function()
    assert.same({ "person أنتوني بلينكن" }, found(kb, "التقى وزير الخارجية الأمريكي أنتوني بلينكن في الرياض.", "ar"))
  end)

  it("finds a known given name and the word after it, without a proclitic", function()
    assert.same({ "person محمد هاني" }, found(kb, "هنأ محمد هاني الجماهير.", "ar"))
    assert.same({ "person محمد هاني" }, found(kb, "وصل الوفد ومحمد هاني إلى القاهرة.", "ar"))
  end)

  it("ends a name at و + an unknown word (and-coordination)", function()
    assert.same({ "person رشيد" }, found(kb, "أمر الرئيس رشيد وعسل بالحضور.", "ar"))
  end)

  it("propagates the surname alone, proclitic outside", function()
    local text = "وقال الرئيس سمير النجار إن الخطة جاهزة. وأضاف النجار أن التنفيذ قريب. ثم غادر والنجار يبتسم."
    assert.same({ "person سمير النجار", "person النجار", "person النجار" }, found(kb, text, "ar"))
    -- a particle that opens a compound given name is no short name (عبد of عبد الكريم X)
    -- (عبد الحليم is found as a compound given name, without the verb's object)
    text = "وقال الرئيس عبد الكريم فرحات، في كلمة له. وحضر عبد الحليم الاجتماع."
    assert.same({ "person عبد الكريم فرحات", "person عبد الحليم" }, found(kb, text, "ar"))
  end)

  it("finds a Devanagari known surname with the unknown given name before it", function()
    assert.same({ "person ललिता शर्मा" }, found(kb, "सभा में ललिता शर्मा ने भाषण दिया।", "hi"))
    assert.same({ "person अमित पी शर्मा" }, found(kb, "सभा में अमित पी शर्मा ने भाषण दिया।", "hi"))
  end)

  it("keeps an initial with its period after a title though a stop word list has it", function()
    assert.same({ "person एस. जयशंकर" }, found(kb, "विदेश मंत्री एस. जयशंकर ने कहा।", "hi"))
  end)

  it("uses the stop words of the text's language, and Arabic proclitics only in Arabic", function()
    -- Arabic ذَيْنِ (a stop word) folds like the Urdu name ذین
    assert.same({ "person ذین الدین" }, found(kb, "ایس ڈی او ذین الدین کیخلاف درخواست", "ur"))
    -- Urdu کرنا is no ك + the name رنا
    assert.same({}, found(kb, "سامنا کرنا پڑا", "ur"))
  end)

  it("starts no given-name window inside a name found after a title", function()
    assert.same({ "person رفیق احمد" }, found(kb, "ایس ڈی او رفیق احمد کیخلاف درخواست", "ur"))
  end)

  it("takes the words before a tail only when a space parts them", function()
    assert.same({}, found(kb, "پشاور(کورٹ رپورٹر) کی خبر", "ur"))
  end)

  it("reads Arabic definite words after a title as its complement unless alone", function()
    assert.same({}, found(kb, "ودعا وزير الخارجية الشؤون الإقليمية إلى الحوار.", "ar"))
    assert.same({ "person الأسد" }, found(kb, "وقال الرئيس الأسد إن الحوار مستمر.", "ar"))
  end)

  it("takes three unknown words closed by a stop word", function()
    assert.same({ "person गुयेन वान थान" }, found(kb, "विदेश मंत्री गुयेन वान थान ने कहा।", "hi"))
  end)

  it("starts a person without a cue only from a name of the text's language", function()
    assert.same({ "person حمد راشد" }, found(kb, "وصل حمد راشد أمس.", "ar"))
    assert.same({}, found(kb, "رسید حمد راشد دیروز", "fa"))
  end)

  it("skips a gazetteer name right after a title", function()
    local text = "کپتان پنجاب بابر علی نے کہا"
    local a = text:find("پنجاب", 1, true)
    local got = {}
    for _, m in ipairs(entities.recognise(kb, text, { lang = "ur", gazetteer = { [a] = a + #"پنجاب" - 1 } })) do
      got[#got + 1] = m.type .. " " .. m.surface
    end
    assert.same({ "person بابر علی" }, got)
  end)

  it("reads the common flag in the lists of the text's language", function()
    assert.same({}, found(kb, "توفي عن عمر يناهز الثمانين", "ar"))
    assert.same({ "person عمر فاروق" }, found(kb, "کل عمر فاروق آئے", "ur"))
  end)

  it("starts no given-name window inside a name a given name took", function()
    assert.same({ "person محمد صلاح" }, found(kb, "وسجل محمد صلاح هدفين في المباراة", "ar"))
  end)

  it("ends an organisation's name with a whole gazetteer name inside its window", function()
    local text = "رئیس دادگاه عمومی استان کرمان گفت"
    local a = text:find("استان", 1, true)
    local got = {}
    for _, m in ipairs(entities.recognise(kb, text, { lang = "fa", gazetteer = { [a] = a + #"استان کرمان" - 1 } })) do
      got[#got + 1] = m.type .. " " .. m.surface
    end
    assert.same({ "org دادگاه عمومی استان کرمان" }, got)
  end)

  it("takes Devanagari initials before a person found without them", function()
    assert.same({ "person सोमनाथ", "person एस सोमनाथ" },
      found(kb, "एजेंसी चीफ सोमनाथ ने कहा। एजेंसी के प्रमुख एस सोमनाथ ने बताया।", "hi"))
  end)

  it("takes three Arabic words after a title closed by punctuation as the name", function()
    assert.same({ "person كمال فريد الهاشمي" }, found(kb, "وقال الرئيس كمال فريد الهاشمي، في كلمة له.", "ar"))
  end)

  it("takes three words before a stop word in Arabic even when the first two are known", function()
    assert.same({ "person حمد راشد أردوغان" }, found(kb, "وقال الرئيس حمد راشد أردوغان إن الحوار مستمر.", "ar"))
    assert.same({ "person حمید رضایی" }, found(kb, "آقای حمید رضایی استقبال کرد", "fa"))
  end)

  it("lets an organisation's window run over another head word, not over a person's given name", function()
    assert.same({ "org مجلس شورای اسلامی" }, found(kb, "مجلس شورای اسلامی کلیات لایحه را تصویب کرد", "fa"))
    assert.same({ "org وزارت امور خارجه", "person اسماعیل بقائی" },
      found(kb, "سخنگوی وزارت امور خارجه اسماعیل بقائی گفت", "fa"))
  end)

  it("takes a head phrase marked whole as a name of its own, only with it", function()
    assert.same({ "org وزارت کشور" }, found(kb, "سخنگوی وزارت کشور از تصمیم تازه خبر داد", "fa"))
    -- (elsewhere the stop word کشور ends a window after the head)
    assert.same({ "org وزارت نفت" }, found(kb, "سخنگوی وزارت نفت کشور از تصمیم خبر داد", "fa"))
  end)

  it("vetoes a one-word gazetteer place that is a weekday or month name of the text's language", function()
    local text = "امروز دوشنبه جلسه برگزار شد"
    local a = text:find("دوشنبه", 1, true)
    local span = { [a] = a + #"دوشنبه" - 1 }
    local veto = {}
    entities.recognise(kb, text, { lang = "fa", gazetteer = span, veto = veto })
    assert.same(span, veto)
    -- (not an organisation's name, not in a text of another language)
    veto = {}
    entities.recognise(kb, text, { lang = "fa", gazetteer = span, orgs = span, veto = veto })
    assert.same({}, veto)
    veto = {}
    entities.recognise(kb, text, { lang = "ur", gazetteer = span, veto = veto })
    assert.same({}, veto)
  end)

  it("vetoes a Persian one-word place in ی right after a noun: the noun's adjective", function()
    local function vetoed(text, lang)
      local a = text:find("مرکزی", 1, true)
      local veto = {}
      entities.recognise(kb, text, { lang = lang, gazetteer = { [a] = a + #"مرکزی" - 1 }, veto = veto })
      return next(veto) ~= nil
    end
    assert.is_true(vetoed("شعبه مرکزی بیمه بسته شد", "fa"))
    -- (after a place word, a stop word or a title it is the place; only in Persian)
    assert.is_false(vetoed("باران در استان مرکزی بارید", "fa"))
    assert.is_false(vetoed("سفر از مرکزی آغاز شد", "fa"))
    assert.is_false(vetoed("فرماندار مرکزی گفت", "fa"))
    assert.is_false(vetoed("شعبه مرکزی بیمه بسته شد", "ur"))
  end)

  it("vetoes an Arabic one-word place with the article and an adjective's ending after a definite noun", function()
    -- invented sentences; الجديدة 'new' and السعودية 'Saudi' agree with the noun before them
    local function vetoed(text, word, lang)
      local a = text:find(word, 1, true)
      local veto = {}
      entities.recognise(kb, text, { lang = lang or "ar", gazetteer = { [a] = a + #word - 1 }, veto = veto })
      return next(veto) ~= nil
    end
    assert.is_true(vetoed("وزعت المشاريع الجديدة على السكان", "الجديدة"))
    assert.is_true(vetoed("وقالت الحكومة السعودية إن الاجتماع انتهى", "السعودية"))
    -- (a feminine adjective agrees with a sound feminine plural and a broken plural, alif
    -- third, too; after a masculine singular it cannot: the town; a nisba in ي agrees with any)
    assert.is_true(vetoed("بيعت السيارات الجديدة في المعرض", "الجديدة"))
    assert.is_true(vetoed("أغلقت الشوارع الرئيسية بسبب المطر", "الرئيسية"))
    assert.is_false(vetoed("وزار الوفد الجديدة ثم عاد", "الجديدة"))
    assert.is_true(vetoed("وزار الوفد المصري المعرض", "المصري"))
    -- (after a place word with the article it is the place in apposition; after a
    -- preposition or a verb, after another adjective, or in another language it stays)
    assert.is_false(vetoed("وصل الوفد إلى العاصمة الدوحة أمس", "الدوحة"))
    assert.is_false(vetoed("وصل الوفد إلى المدينة الحديدة أمس", "الحديدة"))
    assert.is_false(vetoed("وصل الوفد إلى الجديدة أمس", "الجديدة"))
    assert.is_false(vetoed("ساد الهدوء المدينة الساحلية الجديدة أمس", "الجديدة"))
    assert.is_false(vetoed("وزعت المشاريع الجديدة على السكان", "الجديدة", "fa"))
    assert.is_false(vetoed("وزعت المشاريع جديدة على السكان", "جديدة"))
    -- (nor a name of another shape: الرياض has no adjective's ending)
    assert.is_false(vetoed("وقال المسؤول الرياض تستعد", "الرياض"))
  end)

  it("takes no administrative word into a person's or a place's name", function()
    -- a governor's county after the title is his place, no person
    assert.same({ "place کوهسار" }, found(kb, "فرماندار شهرستان کوهسار گفت باران بارید", "fa"))
    -- a village's rural district is a place of its own
    assert.same({ "place کوهسار" }, found(kb, "سیل به روستای شهرستان کوهسار رسید", "fa"))
    -- an organisation goes on with its province
    local text = "پرونده به دادگاه کیفری استان کوهسار رسید"
    local a = text:find("استان", 1, true)
    assert.same({ "org دادگاه کیفری استان کوهسار" },
      found(kb, text, "fa", { gazetteer = { [a] = a + #"استان کوهسار" - 1 } }))
  end)

  it("leaves an adjective between an administrative head and a gazetteer place to the gazetteer", function()
    local text = "زلزله شهرستان مرزی کوهسار را لرزاند"
    local a = text:find("کوهسار", 1, true)
    assert.same({}, found(kb, text, "fa", { gazetteer = { [a] = a + #"کوهسار" - 1 } }))
    assert.same({ "place مرزی" }, found(kb, text, "fa"))
  end)

  it("names a venue after the person its word and a title name (Arabic)", function()
    assert.same({ "place ملعب الشيخ حمد بن راشد" },
      found(kb, "أقيمت المباراة على ملعب الشيخ حمد بن راشد في دبي.", "ar"))
    assert.same({ "person حمد بن راشد" }, found(kb, "التقى الشيخ حمد بن راشد في دبي.", "ar"))
  end)

  it("opens no Arabic name with ل on a hamza-alef word after a title", function()
    assert.same({}, found(kb, "وقال المدير العام لإدارة الأزمات إن الوضع مستقر.", "ar"))
  end)

  it("takes the surname after a Persian compound given name", function()
    assert.same({ "person حمید اسماعیل کوهساری" }, found(kb, "حمید اسماعیل کوهساری امروز به شهر رسید", "fa"))
    -- (a given name and a surname: the next word is no name's)
    assert.same({ "person حمید رضایی" }, found(kb, "حمید رضایی امروز به شهر رسید", "fa"))
  end)

  it("opens an Arabic name with عبد and a definite word, and takes the next word when it is name-shaped", function()
    assert.same({ "person عبد المجيد كوهسار" }, found(kb, "أقال الوزير الأول عبد المجيد كوهسار من منصبه أمس.", "ar"))
    assert.same({ "person عبد الحليم" }, found(kb, "وحضر عبد الحليم الاجتماع في القاهرة.", "ar"))
    assert.same({ "person عبد المجيد" }, found(kb, "وقال عبد المجيد يستقبل الوفود غدا.", "ar"))
    -- after a title, the compound counts as one word as the window counts it
    assert.same({ "person عبد العزيز بوتيبة" }, found(kb, "وقال الرئيس عبد العزيز بوتيبة أمس إن", "ar"))
    -- the proclitic و before عبد stays outside, the compound and the next word are the name
    assert.same({ "person عبد المجيد كوهسار" }, found(kb, "ووصل الوزير، وعبد المجيد كوهسار (74 سنة) معه.", "ar"))
    assert.same({ "person عبد المجيد كوهسار" }, found(kb, "ووصل وعبد المجيد كوهسار، 16 سنة، معه.", "ar"))
  end)

  it("reads a quoted Arabic name right after a title as the person", function()
    assert.same({ "person براك الكوهسار" }, found(kb, "ونجح وزير الخارجية \"براك الكوهسار\" في الاستجواب.", "ar"))
    assert.same({ "person سمير" }, found(kb, "وقال الوزير \"سمير\" إن الجلسة انتهت.", "ar"))
    -- (not an organisation, a word with the article or one unknown word)
    assert.same({ "org محكمة النقض" }, found(kb, "وقال الرئيس \"محكمة النقض\" إن القرار نهائي.", "ar"))
    assert.same({}, found(kb, "وقال الوزير \"الكوهسار\" إن الجلسة انتهت.", "ar"))
    assert.same({}, found(kb, "وقال الوزير \"نعم\" للمشروع.", "ar"))
  end)

  it("reads an Arabic elative after a title as the holder's description, no surname", function()
    assert.same({}, found(kb, "وترأس الجلسة الوزير الأكبر سنا.", "ar"))
    assert.same({}, found(kb, "وترأس الجلسة الوزير الأكبر في الحكومة.", "ar"))
    assert.same({ "person سمير النجار" }, found(kb, "وفاز الوزير الأفضل سمير النجار بالجائزة.", "ar"))
  end)

  it("takes no Arabic word with a preposition and a pronoun suffix after a title as a name", function()
    assert.same({}, found(kb, "وانتخب نائبا للرئيس بحصوله على ثمانين صوتا.", "ar"))
    assert.same({}, found(kb, "وعاد الوزير لمنصبه أمس.", "ar"))
  end)

  it("reads the word with ب after an Arabic resident's word as the place where the person lives", function()
    assert.same({ "place كوهسار" }, found(kb, "ألقي القبض على المتهم، مقيم بكوهسار، أمس.", "ar"))
    assert.same({ "place نجع كوهسار" }, found(kb, "والمتهم مقيم بنجع كوهسار، وبحوزته سلاح.", "ar"))
    assert.same({ "place الكوهسار" }, found(kb, "والمتهمة مقيمة بالكوهسار أمس.", "ar"))
    -- (not a jurisdiction's word, abroad, a place word with the article or a head's own name)
    assert.same({}, found(kb, "والمتهم مقيم بدائرة قسم الشرطة.", "ar"))
    assert.same({}, found(kb, "وهو مقيم بالخارج منذ سنوات.", "ar"))
    assert.same({}, found(kb, "وهو مقيم بالمدينة منذ سنوات.", "ar"))
    assert.same({ "place نيلوان" }, found(kb, "والمتهم مقيم بمدينة نيلوان.", "ar"))
  end)

  it("names no place after an Arabic place word that a number counts", function()
    assert.same({}, found(kb, "وتشمل المرحلة ٢٢ مدينة بمحافظة كوهسار.", "ar"))
    assert.same({ "place كوهسار" }, found(kb, "وتشمل المرحلة مدينة كوهسار.", "ar"))
  end)

  it("ends an Arabic patronymic chain found by its given name on its definite family name", function()
    assert.same({ "person محمد بن راشد الكوهساري" },
      found(kb, "وأوضح المدير، محمد بن راشد الكوهساري أن الجولة تبدأ.", "ar"))
    -- (not on an indefinite word after the chain: حمد بن راشد | بوفد)
    assert.same({ "person محمد بن راشد" }, found(kb, "والتقى محمد بن راشد بوفد من رجال الأعمال.", "ar"))
  end)

  it("keeps a regnal ordinal after a known given name though a stop word list has it", function()
    assert.same({ "person محمد الثاني" }, found(kb, "وقال الرئيس محمد الثاني إن الخطة جاهزة.", "ar"))
    assert.same({}, found(kb, "وانتهى الشوط الثاني بالتعادل.", "ar"))
    -- and after a theophoric compound (عبد الله الثاني)
    assert.same({ "person عبد الله الثاني" }, found(kb, "برعاية الملك عبد الله الثاني أمس.", "ar"))
  end)

  it("opens a name with ل ب ك on a given name only before a known name", function()
    assert.same({}, found(kb, "وتشكلت خمس لجان فقط في المجلس.", "ar"))
    assert.same({ "person محمد صلاح" }, found(kb, "ومرر الكرة لمحمد صلاح في الدقيقة العاشرة.", "ar"))
    assert.same({ "person سمير النجار" }, found(kb, "ومرر الكرة لسمير النجار في الدقيقة العاشرة.", "ar"))
  end)

  it("reads a Persian country adjective after a title as its complement", function()
    local gz = { place_name = function(s) return s == "گرجستان" or s == "آمریکا" end }
    assert.same({}, found(kb, "بازیکن گرجستانی امروز گل زد.", "fa", gz))
    assert.same({ "person حمید رضایی" }, found(kb, "بازیکن آمریکایی حمید رضایی امروز گل زد.", "fa", gz))
    -- a surname in ی of a city stays a name: only countries in ستان and vowel stems are read so
    assert.same({ "person کوهساری" }, found(kb, "بازیکن کوهساری گفت که خسته است.", "fa",
      { place_name = function(s) return s == "کوهسار" end }))
  end)

  it("takes a Persian compound given name's surname when it closes or has a family name's shape", function()
    -- Urdu's list has علی as a surname: the Persian rule reads the Persian lists
    assert.same({ "person علی اکبر جاویدان" }, found(kb, "در این دیدار علی اکبر جاویدان، فرمانده پلیس، سخن گفت.", "fa"))
    assert.same({ "person علی پروین" }, found(kb, "علی پروین بچه ها را دور هم جمع کرد.", "fa"))
  end)

  it("bounds Arabic organisation names: و and a definite word, ل on a construct, no common noun", function()
    assert.same({ "org وزارة التجارة والصناعة" }, found(kb, "أعلنت وزارة التجارة والصناعة عن خطة جديدة.", "ar"))
    assert.same({ "org المحكمة العليا لشؤون الأسرة" },
      found(kb, "وأصدرت المحكمة العليا لشؤون الأسرة حكمها أمس.", "ar"))
    -- a head and a place's adjective alone: a common noun ('an Egyptian company')
    local gz = { place_name = function(x) return x == "مصر" end }
    assert.same({}, found(kb, "وقالت شركة مصرية إن الأسعار سترتفع.", "ar", gz))
    -- a head whose one word is another head: a part of that body ('the bench')
    assert.same({}, found(kb, "وقررت هيئة المحكمة تأجيل الجلسة.", "ar"))
  end)

  it("reads a Persian kind after a numeral or demonstrative as a common noun unless a list follows", function()
    assert.same({}, found(kb, "سه تیم خسته برگشتند.", "fa"))
    assert.same({ "org کوهسار", "org دیبان" }, found(kb, "سه تیم کوهسار و دیبان را دیدیم.", "fa"))
  end)

  it("reads an Arabic name between Arabic commas after a title, and after a portfolio with ل", function()
    assert.same({ "person سامي كوهسار" }, found(kb, "وقال وزير الخارجية، سامي كوهسار، إن المحادثات مستمرة.", "ar"))
    assert.same({ "person سمير كوهسار" }, found(kb, "وقال الوزير للشؤون الخارجية سمير كوهسار إن الخطة جاهزة.", "ar"))
    assert.same({ "person سامي كوهسار" }, found(kb, "وقال الوزير للشؤون الخارجية، سامي كوهسار، إن الخطة جاهزة.", "ar"))
    assert.same({}, found(kb, "وقرر الوزير للشؤون الخارجية منح الموظفين راحة.", "ar"))
    -- (the apposition ends at its comma or is no name)
    assert.same({}, found(kb, "وقال وزير الخارجية، في كلمة له، إن المحادثات مستمرة.", "ar"))
  end)

  it("takes a definite nisba that closes the phrase as a family name after a given name (Arabic)", function()
    local gz = { place_name = function(x) return x == "مصر" end }
    assert.same({ "person محمد هاني الكوهساري" }, found(kb, "وقال محمد هاني الكوهساري: إن الخطة جاهزة.", "ar", gz))
    -- (a place's adjective after two words of a name is a family name too: خالد المصري, محمد شياع السوداني)
    assert.same({ "person محمد هاني المصري" }, found(kb, "وقال محمد هاني المصري: إن الخطة جاهزة.", "ar", gz))
  end)

  it("splits a second person at و + a name only, not at another proclitic (كرامي is no ك + رامي)", function()
    assert.same({ "person سمير كرامي" }, found(kb, "وحل الوزير سمير كرامي مكان زميله.", "ar"))
    assert.same({ "person سمير", "person رامي النجار" }, found(kb, "وحضر الوزير سمير ورامي النجار.", "ar"))
  end)

  it("opens a person from a given name that is an everyday word only before a known family name", function()
    assert.same({ "person عمر النجار" }, found(kb, "ووصل عمر النجار إلى القاهرة أمس.", "ar"))
    assert.same({}, found(kb, "ووصل عمر طويل إلى القاهرة أمس.", "ar"))
  end)

  it("reads an Arabic title's complements: a colon's quote, a place, two portfolios, a nisba, a comma", function()
    assert.same({}, found(kb, "وقال الوزير: سنواصل العمل حتى النهاية.", "ar"))
    local text = "أكد رئيس الكويت تكريم الفائزين أمس."
    local a = text:find("الكويت", 1, true)
    local gz = { gazetteer = { [a] = a + #"الكويت" - 1 } }
    assert.same({}, found(kb, text, "ar", gz))
    text = "أكد رئيس الكويت سمير النجار أن الخطة جاهزة."
    a = text:find("الكويت", 1, true)
    assert.same({ "person سمير النجار" }, found(kb, text, "ar", { gazetteer = { [a] = a + #"الكويت" - 1 } }))
    assert.same({}, found(kb, "وقال الوزير الخارجي والصناعة إن الخطة جاهزة.", "ar"))
    assert.same({ "person سمير النجار" }, found(kb, "وأكد الرئيس الصدري، سمير النجار، أن الخطة جاهزة.", "ar"))
    -- (a word with ل after the title: 'chief of X', no name)
    assert.same({}, found(kb, "وقال المدير العام لطيران كوهسار إن الرحلات مستمرة.", "ar"))
  end)

  it("finds Arabic names with a family name after a patronymic or a nisba, and given names stop lists hold", function()
    local gz = { place_name = function(x) return x == "السودان" end }
    assert.same({ "person محمد هاني السوداني" }, found(kb, "وولد محمد هاني السوداني في بغداد.", "ar", gz))
    assert.same({ "person سمير بن محمد النابت" }, found(kb, "وحضر الوزير سمير بن محمد النابت، أمس.", "ar"))
    assert.same({ "person حمد بن راشد" }, found(kb, "التقى الشيخ حمد بن راشد بوفد من الشركة.", "ar"))
    assert.same({ "person صباح الخالد" }, found(kb, "وقال الشيخ صباح الخالد إن الخطة جاهزة.", "ar"))
    assert.same({}, found(kb, "ووصل الوزير صباح الخميس إلى القاهرة.", "ar"))
    -- a given name that is a word before a father's given name (Arabic name chains)
    assert.same({ "person عمر سمير" }, found(kb, "وحكم عمر سمير البلاد طويلا.", "ar"))
  end)

  it("opens a Persian person from a given name that is a word only before a family name's shape", function()
    assert.same({ "person امید کوهساری" }, found(kb, "در این بازی امید کوهساری، گل اول را زد.", "fa"))
    assert.same({ "person امید کوهسارزاده" }, found(kb, "امید کوهسارزاده امروز به شهر رسید", "fa"))
    assert.same({}, found(kb, "امید زیادی به پیروزی داریم.", "fa"))
  end)

  it("reads the Persian honorific سید written onto a known given name as that name", function()
    assert.same({ "person سیدحمید رضایی" }, found(kb, "سیدحمید رضایی امروز به شهر رسید", "fa"))
  end)

  it("takes a name whole before a second office written with و (Arabic)", function()
    assert.same({ "person كوهسار ديبان" }, found(kb, "التقى الوزير كوهسار ديبان ووزير الداخلية في المؤتمر.", "ar"))
  end)

  it("finds the name after an organisation that is a title's complement, from a known given name", function()
    assert.same({ "org محكمة النقض", "person سمير الحسيني" },
      found(kb, "قال رئيس محكمة النقض سمير الحسيني إن الجلسة تأجلت.", "ar"))
  end)

  it("ends an Arabic organisation's words with a gazetteer organisation from its head", function()
    local text = "أعلنت جامعة القاهرة الإصدارات الجديدة"
    local a = text:find("جامعة", 1, true)
    local b = a + #"جامعة القاهرة" - 1
    assert.same({ "org جامعة القاهرة" }, found(kb, text, "ar", { orgs = { [a] = b } }))
    assert.same({ "org جامعة القاهرة الإصدارات الجديدة" }, found(kb, text, "ar"))
  end)

  it("takes a gazetteer organisation's branch with its administrative word and place as one", function()
    local text = "شعبه صندوق نیلوفر استان کوهسار افتتاح شد"
    local a, p = text:find("صندوق", 1, true), text:find("کوهسار", 1, true)
    local oe, pe = a + #"صندوق نیلوفر" - 1, p + #"کوهسار" - 1
    local got = found(kb, text, "fa", { gazetteer = { [a] = oe, [p] = pe }, orgs = { [a] = oe } })
    assert.same({ "org صندوق نیلوفر استان کوهسار" }, got)
    -- (not without the place, nor after an organisation the gazetteer does not know)
    assert.same({ "place کوهسار" }, found(kb, text, "fa", { gazetteer = { [a] = oe }, orgs = { [a] = oe } }))
    assert.same({}, found(kb, text, "fa", { gazetteer = { [p] = pe } }))
  end)

  it("names nobody after a title counted by a numeral", function()
    assert.same({ "person آهن پور" }, found(kb, "بازیکن آهن پور گفت", "fa"))
    assert.same({}, found(kb, "سرمربی روی سه بازیکن آهن پور حساب کرد", "fa"))
  end)

  it("joins a gazetteer place after a full team window, not a gazetteer organisation", function()
    local function orgs(text, gz, og)
      local got = {}
      for _, m in ipairs(entities.recognise(kb, text, { lang = "fa", gazetteer = gz, orgs = og })) do
        got[#got + 1] = m.type .. " " .. m.surface
      end
      return got
    end
    local text = "اگر تیم سپید شرایط آهن پور را داشت"
    local a = text:find("آهن", 1, true)
    local span = { [a] = a + #"آهن پور" - 1 }
    assert.same({ "org سپید شرایط" }, orgs(text, span, span))
    -- (a place there is the team's city: the same words, not an organisation)
    assert.same({ "org سپید شرایط آهن پور" }, orgs(text, span, {}))
  end)

  it("takes a quoted name right after an organisation's head word, the head outside", function()
    assert.same({ "org نور للاتصالات" }, found(kb, 'وقعت شركة "نور للاتصالات" عقدا جديدا.', "ar"))
    assert.same({ "org نجمة الشرق" }, found(kb, "استحوذت شركات «نجمة الشرق» على الحصة.", "ar"))
    assert.same({}, found(kb, 'وقالت الشركة "إن الوضع مستقر" أمس.', "ar"))
  end)

  it("takes a place's name after its generic word, a gazetteer name whole", function()
    local function places(text, gz)
      local got = {}
      for _, m in ipairs(entities.recognise(kb, text, { lang = "fa", gazetteer = gz })) do
        got[#got + 1] = m.type .. " " .. m.surface
      end
      return got
    end
    assert.same({ "place ورزشگاه نگین" }, places("بازی در ورزشگاه نگین برگزار شد", nil))
    -- a gazetteer name right after a full window: the venue with its city
    local t = "بازی در ورزشگاه نگین کوهسار برگزار شد"
    local a = t:find("کوهسار", 1, true)
    assert.same({ "place ورزشگاه نگین کوهسار" }, places(t, { [a] = a + #"کوهسار" - 1 }))
    -- a gazetteer name of two words inside the window: whole
    t = "پرواز از فرودگاه آذربایجان شرقی انجام شد"
    a = t:find("آذربایجان", 1, true)
    assert.same({ "place فرودگاه آذربایجان شرقی" }, places(t, { [a] = a + #"آذربایجان شرقی" - 1 }))
  end)

  it("reads a title inside a longer title as no title of its own", function()
    -- (جسٹس alone would take آف پاکستان عمر as a name)
    assert.same({ "person عمر فاروق" }, found(kb, "چیف جسٹس آف پاکستان عمر فاروق نے کہا", "ur"))
  end)

  it("finds no person after a title whose window an organisation's tail cuts", function()
    -- (the committee is the title's complement; the person after it has his own cue)
    assert.same({ "org ترقیاتی کمیٹی", "person احمد رضا" },
      found(kb, "چیئرمین ترقیاتی کمیٹی احمد رضا نے کہا", "ur"))
  end)

  it("takes a tail's gazetteer name whole, and a `place` tail only after one", function()
    local function orgs(text, name)
      local gz = {}
      if name then
        local a = text:find(name, 1, true)
        gz[a] = a + #name - 1
      end
      local got = {}
      for _, m in ipairs(entities.recognise(kb, text, { lang = "ur", gazetteer = gz })) do
        got[#got + 1] = m.type .. " " .. m.surface
      end
      return got
    end
    -- a one-word window from a tail takes the two-word place it ends
    assert.same({ "org کوہ نگر پولیس" }, orgs("کوہ نگر پولیس نے بتایا", "کوہ نگر"))
    assert.same({ "org کوہ نگر ہائی کورٹ" }, orgs("کوہ نگر ہائی کورٹ نے کہا", "کوہ نگر"))
    -- no gazetteer name before a `place` tail: no organisation, and the tail is no name's word
    assert.same({}, orgs("واقعہ پولیس نے بتایا", nil))
  end)

  it("takes a given name and the word after it before a company's designator as the company", function()
    assert.same({ "org अमित टेक्सटाइल्स लिमिटेड" }, found(kb, "अमित टेक्सटाइल्स लिमिटेड ने नतीजे जारी किए।", "hi"))
    assert.same({ "person अमित जोशी" }, found(kb, "कल अमित जोशी ने नतीजे जारी किए।", "hi"))
  end)

  it("propagates the surname of two spellings of one name, not of two people of one family", function()
    assert.same({ "person व्लादिमीर पुतिनोव", "person ब्लादिमीर पुतिनोव", "person पुतिनोव" },
      found(kb, "विदेश मंत्री व्लादिमीर पुतिनोव ने कहा। चीफ ब्लादिमीर पुतिनोव आए। फिर पुतिनोव बोले।", "hi"))
    assert.same({ "person राहुल गांधीज", "person सोनिया गांधीज" },
      found(kb, "विदेश मंत्री राहुल गांधीज ने कहा। चीफ सोनिया गांधीज आईं। फिर गांधीज बोले।", "hi"))
  end)

  it("takes a known Devanagari surname alone before the ergative ने", function()
    assert.same({ "person शर्मा" }, found(kb, "मैच हुआ। शर्मा ने कहा कि टीम जीतेगी।", "hi"))
    -- (not before another postposition: शर्मा के घर)
    assert.same({}, found(kb, "मैच हुआ। शर्मा के घर पर जश्न हुआ।", "hi"))
  end)

  it("opens no person at a given name inside a gazetteer name begun before it", function()
    local text = "کل نگر احمد خان میں بارش ہوئی"
    local a = text:find("نگر", 1, true)
    local got = {}
    for _, m in ipairs(entities.recognise(kb, text, { lang = "ur", gazetteer = { [a] = a + #"نگر احمد خان" - 1 } })) do
      got[#got + 1] = m.type .. " " .. m.surface
    end
    assert.same({}, got)
    assert.same({ "person احمد خان" }, found(kb, "کل احمد خان آئے", "ur"))
  end)

  it("vetoes a one-word gazetteer place that is a stop word of the Urdu or Hindi list", function()
    local text = "ملزم کو تھانے منتقل کر دیا گیا"
    local a = text:find("تھانے", 1, true)
    local span = { [a] = a + #"تھانے" - 1 }
    local veto = {}
    entities.recognise(kb, text, { lang = "ur", gazetteer = span, veto = veto })
    assert.same(span, veto)
    -- (not in a text of another language)
    veto = {}
    entities.recognise(kb, text, { lang = "fa", gazetteer = span, veto = veto })
    assert.same({}, veto)
  end)
end)
