-- glean.entities.sport: a club named like a city or an ordinary word, read
-- as the club in a sports report (docs/recognition.md, "A club in a sports
-- report").  News calls clubs by their city (Liverpool beat Chelsea, la
-- Roma batte il Napoli, Dortmund glich aus) or by a name that is a word
-- (الهلال 'crescent', النصر 'victory', استقلال 'independence'); outside
-- sport these are the city or the word.  A document is a sports report when
-- it holds words of the `sport` cue class of its language (goal, coach,
-- league, in data/cues/LANG.tsv) and match results (2-1, 3:0); in one, the
-- aliases of data/sports-context.tsv (a gazetteer: the clubs' ids of
-- data/sports.tsv) name the club, over a place or a person found on the same
-- words.  A dateline's city stays the place (ROMA (ITALPRESS) -).
local gazetteer = require "glean.gazetteer"
local paths = require "glean.paths"
local base = require "glean.entities.base"
local resolve = require "glean.entities.resolve"
local tokens = require "glean.entities.tokens"
local kb_mod = require "glean.entities.kb"

local ipairs, pairs, tonumber, table, utf8 = ipairs, pairs, tonumber, table, utf8
local NOSPACE = { ja = true, zh = true }
local fold = base.fold

local M = {}

-- the mentions' order: by start, the longer first
local function by_start(x, y) return x.start < y.start or (x.start == y.start and x.stop > y.stop) end

-- the clubs' gazetteer, loaded on the first sports report
local gz, gz_err
local function clubs()
  if gz == nil and gz_err == nil then
    gz, gz_err = gazetteer.load(M.path or (paths.home() .. "/data/sports-context.tsv"), { cache = true })
    if not gz then error("cannot load the sports-context gazetteer: " .. tostring(gz_err), 0) end
  end
  return gz
end

-- Arabic-script proclitics a word of the text may carry (و ف ب ل ك)
local PROCLITIC = { ["\217\136"] = true, ["\217\129"] = true, ["\216\168"] = true,
                    ["\217\132"] = true, ["\217\131"] = true }

-- scores(text) -> n: match results, two numbers of at most two digits
-- joined by a hyphen, an en dash or a colon (2-1, 3–0, 3:0) and not part of
-- a longer number, date or time: a colon between two two-digit numbers is a
-- time (20:45), and either side above 20 is no score.
local function scores(text)
  local t = text:gsub("\226\128\147", "-")
  local n = 0
  for s, a, sep, b, e in t:gmatch("()(%d+) ?([%-:]) ?(%d+)()") do
    local before, after = s > 1 and t:sub(s - 1, s - 1) or " ", t:sub(e, e)
    if #a <= 2 and #b <= 2 and not before:find("[%w%.,/:%-]") and not after:find("[%w%-/:]")
      and not (after == "." and t:sub(e + 1, e + 1):find("%d")) then
      local x, y = tonumber(a), tonumber(b)
      if x <= 20 and y <= 20 and not (sep == ":" and #a == 2 and #b == 2) then n = n + 1 end
    end
  end
  return n
end

-- report(kb, text, lang) -> true when the document is a sports report: two
-- distinct words of the `sport` class of its language and three signs in
-- all (those words' mentions and match results).
function M.report(kb, text, lang)
  local words = kb and kb.sport
  if not (words and lang) then return false end
  local seen, distinct, total = {}, 0, 0
  for w in text:gmatch("[^%s%p]+") do
    local f = fold(w)
    local l = words[f]
    -- (Arabic script: a proclitic before the word, والمباراة)
    if not l and #w > 4 and PROCLITIC[w:sub(1, 2)] then l = words[fold(w:sub(3))] end
    if l and l[lang] then
      total = total + 1
      if not seen[f] then seen[f] = true; distinct = distinct + 1 end
    end
  end
  -- (scripts written without spaces, Japanese and Chinese: the words are
  -- found inside the text's runs)
  if NOSPACE[lang] then
    for f, l in pairs(words) do
      if l[lang] then
        local from, n = 1, 0
        while true do
          local a, b = text:find(f, from, true)
          if not a then break end
          n, from = n + 1, b + 1
        end
        if n > 0 then distinct, total = distinct + 1, total + n end
      end
    end
  end
  if distinct < 2 then return false end
  return total + scores(text) >= 3
end

-- club_names(mentions, text, lang, kb) -> mentions: in a sports report, each
-- alias of the sports-context gazetteer found in the text is the club
-- (source "cue:sport"), replacing the places and the people found on its
-- words or inside them; not where an organisation overlaps it (Liverpool FC,
-- Toronto Raptors: the longer name stands), not inside a longer place or
-- person (Los Angeles Lakers is not cut), not a dateline's city, not after a
-- preposition of place (`sport ... place` lines of the cue lists: in Liverpool).  The list
-- comes back sorted by start.
local function club_names(mentions, text, lang, kb)
  local hits = clubs():find_all(text, { lang = lang })
  if #hits == 0 then return mentions end
  local drop, add = {}, {}
  for _, h in ipairs(hits) do
    local blocked, over = false, {}
    for _, m in ipairs(mentions) do
      if m.start <= h.stop and h.start <= m.stop then
        if m.type == "org" then blocked = true; break end
        if m.start < h.start or m.stop > h.stop then
          -- a longer place, or a person of the gazetteer, stands; a person
          -- the cues found around the club's name (Leaders Liverpool) is
          -- the club's
          if m.type == "place" or (m.source or "gazetteer") == "gazetteer" then blocked = true; break end
        end
        over[#over + 1] = m
      end
    end
    if not blocked and resolve.dateline(text, h) then blocked = true end
    -- (after a preposition of place the city is the place: in Liverpool, a Roma)
    if not blocked and kb.sport_place then
      local prev = text:sub(h.start > 24 and h.start - 24 or 1, h.start - 1):match("([^%s%p]+)%s+$")
      local l = prev and kb.sport_place[fold(prev)]
      if l and l[lang] then blocked = true end
    end
    if not blocked then
      for _, m in ipairs(over) do drop[m] = true end
      local label = h.attrs and h.attrs.label
      add[#add + 1] = { start = h.start, stop = h.stop, type = "org", id = h.id, label = label or h.alias,
                        attrs = h.attrs, surface = h.surface, alias = h.alias, source = "cue:sport",
                        ambiguous = false, boilerplate = false }
    end
  end
  if #add == 0 then return mentions end
  local out = {}
  for _, m in ipairs(mentions) do if not drop[m] then out[#out + 1] = m end end
  for _, m in ipairs(add) do out[#out + 1] = m end
  table.sort(out, by_start)
  return out
end

-- player_names(mentions, text, lang, kb, T) -> mentions: in a sports report of a
-- language that writes nouns and demonyms in lower case (Italian, Spanish,
-- Portuguese, and Turkish with a case ending after an apostrophe; not French:
-- les Parisiens, les Rouge et Noir, the Tournoi), one
-- capitalised word inside a sentence that nothing
-- found, standing alone (no capitalised word or number beside it: not Serie
-- A, Fecha 14, Ligue 1) and no cue, stop or calendar word, is a player, a
-- coach or a referee named by the surname (la rete di Milik, parata di
-- Meret, Rossi defendeu): a person (source "shape:player").  Not a word in
-- capitals (VAR), not one of two letters, not the sentence's first word.
local PLAYER_LANGS = { it = true, es = true, pt = true, tr = true }
-- Turkish writes demonyms capitalised (Arjantinli, Portekizli) but sets a
-- proper noun's case ending off with an apostrophe (Dzeko'nun, Muslera'yı):
-- there the word must have one, unless the name lists know it as a given
-- name that is no everyday word: Turkish reports name Turkish players by the
-- given name (topla buluşan Oğulcan, Koray, arka direkteki)
local APOSTROPHE_ONLY = { tr = true }
-- Nor is a word needed with an ending in the nominative, a name alone as the
-- subject or before ve (topla buluşan Ndao düzeltip, rakibini Ndao ve
-- Mevlüt'ün golleriyle): a word of four letters or more with no ending of a
-- demonym (Arjantinli, Gabonlu), a language (Türkçe) or a plural (-ler)
local TR_DEMONYM = { "li", "lı", "lu", "lü", "ca", "ce", "ça", "çe", "ler", "lar" }
-- (nor a compound noun's head in -lik with its possessive, as clubs and
-- bodies are named: Gençlerbirliği, Dostluğu; folded, without the breve)
local TR_COMPOUND = { "ligi", "lugu" }
local function tr_bare(T, k)
  return not tokens.ends_in(T.f[k], TR_DEMONYM) and not tokens.ends_in(T.f[k], TR_COMPOUND)
    and utf8.len(T.f[k]) >= 4
end
-- a word right after a determiner or a preposition of place names a thing,
-- a club, a competition or a venue, not a player named by the surname: el
-- Celta, al Apoel, del Millonario, un Clásico, la Copa, en Champions, en
-- Toledo; il Napoli, nel Monza.  Portuguese is left out: Brazilian papers
-- write the article before players too (o Neymar, do Vinícius).
local DETERMINER = {
  es = { el = true, la = true, lo = true, los = true, las = true, del = true, al = true, un = true,
         una = true, en = true },
  it = { il = true, lo = true, la = true, i = true, gli = true, le = true, del = true, dello = true,
         della = true, dei = true, degli = true, delle = true, al = true, allo = true, alla = true,
         ai = true, agli = true, alle = true, dal = true, dallo = true, dalla = true, nel = true,
         nello = true, nella = true, sul = true, sullo = true, sulla = true, un = true, uno = true,
         una = true, ["in"] = true },
}
-- a quote before or after the word: a nickname or a title in quotes
-- (el llamado “Clásico”, el conjunto “Culé”), no surname; not ’, the
-- apostrophe of Turkish case endings (Dzeko’nun)
-- Single quotes too (el ‘Barsa’, ´Lucho´): ‘ ´ ' ’ before the word, and
-- after it when no letter follows (Dzeko’nun, Mourinho‘yu: a Turkish case
-- ending after an apostrophe, inside the word's gap)
local OPEN_QUOTE = { '"', "\194\171", "\226\128\156", "\226\128\152", "\194\180", "'", "\226\128\153" }
local CLOSE_QUOTE = { '"', "\194\187", "\226\128\157" }  -- " » ”
local CLOSE_SINGLE = { "\226\128\153", "\226\128\152", "\194\180" }  -- ’ ‘ ´
local function quoted(T, k)
  local before, after = T.gap[k] or "", T.gap[k + 1] or ""
  for _, q in ipairs(OPEN_QUOTE) do if before:sub(-#q) == q then return true end end
  for _, q in ipairs(CLOSE_QUOTE) do if after:sub(1, #q) == q then return true end end
  for _, q in ipairs(CLOSE_SINGLE) do
    if after:sub(1, #q) == q and not after:find("^[%a\128-\255]", #q + 1) then return true end
  end
  return false
end
-- free_of(mentions) -> free(a, b): whether bytes a..b overlap none of the
-- mentions
local function free_of(mentions)
  local covered = {}
  for _, m in ipairs(mentions) do covered[#covered + 1] = { m.start, m.stop } end
  return function(a, b)
    for _, c in ipairs(covered) do if c[1] <= b and a <= c[2] then return false end end
    return true
  end
end
-- plain_word(kb, T, k, lang): word k is no stop or calendar word, no word of
-- a cue and no word of sports reports (a surname may be none of them)
-- (a one-word cue of another language's list is a surname as often:
-- Portuguese câmara is no head in a Turkish text, Camara'nın is a player;
-- the cue counts as glean.entities.tokens matches cues)
local function cue_word(kb, f, lang)
  local ends = kb.trie[f] and kb.trie[f].ends
  if not ends then return false end
  for _, o in pairs(ends) do
    if tokens.cue_lang(kb, o, lang) then return true end
  end
  return false
end
-- (any list's cue with `any`: a pair of words is a foreign club's name as
-- often, Home United in an Indonesian report)
local function plain_word(kb, T, k, lang, any)
  local f = T.f[k]
  return not tokens.is_stop(kb, lang, f) and not tokens.own_stop(kb, lang, f) and not tokens.is_calendar(kb, T, k, lang)
    and not (any and kb.trie[f] and kb.trie[f].ends or cue_word(kb, f, lang)) and not kb.sport[f]
end
-- player(text, a, b): a player's mention of bytes a..b (source "shape:player")
local function player(text, a, b)
  local w = text:sub(a, b)
  return { start = a, stop = b, type = "person", surface = w, alias = w, id = "person:~" .. resolve.slug(w),
           label = w, source = "shape:player", ambiguous = false, boilerplate = false }
end
local function player_names(mentions, text, lang, kb, T)
  local free = free_of(mentions)
  local function joined(g) return g == " " or g == "-" or g == "'" or g == "\226\128\153" end
  local add = {}
  for k = 1, T.n do
    local w = text:sub(T.s[k], T.e[k])
    if T.cap[k] and T.sc[k] == "cased" and utf8.len(w) >= 3 and w:sub(2):find("%l")
      and not w:find("^%u%l*%u") and not tokens.sentence_initial(T, k)
      and not (k > 1 and joined(T.gap[k]) and (T.cap[k - 1] or T.sc[k - 1] == "number"))
      and not (k < T.n and joined(T.gap[k + 1]) and (T.cap[k + 1] or T.sc[k + 1] == "number"))
      -- (nor the first part of a compound, Sarı-lacivertliler, Ibiza-party)
      and not (k < T.n and T.gap[k + 1] == "-" and T.sc[k + 1] == "cased")
      and plain_word(kb, T, k, lang) and free(T.s[k], T.e[k]) and not quoted(T, k)
      and not (k > 1 and T.gap[k] == " " and DETERMINER[lang] and DETERMINER[lang][T.f[k - 1]])
      and (not APOSTROPHE_ONLY[lang] or kb_mod.plain_given(kb, T.f[k], lang) or tr_bare(T, k)
        or text:find("^'%l", T.e[k] + 1) or text:find("^\226\128\153%l", T.e[k] + 1)
        or text:find("^['\226][\128]?[\153]?[\195\196\197]", T.e[k] + 1)) then
      add[#add + 1] = player(text, T.s[k], T.e[k])
    end
  end
  if #add == 0 then return mentions end
  -- (a surname of a person found in the document is that person)
  local by_last = {}
  for _, m in ipairs(mentions) do
    if m.type == "person" and m.id then
      local last = (m.surface or ""):match("(%S+)$")
      if last and last ~= m.surface then by_last[fold(last)] = m end
    end
  end
  for _, m in ipairs(add) do
    local p = by_last[fold(m.surface)]
    if p then m.id, m.label = p.id, p.label end
    mentions[#mentions + 1] = m
  end
  table.sort(mentions, by_start)
  return mentions
end

-- cyrillic_pairs(mentions, text, lang, kb, T) -> mentions: in a Russian or
-- Ukrainian sports report, two title-case words inside a sentence that
-- nothing found, alone (no capitalised word beside them), not in quotes and
-- the first no adjective, are a player named in full: Russian and Ukrainian
-- reports quote their clubs («Зенит») and write competitions with one
-- capital (Лига чемпионов), so such a pair is a foreign player or coach
-- the lists do not know, in any case (гол на счету Жоау Феликса, Мишель
-- Платини; source "shape:player")
local PAIR_LANGS = { ru = true, uk = true, en = true, id = true }
-- English reports quote nothing and capitalise venues, cups and awards:
-- there the pair is no adjective of place or rank and a generic word of a
-- venue's, a cup's, an award's or a broadcaster's name ends none (Goodison
-- Park, Turf Moor, Craven Cottage, Golden Boot, Old Trafford, Sky Sports);
-- stadiums, streets and centres are the cue lists' tails already.  There
-- (and in Indonesian) a pair may open a sentence before a lower-case word
-- (Martin Odegaard and Bukayo Saka dragged shots wide)
local LATIN_PAIR = { en = true, id = true }
local PAIR_NOT_FIRST = { id = { tim = true, skuad = true, pasukan = true, laskar = true, armada = true,
    stadion = true, piala = true, liga = true, kota = true, kabupaten = true, provinsi = true, pulau = true,
    jalan = true, klub = true, timnas = true,
    -- (a club's nickname opens with an animal: Macan Kemayoran, Maung Bandung)
    macan = true, maung = true, singo = true, harimau = true, elang = true, banteng = true, bajul = true },
  -- (Russian and Ukrainian reports write a foreign club unquoted now and
  -- then: Реал Сосьедад, Боруссия Менхенгладбах)
  ru = { ["реал"] = true, ["атлетико"] = true, ["спортинг"] = true, ["боруссия"] = true, ["бавария"] = true,
    ["байер"] = true, ["интер"] = true, ["олимпик"] = true, ["олимпиакос"] = true, ["црвена"] = true },
  uk = { ["реал"] = true, ["атлетіко"] = true, ["спортінг"] = true, ["боруссія"] = true, ["баварія"] = true,
    ["баєр"] = true, ["інтер"] = true, ["олімпік"] = true, ["олімпіакос"] = true, ["црвена"] = true },
  en = { old = true, new = true, north = true, south = true, east = true, west = true,
  great = true, royal = true, grand = true, golden = true, upper = true, lower = true, premier = true,
  national = true, international = true, united = true, real = true, sporting = true, athletic = true,
  racing = true, saint = true, st = true, fort = true, mount = true, lake = true, port = true,
  eastern = true, western = true, northern = true, southern = true, central = true } }
local PAIR_NOT_LAST = { en = { park = true, lane = true, ground = true, field = true, hall = true, cup = true,
  trophy = true, shield = true, award = true, awards = true, moor = true, cottage = true, way = true,
  ["end"] = true, prize = true, medal = true, games = true, series = true, derby = true, boot = true,
  glove = true, ball = true, final = true, finals = true, league = true, club = true, city = true,
  town = true, county = true, rovers = true, wanderers = true, athletic = true, albion = true, villa = true,
  palace = true, forest = true, hotspur = true, united = true, wednesday = true, argyle = true,
  day = true, week = true, cross = true, hill = true, heath = true, green = true, common = true,
  sports = true, news = true, times = true, post = true, tv = true, radio = true, conference = true,
  division = true },
  -- (English clubs' last words as Russian and Ukrainian write them: Кристал
  -- Пэлас, Астон Вилла, Тоттенхэм Хотспур, Вест Бромвич Альбион)
  ru = { ["юнайтед"] = true, ["сити"] = true, ["пэлас"] = true, ["пелас"] = true, ["вилла"] = true,
    ["хотспур"] = true, ["альбион"] = true, ["роверс"] = true, ["рейнджерс"] = true, ["уондерерс"] = true,
    ["атлетик"] = true, ["каунти"] = true, ["таун"] = true, ["форест"] = true },
  uk = { ["юнайтед"] = true, ["сіті"] = true, ["пелас"] = true, ["пэлас"] = true, ["вілла"] = true,
    ["хотспур"] = true, ["альбіон"] = true, ["роверс"] = true, ["рейнджерс"] = true, ["вондерерс"] = true,
    ["атлетік"] = true, ["каунті"] = true, ["таун"] = true, ["форест"] = true } }
local CYR_ADJ = { "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ую", "юю",
  "ых", "их", "ым", "им", "ыми", "ими", "ій", "їй", "ої", "ею", "ім" }
local function cyr_title(T, text, k, latin)
  if T.sc[k] ~= "cased" or not T.cap[k] then return false end
  local w = text:sub(T.s[k], T.e[k])
  local c = utf8.codepoint(w, 1)
  if latin then
    if c >= 0x0250 or utf8.len(w) < 3 or w:sub(2):find("%u") then return false end
    return true
  end
  if c < 0x0400 or c >= 0x0530 or utf8.len(w) < 3 then return false end
  for _, ch in utf8.codes(w:sub(utf8.offset(w, 2))) do
    if ch >= 0x0410 and ch <= 0x042F or ch == 0x0401 or ch == 0x0404 or ch == 0x0406 or ch == 0x0407 then
      return false
    end
  end
  return true
end
local function cyrillic_pairs(mentions, text, lang, kb, T)
  local latin, not_first, not_last = LATIN_PAIR[lang], PAIR_NOT_FIRST[lang], PAIR_NOT_LAST[lang]
  local free = free_of(mentions)
  local add, lastk = {}, {}
  for k = 1, T.n - 1 do
    local j = k + 1
    if cyr_title(T, text, k, latin) and cyr_title(T, text, j, latin) and T.gap[j] == " "
      and not (not_first and not_first[T.f[k]]) and not (not_last and not_last[T.f[j]])
      and (not tokens.sentence_initial(T, k) or (latin and j < T.n and (T.sp[j + 1] or false) and not T.cap[j + 1]))
      and not (k > 1 and T.cap[k - 1] and (T.gap[k] == " " or T.gap[k] == "-"))
      and not (j < T.n and T.cap[j + 1] and (T.gap[j + 1] == " " or T.gap[j + 1] == "-"))
      and not tokens.ends_in(T.f[k], CYR_ADJ) and not quoted(T, k) and not quoted(T, j)
      and free(T.s[k], T.e[j]) then
      if plain_word(kb, T, k, lang, true) and plain_word(kb, T, j, lang, true) then
        add[#add + 1] = player(text, T.s[k], T.e[j])
        lastk[#add] = j
      end
    end
  end
  if #add == 0 then return mentions end
  -- the player's surname alone elsewhere in the report, in the same form,
  -- is the player (allowing Lampard to drive home, after Frank Lampard's
  -- penalty): a word no mention covers, no capitalised word beside it,
  -- the surname no other pair's
  local last, taken = {}, {}
  for q, m in ipairs(add) do
    local w = T.f[lastk[q]]
    last[w] = last[w] == nil and m or false
    taken[#taken + 1] = { m.start, m.stop }
  end
  for k = 1, T.n do
    local p = last[T.f[k]]
    if p and T.cap[k] and free(T.s[k], T.e[k])
      and not (k > 1 and T.cap[k - 1] and T.gap[k] == " ")
      and not (k < T.n and T.cap[k + 1] and T.gap[k + 1] == " ") then
      local own = true
      for _, t in ipairs(taken) do if t[1] <= T.e[k] and T.s[k] <= t[2] then own = false end end
      if own then
        local x = player(text, T.s[k], T.e[k])
        x.id, x.label = p.id, p.label
        add[#add + 1] = x
      end
    end
  end
  for _, m in ipairs(add) do mentions[#mentions + 1] = m end
  table.sort(mentions, by_start)
  return mentions
end

-- lineups(mentions, text) -> mentions: in a sports report, a line that
-- lists names after a heading and a colon -- a team's line-up, its
-- scorers, its cards (Динамо: Бойко — Кендзера, Бурда (Соль, 70); Голы:
-- Родригес, 39 — Мораес, 21; Legia: Tobiasz - Wszołek, K. Urbański) --
-- names its players: three items or more between commas, spaced dashes
-- and brackets, minutes left out, every item one to three words that
-- each open with a capital (an initial with its period too, a particle
-- between them: Де Пена, Alan Patrick, P. Rodriguez).  An item nothing
-- found, or that only a place covers (a town's name is a surname too), is
-- a person (source "shape:player"); a person or an organisation found there
-- stays.  The heading is one to three words, no item.
local function lineup_items(line)
  local body = line:match("^%s*[^:,%(%)]-[^%s:]:%s+(.+)$")
  local head = line:match("^%s*([^:]-):%s")
  if not body or not head or select(2, head:gsub("%S+", "")) > 3 or head:find("%d") then return nil end
  local off = #line - #body
  body = body:gsub("[%.%s]+$", "")   -- (the line's closing period)
  local items, seps = {}, 0
  -- separators: , ; ( ) and a dash between spaces; numbers with + and
  -- minute marks are left out (66, 90 + 2, 77')
  local pos = 1
  local marked = body:gsub("%s[-\226][\128]?[\147\148]?%s", function(d) return (" "):rep(#d - 1) .. "\1" end)
  marked = marked:gsub("[,;%(%)]", "\1")
  for piece, at in (marked .. "\1"):gmatch("([^\1]*)\1()") do
    local a = pos
    pos = at
    local lead = piece:match("^%s*")
    local core = piece:gsub("^%s+", ""):gsub("%s+$", "")
    if core ~= "" and not core:find("^[%d%s%+'\226\128\178\178]+$") then
      core = core:gsub("%s*%d+%s*'?$", "")   -- (Szymański 77')
      items[#items + 1] = { off + a + #lead, off + a + #lead + #core - 1, core }
    end
    seps = seps + 1
  end
  return items, seps
end

local function name_item(core, upper)
  local n = 0
  for w in core:gmatch("%S+") do
    n = n + 1
    local c = utf8.codepoint(w, 1)
    local initial = utf8.len(w) == 2 and w:sub(-1) == "."
    if not upper(utf8.char(c)) and not (n > 1 and w:find("^%l%l?%l?$")) then return false end   -- (de, da)
    if w:find("%d") or w:find("[!%?:;\"]") or (w:find("%.$") and not initial) then return false end
  end
  return n >= 1 and n <= 3
end

local function lineups(mentions, text)
  local add, drop = {}, {}
  local start = 1
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do
    local items = lineup_items(line)
    if items and #items >= 3 then
      local ok = true
      for _, it in ipairs(items) do
        if not name_item(it[3], base.is_upper) then ok = false; break end
      end
      if ok then
        for _, it in ipairs(items) do
          local a, b = start + it[1] - 1, start + it[2] - 1
          local keep, places = false, {}
          for mi, m in ipairs(mentions) do
            if m.start <= b and a <= m.stop then
              if m.type == "place" and m.start >= a and m.stop <= b then places[#places + 1] = mi
              else keep = true end
            end
          end
          if not keep then
            for _, mi in ipairs(places) do drop[mi] = true end
            add[#add + 1] = player(text, a, b)
          end
        end
      end
    end
    start = start + #line + 1
  end
  if #add == 0 then return mentions end
  local out = {}
  for mi, m in ipairs(mentions) do if not drop[mi] then out[#out + 1] = m end end
  -- (a player of a list named alone elsewhere in the report, in the same
  -- form and nothing found there, is that player: Саме Мораес відкрив
  -- рахунок, with Мораес in the scorers' line)
  local listed, seen = {}, {}
  for _, m in ipairs(add) do
    if not m.surface:find("%s") and utf8.len(m.surface) >= 3 then listed[m.surface] = m end
    seen[m.start] = true
  end
  local taken, place_at = {}, {}
  for oi, m in ipairs(out) do
    if m.type == "place" and listed[m.surface] then place_at[m.start] = oi   -- (a town's name is a surname too)
    else taken[#taken + 1] = { m.start, m.stop } end
  end
  for _, m in ipairs(add) do taken[#taken + 1] = { m.start, m.stop } end
  local more, gone = {}, {}
  for w, m in pairs(listed) do
    local from = 1
    while true do
      local a, b = text:find(w, from, true)
      if not a then break end
      from = b + 1
      local before, after = text:sub(a - 1, a - 1), text:sub(b + 1, b + 1)
      local free = not seen[a] and not before:find("[%w\128-\255%-]") and not after:find("[%w\128-\255%-]")
      for _, t in ipairs(taken) do if free and t[1] <= b and a <= t[2] then free = false end end
      if free then
        if place_at[a] then gone[place_at[a]] = true end
        -- (a capitalised word right before it inside a sentence, nothing
        -- found there, is the player's given name: сборной Украины Жуниор
        -- Мораес)
        local win = text:sub(math.max(1, a - 60), a - 1)
        local g, lead = win:match("([^%s%p%d]+) $"), win:match("(%S+)%s+[^%s%p%d]+ $")
        if lead and lead:byte(1) >= 0x80 and lead:byte(1) < 0xC0 then lead = nil end   -- (cut by the window)
        local c = g and lead and utf8.len(g) and utf8.len(g) >= 3 and utf8.codepoint(g, 1)
        local le = a - #(g or "") - 3   -- (the word before: lower-case, or a name found: Украины)
        local lead_found = false
        for _, t in ipairs(taken) do if t[1] <= le and le <= t[2] then lead_found = true end end
        if c and base.is_upper(utf8.char(c)) and not lead:find("[%.!%?:]$")
          and (lead_found or not base.is_upper(utf8.char(utf8.codepoint(lead, 1)))) then
          local a2 = a - #g - 1
          for _, t in ipairs(taken) do if c and t[1] <= a - 1 and a2 <= t[2] then c = nil end end
          if c then a = a2 end
        end
        local sf = text:sub(a, b)
        more[#more + 1] = { start = a, stop = b, type = "person", surface = sf, alias = sf, id = m.id,
                            label = m.label, source = "shape:player", ambiguous = false, boilerplate = false }
      end
    end
  end
  if next(gone) then
    local kept = {}
    for oi, m in ipairs(out) do if not gone[oi] then kept[#kept + 1] = m end end
    out = kept
  end
  for _, m in ipairs(more) do add[#add + 1] = m end
  for _, m in ipairs(add) do out[#out + 1] = m end
  table.sort(out, by_start)
  return out
end

-- club_city(mentions, text) -> mentions: Persian sports news names a club
-- with its city after it, one name (سپاهان اصفهان, استقلال اهواز, ذوب آهن
-- اصفهان): a club of the gazetteers (an org:sport: id) and the city or
-- province found right after it, one space apart, become the club's one
-- mention; not a country (the national side's opponent: ایران) and not
-- across a comma or و (پرسپولیس و استقلال)
local CLUB_CITY_LANGS = { fa = true }
local function club_city(mentions, text)
  local out, i = {}, 1
  while i <= #mentions do
    local m, n = mentions[i], mentions[i + 1]
    if n and m.type == "org" and (m.id or ""):find("^org:sport:") and n.type == "place"
      and (n.id or ""):find("^place:") and not (n.id or ""):find("^place:country:")
      and text:sub(m.stop + 1, n.start - 1) == " " then
      local c = {}
      for k, v in pairs(m) do c[k] = v end
      c.stop, c.surface = n.stop, text:sub(m.start, n.stop)
      out[#out + 1] = c
      i = i + 2
    else
      out[#out + 1] = m
      i = i + 1
    end
  end
  return out
end

-- names(mentions, text, lang, kb, T) -> mentions: when the document is a
-- sports report (told once), its clubs named like a city or a word
-- (club_names), then, in a language of PLAYER_LANGS, its players named
-- alone (player_names; T: the text's tokens)
function M.names(mentions, text, lang, kb, T)
  if not (text and kb and kb.sport and M.report(kb, text, lang)) then return mentions end
  mentions = club_names(mentions, text, lang, kb)
  mentions = lineups(mentions, text)
  if CLUB_CITY_LANGS[lang] then mentions = club_city(mentions, text) end
  if T and PLAYER_LANGS[lang] then mentions = player_names(mentions, text, lang, kb, T) end
  if T and PAIR_LANGS[lang] then mentions = cyrillic_pairs(mentions, text, lang, kb, T) end
  return mentions
end

M.scores = scores
return M
