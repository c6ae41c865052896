-- glean.entities.tokens: the words of a text (tokens: offsets, folded keys,
-- case, script kind, the gaps between words), the gaps a name or a cue may
-- hold, Korean particles, the sentence's first word, the walk of the cue
-- trie over the words (cue_matches) and the questions the lists answer of
-- a word (a stop word, a month or weekday name).
local core = require "glean.core"
local base = require "glean.entities.base"

local ipairs, pairs, setmetatable, math, utf8, table = ipairs, pairs, setmetatable, math, utf8, table
local byte = string.byte
local fold, vi_sig = base.fold, base.vi_sig
local apostrophe = base.apostrophe

local M = {}

-- ---------------------------------------------------------------------
-- the words of a text

local ARABIC_CLITICS = { ["\217\136"] = true, ["\217\129"] = true, ["\216\168"] = true,   -- و ف ب
                         ["\217\132"] = true, ["\217\131"] = true }                         -- ل ك
-- Hebrew prefixes written on the word: ו ה ב ל מ ש כ (והשר, לראש, במשרד)
local HEBREW_PREFIXES = { ["\215\149"] = true, ["\215\148"] = true, ["\215\145"] = true, ["\215\156"] = true,
                          ["\215\158"] = true, ["\215\169"] = true, ["\215\155"] = true }
-- the same two-byte letters by their bytes (first * 256 + second): the cue
-- walk tests every word without case for them, without a string per word
local function by_bytes(set)
  local t = {}
  for k in pairs(set) do t[k:byte(1) * 256 + k:byte(2)] = true end
  return t
end
local ARABIC_CLITIC_BYTES, HEBREW_PREFIX_BYTES = by_bytes(ARABIC_CLITICS), by_bytes(HEBREW_PREFIXES)

-- tokens(text) -> T: T.n words (letters or digits) with T.s, T.e (bytes),
-- T.f (folded), T.cap (capitalised), T.sc ("cased", "uncased", "nospace",
-- "number"), T.gap[i] (the text between word i-1 and word i); T.kinds and
-- T.raw for a walk over ICU's words as they are (glean.analyze's
-- candidates): word_keys' kinds string and { [x] = {start, stop} } of the
-- words narrowed at an apostrophe
local function tokens(text)
  -- the words, their folded keys and kinds in one call (glean.core.word_keys);
  -- S, E and F are its tables, changed in place for the few words below
  local S, E, F, kinds = core.word_keys(text)
  local n = #S
  -- an apostrophe inside a word (UAX #29 keeps Biden's, Ankara'da,
  -- l'Union whole): a suffix after it and an elided article before it
  -- are not part of the name; O'Brien and D'Alema stay whole.  The words
  -- holding one are found from the apostrophes of the text (most texts
  -- have none, most words hold none)
  local apos, raw = {}, {}
  for _, mark in ipairs { "'", "\226\128\153", "\226\128\152" } do
    local p, x = text:find(mark, 1, true), 1
    while p do
      while x <= n and E[x] < p do x = x + 1 end
      if x > n then break end
      if S[x] <= p and not apos[x] then
        local a, b = S[x], E[x]
        local w = text:sub(a, b)
        local side, pa, qa = apostrophe(w)
        if side == "right" then S[x] = a + qa; F[x] = fold(w:sub(qa + 1))
        elseif side == "left" then E[x] = a + pa - 2; F[x] = fold(w:sub(1, pa - 1)) end
        if side then raw[x] = { a, b } end
        apos[x] = true
      end
      p = text:find(mark, p + 1, true)
    end
  end
  -- the script class, case and one-space gap of every word, from the text's
  -- bytes in one C call (glean.core.word_shapes; csrc/wordshape.c): SC[x]
  -- "cased", "uncased", "nospace" or "number", CAP[x] the first letter of
  -- a cased word is upper case, SP[x] one space (or no-break space) between
  -- word x-1 and word x, the commonest question about a gap
  local SC, CAP, SP = core.word_shapes(text, S, E, kinds)
  local T = { s = S, e = E, f = F, cap = CAP, sc = SC, sp = SP, n = n, pstrip = {}, text = text,
              kinds = kinds, raw = raw }
  -- gaps are made when asked for: most words are never looked at twice
  T.gap = setmetatable({}, { __index = function(t, i)
    local g = text:sub((i > 1 and E[i - 1] or 0) + 1, (i <= n and S[i] or #text + 1) - 1)
    t[i] = g
    return g
  end })
  return T
end

-- index_of(A, n, pos) -> x with A[x] == pos, or nil: a binary search over
-- A[1..n], which rises
local function index_of(A, n, pos)
  local lo, hi = 1, n
  while lo <= hi do
    local mid = (lo + hi) // 2
    local v = A[mid]
    if v == pos then return mid elseif v < pos then lo = mid + 1 else hi = mid - 1 end
  end
  return nil
end

-- word_starting(T, pos) -> the word that starts at byte pos, or nil;
-- word_ending(T, pos) -> the word that ends at byte pos, or nil (T.s and
-- T.e both rise)
local function word_starting(T, pos) return index_of(T.s, T.n, pos) end
local function word_ending(T, pos) return index_of(T.e, T.n, pos) end

-- gaps that may sit inside a name or a cue: spaces, one hyphen or
-- apostrophe, the period of an abbreviation
local function inner_gap(g)
  return g == " " or g == "\194\160" or g == "-" or g == "'" or g == "\226\128\153" or g == "\226\128\144"
    or g == ". " or g == "." or g == "\226\128\145"
end
local function space_gap(g) return g == " " or g == "\194\160" end
-- inside a cue phrase or after an organisation's head word, also an elided
-- article or preposition (ministre de l'Intérieur, Ministero dell'Interno)
-- and a slash (the designator A/S)
local function cue_gap(g)
  return inner_gap(g) or g == "/" or g:find("^ ?%l%l?%l?%l?%l?'$") ~= nil
    or g:find("^ ?%l%l?%l?%l?%l?\226\128\153$") ~= nil
end

-- cue matches: from[i] = { class = {stop index, opts} } (longest), to[j] =
-- { class = {start index, opts} }
-- Korean: a case particle is written inside the word (대통령은, 외교부가);
-- hangul_stem(w, min) -> w without it when at least min syllables remain
-- (으로부터 'from', 에게만 'only to', 만의 'only ... of' and the copula's 입니다 before the
-- particles they hold: 장관으로부터, 김재환에게만, 기자입니다)
local HANGUL_PARTICLES = { "으로부터", "로부터", "에게만", "입니다", "만의",
  "에게서", "으로서", "으로써", "에서는", "에게는", "께서는", "에서도", "에게도", "으로는",
  "이라는", "에게", "에서", "에겐", "에선", "한테",
  "께서", "으로", "로서", "부터", "까지", "처럼", "보다", "과의", "와의", "에는", "에도", "은", "는", "이", "가", "을",
  "를", "의", "에", "와", "과", "도", "로", "만" }
local HANGUL_PARTICLE = {}
for _, p in ipairs(HANGUL_PARTICLES) do HANGUL_PARTICLE[p] = true end
-- particles that end a name window: a name does not end in them
local HANGUL_BREAK = { "의", "는", "을", "를", "에서", "에게", "으로", "께서" }
local function is_hangul(w)
  local b = w:byte(1)
  -- U+AC00-U+D7A3 start with EA-ED; a word folded to nothing (a lone tatweel ـ) is none
  if not b or b < 0xEA or b > 0xED then return false end
  local c = utf8.codepoint(w, 1)
  return c >= 0xAC00 and c <= 0xD7A3
end
local function hangul_stem(w, min, list)
  for _, p in ipairs(list or HANGUL_PARTICLES) do
    if #w > #p and w:sub(-#p) == p and utf8.len(w) - utf8.len(p) >= min then return w:sub(1, -#p - 1) end
  end
  return nil
end

-- hangul_org(kb, w) -> the word without its particle when it is an
-- organisation's name: it ends in an org_tail (외교부, 한빛전자는), with two
-- syllables before a one-syllable tail (정부, 일부 are none)
local function hangul_org(kb, w)
  local st = hangul_stem(w, 2) or w
  local nsyl = utf8.len(st)
  for tl = math.min(nsyl - 1, 6), 1, -1 do
    local node = kb.trie[st:sub(utf8.offset(st, nsyl - tl + 1))]
    if node and node.ends and node.ends.org_tail and nsyl - tl >= (tl == 1 and 2 or 1) and not kb.stop_any[st] then
      -- (nor a word ending in a stop word of two syllables or more that
      -- holds the tail: 원내지도부 as 지도부, 연방정부 as 정부)
      for a = 2, nsyl - tl do
        if kb.stop_any[st:sub(utf8.offset(st, a))] then return nil end
      end
      return st
    end
  end
  return nil
end

-- Bengali: case endings written on the word (মন্ত্রণালয়ের, প্রধানমন্ত্রীর,
-- দলকে, অফিসে); bengali_stem(w, strong) -> w without its ending when two
-- letters or more remain; strong: only the endings no name ends in (not
-- the -র after a vowel: কুমার, সরকার)
local BENGALI_ENDINGS = { "দের", "ের", "কে", "তে", "ে", "র", "ও" }
local BENGALI_STRONG = { "দের", "ের", "কে", "তে", "ে" }
local BENGALI_ENDING = {}
for _, e in ipairs(BENGALI_ENDINGS) do BENGALI_ENDING[e] = true end
local function is_bengali(w)
  local b1, b2 = w:byte(1, 2)
  return b1 == 0xE0 and (b2 == 0xA6 or b2 == 0xA7)   -- U+0980-U+09FF
end
local function bengali_stem(w, strong)
  for _, e in ipairs(strong and BENGALI_STRONG or BENGALI_ENDINGS) do
    if #w > #e and w:sub(-#e) == e and utf8.len(w) - utf8.len(e) >= 2 then return w:sub(1, -#e - 1) end
  end
  return nil
end

-- is word i the first of its sentence (after . ! ? : a line break, or
-- the start of the text, with quotes and brackets between)?
local function sentence_initial(T, i)
  if i == 1 then return true end
  local g = T.gap[i]
  if g:find("\n") then return true end
  return g:find("[%.!?:;]%s*[\"'«„“‘(%[]*%s*$") ~= nil or g:find("[\226][\128][\148\147]%s*$") ~= nil
    or g:find("\227\128\130") ~= nil or g:find("\216\159") ~= nil
end

-- vi_spelled(T, i, j, sigs): words i..j are spelled as one of the phrases
-- sigs (base.vi_sig of each word, joined by spaces)
local function vi_spelled(T, i, j, sigs)
  local t = {}
  for k = i, j do t[#t + 1] = vi_sig(T.text:sub(T.s[k], T.e[k])) end
  return sigs[table.concat(t, " ")] == true
end

-- more_marks(T, i, first): word i is written with more letters outside
-- ASCII (accented) than every spelling in first of a title's first word:
-- Spanish Secretaría (the secretariat) against the title secretaria; a
-- word written without its accents (SECRETARIA in capitals) still matches
local function non_ascii(w)
  local n = 0
  for _, c in utf8.codes(w) do if c > 127 then n = n + 1 end end
  return n
end
local function more_marks(T, i, first)
  local w = core.normalize(T.text:sub(T.s[i], T.e[i]), "NFKC_CF")
  if first[w] then return false end
  local n = non_ascii(w)
  for x in pairs(first) do if non_ascii(x) >= n then return false end end
  return true
end

-- cue_lang(kb, o, lang): a cue of options o counts in a text of lang: its
-- list's language or every language's, or any list's in a language without
-- a cue list of its own (not `own` ones); und texts take every cue
local function cue_lang(kb, o, lang)
  return lang == "und" or o.langs[lang] or o.langs["*"] or (not kb.cue_langs[lang] and not o.own)
end

local function cue_matches(kb, T, lang)
  local from, to = {}, {}
  local trie, SC, F = kb.trie, T.sc, T.f
  for i = 1, T.n do
    local sc = SC[i]
    if sc ~= "nospace" then
      local key = F[i]
      local node, skip = trie[key], 0
      -- a Bengali cue with its case ending: no title then (প্রধানমন্ত্রীর
      -- বক্তব্য: the title's noun phrase ends there)
      local bn_end = false
      -- (only a word without case can be any of these: one test for all)
      if not node and sc == "uncased" then
        -- (the first two bytes tell Hangul, Bengali and the clitics apart)
        local b1, b2 = byte(key, 1, 2)
        b1, b2 = b1 or 0, b2 or 0
        if b1 >= 0xEA and b1 <= 0xED and is_hangul(key) then
          local st = hangul_stem(key, 1)
          node = st and trie[st]
          if node then T.pstrip[i] = #key - #st end
        end
        if not node and b1 == 0xE0 and (b2 == 0xA6 or b2 == 0xA7) then   -- is_bengali
          local st = bengali_stem(key)
          node = st and trie[st]
          if node then T.pstrip[i], bn_end = #key - #st, true end
        end
        if not node and #key > 4 then
          local b12 = b1 * 256 + b2
          if ARABIC_CLITIC_BYTES[b12] then
            node, skip = trie[key:sub(3)], 2
            -- ل + the article is written لل (للرئيس, للجامعة): the cue with its alif
            if not node and b12 == 0xD984 and byte(key, 3) == 0xD9 and byte(key, 4) == 0x84 then
              node = trie["\216\167" .. key:sub(3)]
            end
          elseif HEBREW_PREFIX_BYTES[b12] then
            -- up to two Hebrew prefixes (לראש, והשר), the word without them
            node, skip = trie[key:sub(3)], 2
            if not node and #key > 6 and HEBREW_PREFIX_BYTES[byte(key, 3) * 256 + byte(key, 4)] then
              node, skip = trie[key:sub(5)], 4
            end
            -- (not in a word that is a stop word as written: מדובר 'it is about' is no מ + דובר)
            local st = node and (kb.stop[lang] or kb.stop_any)
            if st and st[key] then node, skip = nil, 0 end
          end
        end
      end
      local j = i
      while node do
        if node.ends then
          for class, o in pairs(node.ends) do
            -- `lower`: only as a lower-case word or a sentence's first
            -- (Vietnamese anh, chị, bà are also the names Anh, Chí, Ba)
            -- `own`: only in texts of the list's language (Police, Union,
            -- Hospital are heads in French or Spanish, words in English)
            -- `lower` cues are written as the text writes them, tone marks
            -- included (chị is no chí: search folding makes both chi)
            -- `onto`: only written onto another word (수원시장: glean.entities.korean)
            if not (bn_end and (class == "title" or class == "org_head")) and not o.onto
              and not (o.lower and T.cap[i] and not sentence_initial(T, i))
              and not (o.raw and j == i and T.text:sub(T.s[i], T.e[i]) ~= o.raw
                       and not (T.cap[i] and sentence_initial(T, i)))
              -- (a Vietnamese cue in a Vietnamese text: as spelled, tones kept)
              and not (lang == "vi" and o.vi_sigs and not vi_spelled(T, i, j, o.vi_sigs))
              and not (lang == "es" and class == "title" and o.first and more_marks(T, i, o.first))
              and (cue_lang(kb, o, lang) or (T.alt_lang and o.langs[T.alt_lang])) then
              from[i] = from[i] or {}
              from[i][class] = { j, o, skip }
              to[j] = to[j] or {}
              local cur = to[j][class]
              if not cur or cur[1] > i then to[j][class] = { i, o, skip } end
            end
          end
        end
        local nj = j + 1
        if nj > T.n then break end
        -- the next word first (a table look-up), the gap only when it fits
        local nxt, strip = node[T.f[nj]], nil
        if not nxt and T.sc[nj] == "uncased" and is_hangul(T.f[nj]) then
          local st = hangul_stem(T.f[nj], 1)
          nxt = st and node[st]
          if nxt then strip = #T.f[nj] - #st end
        elseif not nxt and T.sc[nj] == "uncased" and is_bengali(T.f[nj]) then
          local st = bengali_stem(T.f[nj])
          nxt = st and node[st]
          if nxt then strip = #T.f[nj] - #st end
        end
        if not nxt or not cue_gap(T.gap[nj]) then break end
        if strip then T.pstrip[nj] = strip end
        node = nxt
        j = nj
      end
    end
  end
  return from, to
end

-- own_cue(from, i, lang): a cue of the text's own list starts at word i
-- (a Vietnamese syllable folds like cues of other languages: dục = French duc)
local function own_cue(from, i, lang)
  local c = from[i]
  if not c then return false end
  for _, class in ipairs { "title", "say", "org_head", "org_tail", "byline", "title_after" } do
    if c[class] and c[class][2].lang == lang then return true end
  end
  return false
end

local function any_cue(from, i)
  local c = from[i]
  return c and (c.title or c.say or c.org_head or c.org_tail or c.byline or c.title_after) ~= nil
end

-- is word i written as a date's abbreviation: its period after it, or a
-- number beside it (Jan. 5, 5 Jan, Mon 12)?
local function dated(T, i)
  local g = T.gap[i + 1]
  if g and g:sub(1, 1) == "." then return true end
  local function digit(k) return k >= 1 and k <= T.n and T.f[k]:find("^%d") ~= nil end
  return (digit(i + 1) and space_gap(T.gap[i + 1])) or (digit(i - 1) and space_gap(T.gap[i])) or false
end

-- is word i a month or weekday name (of the text's language lang)?  An
-- abbreviation that is no full name (Jan, Per for the Turkish Perşembe)
-- counts only written as a date's (dated): Jan Novák, Per Strand are names
local function is_calendar(kb, T, i, lang)
  local cs = kb.calendar[T.f[i]]
  if not cs then return false end
  local c
  if kb.calendar_locs[lang] then c = cs[lang]
  else
    local rank = { short = 1, accented = 2 }
    for _, v in pairs(cs) do if v == true or not c or (c ~= true and rank[v] > rank[c]) then c = v end end
  end
  return c == true or (c == "accented" and T.text:sub(T.s[i], T.e[i]):find("[\128-\255]") ~= nil)
    or (c == "short" and dated(T, i))
end

-- own_stop(kb, lang, key): a stop word of the cue list of the text's
-- language (of any cue list when the language is unknown): Portuguese
-- "ali" is the Turkish name Ali
local function own_stop(kb, lang, key)
  local e = kb.explicit_stop[key]
  if not e then return false end
  return e[lang] or (kb.stop[lang] == nil) or false
end

local function is_stop(kb, lang, key)
  local s = kb.stop[lang]
  return s and s[key] or false
end

-- patronymic(w): a folded Russian or Ukrainian patronymic in any case
-- (Владимирович, Сергеевича, Володимировичем, Петровной, Василівна,
-- Євгенівни): the third word of Фамилия Имя Отчество, so a surname stands
-- before the given name, not after it
-- (every stem with every ending of its gender, made once: the test makes
-- no string but the word's tail)
local PATRONYMIC_ENDINGS = {}
for _, g in ipairs { { { "ович", "евич", "євич" }, { "", "а", "у", "ем", "е", "еві" } },
                     { { "овн", "евн", "івн" }, { "а", "ы", "е", "у", "ои", "и", "і", "ою" } } } do
  for _, st in ipairs(g[1]) do
    for _, e in ipairs(g[2]) do PATRONYMIC_ENDINGS[#PATRONYMIC_ENDINGS + 1] = st .. e end
  end
end
-- ends_in(w, endings): w ends with one of the strings of endings
local function ends_in(w, endings)
  for _, e in ipairs(endings) do if w:sub(-#e) == e then return true end end
  return false
end
local function patronymic(w) return utf8.len(w) >= 6 and ends_in(w, PATRONYMIC_ENDINGS) end

-- the second word of an Arabic theophoric compound name (نور الدين, عطية
-- الله, نصر الله): it ends a name, and is never a surname alone
M.THEOPHORIC = { ["\216\167\217\132\216\175\217\138\217\134"] = true,   -- الدين
                 ["\216\167\217\132\217\132\217\135"] = true }               -- الله
M.ARABIC_CLITICS, M.HANGUL_BREAK, M.HANGUL_PARTICLE = ARABIC_CLITICS, HANGUL_BREAK, HANGUL_PARTICLE
M.HEBREW_PREFIXES = HEBREW_PREFIXES
M.word_starting, M.word_ending = word_starting, word_ending
M.tokens, M.inner_gap, M.space_gap, M.cue_gap = tokens, inner_gap, space_gap, cue_gap
M.is_hangul, M.hangul_stem, M.hangul_org = is_hangul, hangul_stem, hangul_org
M.is_bengali, M.bengali_stem, M.BENGALI_ENDING = is_bengali, bengali_stem, BENGALI_ENDING
M.sentence_initial, M.cue_matches, M.own_cue, M.any_cue = sentence_initial, cue_matches, own_cue, any_cue
M.is_calendar, M.own_stop, M.is_stop = is_calendar, own_stop, is_stop
M.cue_lang = cue_lang
M.patronymic = patronymic
M.ends_in = ends_in
return M
