-- glean.entities: the recogniser over small cue lists written here (so the
-- shipped lists can change without breaking these), the resolution policy,
-- propagation, the file format's errors, and the shipped examples.
local helper = glean_spec or require "spec.helper"
local entities = require "glean.entities"

local datadir = helper.cue_dir

local CUES = {
  ["cues/en.tsv"] = table.concat({
    "# test cues", "title\tPresident", "title\tForeign Minister", "title\tMr", "say\tsaid", "byline\tBy",
    "org_head\tMinistry of", "org_tail\tParty", "org_tail\tMinistry", "org_designator\tInc", "org_designator\tAG",
    "connector\tof", "connector\tfor", "particle\tvon", "particle\tder", "particle\tbin", "stop\tThe",
    "place_tail\tCounty", "place_head\tLake", "" }, "\n"),
  ["cues/ru.tsv"] = "title\tпрезидент\nsay\tзаявил\norg_head\tМинистерство\twords=2\norg_designator\tООО\n",
  ["cues/ar.tsv"] = "title\tالرئيس\ntitle\tوزير الخارجية\norg_head\tوزارة\twords=2\nstop\tإن\nstop\tفي\n",
  ["cues/zh.tsv"] = "title\t总统\ntitle\t发言人\nsay\t表示\nstop\t和\nstop\t的\norg_tail\t法院\n",
  ["cues/ja.tsv"] = "title_after\t首相\ntitle_after\t大統領\n",
  ["cues/vi.tsv"] = "title\tbà\tlower\ntitle\tanh\tlower\ntitle\tông\tlower\nsay\tnói\tlower after\n"
    .. "title\tTổng Thư ký\n"
    .. "org_head\tBộ\twords=6\nconnector\tvà\nplace_head\tđường\nplace_head\tđảo\n",
  ["cues/tr.tsv"] = "title\tHakemi\ntitle_after\tBey\nstop\tdün\norg_tail\tBaşkanlığı\nconnector\tve\tcoord\n"
    .. "place_tail\tilçesinde\n",
  ["cues/pt.tsv"] = "stop\tAli\n",
  ["cues/fr.tsv"] = "title\tPresident\ntitle\tduc\n",
  ["cues/ru2.tsv"] = "org_head\tМинистерство финансов\twords=0\norg_tail\tсуд\twords=2\norg_tail\tзавод\twords=1\n"
    .. "stop\tв\n",
  ["names/en.tsv"] = "given\tAnna\ngiven\tWill\tcommon\nsurname\tSmith\n",
  ["names/vi.tsv"] = "surname\tNguyễn\nsurname\tTrần\nsurname\tLê\nsurname\tHoàng\nsurname\tTống\n",
  ["cues/nl.tsv"] = "particle\tden\n",
  ["names/fr.tsv"] = "given\tMai\tcommon\n",
  ["names/ru.tsv"] = "given\tИван\ngiven\tДмитрий\n",
  ["names/zh.tsv"] = "surname\t王\nsurname\t毛\n",
}

local function found(kb, text, lang) return helper.recognised(kb, text, lang) end

describe("glean.entities", function()
  local kb
  setup(function()
    kb = assert(entities.load { data = datadir(CUES) })
  end)

  it("keeps titles outside a person's span, in any case", function()
    assert.same({ "person Joe Biden" }, found(kb, "Yesterday President Joe Biden left.", "en"))
    assert.same({ "person Ana Lima" }, found(kb, "The new foreign minister Ana Lima spoke.", "en"))
    assert.same({ "person John Smith" }, found(kb, "Then Mr. John Smith arrived.", "en"))
    -- an apposition after a comma: two names or more, not one word
    assert.same({ "person Ana Lima" }, found(kb, "said the Foreign Minister, Ana Lima, today", "en"))
    assert.same({}, found(kb, "said the Foreign Minister, Later it rained", "en"))
  end)

  it("finds names beside a reporting verb, on both sides, but not one word alone", function()
    assert.same({ "person Karl Ove Berg" }, found(kb, "Karl Ove Berg said it was late.", "en"))
    assert.same({ "person Maria Lopez" }, found(kb, "“Never,” said Maria Lopez.", "en"))
    assert.same({}, found(kb, "Twitter said it was late.", "en"))
  end)

  it("finds people from the name lists, not from a common-word given name", function()
    assert.same({ "person Anna Karlsson" }, found(kb, "We met Anna Karlsson there.", "en"))
    assert.same({}, found(kb, "We met Will Karlsson there.", "en"))
    assert.same({ "person J. Smith" }, found(kb, "We met J. Smith there.", "en"))
  end)

  it("keeps particles inside names and sentence-initial stop words out", function()
    assert.same({ "person Ursula von Berg" }, found(kb, "President Ursula von Berg came.", "en"))
    assert.same({ "person Ursula von der Berg" }, found(kb, "President Ursula von der Berg came.", "en"))
    assert.same({}, found(kb, "The Monday meeting ended.", "en"))
  end)

  it("finds organisations by head, tail and designator, with connectors", function()
    assert.same({ "org Ministry of Foreign Affairs of Japan" },
      found(kb, "the Ministry of Foreign Affairs of Japan said", "en"))
    assert.same({ "org Green Party" }, found(kb, "the Green Party won", "en"))
    assert.same({ "org Acme Widgets Inc" }, found(kb, "shares of Acme Widgets Inc fell", "en"))
    assert.same({}, found(kb, "the Party won", "en"))
    assert.same({ "org Министерство финансов России" }, found(kb, "Министерство финансов России сообщило", "ru"))
    -- the designator and the quotes stay outside a quoted name
    assert.same({ "org Ромашка" }, found(kb, "директор ООО «Ромашка» уехал", "ru"))
    assert.same({ "org Пермский завод «Телта»" }, found(kb, "акции АО «Пермский завод «Телта»» упали", "ru"))
  end)

  it("reads spelled-out acronyms as organisations, not as a name after a title", function()
    local kb2 = assert(entities.load { data = datadir {
      ["cues/ur.tsv"] = "title\tترجمان\nstop\tنے\nletter\tپی\nletter\tڈی\nletter\tایم\nletter\tاے\n"
        .. "letter\tایس\n",
      ["names/ur.tsv"] = "given\tظفر\n" } })
    assert.same({ "org پی ڈی ایم اے" }, found(kb2, "ترجمان پی ڈی ایم اے نے کہا", "ur"))
    assert.same({ "person ایس ایم ظفر" }, found(kb2, "ترجمان ایس ایم ظفر نے کہا", "ur"))
  end)

  it("finds places named with a generic word", function()
    -- a lower-case tail with words=N: the adjective before it, nothing after it
    local kbr = assert(entities.load { data = datadir {
      ["cues/ru.tsv"] = "place_tail\tобласти\twords=1\nsay\tзаявил\n", ["names/ru.tsv"] = "given\tИван\n" } })
    assert.same({ "place Белгородской области", "person Иван Петров" },
      found(kbr, "В Белгородской области Иван Петров заявил об этом", "ru"))
    -- a lower-case head: the name after it outside, a quoted one inside its quotes
    local kbq = assert(entities.load { data = datadir {
      ["cues/ru.tsv"] = "place_head\tстадионе\nplace_head\tулице\n" } })
    assert.same({ "place Заречье" }, found(kbq, "матч прошел на стадионе «Заречье» вчера", "ru"))
    assert.same({ "place Садовая" }, found(kbq, "на улице Садовая было тихо", "ru"))
    assert.same({}, found(kbq, "на стадионе «был аншлаг», сказал он", "ru"))
    -- a lower-case place word matches as spelled, accents kept: làng is no lang, chợ no cho
    local kbv = assert(entities.load { data = datadir {
      ["cues/vi.tsv"] = "place_head\tlàng\nplace_head\tchợ\n",
      ["cues/ru.tsv"] = "place_head\tпоселке\nplace_head\tпосёлке\n" } })
    assert.same({}, found(kbv, "kết nối hành lang Bắc với cảng", "vi"))
    assert.same({}, found(kbv, "chuyển tiền cho Tân Lạc hôm qua", "vi"))
    assert.same({ "place Tân Lạc" }, found(kbv, "đi ra chợ Tân Lạc hôm qua", "vi"))
    assert.same({ "place Лесной", "place Заречный" }, found(kbv, "в поселке Лесной и в посёлке Заречный", "ru"))
    assert.same({ "place Placer County" }, found(kb, "fires in Placer County spread", "en"))
    assert.same({ "place Lake Tahoe" }, found(kb, "north of Lake Tahoe today", "en"))
    assert.same({}, found(kb, "the County said", "en"))
  end)

  it("propagates surnames, inflected and capitalised forms, and acronyms", function()
    assert.same({ "person Olaf Berg", "person Berg", "person BERG" },
      found(kb, "President Olaf Berg came. Later Berg left. BERG!", "en"))
    assert.same({ "person Владимир Соколов", "person Соколову" },
      found(kb, "президент Владимир Соколов приехал. Соколову позвонили.", "ru"))
    assert.same({ "org Ministry of Health", "org MOH", "org MOH" },
      found(kb, "the Ministry of Health (MOH) said; MOH agreed.", "en"))
    -- a hyphenated code, a pronounceable acronym in title case whose letters
    -- come in order in the name; not a word in brackets that does not
    assert.same({ "org Ministry of Health", "org MOH-RJ", "org MOH-RJ" },
      found(kb, "the Ministry of Health (MOH-RJ) said; MOH-RJ agreed.", "en"))
    assert.same({ "org Ministry of Public Works", "org Mopuw", "org Mopuw" },
      found(kb, "the Ministry of Public Works (Mopuw) said; Mopuw agreed.", "en"))
    assert.same({ "org Ministry of Health" }, found(kb, "the Ministry of Health (Bahia) said; Bahia agreed.", "en"))
  end)

  it("bounds names after a cue in scripts without case, clitics aside", function()
    assert.same({ "person أيمن الصفدي" }, found(kb, "وقال وزير الخارجية أيمن الصفدي إن", "ar"))
    assert.same({ "person خالد" }, found(kb, "والرئيس خالد في", "ar"))
    assert.same({ "org وزارة الخارجية الأردنية" }, found(kb, "أعلنت وزارة الخارجية الأردنية", "ar"))
  end)

  it("reads Han and kana names by surname, interpunct, title and honorific", function()
    assert.same({ "person 毛宁" }, found(kb, "外交部发言人毛宁表示", "zh"))
    assert.same({ "person 拜登", "person 埃隆·马斯克" }, found(kb, "美国总统拜登和埃隆·马斯克", "zh"))
  end)

  it("keeps a name whole before a suffix after an apostrophe", function()
    assert.same({ "person Joe Biden" }, found(kb, "President Joe Biden's plan", "en"))
    assert.same({ "person Halil Umut Meler" }, found(kb, "hakemi Halil Umut Meler'e sert", "tr"))
  end)

  it("reads month names of the text's language only, and of one word only", function()
    -- French "mai" is no month in Vietnamese; "Hai" of "Thứ Hai" is the name Hải
    assert.same({ "person Lê Thị Mai" }, found(kb, "Bà Lê Thị Mai phát biểu", "vi"))
    assert.same({ "person Nguyễn Thanh Hải" }, found(kb, "Bà Nguyễn Thanh Hải phát biểu", "vi"))
    assert.same({}, found(kb, "President Mai", "fr"))
  end)

  it("matches a `lower` cue only in lower case or first in a sentence", function()
    assert.same({ "person Trần Văn Bình" }, found(kb, "Hôm qua anh Trần Văn Bình nói", "vi"))
    assert.same({ "person Trần Văn Bình" }, found(kb, "Anh Trần Văn Bình nói", "vi"))
    assert.same({ "person Hoàng Anh Tuấn" }, found(kb, "Hôm qua Hoàng Anh Tuấn nói", "vi"))
  end)

  it("finds Vietnamese organisations by the shape of their syllables", function()
    assert.same({ "org Bộ Tài chính" }, found(kb, "Hôm qua Bộ Tài chính công bố số liệu", "vi"))
    assert.same({ "org Bộ Kế hoạch và Đầu tư" }, found(kb, "Hôm qua Bộ Kế hoạch và Đầu tư họp", "vi"))
    assert.same({}, found(kb, "Hôm qua bộ phim mới ra mắt", "vi"))
    assert.same({ "org Bộ Công an", "person Trần Văn Bình" },
      found(kb, "Hôm qua Bộ trưởng Bộ Công an Trần Văn Bình nói", "vi"))
  end)

  it("takes a head of several words ending in lower case, and lower-case tails", function()
    assert.same({ "org Министерство финансов" }, found(kb, "Вчера Министерство финансов опубликовало данные", "ru"))
    assert.same({ "org Ленинский районный суд" }, found(kb, "Иск рассмотрел Ленинский районный суд.", "ru"))
    assert.same({ "org Савеловский суд Москвы" }, found(kb, "Ранее Савеловский суд Москвы решил", "ru"))
    assert.same({ "org Пермский завод «Телта»" }, found(kb, "владелец Пермский завод «Телта» уехал", "ru"))
    assert.same({}, found(kb, "Его вызвали в суд.", "ru"))
    assert.same({}, found(kb, "вчера Путин посетил завод.", "ru"))
  end)

  it("reads a person after a title and a quoted name (a club, a company)", function()
    -- (the quoted name after the title is the organisation, cue:org_quoted)
    assert.same({ "org Зенита", "person Иван Петров" }, found(kb, "Гол забил президент «Зенита» Иван Петров.", "ru"))
  end)

  it("takes a Vietnamese family name with capitalised syllables only", function()
    assert.same({ "person Trần Văn Bình", "person Lê Thị Hoa" },
      found(kb, "Hôm qua Trần Văn Bình, Lê Thị Hoa nói", "vi"))
    assert.same({}, found(kb, "các tỉnh từ Lê Thủy đến Quảng Ngãi có mưa", "vi"))
  end)

  it("keeps a coordinating connector inside a name that ends in a tail, not after an acronym", function()
    assert.same({ "org Afet ve Acil Durum Başkanlığı" }, found(kb, "dün Afet ve Acil Durum Başkanlığı açıkladı", "tr"))
    assert.same({ "org Kandilli Başkanlığı" }, found(kb, "dün AFAD ve Kandilli Başkanlığı açıkladı", "tr"))
    assert.same({ "org Spor Başkanlığı", "org Kandilli Başkanlığı" },
      found(kb, "dün Spor Başkanlığı ve Kandilli Başkanlığı açıkladı", "tr"))
  end)

  it("leaves a title's complement out of the person after it", function()
    -- a word no list knows before a given name; a region's adjective
    assert.same({ "person Дмитрий Соколов" }, found(kb, "вчера президент Кремля Дмитрий Соколов уехал", "ru"))
    assert.same({ "person Иван Петров" }, found(kb, "вчера президент Тверской области Иван Петров уехал", "ru"))
  end)

  it("reads a name after a title and lower-case words in the genitive (Russian, Ukrainian)", function()
    assert.same({ "person Жедсон Фернандеш" }, found(kb, "сообщил президент пресс-службы Жедсон Фернандеш вчера", "ru"))
    assert.same({}, found(kb, "вчера президент посетил Жедсон Фернандеш", "ru"))
  end)

  it("ends an organisation's name before a person (a given name and more)", function()
    assert.same({ "org Министерство финансов", "person Иван Петров" },
      found(kb, "вчера Министерство финансов Иван Петров уехал", "ru"))
  end)

  it("ends a Vietnamese organisation after a name of capitalised syllables", function()
    assert.same({ "org Bộ Tài chính Việt Nam" }, found(kb, "Hôm qua Bộ Tài chính Việt Nam báo lãi", "vi"))
    assert.same({ "org Bộ Vingroup" }, found(kb, "Hôm qua Bộ Vingroup công bố", "vi"))
    -- a syllable of a Vietnamese word that folds like another language's cue
    assert.same({ "org Bộ Giáo dục" }, found(kb, "Hôm qua Bộ Giáo dục công bố", "vi"))
  end)

  it("reads places after and before generic words written in lower case, outside the span", function()
    assert.same({ "place Lê Lợi", "place Nguyễn Huệ" }, found(kb, "Nước ngập trên đường Lê Lợi, Nguyễn Huệ.", "vi"))
    assert.same({ "place Köprüköy" }, found(kb, "Deprem Köprüköy ilçesinde oldu.", "tr"))
    -- a head written in lower case is no capitalised word of a name (đảo = Đào)
    assert.same({ "person Đào Văn Bình" }, found(kb, "Hôm qua bà Đào Văn Bình nói", "vi"))
  end)

  it("ends a Vietnamese organisation or place before a person inside one run", function()
    assert.same({ "org Bộ Công an", "person Trần Văn Bình" }, found(kb, "Hôm qua Bộ Công an Trần Văn Bình nói", "vi"))
    assert.same({ "place Quảng Nam", "person Trần Văn Bình" },
      found(kb, "Hôm qua đường Quảng Nam Trần Văn Bình nói", "vi"))
  end)

  it("reads a say cue with `after` only after the name", function()
    assert.same({ "person Trần Văn Bình" }, found(kb, "Hôm qua ông Trần Văn Bình nói Xavo Pelt sai", "vi"))
    -- a title's first words in a capitalised run are no name (Tổng Thư ký)
    assert.same({}, found(kb, "Hôm qua Tổng Thư ký nói", "vi"))
  end)

  it("keeps the period of a final initial", function()
    assert.same({ "person Nguyễn Văn A." }, found(kb, "Hôm qua ông Nguyễn Văn A. bị bắt", "vi"))
  end)

  it("leaves a sentence's first word out of a name with an honorific after it", function()
    assert.same({ "person Anna Karlsson" }, found(kb, "Toplantıya Anna Karlsson Bey katıldı.", "tr"))
  end)

  it("applies a cue list's stop words to texts of its language only", function()
    assert.same({ "person Ali Kaya" }, found(kb, "Hakemi Ali Kaya konuştu.", "tr"))
    assert.same({}, found(kb, "President Ali", "pt"))
  end)

  it("rejects a bad line with file:line", function()
    local dir = datadir { ["cues/xx.tsv"] = "title\tA\ntitel\tB\n" }
    local kb2, err = entities.load { data = dir }
    assert.is_nil(kb2)
    assert.matches("cues/xx%.tsv:2: unknown class 'titel'", err)
    dir = datadir { ["names/xx.tsv"] = "title\tA\n" }
    kb2, err = entities.load { data = dir }
    assert.is_nil(kb2)
    assert.matches("names/xx%.tsv:1: class 'title' in a name list", err)
    dir = datadir { ["cues/xx.tsv"] = "title\tA\tsize=3\n" }
    kb2, err = entities.load { data = dir }
    assert.is_nil(kb2)
    assert.matches("xx%.tsv:1: unknown option 'size=3'", err)
    dir = datadir { ["cues/xx.tsv"] = "stop\tzz\nplace_head\tH\tabbr\n" }
    kb2, err = entities.load { data = dir }
    assert.is_nil(kb2)
    assert.matches("xx%.tsv:2: an abbr place_head is letters and a period %('H'%)", err)
  end)

  it("checks examples and names what fails", function()
    local dir = datadir { ["cues/en.tsv"] = "title\tPresident\nexample\tPresident [PER Ana Lima] left.\n"
      .. "example\tPresident Bo Ek left.\nexample\tno [XYZ x]\n" }
    local res = entities.test(assert(entities.load { data = dir }))
    assert.is_true(res[1].passed)
    assert.is_false(res[2].passed)
    assert.matches('found person "Bo Ek"', res[2].failures[1])
    assert.matches("unknown type 'XYZ'", res[3].failures[1])
  end)

  it("resolves overlaps by one policy", function()
    local g = { start = 1, stop = 6, type = "place", source = "gazetteer", surface = "Jordan" }
    local p = { start = 1, stop = 15, type = "person", source = "cue", surface = "Jordan Peterson" }
    assert.same({ p }, entities.pick { g, p })
    local weak = { start = 1, stop = 6, type = "person", source = "cue", surface = "Jordan" }
    assert.same({ g }, entities.pick { weak, g })
    local strong = { start = 1, stop = 6, type = "person", source = "cue", strong = true, surface = "Jordan" }
    assert.same({ strong }, entities.pick { g, strong })
    local g2 = { start = 1, stop = 6, type = "place", source = "gazetteer", surface = "Jordan", id = "b" }
    assert.same({ g, g2 }, entities.pick { g, g2 })
  end)

  it("gives entities nobody knows a stable id and the fullest label", function()
    local a = { start = 1, stop = 10, type = "person", surface = "Olaf Berg" }
    local b = { start = 20, stop = 23, type = "person", surface = "Berg", of = a }
    entities.identify { a, b }
    assert.are.equal("person:~olaf-berg", a.id)
    assert.are.equal("person:~olaf-berg", b.id)
    assert.are.equal("Olaf Berg", b.label)
  end)

  it("reads elided articles, titles begun in lower case, names after a connector, months apart", function()
    local kb2 = assert(entities.load { data = datadir {
      ["cues/fr.tsv"] = "title\tministre de l'Intérieur\norg_head\tministère de\twords=2\nstop\ta\n",
      ["cues/it.tsv"] = "org_head\tMinistero\twords=2\nstop\tha\n",
      ["cues/es.tsv"] = "title\tministra de Defensa\ntitle_mod\tfrancesa\n",
      ["cues/de.tsv"] = "title\tTrainer\nconnector\tund\n",
      ["names/de.tsv"] = "given\tAnna\ngiven\tMarco\n",
    } })
    assert.same({ "person Jean Dupont" }, found(kb2, "Selon le ministre de l'Intérieur Jean Dupont, rien.", "fr"))
    assert.same({ "org ministère de l'Intérieur" }, found(kb2, "Le ministère de l'Intérieur a dit non.", "fr"))
    assert.same({ "org Ministero dell'Interno" }, found(kb2, "Il Ministero dell'Interno ha detto no.", "it"))
    assert.same({ "person Marta Quiroga" }, found(kb2, "La ministra de Defensa Marta Quiroga viajó.", "es"))
    assert.same({ "person Ana Roig" }, found(kb2, "La ministra de Defensa francesa Ana Roig viajó.", "es"))
    assert.same({}, found(kb2, "Una mujer francesa Ana Roig viajó.", "es"))
    assert.same({ "person Anna Berg", "person Anna Kunz" }, found(kb2, "Dann kamen Anna Berg und Anna Kunz.", "de"))
    -- março (March) folds like Marco: an accented month name stops only accented words
    assert.same({ "person Marco Lindner" }, found(kb2, "Heute sagte Trainer Marco Lindner nichts.", "de"))
  end)

  it("reads every author of a byline, and starts a tail's organisation after a bare connector", function()
    local kb2 = assert(entities.load { data = datadir {
      ["cues/en.tsv"] = "byline\tBy\nstop\tBy\nconnector\tand\nconnector\tof\norg_designator\tLtd\norg_head\tBank of\n"
        .. "org_tail\tBank\norg_designator\tCorp\n",
      ["cues/de.tsv"] = "connector\tder\nparticle\tder\norg_tail\tFeuerwehr\n",
      ["cues/fr.tsv"] = "org_head\tPolice\town\n",
      ["cues/it.tsv"] = "title\tpubblico ministero\norg_head\tMinistero\twords=2\n",
    } })
    assert.same({ "person Ann Lee", "person Joe Sutton", "person Chris Boyd", "person Kim Mose" },
      found(kb2, "By Ann Lee, Joe Sutton, Chris Boyd and Kim Mose, Wire\nText", "en"))
    assert.same({ "org Acme Widgets Ltd" }, found(kb2, "Shares of Acme Widgets Ltd fell.", "en"))
    assert.same({ "org Bank of Ruritania Corp" }, found(kb2, "then Bank of Ruritania Corp fell.", "en"))
    assert.same({}, found(kb2, "Die Suche der Feuerwehr blieb ohne Erfolg.", "de"))
    local kb3 = assert(entities.load { data = datadir {
      ["cues/fr.tsv"] = "say\tselon\n", ["stopwords.tsv"] = "lang\tword\nfr\tle\n" } })
    assert.same({}, found(kb3, "Hier, selon Le Monde, rien.", "fr"))
    assert.same({ "person Anne Vidal" }, found(kb3, "Hier, selon Anne Vidal, rien.", "fr"))
    local kb4 = assert(entities.load { data = datadir {
      ["cues/en.tsv"] = "org_title\tcarmaker\town\ntitle\tChairman\n",
      ["cues/es.tsv"] = "org_title\tempresa\town\ntitle_mod\testadounidense\n",
      ["cues/pt.tsv"] = "org_title\tempresa\town\n",
      ["cues/vi.tsv"] = "title\tông\n" } })
    assert.same({ "org Acme Motors" }, found(kb4, "Shares of carmaker Acme Motors fell.", "en"))
    assert.same({ "person Ann Lee" }, found(kb4, "the carmaker Chairman Ann Lee said", "en"))
    assert.same({ "org Tesla" }, found(kb4, "Ayer la empresa estadounidense Tesla anunció.", "es"))
    assert.same({ "org Vale" }, found(kb4, "A empresa Vale anunciou.", "pt"))
    assert.same({}, found(kb4, "La empresa Vale anunciou.", "fr"))
    -- `compound`: the cue ends a longer German descriptor; not after a hyphen, not without the option
    local kb7 = assert(entities.load { data = datadir {
      ["cues/de.tsv"] = "org_title\tHersteller\town compound\norg_title\tKonzern\town\n" } })
    assert.same({ "org Brandtner" }, found(kb7, "es wuchs der Spezialpumpenhersteller Brandtner.", "de"))
    assert.same({}, found(kb7, "es wuchs der Spezialpumpenhersteller.", "de"))
    assert.same({ "org Brandtner" }, found(kb7, "der Umsatz des Spezialpumpenherstellers Brandtner wuchs.", "de"))
    assert.same({ "org Kornfeld" }, found(kb7, "es wuchs der Hersteller Kornfeld.", "de"))
    assert.same({}, found(kb7, "es wuchs der Pharmakonzern Kornfeld.", "de"))
    local bad = datadir { ["cues/de.tsv"] = "org_title\tGro\xC3\x9Fer Hersteller\town compound\n" }
    local _, err = entities.load { data = bad }
    assert.matches("de.tsv:1: compound takes a cue of one word", err, 1, true)
    local kb5 = assert(entities.load { data = datadir {
      ["cues/en.tsv"] = "place_head\tMount\nconnector\tand\tcoord\norg_tail\tAdministration\n" } })
    assert.same({ "place Mount Kenya", "place Mount Elgon" }, found(kb5, "near Mount Kenya and Mount Elgon", "en"))
    local kb6 = assert(entities.load { data = datadir { ["cues/pt.tsv"] = "place_head\tRua\nconnector\tda\n" } })
    assert.same({ "place Rua da Aurora" }, found(kb6, "moradores da Rua da Aurora", "pt"))
    assert.same({ "org Food and Drug Administration" }, found(kb5, "the Food and Drug Administration said", "en"))
    -- `own`: a French head is a word in English
    assert.same({ "org Police Nationale" }, found(kb2, "la Police Nationale a dit", "fr"))
    assert.same({}, found(kb2, "Breaking: Police Department Confirms Arrests", "en"))
    assert.same({ "person Paolo Ielo" }, found(kb2, "il pubblico ministero Paolo Ielo aveva chiesto", "it"))
  end)

  it("reads a title before a particle as an office's, a head before a particle as a word", function()
    local kb2 = assert(entities.load { data = datadir {
      ["cues/de.tsv"] = "title\tVorsitzenden\nparticle\tdes\nparticle\tvon\norg_head\tOrganisation\nconnector\tder\n",
      ["cues/en.tsv"] = "title\tDr\ntitle_after\tJr\ntitle\tKing\n",
    } })
    assert.same({}, found(kb2, "mit dem Vorsitzenden des Komitees", "de"))
    assert.same({}, found(kb2, "die Organisation von Konferenzen", "de"))
    assert.same({ "org Organisation der Vereinten Nationen" },
      found(kb2, "die Organisation der Vereinten Nationen", "de"))
    assert.same({ "person Martin Luther" }, found(kb2, "the Dr. Martin Luther King Jr. day", "en"))
    local kb3 = assert(entities.load { data = datadir { ["cues/en.tsv"] = "title\tJustice\norg_tail\tDepartment\n" } })
    assert.same({ "org Justice Department" }, found(kb3, "the Justice Department said", "en"))
    assert.same({ "person Ann Lee" }, found(kb3, "then Justice Ann Lee said", "en"))
  end)

  it("passes the examples of the shipped cue lists", function()
    local shipped = assert(entities.load())
    local failed = {}
    for _, res in ipairs(entities.test(shipped)) do
      if not res.passed then
        failed[#failed + 1] = res.file .. ":" .. res.line .. ": " .. table.concat(res.failures, "; ")
      end
    end
    assert.same({}, failed)
  end)
end)

describe("glean analyze with entities", function()
  local analyze = require "glean.analyze"
  it("turns rule hits naming an entity into mentions with their source", function()
    local dir = os.tmpname()
    os.remove(dir)
    assert(os.execute("mkdir -p '" .. dir .. "'"))
    helper.write(dir .. "/people.lua", [[
return {
  rule "agent" {
    entity = "person",
    pattern = lpeg.P"Agent " * lpeg.Cp() * (lpeg.R"AZ" * lpeg.R"az" ^ 1) * lpeg.Cp(),
    value = function(s, e) return { start = s, stop = e - 1 } end,
    examples = { ["Agent Smith"] = { start = 7, stop = 11 } },
  },
}
]])
    local an = assert(analyze.new { rules = { dir }, gazetteer = "data/gazetteer.tsv" })
    local rec = an:document { id = "x", text = "Agent Mulder met Agent Scully in Berlin." }
    local got = {}
    for _, m in ipairs(rec.mentions) do got[#got + 1] = m.type .. " " .. m.surface .. " " .. m.source end
    assert.same({ "person Mulder rule:people/agent", "person Scully rule:people/agent",
                  "place Berlin gazetteer" }, got)
    assert.are.equal("person:~mulder", rec.mentions[1].id)
    assert.same({}, rec.annotations)
  end)
end)

describe("glean analyze --cues", function()
  it("adds an analyst's cue list, and every output says how a mention was found", function()
    local cues = helper.tmpfile("# my titles\ntitle\tAgent\nexample\tAgent [PER Fox Mulder] came.\n")
    local doc = helper.tmpfile("Agent Fox Mulder met Agent Dana Scully in Berlin. Mulder left.\n")
    local glean = helper.home .. "/bin/glean"
    local p = io.popen(string.format("%q analyze --quiet --cues %q --format csv %q 2>&1", glean, cues, doc))
    local csv = p:read("a")
    p:close()
    assert.truthy(csv:find("sentence,date,ambiguous,source,context", 1, true), csv)
    local row = '"person:~fox-mulder","person","Fox Mulder","Fox Mulder","Fox Mulder",1,,"false","cue:title"'
    assert.truthy(csv:find(row, 1, true), csv)
    assert.truthy(csv:find('"Mulder","Mulder",2,,"false","propagated"', 1, true), csv)
    assert.truthy(csv:find('"Berlin","Berlin",1,,"false","gazetteer"', 1, true), csv)
    -- glean rules --test runs an analyst's cue examples (and with --rules,
    -- not the shipped lists')
    local p2 = io.popen(string.format("%q rules --test --rules %q --cues %q 2>&1; echo rc=$?", glean,
      helper.home .. "/rules/web.lua", helper.tmpfile("title\tAgent\nexample\tAgent Zed left.\n")))
    local tout = p2:read("a")
    p2:close()
    assert.truthy(tout:find('found person "Zed" (cue:title) that the example does not mark', 1, true), tout)
    assert.truthy(tout:find("rc=1", 1, true), tout)
    assert.is_nil(tout:find("data/cues/", 1, true), tout)
    local bad = helper.tmpfile("titel\tAgent\n")
    p = io.popen(string.format("%q analyze --quiet --cues %q %q 2>&1; echo rc=$?", glean, bad, doc))
    local out = p:read("a")
    p:close()
    assert.truthy(out:find(bad .. ":1: unknown class 'titel'", 1, true), out)
    assert.truthy(out:find("rc=2", 1, true), out)
  end)
end)
