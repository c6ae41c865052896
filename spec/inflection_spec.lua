-- Inflection profiles (data/inflection/*.tsv, docs/inflection.md): the
-- matcher finds the forms running text gives names, with the whole
-- inflected word as the span, and reports the alias they came from.  The
-- sentences are written for this spec.
local glean = require "glean"
local gazetteer = glean.gazetteer

local tmpdir, write = glean_spec.tmpdir, glean_spec.write

-- "surface@start-stop:id" of every match; each span must be its surface.
local function spans(gz, text, opts)
  local out = {}
  for _, m in ipairs(gz:find_all(text, opts)) do
    assert.are.equal(m.surface, text:sub(m.start, m.stop))
    out[#out + 1] = m.surface .. "@" .. m.start .. "-" .. m.stop .. ":" .. m.id
  end
  return out
end

local function surfaces(gz, text, opts)
  local out = {}
  for _, m in ipairs(gz:find_all(text, opts)) do out[#out + 1] = m.surface end
  return out
end

local function gz_of(entries, opts) return gazetteer.new(entries, opts) end

describe("inflection profiles: Russian", function()
  local gz = gz_of {
    { id = "MOW", type = "place", alias = "Москва", lang = "ru" },
    { id = "BJS", type = "place", alias = "Пекин", lang = "ru" },
    { id = "CN", type = "place", alias = "Китай", lang = "ru" },
    { id = "RU", type = "place", alias = "Россия", lang = "ru" },
    { id = "KR", type = "place", alias = "Корея", lang = "ru" },
    { id = "KZN", type = "place", alias = "Казань", lang = "ru" },
    { id = "NL", type = "place", alias = "Нидерланды", lang = "ru" },
    { id = "DEL", type = "place", alias = "Дели", lang = "ru" },
  }

  it("finds case forms of -а, consonant, -й, -ия, -я, -ь and plural -ы names with whole-word spans", function()
    local text = "Из Москвы в Пекин, из Пекина в Москву; над Москвой, о Москве."
    assert.same({ "Москвы", "Пекин", "Пекина", "Москву", "Москвой", "Москве" }, surfaces(gz, text))
    assert.same({ "Китая", "Китаю", "Китаем", "России", "Россию", "Кореи", "Корее", "Казани", "Нидерландов" },
      surfaces(gz, "Китая, Китаю, Китаем; России и Россию; Кореи, Корее; Казани; Нидерландов."))
  end)

  it("reports exact byte spans and the alias as written with the profile it used", function()
    local text = "Делегация прибыла в Москве."
    local list = gz:find_all(text)
    assert.are.equal(1, #list)
    local m = list[1]
    assert.are.equal("Москве", m.surface)
    assert.are.equal(text:find("Москве", 1, true), m.start)
    assert.are.equal(m.start + #"Москве" - 1, m.stop)
    assert.are.equal("Москва", m.alias)
    assert.are.equal("ru", m.inflection)
    assert.is_nil(gz:find_all("Москва")[1].inflection)
  end)

  it("does not inflect indeclinable endings and keeps word boundaries", function()
    assert.same({ "Дели" }, surfaces(gz, "в Дели, не Деля и не Делии"))
    assert.same({}, surfaces(gz, "Москвами Москвач Подмосквы"))
  end)

  it("counts aliases and forms separately", function()
    local aliases, entities, forms = gz:count()
    assert.are.equal(8, aliases)
    assert.are.equal(8, entities)
    assert.is_true(forms > 30)
  end)
end)

describe("inflection: adjectives before the last word", function()
  local gz = gz_of {
    { id = "NN", type = "place", alias = "Нижний Новгород", lang = "ru" },
    { id = "KR", type = "place", alias = "Южная Корея", lang = "ru" },
    { id = "US", type = "place", alias = "Соединённые Штаты", lang = "ru" },
    { id = "AE", type = "place", alias = "Объединённые Арабские Эмираты", lang = "ru" },
    { id = "KK", type = "place", alias = "Краснодарский край", lang = "ru" },
    { id = "HM", type = "place", alias = "Ханты-Мансийский автономный округ", lang = "ru" },
    { id = "G7", type = "org", alias = "Большая семёрка", lang = "ru" },
  }

  it("a Russian adjective takes the case of the noun after it (one or more, hyphenated names too)", function()
    assert.same({ "Нижнем Новгороде", "Нижнего Новгорода", "Нижнему Новгороду", "Нижним Новгородом" },
      surfaces(gz, "в Нижнем Новгороде, из Нижнего Новгорода, к Нижнему Новгороду, над Нижним Новгородом"))
    assert.same({ "Южной Корее", "Южной Кореи", "Южную Корею", "Южной Кореей" },
      surfaces(gz, "в Южной Корее, из Южной Кореи, в Южную Корею, с Южной Кореей"))
    assert.same({ "Соединённых Штатов", "Соединённым Штатам", "Объединённых Арабских Эмиратах" },
      surfaces(gz, "из Соединённых Штатов к Соединённым Штатам; в Объединённых Арабских Эмиратах"))
    assert.same({ "Краснодарском крае", "Ханты-Мансийского автономного округа", "Большой семёрки" },
      surfaces(gz, "в Краснодарском крае и Ханты-Мансийского автономного округа; саммит Большой семёрки"))
  end)

  it("Ukrainian adjectives before the noun", function()
    local uk = gz_of {
      { id = "KR", type = "place", alias = "Південна Корея", lang = "uk" },
      { id = "US", type = "place", alias = "Сполучені Штати", lang = "uk" },
      { id = "NN", type = "place", alias = "Нижній Новгород", lang = "uk" },
    }
    assert.same({ "Південній Кореї", "Південної Кореї", "Сполучених Штатів", "Нижньому Новгороді" },
      surfaces(uk, "у Південній Кореї, з Південної Кореї; до Сполучених Штатів; у Нижньому Новгороді"))
    assert.same({}, surfaces(uk, "Південна Кореї, Сполучені Штатів"))
  end)

  it("Polish and Czech adjectives before the noun", function()
    local pl = gz_of {
      { id = "NYC", type = "place", alias = "Nowy Jork", lang = "pl" },
      { id = "GB", type = "place", alias = "Wielka Brytania", lang = "pl" },
      { id = "NZ", type = "place", alias = "Nowa Zelandia", lang = "pl" },
    }
    assert.same({ "Nowym Jorku", "Nowego Jorku", "Wielkiej Brytanii", "Wielką Brytanię", "Nowej Zelandii" },
      surfaces(pl, "w Nowym Jorku, z Nowego Jorku; w Wielkiej Brytanii, przez Wielką Brytanię; w Nowej Zelandii"))
    local cs = gz_of {
      { id = "NZ", type = "place", alias = "Nový Zéland", lang = "cs" },
      { id = "GB", type = "place", alias = "Velká Británie", lang = "cs" },
      { id = "KR", type = "place", alias = "Jižní Korea", lang = "cs" },
    }
    assert.same({ "Novém Zélandu", "Velké Británii", "Velké Británie", "Velkou Británií", "Jižní Koreji",
      "Jižní Koreje" }, surfaces(cs, "na Novém Zélandu, ve Velké Británii, z Velké Británie, s Velkou Británií, " ..
      "v Jižní Koreji, z Jižní Koreje"))
  end)

  it("reports the whole inflected name as the span and the alias as written", function()
    local text = "Делегация прибыла в Нижний Новгород, затем в Нижнем Новгороде прошла встреча."
    assert.same({ "Нижний Новгород@" .. text:find("Нижний", 1, true) .. "-" ..
                  (text:find("Нижний", 1, true) + #"Нижний Новгород" - 1) .. ":NN",
                  "Нижнем Новгороде@" .. text:find("Нижнем", 1, true) .. "-" ..
                  (text:find("Нижнем", 1, true) + #"Нижнем Новгороде" - 1) .. ":NN" }, spans(gz, text))
    local m = gz:find_all("в Южной Корее")[1]
    assert.are.equal("Южная Корея", m.alias)
    assert.are.equal("ru", m.inflection)
  end)

  it("the adjective and the noun agree: one word inflected alone, or in another case, is no form", function()
    assert.same({}, surfaces(gz, "Нижний Новгороде, Нижнего Новгороде, Южная Корее, Южной Корею, " ..
      "Соединённые Штатов"))
  end)

  it("profile syntax: tags and adj rules; errors name the line", function()
    local dir = tmpdir()
    write(dir .. "/zz.tsv", "script Latn\nminstem 1\na -> ae:g am:a\nadj us -> i:g um:a\n")
    local own = gz_of({ { id = "R", type = "place", alias = "Magnus Roma", lang = "zz" } }, { inflection = dir })
    assert.same({ "Magni Romae", "Magnum Romam" },
      surfaces(own, "Magni Romae, Magnum Romam, Magnus Romae, Magni Romam"))
    write(dir .. "/zz.tsv", "script Latn\na -> ae:G\n")
    local ok, err = pcall(gazetteer.new, {}, { inflection = dir })
    assert.is_false(ok)
    assert.matches("zz.tsv:2: bad tags in 'ae:G' %(letters a to z%)", err)
    write(dir .. "/zz.tsv", "script Latn\nadj a -> ae(s)\n")
    ok, err = pcall(gazetteer.new, {}, { inflection = dir })
    assert.is_false(ok)
    assert.matches("zz.tsv:2: an adjective's form 'ae%(s%)' cannot have an excluded part", err)
  end)
end)

describe("inflection profiles: other languages", function()
  it("Ukrainian case forms", function()
    local gz = gz_of {
      { id = "MOW", type = "place", alias = "Москва", lang = "uk" },
      { id = "CN", type = "place", alias = "Китай", lang = "uk" },
      { id = "BJS", type = "place", alias = "Пекін", lang = "uk" },
    }
    assert.same({ "Москві", "Китаю", "Пекіні" }, surfaces(gz, "у Москві, до Китаю, у Пекіні"))
  end)
  it("Ukrainian -ів and -їв alternate with -ов- and -єв- (Львова, Києві), not -іва", function()
    local gz = gz_of {
      { id = "LWO", type = "place", alias = "Львів", lang = "uk" },
      { id = "IEV", type = "place", alias = "Київ", lang = "uk" },
    }
    assert.same({ "Львова", "Києві", "Львові", "Києва" }, surfaces(gz, "зі Львова у Києві, у Львові, до Києва"))
    assert.same({}, surfaces(gz, "Львіва, Київа"))
  end)

  it("Ukrainian and Russian towns named by a plural or an adjective decline so (Черкас, Кропивницькому)", function()
    local uk = gz_of {
      { id = "CK", type = "place", alias = "Черкаси", lang = "uk" },
      { id = "CV", type = "place", alias = "Чернівці", lang = "uk" },
      { id = "KR", type = "place", alias = "Кропивницький", lang = "uk" },
      { id = "KM", type = "place", alias = "Кам'янське", lang = "uk" },
      { id = "KN", type = "place", alias = "Канів", lang = "uk" },
    }
    assert.same({ "Черкас", "Черкасах", "Чернівців", "Чернівцях", "Кропивницького", "Кропивницькому",
      "Кам'янського", "Кам'янському", "Каневі" },
      surfaces(uk, "мер Черкас у Черкасах; з Чернівців у Чернівцях; до Кропивницького, у Кропивницькому; "
        .. "з Кам'янського у Кам'янському; у Каневі"))
    assert.same({}, surfaces(uk, "Черка, Чернівцьох, Кропивницьк"))
    assert.same({}, surfaces(gz_of { { id = "ST", type = "place", alias = "Стрий", lang = "uk" } },
      "Строго кажучи, Стрим"))
    local ru = gz_of {
      { id = "CK", type = "place", alias = "Черкассы", lang = "ru" },
      { id = "KR", type = "place", alias = "Кропивницкий", lang = "ru" },
      { id = "KM", type = "place", alias = "Каменское", lang = "ru" },
    }
    assert.same({ "Черкасс", "Черкассах", "Кропивницкого", "Каменском" },
      surfaces(ru, "мэр Черкасс, в Черкассах; до Кропивницкого, в Каменском"))
  end)

  it("Russian and Ukrainian foreign names in a vowel and -а do not decline (Самой is an adjective)", function()
    local ru = gz_of {
      { id = "WS", type = "place", alias = "Самоа", lang = "ru" },
      { id = "NI", type = "place", alias = "Никарагуа", lang = "ru" },
    }
    assert.same({ "Самоа", "Никарагуа" },
      surfaces(ru, "Самой тёплой была Самоа, Никарагуой и Самоой никто не пишет, а Никарагуа."))
    local uk = gz_of { { id = "WS", type = "place", alias = "Самоа", lang = "uk" } }
    assert.same({ "Самоа" }, surfaces(uk, "Самой, Самоі, Самоою; на Самоа"))
  end)

  it("Ukrainian -ець and Russian -ец drop the fleeting e (Трускавця, Кременця, у Трускавці)", function()
    local uk = gz_of {
      { id = "TR", type = "place", alias = "Трускавець", lang = "uk" },
      { id = "KR", type = "place", alias = "Кременець", lang = "uk" },
    }
    assert.same({ "Трускавці", "Трускавця", "Кременця", "Трускавцем" },
      surfaces(uk, "у Трускавці, з Трускавця до Кременця, за Трускавцем"))
    assert.same({}, surfaces(uk, "Трускавеця, Трускавецю"))
    local ru = gz_of { { id = "TR", type = "place", alias = "Трускавец", lang = "ru" } }
    assert.same({ "Трускавца", "Трускавце" }, surfaces(ru, "из Трускавца в Трускавце"))
  end)

  it("a name joined by на/над/под (nad, pod) inflects its first part, the rest kept", function()
    local ru = gz_of { { id = "ROV", type = "place", alias = "Ростов-на-Дону", lang = "ru" } }
    assert.same({ "Ростове-на-Дону", "Ростова-на-Дону", "Ростов-на-Дону" },
      surfaces(ru, "в Ростове-на-Дону, из Ростова-на-Дону; Ростов-на-Дону"))
    assert.same({}, surfaces(ru, "Ростов-на-Доне, Ростове-на"))
    local pl = gz_of { { id = "KN", type = "place", alias = "Kostrzyn nad Odrą", lang = "pl" } }
    assert.same({ "Kostrzynie nad Odrą", "Kostrzyna nad Odrą" },
      surfaces(pl, "w Kostrzynie nad Odrą, z Kostrzyna nad Odrą"))
    -- a joining word must be one word without hyphens
    local dir = tmpdir()
    write(dir .. "/zz.tsv", "script Cyrl\nhead_before на-до\n")
    local ok, err = pcall(gazetteer.new, {}, { inflection = dir })
    assert.is_false(ok)
    assert.matches("zz.tsv:2: 'head_before': 'на%-до' is no short word without hyphens", err)
  end)

  it("German genitive -s, none after a sibilant", function()
    local gz = gz_of {
      { id = "CN", type = "place", alias = "China", lang = "de" },
      { id = "MOW", type = "place", alias = "Moskau", lang = "de" },
      { id = "PAR", type = "place", alias = "Paris", lang = "de" },
    }
    assert.same({ "Chinas@5-10:CN", "Moskaus@16-22:MOW", "Paris@29-33:PAR" },
      spans(gz, "die Chinas und Moskaus, von Paris, Pariss"))
  end)

  it("Turkish: suffixes after any apostrophe stay outside the span; attached ones need a multi-word name", function()
    local gz = gz_of {
      { id = "ANK", type = "place", alias = "Ankara", lang = "tr" },
      { id = "EU", type = "org", alias = "Avrupa Birliği", lang = "tr" },
      { id = "UN", type = "org", alias = "Birleşmiş Milletler", lang = "tr" },
      { id = "LIM", type = "place", alias = "Lima", lang = "tr" },
    }
    for _, apo in ipairs { "'", "\u{2019}", "\u{02BC}", "\u{2032}", "\u{2018}", "\u{FF07}" } do
      local text = "Heyet Ankara" .. apo .. "da toplandı."
      assert.same({ "Ankara@7-12:ANK" }, spans(gz, text), "apostrophe " .. apo)
    end
    assert.same({ "Avrupa Birliğinin", "Birleşmiş Milletlerde", "Avrupa Birliği" },
      surfaces(gz, "Avrupa Birliğinin ve Birleşmiş Milletlerde; Avrupa Birliği'nde"))
    -- vowel harmony: back-vowel words take -da, not -de
    assert.same({}, surfaces(gz, "Birleşmiş Milletlerda"))
    -- one-word names: no attached suffixes (Lima + nı = limanı 'its port')
    assert.same({}, surfaces(gz, "Limanı ve Ankarada"))
  end)

  it("English possessive and French elision are outside the span", function()
    local gz = gz_of {
      { id = "RU", type = "place", alias = "Russia", lang = "en" },
      { id = "EU", type = "org", alias = "Union européenne", lang = "fr" },
    }
    assert.same({ "Russia@1-6:RU" }, spans(gz, "Russia\u{2019}s envoy"))
    assert.same({ "Union européenne@8-24:EU" }, spans(gz, "de l\u{2019}Union européenne"))
    assert.same({ "Union européenne@3-19:EU" }, spans(gz, "l'Union européenne"))
  end)

  it("Persian plural inside the span, ezafe and -را joined by ZWNJ outside it", function()
    local gz = gz_of {
      { id = "US", type = "place", alias = "آمریکا", lang = "fa" },
      { id = "IR", type = "place", alias = "ایران", lang = "fa" },
    }
    local text = "سفیر آمریکای شمالی"
    assert.same({ "آمریکا" }, surfaces(gz, text))
    assert.same({ "ایران\u{200C}ها" }, surfaces(gz, "ایران\u{200C}ها"))
    assert.same({ "ایران" }, surfaces(gz, "ایران\u{200C}را دید"))
    -- no indefinite -ای after a final ه: استان‌های 'provinces of' is no Astana + ای
    local gz2 = gz_of { { id = "AST", type = "place", alias = "آستانه", lang = "fa" } }
    assert.same({}, surfaces(gz2, "دادگستری\u{200C}های استان\u{200C}های مرزی و استانهای دیگر"))
    assert.same({ "آستانه" }, surfaces(gz2, "سفر به آستانه\u{200C}ی امروز"))
  end)

  it("Urdu oblique -ہ -> -ے", function()
    local gz = gz_of { { id = "CCU", type = "place", alias = "کلکتہ", lang = "ur" } }
    assert.same({ "کلکتے" }, surfaces(gz, "کلکتے میں"))
  end)
end)

describe("inflection profiles: Polish and Czech", function()
  it("Polish feminine -a with the locative's softened consonant", function()
    local gz = gz_of {
      { id = "WAW", type = "place", alias = "Warszawa", lang = "pl" },
      { id = "PRG", type = "place", alias = "Praga", lang = "pl" },
      { id = "AF", type = "place", alias = "Afryka", lang = "pl" },
      { id = "CA", type = "place", alias = "Kanada", lang = "pl" },
      { id = "MT", type = "place", alias = "Malta", lang = "pl" },
    }
    assert.same({ "Warszawy", "Warszawie", "Warszawę", "Warszawą", "Pradze", "Afryce", "Kanadzie", "Malcie" },
      surfaces(gz, "z Warszawy, w Warszawie, przez Warszawę, nad Warszawą; w Pradze, Afryce, Kanadzie, Malcie."))
    -- the span is the whole word, the alias the one written
    local text = "Premier przyjechał do Warszawy."
    local m = gz:find_all(text)[1]
    assert.are.equal("Warszawy", m.surface)
    assert.are.equal(text:find("Warszawy", 1, true), m.start)
    assert.are.equal(m.start + #"Warszawy" - 1, m.stop)
    assert.are.equal("Warszawa", m.alias)
    assert.are.equal("pl", m.inflection)
    assert.same({}, surfaces(gz, "Warszawianka Warszawski Pradziad"))
  end)

  it("Polish -ia/-ja/-ea, masculine stems (ó -> o, soft ń, -iem after k), neuter -wo and plurals", function()
    local gz = gz_of {
      { id = "RU", type = "place", alias = "Rosja", lang = "pl" },
      { id = "ES", type = "place", alias = "Hiszpania", lang = "pl" },
      { id = "GDY", type = "place", alias = "Gdynia", lang = "pl" },
      { id = "KR", type = "place", alias = "Korea", lang = "pl" },
      { id = "KRK", type = "place", alias = "Kraków", lang = "pl" },
      { id = "BER", type = "place", alias = "Berlin", lang = "pl" },
      { id = "MAD", type = "place", alias = "Madryt", lang = "pl" },
      { id = "GDN", type = "place", alias = "Gdańsk", lang = "pl" },
      { id = "POZ", type = "place", alias = "Poznań", lang = "pl" },
      { id = "PAR", type = "place", alias = "Paryż", lang = "pl" },
      { id = "XK", type = "place", alias = "Kosowo", lang = "pl" },
      { id = "CZ", type = "place", alias = "Czechy", lang = "pl" },
      { id = "DE", type = "place", alias = "Niemcy", lang = "pl" },
      { id = "KTW", type = "place", alias = "Katowice", lang = "pl" },
      { id = "LDZ", type = "place", alias = "Łódź", lang = "pl" },
    }
    assert.same({ "Rosji", "Hiszpanii", "Gdyni", "Korei" }, surfaces(gz, "Rosji, Hiszpanii, Gdyni, Korei"))
    assert.same({ "Łodzi", "Łodzią" }, surfaces(gz, "w Łodzi i pod Łodzią"))
    assert.same({ "Krakowa", "Krakowie", "Berlina", "Berlinie", "Madrycie", "Gdańsku", "Gdańskiem", "Poznaniu",
      "Paryżu" }, surfaces(gz, "z Krakowa w Krakowie, z Berlina w Berlinie, w Madrycie, w Gdańsku, pod Gdańskiem, " ..
      "w Poznaniu, w Paryżu"))
    assert.same({ "Kosowie", "Czech", "Czechach", "Niemczech", "Katowic", "Katowicach" },
      surfaces(gz, "w Kosowie; z Czech, w Czechach, w Niemczech; z Katowic, w Katowicach"))
    -- the country's genitive has a fleeting e (the people's, Niemców, is a form too)
    assert.same({ "Niemiec", "Niemcami" }, surfaces(gz, "wróciła z Niemiec, rozmowy z Niemcami"))
  end)

  it("a form of a capitalised alias needs the capital: folded Polish forms are no English or Italian words", function()
    local gz = gz_of {
      { id = "GZ", type = "place", alias = "Gaza", lang = "pl" },
      { id = "LIM", type = "place", alias = "Lima", lang = "pl,cs" },
      { id = "BER", type = "place", alias = "Berlin", lang = "pl" },
    }
    assert.same({}, surfaces(gz, "a steady gaze, a lime, una berlina nera"))
    assert.same({ "Gazę", "Limę", "Berlina" }, surfaces(gz, "przez Gazę, przez Limę, z Berlina"))
    assert.same({ "WARSZAWIE" }, surfaces(gz_of { { id = "W", type = "place", alias = "Warszawa", lang = "pl" } },
      "W WARSZAWIE"))
  end)

  it("Czech case forms with the dative/locative alternations", function()
    local gz = gz_of {
      { id = "PRG", type = "place", alias = "Praha", lang = "cs" },
      { id = "MOW", type = "place", alias = "Moskva", lang = "cs" },
      { id = "BRQ", type = "place", alias = "Brno", lang = "cs" },
      { id = "BER", type = "place", alias = "Berlín", lang = "cs" },
      { id = "PAR", type = "place", alias = "Paříž", lang = "cs" },
      { id = "PLZ", type = "place", alias = "Plzeň", lang = "cs" },
      { id = "FR", type = "place", alias = "Francie", lang = "cs" },
      { id = "KR", type = "place", alias = "Korea", lang = "cs" },
      { id = "PL", type = "place", alias = "Polsko", lang = "cs" },
      { id = "LBC", type = "place", alias = "Liberec", lang = "cs" },
    }
    assert.same({ "Prahy", "Praze", "Prahu", "Prahou", "Moskvě", "Brna", "Brně", "Berlíně", "Paříži", "Plzni" },
      surfaces(gz, "z Prahy, v Praze, přes Prahu, nad Prahou; v Moskvě; z Brna v Brně; v Berlíně, Paříži, Plzni"))
    assert.same({ "Francii", "Koreji", "Polsku", "Liberci" }, surfaces(gz, "ve Francii, v Koreji, v Polsku, v Liberci"))
    local m = gz:find_all("Summit v Praze.")[1]
    assert.are.equal("Praha", m.alias)
    assert.are.equal("cs", m.inflection)
    assert.are.equal("Praze", m.surface)
    assert.same({}, surfaces(gz, "Pražský Prahami Brnox"))
  end)

  it("Czech plural towns in -ice and towns named by an adjective, with plural adjectives", function()
    local gz = gz_of {
      { id = "CB", type = "place", alias = "Horní Lhotice", lang = "cs" },
      { id = "SL", type = "place", alias = "Slaný", lang = "cs" },
      { id = "KM", type = "place", alias = "Kamenné", lang = "cs" },
    }
    assert.same({ "Horních Lhoticích", "Horních Lhotic", "Slaném", "Slaného", "Kamenném" },
      surfaces(gz, "v Horních Lhoticích, z Horních Lhotic; ve Slaném, ze Slaného; v Kamenném"))
  end)

  it("Russian and Ukrainian neuter -ре and -ле decline as nouns (море, поле), Ukrainian as adjectives too", function()
    local ru = gz_of { { id = "BS", type = "place", alias = "Белое море", lang = "ru" } }
    assert.same({ "Белого моря", "Белым морем", "Белом море" },
      surfaces(ru, "у Белого моря, над Белым морем, в Белом море"))
    local uk = gz_of {
      { id = "BS", type = "place", alias = "Біле море", lang = "uk" },
      { id = "ST", type = "place", alias = "Тепле", lang = "uk" },
    }
    assert.same({ "Білим морем", "Білому морі", "Теплому" }, surfaces(uk, "над Білим морем, у Білому морі, у Теплому"))
  end)

  it("fleeting e, soft ď ť ň, hard -l and foreign -ia/-ya/-ua", function()
    local pl = gz_of {
      { id = "DAM", type = "place", alias = "Damaszek", lang = "pl" },
      { id = "GOA", type = "place", alias = "Genua", lang = "pl" },
      { id = "AYT", type = "place", alias = "Antalya", lang = "pl" },
    }
    assert.same({ "Damaszku", "Genui", "Antalyi" }, surfaces(pl, "w Damaszku, w Genui, w Antalyi"))
    local cs = gz_of {
      { id = "BUD", type = "place", alias = "Budapešť", lang = "cs" },
      { id = "BRU", type = "place", alias = "Brusel", lang = "cs" },
      { id = "DAM", type = "place", alias = "Damašek", lang = "cs" },
    }
    assert.same({ "Budapešti", "Bruselu", "Damašku" }, surfaces(cs, "v Budapešti, v Bruselu, v Damašku"))
  end)

  it("a gazetteer file with lang pl or cs uses the profiles; a lang-less alias only in pl/cs documents", function()
    local dir = tmpdir()
    write(dir .. "/g.tsv", "id\ttype\talias\tlang\nWAW\tplace\tWarszawa\tpl\nPRG\tplace\tPraha\tcs\n" ..
      "BRQ\tplace\tBrno\t\n")
    local gz = assert(gazetteer.load(dir .. "/g.tsv"))
    assert.same({ "Warszawie", "Praze" }, surfaces(gz, "w Warszawie i v Praze, v Brně"))
    assert.same({ "Warszawie", "Praze", "Brně" }, surfaces(gz, "w Warszawie i v Praze, v Brně", { lang = "cs" }))
  end)
end)

describe("inflection profiles: Korean particles", function()
  local gz = gz_of {
    { id = "KR", type = "place", alias = "대한민국", lang = "ko" },
    { id = "JP", type = "place", alias = "일본", lang = "ko" },
    { id = "SEL", type = "place", alias = "서울", lang = "ko" },
    { id = "RU", type = "place", alias = "러시아", lang = "ko" },
    { id = "ZA", type = "place", alias = "남아프리카 공화국", lang = "ko" },
  }

  it("the particle is written onto the name and is part of the span", function()
    local text = "대표단은 서울에서 출발해 러시아와 일본을 거쳐 대한민국으로 돌아왔다."
    assert.same({ "서울에서", "러시아와", "일본을", "대한민국으로" }, surfaces(gz, text))
    local m = gz:find_all(text)[1]
    assert.are.equal("서울", m.alias)
    assert.are.equal("ko", m.inflection)
    assert.are.equal(text:find("서울에서", 1, true), m.start)
    assert.are.equal(m.start + #"서울에서" - 1, m.stop)
  end)

  it("chooses the particle by the last syllable: vowel, final ㄹ, other final consonant", function()
    -- 러시아 (vowel): 는 가 를 와 로; 서울 (ㄹ): 은 이 을 과 로; 일본 (ㄴ): 은 이 을 과 으로
    assert.same({ "러시아는", "러시아가", "러시아를", "러시아로" }, surfaces(gz, "러시아는 러시아가 러시아를 러시아로"))
    assert.same({ "서울은", "서울이", "서울을", "서울로" }, surfaces(gz, "서울은 서울이 서울을 서울로"))
    assert.same({ "일본은", "일본이", "일본과", "일본으로" }, surfaces(gz, "일본은 일본이 일본과 일본으로"))
    -- the other allomorph is no form of these names
    assert.same({}, surfaces(gz, "러시아은 서울으로 일본는 일본로"))
  end)

  it("particles that do not depend on the syllable, and common combinations", function()
    assert.same({ "일본의", "서울에", "러시아에서", "일본에서는", "서울에서도", "러시아와의", "일본과의",
      "서울까지", "일본부터", "러시아도", "일본만" },
      surfaces(gz, "일본의 서울에 러시아에서 일본에서는 서울에서도 러시아와의 일본과의 서울까지 일본부터 러시아도 일본만"))
  end)

  it("the last word of a name of several words takes the particle; a separate word stays outside", function()
    assert.same({ "남아프리카 공화국에서" }, surfaces(gz, "남아프리카 공화국에서 열린 회의"))
    assert.same({ "일본" }, surfaces(gz, "일본 측은 반대했다"))
    -- a word that merely starts with the name is no form (일본어 'Japanese language')
    assert.same({}, surfaces(gz, "일본어 서울대 러시아워"))
  end)
end)

describe("inflection profiles: Bengali case endings", function()
  local gz = gz_of {
    { id = "BD", type = "place", alias = "বাংলাদেশ", lang = "bn" },
    { id = "DAC", type = "place", alias = "ঢাকা", lang = "bn" },
    { id = "IN", type = "place", alias = "ভারত", lang = "bn" },
  }

  it("the ending is written onto the name, chosen by its last letter, inside the span", function()
    -- after a vowel sign: -র -য় -তে -কে; after a consonant: -ের -ে -কে
    assert.same({ "ঢাকার", "ঢাকায়", "ঢাকাতে", "ঢাকাকে", "বাংলাদেশের", "বাংলাদেশে", "ভারতকে", "ভারতেরও" },
      surfaces(gz, "ঢাকার ঢাকায় ঢাকাতে ঢাকাকে বাংলাদেশের বাংলাদেশে ভারতকে ভারতেরও"))
    local text = "সফরে বাংলাদেশের মন্ত্রী"
    local m = gz:find_all(text)[1]
    assert.are.equal("বাংলাদেশ", m.alias)
    assert.are.equal("bn", m.inflection)
    assert.are.equal(text:find("বাংলাদেশের", 1, true), m.start)
    -- the other letter's ending is no form of these names; a longer word is no form either
    assert.same({}, surfaces(gz, "ঢাকাের ভারতর ভারতীয়"))
  end)
end)

describe("inflection: which aliases get which profile", function()
  it("an alias without lang inflects only in documents of the profile's language", function()
    local gz = gz_of { { id = "MOW", type = "place", alias = "Москва" } }
    assert.same({}, surfaces(gz, "в Москве"))
    assert.same({}, surfaces(gz, "в Москве", { lang = "de" }))
    assert.same({ "Москве" }, surfaces(gz, "в Москве", { lang = "ru" }))
    assert.same({ "Москві" }, surfaces(gz, "у Москві", { lang = "uk" }))
    assert.same({ "Москва" }, surfaces(gz, "Москва"))
  end)

  it("exact, case and an inflection column of '-' opt out; the column can name another profile", function()
    local gz = gz_of {
      { id = "A", type = "place", alias = "Москва", lang = "ru", flags = "exact" },
      { id = "B", type = "place", alias = "Пекин", lang = "ru", inflection = "-" },
      { id = "C", type = "place", alias = "Китай", lang = "ru", inflection = "uk" },
    }
    assert.same({}, surfaces(gz, "Москве Пекине Китаем"))
    assert.same({ "Китаї" }, surfaces(gz, "Китаї"))
    assert.has_error(function()
      gz_of { { id = "D", type = "place", alias = "Рим", inflection = "xx" } }
    end, "bad argument #1 to 'new' (entry 1: unknown inflection profile)")
  end)

  it("a case alias inflects when its line names the profile, its forms compared as written or in capitals", function()
    local gz = gz_of {
      { id = "WAW", type = "place", alias = "Warszawa", lang = "pl", flags = "case", inflection = "pl" },
      { id = "BEL", type = "place", alias = "Белгород", lang = "ru", flags = "case" },
    }
    assert.same({ "Warszawie", "WARSZAWIE" }, surfaces(gz, "w Warszawie, warszawie, WARSZAWIE"))
    assert.same({ "Белгород" }, surfaces(gz, "в Белгороде; Белгород", { lang = "ru" }))
  end)

  it("or by its lang with a 'case_aliases yes' profile (pl, cs), then only in documents of that language", function()
    local gz = gz_of {
      { id = "BRQ", type = "place", alias = "Brno", lang = "en,cs", flags = "case" },
      { id = "BRN", type = "place", alias = "Berno", lang = "pl", flags = "case" },
      { id = "JU", type = "place", alias = "Jura", lang = "cs,pl", flags = "case" },
    }
    assert.same({ "Brně", "Brno" }, surfaces(gz, "v Brně; Brno, brně", { lang = "cs" }))
    assert.same({ "Brno" }, surfaces(gz, "v Brně; Brno"))
    -- Berno's locative is an English given name, Jura's genitive a German noun
    assert.same({}, surfaces(gz, "Bernie Sanders and the Jury", { lang = "en" }))
    assert.same({}, surfaces(gz, "die Jury", { lang = "de" }))
    assert.same({ "Bernie" }, surfaces(gz, "w Bernie", { lang = "pl" }))
  end)

  it("or by its lang and its place's country with a 'case_aliases RU BY' profile (ru, uk)", function()
    local gz = gz_of {
      { id = "ORB", type = "place", alias = "Оренбург", lang = "ru", flags = "case", iso = "RU" },
      { id = "KRS", type = "place", alias = "Херсон", lang = "ru,uk", flags = "case", iso = "UA" },
      { id = "SNT", type = "place", alias = "Сантос", lang = "ru", flags = "case", iso = "BR" },
      { id = "DGL", type = "place", alias = "Дуглас", lang = "ru", flags = "case" },
    }
    assert.same({ "Оренбурге", "Херсона" }, surfaces(gz, "Паводок в Оренбурге и у Херсона", { lang = "ru" }))
    assert.same({ "Херсоні" }, surfaces(gz, "У Херсоні", { lang = "uk" }))
    -- places abroad (or of no country) keep their nominative only: a
    -- footballer in the dative is no Brazilian port
    assert.same({}, surfaces(gz, "передал мяч Дугласу Сантосу", { lang = "ru" }))
    assert.same({ "Сантос" }, surfaces(gz, "порт Сантос", { lang = "ru" }))
    -- the forms need the document's language, as those of 'case_aliases yes'
    assert.same({}, surfaces(gz, "в Оренбурге"))
  end)

  it("a gazetteer line that names an unknown profile is an error with file:line", function()
    local dir = tmpdir()
    write(dir .. "/g.tsv", "id\ttype\talias\tinflection\nA\tplace\tРим\tru\nB\tplace\tОмск\txx\n")
    local gz, err = gazetteer.load(dir .. "/g.tsv")
    assert.is_nil(gz)
    assert.are.equal(dir .. "/g.tsv:3: unknown inflection profile in 'xx'", err)
  end)

  it("an alias as written beats another entity's inflected form on the same span", function()
    local gz = gz_of {
      { id = "X", type = "place", alias = "Лима", lang = "ru" },
      { id = "Y", type = "place", alias = "Лим", lang = "ru" },
    }
    -- Лим + а is a form of Y, and X as written
    assert.same({ "Лима@1-8:X" }, spans(gz, "Лима"))
    -- a form of both: ambiguous
    assert.same({ "Лиме@1-8:X", "Лиме@1-8:Y" }, spans(gz, "Лиме"))
    assert.is_true(gz:find_all("Лиме")[1].ambiguous)
  end)

  it("inflection = false loads no profiles; a directory loads the analyst's own", function()
    local plain = gz_of({ { id = "MOW", type = "place", alias = "Москва", lang = "ru" } }, { inflection = false })
    assert.same({}, surfaces(plain, "в Москве"))
    local dir = tmpdir()
    write(dir .. "/xx.tsv", "script Latn\nminstem 1\nia -> ie\n")
    local own = gz_of({ { id = "R", type = "place", alias = "Roma", lang = "en" },
                        { id = "A", type = "place", alias = "Dacia", lang = "xx" } }, { inflection = dir })
    assert.same({ "Dacie" }, surfaces(own, "Romae Dacie"))
  end)

  it("keeps the forms in a compiled gazetteer", function()
    local dir = tmpdir()
    local gz = gz_of { { id = "MOW", type = "place", alias = "Москва", lang = "ru" },
                       { id = "BJS", type = "place", alias = "Пекин" } }
    assert(gz:save(dir .. "/g.glz"))
    local g2 = assert(gazetteer.open(dir .. "/g.glz"))
    assert.same({ "Москве" }, surfaces(g2, "в Москве и Пекине"))
    assert.same({ "Москве", "Пекине" }, surfaces(g2, "в Москве и Пекине", { lang = "ru" }))
    local m = g2:find_all("в Москве")[1]
    assert.are.equal("Москва", m.alias)
    assert.are.equal("ru", m.inflection)
  end)
end)

describe("inflection profile files", function()
  local function load_profile(text)
    local dir = tmpdir()
    write(dir .. "/zz.tsv", text)
    local ok, err = pcall(gazetteer.new, {}, { inflection = dir })
    return ok, (not ok) and tostring(err):gsub("^.-" .. dir:gsub("%p", "%%%0") .. "/", "") or nil
  end

  it("reports errors with file:line", function()
    assert.same({ false, "zz.tsv:1: missing 'script' line (which scripts the profile inflects, e.g. 'script Cyrl')" },
      { load_profile("a -> b\n") })
    assert.same({ false, "zz.tsv:2: expected '->' after the ending 'a'" }, { load_profile("script Latn\na b\n") })
    assert.same({ false, "zz.tsv:3: unknown class 'X'" }, { load_profile("script Latn\n# c\n{X} -> +a\n") })
    assert.same({ false, "zz.tsv:1: unknown script 'Klingon'" }, { load_profile("script Klingon\n") })
    assert.same({ false, "zz.tsv:3: '@{...}' needs a 'vowels' line before it" },
      { load_profile("script Latn\nclass B ao\na @{B} -> +s\n") })
    assert.same({ false, "zz.tsv:2: rule without forms (write '-' for none)" }, { load_profile("script Latn\na ->\n") })
    assert.same({ false, "zz.tsv:2: bad form 'x(y' (expected TEXT(EXCLUDED))" },
      { load_profile("script Latn\na -> x(y\n") })
    assert.same({ false, "zz.tsv:2: 'case_aliases': 'Ru' is not yes, no or a country code (RU BY)" },
      { load_profile("script Cyrl\ncase_aliases RU Ru\n") })
    assert.same({ false, "zz.tsv:2: 'case_aliases' needs yes, no or country codes (RU BY)" },
      { load_profile("script Cyrl\ncase_aliases\n") })
  end)

  it("accepts the documented syntax: classes, '+', '(...)', '-', '→', comments", function()
    assert.is_true((load_profile("script Latn Cyrl # two scripts\nclass C bcd\nvowels ae\nclass F e\n" ..
      "{C} @{F} → +en +(s)\n{C} -> +a\nb -> -\nminstem 1\nminwords 1\n")))
  end)

  it("the shipped profiles load", function()
    local gz = gazetteer.new({})
    assert.are.equal(0, (gz:count()))
  end)
end)
