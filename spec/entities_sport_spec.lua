-- glean.entities.sport: a club named like a city or an ordinary word is the
-- club in a sports report, and the city or the word elsewhere.  Sentences
-- written for this spec (no news, no dev-set text).
if not glean_spec then require "spec.helper" end
local analyze = require "glean.analyze"
local sport = require "glean.entities.sport"
local entities = require "glean.entities"

describe("entities.sport", function()
  local an, kb
  setup(function()
    an = assert(analyze.new {})
    kb = assert(entities.load())
  end)
  -- the mentions of a text: { "TYPE surface", ... }
  local function mentions(text)
    local rec = an:document { id = "x", text = text }
    assert.equal("ok", rec.status, rec.error)
    local out = {}
    for _, m in ipairs(rec.mentions) do out[#out + 1] = m.type .. " " .. m.surface end
    return out, rec
  end

  it("counts match results, not times, seasons or dates", function()
    assert.equal(3, sport.scores("won 2-1, then 3:0 and 1–1"))
    assert.equal(0, sport.scores("at 20:45 in the 2018-19 season, on 12-05-2024, 4.5-2"))
  end)

  it("tells a sports report by its words and results", function()
    assert.is_true(sport.report(kb, "The coach praised the striker after the 2-1 win.", "en"))
    assert.is_false(sport.report(kb, "The council met the minister to discuss the housing plan.", "en"))
    -- the words of another language do not count
    assert.is_false(sport.report(kb, "Der Trainer lobte den Stürmer nach dem 2:1.", "en"))
  end)

  it("reads the names of a line-up or a scorers' line after a colon as players", function()
    -- (invented names) minutes, substitutes in brackets and spaced dashes between the items; a
    -- line with a lower-case word is prose, no list
    local text = "Матч завершился со счетом 2:1, тренер доволен игрой, гол забил форвард.\n"
      .. "Голы: Кравчун, 12 — Тобольцев, 40, Де Лима, 77\n"
      .. "Арсенал: Пахомчик — Верзилов, Гуляйко (Мартинс, 66), Ольшанец.\n"
      .. "Итоги: команда выиграла, Пахомчик сыграл хорошо.\n"
    local got = mentions(text)
    for _, want in ipairs({ "person Кравчун", "person Тобольцев", "person Де Лима", "person Пахомчик",
                            "person Верзилов", "person Гуляйко", "person Мартинс", "person Ольшанец" }) do
      local seen = false
      for _, g in ipairs(got) do if g == want then seen = true end end
      assert.is_true(seen, want)
    end
    for _, g in ipairs(got) do assert.is_nil(g:find("Итоги"), g) end
    -- a listed player named alone in the report's prose is that player, with a capitalised word
    -- right before him inside a sentence as his given name
    got = mentions("Матч завершился со счетом 2:1, тренер доволен, гол забил форвард сборной Жоэл Тобольцев.\n"
      .. "Голы: Кравчун, 12 — Тобольцев, 40, Де Лима, 77\n"
      .. "Второй гол забил Кравчун после паузы.\n")
    for _, want in ipairs({ "person Жоэл Тобольцев", "person Кравчун" }) do
      local n = 0
      for _, g in ipairs(got) do if g == want then n = n + 1 end end
      assert.is_true(n >= 1 and (want ~= "person Кравчун" or n == 2), want)
    end
    -- outside a sports report the same line is left alone
    got = mentions("Совет обсудил бюджет.\nГолы: Кравчун, 12 — Тобольцев, 40, Де Лима, 77\n")
    for _, g in ipairs(got) do assert.is_nil(g:find("Кравчун"), g) end
  end)

  it("reads a city's name as its club in a sports report", function()
    local got = mentions("Liverpool beat Chelsea 3-1 on Sunday afternoon. The coach said that the second "
      .. "goal of the striker had settled the match, and that Chelsea would stay fifth in the league.")
    assert.same({ "org Liverpool", "org Chelsea", "org Chelsea" }, got)
  end)

  it("keeps the city in other news", function()
    local got = mentions("The minister visited Liverpool on Monday afternoon to open a new hospital, "
      .. "and the city council of Liverpool thanked her for the money that the government had promised.")
    assert.same({ "place Liverpool", "place Liverpool" }, got)
  end)

  it("keeps a dateline's city, and the longer name around a club's", function()
    local got = mentions("ROMA (ANSA) - La Roma ha battuto il Torino 2-0: l'allenatore ha lodato "
      .. "l'attaccante, autore del primo gol della partita.")
    assert.same({ "place ROMA", "org ANSA", "org Roma", "org Torino" }, got)
    got = mentions("Liverpool FC won 2-0 on Saturday afternoon, and the coach praised the goalkeeper "
      .. "and the striker after the match.")
    assert.same({ "org Liverpool FC" }, got)
  end)

  it("reads an Arabic club named by a word as the club in a match report only", function()
    local got = mentions("فاز الهلال على النصر 2-1 في مباراة الدوري، وقال المدرب إن الهدف الثاني منح الفوز للهلال.")
    assert.same({ "org الهلال", "org النصر", "org لهلال" }, got)
    assert.same({}, (mentions("رأى الناس الهلال في السماء بعد النصر في الحرب.")))
    -- (Moroccan clubs named by a word: الوداد 'affection', الرجاء 'hope')
    got = mentions("تعادل الوداد مع الرجاء 2-2 في مباراة الدوري، وجاء هدف التعادل للرجاء في الدقيقة 80.")
    assert.same({ "org الوداد", "org الرجاء", "org لرجاء" }, got)
    assert.same({}, (mentions("وعبر الوزير عن الرجاء في أن يسود الوداد بين البلدين.")))
  end)

  it("reads a basketball team by its nickname, a word, in a game report", function()
    local got = mentions("The Magic beat the Heat 102-98 on Friday night, although the coach had decided to rest "
      .. "two of his starters, and the young forward added 12 rebounds and five assists in the second half.")
    assert.same({ "org Magic", "org Heat" }, got)
  end)

  it("keeps the football word out of a Persian list of teams", function()
    local got = mentions("تیم‌های فوتبال استقلال و پرسپولیس در هفته ششم لیگ برتر مقابل هم بازی کردند و سرمربی "
      .. "پرسپولیس از گل دقیقه آخر راضی بود.")
    assert.same("org استقلال", got[1])
  end)

  it("reads a Persian club with its city after it as one club in a match report, not across و", function()
    local got = mentions("سرمربی تیم از بازی سپاهان اصفهان در لیگ برتر گفت؛ سپاهان و تراکتور در هفته ششم "
      .. "بازی کردند و دروازه‌بان سپاهان از گل دقیقه آخر راضی بود.")
    assert.same("org سپاهان اصفهان", got[1])
    assert.same("org سپاهان", got[2])
  end)

  it("reads a lone capitalised word of an Italian match report as a player, not in other news", function()
    local got = mentions("La squadra ha vinto 2-1 in casa: dopo il gol di Bellotti, il portiere ha parato un "
      .. "rigore e l'allenatore ha lodato anche Marchetti, entrato nel secondo tempo della partita.")
    assert.same({ "person Bellotti", "person Marchetti" }, got)
    local _, rec = mentions("Il consiglio comunale ha approvato ieri il bilancio: la spesa per le scuole crescerà, "
      .. "disse Bellotti, mentre le opposizioni hanno chiesto nuovi fondi per le strade della città.")
    for _, m in ipairs(rec.mentions) do assert.not_equal("shape:player", m.source) end
  end)

  it("reads no word after an article or a preposition of place, and no quoted word, as a player", function()
    local got = mentions("El equipo ganó 2-1 el partido de liga: tras el gol de Ferrando, el entrenador elogió al "
      .. "portero, que paró un penalti al Numancia en el último minuto del llamado “Derbi” de la jornada.")
    assert.same({ "person Ferrando" }, got)
    got = mentions("La squadra ha vinto 2-1: dopo il gol di Bellotti, il portiere ha parato il rigore nel "
      .. "finale e l'allenatore ha lodato la difesa del Pescolano in campionato.")
    assert.same({ "person Bellotti" }, got)
  end)

  it("reads a Turkish surname with a case ending after an apostrophe as a player, not a demonym", function()
    local got = mentions("Trendyol Süper Lig maçında Galatasaray 20. dakikada Torreira'nın golüyle öne geçti. İkinci "
      .. "yarıda Dzeko'nun penaltı vuruşunda Muslera'yı avlayarak skoru 3-1'e getirdi. Arjantinli oyuncu maçta "
      .. "sakatlandı ve teknik direktör kadroyu değiştirdi.")
    assert.same({ "org Galatasaray", "person Torreira", "person Dzeko", "person Muslera" }, got)
  end)

  it("reads a Turkish given name alone as a player, and no word in single quotes", function()
    local got = mentions("Trendyol Süper Lig maçında ev sahibi takım rakibini 2-1 mağlup etti. Sol kanatta topla "
      .. "buluşan Burak, arka direkteki Okan'ı gördü ve bu futbolcunun şutunda top ağlara gitti; teknik direktör "
      .. "maçtan sonra oyuncularını kutladı.")
    assert.same({ "person Burak", "person Okan" }, got)
    -- a foreign surname alone in the nominative, not a demonym, a plural or a compound's first part
    got = mentions("Trendyol Süper Lig maçında ev sahibi takım rakibini 2-1 mağlup etti. Sol kanatta topla "
      .. "buluşan Ndoye düzeltip kaleye gönderdi ve Senegalli oyuncu golünü attı; Sarı-lacivertliler maçtan "
      .. "sonra Futbolcular ile birlikte taraftarları selamladı.")
    assert.same({ "person Ndoye" }, got)
    -- nor a compound noun's head with its possessive, as clubs are named; a club named like a word
    got = mentions("Trendyol Süper Lig maçında ev sahibi takım rakibini 2-1 mağlup etti. Sol kanatta topla "
      .. "buluşan Ndoye golü attı, Karadenizbirliği ise ikinci yarıda oyundan düştü; Ankaragücü maçtan sonra "
      .. "teknik direktörü kutladı.")
    assert.same({ "person Ndoye", "org Ankaragücü" }, got)
    -- a cue of another language's list is no cue in a Turkish report (Portuguese câmara)
    got = mentions("Trendyol Süper Lig maçında ev sahibi takım rakibini 2-1 mağlup etti. 39. dakikada Camara'nın "
      .. "şutunda top direkten döndü ve teknik direktör oyuncularını kutladı.")
    assert.same({ "person Camara" }, got)
    got = mentions("El equipo ganó 2-1 el partido: tras el gol de Ferrando, la afición de ‘Barsa’ calló y "
      .. "´Ciclón´ quedó lejos, y el entrenador elogió al portero en la rueda de prensa.")
    assert.same({ "person Ferrando" }, got)
  end)

  it("reads two title-case words of a Russian sports report as a player the lists lack", function()
    local got = mentions("Матч завершился со счётом 2:1. На 65-й минуте гол на счету Жоэла Маркиньоса, а затем "
      .. "отличился Ойвинд Стрёмсен. Тренер команды «Крылья Советов» похвалил вратаря после игры, а болельщики "
      .. "из города Набережные Челны остались довольны.")
    local people = {}
    for _, m in ipairs(got) do if m:find("^person") then people[#people + 1] = m end end
    assert.same({ "person Жоэла Маркиньоса", "person Ойвинд Стрёмсен" }, people)
    local _, rec = mentions("Правительство обсудило бюджет на следующий год, и министр Жоэл Маркиньос рассказал "
      .. "журналистам о новых расходах на школы и больницы в регионах страны.")
    for _, m in ipairs(rec.mentions) do assert.not_equal("shape:player", m.source) end
  end)

  it("reads two title-case words of an English sports report as a player, not a venue or a cup", function()
    local got = mentions("The home side won 2-1 in the league on Saturday: the striker scored after a pass from "
      .. "Tavo Brinxa, and the goalkeeper saved from Kelo Marzun late on at Wexley Park before the Carabao Cup tie.")
    local people = {}
    for _, m in ipairs(got) do if m:find("^person") then people[#people + 1] = m end end
    assert.same({ "person Tavo Brinxa", "person Kelo Marzun" }, people)
    got = mentions("The home side won 2-1 in the league on Saturday. Tavo Brinxa and Kelo Marzun dragged shots "
      .. "wide before the striker scored, and Sky Sports said the coach praised the goalkeeper.")
    people = {}
    for _, m in ipairs(got) do if m:find("^person") then people[#people + 1] = m end end
    assert.same({ "person Tavo Brinxa", "person Kelo Marzun" }, people)
    local _, rec = mentions("The council approved the budget on Monday after a long debate, and the plan drawn up "
      .. "by Tavo Brinxa was sent back to the committee for more work on the housing figures.")
    for _, m in ipairs(rec.mentions) do assert.not_equal("shape:player", m.source) end
    -- the player's surname alone later in the report is the player; not beside another capitalised word
    got = mentions("The home side won 2-1 in the league on Saturday: the striker scored after a pass from "
      .. "Tavo Brinxa, and the keeper was beaten twice. Brinxa then hit the post, and Brinxa Stadium applauded.")
    people = {}
    for _, m in ipairs(got) do if m:find("^person") then people[#people + 1] = m end end
    assert.same({ "person Tavo Brinxa", "person Brinxa" }, people)
  end)

  it("reads two title-case words of an Indonesian sports report as a player, not the team's nickname", function()
    local got = mentions("Timnas Indonesia menang 2-1 dalam laga uji coba di stadion. Pasukan Garuda mencetak gol "
      .. "pertama lewat kaki Tavo Brinxa, lalu pelatih memasukkan Kelo Marzun pada babak kedua pertandingan.")
    local people = {}
    for _, m in ipairs(got) do if m:find("^person") then people[#people + 1] = m end end
    assert.same({ "person Tavo Brinxa", "person Kelo Marzun" }, people)
  end)

  it("reads no foreign club or conference written in two title-case words as a player", function()
    local _, rec = mentions("Команда програла 1:3, а тренер визнав поразку після гри. Наступний матч Ліги "
      .. "конференцій вона зіграє проти Астон Вілла у четвер, і воротар уже готовий до гри.")
    for _, m in ipairs(rec.mentions) do assert.not_equal("shape:player", m.source) end
    _, rec = mentions("Матч завершился со счётом 2:1, и тренер остался доволен игрой команды. В следующем туре "
      .. "соперником станет Реал Сосьедад, а вратарь пропустит игру.")
    for _, m in ipairs(rec.mentions) do assert.not_equal("shape:player", m.source) end
    _, rec = mentions("The home side won 2-1 in the league on Sunday. That leaves the team top of the Western "
      .. "Conference, and the coach praised the goalkeeper after the game.")
    for _, m in ipairs(rec.mentions) do assert.not_equal("shape:player", m.source) end
  end)

  it("reads a lone surname after a preposition of place in a sports report as no place", function()
    local got = mentions("La partita finisce 2-1. Al 40' un cross di Berardi, la palla termina nei pressi di "
      .. "Rossetti che non arriva. Il gol del pareggio arriva dopo, l'allenatore chiede un rigore.")
    for _, m in ipairs(got) do assert.not_equal("place Rossetti", m) end
  end)

  it("keeps the city after a preposition of place in a sports report", function()
    local got = mentions("Chelsea beat Everton 2-0 on Saturday afternoon, and the coach praised the striker "
      .. "after the match; the team will play again in Liverpool next week in the league.")
    assert.same({ "org Chelsea", "org Everton", "place Liverpool" }, got)
  end)

  it("reads a J1 club by its town in a Japanese match report, the town elsewhere", function()
    local got = mentions("明治安田J1リーグの試合で、浦和は鹿島に2-1で勝利した。前半に先制し、後半にもゴールを決めた。"
      .. "監督は選手の守備を評価し、チームは勝ち点を伸ばした。")
    assert.same({ "org 浦和", "org 鹿島" }, got)
    local _, rec = mentions("京都市は来年度の予算案を発表した。市長は観光客の増加に合わせて交通機関を整備する方針を示した。")
    for _, m in ipairs(rec.mentions) do assert.not_equal("cue:sport", m.source) end
  end)
end)
