-- glean.entities: people and organisations from cue lists, name lists and
-- name shapes per script; rule hits that name an entity; one resolution
-- policy with the gazetteer's matches; propagation within a document.
-- The design, the file formats and the policy: docs/recognition.md.
--
--   local ents = require "glean.entities"
--   local kb = assert(ents.load())               -- data/cues/*.tsv, data/names/*.tsv
--   local found = ents.recognise(kb, text, { lang = "de" })
--   -- { {start=, stop=, type="person", surface=, rule="cue:title"}, ... }
--   mentions = ents.resolve(gazetteer_mentions, found, text)
--
-- Everything that is language knowledge is in the data files; this module
-- and its parts know scripts, word shapes and the file format only.
-- This module is the stage's public face: load (with glean.kb_cache),
-- recognise (the pipeline below) and the cue files' examples.  Its parts,
-- each requiring only those listed before it (docs/architecture.md):
--   glean.entities.base       folding, script classes, upper case, the mention record
--   glean.entities.kb         the cue and name lists: format, loading, name look-ups
--   glean.entities.tokens     the words of a text, gaps, the cue trie walk, stop words
--   glean.entities.cased      capitalised runs (Latin, Cyrillic, Greek), heads and tails
--   glean.entities.uncased    windows in scripts without case (Arabic, Devanagari, Hangul)
--   glean.entities.cjk        Han and kana
--   glean.entities.spans      byte-span sets with an overlap test
--   glean.entities.propagate  later mentions within a document
--   glean.entities.resolve    the resolution policy: pick, slug, identify
local paths = require "glean.paths"
local knowledge = require "glean.entities.kb"
local base = require "glean.entities.base"
local toks = require "glean.entities.tokens"
local cased = require "glean.entities.cased"
local unc = require "glean.entities.uncased"
local han = require "glean.entities.cjk"
local prop = require "glean.entities.propagate"
local propagate = prop.propagate
local resolve = require "glean.entities.resolve"

local ipairs, pairs, string, table, utf8 = ipairs, pairs, string, table, utf8
local sort, concat = table.sort, table.concat
local tokens, cue_matches, is_hangul = toks.tokens, toks.cue_matches, toks.is_hangul
local word_starting = toks.word_starting
local cased_runs, classify_run = cased.cased_runs, cased.classify_run
local org_heads, tails, lower_places = cased.org_heads, cased.tails, cased.lower_places
local uncased, is_deva = unc.uncased, unc.is_deva
local cjk = han.cjk
local thai = require("glean.entities.thai").thai

local entities = {}

entities.CLASSES = knowledge.CLASSES
entities.read_list, entities.index_names = knowledge.read_list, knowledge.index_names
entities.stem, entities.name_entry = knowledge.stem, knowledge.name_entry
local name_entry = knowledge.name_entry
entities.fold, entities.is_upper, entities.is_cased_cp = base.fold, base.is_upper, base.is_cased_cp
entities.tokens = tokens
entities.acronym_at = unc.acronym_at
entities.has_cjk = han.has_cjk
entities.pick, entities.slug, entities.identify = resolve.pick, resolve.slug, resolve.identify
entities.club_places = resolve.club_places
entities.club_short_names = resolve.club_short_names
entities.article_names = resolve.article_names

-- ---------------------------------------------------------------------
-- the recogniser

-- recognise(kb, text, opts) -> list of { start, stop, type, surface, rule,
-- source, strong } sorted by start; opts.lang: the text's language;
-- opts.tokens: entities.tokens(text), when the caller made them already
-- merge(out, more) -> out with the mentions of more, resolved again (out is
-- resolved already: nothing to do when more is empty)
local function merge(out, more)
  if #more == 0 then return out end
  for _, m in ipairs(more) do out[#out + 1] = m end
  return entities.pick(out)
end

-- with_people(text, out, people, orgs) -> out and, as seeds of propagation, the
-- gazetteer's people (data/people.tsv; people: { [start] = stop }) that no
-- mention of out covers.  A person the gazetteer spells out is dropped from
-- out before propagation (it is the gazetteer's), so its surname alone
-- (Sánchez, Johnson: no alias of people.tsv, too common alone) was found
-- nowhere after Pedro Sánchez, and its span was free for a repeat of
-- another name over it.  A seed is marked seed = true (its repeats take
-- the gazetteer's id in glean.analyze); out itself is not changed.
local function with_people(text, out, people, orgs)
  local seeds = {}
  -- (a seed of type typ at s..e, where no mention of out covers it)
  local function seed(s, e, typ)
    for _, m in ipairs(out) do
      if m.start <= e and m.stop >= s then return end
    end
    seeds[#seeds + 1] = { start = s, stop = e, type = typ, surface = text:sub(s, e), rule = "gazetteer", seed = true }
  end
  -- and the gazetteer's organisations with an acronym in brackets right
  -- after them (La Libertad Avanza (LLA), a party of data/gazetteer.tsv):
  -- the acronym alone later is that organisation (propagate's acronyms)
  for s, e in pairs(orgs or {}) do
    if text:match("^%s*%(%s*%u[%u%d&]+%s*%)", e + 1) then seed(s, e, "org") end
  end
  for s, e in pairs(people or {}) do seed(s, e, "person") end
  if #seeds == 0 then return out end
  for _, m in ipairs(out) do seeds[#seeds + 1] = m end
  sort(seeds, function(x, y) return x.start < y.start or (x.start == y.start and x.stop > y.stop) end)
  return seeds
end

-- Arabic word shapes for the agreement veto of entities.recognise: the
-- article ال; an adjective's ending, ة or ي (nisba: ي or ية only); a noun
-- for a place that a place's name follows in apposition (folded, without
-- the article): a place_head cue (مدينة, محافظة, قرية) or عاصمة 'capital'
local AR_AL = "\216\167\217\132"
local AR_TA, AR_YA = "\216\169", "\217\138"
local function ar_adjective(raw, nisba)
  if raw:sub(-2) == AR_YA then return true end
  if nisba then return raw:sub(-4) == AR_YA .. AR_TA end
  return raw:sub(-2) == AR_TA
end
-- ar_agrees(prev, cand): the definite word prev can take cand as its
-- adjective.  A nisba in ي agrees with any noun; one in ة only with a noun
-- Arabic gives feminine agreement: a feminine singular (ة), a sound
-- feminine plural (ات) or a broken plural, whose patterns put alif third
-- (مشاريع, أعمال, شوارع): after a masculine singular (الوفد الجديدة) the
-- word is the town
local AR_ALIF, AR_AT = 0x0627, "\216\167\216\170"
local function ar_agrees(prev, cand)
  if cand:sub(-2) ~= AR_TA then return true end
  if prev:sub(-2) == AR_TA or prev:sub(-4) == AR_AT then return true end
  local n, third = 0, nil
  for _, c in utf8.codes(prev:sub(5)) do
    n = n + 1
    if n == 3 then third = c end
  end
  return n >= 4 and third == AR_ALIF
end
-- the proclitics written onto an Arabic word: و ف ب ك ل
local AR_PROCLITIC = { ["\217\136"] = true, ["\217\129"] = true, ["\216\168"] = true, ["\217\131"] = true,
  ["\217\132"] = true }
local AR_CAPITAL = base.fold("\216\185\216\167\216\181\217\133\216\169")   -- عاصمة
local function ar_place_word(kb, key)
  if key == AR_CAPITAL then return true end
  local node = kb.trie[key]
  return node ~= nil and node.ends ~= nil and node.ends.place_head ~= nil
end

function entities.recognise(kb, text, opts)
  opts = opts or {}
  local lang = opts.lang or "und"
  local T = opts.tokens or tokens(text)
  -- opts.places: { [start] = stop } of the gazetteer's matches; opts.orgs:
  -- those that are organisations
  T.places = opts.places
  -- opts.gazetteer: { [start] = stop } of every gazetteer match (places of
  -- any kind, organisations): a title's complement, the end of an
  -- organisation's name in scripts without case
  T.gaz = opts.gazetteer or opts.places
  -- opts.people: { [start] = stop } of the gazetteer's people (data/people.tsv):
  -- after a title, the person it names, no complement
  T.people = opts.people
  -- opts.cities: { [start] = stop } of the gazetteer's cities of 100,000 or
  -- more, regions and countries (glean.entities.uncased: شاهین بوشهر is a team)
  T.cities = opts.cities
  -- opts.gaz_ids: { ["start:stop"] = id } of the gazetteer's places (a region
  -- named like a given name: glean.entities.cased)
  T.gaz_ids = opts.gaz_ids
  -- opts.inflected: { [start] = stop } of the gazetteer's places matched in
  -- an inflected form (Казахстана): after a title, its complement
  T.inflected = opts.inflected
  -- opts.place_name(s) -> true when s, a whole word, is a place of the
  -- gazetteer (glean.entities.korean: 서울 of 서울시는)
  T.place_name = opts.place_name
  -- opts.org_name(s) -> true when s, a whole word, is an organisation of the
  -- gazetteer (glean.entities.korean: LG of LG화학)
  T.org_name = opts.org_name
  T.orgs = opts.orgs
  -- opts.alt_lang: the runner-up of a close call of the language identifier
  -- (glean.analyze): its list's cues count too, as the text's own
  T.alt_lang = opts.alt_lang
  local from, to = cue_matches(kb, T, lang)
  -- opts.veto (a table the caller gives, filled here): the gazetteer's
  -- matches inside a title phrase, before its last word, { [start] = stop }:
  -- a word of the office, no place of its own (Büyükşehir Belediye Başkanı)
  if opts.veto and T.gaz then
    -- (the gazetteer's matches that end before the last word of the cue c
    -- that opens at word i)
    local function veto_inside(i, c)
      if c and c[1] > i then
        for k = i, c[1] - 1 do
          local ge = T.gaz[T.s[k]]
          if ge and ge < T.s[c[1]] then opts.veto[T.s[k]] = ge end
        end
      end
    end
    for i = 1, T.n do
      local t = from[i] and from[i].title
      veto_inside(i, t)
      -- and inside a place's generic word of several words, before its last
      -- word: a word of it (Hindi हवाई of हवाई अड्डा 'airport' is no Hawaii,
      -- Urdu ہوائی of ہوائی اڈہ), also where no name stands before it
      veto_inside(i, from[i] and from[i].place_tail)
      -- and an organisation's acronym that is a title of the text's language
      -- written in capitals before a name (Indonesian AKP, a police rank, is
      -- no Turkish party in AKP M Fajar)
      if t and t[1] == i and T.orgs and T.orgs[T.s[i]] == T.e[i] and i < T.n and T.cap[i + 1]
        and (T.sp[i + 1] or false) and not T.text:sub(T.s[i], T.e[i]):find("%l") then
        opts.veto[T.s[i]] = T.e[i]
      end
      -- (the three cases below: a place of one word without case, no
      -- organisation's name)
      local lone = T.sc[i] == "uncased" and T.gaz[T.s[i]] == T.e[i] and not (T.orgs and T.orgs[T.s[i]])
      -- and a place of one word without case that is a month or weekday
      -- name of the text's language (Persian دوشنبه 'Monday' is Dushanbe):
      -- news dates far more often than it names such a place
      if lone and toks.is_calendar(kb, T, i, lang) then
        opts.veto[T.s[i]] = T.e[i]
      end
      -- and, in Hindi and Urdu, a place of one word that is a stop word of
      -- the text's own list (Urdu تھانے 'police station' is Thane, پریس
      -- 'press' Perris): news writes the word far more often than the place
      -- (Arabic too, where the stop list names a few common nouns that are
      -- places, المدينة 'the city' for Medina, الباب 'the door' for Al-Bab,
      -- and Persian aliases of Arabic words, كيف 'how' for Kyiv; not after
      -- an administrative word, مدينة الباب, ولاية معسكر: there it is the place)
      -- (and after a proclitic و ف ب ك ل written onto it, بالمدينة, whose
      -- gazetteer match begins after the proclitic)
      local at, key = T.s[i], T.f[i]
      if lang == "ar" and not lone and T.sc[i] == "uncased" then
        for p = 2, 4, 2 do
          local ge2 = T.gaz[T.s[i] + p]
          if ge2 == T.e[i] and not (T.orgs and T.orgs[T.s[i] + p]) and AR_PROCLITIC[key:sub(p - 1, p)]
            and (p == 2 or AR_PROCLITIC[key:sub(1, 2)]) then
            lone, at, key = true, T.s[i] + p, key:sub(p + 1)
            break
          end
        end
      end
      if lone and (lang == "hi" or lang == "ur" or lang == "ar") and kb.stop[lang] and kb.stop[lang][key]
        and not (lang == "ar" and i > 1 and (to[i - 1] and to[i - 1].place_head
          or ar_place_word(kb, T.f[i - 1]) or ar_place_word(kb, T.f[i - 1]:sub(3))
          or ar_place_word(kb, T.f[i - 1]:sub(5)))) then
        opts.veto[at] = T.e[i]
      end
      lone = lone and at == T.s[i]
      -- (and a place of several such words, every one a stop word: Hindi
      -- कोई नहीं 'nobody', a source's Hindi name of the district Noney)
      local ge = (lang == "hi" or lang == "ur") and kb.stop[lang] and T.sc[i] == "uncased" and T.gaz[T.s[i]]
      if ge and ge > T.e[i] and not (T.orgs and T.orgs[T.s[i]]) then
        local k, all = i, true
        while k <= T.n and T.e[k] <= ge do
          if not kb.stop[lang][T.f[k]] then all = false; break end
          k = k + 1
        end
        if all and T.e[k - 1] == ge then opts.veto[T.s[i]] = ge end
      end
      -- and, in Persian, a place of one word ending in ی right after a noun
      -- (a word no stop list has, no cue's and no place's): the noun's
      -- adjective in the ezafe, no place (بیمه مرکزی 'central insurance',
      -- خسارت مالی 'financial damage'); after a preposition, a place word or
      -- a title it is the place (در مالی, استان مرکزی, رئیس‌جمهور مالی)
      local yeh = lone and lang == "fa" and i > 1 and T.text:sub(T.e[i] - 1, T.e[i])
      if (yeh == "\219\140" or yeh == "\217\138") and T.gap[i] == " "
        and T.sc[i - 1] == "uncased" and not T.gaz[T.s[i - 1]]
        and not (T.places and T.places[T.s[i - 1]]) and not from[i - 1] and not to[i - 1]
        and not (kb.stop.fa and kb.stop.fa[T.f[i - 1]]) and not (kb.stop_iso and kb.stop_iso[T.f[i - 1]])
        and not kb.names[T.f[i - 1]] then
        opts.veto[T.s[i]] = T.e[i]
      end
      -- and, in Arabic, a place of one word with the article in an
      -- adjective's shape (ending in ة or ي) right after a definite noun (a
      -- word with the article that is no such adjective itself, no place,
      -- cue or name, and one it can agree with: ar_agrees): the adjective
      -- agrees with the noun, no place
      -- (المشاريع الجديدة 'the new projects', not El Jadida); after a place
      -- word with the article (العاصمة الدوحة, المحافظة ...) it is the place
      if lone and lang == "ar" and i > 1 and T.gap[i] == " " and T.sc[i - 1] == "uncased"
        and T.text:sub(T.s[i], T.s[i] + 3) == AR_AL and ar_adjective(T.text:sub(T.s[i], T.e[i]), false) then
        local prev = T.text:sub(T.s[i - 1], T.e[i - 1])
        local pf = T.f[i - 1]
        if prev:sub(1, 4) == AR_AL and #prev > 6 and not ar_adjective(prev, true)
          and ar_agrees(prev, T.text:sub(T.s[i], T.e[i]))
          and not T.gaz[T.s[i - 1]] and not (T.places and T.places[T.s[i - 1]])
          and not from[i - 1] and not to[i - 1] and not kb.names[pf]
          and not (kb.stop.ar and kb.stop.ar[pf]) and not ar_place_word(kb, pf:sub(5)) then
          opts.veto[T.s[i]] = T.e[i]
        end
      end
    end
  end
  local out = {}
  -- a gazetteer name opening with a lower-case place_head that a sentence's
  -- start capitalises (Tỉnh Quảng Trị, Thành phố Đà Nẵng: GeoNames spells
  -- the official name so): the head is outside the place, as it is in
  -- lower case (tỉnh [Quảng Trị]).  opts.trim (a table the caller gives,
  -- filled here): { [start] = { stop, new start } } of such matches
  if opts.trim and T.gaz then
    -- and one opening with a title's last word and going on past it (the
    -- gazetteer's Kota Surabaya after Wali: the title Wali Kota, the place
    -- Surabaya)
    for i = 1, T.n - 1 do
      local t = from[i] and from[i].title
      local ge = t and t[1] > i and t[1] < T.n and T.gaz[T.s[t[1]]]
      -- (not an organisation's name that opens with the title's last word:
      -- глава | МИД России is the ministry whole)
      if ge and ge > T.e[t[1]] and T.cap[t[1] + 1] and T.s[t[1] + 1] <= ge
        and not (T.orgs and T.orgs[T.s[t[1]]] == ge) then
        opts.trim[T.s[t[1]]] = { ge, T.s[t[1] + 1] }
      end
    end
    for i = 1, T.n - 1 do
      local ph, ge = from[i] and from[i].place_head, T.gaz[T.s[i]]
      -- (not after an abbreviation's period, which ends no sentence: TP. Hồ
      -- Chí Minh keeps its Hồ, though hồ is a lake)
      local abbr = ph and ge and i > 1 and T.gap[i]:find("^%. ?$")
        and text:sub(T.s[i - 1], T.e[i - 1]):find("^%u%u?%u?$")
      if ph and ge and ph[2].cap == false and T.cap[i] and toks.sentence_initial(T, i) and not abbr
        and ph[1] < T.n and T.e[ph[1]] < ge and T.cap[ph[1] + 1]
        -- and the rest is a place's name too (Quảng Trị; Vila Real, Ciudad
        -- Real, Rio Grande do Sul are names whose first word is a head)
        and (not opts.place_name or opts.place_name(text:sub(T.s[ph[1] + 1], ge))) then
        opts.trim[T.s[i]] = { ge, T.s[ph[1] + 1] }
      end
      -- in scripts without case, an administrative head marked `outside`
      -- (Persian استان, شهرستان, Arabic محافظة) is outside a gazetteer name
      -- too (GeoNames writes استان تهران, CLDR محافظة سلفيت): the place is
      -- the rest when it is a place's name, or when the gazetteer's match
      -- is itself a place (the head and the rest name that place)
      -- (after a proclitic on the head the match opens after it: بولاية
      -- شمال دارفور, بمحافظة X)
      local s0 = ph and T.sc[i] == "uncased" and T.s[i] + (ph[3] or 0) or T.s[i]
      if s0 ~= T.s[i] then ge = T.gaz[s0] end
      local gid = opts.gaz_ids and ge and opts.gaz_ids[s0 .. ":" .. ge]
      if ph and ge and ph[2].outside and T.sc[i] == "uncased" and ph[1] < T.n and T.e[ph[1]] < ge
        and (not opts.place_name or (gid and gid:find("^place:"))
          or opts.place_name(text:sub(T.s[ph[1] + 1], ge))) then
        opts.trim[s0] = { ge, T.s[ph[1] + 1] }
      end
    end
  end
  -- a one-word town of the gazetteer, or a region named like its people's
  -- plural (Bayern, Sachsen, Hessen: -en, -ern), right after a definite
  -- article of the text's language is no place: towns take no article (die
  -- Halle, den Siegen, das Essen are words), and die Bayern are the people
  -- or the club.  Countries keep theirs (die Schweiz, die Philippinen), and
  -- so do the curated regions that are no subdivision (die Golanhöhen, den
  -- Gazastreifen): the -en/-rn rule is for subdivisions (ISO ids DE-BY ...)
  -- opts.article (a table the caller gives, filled here): { [start] = stop }
  if opts.article and opts.gaz_ids and T.gaz and lang and next(kb.article) then
    for i = 2, T.n do
      -- (the article first: it is rare, the key string is made after it only)
      local s0, art = T.s[i], kb.article[T.f[i - 1]]
      local id = art and art[lang] and T.gaz[s0] == T.e[i] and opts.gaz_ids[s0 .. ":" .. T.e[i]]
      if id and (T.sp[i] or T.gap[i] == " ")
        and (id:find("^place:gn:") or id:find("^place:city:")
          or (id:find("^place:region:%u%u%-") and T.f[i]:find("[er]n$"))) then
        opts.article[s0] = T.e[i]
      end
    end
  end
  local runs = cased_runs(kb, T, lang, from)
  for _, run in ipairs(runs) do classify_run(kb, T, text, from, to, lang, run[1], run[2], out) end
  org_heads(kb, T, text, from, to, lang, out)
  cased.acronym_orgs(kb, T, text, from, lang, out)
  cased.org_appositions(kb, T, text, from, lang, out)
  tails(kb, T, text, from, to, lang, out)
  cased.designators(T, text, from, out)
  lower_places(kb, T, text, from, to, lang, out)
  cased.datelines(kb, T, text, from, lang, out)
  -- (a line-up's players before the appositions and lists of places, which
  -- leave a person a cue found alone: Rossetti, Soriano, Sansone)
  cased.score_lines(kb, T, text, lang, out)
  cased.lineups(kb, T, text, out, to)
  cased.appositions(kb, T, text, from, lang, out)
  cased.place_lists(kb, T, text, from, lang, out)
  cased.quoted_places(T, text, to, out)
  cased.title_quoted(T, text, to, lang, out)
  uncased(kb, T, text, from, to, out, lang)
  -- Han and kana (lead bytes E3-E9 for U+3000-U+9FFF, EF for the
  -- compatibility ideographs and half-width forms, F0 for the supplementary
  -- ideographs): only texts holding them are walked character by character
  if entities.has_cjk(text) then
    -- ICU's words end where a dictionary word ends inside a Han run
    local word_ends = {}
    for k = 1, T.n do word_ends[T.e[k]] = true end
    local title_at = {}
    for i = 1, T.n do
      local t = from[i] and from[i].title
      if t and T.sc[i] ~= "nospace" and t[1] < T.n and T.sc[t[1] + 1] == "nospace" then
        local g = T.gap[t[1] + 1]
        if g == "" or g == " " then title_at[T.s[t[1] + 1]] = t[2] end
      end
    end
    cjk(kb, text, out, word_ends, lang, title_at, opts.orgs, opts.places, opts.cities)
  end
  -- Thai (U+0E00-U+0E7F: E0 B8/B9): names after a title written onto them
  if text:find("\224[\184\185]") then thai(kb, T, text, out, lang) end
  -- overlaps among what was found: longer wins, then earlier
  out = entities.pick(out)
  -- one capitalised word after a title, then a comma and a person, is the
  -- body or club the person serves, no person (pelatih Persib, Robert
  -- Alberts; pemain Persela, Rafinha), as in Vietnamese (vi_title_org)
  -- (in a cased script; not a list of people after the title: 여탁곤, 모상필)
  local person_at = {}
  for _, m in ipairs(out) do
    if m.type == "person" and m.rule ~= "cue:list" then person_at[m.start] = true end
  end
  for _, m in ipairs(out) do
    if m.type == "person" and m.rule == "cue:title" and not m.surface:find("[%s%-]")
      and text:sub(m.stop + 1, m.stop + 2) == ", " and person_at[m.stop + 3] then
      local k = word_starting(T, m.start)
      if k and T.sc[k] == "cased" then m.type = "org" end
    end
  end
  -- a name the gazetteer spells out as it is written (Việt Nam, Hà Nội
  -- beside a reporting verb; Mumbai after a title) is the gazetteer's:
  -- dropped before it can propagate.  Not a person whose first word is a
  -- given name of the lists (the run's classification weighed one that is
  -- also an ordinary word) when the match is a small town named like a
  -- person (opts.towns: Pedro Sánchez in the Dominican Republic): news names
  -- the person far more often, and the person wins the span.  Nor a side of
  -- a match result (cue:score: Cagliari-Genoa 4-1 names two teams), a
  -- player of a line-up (cue:lineup: Soriano), a quoted Cyrillic name
  -- (cue:org_quoted, strong: обыграл «Урал»; glean.entities.cased.quoted_places)
  -- or a name right after a word for its kind (cue:org_title, strong: a
  -- revista Piauí, el club Barcelona)
  if opts.gazetteer then
    local keep = {}
    for _, m in ipairs(out) do
      if opts.gazetteer[m.start] ~= m.stop or m.rule == "cue:score" or m.rule == "cue:lineup"
        or (m.rule == "cue:org_quoted" and m.strong) or (m.rule == "cue:org_title" and m.strong) then
        keep[#keep + 1] = m
      elseif m.type == "person" and opts.towns and opts.towns[m.start] == m.stop then
        local k = word_starting(T, m.start)
        local e = k and k < T.n and T.cap[k] and name_entry(kb, T.f[k], lang)
        if e and e.given then
          m.strong = true
          keep[#keep + 1] = m
        end
      end
    end
    out = keep
  end
  -- an organisation's name without its designator (glean.entities.propagate)
  out = merge(out, prop.org_short_forms(T, text, to, out))
  -- a place found after its generic word, named again without it (glean.entities.propagate)
  out = merge(out, prop.place_short_forms(kb, T, text, from, to, lang, out))
  -- a nickname in quotes inside a name (glean.entities.cased.nicknames)
  out = merge(out, cased.nicknames(kb, T, text, lang))
  -- names listed beside a person (glean.entities.cased.lists)
  -- (again with what it found, up to a list's length: Ana Ruiz, Pedro
  -- Gil, Eva Sanz and a known name at the end)
  for _ = 1, 4 do
    local more = cased.lists(kb, T, text, runs, from, to, lang, out)
    if #more == 0 then break end
    out = merge(out, more)
  end
  if opts.propagate ~= false then
    local more = {}
    propagate(kb, T, text, runs, with_people(text, out, opts.people, opts.orgs), more, lang, to)
    out = merge(out, more)
  end
  -- Devanagari initials before a person found without them (एस सोमनाथ
  -- after सोमनाथ alone): the initials are part of the name
  local prev_stop = 0
  for _, m in ipairs(out) do
    local k = m.type == "person" and word_starting(T, m.start)
    if k and T.sc[k] == "uncased" and is_deva(T.f[k]) then
      local a = k
      while a > 1 and kb.particle[T.f[a - 1]] and utf8.len(T.f[a - 1]) <= 2 and is_deva(T.f[a - 1])
        and ((T.sp[a] or false) or T.gap[a] == ". ") and T.s[a - 1] > prev_stop do
        a = a - 1
      end
      if a < k then m.start = T.s[a]; m.surface = text:sub(m.start, m.stop) end
    end
    prev_stop = m.stop
  end
  -- Korean: a case particle written onto a name (외교부는, 한빛전자가) is part
  -- of its span, as the guidelines have inflected forms whole and the
  -- gazetteer's Korean profile does (docs/inflection.md, "Korean
  -- particles"); the name without it (m.name) stays the label; so is a
  -- Bengali case ending (মন্ত্রণালয়ের)
  local k = 1
  -- (Hangul syllables, U+AC00-U+D7A3, start with the bytes EA-ED; Bengali,
  -- U+0980-U+09FF, with E0 A6 or E0 A7)
  for _, m in ipairs((text:find("[\234-\237]") or text:find("\224[\166\167]")) and out or {}) do
    while k <= T.n and T.e[k] < m.stop do k = k + 1 end
    if k <= T.n and T.s[k] <= m.stop and m.stop < T.e[k]
      and ((is_hangul(T.f[k]) and toks.HANGUL_PARTICLE[text:sub(m.stop + 1, T.e[k])])
        or (toks.is_bengali(T.f[k]) and toks.BENGALI_ENDING[text:sub(m.stop + 1, T.e[k])])) then
      m.name, m.stop = m.name or m.surface, T.e[k]
      m.surface = text:sub(m.start, m.stop)
    end
  end
  return out
end

-- ---------------------------------------------------------------------
-- the examples of the cue files

-- parse_example("Minister [PER Ana Lima] said") -> plain text, { {type, start, stop} }
function entities.parse_example(s)
  local parts, want, pos = {}, {}, 0
  local i = 1
  while i <= #s do
    local a, b, typ, name = s:find("%[(%u%u%u) ([^%]]+)%]", i)
    if not a then
      parts[#parts + 1] = s:sub(i)
      break
    end
    parts[#parts + 1] = s:sub(i, a - 1)
    pos = pos + (a - i)
    local T = ({ PER = "person", ORG = "org", LOC = "place" })[typ]
    if not T then return nil, "unknown type '" .. typ .. "' (PER, ORG or LOC)" end
    want[#want + 1] = { T, pos + 1, pos + #name }
    parts[#parts + 1] = name
    pos = pos + #name
    i = b + 1
  end
  return concat(parts), want
end

-- test(kb) -> results { {file, line, passed, failures = {...}} }: each
-- example's people and organisations must be found exactly.  Places are
-- the gazetteer's and not checked; a place marked [LOC …] stands for the
-- gazetteer's match and is resolved with what was found by the same policy
-- (a surname-like place name, Hà Nội, is no person)
function entities.test(kb)
  local results = {}
  for _, ex in ipairs(kb.examples) do
    local res = { file = ex.file, line = ex.line, text = ex.text, failures = {} }
    local text, want = entities.parse_example(ex.text)
    if not text then
      res.failures[1] = want
    else
      local places, pl = {}, {}
      for _, w in ipairs(want) do
        if w[1] == "place" then
          places[w[2]] = w[3]
          pl[#pl + 1] = { start = w[2], stop = w[3], type = "place", source = "gazetteer",
                          surface = text:sub(w[2], w[3]) }
        end
      end
      local got = entities.recognise(kb, text, { lang = ex.lang, places = places })
      if #pl > 0 then
        for _, g in ipairs(pl) do got[#got + 1] = g end
        local kept = {}
        for _, m in ipairs(entities.pick(got)) do
          if m.source ~= "gazetteer" then kept[#kept + 1] = m end
        end
        got = kept
      end
      local have = {}
      for _, m in ipairs(got) do have[m.type .. ":" .. m.start .. ":" .. m.stop] = m end
      local wanted, marked_place = {}, {}
      for _, w in ipairs(want) do
        if w[1] == "place" then marked_place[w[1] .. ":" .. w[2] .. ":" .. w[3]] = true end
        if w[1] ~= "place" then
          local key = w[1] .. ":" .. w[2] .. ":" .. w[3]
          wanted[key] = true
          if not have[key] then
            res.failures[#res.failures + 1] = string.format("missed %s %q", w[1], text:sub(w[2], w[3]))
          end
        end
      end
      for key, m in pairs(have) do
        if not wanted[key] and not (m.type == "place" and marked_place[key]) then
          res.failures[#res.failures + 1] = string.format("found %s %q (%s) that the example does not mark",
            m.type, m.surface, m.rule)
        end
      end
      sort(res.failures)
    end
    res.passed = #res.failures == 0
    results[#results + 1] = res
  end
  return results
end

-- load(opts) -> kb | nil, err
-- opts.dirs: directories holding cues/ and names/ (default: glean's data/);
-- opts.cues, opts.names: extra files or directories.
function entities.load(opts)
  opts = opts or {}
  local data = opts.data or (paths.home() .. "/data")
  -- the knowledge base a previous process built from the same bytes
  -- (glean.kb_cache; glean's own data directory only, so one entry)
  local kbc = require "glean.kb_cache"
  local cname, ckey
  if not opts.data then cname, ckey = kbc.key(data, opts.extra, knowledge.CALENDAR_LOCALES, entities.load) end
  local cached = cname and kbc.get(cname, ckey)
  if cached then return cached end
  local kb, err = knowledge.build(data, opts.extra)
  if not kb then return nil, err end
  if cname then kbc.put(cname, ckey, kb) end
  return kb
end

return entities
