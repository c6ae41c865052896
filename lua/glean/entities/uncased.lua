-- glean.entities.uncased: names in scripts without case (Arabic script,
-- Devanagari, Hangul): windows of words after a title or a given name and
-- before a title_after or a tail, cut by stop words (window_stop), Arabic
-- proclitics and the article, spelled-out acronyms (پی ڈی ایم اے), Korean
-- particles.  uncased(kb, T, text, from, to, out, lang) adds what it finds.
local base = require "glean.entities.base"
local kb_mod = require "glean.entities.kb"
local toks = require "glean.entities.tokens"
local korean = require "glean.entities.korean"

local ipairs, next, math, table, utf8 = ipairs, next, math, table, utf8
local add, common_in = base.add, kb_mod.common_in
local ARABIC_CLITICS, HANGUL_BREAK, space_gap = toks.ARABIC_CLITICS, toks.HANGUL_BREAK, toks.space_gap
local is_hangul, hangul_stem, hangul_org, any_cue = toks.is_hangul, toks.hangul_stem, toks.hangul_org, toks.any_cue
local is_bengali, bengali_stem, word_ending = toks.is_bengali, toks.bengali_stem, toks.word_ending
local is_calendar = toks.is_calendar

local M = {}

-- folded_set(words) -> a set of the words, folded
local function folded_set(words)
  local t = {}
  for _, w in ipairs(words) do t[base.fold(w)] = true end
  return t
end

-- deva_inflected(w): a Devanagari word in an oblique plural or with an
-- attached plural ending (गांवों, लोगों, बातें; after a vowel सभाओं, सभाएं):
-- a common noun, no given name
local function deva_inflected(w)
  local t = w:sub(-6)
  return t == "\224\165\139\224\164\130" or t == "\224\165\135\224\164\130"
    or t == "\224\164\147\224\164\130" or t == "\224\164\143\224\164\130"
end

-- deva_adjective(w): a Devanagari adjective in -ीय (Sanskrit -īya: राष्ट्रीय,
-- त्रिस्तरीय, स्थानीय, क्षेत्रीय), four letters or more: no word of a person's
-- or a place's name (त्रिस्तरीय | पंचायत चुनाव); an organisation's name holds
-- such words (राष्ट्रीय जनता दल) and is not asked
local IYA = "\224\165\128\224\164\175"
local function deva_adjective(w)
  return w:sub(-6) == IYA and utf8.len(w) >= 4
end

-- uncovered(w, covered): a window taken backwards from a tail, cut before
-- the first word of a name already found after a title: the tail's name
-- does not swallow the person (प्रधानमंत्री X Y | कांग्रेस ...); venue: a
-- venue's tail, which takes a name found by its given name alone (marked
-- "given"): the venue is named after the person (X Y स्टेडियम, X Y मार्ग)
local function uncovered(w, covered, venue)
  for x = 1, #w do
    if covered[w[x]] and not (venue and covered[w[x]] == "given") then
      for y = #w, x, -1 do w[y] = nil end
      break
    end
  end
  return w
end

-- names in scripts without case, after a title or before a title_after

local function known(kb, key)
  local e = kb.names[key]
  return e and (e.given or e.surname)
end

-- the name inside an Arabic-script word with a proclitic (و ف ب ل ك):
-- `ومحمد` -> `محمد`, only when the word itself is no known name (`كريم`)
-- (and Hebrew ו: `ויאיר` -> `יאיר`)
local HE_VAV = "\215\149"
local function clitic_name(kb, key)
  if #key > 4 and not known(kb, key) then
    if (ARABIC_CLITICS[key:sub(1, 2)] or key:sub(1, 2) == HE_VAV) and known(kb, key:sub(3)) then return key:sub(3) end
  end
  return nil
end

-- Arabic word shapes: the article ال, alone or after و (`والصناعة`), and
-- a preposition joined to the article (بال، لل، كال، فال: `بالسجن`)
local AL = "\216\167\217\132"   -- ال
local WA = "\217\136"             -- و
local function definite(key)
  return key:sub(1, 4) == AL or (key:sub(1, 2) == WA and key:sub(3, 6) == AL)
end
local function prep_article(key)
  local c1, rest = key:sub(1, 2), key:sub(3)
  return #key > 6 and (c1 == "\216\168" or c1 == "\217\132" or c1 == "\217\131" or c1 == "\217\129")
    and (rest:sub(1, 4) == AL or (c1 == "\217\132" and rest:sub(1, 2) == "\217\132"))
end

-- fa_plural(key): a Persian word with the plural suffix ـها or ـهای (its
-- ezafe), written onto it or after a zero-width non-joiner
local function fa_plural(key)
  if utf8.len(key) < 4 then return false end
  return key:sub(-4) == "\217\135\216\167" or key:sub(-6) == "\217\135\216\167\219\140"
    or key:sub(-6) == "\217\135\216\167\217\138"
end

-- Hebrew: a word whose prefixes the gazetteer split off to find a place
-- (ב|ירושלים, ומ|עזה, ל|תל אביב: csrc/matcher_scan.c, docs/inflection.md),
-- or a preposition ב ל מ כ on a word that is a stop word or an everyday word
-- of the name lists (מ|אז, ב|אביב 'in spring') or a plural (ל|צעדים): a place or a phrase, never
-- a word of a person's name; a known name as written stays one (מיכל, ברק)
local HE_PREP = { ["\215\145"] = true, ["\215\156"] = true, ["\215\158"] = true, ["\215\155"] = true }
local function he_not_name(kb, T, k)
  local key = T.f[k]
  if known(kb, key) or #key < 6 then return false end
  local s, P = T.s[k], toks.HEBREW_PREFIXES
  if T.gaz then
    for j = 2, 6, 2 do
      if not P[key:sub(j - 1, j)] or j >= #key then break end
      if T.gaz[s + j] then return true end
    end
  end
  if not HE_PREP[key:sub(1, 2)] then return false end
  local rest = key:sub(3)
  if kb.stop.he and kb.stop.he[rest] then return true end
  -- (ה written after it: ב ל כ take the article into them, so a word of five
  -- letters or more opening בה לה כה מה is an infinitive or a noun with its
  -- article, להפריד, בהודעה, מהבית; not כהן)
  if rest:sub(1, 2) == "\215\148" and utf8.len(key) >= 5 then return true end
  -- (a plural in ים or ות after it: ל|צעדים, ב|שיחות)
  local tail = rest:sub(-4)
  if utf8.len(rest) >= 4 and (tail == "\215\153\215\157" or tail == "\215\149\215\170") then return true end
  local e = utf8.len(rest) >= 3 and kb.names[rest]
  return e and common_in(kb, e, "he") or false
end

-- Arabic regnal ordinals (folded): after a known given name they end the
-- name, though stop word lists hold them (عبد الله الثاني, محمد السادس)
local REGNAL = {}
for _, w in ipairs { "\216\167\217\132\216\167\217\136\217\132",                 -- الاول
                     "\216\167\217\132\216\171\216\167\217\134\217\138",         -- الثاني
                     "\216\167\217\132\216\171\216\167\217\132\216\171",         -- الثالث
                     "\216\167\217\132\216\177\216\167\216\168\216\185",         -- الرابع
                     "\216\167\217\132\216\174\216\167\217\133\216\179",         -- الخامس
                     "\216\167\217\132\216\179\216\167\216\175\216\179" } do     -- السادس
  REGNAL[w] = true
end

-- Arabic elatives (folded) that describe a title's holder (النائب الأكبر
-- سنا 'the oldest member', اللاعب الأفضل): alone after a title, no surname
local ELATIVE = folded_set { "الأكبر", "الأصغر", "الأكثر", "الأقل", "الأعلى", "الأدنى", "الأبرز", "الأفضل",
                             "الأسوأ", "الأخير", "الأقدم", "الأحدث" }

local DEVA_KE = "\224\164\149\224\165\135"   -- के, the postposition and the letter K

-- does word k end a name window (n words taken so far)? lang: the text's
local function window_stop(kb, T, text, k, n, lang)
  local key = T.f[k]
  -- Devanagari: के between an initial (a Latin letter's name) and a known
  -- name is the initial K, no postposition (न्यायमूर्ति सी के राय, एन के सिंह)
  if n > 0 and key == DEVA_KE and k > 1 and k < T.n and kb.letter[T.f[k - 1]] and (T.sp[k] or false)
    and (T.sp[k + 1] or false) and T.sc[k + 1] == "uncased" and known(kb, T.f[k + 1]) then
    return false
  end
  local raw = text:sub(T.s[k], T.e[k])
  -- tanwin (U+064B-U+064D) marks an indefinite word: never a name
  if raw:find("\217[\139-\141]") then return true end
  -- a Devanagari word in the oblique plural (सभाओं, गांवों, बातें) is a
  -- common noun: no word of a person's, a place's or an organisation's name
  if key:byte(1) == 224 and (key:byte(2) == 164 or key:byte(2) == 165) and deva_inflected(key)
    and not known(kb, key) then
    return true
  end
  -- `و` + a name after a name: a second person (محمد وعلي); not another
  -- proclitic, whose word is a family name (أحمد كرامي, كرامي of ك + رامي)
  local arabic = lang == "ar" or lang == "he" or lang == "und" or lang == nil
  if n > 0 and arabic and (key:sub(1, 2) == WA or key:sub(1, 2) == HE_VAV) and clitic_name(kb, key) then return true end
  -- Persian: a plural (ـها, with the ezafe ـهای) is no name's word: the
  -- noun after a name or a title (وزارت امور خارجه | ادعاهای ...)
  if lang == "fa" and fa_plural(key) and not known(kb, key) then return true end
  if lang == "ar" and not known(kb, key) then
    -- a preposition on the article (بالسجن), a coordinated noun (والصناعة)
    if prep_article(key) or (key:sub(1, 6) == WA .. AL and #key > 8) then return true end
    -- ل on a word opening with a hamza on alef: 'for', 'to' (المدير العام
    -- | لإدارة الأزمات); no name opens so (names in أ or إ lose it to the ل)
    if raw:sub(1, 4) == "\217\132\216\165" or raw:sub(1, 4) == "\217\132\216\163" then return true end
    -- و + an unknown word after a name: and-coordination (رشيد وعسل)
    if n > 0 and key:sub(1, 2) == WA and utf8.len(key) >= 4 then return true end
  end
  -- stop words of the text's language (docs/recognition.md); all of them
  -- when the language is unknown or has none (Arabic ذَيْنِ folds like
  -- Urdu ذین, a name)
  local own = lang and lang ~= "und" and kb.stop[lang]
  if own then
    if not own[key] then return false end
  elseif not (kb.stop_any[key] or (kb.stop_iso and kb.stop_iso[key])) then return false end
  -- particles (بن, ابن, initials) stay inside a name even when a stop word
  -- list has them; so does an initial followed by its period (एस.)
  if kb.particle[key] then return false end
  -- (in Devanagari a letter's name, एस. के.: a verb closing a sentence, है. था., is no initial)
  local nxt = T.gap[k + 1]
  local deva = key:byte(1) == 224 and (key:byte(2) == 164 or key:byte(2) == 165)
  if nxt and nxt:sub(1, 1) == "." and utf8.len(raw) <= 2 and (kb.letter[key] or key == DEVA_KE or not deva) then
    return false
  end
  -- a known name is a stop word only when spelled as one: Urdu/Persian
  -- `علی` (Ali) folds like Arabic `على` (on), Arabic `علي` is the name too
  local e = kb.names[key]
  if e and (e.given or e.surname) and not common_in(kb, e, lang) and not kb.stop_raw[raw] then return false end
  return true
end

-- ar_venue_end(kb, T, text, from, first, last, lang) -> the last word of an
-- Arabic place's name after its head (ملعب, استاد, مطار), words first..last
-- taken: up to two definite words more when they are its adjectives or its
-- genitive, as Arabic names its venues (استاد الدفاع [الجوي], ملعب الجوهرة
-- [المشعة], مطار القاهرة [الدولي], استاد برج [العرب]): a nisba adjective in
-- ي or ية, a feminine adjective in ة after a word in ة, or the one definite
-- word after an indefinite first word (the construct state); no stop word,
-- no cue but an organisation's tail (الدولي), no word written without a
-- space before it
local TA_MARBUTA, YA = "\216\169", "\217\138"
-- ar_indefinite_adjective(raw): an Arabic word without the article in a
-- feminine adjective's shape: a nisba in ية (مصرية 'Egyptian') or a
-- participle of the derived stems with alif third (مُفاعِلة: مجاورة
-- 'neighbouring', متاخمة 'bordering').  Not a word in ي: foreign names end
-- so (بلدة كاتي, Kati in Mali)
local AR_MIM, AR_ALIF_CP = 0x0645, 0x0627
local function ar_indefinite_adjective(raw)
  if raw:sub(1, 4) == AL then return false end
  if raw:sub(-4) == YA .. TA_MARBUTA then return true end
  if raw:sub(-2) ~= TA_MARBUTA then return false end
  local n, first, third = 0, nil, nil
  for _, c in utf8.codes(raw) do
    n = n + 1
    if n == 1 then first = c elseif n == 3 then third = c end
  end
  return n >= 5 and first == AR_MIM and third == AR_ALIF_CP
end
local nisba   -- (below)
local function ar_venue_end(kb, T, text, from, first, last, lang)
  local k = last
  while k < T.n and k - last < 2 and (T.sp[k + 1] or false) and T.sc[k + 1] == "uncased" do
    local nx = k + 1
    local raw, prev = text:sub(T.s[nx], T.e[nx]), text:sub(T.s[k], T.e[k])
    local c = from[nx]
    if raw:sub(1, 4) ~= AL or utf8.len(raw) < 4 or window_stop(kb, T, text, nx, 1, lang)
      or (c and (c.title or c.say or c.org_head or c.place_head or c.org_title)) then
      break
    end
    local adj = raw:sub(-2) == YA or raw:sub(-4) == YA .. TA_MARBUTA
    local fem = raw:sub(-2) == TA_MARBUTA and prev:sub(-2) == TA_MARBUTA
    local genitive = k == first and first == last and prev:sub(1, 4) ~= AL and not (T.gaz and T.gaz[T.s[k]])
    if not (adj or fem or genitive) then break end
    -- (not the adjective of a country or a city the gazetteer knows, which
    -- says where the venue is: ميناء بندر عباس | الإيراني, مطار X | السعودي)
    if adj and nisba(T, text, nx, raw:sub(-4) == YA .. TA_MARBUTA) then break end
    k = nx
  end
  return k
end

-- ar_prep_pronoun(raw): an Arabic word of five letters or more written
-- with the preposition ب or ل and a pronoun suffix ه, ها or هم (بحصوله,
-- لمنصبه, بقولها): a preposition's noun, never a name
local HA, MIM = "\217\135", "\217\133"
local function ar_prep_pronoun(raw)
  local c1 = raw:sub(1, 2)
  if not (c1 == "\216\168" or c1 == "\217\132") or utf8.len(raw) < 5 then return false end
  return raw:sub(-2) == HA or raw:sub(-4) == HA .. "\216\167" or raw:sub(-4) == HA .. MIM
end

-- Persian family-name suffixes (-زاده, -پور, -نژاد, -نیا, -یان; folded, ی as ي): written
-- apart after a name, they are its last word (زمانی نیا, حسن زاده);
-- written onto an unknown third word, it is a family name (امیر عبداللهیان)
local FA_SUFFIX = { "\216\178\216\167\216\175\217\135", "\217\190\217\136\216\177",   -- زاده پور
                    "\217\134\218\152\216\167\216\175", "\217\134\217\138\216\167",   -- نژاد نیا
                    "\217\138\216\167\217\134" }                                              -- یان
local FA_APART = { [FA_SUFFIX[1]] = true, [FA_SUFFIX[2]] = true, [FA_SUFFIX[3]] = true, [FA_SUFFIX[4]] = true }
local function fa_family(key)
  if utf8.len(key) < 5 then return false end
  for _, suf in ipairs(FA_SUFFIX) do
    if key:sub(-#suf) == suf then return true end
  end
  return false
end

-- lang_flag(t, lang): a stop word's flag (kb.light_verb, kb.det) holds in
-- a text of this language (any flag when the language is unknown)
local function lang_flag(t, lang)
  if not t then return false end
  if lang == nil or lang == "und" then return true end
  return t[lang] == true
end

-- is the (folded) word written in Devanagari?
local function is_deva(key)
  if key == "" then return false end   -- a word folding takes whole (a tatweel ـ alone)
  local c = utf8.codepoint(key, 1)
  return c >= 0x0900 and c < 0x0980
end

-- is the (folded) word written in the Arabic script (U+0600-U+06FF: Arabic,
-- Persian, Urdu)?
local function is_arabic(key)
  local b = key:byte(1)
  return b ~= nil and b >= 0xD8 and b <= 0xDB
end

-- uncased_window(...) -> word indexes, and "title" when another title cut it;
-- before: words of the name already taken (a given name before the window)
-- org: an organisation's window, which goes on over another head word
-- written without a proclitic (مجلس شورای اسلامی)
-- acronym_at(kb, T, text, k, lang) -> last word of a spelled-out acronym
-- starting at word k (two letter names or more, پی ڈی ایم اے), when what
-- follows it is no further word of a name (a stop word, punctuation, the
-- end); nil otherwise (ایس ایم ظفر: initials of a name)
local function acronym_at(kb, T, text, k, lang)
  if T.sc[k] ~= "uncased" or not kb.letter[T.f[k]] then return nil end
  local e = k
  while e < T.n and (T.sp[e + 1] or false) and T.sc[e + 1] == "uncased" and kb.letter[T.f[e + 1]] do e = e + 1 end
  if e == k then return nil end
  if e < T.n and (T.sp[e + 1] or false) and T.sc[e + 1] == "uncased"
    and (kb.names[T.f[e + 1]] or not window_stop(kb, T, text, e + 1, 0, lang)) then
    return nil   -- initials or a title's letters before a name (ایس ای محمد مزمل)
  end
  return e
end

-- closing(g): the gap after a word closes a phrase (a comma, Arabic ، or
-- ؛, a period, a colon, a bracket)
local function closing(g)
  return g ~= nil and (g:find("^%s*[,.:;!?)]") ~= nil or g:find("^%s*\216[\140\155]") ~= nil)
end

-- comma_gap(g): the gap is a comma and a space, Latin or Arabic-script (،);
-- closing_comma(g): the gap opens with one
local AR_COMMA = "\216\140"
local function comma_gap(g) return g == ", " or g == AR_COMMA .. " " end
local function closing_comma(g) return g ~= nil and (g:sub(1, 1) == "," or g:sub(1, 2) == AR_COMMA) end

-- comma: the window may start after a comma (a name in apposition)
local function uncased_window(kb, T, text, from, k, dir, max, lang, before, org, comma, venue)
  -- a spelled-out acronym after a title is an organisation, not a name
  -- (ترجمان پی ڈی ایم اے)
  if dir > 0 and acronym_at(kb, T, text, k, lang) then return {}, "stop" end
  local got, n = {}, 0
  while n < max do
    local gi = dir > 0 and k or k + 1   -- the gap before word k (dir>0) or after it
    -- (Devanagari: a number after the words of a name closes it as a stop
    -- word does, शेर बहादुर देउबा 23 अगस्त: the third word is no verb)
    if dir > 0 and #got > 0 and k <= T.n and T.sc[k] == "number" and is_deva(T.f[got[#got]])
      and space_gap(T.gap[k]) then
      return got, "stop"
    end
    if k < 1 or k > T.n or T.sc[k] ~= "uncased" then break end
    local g = T.gap[gi]
    do   -- the first word before a title_after or tail is apart from it too (لاہور(کورٹ)
      -- (and the name after an abbreviated title: ড. X, डॉ. X)
      -- (the abbreviation is the word before the period: k - 1 forwards, k itself backwards)
      local ab = dir > 0 and k - 1 or k
      local initial = g == ". " and (#got > 0 or (dir > 0 and k > 1 and any_cue(from, k - 1)))
        and utf8.len(T.f[ab]) <= (#got > 0 and 2 or 3)
      -- (not a colon in Arabic-script news: وزیر بهداشت: ... opens a quote)
      local opener = dir > 0 and #got == 0 and ((g == ": " and lang ~= "ar" and lang ~= "fa" and lang ~= "ur")
        or g == " - " or (comma and comma_gap(g)))
      -- (a road between two towns, X-Y मार्ग: a venue's window goes on over a hyphen between
      -- Devanagari words, the word before it no word of the count)
      local hyphen = venue and dir < 0 and #got > 0 and g == "-" and is_deva(T.f[k]) and is_deva(T.f[k + 1])
      if not (space_gap(g) or initial or opener or hyphen)
      then
        -- (a forward window closed by punctuation: "punct")
        if dir > 0 and #got > 0 and closing(g) then return got, "punct" end
        break
      end
    end
    local fk = from[k]
    local inner_head = org and fk and fk.org_head and fk.org_head[3] == 0 and not (fk.title or fk.say or fk.org_tail
      or fk.byline or fk.title_after)
    -- (and a window taken backwards from an organisation's tail goes on over
    -- an inner tail: X फर्टिलाइजर्स एंड पेट्रोकेमिकल्स कॉरपोरेशन)
    -- (and so does one from a venue's tail marked `named` over its sponsor's:
    -- X بینک کرکٹ ارینا)
    local inner_tail = (org or venue) and dir < 0 and fk and fk.org_tail and not (fk.title or fk.say or fk.byline
      or fk.title_after or fk.org_head)
    -- (and a venue's window over a place's own tail right before it, which is no word of the count: a
    -- square or a road named after a colony, नेहरू नगर चौक, X नगर रोड)
    local inner_place = venue and dir < 0 and #got == 0 and fk and fk.place_tail and not fk.place_tail[2].outside
      and not (fk.title or fk.say or fk.byline or fk.title_after or fk.org_head or fk.org_tail or fk.place_head)
    if inner_place then inner_tail = true end
    if any_cue(from, k) and not inner_head and not inner_tail then return got, (fk.title and "title" or "cue") end
    -- an administrative word (a place_head marked `outside`: استان, شهرستان,
    -- روستای, ضلع) is no word of a person's or a place's name: a place's
    -- name follows it (فرماندار | شهرستان X, روستای | دهستان X); an
    -- organisation goes on with its province (دادگاه کیفری استان تهران)
    if not org and fk and fk.place_head and fk.place_head[2].outside then return got, "cue" end
    -- a place's generic word after the name (a venue's द्वार, मंदिर, स्टेडियम,
    -- an administrative थाना, गांव) is no word of a person's name: the words
    -- before it name the place (बजरंग | द्वार, not a person बजरंग द्वार)
    if dir > 0 and not org and fk and fk.place_tail and not fk.title then return got, "cue" end
    -- Devanagari: an unknown word right before an administrative word marked
    -- `outside` (थाना, जिले, गांव, प्रखंड, पंचायत) is that place's name, no
    -- further word of a person's (पवन | मुफस्सिल थाना क्षेत्र); a known name
    -- there stays (X कुमार थाने पहुंचे), and so does a word before निवासी, which
    -- is a title too (X पुत्र Y निवासी Z: the resident rule decides); so is the first word after a
    -- title (जिलाधिकारी | [X] विकास खण्ड के गांव में: the officer's area, no person)
    if dir > 0 and not org and k < T.n and (T.sp[k + 1] or false) and is_deva(T.f[k])
      and from[k + 1] and from[k + 1].place_tail and from[k + 1].place_tail[2].outside
      and not from[k + 1].title and not known(kb, T.f[k]) then
      return got, "stop"
    end
    -- a regnal ordinal after a known given name is the name's last word
    -- (or after a theophoric compound's last word, عبد الله الثاني)
    if dir > 0 and not org and (#got > 0 or before) and lang == "ar" and REGNAL[T.f[k]]
      and (known(kb, T.f[k - 1]) or toks.THEOPHORIC[T.f[k - 1]]) then
      got[#got + 1] = k
      return got, "stop"
    end
    -- (an Arabic organisation's name goes on over و and a definite word
    -- after a definite one: حزب العدالة والتنمية, وزارة التجارة والصناعة)
    -- (the first word after a title may be a given name that stop lists
    -- hold as a word, before a definite or known word: الشيخ صباح الخالد)
    local e = dir > 0 and not org and #got == 0 and not before and lang == "ar"
      and k < T.n and (T.sp[k + 1] or false) and kb.names[T.f[k]]
    local given_first = e and e.given and (definite(T.f[k + 1]) or known(kb, T.f[k + 1]))
      and not window_stop(kb, T, text, k + 1, 1, lang)
    if not org and is_deva(T.f[k]) and deva_adjective(T.f[k]) and not known(kb, T.f[k]) then
      return got, "stop"
    end
    if not given_first and not inner_place and window_stop(kb, T, text, k, #got + (before or 0), lang)
      and not (org and #got > 0 and lang_flag(kb.stop_person[T.f[k]], lang))
      and not (org and lang == "ar" and #got > 0 and dir > 0 and T.f[k]:sub(1, 6) == WA .. AL and #T.f[k] > 8
        and definite(T.f[got[#got]]) and not any_cue(from, k)) then
      return got, "stop"
    end
    -- (Hebrew: not inside an organisation's name, where כחול לבן, בית לחם hold such words)
    if lang == "he" and not org and he_not_name(kb, T, k) then return got, "stop" end
    -- (Hebrew: one letter before a hyphen is a prefix on a number, בן ה-39)
    if lang == "he" and #T.f[k] == 2 and k < T.n and T.gap[k + 1] == "-" then return got, "stop" end
    -- the noun of a compound verb (معرفی شد, استعفا کرد): no name's word
    -- (not a family-name suffix written apart: احمدی نژاد شد)
    if dir > 0 and k < T.n and (T.sp[k + 1] or false) and lang_flag(kb.light_verb[T.f[k + 1]], lang)
      and not (#got > 0 and (lang == "fa" or lang == "ur") and FA_APART[T.f[k]]) then
      return got, "stop"
    end
    -- Korean: a word with a case particle (미국의, 회사는) is not inside a name
    local key = T.f[k]
    -- nor an organisation (더불어민주당 이재명 대표) or a place (바이든 미국 대통령)
    if dir < 0 and is_hangul(key) and (hangul_stem(key, 2, HANGUL_BREAK) or hangul_stem(key, 3)
      or hangul_org(kb, key) or (T.places and T.places[T.s[k]])) then
      break
    end
    -- Bengali: nor a word with a case ending (সচিবালয়ে | তথ্য মন্ত্রণালয়)
    if dir < 0 and is_bengali(key) and bengali_stem(key, true) and not known(kb, key) then break end
    got[#got + 1] = k
    -- a particle and the word after it count as one word of the window
    -- (محمد بن زايد آل نهيان), up to twice the words
    if not (kb.particle[key] and dir > 0 and #got < 2 * max) and not inner_place
      and not (venue and dir < 0 and k > 1 and T.gap[k] == "-" and is_deva(key) and is_deva(T.f[k - 1])) then
      n = n + 1
    end
    -- Bengali: a word with a case ending is a name's last (হকের | বক্তব্যের)
    if dir > 0 and is_bengali(key) and bengali_stem(key, true) and not known(kb, key) then return got, "stop" end
    k = k + dir
  end
  return got
end

-- a name that starts a person with no cue must be in a list of the text's
-- language (Arabic بندر is a given name, Persian بندر a port)
local function own_name(e, lang)
  return lang == nil or lang == "und" or e.langs == nil or e.langs[lang] == true
end

-- the patronymic particles (بن, ابن, بنت): the name after them is one word
local PATRONYMIC = { ["\216\168\217\134"] = true, ["\216\167\216\168\217\134"] = true,
                     ["\216\168\217\134\216\170"] = true }

-- surname_in(e, lang): the name entry is a surname in the list of the
-- text's language (any list when the language is unknown or has none)
local function surname_in(e, lang)
  if not e.surname then return false end
  if lang == nil or lang == "und" or not e.surname_langs or not e.langs or not e.langs[lang] then return true end
  return e.surname_langs[lang] == true
end

-- Persian سید (folded: سيد), the honorific written onto a given name
local SAYYID = "\216\179\217\138\216\175"

-- the entry of a compound given name opened by عبد (no list holds them all)
local ABD = "\216\185\216\168\216\175"
local COMPOUND_GIVEN = { given = true }

-- Arabic particles that open a compound given name (عبد الله, أبو بكر)
local COMPOUND_OPENER = { ["\216\185\216\168\216\175"] = true,                       -- عبد
                          ["\216\167\216\168\217\136"] = true }                       -- ابو (أبو folded)

-- name_shaped(kb, key): an Arabic word after a compound given name that may
-- be the name's last: a known name, an indefinite word that has no verb's
-- imperfect prefix ي (تبون, بوتفليقة; not يستقبل), or a definite nisba in ي
-- (السيسي, الثاني); a definite noun is the verb's object (عبد الحليم الاجتماع)
local function name_shaped(kb, key)
  if known(kb, key) then return true end
  if key:sub(1, 4) == AL then return utf8.len(key) >= 5 and key:sub(-2) == "\217\138" end
  return key:sub(1, 2) ~= "\217\138" and utf8.len(key) >= 3
end

-- how many words of a window after a title or a given name are the name:
-- two (three before a stop word), then more while they are known names or
-- follow a particle or end a theophoric compound (نور الدين, عطية الله);
-- never ending on a particle
local function window_len(kb, T, w, why, lang)
  local len = math.min(#w, 2)
  -- three words closed by a stop word: a three-word name (गुयेन मान हंग ने,
  -- رجب طيب أردوغان أن); in the verb-final languages two known names and a
  -- third word are a name and a verb (آقای حمید رضایی استقبال کرد)
  -- Arabic: unless the second is a known surname (مراد الحلبي | الفريق, the
  -- object after a verb-first sentence's subject), and closed by punctuation
  -- too (الدكتور يوسف محمد السركال،); not in Hebrew, where the verb follows
  -- the name (השר X Y נסע)
  local e2 = #w == 3 and kb.names[T.f[w[2]]]
  if #w == 3 and (why == "stop" or (lang == "ar" and why == "punct"))
    and ((lang == "ar" and not (e2 and e2.surname and not e2.given))
      or (lang ~= "ar" and lang ~= "he" and not (known(kb, T.f[w[1]]) and known(kb, T.f[w[2]])))) then len = 3 end
  -- Urdu and Hindi: three words closed by a comma or a period are a
  -- three-word name (ڈاکٹر انس اقبال گورائیہ، ...): no verb stands there
  if #w == 3 and why == "punct" and (lang == "ur" or lang == "hi") then len = 3 end
  -- Hindi: three words closed by another title are a three-word name too (वार्ड पार्षद X सिंह Y
  -- पार्षद ने ...): the verb comes after the second title
  if #w == 3 and why == "title" and lang == "hi" then len = 3 end
  -- Persian: two given names that are no surnames are a compound given
  -- name (محمد جواد, علی اکبر): the word after them is the surname, known or
  -- not (محمد جواد ظریف), unless it is a given name too (a second person)
  -- (a surname of another language's list does not count: Urdu lists علی)
  if lang == "fa" and len == 2 and #w >= 3 then
    local g1, g2, e3 = kb.names[T.f[w[1]]], kb.names[T.f[w[2]]], kb.names[T.f[w[3]]]
    local k3 = T.f[w[3]]
    if g1 and g1.given and not surname_in(g1, lang) and g2 and g2.given and not surname_in(g2, lang)
      and not (e3 and e3.given) and (why == "punct" or closing(T.gap[w[3] + 1]) or (e3 and e3.surname)
        or fa_family(k3) or k3:sub(-2) == "\217\138") then
      len = 3
    end
  end
  -- Arabic: a compound given name opening with عبد or أبو is one word of
  -- the name, as the window counted it: the word after it is the name's
  -- second (عبد العزيز بوتفليقة, عبد المجيد تبون), unless it has the shape
  -- of a verb or of a definite noun (عبد الحليم | الاجتماع; a nisba in ي,
  -- a known name stay: عبد الله الثاني, عبد الفتاح السيسي)
  -- (the proclitic و on it stays outside: وعبد المجيد تبون)
  local w1 = #w >= 3 and T.f[w[1]]
  local opener = w1 and (COMPOUND_OPENER[w1] or (w1:sub(1, 2) == WA and COMPOUND_OPENER[w1:sub(3)]))
  if lang == "ar" and len == 2 and #w >= 3 and opener and not kb.particle[T.f[w[3]]]
    and name_shaped(kb, T.f[w[3]]) then
    len = 3
  end
  local k = 3
  while k <= #w do
    if known(kb, T.f[w[k]]) or kb.particle[T.f[w[k - 1]]] or (len == k - 1 and toks.THEOPHORIC[T.f[w[k]]])
      or ((lang == "fa" or lang == "ur") and len == k - 1
        and (FA_APART[T.f[w[k]]] or (k == 3 and fa_family(T.f[w[k]])))) then
      len = k
    elseif kb.particle[T.f[w[k]]] and k < #w then len = k + 1; k = k + 1
    else break end
    k = k + 1
  end
  -- Arabic: a compound with a particle counts as one word (عبد العزيز), so a
  -- word after it closed by a stop word or punctuation is the name's last
  -- (أحمد عبد العزيز X، ...; عبد المجيد X before another title); not after
  -- a patronymic, where a further word must be known (حمد بن راشد | بوفد)
  if lang == "ar" and len == #w - 1 and len >= 2
    and (why == "stop" or why == "punct" or why == "title" or closing(T.gap[w[#w] + 1]))
    and kb.particle[T.f[w[len - 1]]] and not kb.particle[T.f[w[#w]]]
    and (not PATRONYMIC[T.f[w[len - 1]]] or definite(T.f[w[#w]])) then
    -- (after a patronymic only a definite family name: صالح بن محمد النابت
    -- وزير ..., not حمد بن راشد | بوفد)
    len = #w
  end
  while len > 0 and kb.particle[T.f[w[len]]] do len = len - 1 end
  return len
end

-- Arabic: is the definite word k a nisba adjective of a gazetteer place
-- (السعودي of السعودية, الإيراني of إيران, الأمريكي of أمريكا, السوري of
-- سوريا, الجزائري of الجزائر)?  After a title it is the title's
-- complement, no surname (وزير الخارجية السعودي, الوزير المصري)
-- (fem: the feminine in ية, السعودية of a venue, read as its masculine)
function nisba(T, text, k, fem)
  if not T.place_name then return false end
  local raw = text:sub(T.s[k], T.e[k])
  if fem and raw:sub(-2) == TA_MARBUTA then raw = raw:sub(1, -3) end
  if raw:sub(1, 4) ~= AL or raw:sub(-2) ~= YA or utf8.len(raw) < 5 then return false end
  local stem = raw:sub(5, -3)
  for _, c in ipairs { stem, stem .. "\216\167", stem .. YA .. "\216\167", AL .. stem,
                        AL .. stem .. YA .. "\216\169" } do   -- X, Xا, Xيا, الX, الXية
    if T.place_name(c) then return true end
  end
  return false
end

-- Arabic: is the indefinite word k the adjective of a place (مغربية of
-- المغرب, مصري of مصر, سعودية)?  After an organisation's head alone it
-- makes a common noun (مؤسسة مغربية 'a Moroccan institution'), no name
local function indef_nisba(T, text, k)
  if not T.place_name then return false end
  local raw = text:sub(T.s[k], T.e[k])
  if raw:sub(1, 4) == AL then return false end
  local stem
  if raw:sub(-4) == YA .. "\216\169" then stem = raw:sub(1, -5)
  elseif raw:sub(-2) == YA then stem = raw:sub(1, -3) end
  if not stem or utf8.len(stem) < 3 then return false end
  for _, c in ipairs { stem, AL .. stem, stem .. "\216\167", stem .. YA .. "\216\167" } do
    if T.place_name(c) then return true end
  end
  return false
end

-- Persian: is word k the adjective of a country or continent the gazetteer
-- knows (گرجستانی of گرجستان, آمریکایی of آمریکا, اروپایی of اروپا)? Only
-- stems in ـستان or a vowel, whose adjectives are no family names (a city's
-- adjective is one: تهرانی, شیرازی)
local FA_YA, FA_ALEF = "\219\140", "\216\167"
local FA_STAN = "\216\179\216\170\216\167\217\134"   -- ستان
local function fa_demonym(T, text, k)
  if not T.place_name then return false end
  local raw = text:sub(T.s[k], T.e[k])
  if (raw:sub(-2) ~= FA_YA and raw:sub(-2) ~= "\217\138") or utf8.len(raw) < 5 then return false end
  local stem = raw:sub(1, -3)
  if stem:sub(-#FA_STAN) == FA_STAN then return T.place_name(stem) end
  -- (یی after a vowel: آمریکا|یی, اروپا|یی)
  if (stem:sub(-2) == FA_YA or stem:sub(-2) == "\217\138") and stem:sub(-4, -3) == FA_ALEF then
    return T.place_name(stem:sub(1, -3))
  end
  return false
end

-- Arabic organisation names after a head word: a construct chain of
-- indefinite nouns up to the first definite one (`محكمة جنايات جنوب
-- الجيزة`), then only definite adjectives (`وكالة الأنباء الرسمية`); a
-- definite head takes definite words only (`المحكمة العليا`); a preposition
-- joined to the article ends the name
local function arabic_org_words(T, w, head_key, head)
  local got, def = {}, definite(head_key)
  for _, k in ipairs(w) do
    local key = T.f[k]
    local d = definite(key)
    if def and not d then break end
    if not d and prep_article(key) then break end
    -- after a place the gazetteer knows, only an adjective in ي or ية
    -- (جامعة القاهرة | الإصدارات; مطار القاهرة الدولي)
    -- (or after an organisation the gazetteer knows from the head on)
    local prev = got[#got]
    local named = prev and ((T.gaz and T.gaz[T.s[prev]] == T.e[prev])
      or (head and T.orgs and T.orgs[T.s[head]] == T.e[prev]))
    if named and not (key:sub(-2) == YA or key:sub(-4) == YA .. "\217\135"
      or key:sub(-4) == YA .. "\216\169") then
      break
    end
    got[#got + 1] = k
    if d then def = true end
  end
  return got
end

-- Hebrew organisation names after a head in the construct state: a
-- definite word (the article ה, also after the conjunction: והספורט) and
-- then definite words only (`בית המשפט העליון`, `משרד התרבות והספורט`;
-- after a definite head too: `הוועדה | תמר`), or a place the gazetteer
-- knows (`הפועל באר שבע`);
-- proper names without the article before it (`בנק ישראל`, `עיריית תל
-- אביב`); the verb after the name has no article (`... העליון דחה`)
local HE_HE = "\215\148"
local HE_OF = "\215\169\215\156"   -- של
local HE_KAF = "\215\155"   -- כ
local HE_FORMER = "\215\156\215\169\215\162\215\145\215\168"   -- לשעבר
local function hebrew_definite(key)
  return utf8.len(key) >= 3 and (key:sub(1, 2) == HE_HE or (key:sub(1, 2) == HE_VAV and key:sub(3, 4) == HE_HE))
end
local function hebrew_org_words(T, w, head_key)
  local got, def = {}, hebrew_definite(head_key)
  for _, k in ipairs(w) do
    local d = hebrew_definite(T.f[k])
    if def and not d and not (T.gaz and T.gaz[T.s[k]]) then break end
    got[#got + 1] = k
    if d then def = true end
  end
  return got
end

-- letters_word(kb, key): a spelled-out acronym written as one word in
-- Bengali (বিএনপি): three letter names or more and nothing else.  Not in
-- Devanagari: there such words were products and leagues as often
-- (एसएसएलवी, आईपीएल; Hindi dev ALL 0.778 -> 0.724)
local function letters_word(kb, key)
  if not is_bengali(key) then return false end
  local n, got = #key, { [1] = 0 }
  for p = 1, n do
    if got[p] then
      for q = p + 2, math.min(n, p + 17), 3 do   -- a letter's name: one to six characters
        if got[q + 1] == nil and kb.letter[key:sub(p, q)] then got[q + 1] = got[p] + 1 end
      end
    end
  end
  return (got[n + 1] or 0) >= 3
end

-- deva_initials(kb, key): a Devanagari word of two or three Latin letter
-- names run together, a person's initials before a name (केएल, एमएस, आरपी);
-- के (K, left out of the letter cues as the postposition) counts here
local DEVA_NE = "\224\164\168\224\165\135"   -- ने, the ergative
-- deva_agent(T, text, i): word i is followed by the ergative ने or by सरकार
-- 'government' (मोदी सरकार, कमलनाथ सरकार: the government its head leads)
local DEVA_SARKAR = "\224\164\184\224\164\176\224\164\149\224\164\190\224\164\176"
local function deva_agent(T, text, i)
  if i >= T.n or not (T.sp[i + 1] or false) then return false end
  local nx = text:sub(T.s[i + 1], T.e[i + 1])
  return nx == DEVA_NE or nx == DEVA_SARKAR
end
local function deva_initials(kb, key)
  if not is_deva(key) then return false end
  local n, got = #key, { [1] = 0 }
  for p = 1, n do
    if got[p] then
      for q = p + 2, math.min(n, p + 17), 3 do
        local part = key:sub(p, q)
        if got[q + 1] == nil and (kb.letter[part] or part == DEVA_KE) then got[q + 1] = got[p] + 1 end
      end
    end
  end
  local c = got[n + 1] or 0
  return c >= 2 and c <= 3
end

-- gaz_whole(T, w, max) -> w: an organisation's window ends with a
-- gazetteer name inside it, whole, or takes one right after a full window
-- (دادگاه کیفری استان تهران, تیم X تهران)
local function gaz_whole(T, w, max)
  local nx = (w[#w] or 0) + 1
  -- (after a full window only a place: an organisation's name ends with
  -- its city, تیم X تهران, not with another organisation, تیم X Y پرسپولیس)
  if #w == max and #w > 0 and nx <= T.n and (T.sp[nx] or false) and T.gaz and T.gaz[T.s[nx]]
    and not (T.orgs and T.orgs[T.s[nx]]) then
    w[#w + 1] = nx
  end
  for x, k in ipairs(w) do
    local ge = T.gaz and T.gaz[T.s[k]]
    if ge then
      local last = k
      while last < T.n and T.e[last + 1] <= ge and T.sc[last + 1] == "uncased" do last = last + 1 end
      if T.e[last] == ge then
        for y = #w, x + 1, -1 do w[y] = nil end
        w[x] = last
      end
      break
    end
  end
  return w
end

-- inside_gaz(T, i): word i is inside a gazetteer name begun before it (the
-- given name اسماعیل of the city ڈیرہ اسماعیل خان opens no person)
local function inside_gaz(T, i)
  if not T.gaz then return false end
  for b = i - 1, math.max(1, i - 3), -1 do
    local ge = T.gaz[T.s[b]]
    if ge and ge >= T.e[i] then return true end
  end
  return false
end

-- gaz_back(T, w): a window taken backwards from a tail whose farthest word
-- ends a gazetteer name begun before it takes that name whole (اسلام آباد
-- پولیس, اسلام آباد ہائی کورٹ with a one- or two-word window)
local function gaz_back(T, w)
  local k = w[#w]
  if not (k and T.gaz) then return w end
  for b = k - 1, math.max(1, k - 3), -1 do
    if T.sc[b] ~= "uncased" or not space_gap(T.gap[b + 1]) then break end
    if T.gaz[T.s[b]] == T.e[k] then
      for x = k - 1, b, -1 do w[#w + 1] = x end
      break
    end
  end
  return w
end

local UNCASED_QUOTES = { { '"', '"' }, { "\194\171", "\194\187" }, { "\226\128\156", "\226\128\157" } }

-- place_list(kb, T, text, from, out, k, lang, least): the names of places
-- after a plural or dual administrative head (`list`: محافظات X، وY، وZ,
-- روستاهای X و Y, اضلاع X، Y اور Z), from word k: items separated by a
-- comma or و (Persian و and Urdu اور as words, Arabic و written onto the
-- next name), each one word or a gazetteer name (two words when a comma
-- follows the second, وبني حسن،; in Persian and Urdu also the conjunction
-- or a stop word, قلد السبع در); none is taken unless the list
-- has `least` items (min=N, default 3) or two with a gazetteer place among
-- them: a plural head before one or two words is mostly before adjectives
-- (مدن كبيرة, روستاهای محروم و دورافتاده)
local AUR = "\216\167\217\136\216\177"   -- اور
-- the compass words, with and without the article, are no item of a list
-- (استان‌های جنوب غرب، غرب و شمال غرب; مدن الشمال والجنوب): the parts of
-- a country, named as the places after them are (جنوب لبنان: لبنان)
local COMPASS = folded_set { "شمال", "جنوب", "شرق", "غرب", "الشمال", "الجنوب", "الشرق", "الغرب" }
-- a_comma(T, j): the gap before word j is a comma
local function a_comma(T, j)
  local g = j <= T.n and T.gap[j]:gsub("%s", "")
  return g == "," or g == AR_COMMA
end
-- (mid: word k follows a comma after the list's previous item; a stop word
-- there with a comma after it is an item all the same, a district named like
-- a word between two commas: اضلاع چترال، دیر، سوات, Urdu دیر 'late')
local function list_item(kb, T, text, from, k, lang, off, mid)
  local start = T.s[k] + off
  local ge = T.gaz and T.gaz[start]
  if ge then
    local last = k
    while last < T.n and T.e[last + 1] <= ge do last = last + 1 end
    if T.e[last] ~= ge then return nil end
    return start, ge, last + 1, true
  end
  -- (with و written onto it, the word after it: window_stop takes والمندق
  -- for a coordinated noun, here the list's next item)
  local stops = lang and kb.stop[lang]
  if T.sc[k] ~= "uncased" or from[k] or utf8.len(text:sub(start, T.e[k])) < 2
    or COMPASS[T.f[k]:sub(off + 1)]
    or (off > 0 and stops and stops[T.f[k]:sub(off + 1)]) then
    return nil
  end
  if off == 0 and window_stop(kb, T, text, k, 0, lang) then
    if not (mid and stops and stops[T.f[k]] and a_comma(T, k + 1)) then return nil end
    return start, T.e[k], k + 1, false
  end
  local last, n2 = k, k + 1
  -- (two words when a comma follows the second, in Arabic when no و is
  -- written onto it; in Persian and Urdu also the conjunction or a stop
  -- word, قلد السبع در; not before a period, where the verb ends the sentence)
  local gn = n2 < T.n and T.gap[n2 + 1]:gsub("%s", "")
  local two = gn == "," or gn == AR_COMMA
  if lang == "ar" then
    two = two and T.f[n2]:sub(1, 2) ~= WA
    -- (and before the list's next item with و written onto it, بلديات X
    -- وحاسي مفسوخ | وسيدي ...; a patronymic particle takes the word after
    -- it, سيدي بن يبقى)
    local nn = n2 + 1
    if n2 < T.n and T.f[n2]:sub(1, 2) ~= WA and T.gap[nn] == " " and T.f[nn]:sub(1, 2) == WA
      and utf8.len(T.f[nn]) >= 3 then
      two = true
    end
    if n2 < T.n and PATRONYMIC[T.f[n2]] and (T.sp[n2] or false) and (T.sp[nn] or false)
      and T.sc[nn] == "uncased" and not from[nn] and not window_stop(kb, T, text, nn, 1, lang) then
      return start, T.e[nn], nn + 1, false
    end
  else
    two = two or (gn == "" and (T.f[n2 + 1] == WA or T.f[n2 + 1] == AUR or window_stop(kb, T, text, n2 + 1, 0, lang)))
    -- (not a light verb's noun, X و گرمه | ارزیابی شدند: the verb's, no name's)
    two = two and not (n2 < T.n and lang_flag(kb.light_verb[T.f[n2 + 1]], lang))
  end
  if two and (T.sp[n2] or false) and T.sc[n2] == "uncased" and not from[n2]
    and not window_stop(kb, T, text, n2, 0, lang) then
    last = n2
  end
  return start, T.e[last], last + 1, false
end

-- Hindi and: और, व, एवं, तथा (a list after a plural head, सीटों X, Y और Z; deva_list_places below)
local DEVA_AND = { ["\224\164\148\224\164\176"] = true,                                   -- और
                   ["\224\164\181"] = true,                                                 -- व
                   ["\224\164\143\224\164\181\224\164\130"] = true,                   -- एवं
                   ["\224\164\164\224\164\165\224\164\190"] = true }                  -- तथा
-- the English word 'New' in Devanagari (न्यू)
local DEVA_NEW = "\224\164\168\224\165\141\224\164\175\224\165\130"
local function place_list(kb, T, text, from, out, k, lang, least)
  local items, ngaz, off = {}, 0, 0
  -- (a list joined by و alone ends at a comma: محافظات X وY وZ، ومحافظا ...
  -- goes on with another clause)
  local bare_wa = false
  while k and k <= T.n and #items < 12 do
    local a, z, nx, gz = list_item(kb, T, text, from, k, lang, off, #items > 0 and off == 0 and a_comma(T, k))
    if not a then break end
    items[#items + 1] = { a, z, gz }
    if gz then ngaz = ngaz + 1 end
    k, off = nil, 0
    if nx <= T.n then
      local g = T.gap[nx]:gsub("%s", "")
      local comma = g == "," or g == AR_COMMA
      local wa = lang == "ar" and T.f[nx]:sub(1, 2) == WA and utf8.len(T.f[nx]) >= 3
        and not (T.gaz and T.gaz[T.s[nx]])
      if comma and bare_wa then
        k = nil
      elseif (g == "" or comma) and wa then
        k, off = nx, 2
        bare_wa = bare_wa or g == ""
      elseif g == "" and (T.f[nx] == WA or T.f[nx] == AUR or DEVA_AND[T.f[nx]]) and nx < T.n
        and (T.sp[nx + 1] or false) then
        k = nx + 1
        bare_wa = lang == "ar"
      elseif comma then
        k = nx
      end
    end
  end
  if #items < (least or 3) and not (#items >= 2 and ngaz > 0) then return end
  for _, it in ipairs(items) do
    if not it[3] then add(out, text, it[1], it[2], "place", "cue:place_head") end
  end
end

-- apart_suffix(kb, lang, key) -> the least letters of the word before it
-- when the folded word key is a town's ending of the language's
-- place_suffix list marked `apart` (Urdu آباد); nil otherwise
local function apart_suffix(kb, lang, key)
  for _, sf in ipairs(lang and kb.place_suffix[lang] or {}) do
    if sf[3] and key == sf[1] then return sf[2] end
  end
  return nil
end

-- quoted_name(kb, T, text, k, lang): the byte range of a short name in quotes
-- that opens at word k (a place's head before it: بخش «X», شهر «Y»), up to
-- three words on one line with no punctuation inside; nil otherwise
local function quoted_name(kb, T, text, k, lang)
  local g = T.gap[k]
  local close
  for _, qq in ipairs(UNCASED_QUOTES) do
    local p0, p1 = g:find(qq[1], 1, true)
    if p0 and g:sub(1, p0 - 1):find("^%s*$") and g:sub(p1 + 1):find("^%s*$") then close = qq[2]; break end
  end
  if not close then return nil end
  local a0 = T.s[k]
  local z = text:find(close, a0, true)
  local inner = z and text:sub(a0, z - 1)
  if not inner or #inner >= 80 or inner:find("[\n,.:;!?]") or inner:find("\216\140", 1, true)
    or inner:find("%s$") or window_stop(kb, T, text, k, 0, lang) then
    return nil
  end
  local nw = 1
  for _ in inner:gmatch("%s+") do nw = nw + 1 end
  if nw > 3 then return nil end
  return a0, z - 1
end

-- a text of unknown language (a headline, a short item: langid gives
-- `und`) written in Hebrew letters, with no Yiddish ligature (װ ױ ײ) and no
-- Arabic letter, is Hebrew for the rules below
local function hebrew_text(text)
  return text:find("\215[\144-\170]") ~= nil and not text:find("\215[\176-\178]")
    and not text:find("[\216-\219][\128-\191]")
end

-- Korean titles of a byline, after its names (김성식 권진영 기자)
local BYLINE_KO = { ["기자"] = true, ["특파원"] = true }

-- deva_age(T, text, i): word i is followed by a person's age: उम्र or आयु
-- and a number, a number in brackets ((24), (24 वर्ष)), or a number and
-- वर्षीय ('-year-old')
local AGE_WORD = { ["\224\164\137\224\164\174\224\165\141\224\164\176"] = true,       -- उम्र
                   ["\224\164\134\224\164\175\224\165\129"] = true }                       -- आयु
local VARSHIYA = "\224\164\181\224\164\176\224\165\141\224\164\183\224\165\128\224\164\175"   -- वर्षीय
local function deva_age(T, text, i)
  local j = i + 1
  if j > T.n then return false end
  local g = T.gap[j]
  if (T.sp[j] or false) and AGE_WORD[T.f[j]] then
    return j < T.n and T.sc[j + 1] == "number" and (T.sp[j + 1] or false)
  end
  if T.sc[j] ~= "number" then return false end
  if g:find("^ ?%($") then return true end
  return (T.sp[j] or false) and j < T.n and (T.sp[j + 1] or false) and text:sub(T.s[j + 1], T.e[j + 1]) == VARSHIYA
end

-- "of" as Hindi and Urdu write English names (बैंक ऑफ इंडिया, بینک آف پاکستان)
local OF_WORD = { ["\224\164\145\224\164\171"] = true, ["\224\164\134\224\164\171"] = true,
                  ["\216\162\217\129"] = true, ["\216\167\217\129"] = true }

-- deva_list_places(kb, T, text, from, out, lang): in a list written with
-- commas and a last `और`/`व`/`एवं`/`तथा` (districts of a weather alert, towns
-- of a pilgrimage, villages of a survey: कोटा, बूंदी, X, झालावाड़ और टोंक), a
-- one-word item the gazetteer lacks is a place too when the gazetteer knows
-- at least two items and half of them as places; not a stop word, a cue, a
-- known name or an oblique plural (हांडी, बाटी, गिलास: no places, no list)
-- (DEVA_AND above)
-- A list that closes with 'and other' or 'including' and a plural of places (X, Y, Z आदि
-- पंचायतों, X, Y समेत विभिन्न गांवों में, X, Y और Z जिलों में) names places whatever the gazetteer
-- knows of it: the closing words (folded), the quantifiers that may stand between, the plurals
local LIST_CLOSE = folded_set { "आदि", "इत्यादि", "समेत", "सहित" }
local LIST_QUANT = folded_set { "विभिन्न", "कई", "अन्य", "सभी", "दर्जनों", "अनेक" }
local LIST_PLACES = folded_set { "गांवों", "गांवो", "गाँवों", "पंचायतों", "पंचायतो", "जिलों", "ज़िलों",
  "जिलो", "इलाकों", "इलाको", "क्षेत्रों", "क्षेत्रो", "प्रखंडों", "शहरों", "मोहल्लों", "कस्बों",
  "राज्यों", "देशों", "प्रदेशों", "स्थानों", "जगहों", "टोलों" }
-- (and a list whose last item `और` joins closes with one administrative word for all of them:
-- X, Y, Z एवं W प्रखंड में, X और Y जिले के)
local LIST_ADMIN = folded_set { "प्रखंड", "प्रखण्ड", "ब्लॉक", "ब्लाक", "जिले", "जिला", "ज़िले", "ज़िला",
  "तहसील", "थाना", "थाने", "थानों", "गांव", "गाँव", "पंचायत", "अनुमंडल" }
local function closed_by_places(T, k, joined)
  if joined and k <= T.n and LIST_ADMIN[T.f[k]] then return true end
  if k <= T.n and LIST_CLOSE[T.f[k]] then k = k + 1 end
  if k <= T.n and LIST_QUANT[T.f[k]] then k = k + 1 end
  return k <= T.n and LIST_PLACES[T.f[k]] == true
end
-- Persian and Urdu lists likewise, with the Arabic comma and و or اور (districts of a flood,
-- countries of a delegation: X، Y، مظفر گڑھ، Z اور راجن پور), each the words of one item; no
-- closing words counted there
local ARAB_AND = { [WA] = true, ["\216\167\217\136\216\177"] = true }   -- و, اور
local function deva_list_places(kb, T, text, from, out, lang)
  local gaz, ids = T.gaz, T.gaz_ids
  if not (gaz and ids) then return end
  local deva = lang == "hi"
  local function script(k)
    if deva then return is_deva(T.f[k]) end
    return is_arabic(T.f[k])   -- (not T.f[k]:byte(1): a tatweel ـ alone folds to "")
  end
  local function comma(g)
    if deva then return g == ", " or g == "," end
    g = g:gsub("%s", "")
    return g == "," or g == AR_COMMA
  end
  local AND = deva and DEVA_AND or ARAB_AND
  -- the item at word k: its last word and whether the gazetteer has it as a place
  local function item(k)
    local ge = gaz[T.s[k]]
    local b = ge and word_ending(T, ge)
    if b and ids[T.s[k] .. ":" .. ge] then return b, true end
    return k, false
  end
  -- (two items joined by और before one administrative word are a list too, X व Y गांव में: the
  -- item at word k ends right before such a word)
  local function admin_after(k)
    if k > T.n or T.sc[k] ~= "uncased" then return false end
    local b = item(k)
    return b < T.n and (T.sp[b + 1] or false) and LIST_ADMIN[T.f[b + 1]] == true
  end
  local i = 1
  while i <= T.n do
    local items, places, k, last = {}, 0, i, false
    while k <= T.n and T.sc[k] == "uncased" and script(k) do
      local b, place = item(k)
      -- (Persian and Urdu: a stop word ends the list before it, گزرے گا، | X، Y)
      if not deva and not place and window_stop(kb, T, text, k, 0, lang) then break end
      items[#items + 1] = { k, b, place }
      if place then places = places + 1 end
      -- (the item after `और` is the list's last)
      if last then break end
      local g = T.gap[b + 1]
      if b < T.n and comma(g) then
        k = b + 1
      elseif b + 1 < T.n and (#items >= 2 or (deva and admin_after(b + 2))) and (T.sp[b + 1] or false)
        and (T.sp[b + 2] or false) and AND[text:sub(T.s[b + 1], T.e[b + 1])] then
        k, last = b + 2, true
      else
        break
      end
    end
    local closed = deva and #items >= 2 and items[#items][2] < T.n and (T.sp[items[#items][2] + 1] or false)
      and closed_by_places(T, items[#items][2] + 1, last)
    -- (Persian and Urdu: the first item opens its phrase, after a stop word or punctuation, and the
    -- last one ends it, before them: a word beside it is of a longer name or phrase, بوسنیا | اینڈ
    -- ہیرزگوینیا، ..., کردستان، شمال | کرمانشاه; no compass word)
    local function bounded(x, it)
      if deva then return true end
      local a = it[1]
      if COMPASS[T.f[a]] then return false end
      if x == 1 and a > 1 and T.gap[a]:gsub("%s", "") == "" and not window_stop(kb, T, text, a - 1, 0, lang) then
        return false
      end
      local z = it[2] + 1
      if x == #items and z <= T.n and T.gap[z]:gsub("%s", "") == "" and not window_stop(kb, T, text, z, 0, lang) then
        return false
      end
      return true
    end
    if closed or (#items >= 3 and places >= 2 and 2 * places >= #items) then
      for x, it in ipairs(items) do
        local a = it[1]
        if not it[3] and it[2] == a and bounded(x, it) and not gaz[T.s[a]] and utf8.len(T.f[a]) >= 2
          and not known(kb, T.f[a])
          and not any_cue(from, a) and not (deva and deva_inflected(T.f[a]))
          and not window_stop(kb, T, text, a, 0, lang) then
          add(out, text, T.s[a], T.e[a], "place", "cue:list")
        end
      end
    end
    i = #items > 1 and items[#items][2] + 1 or i + 1
  end
end

-- deva_dateline(kb, T, text, from, out, lang): a district report opens with
-- its town, the first word of a line closed by the danda or a spaced colon
-- (X। ..., X : ...) or by a comma and a date (X, 9 नवंबर), or by the reporter's name in brackets and a colon
-- (X (Y Z) : ...): the town is a place even when the gazetteer lacks it,
-- and the bracketed name a person; not a stop word, a cue, a known name or
-- a plural (धन्यवाद। ..., नोट: ... have no space before the colon)
local DANDA = "\224\165\164"
-- district_after(T, k): a place of the gazetteer of up to three words opens at word k and the
-- danda or a colon closes it (after a closing bracket when one opened before it): its last word
local function district_after(T, k)
  local ge = k <= T.n and T.gaz and T.gaz[T.s[k]]
  local pe = ge and word_ending(T, ge)
  if not (pe and pe <= k + 2 and T.gaz_ids and T.gaz_ids[T.s[k] .. ":" .. ge] and pe < T.n) then return nil end
  local g = T.gap[pe + 1]
  local close = T.gap[k]:find("%(") and "^ ?%) ?" or "^ ?"
  if g:find(close .. DANDA) or g:find(close .. ":") then return pe end
  return nil
end
local function deva_dateline(kb, T, text, from, out, lang)
  for i = 1, T.n - 1 do
    local g = T.gap[i]
    if ((i == 1 and not g:find("%S")) or g:find("\n[ \t]*$")) and T.sc[i] == "uncased" and is_deva(T.f[i])
      and utf8.len(T.f[i]) >= 3 and not from[i] and not known(kb, T.f[i]) and not deva_inflected(T.f[i])
      and not window_stop(kb, T, text, i, 0, lang) then
      local a = T.gap[i + 1]
      -- (or by a comma and a date, day and month either way: X, 9 नवंबर; X, नवंबर 7)
      local dated = a:find("^ ?, ?$") and i + 2 <= T.n and (T.sp[i + 2] or false)
        and ((T.sc[i + 1] == "number" and is_calendar(kb, T, i + 2, lang))
          or (is_calendar(kb, T, i + 1, lang) and T.sc[i + 2] == "number"))
      -- (or by its district, a place the gazetteer knows, in brackets or after a space, and the
      -- danda or a colon: X (जालौन)।, X अरवल : -- a district report's town, the bracket no reporter)
      local pe = (a:find("^ ?%( ?$") or a == " ") and district_after(T, i + 1)
      if a:find("^ ?" .. DANDA) or a:find("^ :") or dated or pe then
        add(out, text, T.s[i], T.e[i], "place", "cue:dateline")
      elseif a:find("^ ?%( ?$") then
        local j = i + 1
        while j < T.n and j - i < 3 and T.sc[j] == "uncased" and (T.sp[j + 1] or false) do j = j + 1 end
        local ok = T.gap[j + 1] and T.gap[j + 1]:find("^ ?%) ?:") and T.sc[j] == "uncased"
        for k = i + 1, j do
          if not ok or not is_deva(T.f[k]) or window_stop(kb, T, text, k, 0, lang) or (from[k] and (from[k].title
            or from[k].byline)) then ok = false end
        end
        if ok then
          add(out, text, T.s[i], T.e[i], "place", "cue:dateline")
          add(out, text, T.s[i + 1], T.e[j], "person", "cue:dateline")
        end
      end
    end
  end
end

-- deva_area_places(kb, T, text, from, out, lang): crime and district news
-- place an event in a police station's or a block's area and then in the
-- village or locality (X थाना क्षेत्र के [Y] में, X प्रखंड क्षेत्र के [Y] से):
-- one word after `क्षेत्र के` that an administrative tail marked `outside`
-- opens, before a postposition, is that place; not a stop word, a cue, a
-- known name or a plural (थाना क्षेत्र के लोगों में, के अंतर्गत)
local AREA, KE = base.fold("क्षेत्र"), base.fold("के")
local AREA_POST = folded_set { "में", "मे", "से", "की", "का", "के" }
-- (or after a village's word: X थाना क्षेत्र के गांव [Y] में)
local AREA_VILLAGE = folded_set { "गांव", "गाँव", "ग्राम" }
local function deva_area_places(kb, T, text, from, out, lang)
  for i = 1, T.n - 4 do
    local pt = from[i] and from[i].place_tail
    local k = i + 3
    if k < T.n - 1 and AREA_VILLAGE[T.f[k]] and (T.sp[k] or false) then k = k + 1 end
    if pt and pt[2].outside and not from[i].title and T.f[i + 1] == AREA and T.f[i + 2] == KE
      and (T.sp[i + 1] or false) and (T.sp[i + 2] or false) and (T.sp[k] or false) and (T.sp[k + 1] or false)
      and T.sc[k] == "uncased" and is_deva(T.f[k]) and AREA_POST[T.f[k + 1]] and not from[k]
      and not (T.gaz and T.gaz[T.s[k]]) and utf8.len(T.f[k]) >= 2 and not known(kb, T.f[k])
      and not deva_inflected(T.f[k]) and not window_stop(kb, T, text, k, 0, lang) then
      add(out, text, T.s[k], T.e[k], "place", "cue:place_tail")
    end
  end
end

-- Arabic: a resident's word (مقيم, مقيمة, ومقيم, المقيم ...) and a word
-- written with the preposition ب name where a person lives (Egyptian court
-- and crime reports list suspects so: مقيم بنجع حمادي, مقيمة بالحمراء): the
-- place is the word without ب, and an indefinite one takes one more word
-- before a comma (نجع حمادي،); not a word a cue, the gazetteer or a stop
-- list has (بمدينة X is the head's, بأسيوط the gazetteer's, بها none), nor
-- a jurisdiction's word whose name follows (بدائرة, بنطاق, بمركز), nor
-- a place word with the article or abroad (بالمدينة, بالخارج)
local RESIDENT = folded_set { "مقيم", "مقيمة", "مقيمان", "مقيمين", "ومقيم", "ومقيمة", "المقيم", "المقيمة",
                              "والمقيم", "والمقيمة" }
local JURISDICTION = folded_set { "دائرة", "نطاق", "مركز", "قسم", "حي", "منزل", "منزله", "منطقة", "محافظة",
                                  "الخارج", "الداخل", "البلاد" }
local BA = "\216\168"
local function ar_residence(kb, T, text, from, out, lang)
  for i = 1, T.n - 1 do
    local k = i + 1
    if RESIDENT[T.f[i]] and T.sc[k] == "uncased" and (T.sp[k] or false) and T.f[k]:sub(1, 2) == BA
      and utf8.len(T.f[k]) >= 4 and not from[k] and not (T.gaz and (T.gaz[T.s[k]] or T.gaz[T.s[k] + 2])) then
      local stem = T.f[k]:sub(3)
      local own = lang and kb.stop[lang]
      local tanwin = text:sub(T.s[k], T.e[k]):find("\217[\139-\141]")
      -- (nor a place word with the article, بالمدينة 'in the city', بالخارج 'abroad')
      local node = definite(stem) and kb.trie[stem:sub(5)]
      local place_word = node and node.ends and node.ends.place_head
      if not JURISDICTION[stem] and not (own and own[stem]) and not tanwin and not place_word then
        local last = k
        local nx = k + 1
        if not definite(stem) and nx <= T.n and (T.sp[nx] or false) and T.sc[nx] == "uncased"
          and not from[nx] and not (T.gaz and T.gaz[T.s[nx]]) and not window_stop(kb, T, text, nx, 1, lang)
          and (nx == T.n or closing(T.gap[nx + 1])) then
          last = nx
        end
        add(out, text, T.s[k] + 2, T.e[last], "place", "cue:place_head")
      end
    end
  end
end

local function uncased(kb, T, text, from, to, out, lang)
  if (lang == nil or lang == "und") and hebrew_text(text) then lang = "he" end
  local function stop_at(k) return window_stop(kb, T, text, k, 0, lang) end
  -- (Hangul's lead bytes EA-ED: the text is searched once)
  local hangul = text:find("[\234-\237]")
  if hangul then
    korean.names(kb, T, text, from, out, stop_at)
    korean.places(kb, T, text, from, out, stop_at, T.place_name)
    korean.offices(kb, T, text, from, out, stop_at)
  end
  local covered = {}   -- words of a name found after a title: no given-name start inside it
  -- named(k): word k is a known name, a word of a name found after a title
  -- or a title's last word (X पुत्र Y निवासी, उसके मामा निवासी)
  local function named(k) return known(kb, T.f[k]) or covered[k] or (to[k] and to[k].title) end
  local tend = 0       -- last word of the longest title begun so far
  local ocovered = {}  -- words of an organisation found after a head: no other head inside it
  for i = 1, T.n do
   -- every branch below needs word i in a script without case, but for a
   -- title before such a word: the other words are passed over
   if T.sc[i] == "uncased" or (from[i] and from[i].title) then
    -- spelled-out acronyms (پی ڈی ایم اے, पी डी एम ए): organisations
    if kb.letter[T.f[i]] and not (i > 1 and (T.sp[i] or false) and kb.letter[T.f[i - 1]]) then
      local e = acronym_at(kb, T, text, i, lang)
      -- (not when the letters are a title: ایس ای, ایس ڈی او are officers)
      if e and not (from[i] and (from[i].title or from[i].title_after)) then
        add(out, text, T.s[i], T.e[e], "org", "cue:letters")
      end
    end
    -- one word of letter names (বিএনপি; a case ending on it: বিএনপির): an
    -- organisation (letters_word is Bengali only: the other tests are not
    -- made on every long Arabic-script or Devanagari word)
    if T.sc[i] == "uncased" and not from[i] and #T.f[i] >= 12 and is_bengali(T.f[i]) and not kb.letter[T.f[i]]
      and not known(kb, T.f[i]) and not window_stop(kb, T, text, i, 0, lang) then
      local key = T.f[i]
      local st = not letters_word(kb, key) and is_bengali(key) and bengali_stem(key)
      if st and letters_word(kb, st) then
        add(out, text, T.s[i], T.e[i] - (#key - #st), "org", "cue:letters")
      elseif not st and letters_word(kb, key) then
        add(out, text, T.s[i], T.e[i], "org", "cue:letters")
      end
    end
    local c = from[i]
    if c then
      local t = c.title
      -- Korean: an occupation before a name (glean.entities.korean)
      if t and is_hangul(T.f[i]) then
        local a, b = korean.after_title(kb, T, from, t[1], stop_at)
        if a then add(out, text, a, b, "person", "cue:title", { strong = true }) end
        t = nil
      end
      -- (Hebrew: a title with the preposition כ 'as' on it names nobody, כנשיא)
      if t and lang == "he" and t[3] > 0 and T.f[i]:sub(t[3] - 1, t[3]) == HE_KAF then t = nil end
      -- a title marked `mod` (السابق 'former', الحالي 'current') is one only
      -- right after another title (وزير النفط السابق X; not أيلول الحالي X)
      if t and t[2].mod and not (i > 1 and (T.sp[i] or false) and to[i - 1] and to[i - 1].title) then t = nil end
      -- a word that is both a title and an administrative place_head (Hindi
      -- निवासी 'resident'): after a person's name or a kinship title it opens
      -- the place he lives in (X पुत्र Y निवासी [Z], उसके मामा निवासी [Z]),
      -- else the person (गांव निवासी [X], [X] निवासी [Y])
      local resident = t and c.place_head and c.place_head[1] == t[1]
      if resident then
        if i > 1 and (T.sp[i] or false) and named(i - 1) then
          t = nil
        else
          resident = false
        end
      end
      -- a title inside a longer one is no title of its own (جسٹس in چیف
      -- جسٹس آف پاکستان X: its window would take آف پاکستان)
      if t and t[1] <= tend then t = nil elseif t then tend = t[1] end
      -- a demonstrative or numeral before the title counts people and names
      -- none (سه بازیکن X 'three players of X', این بازیکن)
      if t and i > 1 and (T.sp[i] or false) and lang_flag(kb.det[T.f[i - 1]], lang) then t = nil end
      -- a gazetteer name right after the title is its complement
      -- (وزیراعلیٰ پنجاب X, شهردار تهران): a name, if any, comes after it
      local first = t and t[1] + 1
      -- (Hebrew: also after של, שר החוץ של בריטניה X; not a place in
      -- apposition, שר הביטחון, ישראל X: ישראל is a given name too)
      local he_of = lang == "he" and first and first < T.n and T.f[first] == HE_OF and (T.sp[first + 1] or false)
      if he_of then first = first + 1 end
      local pe = first and first <= T.n and T.gaz and T.gaz[T.s[first]]
      if pe and lang == "he" and T.gap[first] == ", " then pe = nil end
      -- (a place after the title's sentence has ended is no complement of
      -- it, and no name follows: सांसद। यूपी विधानसभा, मुख्यमंत्री: उत्तरप्रदेश ...)
      if pe and T.gap[first]:find("[:!?]") or (pe and (T.gap[first]:find("\224\165\164", 1, true)
          or T.gap[first]:find("\219\148", 1, true))) then
        pe, first = nil, T.n + 1
      end
      -- a person the gazetteer knows right after the title is the one it
      -- names (الرئيس ترامب, وزیر خارجه عراقچی): the title takes no other
      -- words, and the gazetteer's span stands (data/people.tsv)
      if pe and T.people and T.people[T.s[first]] == pe then pe, first = nil, T.n + 1 end
      -- (nor after a definite title, which takes no complement in the
      -- construct state: והשר ישראל X, a given name)
      if pe and lang == "he" and hebrew_definite(T.f[t[1]]) and known(kb, T.f[first]) then pe = nil end
      -- (Devanagari: a place's name followed by a known surname is a given
      -- name, गेंदबाज़ भुवनेश्वर कुमार; Hindi puts the complement before the title)
      if pe and first < T.n and is_deva(T.f[first]) and T.e[first] == pe and (T.sp[first + 1] or false) then
        local sn = kb.names[T.f[first + 1]]
        if sn and sn.surname and not common_in(kb, sn, lang) then pe = nil end
      end
      if pe then
        while first <= T.n and T.e[first] <= pe do first = first + 1 end
        -- (Hebrew: the name after the complement may stand between commas,
        -- ראש ממשלת בריטניה, X Y, ...)
        if first <= T.n and not (T.sp[first] or false) and not (lang == "he" and T.gap[first] == ", ") then
          first = T.n + 1
        end
        -- (Arabic: after the place the name opens with a known name or a
        -- particle, else the place ends the title's words: أمير الكويت | تكريم
        -- سموه, a verbal noun; أمير الكويت عرف بـ, a verb)
        if lang == "ar" and first <= T.n and not known(kb, T.f[first]) and not kb.particle[T.f[first]]
          and not any_cue(from, first) and not definite(T.f[first]) then
          first = T.n + 1
        end
      elseif t and lang == "ar" and first <= T.n and T.gaz and T.gaz[T.s[t[1]]] == T.e[t[1]]
        and not known(kb, T.f[first]) and not kb.particle[T.f[first]] and not any_cue(from, first)
        and not definite(T.f[first]) then
        -- (so after a title whose last word is the place: أمير الكويت | عرف)
        first = T.n + 1
      elseif he_of then
        first = T.n + 1
      end
      -- a name between commas right after a title is in apposition
      -- (ראש הממשלה, X Y, אמר; პრემიერ-მინისტრმა, X Y, ...); Hebrew:
      -- definite words right after the title are its complement first
      -- (יו"ר האופוזיציה X, שר החוץ האמריקני X)
      -- Arabic and Persian: an organisation as the title's complement
      -- (رئيس مجلس النواب X, رئیس سازمان برنامه X): the name after it, when
      -- its first word is a known given name (as in Hebrew below)
      if t and not pe and first < T.n and (lang == "ar" or lang == "fa") and (T.sp[first] or false) then
        local oc = from[first]
        if oc and oc.org_head and not oc.title and not oc.say and T.sc[first] == "uncased" then
          local h = oc.org_head
          local ow = uncased_window(kb, T, text, from, h[1] + 1, 1, h[2].words or 2, lang, nil, true)
          if lang == "ar" then ow = arabic_org_words(T, ow, T.f[h[1]]) end
          local nx = (ow[#ow] or h[1]) + 1
          local g = nx <= T.n and (T.sp[nx] or false) and kb.names[T.f[nx]]
          if g and g.given and not common_in(kb, g, lang) then first = nx end
        end
      end
      -- Arabic: a portfolio with ل on its article after the title and the
      -- definite words after it are the title's complement (وزير الدولة
      -- للشؤون الخارجية X, المبعوث الأممي لليمن، X): the name comes after it
      if t and not pe and lang == "ar" and first < T.n and T.sc[first] == "uncased" and (T.sp[first] or false)
        and T.f[first]:sub(1, 4) == "\217\132\217\132" and utf8.len(T.f[first]) >= 5 and not known(kb, T.f[first])
        and not any_cue(from, first) then
        local k = first + 1
        while k <= T.n and k - first < 3 and (T.sp[k] or false) and T.sc[k] == "uncased" and definite(T.f[k])
          and not known(kb, T.f[k]) and not any_cue(from, k) do
          k = k + 1
        end
        -- (only before a comma or a known name: المدير الفني للفريق | منح
        -- اللاعبين راحة, a verb)
        if k <= T.n and (comma_gap(T.gap[k]) or known(kb, T.f[k])) then first = k else first = T.n + 1 end
      end
      -- (the Arabic-script comma too: وزير الخارجية، X Y، قال)
      local appos = t and first <= T.n and comma_gap(T.gap[first]) and T.sc[first] == "uncased"
      if lang == "he" and t and first <= T.n then
        -- (a verb with the letter ה is no complement: הנשיא הגיע, a stop word)
        while first < T.n and T.sc[first] == "uncased" and (T.sp[first] or false)
          and (hebrew_definite(T.f[first]) or T.f[first] == HE_FORMER)
          and not known(kb, T.f[first]) and not (from[first] and (from[first].title or from[first].say))
          and not window_stop(kb, T, text, first, 0, lang) do
          first = first + 1
        end
        appos = T.gap[first] == ", "
        -- an organisation as the complement (מנכ"ל בנק ישראל X Y): the name
        -- after it, when its first word is a known given name
        local oc = not appos and first <= T.n and from[first]
        if oc and (oc.org_head or oc.place_head) and not oc.title and not oc.say then
          local h = oc.org_head or oc.place_head
          local ow = hebrew_org_words(T, uncased_window(kb, T, text, from, h[1] + 1, 1, h[2].words or 2, lang, nil,
            true), T.f[h[1]])
          local nx = (ow[#ow] or h[1]) + 1
          local g = nx <= T.n and (T.sp[nx] or false) and kb.names[T.f[nx]]
          if g and g.given then first = nx
          elseif not oc.org_head then first = T.n + 1 end   -- (מפקד מחוז מרכז, ניצב X: no name of מפקד)
        end
      end
      -- Arabic: a quoted name right after the title is the person (وزير
      -- المالية "X Y"; النائب "X"): two or three words no cue or stop list
      -- holds, the first without the article, or one known name
      if t and lang == "ar" and first <= T.n and T.sc[first] == "uncased" and not covered[first] then
        local qa, qz = quoted_name(kb, T, text, first, lang)
        local k, ok = first, qa ~= nil and not definite(T.f[first])
        while ok and k <= T.n and T.e[k] <= qz do
          if T.sc[k] ~= "uncased" or any_cue(from, k) or (k > first and window_stop(kb, T, text, k, 1, lang)) then
            ok = false
          end
          k = k + 1
        end
        if ok and (k - first >= 2 or known(kb, T.f[first])) then
          add(out, text, qa, qz, "person", "cue:title", { strong = true })
          for x = first, k - 1 do covered[x] = true end
          first = T.n + 1
        end
      end
      if t and first <= T.n and T.sc[first] == "uncased" then
        local w, why = uncased_window(kb, T, text, from, first, 1, t[2].words or 4, lang, nil, nil, appos)
        -- Hebrew: a given name spelled as a verb (נתן 'gave') opens the name
        -- when a known name follows it (ד"ר נתן שחר; not השר נתן הוראה)
        if lang == "he" and #w == 0 and why == "stop" and first < T.n and (T.sp[first + 1] or false)
          and not any_cue(from, first) then
          local g, nx = kb.names[T.f[first]], kb.names[T.f[first + 1]]
          if g and g.given and nx and (nx.given or nx.surname) and not window_stop(kb, T, text, first + 1, 1, lang) then
            w, why = uncased_window(kb, T, text, from, first + 1, 1, (t[2].words or 4) - 1, lang, 1)
            table.insert(w, 1, first)
          end
        end
        -- Arabic: definite words between the title and the name are its
        -- complement or a nisba adjective (وزير الشؤون الخارجية الهندي,
        -- لاعب المنتخب X, وزير الخارجية الأمريكي X); a definite word alone
        -- is a surname (الرئيس الأسد)
        -- (an elative among them describes the holder, and what follows it
        -- is a name only when it opens with a known one: النائب الأكبر سنا,
        -- اللاعب الأفضل محمد صلاح; alone it is no surname)
        local elative = false
        while lang == "ar" and #w > 1 and definite(T.f[w[1]]) and not known(kb, T.f[w[1]]) do
          elative = elative or ELATIVE[T.f[w[1]]] or false
          table.remove(w, 1)
          if #w == 1 and definite(T.f[w[1]]) and not known(kb, T.f[w[1]]) then w = {} end
        end
        if lang == "ar" and #w == 1 and ELATIVE[T.f[w[1]]] then w = {} end
        if elative and #w > 0 and not known(kb, T.f[w[1]]) then w = {} end
        -- (and a nisba of a place alone is its complement too: الوزير السعودي)
        if lang == "ar" and #w == 1 and definite(T.f[w[1]]) and not known(kb, T.f[w[1]]) and nisba(T, text, w[1]) then
          w = {}
        end
        -- (a definite word alone before و and a definite word is the first
        -- of two portfolios: وزير التخطيط التنموي والإحصاء)
        local w1 = #w == 1 and w[1]
        local nw = w1 and w1 + 1
        if lang == "ar" and nw and nw <= T.n and definite(T.f[w1]) and not known(kb, T.f[w1])
          and (T.sp[nw] or false) and T.f[nw]:sub(1, 6) == WA .. AL and not known(kb, T.f[nw]) then
          w, nw = {}, nil
        end
        -- (a definite nisba alone before an Arabic comma and a known name is
        -- the title's adjective, the name in apposition after it: النائب
        -- الصدري، X Y)
        if lang == "ar" and nw and nw <= T.n and definite(T.f[w1]) and T.f[w1]:sub(-2) == YA
          and not known(kb, T.f[w1]) and comma_gap(T.gap[nw]) and known(kb, T.f[nw]) then
          local w2 = uncased_window(kb, T, text, from, nw, 1, t[2].words or 4, lang, nil, nil, true)
          if #w2 >= 2 and closing_comma(T.gap[w2[#w2] + 1] or "") then w, why, appos = w2, "punct", true end
        end
        -- (Persian: a country's or continent's adjective opening the
        -- window is the title's complement, بازیکن گرجستانی این تیم)
        if lang == "fa" and #w > 0 and not known(kb, T.f[w[1]]) and fa_demonym(T, text, w[1]) then
          table.remove(w, 1)
          if #w > 0 and not known(kb, T.f[w[1]]) then w = {} end
        end
        -- (Arabic: a word with the preposition ل opening the window is the
        -- title's complement, الرئيس التنفيذي لطيران X 'chief executive of
        -- X': no name; not a known name written with it, لمحمد)
        if lang == "ar" and #w > 0 and T.f[w[1]]:sub(1, 2) == "\217\132" and utf8.len(T.f[w[1]]) >= 4
          and not known(kb, T.f[w[1]]) and not clitic_name(kb, T.f[w[1]]) and T.f[w[1]]:sub(1, 4) ~= AL then
          w = {}
        end
        -- Arabic: an unknown word opening with ي after a title is an
        -- imperfect verb (الرئيس يستقبل, وزير الخارجية المصري يتزايد دوره)
        if lang == "ar" and #w > 0 and T.f[w[1]]:sub(1, 2) == "\217\138" and not known(kb, T.f[w[1]]) then w = {} end
        -- and so is one with the preposition ب or ل and a pronoun suffix ه,
        -- ها, هم: a noun after a preposition (نائبا لرئيس البرلمان بحصوله
        -- 'by his obtaining', لمنصبه), no name
        if lang == "ar" and #w > 0 and ar_prep_pronoun(text:sub(T.s[w[1]], T.e[w[1]])) and not known(kb, T.f[w[1]]) then
          w = {}
        end
        -- and a word with و after a title opens a conjunct, no name of that
        -- title (وزير الإعلام السابق ويوسف X: Youssef is found by his name)
        if lang == "ar" and #w > 0 and T.f[w[1]]:sub(1, 2) == WA and utf8.len(T.f[w[1]]) >= 4
          and not known(kb, T.f[w[1]]) then
          w = {}
        end
        -- Hebrew: a place the gazetteer knows, not a known name, ends the
        -- name (השר לענייני ירושלים, הנשיא X Y ירושלים); Devanagari too
        -- after the first word (विदेश मंत्री X Y मिस्र और जर्मनी के दौरे पर)
        local deva_w = w[2] and is_deva(T.f[w[2]])
        if (lang == "he" or deva_w) and T.gaz then
          for x = lang == "he" and 1 or 2, #w do
            if T.gaz[T.s[w[x]]] and not known(kb, T.f[w[x]]) then
              for y = #w, x, -1 do w[y] = nil end
              why = "stop"
              break
            end
          end
        end
        local len = window_len(kb, T, w, why, lang)
        -- a window cut short by an organisation's tail is that organisation's
        -- name, the title's complement (چیئرمین X Y کمیٹی Z, अध्यक्ष X Y समिति):
        -- no person there; one after the tail is found by its own cue (not
        -- when the lists know a word of it, nor before a tail that is a
        -- gazetteer name itself: प्रधानमंत्री X Y कांग्रेस पर बरसे, the party is apart)
        local nx = (w[#w] or first - 1) + 1
        if why == "cue" and nx <= T.n and from[nx] and from[nx].org_tail and not from[nx].title
          and not (T.gaz and T.gaz[T.s[nx]]) then
          local any = false
          for _, k in ipairs(w) do if known(kb, T.f[k]) then any = true end end
          if not any then len = 0 end
        end
        -- an apposition ends at its closing comma
        if appos and len > 0 and not closing_comma(T.gap[w[len] + 1]) then len = 0 end
        -- cut short by another title and knowing none of its words: the
        -- later title takes the name (وزير التجارة والصناعة الأسبق ...); a
        -- particle is a name's word too (عبد المجيد X وزير ...)
        -- (not a title with و on it: a second office and its holder, the
        -- name before it whole, رئيس مجلس النواب X Y | ووزير الخارجية Z)
        local nt = len > 0 and w[#w] < T.n and from[w[#w] + 1] and from[w[#w] + 1].title
        local coord = nt and nt[3] > 0 and text:sub(T.s[w[#w] + 1], T.s[w[#w] + 1] + 1) == WA
        -- (nor a kinship title, which stands between two names: निवासी X पुत्र Y)
        if why == "title" and len == #w and not coord and not (nt and nt[2].kin) then
          local any = false
          for _, k in ipairs(w) do if known(kb, T.f[k]) or kb.particle[T.f[k]] then any = true end end
          if not any then len = 0 end
        end
        if len > 0 then
          -- a venue's word right before the title names the venue after the
          -- person (ملعب الأمير عبد الله الفيصل, ستاد الملك فهد): one place,
          -- the title inside it, no person
          local venue = i > 1 and (T.sp[i] or false) and to[i - 1] and to[i - 1].place_head
          if venue and not venue[2].outside then
            add(out, text, T.s[venue[1]] + venue[3], T.e[w[len]], "place", "cue:place_head", { strong = true })
          else
            add(out, text, T.s[w[1]], T.e[w[len]], "person", "cue:title", { strong = true })
          end
          for x = 1, len do covered[w[x]] = true end
        end
      end
      local ph = c.place_head
      -- (a title as long from the same word is the office, थाना प्रभारी X,
      -- ग्राम विकास अधिकारी X, as before an organisation's head)
      if ph and c.title and c.title[1] > ph[1] then ph = nil end
      if ph and c.title and c.title[1] == ph[1] and not resident then ph = nil end
      -- (a number before a singular place word counts common nouns, ٢٢ قرية
      -- بمركز X '22 villages in the district of X': no name follows it; a
      -- plural's list may, 3 قرى هي X و Y)
      -- (so does a numeral word or a demonstrative, Persian سه شهرستان, این
      -- ولایت, Urdu اس ضلع: 'this province' names none, این ولایت | خسارات;
      -- after an administrative word, numeral or numeral word, a list of
      -- names may follow as after its plural, سه شهرستان X، Y و Z)
      local counted = ph and T.sc[i] == "uncased" and not ph[2].list and i > 1 and (T.sp[i] or false)
        and (T.sc[i - 1] == "number" or lang_flag(kb.det[T.f[i - 1]], lang))
      if counted then
        if ph[2].outside and ph[1] < T.n and (T.sp[ph[1] + 1] or false) then
          place_list(kb, T, text, from, out, ph[1] + 1, lang, ph[2].min)
        end
        ph = nil
      end
      -- (a quoted name right after an administrative head is the place,
      -- بخش «X» شهر «Y»; a head marked `quoted` names one only so)
      local qa, qz
      if ph and T.sc[i] == "uncased" and (ph[2].outside or ph[2].quoted) and ph[1] < T.n then
        qa, qz = quoted_name(kb, T, text, ph[1] + 1, lang)
      end
      if qa then
        add(out, text, qa, qz, "place", "cue:place_head")
      elseif ph and T.sc[i] == "uncased" and ph[2].list then
        if ph[1] < T.n and (T.sp[ph[1] + 1] or false) then
          place_list(kb, T, text, from, out, ph[1] + 1, lang, ph[2].min)
        end
      elseif ph and T.sc[i] == "uncased" and not ph[2].quoted then
        local max = ph[2].words or 1
        local w = uncased_window(kb, T, text, from, ph[1] + 1, 1, max, lang)
        -- a gazetteer name in the window or right after a full one is taken
        -- whole, as after an organisation's head (استان آذربایجان شرقی,
        -- ورزشگاه آزادی تهران: the venue with its city)
        -- (gaz_whole; w1, the window's first word, for `outside` below)
        local w1 = w[1]
        -- (one word the gazetteer does not know before a place it knows is
        -- an adjective of the head, شهرستان مرزی | قصرشیرین 'the border
        -- county': the gazetteer's place is the name)
        -- (an administrative head's, and a word in ی, the adjective's ending;
        -- a venue is named by a word before its city, ورزشگاه حافظیه شیراز)
        local adj = w1 and (T.f[w1]:sub(-2) == "\217\138" or T.f[w1]:sub(-2) == "\219\140")
        if max == 1 and ph[2].outside and adj and w1 < T.n and T.gaz and not T.gaz[T.s[w1]]
          and (T.sp[w1 + 1] or false) and T.gaz[T.s[w1 + 1]] then
          w = {}
        end
        -- (Arabic: one word in an adjective's shape after an indefinite
        -- administrative word is its adjective, no name: قرية مصرية 'an
        -- Egyptian village', قرية مجاورة 'a neighbouring village'; a
        -- gazetteer name or a known name stays the place, مدينة دبي)
        if lang == "ar" and #w == 1 and ph[2].outside and T.sc[w1] == "uncased" and not (T.gaz and T.gaz[T.s[w1]])
          and not kb.names[T.f[w1]] and ar_indefinite_adjective(text:sub(T.s[w1], T.e[w1])) then
          w = {}
        end
        -- (Arabic: an indefinite word and a definite one after it are one
        -- name in the construct state, عرب الكلابات, كفر الشيخ, بئر الجير;
        -- not before an adjective's ending ة, ي, ية, مدينة X الساحلية, nor
        -- a stop word, a cue or a gazetteer name)
        if lang == "ar" and max == 1 and ph[2].outside and #w == 1 and w1 < T.n and not definite(T.f[w1])
          and not (T.gaz and T.gaz[T.s[w1]]) then
          local nx = w1 + 1
          local raw = text:sub(T.s[nx], T.e[nx])
          if (T.sp[nx] or false) and T.sc[nx] == "uncased" and raw:sub(1, 4) == AL and utf8.len(raw) >= 4
            and raw:sub(-2) ~= YA and raw:sub(-2) ~= TA_MARBUTA and not any_cue(from, nx)
            and not (T.gaz and T.gaz[T.s[nx]]) and not window_stop(kb, T, text, nx, 1, lang) then
            w[2] = nx
          end
        end
        -- (an administrative word's place ends in its window: شهرستان X |
        -- استان Y is two places; a venue takes its city, ورزشگاه X تهران)
        w = gaz_whole(T, w, ph[2].outside and max + 1 or max)
        local last = w[#w]
        -- (an administrative word marked `outside` stays out of the span:
        -- استان [تهران], as a lower-case province of in cased scripts)
        if last and ph[2].outside and w1 then
          add(out, text, T.s[w1], T.e[last], "place", "cue:place_head")
        elseif last then
          if lang == "ar" then last = ar_venue_end(kb, T, text, from, w1, last, lang) end
          add(out, text, T.s[i] + ph[3], T.e[last], "place", "cue:place_head")
        end
      end
      -- a word for the kind of organisation before its name (تیم X, تیم‌های
      -- X و Y): the name after it, the word outside; words=N words (default
      -- 2) and a gazetteer name in them or right after them whole (تیم X
      -- تهران); with `list`, the next names after و too
      -- a demonstrative before a head (این شرکت, اس کمپنی): a common noun,
      -- no organisation's name (before a kind, the names follow: آن تیم‌های X)
      local det = i > 1 and (T.sp[i] or false) and lang_flag(kb.det[T.f[i - 1]], lang)
      local ot = c.org_title
      -- (a demonstrative or numeral before a kind in the singular: the
      -- common noun, این تیم; a numeral's list of names follows it, دو تیم X و Y)
      local det_list = ot and det and not ot[2].list
      if ot and T.sc[i] == "uncased" and not c.org_head and not c.title then
        local max, k = ot[2].words or 2, ot[1] + 1
        -- (a gazetteer name right after it decides alone: قناة السويس, the
        -- canal; a list goes on after it: تیم‌های پرسپولیس و X)
        while k <= T.n and (T.sp[k] or false) and not ocovered[k] do
          local ge = T.gaz and T.gaz[T.s[k]]
          if ge then
            while k < T.n and T.e[k + 1] <= ge do k = k + 1 end
            if T.e[k] ~= ge then break end
          else
            local w = gaz_whole(T, uncased_window(kb, T, text, from, k, 1, max, lang, nil, true), max)
            if #w == 0 then break end
            local nw = w[#w] + 1
            if det_list and not (nw < T.n and T.f[nw] == WA and (T.sp[nw] or false)) then break end
            det_list = false
            add(out, text, T.s[w[1]], T.e[w[#w]], "org", "cue:org_title")
            for x = 1, #w do ocovered[w[x]] = true end
            k = w[#w]
          end
          k = k + 1
          if not ((ot[2].list or det) and k < T.n and T.f[k] == WA and (T.sp[k] or false)) then break end
          k = k + 1
        end
      end
      local h = c.org_head
      -- (Hebrew: a head in the construct state found with the article ה
      -- written before it is a common noun, הפיקוד 'the command', המשרד;
      -- the heads news writes with it are listed so, הוועדה)
      if h and lang == "he" and h[3] > 0 and T.f[i]:sub(h[3] - 1, h[3]) == HE_HE then h = nil end
      -- (a title as long from the same word is the office: חברת הכנסת X)
      if h and T.sc[i] == "uncased" and not ocovered[i] and not det and not (c.title and c.title[1] >= h[1]) then
        local w = uncased_window(kb, T, text, from, h[1] + 1, 1, h[2].words or 2, lang, nil, true)
        if lang == "ar" then
          local hk = h[1] == i and T.f[i]:sub(1 + h[3]) or T.f[h[1]]
          local n0 = #w
          local full = n0 == (h[2].words or 2)
          w = arabic_org_words(T, w, hk, i)
          if #w < n0 then full = false end
          if #w == 1 and not definite(hk) and indef_nisba(T, text, w[1]) then w = {} end
          -- (a head whose one word is another head names a part of that
          -- body, هيئة المحكمة 'the bench', هيئة المجلس: no name)
          if #w == 1 and not definite(hk) and w[1] > i and from[w[1]] and from[w[1]].org_head
            and from[w[1]].org_head[1] == w[1] and not (T.orgs and T.orgs[T.s[w[1]]]) then
            w = {}
          end
          -- a definite head with its adjective (الهيئة العامة, المجلس الأعلى)
          -- takes one word with ل on the article, its field, and the definite
          -- words after it (الهيئة العامة للأنواء الجوية, المجلس الأعلى للثقافة)
          -- (or ل on an indefinite noun in a construct with the definite word
          -- after it, المجلس الوطني لحقوق الإنسان; a head written with ل on
          -- its article is definite too, للمجلس الأعلى للقضاء)
          local fk = (w[#w] or h[1]) + 1
          local LL = "\217\132\217\132"
          local field = fk <= T.n and (T.f[fk]:sub(1, 4) == LL and #T.f[fk] > 8
            or (T.f[fk]:sub(1, 2) == "\217\132" and utf8.len(T.f[fk]) >= 4 and fk < T.n
              and (T.sp[fk + 1] or false) and T.sc[fk + 1] == "uncased" and T.f[fk + 1]:sub(1, 4) == AL
              and not prep_article(T.f[fk]) and not window_stop(kb, T, text, fk, 1, lang)))
          if (definite(hk) or T.f[i]:sub(1, 4) == LL) and ((#w == 0 and h[1] > i) or (#w == 1 and definite(T.f[w[1]])))
            and field and (T.sp[fk] or false) and T.sc[fk] == "uncased"
            and not known(kb, T.f[fk]) and not any_cue(from, fk) then
            w[#w + 1] = fk
            fk = fk + 1
            while fk <= T.n and (T.sp[fk] or false) and T.sc[fk] == "uncased" and definite(T.f[fk])
              and not known(kb, T.f[fk]) and not any_cue(from, fk) and not window_stop(kb, T, text, fk, 1, lang)
              and #w < (h[2].words or 2) + 2 do
              w[#w + 1] = fk
              fk = fk + 1
            end
            full = false
          end
          -- a full window ending in a definite word goes on over the
          -- definite adjectives after it (شركة مركز إيداع الأوراق المالية)
          local k = (w[#w] or i) + 1
          while full and #w > 0 and definite(T.f[w[#w]]) and k <= T.n and (T.sp[k] or false)
            and T.sc[k] == "uncased" and definite(T.f[k]) and not known(kb, T.f[k]) and not any_cue(from, k)
            and not window_stop(kb, T, text, k, 1, lang) and k - w[1] < 6 do
            w[#w + 1] = k
            k = k + 1
          end
        elseif lang == "he" then
          w = hebrew_org_words(T, w, h[1] == i and T.f[i]:sub(1 + h[3]) or T.f[h[1]])
        end
        -- a gazetteer name inside the window, or right after a full one,
        -- ends the organisation's name, whole (دادگاه کیفری استان تهران)
        w = gaz_whole(T, w, h[2].words or 2)
        -- a known given name after the first word is a person's, not the
        -- organisation's (وزارت امور خارجه اسماعیل بقائی)
        for x = 2, #w do
          local g = kb.names[T.f[w[x]]]
          if g and g.given and not common_in(kb, g, lang) and own_name(g, lang) and not kb.particle[T.f[w[x - 1]]] then
            for y = #w, x, -1 do w[y] = nil end
            break
          end
        end
        if #w > 0 then
          add(out, text, T.s[i] + h[3], T.e[w[#w]], "org", "cue:org_head")
          for x = 1, #w do ocovered[w[x]] = true end
        elseif h[2].whole and h[1] > i then
          -- a head phrase that is a full name on its own (وزارت کشور, whose
          -- کشور is a stop word; وزارت آموزش و پرورش)
          add(out, text, T.s[i] + h[3], T.e[h[1]], "org", "cue:org_head")
        elseif h[1] < T.n then
          -- a quoted name right after the head (شركة "X", شركات «X»): the
          -- name inside the quotes, the head a descriptor outside it
          local g = T.gap[h[1] + 1]
          local close
          for _, qq in ipairs(UNCASED_QUOTES) do
            local p0, p1 = g:find(qq[1], 1, true)
            if p0 and g:sub(1, p0 - 1):find("^%s*$") and g:sub(p1 + 1):find("^%s*$") then close = qq[2]; break end
          end
          -- and the next quoted names of a list after it (شركات "X"، و"Y"،
          -- و"Z": each item its own organisation)
          local a0 = close and T.s[h[1] + 1]
          while a0 do
            local z = text:find(close, a0, true)
            local inner = z and text:sub(a0, z - 1)
            local k = inner and toks.word_starting(T, a0)
            -- (a stop word opens no such name, but a common noun marked place
            -- does: شركة "الوادي للأسمنت", whose الوادي 'the valley' is El Oued)
            if not (k and #inner < 80 and not inner:find("[\n,.:;!?]") and not inner:find("\216\140", 1, true)
              and not inner:find("%s$")
              and (lang_flag(kb.stop_place[T.f[k]], lang) or not window_stop(kb, T, text, k, 0, lang))) then
              break
            end
            local nw = 1
            for _ in inner:gmatch("%s+") do nw = nw + 1 end
            if nw > 5 then break end
            add(out, text, a0, z - 1, "org", "cue:org_quoted")
            -- a comma (، or ,), optionally و, and the same opening quote
            local open
            for _, qq in ipairs(UNCASED_QUOTES) do if qq[2] == close then open = qq[1] end end
            local nxt = text:match("^%s*\216\140%s*\217\136?%s*()", z + #close)
              or text:match("^%s*,%s*\217\136?%s*()", z + #close)
            a0 = nxt and text:sub(nxt, nxt + #open - 1) == open and nxt + #open or nil
          end
        end
      end
    end
    local e = to[i]
    if e and T.sc[i] == "uncased" then
      local ta = e.title_after
      if ta and ta[1] > 1 and ((T.sc[ta[1] - 1] == "uncased" and is_hangul(T.f[ta[1] - 1]))
          or (T.sc[ta[1] - 1] == "number" and T.gap[ta[1]] == "" and is_hangul(T.f[ta[1]]))
          or (is_hangul(T.f[ta[1]]) and T.gap[ta[1]]:find("^%) ?$"))
          -- (an acronym between a Korean name and its title: 박원철 SKC 대표)
          or (T.sc[ta[1] - 1] == "cased" and is_hangul(T.f[ta[1]]) and ta[1] > 2 and is_hangul(T.f[ta[1] - 2]))) then
        -- Korean (glean.entities.korean)
        local a, b, co = korean.before_title(kb, T, from, to, ta[1], stop_at)
        if a then add(out, text, T.s[a], T.e[b], "person", "cue:title_after", { strong = true }) end
        if co then add(out, text, T.s[co], T.e[co], "org", "cue:title_after") end
        -- a byline's co-authors, one Korean name word each (김성식 권진영 기자)
        if a and a == b and ta[1] == a + 1 and BYLINE_KO[hangul_stem(T.f[i], 2) or T.f[i]] then
          for x = korean.co_authors(kb, T, from, a, stop_at), a - 1 do
            add(out, text, T.s[x], T.e[x], "person", "cue:title_after", { strong = true })
          end
        end
      elseif ta and ta[1] > 1 and T.sc[ta[1] - 1] == "uncased" then
        local w = uncased_window(kb, T, text, from, ta[1] - 1, -1, ta[2].words or 2, lang)
        if #w > 0 then add(out, text, T.s[w[#w]], T.e[w[1]], "person", "cue:title_after", { strong = true }) end
      end
      local pt = e.place_tail
      -- (nor is a name before a resident's word a place: X पुत्र Y निवासी)
      if pt and e.title and pt[1] > 1 and named(pt[1] - 1) then pt = nil end
      -- (a tail marked `final`, a word that is a head too, is the tail only
      -- before a stop word or punctuation, Indian Urdu [X] ضلع میں; a name
      -- after it is the head's, قبائلی ضلع [X]; and a word in ی before it the
      -- gazetteer lacks is the adjective, قبائلی ضلع میں 'in the tribal district';
      -- the name opens its phrase, after a stop word or punctuation: a word
      -- after another one qualifies it, پولیس سٹیشن قائم | ضلع کے صدر مقام)
      if pt and pt[2].final and pt[1] > 1 then
        local nx, before = i + 1, pt[1] - 1
        local g = nx <= T.n and T.gap[nx]:gsub("%s", "") or ""
        local ends = nx > T.n or g ~= "" or window_stop(kb, T, text, nx, 0, lang)
        local yeh = T.f[before]:sub(-2) == "\219\140" or T.f[before]:sub(-2) == "\217\138"
        local opens = before == 1 or T.gap[before]:gsub("%s", "") ~= ""
          or window_stop(kb, T, text, before - 1, 0, lang)
        if not ends or not opens or (yeh and not (T.gaz and T.gaz[T.s[before]])) then pt = nil end
      end
      if pt and pt[1] > 1 and T.sc[pt[1] - 1] == "uncased" then
        -- (a tail marked `named`, a venue named after a person, takes a name
        -- found by its given name alone: नरेंद्र मोदी स्टेडियम, X Y मार्ग)
        local w = uncovered(uncased_window(kb, T, text, from, pt[1] - 1, -1, pt[2].words or 1, lang, nil, nil, nil,
          pt[2].named), covered, pt[2].named)
        -- (a name's first word is no place's tail: इस नगर चौक names no square)
        while #w > 0 and from[w[#w]] and from[w[#w]].place_tail do w[#w] = nil end
        -- (an administrative word marked `outside` stays out: [रामपुर] जिले)
        local stop = pt[2].outside and T.e[w[1]] or T.e[i] - (T.pstrip[i] or 0)
        if #w > 0 then add(out, text, T.s[w[#w]], stop, "place", "cue:place_tail") end
      end
      -- (a company's designator ends a name as a tail does: X Y लिमिटेड, up to three words)
      local ot = e.org_tail or e.org_designator
      -- (a Korean tail as a word of its own is the noun, no organisation's end: 김여정 | 당 중앙위원회
      -- 'the party', 초등학교 시절 | 중학교와; a Korean organisation is one word, hangul_org below, and a
      -- company in Latin letters and a tail is glean.entities.korean's)
      if ot and is_hangul(T.f[i]) then ot = nil end
      if ot and ot[1] > 1 and T.sc[ot[1] - 1] == "uncased" then
        -- (a tail marked `named`, a college or a trust named after a person, takes a name
        -- found by its given name alone: कल्पना चावला मेडिकल कॉलेज)
        local w = gaz_back(T, uncovered(uncased_window(kb, T, text, from, ot[1] - 1, -1,
          ot[2].words or (e.org_tail and 2 or 3), lang, nil, true), covered, e.org_tail and ot[2].named))
        -- (a name does not open with a connector: एंड | X कॉरपोरेशन)
        while #w > 0 and kb.connector[T.f[w[#w]]] do w[#w] = nil end
        -- (Devanagari: a place of the gazetteer that ends right before the tail, after a
        -- word no list knows, opens the name: that word ends a clause, सुनवाई | इलाहाबाद
        -- हाईकोर्ट; not after a connector, पंजाब एंड सिंध बैंक)
        if #w >= 2 and is_deva(T.f[w[1]]) and T.gaz and T.gaz_ids then
          for x = 1, #w - 1 do
            local ge = T.gaz[T.s[w[x]]]
            if ge == T.e[w[1]] and T.gaz_ids[T.s[w[x]] .. ":" .. ge] then
              local before = w[x + 1]
              if not T.gaz[T.s[before]] and not known(kb, T.f[before]) and not kb.connector[T.f[before]] then
                for y = #w, x + 1, -1 do w[y] = nil end
              end
              break
            end
          end
        end
        -- a tail marked `place` names the force or office of a place: only a
        -- whole gazetteer name right before it (پنجاب پولیس, बिहार पुलिस; not
        -- an unknown word, which may end a clause: ... खुलासा | पुलिस ने)
        if ot[2].place and not (#w > 0 and T.gaz and T.gaz[T.s[w[#w]]] == T.e[w[1]]) then w = {} end
        -- (and "of" and a place the gazetteer knows after the tail are the
        -- name's end, as English writes it: सेंट्रल बैंक ऑफ इंडिया, سٹیٹ بینک
        -- آف پاکستان)
        -- (a word the gazetteer lacks, इंडिया, when it is no stop word: one)
        local stop = T.e[i] - (T.pstrip[i] or 0)
        if #w > 0 and stop == T.e[i] and i + 2 <= T.n and OF_WORD[T.f[i + 1]] and (T.sp[i + 1] or false)
          and (T.sp[i + 2] or false) and T.sc[i + 2] == "uncased" then
          local ge = T.gaz and T.gaz[T.s[i + 2]]
          if ge then stop = ge
          elseif not window_stop(kb, T, text, i + 2, 0, lang) and not any_cue(from, i + 2) then stop = T.e[i + 2] end
        end
        if #w > 0 then add(out, text, T.s[w[#w]], stop, "org", "cue:org_tail") end
      end
    end
    -- Korean: an organisation is one word ending in a tail (외교부, 한빛전자는)
    -- (not a word written onto a number: 6만전자 'Samsung at 60,000 won')
    if T.sc[i] == "uncased" and not from[i] and is_hangul(T.f[i])
      and not (i > 1 and T.gap[i] == "" and T.sc[i - 1] == "number") then
      local st = hangul_org(kb, T.f[i])
      if st then add(out, text, T.s[i], T.s[i] + #st - 1, "org", "cue:org_tail") end
    end
    -- a known given name (not a common word, not spelled as a stop word)
    -- and the words after it: two, more while known or after a particle
    -- (not in Korean, where a name is one word: glean.entities.korean)
    if T.sc[i] == "uncased" and i < T.n and T.sc[i + 1] == "uncased" and (T.sp[i + 1] or false)
      and not any_cue(from, i) and not covered[i] and not is_hangul(T.f[i])
      -- (nor the last word of a cue: اعظم of وزیر اعظم is no given name there)
      and not (to[i] and (to[i].title or to[i].title_after or to[i].say or to[i].org_head or to[i].org_tail)) then
      local key, skip = T.f[i], 0
      local g = kb.names[key]
      if not (g and g.given) then
        local rest = (lang == "ar" or lang == "und") and clitic_name(kb, key)
        -- (a preposition ل ب ك ف on a name is rarer than on a word that
        -- folds like one, لجان 'committees', كرامي: a known name, a particle
        -- or a definite surname must follow, لمحمد صلاح, لتامر عبد الحميد)
        local cl, nx = key:sub(1, 2), i < T.n and T.f[i + 1]
        if rest and (cl == WA or cl == HE_VAV
          or (nx and (known(kb, nx) or kb.particle[nx] or (nx:sub(1, 4) == AL and utf8.len(nx) >= 4)))) then
          g, skip = kb.names[rest], 2
        end
      end
      -- Persian: the honorific سید written onto a known given name
      -- (سیدحسن, سیدمحمد) is that given name
      if not (g and g.given) and lang == "fa" and key:sub(1, 6) == SAYYID and #key > 8 then
        local rest = kb.names[key:sub(7)]
        if rest and rest.given then g = rest end
      end
      -- Arabic: عبد and a definite word open a compound given name, known
      -- or not (عبد المجيد X, عبد الإله X)
      -- (also after the proclitic و, outside the name: وعبد الرحمن X)
      if not (g and g.given) and lang == "ar" and (key == ABD or key == WA .. ABD) and i + 1 < T.n
        and T.f[i + 1]:sub(1, 4) == AL and utf8.len(T.f[i + 1]) >= 4 and not any_cue(from, i + 1) then
        g, skip = COMPOUND_GIVEN, key == ABD and 0 or 2
      end
      -- (a given name that is also an everyday word opens a person only
      -- before a known family name of the text's language: ولی ملکی, امید X)
      local weak = g and g.given and common_in(kb, g, lang)
      local sn2 = weak and kb.names[T.f[i + 1]]
      -- (Arabic: or a father's given name, صدام حسين; not Persian, گل X 'a goal by X')
      local weak_ok = sn2 and ((sn2.surname and not sn2.given) or (lang == "ar" and (sn2.given or sn2.surname)))
        and not common_in(kb, sn2, lang)
        and own_name(sn2, lang)
        and not kb.stop_raw[text:sub(T.s[i + 1], T.e[i + 1])]
      if weak and lang == "fa" and not sn2 and (T.sp[i + 1] or false)
        and not window_stop(kb, T, text, i + 1, 1, lang) then
        local k2, n2 = T.f[i + 1], i + 2
        -- (Persian: or before an unknown word with a family name's suffix,
        -- زاده پور نژاد نیا یان: امید X‌زاده; or in ی, closed by a comma, a
        -- bracket or a cue: a family name's shape in a list or before a title,
        -- امید X‌ی، / سروش X‌ی (16) / امیر X‌ی سرمربی; not امید زیادی به, a phrase)
        if fa_family(k2) or (k2:sub(-2) == YA and utf8.len(k2) >= 4 and not any_cue(from, i + 1)
          and (n2 > T.n or closing(T.gap[n2]) or (T.gap[n2] or ""):find("^%s*%(")
            or ((T.sp[n2] or false) and from[n2] and (from[n2].title or from[n2].say)))) then
          weak_ok = true
        end
      end
      if g and g.given and (not weak or weak_ok) and own_name(g, lang)
        and not kb.stop_raw[text:sub(T.s[i] + skip, T.e[i])] and not inside_gaz(T, i) then
        local w, why = uncased_window(kb, T, text, from, i + 1, 1, 3, lang, 1)
        table.insert(w, 1, i)
        -- (three words before a title: a name in apposition to it, يوسف
        -- بطرس غالى وزير المالية)
        -- (Arabic: a patronymic chain closed by a stop word or punctuation
        -- ends on its definite family name, as after a title: أحمد بن صالح
        -- السياري أن; window_len asks for that close)
        local wwhy = why == "title" and "stop" or nil
        if lang == "ar" and (why == "stop" or why == "punct") and #w >= 4 and PATRONYMIC[T.f[w[#w - 2]]] then
          wwhy = why
        end
        local len = window_len(kb, T, w, wwhy, lang)
        -- (a compound عبد X with no cue: a third word must have a name's
        -- shape, the object of a verb-first sentence has not: حضر عبد الحليم الاجتماع)
        if g == COMPOUND_GIVEN and len >= 3 and not name_shaped(kb, T.f[w[3]]) then len = 2 end
        -- (Arabic: a definite nisba in ي that ends the sentence's phrase is a
        -- family name, محمد عبدالله القرقاوي: ...; not a place's, المصري)
        -- (and before a stop word; a place's adjective too when the two
        -- words before it are a given name and another name's word: محمد
        -- شياع السوداني في, not محمد المصري)
        if lang == "ar" and len == 2 and #w >= 3 and definite(T.f[w[3]])
          and T.f[w[3]]:sub(-2) == YA and utf8.len(T.f[w[3]]) >= 5
          and (not nisba(T, text, w[3]) or not definite(T.f[w[2]]))
          and not any_cue(from, w[3]) then
          len = 3
        end
        -- a given name before a city, a region or a country is a team's or a
        -- company's name (شاهین بوشهر, پدیده مشهد), no person's
        -- (not when that word is a known name too: محمد سالم, Salem)
        if len >= 2 and T.cities and T.cities[T.s[w[2]]] and not known(kb, T.f[w[2]]) then len = 0 end
        -- nor before a town's ending written apart (جعفر آباد): the town
        if len >= 2 and apart_suffix(kb, lang, T.f[w[2]]) then len = 0 end
        -- nor before a company's designator (सुरभि टेक्सटाइल्स लिमिटेड): the
        -- company is named after the person, whom the text does not name
        local nd = len >= 2 and w[len] + 1
        if nd and nd <= T.n and (T.sp[nd] or false) and from[nd] and from[nd].org_designator then len = 0 end
        -- initials run together before the given name (केएल राहुल): the name too
        local ini = skip == 0 and i > 1 and T.sc[i - 1] == "uncased" and (T.sp[i] or false)
          and not any_cue(from, i - 1) and not covered[i - 1] and deva_initials(kb, T.f[i - 1])
        if ini and len < 2 then
          add(out, text, T.s[i - 1], T.e[i], "person", "names:given")
          covered[i] = "given"
        elseif len >= 2 then
          add(out, text, ini and T.s[i - 1] or T.s[i] + skip, T.e[w[len]], "person", "names:given")
          for x = 1, len do covered[w[x]] = "given" end
        end
      end
    end
    -- Devanagari (and Urdu): a known surname (शर्मा, सिंह, यादव; کمار, سنگھ) and
    -- the word before it (an unknown given name), with a known given name or
    -- initial before that
    local sn = kb.names[T.f[i]]
    if sn and sn.surname and not common_in(kb, sn, lang) and own_name(sn, lang) and i > 1 and not covered[i]
      and T.sc[i] == "uncased" and T.sc[i - 1] == "uncased"
      and ((is_deva(T.f[i]) and is_deva(T.f[i - 1])) or (lang == "ur" and is_arabic(T.f[i]) and is_arabic(T.f[i - 1])))
      and (T.sp[i] or false)
      and not kb.stop_raw[text:sub(T.s[i], T.e[i])] and not any_cue(from, i) and not any_cue(from, i - 1)
      and not window_stop(kb, T, text, i - 1, 0, lang) and not kb.particle[T.f[i - 1]]
      and not deva_inflected(T.f[i - 1]) then
      local a = i - 1
      local p = kb.names[T.f[a - 1] or ""]
      if a > 1 and T.sc[a - 1] == "uncased" and ((T.sp[a] or false) or T.gap[a] == ". ")
        and ((p and p.given and not p.common) or kb.particle[T.f[a - 1]]) and not any_cue(from, a - 1) then
        a = a - 1
      end
      -- (Devanagari: a second known surname after it is the name's last word,
      -- सच्चिदा कुमार पासवान, X कुमार सिंह; it starts no name of its own)
      local b = i
      if is_deva(T.f[i]) and i < T.n and (T.sp[i + 1] or false) and T.sc[i + 1] == "uncased" and is_deva(T.f[i + 1])
        and not any_cue(from, i + 1) and not kb.stop_raw[text:sub(T.s[i + 1], T.e[i + 1])] then
        local s2 = kb.names[T.f[i + 1]]
        if s2 and s2.surname and not common_in(kb, s2, lang) and own_name(s2, lang) then
          b = i + 1
          covered[b] = "given"
        end
      end
      add(out, text, T.s[a], T.e[b], "person", "names:surname")
    elseif sn and sn.surname and not common_in(kb, sn, lang) and own_name(sn, lang) and not covered[i]
      and T.sc[i] == "uncased" and is_deva(T.f[i]) and utf8.len(T.f[i]) >= 4 and i < T.n
      and deva_agent(T, text, i)
      and not kb.stop_raw[text:sub(T.s[i], T.e[i])] and not any_cue(from, i)
      and not (i > 1 and (T.sp[i] or false) and T.sc[i - 1] == "uncased" and known(kb, T.f[i - 1])) then
      -- Devanagari: a known surname alone as the agent of a verb (ट्रंप ने
      -- कहा, धोनी ने शतक लगाया) or the head of a government (मोदी सरकार), where the rule above found no word before it
      -- (news calls people by the surname); not a short one, which may be a
      -- word (राम, लाल, सेन), nor after a known name (the name rules take it)
      add(out, text, T.s[i], T.e[i], "person", "names:surname")
    elseif sn and sn.given and not common_in(kb, sn, lang) and own_name(sn, lang) and not covered[i]
      and T.sc[i] == "uncased" and is_deva(T.f[i]) and utf8.len(T.f[i]) >= 3 and i < T.n
      and (deva_agent(T, text, i) or deva_age(T, text, i))
      and not kb.stop_raw[text:sub(T.s[i], T.e[i])] and not any_cue(from, i) and not inside_gaz(T, i)
      and not (i > 1 and (T.sp[i] or false) and T.sc[i - 1] == "uncased" and not any_cue(from, i - 1)
        and not window_stop(kb, T, text, i - 1, 0, lang)) then
      -- Devanagari: a known given name alone as the agent of a verb, after
      -- no other word of a name (मायावती ने कहा, सुनील ने 11 शतक लगाए), or
      -- before the age news gives a person (साहिल उम्र 26 वर्ष, सोनू (24),
      -- सोनू 24 वर्षीय): news calls people by the given name too
      add(out, text, T.s[i], T.e[i], "person", "names:given")
    end
   end
  end
  -- a branch of an organisation the gazetteer knows, written with an
  -- administrative word and a place it knows, is one organisation (بانک ملی
  -- استان قزوین, جمعیت هلال احمر استان کرمانشاه: the province's branch)
  -- (the word ending at a byte by word_ending's binary search, T.e rising:
  -- a table of every word's end, made for every document, was 1 % of the
  -- entities stage; no walk at all without the gazetteer's organisations)
  if T.orgs and T.gaz and next(T.orgs) ~= nil then
    local orgs, S, sc = T.orgs, T.s, T.sc
    for i = 1, T.n do
      local oe = orgs[S[i]]
      local j = oe and sc[i] == "uncased" and word_ending(T, oe)
      local h = j and j + 1 < T.n and (T.sp[j + 1] or false) and from[j + 1] and from[j + 1].place_head
      if h and h[2].outside and h[3] == 0 and (T.sp[h[1] + 1] or false) then
        -- the place after the word, or the gazetteer's name with the word in it
        local function place_at(s) return T.gaz[s] ~= T.orgs[s] and T.gaz[s] or nil end
        local pe = place_at(T.s[h[1] + 1]) or place_at(T.s[j + 1])
        if pe and word_ending(T, pe) then add(out, text, T.s[i], pe, "org", "cue:org_branch") end
      end
    end
  end
  -- a word with a place name's ending of the text's list (place_suffix:
  -- Hindi भवानीपुर, मेहगांव; Urdu and Persian حسن‌آباد) and at least `min`
  -- letters before it is a place, unless it is a stop word, a cue or a
  -- name of the name lists; a gazetteer name or a longer mention over it wins
  -- (`apart`: the ending as a word of its own after an unknown word or a
  -- given name, جعفر آباد, نصیر آباد: the two words, not a person's)
  local sufs = lang and kb.place_suffix[lang]
  if sufs then
    for i = 1, T.n do
      local key = T.sc[i] == "uncased" and not from[i] and not to[i] and T.f[i]
      local least = key and i > 1 and (T.sp[i] or false) and T.sc[i - 1] == "uncased" and not from[i - 1]
        and not to[i - 1] and apart_suffix(kb, lang, key)
      if least and utf8.len(T.f[i - 1]) >= least and not window_stop(kb, T, text, i - 1, 0, lang) then
        add(out, text, T.s[i - 1], T.e[i], "place", "cue:place_suffix")
      end
      if key and not known(kb, key) and kb_mod.suffix_entry(sufs, key) and not window_stop(kb, T, text, i, 0, lang) then
        -- (the English 'New' before it is the name's, न्यू हैदरगंज)
        local new = i > 1 and (T.sp[i] or false) and T.f[i - 1] == DEVA_NEW
        add(out, text, T.s[new and i - 1 or i], T.e[i], "place", "cue:place_suffix")
      end
    end
  end
  -- (the lists last: an item found by a title already counts as known)
  if hangul then korean.listed(kb, T, text, from, out, stop_at) end
  if lang == "ar" then ar_residence(kb, T, text, from, out, lang) end
  if lang == "hi" then
    deva_dateline(kb, T, text, from, out, lang)
    deva_area_places(kb, T, text, from, out, lang)
    deva_list_places(kb, T, text, from, out, lang)
  end
  if lang == "fa" or lang == "ur" then deva_list_places(kb, T, text, from, out, lang) end
end

M.uncased, M.acronym_at, M.is_deva, M.deva_initials = uncased, acronym_at, is_deva, deva_initials
M.REGNAL = REGNAL
return M
