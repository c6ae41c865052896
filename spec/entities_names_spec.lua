-- glean.entities with the shipped lists: names side by side in one
-- capitalised run, a gazetteer place before a person, names listed beside a
-- person.  Sentences written for this spec (no news, no dev-set text).
if not glean_spec then require "spec.helper" end
local entities = require "glean.entities"

-- found(kb, lang, text, place) -> { "TYPE surface SOURCE", ... }; place is a
-- word the gazetteer matched (given to the stage as the analyzer does)
local function found(kb, lang, text, place)
  local gaz = {}
  if place then
    local a, b = text:find(place, 1, true)
    gaz[a] = b
  end
  return glean_spec.found(kb, lang, text, { gazetteer = gaz, places = {} })
end

describe("names in running text", function()
  local kb
  setup(function() kb = assert(entities.load()) end)

  it("keeps a gazetteer place before a given name out of the person", function()
    assert.same({ "person Anna Bianchi names:given" },
      found(kb, "it", "Ieri a Roma Anna Bianchi ha vinto la gara.", "Roma"))
    assert.same({ "person Ana Ruiz Pérez names:given" },
      found(kb, "es", "La jueza de Sevilla Ana Ruiz Pérez dictó ayer la sentencia.", "Sevilla"))
    assert.same({ "person Giuseppe Conti cue:say" },
      found(kb, "it", "Il sindaco di Milano Giuseppe Conti ha detto ieri che la città cresce.", "Milano"))
    -- a place that is no word before a given name stays a person's first word
    assert.same({ "person Jordan Henderson names:given" },
      found(kb, "en", "Jordan Henderson scored twice on Saturday."))
  end)

  it("keeps a person named like a small town the gazetteer matched (opts.towns), no other place", function()
    local text = "La ministra Carla Duarte habló ayer; luego Carla Duarte viajó a Lima."
    local a, b = text:find("Carla Duarte", 1, true)
    local c, d = text:find("Carla Duarte", b + 1, true)
    local gaz = { [a] = b, [c] = d }
    -- a town: the person wins, with its cue or from the name lists
    assert.same({ "person Carla Duarte cue:title", "person Carla Duarte names:given" },
      glean_spec.found(kb, "es", text, { gazetteer = gaz, places = {}, towns = { [a] = b, [c] = d } }))
    -- a place that is no town (a city, a region): the gazetteer's
    assert.same({}, glean_spec.found(kb, "es", text, { gazetteer = gaz, places = {} }))
    -- a town whose name opens with no given name stays the place
    local t2 = "Llegó ayer a Puerto Duarte el ministro."
    local e, f = t2:find("Puerto Duarte", 1, true)
    assert.same({}, glean_spec.found(kb, "es", t2, { gazetteer = { [e] = f }, places = {}, towns = { [e] = f } }))
  end)

  it("splits two names side by side at a given name after a known surname", function()
    assert.same({ "person Giuseppe Conti cue:say", "person Marco Ferri names:given" },
      found(kb, "it", "Il sindaco di Milano Giuseppe Conti Marco Ferri ha detto ieri che la città cresce.",
        "Milano"))
    -- a given name after a word no list knows, or in a Vietnamese name: one person
    assert.same({ "person Luiz Inácio Lula da Silva cue:title" },
      found(kb, "pt", "O presidente Luiz Inácio Lula da Silva viajou ontem."))
    assert.same({ "person Anna Maria Luisa Rossi cue:title" },
      found(kb, "it", "La ministra Anna Maria Luisa Rossi ha parlato."))
  end)

  it("takes a given name that is also a word when a language writes its nouns in lower case", function()
    -- French jean 'denim', Spanish rosa 'pink': capitalised inside a sentence, before a capitalised word
    assert.same({ "person Jean Castagnet names:given" },
      found(kb, "fr", "Le discours de Jean Castagnet, hier soir, a surpris."))
    assert.same({ "person Rosa Quintero names:given" },
      found(kb, "es", "La obra de Rosa Quintero se expone en el museo."))
    -- not at a sentence's start, not in English or German, not alone
    assert.same({}, found(kb, "fr", "Jean Castagnet a parlé."))
    assert.same({}, found(kb, "fr", "Il porte un jean Castagnet bleu."))
  end)

  it("Russian: a given name that is a word after a title and its complement; an adjective is no person", function()
    -- Роман 'novel': after a title and a region, before a capitalised surname
    assert.same({ "person Романа Копина cue:title" },
      found(kb, "ru", "Президент уволил губернатора Чукотки Романа Копина с поста главы региона."))
    -- a region's adjective after a title, then lower-case words: no one
    assert.same({}, found(kb, "ru", "Он был заместителем председателя правительства Луганской народной республики."))
    assert.same({ "person Толстой cue:title" }, found(kb, "ru", "Об этом сообщил писатель Толстой на встрече."))
  end)

  it("Russian: a long given name no list knows before a surname's shape, a Tajik surname in -зода", function()
    -- (invented names) Central Asian given names run to ten or eleven letters in an oblique case
    assert.same({ "person Шахриёра Турсунзоды shape:surname", "person Фаррухджона Каримова shape:surname" },
      found(kb, "ru", "Суд рассмотрел дело в отношении Шахриёра Турсунзоды и Фаррухджона Каримова."))
    -- a long common noun before an adjective of place stays no one
    assert.same({}, found(kb, "ru", "Представители Министерства заявили о проверке."))
    -- capitals of four letters at most after a title are an organisation's acronym, no person
    assert.same({ "org МО РФ cue:acronym" }, found(kb, "ru", "Об этом сообщили у главы МО РФ вчера."))
    -- not a company's legal form before its quoted name (the name is the organisation)
    assert.same({ "org Северонефть cue:org_quoted" },
      found(kb, "ru", "Он встретился с генеральным директором ПАО \"Северонефть\" вчера."))
  end)

  it("takes no person from the name lists right before a number (a channel, a team)", function()
    assert.same({}, found(kb, "it", "Lo ha detto ieri a Sky Tg 24 il ministro."))
    assert.same({ "person Marco Rossi names:given" }, found(kb, "it", "Ieri Marco Rossi, 24 anni, è arrivato."))
  end)

  it("reads a given name alone before a coordinator and a person with a given name as the same family's", function()
    assert.same({ "person Michelle cue:list", "person Noel Keserwany names:given" },
      found(kb, "fr", "Le prix est allé aux Chenilles, de Michelle et Noel Keserwany, pour le moyen métrage."))
    -- (not a word the lists do not know as a given name)
    assert.same({ "person Maria Lopez names:surname" },
      found(kb, "en", "The court heard that the deal between Tavo and Maria Lopez was signed on Monday."))
  end)

  it("follows a list to its known name, also after a comma and a coordinator", function()
    assert.same({ "person Tavo Brinxa cue:list", "person Kelo Marzun cue:list", "person Neil Brownhill names:given" },
      found(kb, "en", "In the second half the goals came from Tavo Brinxa, Kelo Marzun, and Neil Brownhill, "
        .. "and the home side held on until the end of the game."))
  end)

  it("reads two words before a party and a state in brackets as a person", function()
    assert.same({ "person Tabo Queiroga cue:party" },
      found(kb, "pt", "O texto teve o apoio de Tabo Queiroga (PSB-SP), relator da proposta na comissão."))
    assert.same({ "person Dell Marrow cue:party" },
      found(kb, "en", "The bill was backed by Dell Marrow (R-Texas) on Tuesday."))
    assert.same({}, found(kb, "pt", "As ações da PETRO RIO (PRIO-XY) subiram ontem."))
    -- a region the gazetteer knows in the brackets is the town's, no party
    local text = "Die Stichwahl in Ober-Wehlau (Sachsen-Anhalt) gewann am Sonntag ein Kandidat der SPD."
    local a, b = text:find("Sachsen-Anhalt", 1, true)
    for _, f in ipairs(glean_spec.found(kb, "de", text, { gazetteer = { [a] = b }, places = {},
                                                          gaz_ids = { [a .. ":" .. b] = "place:region:DE-ST" } })) do
      assert.is_nil(f:find("cue:party", 1, true))
    end
  end)

  it("opens a French maker's name after de, not inside a name with a particle", function()
    assert.same({ "person Lora Dupuis names:given", "person Sarah Martin names:given" },
      found(kb, "fr", "Le prix est allé à Euridice de Lora Dupuis, puis à Phalène de Sarah Martin."))
    -- (also a given name that is a word too, before a title-case word)
    assert.same({ "person Caroline Dufresne names:given" },
      found(kb, "fr", "On verra le caustique Horacio de Caroline Dufresne dès lundi."))
    assert.same({ "person Charles de Gaulle names:given" },
      found(kb, "fr", "L'aéroport porte le nom de Charles de Gaulle depuis longtemps."))
  end)

  it("reads a nickname in quotes inside a name as the person's", function()
    assert.same({ "person Luis ´Lucho´ Gómez shape:nickname", "person Juan “Pipa” Higuaín Pérez shape:nickname" },
      found(kb, "es", "El gol de Luis ´Lucho´ Gómez dio la victoria al equipo local, y el técnico elogió a "
        .. "Juan “Pipa” Higuaín Pérez tras el partido."))
    assert.same({ 'person Dwayne "Rocky" Johnson shape:nickname' },
      found(kb, "en", 'The crowd cheered for Dwayne "Rocky" Johnson when he arrived.'))
  end)

  it("repeats no stop word of a name read in a headline", function()
    assert.same({ "person PORTO CON TANTO DE GOMEZ cue:title" },
      found(kb, "es", "VICTORIA DEL LIDER PORTO CON TANTO DE GOMEZ\nCon este triunfo, el equipo sigue primero en la "
        .. "tabla del torneo."))
  end)

  it("opens no person with an organisation's tail after a title", function()
    assert.same({}, found(kb, "en", "Premier League Matchday 4 - Review! The team lost again."))
  end)

  it("reads a byline whose word a name list knows, and a photo credit joined by a slash", function()
    assert.same({ "person Tavo Brinxa cue:byline" },
      found(kb, "de", "Von Tavo Brinxa, ARD-Hauptstadtstudio\nDie Debatte im Bundestag war lang."))
    assert.same({ "person Kelo Marzun cue:byline" },
      found(kb, "en", "The company said on Monday that sales fell. (AP Photo/Kelo Marzun, File)"))
  end)

  it("finds names listed beside a person", function()
    assert.same({ "person Alphonso Davies names:given", "person Kingsley Coman cue:list",
                  "person Leroy Sané names:given" },
      found(kb, "de", "Neben Alphonso Davies spielten gestern Kingsley Coman und Leroy Sané im Stadion."))
    assert.same({ "person Maria Lopez names:surname", "person Fetah Malki cue:list" },
      found(kb, "en", "The court heard from Maria Lopez, Fetah Malki and the police on Monday."))
    -- not places or nouns in a list, not a title-case headline
    assert.same({ "person Olaf Scholz names:given" },
      found(kb, "de", "Neue Regeln, alte Probleme und Olaf Scholz: eine Bilanz der Woche."))
    -- an organisation and a person joined by a coordinator are two names
    assert.same({ "org Stadtwerke Nord cue:org_head", "person Olaf Scholz names:given" },
      found(kb, "de", "Gestern sprachen Stadtwerke Nord und Olaf Scholz über die Preise."))
    assert.same({ "person Joe Biden names:given" },
      found(kb, "en", "Big Tech, Small Business and Joe Biden\nThe president met the founders in a small room."))
  end)
end)

describe("entities.article_names", function()
  local function at(text, surface, typ, id)
    local a, b = text:find(surface, 1, true)
    return { start = a, stop = b, surface = surface, type = typ, id = id, label = surface,
             source = typ == "person" and "cue:title" or "gazetteer" }
  end

  it("makes a Spanish city after el, del, al the club and a person there the venue", function()
    local text = "El Getafe goleó al Valencia en el Juan Ramos antes de viajar a Sevilla y al Perú."
    local list = { at(text, "Getafe", "place", "place:gn:1"),
                   at(text, "Valencia", "place", "place:city:Europe/Valencia"),
                   at(text, "Juan Ramos", "person", "person:~juan-ramos"), at(text, "Sevilla", "place", "place:gn:2"),
                   at(text, "Perú", "place", "place:country:PE") }
    entities.article_names(list, text, "es")
    local got = {}
    for _, x in ipairs(list) do got[#got + 1] = x.type .. " " .. x.surface .. " " .. x.id end
    assert.same({ "org Getafe org:~getafe", "org Valencia org:~valencia", "place Juan Ramos place:~juan-ramos",
                  "place Sevilla place:gn:2", "place Perú place:country:PE" }, got)
  end)

  it("makes the same city alone the club in that document, but in a dateline", function()
    local text = "SEVILLA (EFE). El Getafe y el Sevilla empataron. Sevilla sigue quinto; Getafe, octavo."
    local function nth(surface, n)
      local a, b = 0, 0
      for _ = 1, n do a, b = text:find(surface, b + 1, true) end
      return { start = a, stop = b, surface = surface, type = "place", id = "place:gn:9", label = surface,
               source = "gazetteer" }
    end
    local list = { nth("SEVILLA", 1), nth("Getafe", 1), nth("Sevilla", 1), nth("Sevilla", 2), nth("Getafe", 2) }
    entities.article_names(list, text, "es")
    assert.same({ "place", "org", "org", "org", "org" },
      { list[1].type, list[2].type, list[3].type, list[4].type, list[5].type })
  end)

  it("leaves other languages and a word ending in el alone", function()
    local text = "O Getafe e papel Sevilla."
    local list = { at(text, "Getafe", "place", "place:gn:1"), at(text, "Sevilla", "place", "place:gn:2") }
    entities.article_names(list, text, "pt")
    entities.article_names(list, text, "es")
    assert.same({ "place", "place" }, { list[1].type, list[2].type })
  end)
end)

describe("entities.club_places", function()
  local function m(typ, surface, id, source)
    return { type = typ, surface = surface, id = id, label = surface, source = source or "gazetteer" }
  end

  it("makes a club's city alone the club, in a document that names the club", function()
    local list = { m("org", "FC Bayern München", "org:sport:Bayern_Munich"),
                   m("org", "Borussia Dortmund", "org:sport:Borussia_Dortmund"),
                   m("place", "Dortmund", "place:gn:2935517"), m("place", "Bayern", "place:region:DE-BY"),
                   m("place", "Köln", "place:gn:2886242"),
                   m("org", "Chennai Super Kings", "org:sport:Chennai_Super_Kings"),
                   m("place", "Chennai", "place:gn:1") }
    entities.club_places(list)
    local got = {}
    for _, x in ipairs(list) do got[#got + 1] = x.type .. " " .. x.surface .. " " .. x.id .. " " .. x.source end
    assert.same({ "org FC Bayern München org:sport:Bayern_Munich gazetteer",
                  "org Borussia Dortmund org:sport:Borussia_Dortmund gazetteer",
                  "org Dortmund org:sport:Borussia_Dortmund propagated",
                  "org Bayern org:sport:Bayern_Munich propagated",
                  "place Köln place:gn:2886242 gazetteer",
                  "org Chennai Super Kings org:sport:Chennai_Super_Kings gazetteer",
                  "org Chennai org:sport:Chennai_Super_Kings propagated" }, got)
  end)

  it("cuts a Japanese club's name at its city (鹿島アントラーズ), not a name in Han alone", function()
    local list = { m("org", "鹿島アントラーズ", "org:sport:Kashima_Antlers"), m("place", "鹿島", "place:gn:2"),
                   m("org", "北京国安", "org:sport:Beijing_Guoan"), m("place", "北京", "place:gn:3") }
    entities.club_places(list)
    assert.same({ "org", "org", "org", "place" }, { list[1].type, list[2].type, list[3].type, list[4].type })
    assert.equal("org:sport:Kashima_Antlers", list[2].id)
  end)

  it("makes one club mention of an ambiguous city's two candidates", function()
    local text = "Ashford beat Ashford Town again."
    local function at(typ, a, b, id) local x = m(typ, text:sub(a, b), id); x.start, x.stop = a, b; return x end
    local list = { at("place", 1, 7, "place:gn:10"), at("place", 1, 7, "place:gn:11"),
                   at("org", 14, 25, "org:sport:Ashford_Town") }
    entities.club_places(list, text)
    local got = {}
    for _, x in ipairs(list) do got[#got + 1] = x.type .. " " .. x.start .. " " .. x.id end
    assert.same({ "org 1 org:sport:Ashford_Town", "org 14 org:sport:Ashford_Town" }, got)
  end)

  it("makes no club of a country (日本サッカー協会 and 日本)", function()
    local list = { m("org", "日本サッカー協会", "org:sport:JFA"), m("place", "日本", "place:country:JP") }
    entities.club_places(list)
    assert.same({ "org", "place" }, { list[1].type, list[2].type })
  end)

  it("leaves a dateline's city the place (the city a report comes from)", function()
    local text = "کراچی (نیوزڈیسک) کراچی کنگز نے میچ جیت لیا۔\nکراچی کی ٹیم خوش تھی۔"
    local k2 = text:find("کراچی", 2, true)
    local k3 = text:find("\nکراچی", 1, true) + 1
    local function at(typ, a, b, id) local x = m(typ, text:sub(a, b), id); x.start, x.stop = a, b; return x end
    local list = { at("place", 1, #"کراچی", "place:gn:1174872"),
                   at("org", k2, k2 + #"کراچی کنگز" - 1, "org:sport:Karachi_Kings"),
                   at("place", k3, k3 + #"کراچی" - 1, "place:gn:1174872") }
    entities.club_places(list, text)
    assert.same({ "place", "org", "org" }, { list[1].type, list[2].type, list[3].type })
    -- a comma or a period before the agency's bracket or the dash: MADRID, (AFP).-, TOLEDO.-
    for _, t2 in ipairs({ "TOLEDO, (AFP).- Ganó el Deportivo Toledo.", "TOLEDO.- Ganó el Deportivo Toledo." }) do
      local c = t2:find("Deportivo Toledo", 1, true)
      local p = m("place", "TOLEDO", "place:gn:2510409"); p.start, p.stop = 1, #"TOLEDO"
      local o = m("org", "Deportivo Toledo", "org:sport:Deportivo_Toledo")
      o.start, o.stop = c, c + #"Deportivo Toledo" - 1
      local l2 = { p, o }
      entities.club_places(l2, t2)
      assert.same("place", l2[1].type)
    end
  end)

  it("names a club found after a head word by the word after the head alone (النادي الأهلي, الأهلي)", function()
    local kb = assert(entities.load())
    local text = "فاز النادي الأهلي أمس. وقال مدرب الأهلي إن والأهلي فريق كبير، والبنك الأهلي ممول."
    local a = text:find("النادي الأهلي", 1, true)
    local c = m("org", "النادي الأهلي", "org:sport:Al_Ahly"); c.start, c.stop = a, a + #"النادي الأهلي" - 1
    local bank = text:find("البنك الأهلي", 1, true)
    local o = m("org", "البنك الأهلي", "org:~bank", "cue:org_head"); o.start, o.stop = bank, bank + #"البنك الأهلي" - 1
    local got = {}
    for _, x in ipairs(entities.club_short_names({ c, o }, text, kb)) do
      got[#got + 1] = text:sub(x.start, x.stop) .. " " .. x.id .. " " .. x.source
    end
    assert.same({ "الأهلي org:sport:Al_Ahly propagated", "الأهلي org:sport:Al_Ahly propagated" }, got)
    -- no club, no short name; a club without a head word (الزمالك) none
    local z = m("org", "الزمالك", "org:sport:Zamalek"); z.start, z.stop = 1, #"الزمالك"
    assert.same({}, entities.club_short_names({ z }, "الزمالك فاز. الزمالك", kb))
  end)

  it("names a club found as Stade and a demonym by the city of the demonym, not by a longer one", function()
    local kb = assert(entities.load())
    local text = "Brest, France\nLe Stade Brestois a battu Montpellier. Brest est deuxième, Brestville non."
    local list = {}
    for _, x in ipairs(entities.recognise(kb, text, { lang = "fr" })) do
      if x.type == "org" then x.id = "org:~stade-brestois"; list[#list + 1] = x end
    end
    for _, w in ipairs { "Brest", "Montpellier", "Brestville" } do
      local from = 1
      while true do
        local a = text:find(w .. "[^%a]", from)
        if not a then break end
        local x = m("place", w, "place:gn:" .. w); x.start, x.stop = a, a + #w - 1
        list[#list + 1] = x
        from = a + 1
      end
    end
    entities.club_places(list, text)
    local got = {}
    for _, x in ipairs(list) do got[#got + 1] = x.type .. " " .. x.surface .. " " .. x.start end
    -- (the dateline's Brest, a line with its country, stays the place; the stem's mark is gone)
    assert.same({ "org Stade Brestois " .. text:find("Stade", 1, true), "place Brest 1",
                  "org Brest " .. text:find("Brest est", 1, true),
                  "place Montpellier " .. text:find("Montpellier", 1, true),
                  "place Brestville " .. text:find("Brestville", 1, true) }, got)
    assert.is_nil(list[1].club_stem)
  end)

  it("leaves places alone when no club is named, or an organisation that is no club", function()
    local list = { m("org", "Bank of America", "org:co:boa"), m("place", "America", "place:x"),
                   m("place", "Dortmund", "place:gn:2935517") }
    entities.club_places(list)
    assert.same({ "org", "place", "place" }, { list[1].type, list[2].type, list[3].type })
  end)
end)

describe("an organisation without its designator", function()
  local kb
  setup(function() kb = assert(entities.load()) end)

  it("is the organisation found with it, before and after, even beside a reporting verb", function()
    assert.same({ "org Kestrel Norvale propagated", "person Dana Whitfield names:given",
                  "org Kestrel Norvale Inc. cue:org_designator", "org Kestrel Norvale propagated" },
      found(kb, "en", "Chairman of Kestrel Norvale Dana Whitfield spoke. Shares of Kestrel Norvale Inc. rose "
        .. "after Kestrel Norvale said profits grew."))
    -- a longer capitalised run is another name
    assert.same({ "org Kestrel Norvale Inc. cue:org_designator" },
      found(kb, "en", "Shares of Kestrel Norvale Inc. rose; Kestrel Norvale Europe was sold."))
  end)
end)

describe("Japanese: a title, の and a name", function()
  local kb
  setup(function() kb = assert(entities.load()) end)

  it("takes the words before the title as its company, not a person", function()
    assert.same({ "person 佐藤 cue:title_after" }, found(kb, "ja", "ケイヨウ元社長の佐藤氏が会見した。"))
    assert.same({ "person 佐藤 cue:title_after" }, found(kb, "ja", "佐藤社長が会見した。"))
  end)
end)

describe("sports pages and places beside names", function()
  local kb
  setup(function() kb = assert(entities.load()) end)
  -- gaz(text, word, ...) -> { [start] = stop } of the words given
  local function gaz(text, ...)
    local t = {}
    for _, w in ipairs({ ... }) do
      local a, b = text:find(w, 1, true)
      t[a] = b
    end
    return t
  end

  it("takes the two sides of a match result as organisations, not a tennis score or a national team", function()
    local text = "Termoli-Vasto 2-1. Poi Bassano – Schio 3 - 0 e ARZIGNANO - ESTE (1-2)."
    local t0 = "Termoli-Vasto 2-1. La squadra ha vinto."
    assert.same({ "org Termoli cue:score", "org Vasto cue:score" },
      glean_spec.found(kb, "it", t0, { gazetteer = {}, places = {} }))
    -- also where the gazetteer matched the sides as cities
    assert.same({ "org Termoli cue:score", "org Vasto cue:score" },
      glean_spec.found(kb, "it", t0, { gazetteer = gaz(t0, "Termoli", "Vasto"), places = {} }))
    assert.same({ "org Bassano cue:score", "org Schio cue:score", "org ARZIGNANO cue:score", "org ESTE cue:score" },
      glean_spec.found(kb, "it", text:sub(20), { gazetteer = {}, places = {} }))
    -- sets of a tennis match, a player's given name, a country the gazetteer knows
    assert.same({}, glean_spec.found(kb, "it", "Finale: Rossetti-Vanni 6-4 6-3.", { gazetteer = {}, places = {} }))
    -- a side of one word that is also a given name (Roma, Italian given name and city)
    assert.same({ "org Termoli cue:score", "org Roma cue:score" },
      glean_spec.found(kb, "it", "Termoli-Roma 0-1.", { gazetteer = {}, places = {} }))
    assert.same({ "person Marco Rossetti names:given" },
      glean_spec.found(kb, "it", "Finale: Marco Rossetti - Vanni 6-4.", { gazetteer = {}, places = {} }))
    local t3 = "Finale: Italia-Spagna 2-1."
    -- (one side a country: national teams, both left to the gazetteer)
    assert.same({}, glean_spec.found(kb, "it", t3, { gazetteer = gaz(t3, "Italia"), places = gaz(t3, "Italia") }))
  end)

  it("takes the names of a line-up after a colon as people, though the gazetteer knows one as a place", function()
    local t1 = "Formazione: Ravelli; Di Cosmo, Tarrone, Bregoli (C), Fumaro – Lenzetti, Corvisi; Pratola."
    assert.same({ "person Ravelli cue:lineup", "person Di Cosmo cue:lineup", "person Tarrone cue:lineup",
                  "person Bregoli cue:lineup", "person Fumaro cue:lineup", "person Lenzetti cue:lineup",
                  "person Corvisi cue:lineup", "person Pratola cue:lineup" },
      glean_spec.found(kb, "it", t1, { gazetteer = gaz(t1, "Pratola"), places = {} }))
    -- fewer than five, places for the most part, or a sentence going on in lower case: no line-up
    assert.same({}, glean_spec.found(kb, "it", "Assenti: Tarrone, Bregoli, Fumaro.", { gazetteer = {}, places = {} }))
    local t2 = "Tappe: Pratola, Sulmona, Avezzano, Vasto, Ravelli."
    assert.same({}, glean_spec.found(kb, "it", t2, { gazetteer = gaz(t2, "Pratola", "Sulmona", "Avezzano", "Vasto"),
      places = {} }))
    assert.same({}, glean_spec.found(kb, "it", "Tappe: Tarrone, Bregoli, Fumaro, Lenzetti, Corvisi e altre.",
      { gazetteer = {}, places = {} }))
    -- after a place word in lower case the list is places (invented villages)
    assert.same({ "place Bobrowo cue:place_head", "place Lipki Małe cue:place_head", "place Zawady cue:place_head",
                  "place Kozłówek cue:place_head", "place Wola Dolna cue:place_head" },
      glean_spec.found(kb, "pl", "Drogi remontowano w miejscowościach: Bobrowo, Lipki Małe, Zawady, Kozłówek, "
        .. "Wola Dolna.", { gazetteer = {}, places = {} }))
  end)

  it("ends a surname before a particle and a place the gazetteer matched, unless a given name opens it", function()
    local t1 = "Arbitro Pellegrini di Lecco, assistenti Neri e Bassi."
    assert.same({ "person Pellegrini cue:title" },
      glean_spec.found(kb, "it", t1, { gazetteer = gaz(t1, "Lecco"), places = {} }))
    local t2 = "Il pittore Leonardo da Vinci nacque nel 1452."
    assert.same({ "person Leonardo da Vinci cue:title" },
      glean_spec.found(kb, "it", t2, { gazetteer = gaz(t2, "Vinci"), places = {} }))
  end)

  it("takes no person opening with a gazetteer word that is no given name, and no given name from it", function()
    local t1 = "Kapolres Kendari Barat menyebut pelaku sudah ditangkap. Kendari tetap aman."
    -- (the compass word after the gazetteer's place is its part: a place, no person)
    assert.same({ "place Kendari Barat cue:place_tail" },
      glean_spec.found(kb, "id", t1, { gazetteer = gaz(t1, "Kendari"), cities = gaz(t1, "Kendari"), places = {} }))
    -- a small town the gazetteer knows opens a foreign name after a title
    local t4 = "Kapten Dalby Rennart dikeluarkan wasit."
    assert.same({ "person Dalby Rennart cue:title" },
      glean_spec.found(kb, "id", t4, { gazetteer = gaz(t4, "Dalby"), places = {} }))
    -- a first word no list knows is no given name alone later
    local t2 = "Ketua Umum Wirasena Hutapea bertemu polisi. Wirasena lalu pulang."
    assert.same({ "person Wirasena Hutapea cue:title" },
      glean_spec.found(kb, "id", t2, { gazetteer = {}, places = {} }))
    -- a known given name is
    local t3 = "Ketua Umum Budi Hutapea bertemu polisi. Budi lalu pulang."
    assert.same({ "person Budi Hutapea cue:title", "person Budi propagated" },
      glean_spec.found(kb, "id", t3, { gazetteer = {}, places = {} }))
  end)
end)

describe("the hand-written given names beside faker's (data/names/LANG-more.tsv)", function()
  local kb
  setup(function() kb = assert(entities.load()) end)

  it("finds people by given names faker lacks, in their case forms too", function()
    assert.same({ "person Wojciech Zalewski names:given" },
      found(kb, "pl", "Wczoraj Wojciech Zalewski otworzył wynik spotkania."))
    assert.same({ "person Przemysława Zalewskiego names:given" },
      found(kb, "pl", "Dużo mówiono o grze Przemysława Zalewskiego w drugiej połowie."))
    assert.same({ "person Xabi Etxeberria names:given" },
      found(kb, "es", "El equipo de Xabi Etxeberria ganó el domingo."))
    -- (nl-more.tsv: faker's Dutch list holds the names given to children today)
    assert.same({ "person Eelco Verhagen names:given" },
      found(kb, "nl", "Gisteren opende Eelco Verhagen de nieuwe brug."))
  end)

  it("finds adults' given names (de-more, tr-more) and Polish names whose stem is not their case ending", function()
    assert.same({ "person Uwe Brandhorst names:given" },
      found(kb, "de", "Gestern sprach Uwe Brandhorst vor dem Rat."))
    assert.same({ "person Gökhan Sarıgül names:given" },
      found(kb, "tr", "Toplantıya dün Gökhan Sarıgül de katıldı."))
    -- (Maciej ends like the ending -ej; the e of Paweł and Marek drops in
    -- the other cases: Pawłem, Marka)
    assert.same({ "person Macieja Wróbla names:given" },
      found(kb, "pl", "Dużo mówiono o grze Macieja Wróbla w drugiej połowie."))
    assert.same({ "person Pawłem Wróblem names:given" },
      found(kb, "pl", "Rozmawiałem wczoraj z Pawłem Wróblem o pracy."))
  end)

  it("sets a Turkish case ending off after a left quotation mark, and finds no person in capitals", function()
    assert.same({ "person Jose Mourinho names:given" },
      found(kb, "tr", "Kulüp dün Jose Mourinho‘yu kovdu ve yeni hocayla anlaştı."))
    assert.same({}, found(kb, "es", "VICTORIA DE PORTO EN CASA\nEl equipo ganó ayer."))
  end)
end)
