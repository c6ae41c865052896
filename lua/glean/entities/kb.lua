-- glean.entities.kb: the knowledge base of the entities stage: the cue and
-- name lists (data/cues/*.tsv, data/names/*.tsv, an analyst's extra lists;
-- the format in docs/recognition.md), data/stopwords.tsv and ICU's month
-- and weekday names, read, folded and indexed into one table; and what it
-- says of a name (name_entry, common_in).  glean.entities.load keeps the
-- table in glean.cache (glean.kb_cache).
local core = require "glean.core"
local base = require "glean.entities.base"
local paths = require "glean.paths"

local ipairs, pairs, type, tostring, tonumber, pcall = ipairs, pairs, type, tostring, tonumber, pcall
local table, utf8, io = table, utf8, io
local concat = table.concat
local fold, is_cased_cp, is_nospace_cp, is_upper = base.fold, base.is_cased_cp, base.is_nospace_cp, base.is_upper
local apostrophe, vi_sig = base.apostrophe, base.vi_sig

local kb_mod = {}

local CLASSES = {
  title = true, title_after = true, title_mod = true, org_title = true, say = true, byline = true,
  org_head = true, org_tail = true,
  place_head = true, place_tail = true, place_suffix = true, org_suffix = true, letter = true,
  org_designator = true, particle = true, connector = true, stop = true, example = true,
  given = true, surname = true, article = true, sport = true, determiner = true, alias = true, word = true,
}
-- ---------------------------------------------------------------------
-- loading the lists

local OPTION_FLAGS = {}   -- the options that set their own field true (lower: o.lower = true)
local OPTION_NUMBERS = { words = true, chars = true, min = true, name = true }   -- name=N
local OPTION_HELP         -- the list an unknown option's message gives
do
  local flags = {}
  for flag in ([[lower own coord split abbr source after one surname list verb det demonym
                   company quoted whole mod outside place named compound onto head before gaz spelled
                   unit person alone near venue street kin apart common seat final]]):gmatch("%S+") do
    OPTION_FLAGS[flag] = true
    flags[#flags + 1] = flag
  end
  OPTION_HELP = "words=N, chars=N, min=N, name=N, " .. concat(flags, ", ", 1, #flags - 1) .. " or " .. flags[#flags]
end

local function parse_opts(s, where)
  local o = {}
  for item in (s or ""):gmatch("%S+") do
    local k, v = item:match("^([%a_]+)=(%d+)$")
    if OPTION_NUMBERS[k] then o[k] = tonumber(v)
    elseif OPTION_FLAGS[item] then o[item] = true
    else
      return nil, where .. ": unknown option '" .. item .. "' (" .. OPTION_HELP .. ")"
    end
  end
  return o
end

-- word keys of a phrase: its letters and digits, folded, as the text's
-- words are (a trailing "." or a hyphen is not a word; an elided article
-- is not either: "ministre de l'Intérieur" -> ministre, de, interieur)
local function phrase_words(phrase)
  local out = {}
  for a, b, kind in core.words(phrase) do
    if kind ~= "none" then
      local w = phrase:sub(a, b)
      local side, p, q = apostrophe(w)
      if side == "right" then w = w:sub(q + 1) elseif side == "left" then w = w:sub(1, p - 1) end
      out[#out + 1] = fold(w)
    end
  end
  return out
end

-- (a period inside counts: the Thai abbreviations พล.อ., รมช.)
local function all_nospace(phrase)
  local any = false
  for _, c in utf8.codes(phrase) do
    if c ~= 0x2E then
      if not is_nospace_cp(c) then return false end
      any = true
    end
  end
  return any
end

local function new_kb()
  return {
    trie = {},                -- folded word -> node; node.ends[class] = opts
    cjk = {}, cjk_max = 0,    -- phrase -> { class = opts } for Han/kana phrases
    stop = {},                -- lang -> folded word -> true
    stop_any = {},            -- folded word -> true (every language; scripts without case)
    explicit_stop = {},       -- the cue files' own stop words: folded word -> { lang = true }
    not_place = {},           -- class `word`: folded word -> { lang = true } read as no place
    vi_stop = {},             -- the Vietnamese list's stop words: base.vi_sig(word) -> true
    joiner_langs = {},        -- particles and connectors: folded word -> { lang = true } of their lists
    stop_raw = {},            -- stop words as spelled (NFC), before folding
    stop_cjk = {},            -- character or phrase -> true
    particle = {}, connector = {}, coord = {}, coord_split = {},
    head_connector = {},      -- connectors with `head`: folded word -> { lang = true }
    place_abbr = {},          -- place_head with abbr (H., TX.): folded letters -> { lang = true }
    place_suffix = {},        -- lang -> { { folded ending, min letters before it }, ... } (class place_suffix)
    org_suffix = {},          -- lang -> { { folded ending, min letters before it, seat }, ... } (class org_suffix)
    light_verb = {}, det = {}, -- stop words marked verb / det: folded word -> { lang = true }
    stop_person = {},         -- stop words marked person (names of people only): folded word -> { lang = true }
    stop_place = {},          -- stop words marked place (nouns spelled as places): folded word -> { lang = true }
    compound_title = {},      -- org_title with compound: lang -> { folded word ending, ... }
    article = {},             -- definite articles: folded word -> { lang = true } (class article)
    determiner = {},          -- articles and their contractions: folded word -> { lang = true } (class determiner)
    determiner_langs = {},    -- the languages whose cue list has a determiner: lang -> true
    sport = {},               -- words of sports reports: folded word -> { lang = true } (class sport)
    sport_place = {},         -- sport ... place: prepositions of place, folded word -> { lang = true }
    names = {},               -- folded word -> { given =, surname =, common =, langs =, common_langs = }
    cue_langs = {},           -- languages that have a cue list (their texts use it alone)
    letter = {},              -- folded names of Latin letters in other scripts (پی ڈی ایم اے = PDMA)
    name_langs = {},          -- languages that have a name list
    cjk_surname = {}, cjk_surname_max = 0,
    cjk_lang = {},            -- lang -> { phrases = {phrase -> {class = opts}}, max =, stop = {char}, surname = {} }
    examples = {},            -- { file =, line =, lang =, text = }
    calendar = {},            -- folded month and weekday name -> { locale = true | "accented" }
    calendar_locs = {},       -- locales with calendar names
    files = {},
  }
end

-- the Han/kana cues of one language: Chinese and Japanese write the same
-- characters in other roles (记者/記者 precedes a Chinese name and follows a
-- Japanese one), so a text of a language with its own Han/kana cues uses only
-- those
local function cjk_of(kb, lang)
  local t = kb.cjk_lang[lang]
  if not t then
    t = { phrases = {}, max = 0, stop = {}, surname = {}, surname_max = 0 }
    kb.cjk_lang[lang] = t
  end
  return t
end

local function add_cjk_phrase(tab, phrase, class, o)
  local e = tab.phrases[phrase] or {}
  e[class] = o
  tab.phrases[phrase] = e
  local n = utf8.len(phrase)
  if n > tab.max then tab.max = n end
end

-- phrase_sig(phrase) -> the Vietnamese spelling of a phrase's words
-- (base.vi_sig), joined by spaces: how a cue of the Vietnamese list is told
-- from a word that differs from it by its tone only
local function phrase_sig(phrase) return base.words_mapped(phrase, vi_sig, " ") end

-- the words of a phrase as written, case folded, accents kept
local function words_raw(phrase)
  local out = {}
  for a, b, kind in core.words(phrase) do
    if kind ~= "none" then out[#out + 1] = core.normalize(phrase:sub(a, b), "NFKC_CF") end
  end
  return out
end

-- add_lang(t, key, lang): t[key] = { lang = true, ... }, the languages whose
-- lists give key a flag (kb.explicit_stop, kb.light_verb, kb.coord_split...)
local function add_lang(t, key, lang)
  local l = t[key] or {}
  l[lang] = true
  t[key] = l
end

local function add_line(kb, class, phrase, o, lang)
  if class == "example" then return end
  -- `word`: a word of the language that a place of the gazetteer is spelled
  -- like (Urdu وین 'van', Vienna's Persian name): no place is read on it in
  -- a text of that language (glean.analyze)
  if class == "word" then
    if phrase:find("%s") then return nil, "a word of class word is one word" end
    add_lang(kb.not_place, fold(phrase), lang)
    return
  end
  if class == "stop" then
    if all_nospace(phrase) then
      -- a stop character ends a name; a stop phrase (全部, 今天) is matched
      -- like a cue and covers its characters, so that no tail inside it
      -- (全部, 东部) and no name across it is found
      if utf8.len(phrase) == 1 then
        kb.stop_cjk[phrase] = true
        cjk_of(kb, lang).stop[phrase] = true
      else
        o.lang = lang
        local mine = { phrases = kb.cjk, max = kb.cjk_max }
        add_cjk_phrase(mine, phrase, "stop", o)
        kb.cjk_max = mine.max
        add_cjk_phrase(cjk_of(kb, lang), phrase, "stop", o)
      end
      return
    end
    -- `spelled` (Vietnamese): a stop word only as spelled, tones kept, that
    -- ends an organisation's name (đã, vừa: Cục Quản lý Dược | đã có); its
    -- folded form is no stop word (Đà Nẵng)
    if o.spelled then
      if lang ~= "vi" then return nil, "spelled is for a stop word of the Vietnamese list" end
      kb.vi_stop[vi_sig(phrase)] = true
      return
    end
    local key = fold(phrase)
    kb.stop[lang] = kb.stop[lang] or {}
    kb.stop[lang][key] = true
    kb.stop_any[key] = true
    kb.stop_raw[phrase] = true
    add_lang(kb.explicit_stop, key, lang)
    -- the Vietnamese list's stop words as spelled, tones kept (khi 'when'
    -- is no khí of dầu khí: glean.entities.cased)
    if lang == "vi" then kb.vi_stop[vi_sig(phrase)] = true end
    -- `verb`: a light verb (Persian شد, کرد): the word before it is its
    -- noun (معرفی شد), no name's; `det`: a demonstrative (این, اس): a
    -- head word after it names no organisation (این شرکت)
    if o.verb then add_lang(kb.light_verb, key, lang) end
    if o.det then add_lang(kb.det, key, lang) end
    -- `person`: a stop word of people's names only; an organisation's name
    -- may hold it after its first word (Persian ملی: کمیسیون امنیت ملی; تیم
    -- ملی X names no team ملی)
    if o.person then add_lang(kb.stop_person, key, lang) end
    -- `place`: a common noun that the gazetteer knows as a place of one word
    -- (Arabic الوادي 'the valley', El Oued): a noun, no function word, so it
    -- may open a quoted name after an organisation's head (شركة "الوادي
    -- للأسمنت"; glean.entities.uncased)
    if o.place then add_lang(kb.stop_place, key, lang) end
    return
  end
  -- a definite article (German der die den dem des das): a town, or a
  -- region named like its people's plural (Bayern, Sachsen), right after
  -- it is no place (glean.entities.recognise: die Bayern, den Siegen)
  if class == "article" then
    add_lang(kb.article, fold(phrase), lang)
    return
  end
  -- an article or an article joined to a preposition (la, del, dell'):
  -- an acronym in capitals right after it is an organisation (la ONU, del
  -- PSOE, dell'INPS: glean.entities.cased.acronym_orgs); an elided one is
  -- written with its apostrophe and looked up without it
  if class == "determiner" then
    local key = fold(phrase):gsub("'$", ""):gsub("\226\128\153$", "")
    if key == "" or key:find("[%s']") then return nil, "a determiner is one word ('" .. phrase .. "')" end
    add_lang(kb.determiner, key, lang)
    kb.determiner_langs[lang] = true
    return
  end
  -- `sport`: a word of sports reports (goal, coach, league; glean.entities.sport
  -- counts them to tell a sports report, where a club named like a city or an
  -- ordinary word is the club)
  if class == "sport" then
    if phrase:find("%s") then return nil, "a sport cue is one word ('" .. phrase .. "')" end
    -- (`place`: a preposition after which a club's city is the place, in
    -- Liverpool, a Roma; it does not tell a sports report)
    add_lang(o.place and kb.sport_place or kb.sport, fold(phrase), lang)
    return
  end
  -- `compound` (org_title of one word): the word also ends a longer word
  -- that is a descriptor (German Spezialverpackungshersteller, Versandhändler)
  if class == "org_title" and o.compound then
    local key = fold(phrase)
    if key:find("[%s%-]") then return nil, "compound takes a cue of one word" end
    kb.compound_title[lang] = kb.compound_title[lang] or {}
    local t = kb.compound_title[lang]
    t[#t + 1] = key
  end
  if class == "letter" then   -- a Latin letter's name in this script (Urdu پی, ڈی; Hindi पी)
    kb.letter[fold(phrase)] = true
    return
  end
  if class == "connector" and o.head then
    -- `head`: a word that joins only the words of a name opened by an
    -- organisation head, in texts of its list's language (pt Fundação de
    -- Amparo à Pesquisa, es Asociación Española contra el Cáncer): no
    -- connector anywhere else (the preposition before a place or a person)
    add_lang(kb.head_connector, fold(phrase), lang)
    return
  end
  if class == "particle" or class == "connector" then
    local key = fold(phrase)
    kb[class][key] = true
    add_lang(kb.joiner_langs, key, lang)
    -- `coord`: a coordinating connector (ve, и, và) joins the words of one
    -- name (Adalet ve Kalkınma Partisi), kept before a tail
    if o.coord then kb.coord[key] = true end
    -- `split`: in texts of its list's language another head after it opens
    -- a second name (Universitas X dan | Institut Y)
    if o.split then add_lang(kb.coord_split, key, lang) end
    return
  end
  if class == "given" or class == "surname" then
    if all_nospace(phrase) then
      kb.cjk_surname[phrase] = true
      local n = utf8.len(phrase)
      if n > kb.cjk_surname_max then kb.cjk_surname_max = n end
      local t = cjk_of(kb, lang)
      t.surname[phrase] = true
      if n > t.surname_max then t.surname_max = n end
      return
    end
    local key = fold(phrase)
    local e = kb.names[key] or {}
    e[class] = true
    -- a Vietnamese name counts in Vietnamese texts only as spelled, its
    -- tone kept (glean.entities.cased: Tòng is no Tổng of Tổng Bí thư)
    if lang == "vi" then
      e.vi_sigs = e.vi_sigs or {}
      e.vi_sigs[vi_sig(phrase)] = true
    end
    -- `common` (also an everyday word): in scripts without case a list
    -- giving the name without the flag wins (the hand-written ar/fa/ur
    -- lists over the dictionary-flagged faker lists, whose Arabic and
    -- Persian dictionaries hold محمد and علی); in cased scripts any flag counts
    if o.common then e.flagged = true else e.plain = true end
    e.langs = e.langs or {}
    e.langs[lang] = true
    if o.common then
      e.common_langs = e.common_langs or {}
      e.common_langs[lang] = true
    end
    kb.name_langs[lang] = true
    -- a language's hand-written list giving the name plainly wins over its
    -- generated, dictionary-flagged one (ar-faker flags محمد, ar.tsv does not)
    if not o.common then
      e.plain_langs = e.plain_langs or {}
      e.plain_langs[lang] = true
    end
    e.common = e.flagged and not (e.plain and not is_cased_cp(utf8.codepoint(phrase, 1))) or nil
    -- the languages whose list has it: a Vietnamese family name is not
    -- vetoed by another language's `common` flag (Hồ, Lại, Mai)
    local by = class .. "_langs"
    e[by] = e[by] or {}
    e[by][lang] = true
    if o.common then
      e.common_langs = e.common_langs or {}
      e.common_langs[lang] = true
    end
    kb.names[key] = e
    return
  end
  o.lang = lang
  -- `place_suffix`: the ending of one word that makes the word a place's
  -- name in scripts without case (Hindi -पुर, -गांव; Urdu and Persian
  -- -آباد): read by glean.entities.uncased, no cue of the walk; with
  -- `apart` the ending written as a word of its own after the name counts
  -- too, the two words the place (جعفر آباد)
  if class == "place_suffix" then
    if phrase:find("%s") then return nil, "a place_suffix is the ending of one word ('" .. phrase .. "')" end
    local t = kb.place_suffix[lang] or {}
    kb.place_suffix[lang] = t
    t[#t + 1] = { fold(phrase), o.min or 2, o.apart }
    return
  end
  -- `org_suffix`: the ending of one capitalised word that makes the word an
  -- organisation's name in a language that writes its bodies as one compound
  -- (Swedish Skatteverket, Kammarrätten; Norwegian Finanstilsynet): read by
  -- glean.entities.cased, no cue of the walk; with `seat` the word takes a
  -- place after the language's preposition of a seat (Kammarrätten i Jönköping)
  if class == "org_suffix" then
    if phrase:find("%s") then return nil, "an org_suffix is the ending of one word ('" .. phrase .. "')" end
    local t = kb.org_suffix[lang] or {}
    kb.org_suffix[lang] = t
    t[#t + 1] = { fold(phrase), o.min or 3, o.seat }
    return
  end
  -- `abbr`: an abbreviated place head written onto the name with its period
  -- (Vietnamese H.Cam Lộ, TX.Quảng Trị): read by glean.entities.cased from
  -- such words only, no cue of the walk (H. is an initial too)
  if class == "place_head" and o.abbr then
    local letters = phrase:match("^([%a\128-\255]+)%.$")
    if not letters then return nil, "an abbr place_head is letters and a period ('" .. phrase .. "')" end
    add_lang(kb.place_abbr, fold(letters), lang)
    return
  end
  if o.lower and not phrase:find("%s") then o.raw = phrase end
  if class == "org_head" or class == "place_head" or class == "place_tail" then
    o.cap = is_upper(utf8.char(utf8.codepoint(phrase, 1)))
  end
  -- a designator of Han with brackets ((株), （株）) or an enclosed
  -- ideograph (㈱) is also looked for right after a Han/kana run
  -- (glean.entities.cjk)
  -- (and so is one in capital Latin letters of a Han/kana language: HD of
  -- オンワードHD)
  if class == "org_designator" and (lang == "ja" or lang == "zh") and phrase:find("^%u%u+$") then
    add_cjk_phrase(cjk_of(kb, lang), phrase, class, o)
  elseif class == "org_designator" and not all_nospace(phrase) then
    for _, c in utf8.codes(phrase) do
      if is_nospace_cp(c) or (c >= 0x3200 and c < 0x3400) then
        add_cjk_phrase(cjk_of(kb, lang), phrase, class, o)
        break
      end
    end
  end
  -- a Han place tail (市, 区, 町) is no cue of the run walk (it would cut
  -- 村上, 市川): glean.entities.cjk reads it after a known place only
  if class == "place_tail" and all_nospace(phrase) then
    local t = cjk_of(kb, lang)
    t.place_tail = t.place_tail or {}
    t.place_tail[phrase] = o
    return
  end
  if all_nospace(phrase) then
    local mine = { phrases = kb.cjk, max = kb.cjk_max }
    add_cjk_phrase(mine, phrase, class, o)
    kb.cjk_max = mine.max
    add_cjk_phrase(cjk_of(kb, lang), phrase, class, o)
    kb.cjk_lang[lang].cues = true
    return
  end
  local words = phrase_words(phrase)
  if #words == 0 then return end
  local node = kb.trie
  for _, w in ipairs(words) do
    node[w] = node[w] or {}
    node = node[w]
  end
  node.ends = node.ends or {}
  -- the same cue in two lists: `own` holds for the languages of both, and
  -- not at all when one list has the cue for every language; `langs` are
  -- all the lists that have it (a text whose language has a list uses its
  -- own list's cues only: French Parti is no head in a Turkish text)
  local prev = node.ends[class]
  -- a place word in lower case stands outside the name and matches as it
  -- is spelled, accents kept (Vietnamese làng is no lang of hành lang,
  -- đảo no đạo, chợ no cho); the spellings of one folded phrase add up
  -- (поселок, посёлок)
  if (class == "place_head" or class == "place_tail") and o.cap == false then
    o.exact = {}
    if prev and prev.exact then for x in pairs(prev.exact) do o.exact[x] = true end end
    o.exact[concat(words_raw(phrase), " ")] = true
    -- an abbreviation written with its period (ul., gm., с.): the name
    -- follows the period and a space (glean.entities.cased: ul. Długa)
    o.period = phrase:sub(-1) == "." or (prev and prev.period) or nil
    -- the same phrase capitalised (Río, a head inside the span) holds too:
    -- `also_cap` (glean.entities.cased: Río Bravo and el río [Vaqueros])
    if prev and (prev.cap or prev.also_cap) then o.also_cap = true end
  elseif (class == "place_head" or class == "place_tail") and prev and prev.cap == false then
    o.cap, o.exact, o.also_cap = false, prev.exact, true
  end
  -- a title's first word as spelled (case folded, accents kept): in a
  -- Spanish text a title matches no word written with an accent its
  -- spellings lack (glean.entities.tokens.cue_matches: the secretariat
  -- Secretaría General is no secretaria general, the secretary)
  if class == "title" then
    o.first = {}
    if prev and prev.first then for x in pairs(prev.first) do o.first[x] = true end end
    local w1 = words_raw(phrase)[1]
    if w1 then o.first[w1] = true end
  end
  -- a cue of the Vietnamese list counts in Vietnamese texts only as
  -- spelled, tones kept (glean.entities.tokens.cue_matches: Viện is no
  -- Viên, Trưởng ban no Trương); the spellings of one folded phrase add up
  if lang == "vi" or (prev and prev.vi_sigs) then
    o.vi_sigs = {}
    if prev and prev.vi_sigs then for x in pairs(prev.vi_sigs) do o.vi_sigs[x] = true end end
    if lang == "vi" then o.vi_sigs[phrase_sig(phrase)] = true end
  end
  o.langs = { [lang] = true }
  if prev then for l in pairs(prev.langs or { [prev.lang] = true }) do o.langs[l] = true end end
  if prev and prev.place then o.place = true end
  if prev and prev.venue then o.venue = true end
  if prev and prev.named then o.named = true end
  if prev and prev.unit then o.unit = true end
  if prev and prev.lang ~= lang and (prev.own or o.own) then
    if not (prev.own and o.own) then o.own = nil end
  end
  node.ends[class] = o
  kb.cue_langs[lang] = true
end

-- read_list(kb, path, lang) -> true | nil, "path:line: what"
local function read_list(kb, path, lang, names_file)
  local f, err = io.open(path, "rb")
  if not f then return nil, tostring(err) end
  local n = 0
  for line in f:lines() do
    n = n + 1
    local where = path .. ":" .. n
    line = line:gsub("\r$", "")
    if not utf8.len(line) then f:close(); return nil, where .. ": invalid UTF-8" end
    if line:find("%S") and not line:find("^%s*#") then
      local class, phrase, rest = line:match("^([^\t]*)\t([^\t]*)\t?(.*)$")
      if not class then f:close(); return nil, where .. ": expected CLASS<TAB>PHRASE[<TAB>OPTIONS]" end
      if not CLASSES[class] then f:close(); return nil, where .. ": unknown class '" .. class .. "'" end
      if names_file and class ~= "given" and class ~= "surname" then
        f:close(); return nil, where .. ": class '" .. class .. "' in a name list (given or surname)"
      end
      phrase = phrase:match("^%s*(.-)%s*$")
      if phrase == "" then f:close(); return nil, where .. ": empty phrase" end
      if class == "example" then
        kb.examples[#kb.examples + 1] = { file = path, line = n, lang = lang, text = phrase }
      else
        local o, oerr = parse_opts(rest, where)
        if not o then f:close(); return nil, oerr end
        local _, aerr = add_line(kb, class, phrase, o, lang)
        if aerr then f:close(); return nil, where .. ": " .. aerr end
      end
    end
  end
  f:close()
  kb.files[#kb.files + 1] = path
  return true
end

-- the calendar words (ICU's month and weekday names) are stop words in
-- texts of their locale (in every text when the language is none of
-- these).  Only names of one word count: the syllables of "Thứ Hai", "Chủ
-- Nhật", "tháng 5" are Vietnamese names too (Hải, Nhật, Nam, Thu), and the
-- French month "mai" is the Vietnamese name Mai.
local CALENDAR_LOCALES = { "en", "de", "fr", "es", "it", "pt", "ru", "uk", "tr", "vi", "pl", "nl",
                           "cs", "sk", "sv", "da", "nb", "nn", "ro", "el", "id", "ms", "fa", "ar", "ur", "hi" }
local function add_calendar(kb)
  for _, loc in ipairs(CALENDAR_LOCALES) do
    local ok, d = pcall(core.date_symbols, loc, "gregorian")
    if ok and type(d) == "table" then
      kb.calendar_locs[loc] = true
      for _, k in ipairs { "months", "standalone_months", "weekdays", "standalone_weekdays", "short_months",
                          "short_weekdays" } do
        local short = k:find("^short") ~= nil
        for _, w in ipairs(d[k] or {}) do
          local keys = phrase_words(w)
          local key = keys[1]
          if #keys == 1 and utf8.len(key) > 2 then
            local c = kb.calendar[key] or {}
            -- an accented name (março, lunedì) stops only accented words;
            -- an abbreviation only as a date writes it (Jan. 5, not Jan Novák)
            if short then c[loc] = c[loc] or "short"
            elseif c[loc] ~= true then c[loc] = not w:find("[\128-\255]") or "accented" end
            kb.calendar[key] = c
          end
        end
      end
    end
  end
end

-- stop words of data/stopwords.tsv (stopwords-iso)
local function add_stopwords(kb, path)
  local f = io.open(path, "rb")
  if not f then return end
  for line in f:lines() do
    local lang, w = line:match("^(%a%a%a?)\t(.+)$")
    if lang and lang ~= "lang" then
      if all_nospace(w) then
        -- single characters of stopwords-iso (人, 宁, 中 ...) are too often
        -- part of names; the cue files list the function characters
        if utf8.len(w) > 1 then kb.stop_cjk[w] = true end
      else
        local key = fold(w)
        kb.stop[lang] = kb.stop[lang] or {}
        kb.stop[lang][key] = true
        kb.stop_iso = kb.stop_iso or {}
        kb.stop_iso[key] = true
        kb.stop_raw[w] = true
      end
    end
  end
  f:close()
end

-- lang_of_file(kb, name): an analyst's list named after a language glean
-- has lists for (de.tsv, de-sport.tsv) is for texts of that language; any
-- other name (mycues.tsv) is for every text ("*")
local function lang_of_file(kb, name)
  local l = name:match("^(%l%l%l?)%.tsv$") or name:match("^(%l%l%l?)[-_.]")
  if l and (kb.cue_langs[l] or kb.name_langs[l]) then return l end
  return "*"
end

-- case endings of Russian/Ukrainian names as search folding writes them
-- (й -> и, ё -> е): Гришиной -> гришинои -> гришин, Алексея/Алексей/Алексею/
-- Алексеем/Алексее -> алекс;
-- Ukrainian surnames in -о decline (Шевченко, Шевченка, Шевченкові -> шевченк);
-- names in -ий/-ия keep one stem in every case (Дмитрий, Дмитрия, Дмитрием
-- -> дмитр; Мария, Марии, Марией -> мар)
local CYR_SUFFIXES = { "иеи", "ием", "ия", "ию", "еем",
  "ому", "ыми", "ами", "ого", "его", "ові", "еві", "ои", "ом", "ым", "ем", "еи", "ею", "ее", "ую", "ою",
  "ах", "ях", "ыи", "ии", "ея", "ая", "аи", "а", "я", "у", "ю", "е", "ы", "и", "і", "ь", "о" }
-- case endings of Polish, Czech and Slovak names after search folding
-- (ą -> a, é -> e): Macronem -> macron, Tuska -> tusk, Kowalskiego and
-- Kowalski -> kowalsk, Novákové and Nováková -> novakov (no fleeting vowels:
-- Paweł/Pawła, Marek/Marka stay apart).  Only in texts of
-- these languages: elsewhere Marta is no Marte.
local LATIN_STEM_LANGS = { pl = true, cs = true, sk = true }
local LAT_SUFFIXES = { "iego", "iemu", "owi", "ovi", "iem", "iej", "ego", "emu", "ych", "ymi", "ich", "ou", "em", "ym",
  "im", "ej", "ie", "a", "u", "e", "y", "i" }
local function latin_stem(w)
  if not w:find("^%l+$") then return w end
  for _, suf in ipairs(LAT_SUFFIXES) do
    if #w - #suf >= 3 and w:sub(-#suf) == suf then return w:sub(1, -#suf - 1) end
  end
  return w
end

-- case endings of Greek names after search folding (accents gone, ς is σ):
-- Κυριάκου and Κυριάκος -> κυριακ, Μητσοτάκη and Μητσοτάκης -> μητσοτακ
local GREEK_SUFFIXES = { "ου", "οσ", "ησ", "ασ", "εσ", "ων", "ο", "η", "α", "ε", "ι" }
local function greek_stem(w)
  for _, suf in ipairs(GREEK_SUFFIXES) do
    if #w - #suf >= 6 and w:sub(-#suf) == suf then return w:sub(1, -#suf - 1) end
  end
  return w
end

-- stem(w [, lang]): a Cyrillic word without its case ending; a Latin word
-- too in a Polish, Czech or Slovak text, a Greek one in a Greek text; other
-- words as they are (a Latin genitive -s is tried by the propagation itself)
local function stem(w, lang)
  local c = utf8.codepoint(w, 1)
  if c >= 0x0400 and c < 0x0530 and utf8.len(w) > 3 then
    for _, suf in ipairs(CYR_SUFFIXES) do
      if #w > #suf + 4 and w:sub(-#suf) == suf then return w:sub(1, -#suf - 1) end
    end
    return w
  end
  if lang and LATIN_STEM_LANGS[lang] then return latin_stem(w) end
  if lang == "el" and c >= 0x0370 and c < 0x0400 then return greek_stem(w) end
  return w
end

-- name_entry(kb, key) -> the name lists' entry for a folded word; a
-- Cyrillic word also by its stem (Игоря, Игорем -> Игорь)
-- common_in(kb, e, lang): the name is also an everyday word, for a text
-- of this language: its own list's flag when the language has a list (nl
-- 'thomas' does not make Thomas common in German), else any list's
local function common_in(kb, e, lang)
  if kb.name_langs[lang] then
    return (e.common_langs and e.common_langs[lang] and not (e.plain_langs and e.plain_langs[lang])) or false
  end
  return e.common or false
end

-- name_entry(kb, key [, lang]): see above; in a Polish, Czech or Slovak
-- text a Latin word also by its stem (Emmanuelem -> Emmanuel), in a Greek
-- text a Greek one (Κυριάκου -> Κυριάκος)
local function name_entry(kb, key, lang)
  local e = kb.names[key]
  if e or not kb.names_stem then return e end
  local b = key:byte(1)
  if b == 0xD0 or b == 0xD1 then return kb.names_stem[stem(key)] end
  if lang and LATIN_STEM_LANGS[lang] and b < 0x80 then return kb.names_lstem[latin_stem(key)] end
  if lang == "el" and (b == 0xCE or b == 0xCF) then return kb.names_lstem[greek_stem(key)] end
  -- Romanian: a feminine given name in -a takes -ei (-ăi after -c-, -g-)
  -- in the genitive and dative (Cameliei, Mariei, Vioricăi; folded -ei, -ai)
  if lang == "ro" and #key > 4 and (key:sub(-2) == "ei" or key:sub(-3) == "cai" or key:sub(-3) == "gai") then
    local g = kb.names[key:sub(1, -3) .. "a"]
    if g and g.given then return g end
  end
  return nil
end

-- plain_given(kb, w, lang): folded word w is a given name of the lists
-- that is no everyday word of the text's language (Oğulcan, Hillary; not
-- Roman, Надежда in a Russian text)
local function plain_given(kb, w, lang)
  local e = name_entry(kb, w, lang)
  return e ~= nil and e.given and not common_in(kb, e, lang)
end

-- index_names(kb): the Cyrillic names by stem too, and the Latin ones by
-- their Polish/Czech stem, for name_entry
local function index_names(kb)
  local idx, lidx = {}, {}
  local function put(t, st, e)
    local cur = t[st]
    if not cur then t[st] = e
    elseif cur ~= e then   -- two names with one stem: what either says
      local m = {}
      for k, v in pairs(cur) do m[k] = v end
      for k, v in pairs(e) do m[k] = m[k] or v end
      m.common = (cur.common and e.common) or nil
      t[st] = m
    end
  end
  for key, e in pairs(kb.names) do
    local b = key:byte(1)
    if b == 0xD0 or b == 0xD1 then
      put(idx, stem(key), e)
      -- a given name whose last vowel drops in the other cases (Павел ->
      -- Павла, Лев -> Льва): its stem without the vowel too
      if e.given and #key > 4 and key:sub(-4) == "ел" then put(idx, key:sub(1, -5) .. "л", e) end
      if e.given and key:sub(-6) == "лев" then put(idx, key:sub(1, -5) .. "ьв", e) end
    elseif key:find("^%l+$") then
      put(lidx, latin_stem(key), e)
      -- (keys are folded: Paweł is pawel) a given name that ends like a case
      -- ending is also the stem of its other cases (Maciej: Macieja,
      -- Maciejowi), and one whose last e drops in them (Paweł: Pawła, Pawłem;
      -- Marek: Marka) has that stem too, asking more evidence (flagged
      -- common: Marka is also the word for a brand)
      if e.given then
        put(lidx, key, e)
        local b1, b2 = key:match("^(..+)el$"), key:match("^(..+)ek$")
        local d = b1 and b1 .. "l" or b2 and b2 .. "k"
        if d and not kb.names[d] then
          local c = {}
          for k, v in pairs(e) do c[k] = v end
          c.common, c.common_langs, c.plain_langs = true, { pl = true, cs = true, sk = true }, nil
          put(lidx, d, c)
        end
      end
    elseif b == 0xCE or b == 0xCF then put(lidx, greek_stem(key), e) end
  end
  kb.names_stem, kb.names_lstem = idx, lidx
end

-- build(data, extra) -> kb | nil, err: the lists of the data directory
-- (its stopwords.tsv, cues/ and names/) and the extra files or directories,
-- read, folded and indexed
local function build(data, extra)
  local kb = new_kb()
  add_calendar(kb)
  add_stopwords(kb, data .. "/stopwords.tsv")
  local function load_dir(dir, names_file, analyst)
    for _, name in ipairs(paths.list_dir(dir, "%.tsv$") or {}) do
      local lang = analyst and lang_of_file(kb, name) or (name:match("^(%a+)") or "und")
      local ok, err = read_list(kb, dir .. "/" .. name, lang, names_file)
      if not ok then return nil, err end
    end
    return true
  end
  local ok, err = load_dir(data .. "/cues", false)
  if not ok then return nil, err end
  ok, err = load_dir(data .. "/names", true)
  if not ok then return nil, err end
  for _, x in ipairs(extra or {}) do
    if paths.is_dir(x) then ok, err = load_dir(x, false, true)
    else ok, err = read_list(kb, x, lang_of_file(kb, x:match("([^/]*)$")), false) end
    if not ok then return nil, err end
  end
  index_names(kb)
  return kb
end

-- suffix_entry(sufs, key) -> the first entry of a place_suffix or org_suffix
-- list (kb.place_suffix[lang], kb.org_suffix[lang]) whose ending the folded
-- word key has, with at least the entry's least letters before it; nil otherwise
local function suffix_entry(sufs, key)
  for _, sf in ipairs(sufs) do
    local n = #sf[1]
    if #key > n and key:sub(-n) == sf[1] and utf8.len(key) - utf8.len(sf[1]) >= sf[2] then return sf end
  end
  return nil
end

kb_mod.CLASSES, kb_mod.CALENDAR_LOCALES = CLASSES, CALENDAR_LOCALES
kb_mod.build, kb_mod.read_list, kb_mod.index_names = build, read_list, index_names
kb_mod.stem, kb_mod.common_in, kb_mod.name_entry = stem, common_in, name_entry
kb_mod.plain_given, kb_mod.suffix_entry = plain_given, suffix_entry
return kb_mod
