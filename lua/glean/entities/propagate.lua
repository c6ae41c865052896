-- glean.entities.propagate: later mentions of what was found in a
-- document (a person's full name, surname or given name, inflected or in
-- capitals; an organisation's full name; an acronym defined in brackets).
-- propagate(kb, T, text, runs, found, out, lang, to) adds them to out.
local core = require "glean.core"
local base = require "glean.entities.base"
local kb_mod = require "glean.entities.kb"
local toks = require "glean.entities.tokens"
local han = require "glean.entities.cjk"
local spans = require "glean.entities.spans"
local uncased = require "glean.entities.uncased"

local ipairs, next, pairs, setmetatable, table, utf8 = ipairs, next, pairs, setmetatable, table, utf8
local NO_LENS = {}
local sort, concat = table.sort, table.concat
local add, is_nospace_cp, fold = base.add, base.is_nospace_cp, base.fold
local stem, name_entry = kb_mod.stem, kb_mod.name_entry
local ARABIC_CLITICS, HEBREW_PREFIXES = toks.ARABIC_CLITICS, toks.HEBREW_PREFIXES
local is_stop, is_calendar = toks.is_stop, toks.is_calendar
local word_starting, word_ending = toks.word_starting, toks.word_ending
local cp_class = han.cp_class
local spans_add, spans_conflict = spans.add, spans.conflict
-- the characters of an administrative unit that end no Chinese name of a person
local ADMIN_END = {}
for _, c in utf8.codes("县縣市区區镇鎮乡鄉省") do ADMIN_END[utf8.char(c)] = true end

local M = {}

-- cps(w) -> the code points of w
local function cps(w)
  local t = {}
  for _, c in utf8.codes(w) do t[#t + 1] = c end
  return t
end

-- edits(a, b) -> the Levenshtein distance of two code point lists
local function edits(a, b)
  local prev = {}
  for j = 0, #b do prev[j] = j end
  for i = 1, #a do
    local cur = { [0] = i }
    for j = 1, #b do
      local c = prev[j - 1] + (a[i] == b[j] and 0 or 1)
      if prev[j] + 1 < c then c = prev[j] + 1 end
      if cur[j - 1] + 1 < c then c = cur[j - 1] + 1 end
      cur[j] = c
    end
    prev = cur
  end
  return prev[#b]
end

-- variant(x, y): two names of as many words, the same last word, whose
-- other words differ by at most a third of their letters each: two
-- spellings of one person's name in a script without case (व्लादिमीर /
-- ब्लादिमीर पुतिन), not two people of one family (राहुल / सोनिया गांधी)
local function variant(x, y)
  local a, b = {}, {}
  for w in x:gmatch("%S+") do a[#a + 1] = w end
  for w in y:gmatch("%S+") do b[#b + 1] = w end
  if #a ~= #b or #a < 2 or a[#a] ~= b[#b] then return false end
  for k = 1, #a - 1 do
    local p, q = cps(a[k]), cps(b[k])
    if edits(p, q) > math.max(1, math.min(#p, #q) // 3) then return false end
  end
  return true
end

-- ---------------------------------------------------------------------
-- propagation within a document

local MAX_FULL_WORDS = 12   -- capitalised words of a full name propagated as a whole

-- the characters that join names in a list (Chinese 、 和 与 及 同 跟,
-- Japanese 、 と や)
local COORD_ZH, COORD_JA = {}, {}
for _, c in utf8.codes("、和与及同跟與") do COORD_ZH[utf8.char(c)] = true end
for _, c in utf8.codes("、とや") do COORD_JA[utf8.char(c)] = true end

-- repeats_of(text, T, cands) -> { [surface] = { start, ... } } for the
-- surfaces of cands, when there are many: a plain search of the text per
-- surface cost the text's length times their number (8,000 organisations
-- in 200 KB: 0.6 s, 30x for 10x the text).  Repeats start at a word or at a
-- Han/kana character; from each such start the text is walked along the
-- prefixes of the surfaces (a few bytes where none goes on), so the time is
-- the number of starts times the common prefix.  Surfaces longer than 256
-- bytes (few: at most one per 256 bytes of text) are left to the search.
local REPEATS_INDEXED = 64
local function repeats_of(text, T, cands)
  local found = {}
  if #cands <= REPEATS_INDEXED then return found end
  local prefix = {}
  for _, m in ipairs(cands) do
    local s = m.surface
    if #s <= 256 then
      found[s] = {}
      for k = 1, #s - 1 do prefix[s:sub(1, k)] = true end
    end
  end
  local starts, n = {}, 0
  for k = 1, T.n do n = n + 1; starts[n] = T.s[k] end
  if text:find("[\227-\233\239\240]") then
    for p, c in utf8.codes(text) do
      if is_nospace_cp(c) then n = n + 1; starts[n] = p end
    end
    sort(starts)
  end
  local prev = nil
  for x = 1, n do
    local p = starts[x]
    if p ~= prev then
      prev = p
      local k = 1
      while p + k - 1 <= #text do
        local sub = text:sub(p, p + k - 1)
        local list = found[sub]
        if list then list[#list + 1] = p end
        if not prefix[sub] then break end
        k = k + 1
      end
    end
  end
  return found
end

-- inside_cue(to, a): word a is inside a cue phrase of several words that
-- goes on after it (Thủ tướng Chính phủ, Bộ Chính trị)
local function inside_cue(to, a)
  for x = a + 1, a + 4 do
    for _, c in pairs(to[x] or NO_LENS) do
      if type(c) == "table" and c[1] and c[1] <= a then return true end
    end
  end
  return false
end

-- ends_cue(to, a): word a is the last of a cue phrase of several words
-- (اعظم of وزیر اعظم, the prime minister's title)
local function ends_cue(to, a)
  for _, c in pairs(to[a] or NO_LENS) do
    if type(c) == "table" and c[1] and c[1] < a then return true end
  end
  return false
end

-- later mentions of a found person's full name, surname (inflected or in
-- capitals) or unambiguous given name; of an organisation's full name; of
-- an acronym defined in brackets after an organisation's name
local SECOND_SURNAME = { es = true, pt = true, ca = true, gl = true }

-- the cues that name a person by one word well enough for its repeats
-- (glean.entities.propagate: a surname or a mononym alone)
-- (in Russian and Ukrainian a title's complement in the genitive is one
-- word as often, главы Корякии: there a reporting verb only)
local ALONE_RULE = { ["cue:say"] = true, ["cue:title"] = true, ["cue:title_after"] = true }
local CASE_LANGS = { ru = true, uk = true, be = true }
-- the quotes an alias may stand in after its cue (vulgo "Zezinho", alias ‘Chapo’)
local ALIAS_QUOTE = { [' "'] = true, [" '"] = true, [" \226\128\156"] = true, [" \226\128\152"] = true,
  [" \194\171"] = true, [" \194\180"] = true }
-- languages whose given names drop a fleeting e before a case ending
local LATIN_FLEETING = { pl = true, cs = true, sk = true }

-- initials_acronym(name, word[, min]) -> word when it is written in capitals
-- (min letters or more, 2 by default, 8 at most) and its letters are the
-- initials of the name's words, in order, from the first; the name's other
-- words in lower case may be skipped, its capitalised ones may not
-- (Шанхайская организация сотрудничества -> ШОС; not Polícia Militar -> PM
-- of another body); nil otherwise
local function initials_acronym(name, word, min)
  if not word then return nil end
  local n = utf8.len(word)
  if not n or n < (min or 2) or n > 8 then return nil end
  local letters = {}
  for _, c in utf8.codes(word) do
    local ch = utf8.char(c)
    if not base.is_upper(ch) then return nil end
    letters[#letters + 1] = ch
  end
  local k = 1
  for w in name:gmatch("[^%s%-]+") do
    local first = utf8.char(utf8.codepoint(w, 1))
    if k <= #letters and fold(first) == fold(letters[k]) then
      k = k + 1
    elseif base.is_upper(first) or k == 1 then
      return nil
    end
  end
  return k > #letters and word or nil
end

local function propagate(kb, T, text, runs, found, out, lang, to)
  -- (a Chinese list of names needs none found: 王建洋、张文能和李立宇)
  -- (nor a Korean text with a person of the gazetteer: 이 대통령 after 이재명)
  if #found == 0 and lang ~= "zh" and not (lang == "ko" and T.people and next(T.people)) then return end
  -- bytes already in a mention (spans_add: a test costs the buckets the
  -- span touches, not the number of mentions)
  local taken = {}
  for _, m in ipairs(found) do spans_add(taken, m.start, m.stop) end
  local function free(a, b) return spans_conflict(taken, a, b) == nil end
  -- a repeat of mention m at bytes a..b: added, and its bytes taken
  local function claim(a, b, typ, m, rule)
    local x = add(out, text, a, b, typ, rule or "propagated", { source = "propagated", of = m })
    spans_add(taken, a, b)
    return x
  end
  -- the last surname repeat of one word: { word, person, mention }
  local last_one = nil
  local by_full, by_surname, by_given, by_sfull = {}, {}, {}, {}
  local key_of = {}   -- "s:"..surname or "g:"..given name -> the stemmed full name it came from
  -- note(map, tag, w, m, skey): w (tag "s:" a surname, "g:" a given name)
  -- names m, unless another full name has it too (then false)
  local function note(map, tag, w, m, skey)
    local key = tag .. w
    if key_of[key] == nil then map[w] = m; key_of[key] = skey
    elseif key_of[key] ~= skey then map[w] = false end
  end
  -- word_at[byte] -> the word starting there (binary search over T.s)
  local word_at = setmetatable({}, { __index = function(_, pos)
    local lo, hi = 1, T.n
    while lo <= hi do
      local mid = (lo + hi) // 2
      local s = T.s[mid]
      if s == pos then return mid elseif s < pos then lo = mid + 1 else hi = mid - 1 end
    end
    return nil
  end })
  -- a person's short name in brackets right after the full one (Joko
  -- Widodo (Jokowi), Luiz Inácio Lula da Silva (Lula)): one capitalised
  -- word that opens like a word of the name; not an acronym or another
  -- name (a party, a club: Ulf Kristersson (M), Иван Петров (Газпром))
  local by_alias = {}
  for _, m in ipairs(found) do
    local i, k = word_at[m.start], word_at[m.stop + 3]
    local bracketed = k and T.gap[k] == " (" and (T.gap[k + 1] or ")"):sub(1, 1) == ")"
    if m.type == "person" and i and bracketed and T.sc[k] == "cased" and T.cap[k] and T.e[k - 1] == m.stop
      and not base.is_upper(utf8.char(utf8.codepoint(text, utf8.offset(text, 2, T.s[k]))))
      and utf8.len(T.f[k]) >= 3 then
      local head, own = T.f[k]:sub(1, utf8.offset(T.f[k], 4) - 1), false
      for x = i, k - 1 do if T.f[x]:sub(1, #head) == head then own = true end end
      if own then by_alias[T.f[k]] = by_alias[T.f[k]] == nil and m or false end
    end
  end
  -- a person's other name after an `alias` cue right after the name (José
  -- da Silva, vulgo Zezinho; Ivson Wanderley, mais conhecido como Ivinho;
  -- Juan Pérez, alias El Chapo; after a comma: Jean Dupont dit Non is a
  -- reporting verb): one to three capitalised words, maybe in
  -- quotes, are the same person, and so is a one-word alias where the text
  -- repeats it
  for _, m in ipairs(to and found or {}) do
    local x = m.type == "person" and word_at[m.start]
    if x and T.sc[x] == "cased" then
      while x <= T.n and T.e[x] < m.stop do x = x + 1 end
      local k = x + 1
      local g = k <= T.n and T.e[x] == m.stop and (T.sp[k] and " " or T.gap[k])
      if g == ", " then
        for e = k, math.min(k + 3, T.n - 1) do
          local c = to[e] and to[e].alias
          if c and c[1] == k then
            local a = e + 1
            local q = T.sp[a] and " " or T.gap[a] or ""
            if T.sc[a] == "cased" and T.cap[a] and (q == " " or ALIAS_QUOTE[q]) then
              local b = a
              while b < T.n and b - a < 2 and T.cap[b + 1] and T.sc[b + 1] == "cased" and T.sp[b + 1] do b = b + 1 end
              if free(T.s[a], T.e[b]) then
                claim(T.s[a], T.e[b], "person", m)
                if a == b and utf8.len(T.f[a]) >= 3 then by_alias[T.f[a]] = by_alias[T.f[a]] == nil and m or false end
              end
            end
            break
          end
        end
      end
    end
  end
  local alone = {}
  for _, m in ipairs(found) do
    local i = word_at[m.start]
    if m.type == "person" and i and T.sc[i] == "cased" then
      local words = {}
      local k = i
      while k <= T.n and T.e[k] <= m.stop do
        if T.cap[k] then words[#words + 1] = T.f[k] end
        k = k + 1
      end
      if #words >= 2 then
        local key = concat(words, " ")
        by_full[key] = by_full[key] or m
        -- the same person again (Игорь Морозов, Игоря Морозова) keeps the
        -- surname and given name unambiguous; another person does not
        local stems = {}
        for q, w in ipairs(words) do stems[q] = stem(w, lang) end
        local skey = concat(stems, " ")
        -- the same full name in another case (Víta Rakušana, Vít Rakušan)
        by_sfull[skey] = by_sfull[skey] or m
        -- (one person in two cases keeps the surname: a Polish, Czech or
        -- Slovak given name drops its fleeting e before the ending, Marka
        -- Sawickiego and Marek Sawicki, Karla and Karel)
        if LATIN_FLEETING[lang] then
          for q = 1, #stems - 1 do stems[q] = stems[q]:gsub("^(%l%l+)e([^aeiouy%A])$", "%1%2") end
          skey = concat(stems, " ")
        end
        -- the surname is the last word that is no initial (Иванов И. В.:
        -- Иванов, not В), and the first of a Russian or Ukrainian name that
        -- ends in a patronymic (Кличко Виталий Владимирович: Кличко, given
        -- name Виталий); a given name and a patronymic alone have none
        local last = #words
        while last > 1 and utf8.len(words[last]) == 1 do last = last - 1 end
        local sn, gv = stem(words[last], lang), words[1]
        if last == #words and last >= 2 and toks.patronymic(words[last]) then
          if last >= 3 then sn, gv = stem(words[1], lang), words[2] else sn = nil end
        end
        if utf8.len(words[last]) == 1 then sn = nil end
        if sn then note(by_surname, "s:", sn, m, skey) end
        -- Spanish and Portuguese names carry two surnames or a byname before
        -- the last word, and news calls the person by it alone (Enrique
        -- Alfaro Ramírez: Alfaro; Luiz Inácio Lula da Silva: Lula): each word
        -- between the first and the last that the text's language's name list
        -- does not know as a given name only (Lula is one in English lists)
        for q = 2, SECOND_SURNAME[lang] and last - 1 or 0 do
          local e = name_entry(kb, words[q], lang)
          local given = e and e.given_langs and e.given_langs[lang] and not (e.surname_langs and e.surname_langs[lang])
          -- (not a stop word of a headline read as a name: PORTO CON TANTO)
          local sq = not given and utf8.len(words[q]) >= 3 and not is_stop(kb, lang, words[q]) and stem(words[q], lang)
          if sq then note(by_surname, "s:", sq, m, skey) end
        end
        -- (a first word the name lists do not know as a given name is no
        -- given name alone: Jakarta of a title's complement Jakarta Pusat,
        -- The of The Jakmania, Timnas)
        local ge = name_entry(kb, gv, lang)
        if ge and ge.given then note(by_given, "g:", gv, m, skey) end
      elseif #words == 1 and (m.rule == "cue:say" or (ALONE_RULE[m.rule] and not CASE_LANGS[lang]))
        and utf8.len(words[1]) >= 4 and not is_stop(kb, lang, words[1]) and not words[1]:find("^%d") then
        alone[#alone + 1] = { m, stem(words[1], lang) }
      end
    end
  end
  -- a name a reporting verb or a title found alone («...», – сказал Песков;
  -- ujar Sutjipto; o compositor Tunai) is the same person elsewhere in the
  -- text (in Russian and Ukrainian in any case), where no full name has it
  -- (not a word an organisation or a place of the document is called)
  -- (nor a word of such a name: pelatih Persib beside Persib Bandung is
  -- the club; nor a title's complement before a comma and the person it
  -- names: pemain Persela, Rafinha)
  local other, person_at = {}, {}
  for _, m in ipairs(alone[1] and found or {}) do
    if m.type ~= "person" then
      other[stem(fold(m.surface), lang)] = true
      for w in m.surface:gmatch("[^%s]+") do other[stem(fold(w), lang)] = true end
    else
      person_at[m.start] = true
    end
  end
  for _, a in ipairs(alone) do
    local p = a[1].stop + 1
    if text:sub(p, p + 1) == ", " and person_at[p + 2] then other[a[2]] = true end
  end
  -- (nor one the text defines in brackets after a name of two capitalised
  -- words or more, as organisations' short names are: Forum Warga Kota
  -- Jakarta (Fakta); Dia (Sutjipto) is the person)
  local function defined(w)
    local at = 1
    while true do
      local a, b = text:find("(" .. w .. ")", at, true)
      if not a then return false end
      local before = text:sub(math.max(1, a - 80), a - 1)
      local x, y = before:match("(%S+)%s+(%S+)%s$")
      if x and y and base.is_upper(utf8.char(utf8.codepoint(x, 1)))
        and base.is_upper(utf8.char(utf8.codepoint(y, 1))) then
        return true
      end
      at = b + 1
    end
  end
  for _, a in ipairs(alone) do
    if by_surname[a[2]] == nil and not other[a[2]] and not defined(a[1].surface) then by_surname[a[2]] = a[1] end
  end
  for gv in pairs(by_given) do if by_surname[stem(gv, lang)] then by_given[gv] = false end end
  -- the first words of the full names: a run is looked at only from them
  -- and over at most twice the words of the longest (a particle between
  -- two capitalised words): every sub-run of a long run was tried (cubic)
  local firsts, max_words = {}, 0
  for key in pairs(by_full) do
    firsts[key:match("^(%S+)")] = true
    local nw = select(2, key:gsub(" ", "")) + 1
    if nw > max_words then max_words = nw end
  end
  local sfirsts = {}
  for key in pairs(by_sfull) do sfirsts[key:match("^(%S+)")] = true end
  max_words = math.min(max_words, MAX_FULL_WORDS)
  -- capitalised runs again: whole runs and single words
  for _, run in ipairs(runs) do
    if next(firsts) == nil and next(by_surname) == nil and next(by_given) == nil and next(by_alias) == nil then
      break
    end
    local i, j = run[1], run[2]
    for a = i, j do
      if T.cap[a] and free(T.s[a], T.e[a]) then
        -- the longest known full name starting here
        local done = false
        local sfirst = sfirsts[stem(T.f[a], lang)]
        for b = (firsts[T.f[a]] or sfirst) and math.min(j, a + 2 * max_words - 1) or a, a + 1, -1 do
          local words, stems = {}, {}
          for k = a, b do
            if T.cap[k] then words[#words + 1] = T.f[k]; stems[#stems + 1] = stem(T.f[k], lang) end
          end
          local m = by_full[concat(words, " ")] or (sfirst and by_sfull[concat(stems, " ")])
          -- (the repeat ends in a capitalised word: not in the connector
          -- before the next name, Thongloun Sisoulith | và Phu nhân)
          if m and T.cap[b] and free(T.s[a], T.e[b]) then
            claim(T.s[a], T.e[b], "person", m)
            done = true
            break
          end
        end
        -- a surname alone: the capitalised words beside it in the run are
        -- no given names (Thomas Müller is not Gerd Müller; Merkels
        -- Nachfolger is Merkel; a stop word of the text's language is none:
        -- Italian Per Milanese, though Per is a Scandinavian given name)
        local function no_name(k)
          if k < i or k > j or not T.cap[k] then return true end
          local e = name_entry(kb, T.f[k], lang)
          return not (e and e.given and not is_stop(kb, lang, T.f[k])) and not by_full[T.f[k]]
        end
        if not done and no_name(a + 1) and no_name(a - 1) then
          local f = T.f[a]
          -- a German genitive -s (Merkels, Scholz' aside) after a Latin surname
          local m = by_surname[stem(f, lang)] or by_alias[f]
            or (#f > 4 and f:sub(-1) == "s" and f:byte(1) < 0x80 and by_surname[f:sub(1, -2)]) or nil
          -- a given name alone is no person where the gazetteer matched a
          -- country, a region or a city of 100,000 or more of exactly its
          -- span (Bahia of a Bahia Notícias read as a name is the state)
          if not m and by_given[f] and not (T.cities and T.cities[T.s[a]] == T.e[a]) then m = by_given[f] end
          -- a Vietnamese given name that is also an everyday syllable
          -- (Chính of Chính phủ) counts alone only after a title
          if m and lang == "vi" and is_stop(kb, lang, f) and not (to and to[a - 1] and to[a - 1].title) then m = nil end
          -- nor a word inside a longer cue phrase (Thủ tướng Chính phủ, the
          -- prime minister's title: not Phạm Minh Chính's given name)
          if m and to and inside_cue(to, a) then m = nil end
          if m and not is_calendar(kb, T, a, lang) then
            -- two surnames of one person side by side are one repeat
            -- (Gnecco Cerchiaro after Cielo María Gnecco Cerchiaro)
            local l = last_one
            if l and l[1] == a - 1 and l[2] == m and (T.sp[a] or false) then
              spans_add(taken, T.s[a], T.e[a])
              l[3].stop = T.e[a]
              l[3].surface = text:sub(l[3].start, l[3].stop)
              l[1] = a
            else
              last_one = { a, m, claim(T.s[a], T.e[a], "person", m) }
            end
          end
        end
      end
    end
  end
  local function han_at(pos)
    if pos < 1 or pos > #text then return false end
    while pos > 1 and text:byte(pos) >= 0x80 and text:byte(pos) < 0xC0 do pos = pos - 1 end
    local c = utf8.codepoint(text, pos)
    return is_nospace_cp(c) and cp_class(c) == "han"
  end
  -- the text's language's Han/kana stop characters (else every list's)
  local own = kb.cjk_lang[lang]
  local cstops = own and own.cues and own.stop or kb.stop_cjk
  local function honorific_at(pos)
    for len = kb.cjk_max, 1, -1 do
      local e = utf8.offset(text, len + 1, pos)
      local cl = e and kb.cjk[text:sub(pos, e - 1)]
      if cl and (cl.title_after or cl.say) then return true end
    end
    -- or a stop character, a word of its own (王毅|在, 王毅|又说)
    local e = utf8.offset(text, 2, pos)
    return e ~= nil and cstops[text:sub(pos, e - 1)] == true
  end
  -- a Han title that starts inside bytes a..b and ends after them (外交部长
  -- over 外交部, 部长): the repeat is a word of the title, no name
  local function title_over(a, b)
    local p = a
    while p <= b do
      for len = kb.cjk_max, 2, -1 do
        local e = utf8.offset(text, len + 1, p)
        local cl = e and e - 1 > b and kb.cjk[text:sub(p, e - 1)]
        if cl and (cl.title or cl.title_after) then return true end
      end
      p = utf8.offset(text, 2, p) or b + 1
    end
    return false
  end
  -- exact repeats of names in other scripts and of organisations
  local seen, cands = {}, {}
  for _, m in ipairs(found) do
    local s = m.surface
    -- (not a gazetteer's organisation seeded for its acronym: the gazetteer
    -- finds its repeats itself)
    -- (an organisation's acronym in Latin capitals of three letters or more
    -- too: el CSIF, then CSIF alone; one defined in brackets is the defined
    -- name's, below; and a one-word name of four letters or more found after
    -- or before its org_title: Sapol, sindicato ...; then Sapol descubrió)
    if not seen[s] and (m.type == "org" or (word_at[m.start] == nil or T.sc[word_at[m.start]] ~= "cased"))
      and (#s >= 6 or (m.type == "org" and #s >= 3 and s:find("^%u[%u%d]+$") ~= nil
                       and not text:find("(" .. s .. ")", 1, true))
           or (m.type == "org" and #s >= 4 and m.rule == "cue:org_title" and s:find("^%u%l+$") ~= nil))
      and not (m.seed and m.type == "org") then
      seen[s] = true
      cands[#cands + 1] = m
    end
  end
  local where_found = repeats_of(text, T, cands)
  for _, m in ipairs(cands) do
    local s = m.surface
    local starts, q = where_found[s], 0
    local from = 1
    while true do
      local a, b
      if starts then
        q = q + 1
        while starts[q] and starts[q] < from do q = q + 1 end
        a = starts[q]
        b = a and a + #s - 1
      else
        a, b = text:find(s, from, true)
      end
      if not a then break end
      from = b + 1
      do
        local p = a - 1
        while p > 1 and text:byte(p) >= 0x80 and text:byte(p) < 0xC0 do p = p - 1 end
        local ok_left = a == 1 or not core.is_word_char(text, p)
          or is_nospace_cp(utf8.codepoint(text, a))
        local nb = b + 1
        local last = b
        while last > 1 and text:byte(last) >= 0x80 and text:byte(last) < 0xC0 do last = last - 1 end
        local ok_right = nb > #text or not core.is_word_char(text, nb) or is_nospace_cp(utf8.codepoint(text, last))
        -- a two-character Han name (鈴木, 李可) inside a longer kanji run is
        -- seldom the same name (鈴木一郎): an honorific or non-Han must follow
        if ok_right and utf8.len(s) == 2 and is_nospace_cp(utf8.codepoint(s, 1)) then
          ok_right = not han_at(b + 1) or honorific_at(b + 1)
        end
        if ok_right and m.type == "org" and is_nospace_cp(utf8.codepoint(s, 1)) and title_over(a, b) then
          ok_right = false
        end
        if ok_left and ok_right and free(a, b) then
          claim(a, b, m.type, m)
        end
      end
    end
  end
  -- Han/kana: a person's family name alone (鈴木 after 鈴木優磨), when it is
  -- a known surname of two or more characters and stands apart: not inside
  -- a longer kanji run, unless an honorific follows (菊川元社長)
  local fam = {}
  for _, m in ipairs(found) do
    if m.type == "person" and is_nospace_cp(utf8.codepoint(m.surface, 1)) then
      for sl = math.min(kb.cjk_surname_max, utf8.len(m.surface) - 1), 2, -1 do
        local sn = m.surface:sub(1, utf8.offset(m.surface, sl + 1) - 1)
        if kb.cjk_surname[sn] then
          if fam[sn] == nil then fam[sn] = m elseif fam[sn].surface ~= m.surface then fam[sn] = false end
          break
        end
      end
    end
  end
  for sn, m in pairs(fam) do
    if m then
      local from = 1
      while true do
        local a, b = text:find(sn, from, true)
        if not a then break end
        from = b + 1
        if not han_at(a - 1) and (not han_at(b + 1) or honorific_at(b + 1)) and free(a, b) then
          claim(a, b, "person", m)
        end
      end
    end
  end
  -- Chinese and Japanese: a name coordinated with a person found (张玉宁、
  -- 王钰栋都有, 中島翔哉、南野拓実): a known surname and one or two
  -- characters right after such a person and 、 (Chinese also 和 与 及 同 跟,
  -- Japanese と や), or right before one, is a person too, and so on along
  -- the list.  Not a dictionary word that opens with the surname (高层), and
  -- in Japanese only a run that ends there (a particle or punctuation after)
  if lang == "zh" or lang == "ja" then
    local sur = own and own.surname_max > 0 and own.surname or kb.cjk_surname
    local smax = own and own.surname_max > 0 and own.surname_max or kb.cjk_surname_max
    local CONN = lang == "zh" and COORD_ZH or COORD_JA
    local function char_at(pos)
      if pos < 1 or pos > #text then return nil end
      local e = utf8.offset(text, 2, pos)
      return text:sub(pos, (e or #text + 1) - 1), e or #text + 1
    end
    local function han_ch(ch)
      return type(ch) == "string" and is_nospace_cp(utf8.codepoint(ch)) and cp_class(utf8.codepoint(ch)) == "han"
    end
    -- the end of a coordinated name opening at byte a, or nil
    local function name_from(a)
      for sl = smax, 1, -1 do
        local p, ok = a, true
        for _ = 1, sl do
          local ch, nx = char_at(p)
          if not han_ch(ch) then ok = false; break end
          p = nx
        end
        if ok and sur[text:sub(a, p - 1)] then
          -- (高层, 万众: a word of the dictionary that opens with the surname)
          local k = word_at[a]
          if not (k and T.e[k] > p - 1 and T.e[k] < #text and utf8.len(text:sub(a, T.e[k])) == sl + 1) then
            local b, g = p - 1, 0
            while g < 2 do
              local ch, nx = char_at(b + 1)
              if not han_ch(ch) or cstops[ch] or CONN[ch] or honorific_at(b + 1) then break end
              b, g = nx - 1, g + 1
              if lang == "ja" and g == 1 then
                -- (Japanese: a given name of one character or two, then no kanji)
                local c2 = char_at(b + 1)
                if not han_ch(c2) then break end
              end
            end
            local after = char_at(b + 1)
            if g >= 1 and not (lang == "ja" and han_ch(after)) then return b end
          end
        end
      end
      return nil
    end
    -- the start of a coordinated name ending at byte b, or nil: bounded
    -- before by a non-Han character, a stop character or a connector
    local function name_to(b)
      for len = 4, 2, -1 do
        local a = b + 1
        for _ = 1, len do a = utf8.offset(text, -1, a) or 0; if a < 1 then break end end
        if a >= 1 and han_at(a) then
          local before = a > 1 and char_at(utf8.offset(text, -1, a))
          if not han_ch(before) or cstops[before] or CONN[before] then
            local e = name_from(a)
            if e == b then return a end
          end
        end
      end
      return nil
    end
    -- Chinese: two names side by side in a list (刘洋、谢文能和, 张稀哲、池忠国、):
    -- each a known surname and one or two characters bounded by 、, a
    -- connector, a stop character or punctuation, and not both a surname
    -- and a dictionary word (高|质量、高|效率; 张|稀|哲 is no word), nor
    -- ending in an administrative unit's character (連江縣、金門縣 are counties)
    if lang == "zh" then
      -- the surname's length of a name a..b (nil when none), and whether the
      -- rest is one dictionary word of two characters or more
      local function name_shape(a, b)
        if b ~= name_from(a) or ADMIN_END[char_at(utf8.offset(text, -1, b + 1))] then return nil end
        for sl = smax, 1, -1 do
          local e = utf8.offset(text, sl + 1, a)
          if e and e <= b and sur[text:sub(a, e - 1)] then
            local k = word_at[e]
            return sl, k ~= nil and T.e[k] == b and utf8.len(text:sub(e, b)) >= 2
          end
        end
        return nil
      end
      local function bounded_after(b)
        local ch = char_at(b + 1)
        return not han_ch(ch) or cstops[ch] or CONN[ch] or honorific_at(b + 1)
      end
      local from = 1
      while true do
        local p = text:find("\227\128\129", from, true)   -- 、
        if not p then break end
        from = p + 3
        local a = p > 1 and name_to(p - 1)
        local b = a and han_at(p + 3) and name_from(p + 3)
        if b and bounded_after(b) then
          local s1, w1 = name_shape(a, p - 1)
          local s2, w2 = name_shape(p + 3, b)
          if s1 and s2 and not (w1 and w2) then
            if free(a, p - 1) then claim(a, p - 1, "person", { surface = text:sub(a, p - 1) }, "coordinated") end
            if free(p + 3, b) then claim(p + 3, b, "person", { surface = text:sub(p + 3, b) }, "coordinated") end
          end
        end
      end
    end
    local queue = {}
    for _, l in ipairs { found, out } do
      for _, m in ipairs(l) do
        if m.type == "person" and han_at(m.start) then queue[#queue + 1] = m end
      end
    end
    local qi = 1
    while qi <= #queue do
      local m = queue[qi]
      qi = qi + 1
      -- (past an honorific after the person: 田中一郎氏と林次郎)
      local after = m.stop + 1
      for len = kb.cjk_max, 1, -1 do
        local e = utf8.offset(text, len + 1, after)
        local cl = e and kb.cjk[text:sub(after, e - 1)]
        if cl and cl.title_after then after = e; break end
      end
      local ch, nx = char_at(after)
      if CONN[ch] and han_at(nx) then
        local b = name_from(nx)
        if b and free(nx, b) then
          claim(nx, b, "person", m, "coordinated")
          queue[#queue + 1] = out[#out]
        end
      end
      local pch = m.start > 1 and utf8.offset(text, -1, m.start)
      if pch and CONN[char_at(pch)] and pch > 1 then
        local a = name_to(pch - 1)
        if a and free(a, pch - 1) then
          claim(a, pch - 1, "person", m, "coordinated")
          queue[#queue + 1] = out[#out]
        end
      end
    end
    -- the later mentions of a coordinated name, as of any Han name found
    -- (a two-character one before an honorific, a stop character or non-Han)
    local seen_c = {}
    for _, m in ipairs(out) do
      if m.rule == "coordinated" and not seen_c[m.surface] then
        seen_c[m.surface] = true
        local s2, from2 = m.surface, 1
        while true do
          local a, b = text:find(s2, from2, true)
          if not a then break end
          from2 = b + 1
          if not han_at(a - 1) or cstops[char_at(utf8.offset(text, -1, a)) or ""] then
            if (utf8.len(s2) > 2 or not han_at(b + 1) or honorific_at(b + 1)) and free(a, b) then
              claim(a, b, "person", m)
            end
          end
        end
      end
    end
  end
  -- scripts without case: the last word of a found name (its surname)
  -- alone, and its first word (a given name) when no other name shares
  -- it; an Arabic proclitic (وعسل) or a Hebrew prefix (ולפיד) stays outside
  -- (two spellings of one foreign given name are one name: व्लादिमीर पुतिन
  -- and ब्लादिमीर पुतिन, डोनाल्ड ट्रंप and डॉनल्ड ट्रंप; variant)
  local u_sur, u_given, u_kor = {}, {}, {}
  for _, m in ipairs(found) do
    local i = word_at[m.start]
    if m.type == "person" and i and T.sc[i] == "uncased" then
      local j = i
      while j < T.n and T.e[j + 1] <= m.stop do j = j + 1 end
      if j == i and toks.is_hangul(T.f[i]) and utf8.len(T.f[i]) >= 2
        and (m.stop == T.e[i] or (m.start == T.s[i] and toks.HANGUL_PARTICLE[text:sub(m.stop + 1, T.e[i])])) then
        -- a Korean name is one word: its repeats, with a particle or without
        -- (the name found without the particle written onto it, 배우 여탁곤이:
        -- the name, so that 여탁곤은 is found again)
        local w = m.stop == T.e[i] and T.f[i] or text:sub(m.start, m.stop)
        if u_kor[w] == nil or (u_kor[w] and u_kor[w].surface == m.surface) then u_kor[w] = u_kor[w] or m end
      elseif j > i then
        local sn, gv = T.f[j], T.f[i]
        -- the same name found twice is one name (two titles before it)
        local function same(x) return x == nil or (x and (x.surface == m.surface or variant(x.surface, m.surface))) end
        -- (the second word of a compound, نصر الله, is no surname alone, nor
        -- a regnal ordinal, الخامس of محمد الخامس: the fifth week is no king)
        if toks.THEOPHORIC[sn] or uncased.REGNAL[sn] then u_sur[sn] = false
        elseif same(u_sur[sn]) then u_sur[sn] = u_sur[sn] or m else u_sur[sn] = false end
        -- (initials run together, केएल of केएल X, are no given name alone)
        -- (nor a particle, عبد of عبد المجيد X: the compound is the given name)
        if uncased.deva_initials(kb, gv) or kb.particle[gv] then u_given[gv] = false
        elseif same(u_given[gv]) then u_given[gv] = u_given[gv] or m else u_given[gv] = false end
      end
    end
  end
  for gv in pairs(u_given) do if u_sur[gv] ~= nil then u_given[gv] = false end end
  -- the Korean names of three syllables or more found (and the gazetteer's people,
  -- data/people.tsv, written so) by family name (first syllable), in text
  -- order: the family name alone before a title is the last one named
  -- before it (한 장관 after 한화진 환경부 장관, though 한동훈 came earlier)
  local kor_family = {}
  local function note_family(w, a, m)
    local f = w:sub(1, 3)
    local e = kb.names[f]
    if e and e.surname then
      local l = kor_family[f] or {}
      kor_family[f] = l
      l[#l + 1] = { a, m }
    end
  end
  for _, m in ipairs(found) do
    local i = m.type == "person" and word_at[m.start]
    local w = i and (m.stop == T.e[i] and T.f[i] or text:sub(m.start, m.stop))
    if w and #w >= 9 and toks.is_hangul(w) and u_kor[w] then note_family(w, m.start, u_kor[w]) end
  end
  if T.people then
    for a, b in pairs(T.people) do
      local i = word_at[a]
      local w = text:sub(a, b)
      -- (a particle written onto it: 이재명은)
      if i and (T.e[i] == b or toks.HANGUL_PARTICLE[text:sub(b + 1, T.e[i])]) and #w >= 9 and toks.is_hangul(w) then
        -- (the label is the gazetteer's whole name)
        note_family(w, a, { start = a, stop = b, type = "person", surface = w })
      end
    end
  end
  for _, l in pairs(kor_family) do sort(l, function(x, y) return x[1] < y[1] end) end
  -- (before them all, in a headline: the one name with that family name)
  local function family_before(f, a)
    local l, best = kor_family[f], nil
    if not l then return nil end
    for _, x in ipairs(l) do
      if x[1] < a then best = x[2] else break end
    end
    if best then return best end
    for _, x in ipairs(l) do
      if x[2].surface ~= l[1][2].surface then return nil end
    end
    return l[1][2]
  end
  for k = 1, (next(u_sur) or next(u_given) or next(u_kor) or next(kor_family)) and T.n or 0 do
    if T.sc[k] == "uncased" then
      local key, skip = T.f[k], 0
      local m = u_sur[key] or u_given[key]
      if not m and #key > 4 and (ARABIC_CLITICS[key:sub(1, 2)] or HEBREW_PREFIXES[key:sub(1, 2)]) then
        m = u_sur[key:sub(3)] or u_given[key:sub(3)]
        if m then skip = 2 end
      end
      -- a Bengali case ending on it (ফখরুলের): the whole word
      local st = not m and toks.is_bengali(key) and toks.bengali_stem(key)
      if st then m = u_sur[st] or u_given[st] end
      if not m and (next(u_kor) or next(kor_family)) and toks.is_hangul(key) then
        m = u_kor[key] or u_kor[toks.hangul_stem(key, 2) or key]
        -- the family name alone before a title (이 대통령은 after 이재명 대통령):
        -- 이 is a stop word (this), and the found name decides it
        local f = not m and #key == 3 and family_before(key, T.s[k])
        if f and k < T.n and toks.space_gap(T.gap[k + 1]) and free(T.s[k], T.e[k]) then
          for x = k + 1, math.min(k + 3, T.n) do
            local ta = to and to[x] and to[x].title_after
            if ta and ta[1] == k + 1 then
              if f.source then claim(T.s[k], T.e[k], "person", f)
              else
                add(out, text, T.s[k], T.e[k], "person", "propagated", { source = "propagated", name = f.surface })
                spans_add(taken, T.s[k], T.e[k])
              end
              break
            end
          end
        end
      end
      -- (no word of a cue phrase of several words: اعظم of وزیر اعظم after
      -- the minister اعظم X is the prime minister's title)
      if m and to and (inside_cue(to, k) or ends_cue(to, k)) then m = nil end
      local raw = m and text:sub(T.s[k] + skip, T.e[k])
      -- (in Devanagari and Hebrew, where news calls people by the surname, a
      -- given name alone never where the gazetteer has a name: भारत after भारत
      -- शर्मा, בישראל after ישראל כ"ץ are the country; Arabic رشيد after رشيد X
      -- is the person)
      local gz = m and T.gaz and T.gaz[T.s[k] + skip] and u_sur[key:sub(skip + 1)] ~= m
        and ((key:byte(1) == 0xE0 and (key:byte(2) == 0xA4 or key:byte(2) == 0xA5)) or key:byte(1) == 0xD7)
      if m and utf8.len(raw) >= 3 and not kb.stop_raw[raw] and free(T.s[k] + skip, T.e[k]) and not gz then
        -- the surname with the particle before it in the name (بن فرحان of
        -- فيصل بن فرحان): the particle is the short name's too
        local a = T.s[k] + skip
        if skip == 0 and k > 1 and kb.particle[T.f[k - 1]] and (T.sp[k] or false) and free(T.s[k - 1], a - 1)
          and m.surface:sub(-(T.e[k] - T.s[k - 1] + 1)) == text:sub(T.s[k - 1], T.e[k]) then
          a = T.s[k - 1]
        end
        claim(a, T.e[k], "person", m)
      end
    end
  end
  -- acronyms: "Shanghai Cooperation Organisation (SCO)"; each looked for
  -- once, its first definition takes the repeats (a search per definition
  -- cost the text's length times the number of definitions)
  local acronyms = {}
  for _, m in ipairs(found) do
    if m.type == "org" then
      local acr = text:match("^%s*%(%s*(%u[%u%d&]+)%s*%)", m.stop + 1)
        -- with a hyphenated part: a state's or a region's code (TJ-BA, TRF-4)
        or text:match("^%s*%(%s*(%u[%u&]+%-[%u%d]+)%s*%)", m.stop + 1)
        -- in capitals of another script or with accents, its letters the
        -- initials of the name's words in order (Міністерство охорони
        -- здоров'я (МОЗ), Banca Națională a României (BNR), ÎCCJ)
        or initials_acronym(m.surface, text:match("^%s*%(%s*([^%s%(%)]+)%s*%)", m.stop + 1))
        -- after a comma, between commas or before a stop, so spelled (Alternativa
        -- Sindical de Trabajadores de Seguridad Privada, ASTSP, de acuerdo)
        or initials_acronym(m.surface, text:match("^, ([^%s,%.;:]+)[,%.;:]", m.stop + 1), 3)
      -- Spanish and Portuguese write a pronounceable acronym in title case
      -- (Copom, Fema, Segob): one whose letters, the first the name's first,
      -- come in order in the name (not Polícia Militar (Bahia))
      local tc = not acr and text:match("^%s*%(%s*(%u%l%l+)%s*%)", m.stop + 1)
      if tc and #tc <= 8 then
        local name, at = fold(m.surface), 1
        for c in fold(tc):gmatch(".") do
          at = at and name:find(c, at, true)
          at = at and at + 1
        end
        if at and fold(tc):sub(1, 1) == name:sub(1, 1) then acr = tc end
      end
      -- Vietnamese: a company's or a body's trade name in brackets after its
      -- registered name, one word of Latin letters without tone marks, two
      -- groups of vowels or more (no Vietnamese syllable), no place of the
      -- gazetteer: Tổng Công ty cổ phần … (Vinaconex), Công ty cổ phần Sữa
      -- Việt Nam (Vinamilk)
      if not acr and lang == "vi" and m.rule == "cue:org_head" then
        local x, br = text:match("^%s*%(%s*()(%u%l%l%l+)%s*%)", m.stop + 1)
        if br and #br <= 12 and select(2, br:lower():gsub("[aeiouy]+", "")) >= 2
          and not (T.places and T.places[x]) then
          acr = br
        end
      end
      if acr and #acr >= 2 and #acr <= 8 and not acronyms[acr] then
        acronyms[acr] = true
        local from = 1
        while true do
          local x, y = text:find(acr, from, true)
          if not x then break end
          from = y + 1
          local left = x == 1 or not text:sub(x - 1, x - 1):find("[%w\128-\255]")
          local right = y == #text or not text:sub(y + 1, y + 1):find("[%w\128-\255]")
          if left and right and free(x, y) then
            claim(x, y, "org", m, "acronym")
          end
        end
      end
    end
  end
end

-- short_repeats(T, text, found, names, lens, typ, opt) -> more: the later
-- mentions of short names (`names`: their folded words joined by spaces ->
-- the mention they come from; `lens`: their word counts as keys), looked up
-- per word and length, not compared per word and name (thousands of
-- companies in a long text).  A run of capitalised words spelled like one
-- (joined by spaces, or hyphens with opt.hyphen; in a cased script only
-- with opt.cased) for which opt.whole(k, e, starts) holds is a mention of
-- type typ, source "propagated": a person found there becomes it (but one
-- opt.keep_person(m) keeps), else a new mention where none is.
local function short_repeats(T, text, found, names, lens, typ, opt)
  local nlens = {}
  for n in pairs(lens) do nlens[#nlens + 1] = n end
  sort(nlens)
  local person_at = {}
  for _, m in ipairs(found) do
    if m.type == "person" and not (opt.keep_person and opt.keep_person(m)) then
      person_at[m.start .. ":" .. m.stop] = m
    end
  end
  local taken, starts = {}, {}
  for _, m in ipairs(found) do spans_add(taken, m.start, m.stop, m); starts[m.start] = true end
  local more, key = {}, {}
  for k = 1, T.n do
    for _, n in ipairs(T.cap[k] and (not opt.cased or T.sc[k] == "cased") and nlens or NO_LENS) do
      local e = k + n - 1
      local same = e <= T.n
      if same then
        for x = 1, n do
          if x > 1 and not (T.sp[k + x - 1] or opt.hyphen and T.gap[k + x - 1] == "-") then
            same = false
            break
          end
          key[x] = T.f[k + x - 1]
        end
        same = same and names[concat(key, " ", 1, n)] ~= nil
      end
      if same and opt.whole(k, e, starts) then
        local a, b = T.s[k], T.e[e]
        local p = person_at[a .. ":" .. b]
        if p then
          p.type, p.rule, p.source, p.strong = typ, "propagated", "propagated", nil
        elseif not spans_conflict(taken, a, b) then
          local o = add(more, text, a, b, typ, "propagated")
          o.source = "propagated"
          spans_add(taken, a, b, o)
        end
      end
    end
  end
  return more
end

-- org_short_forms(T, text, to, found) -> more: an organisation found with
-- its designator (Thomson Reuters Corp., Acme Holdings GmbH) is the same
-- organisation when the text names it without the designator: a person
-- found on exactly that span (said Thomson Reuters) becomes the
-- organisation, and a bare repeat no one found is added (source
-- propagated).  found is changed in place; the new mentions are returned.
local function org_short_forms(T, text, to, found)
  local shorts, lens = {}, {}
  for _, m in ipairs(found) do
    if m.type == "org" and m.rule == "cue:org_designator" then
      -- (a designator's period after its word, Acme Holdings Inc. rose, as
      -- before it was kept; a dotted one, s.p.a., gives no short form)
      local i, j = word_starting(T, m.start), word_ending(T, m.stop)
      if not j and text:sub(m.stop, m.stop) == "." then
        j = word_ending(T, m.stop - 1)
        if j and T.f[j]:find("%.") then j = nil end
      end
      local d = j and to[j] and to[j].org_designator and to[j].org_designator[1]
      if i and d and d > i and T.cap[i] then
        local w = {}
        for k = i, d - 1 do w[#w + 1] = T.f[k] end
        shorts[concat(w, " ")] = m
        lens[d - i] = true
      end
    end
  end
  if not next(shorts) then return {} end
  -- the whole capitalised run, not the start of a longer name (but before
  -- a name found on its own: Thomson Reuters | David Thomson)
  return short_repeats(T, text, found, shorts, lens, "org", {
    whole = function(_, e, starts)
      return not (e < T.n and T.cap[e + 1] and (T.sp[e + 1] or false) and not starts[T.s[e + 1]])
    end })
end

-- place_short_forms(kb, T, text, from, to, lang, found) -> more: a place found
-- after its generic word (a place_head: el estadio [Azteca], la gare
-- [Matabiau], o Aeroporto [Santos Dumont]) is the same place when the text
-- names it again without the word (del Azteca, au Vélodrome, ao Santos
-- Dumont): the whole capitalised run spelled like the name, a person found
-- on exactly that span by no title becomes the place, and a bare repeat no
-- one found is added (source propagated).  A head inside the span leaves a
-- name of two words or more only (Cape Town is no Town, Lake Victoria no
-- Victoria).  Latin and other cased scripts; not Vietnamese, whose streets
-- are named after people (đường Lê Lợi).  found is changed in place.
-- (also a place found before a lower-case place word, Kuzviran köylerinde,
-- then Kuzviran'da; a town with its province, Perarolo (Belluno); a village
-- by its ending: the repeat spelled like the whole name)
local SHORT_FORM_RULES = { ["cue:place_head"] = true, ["cue:place_tail"] = true, ["shape:apposition"] = true,
                           ["shape:toponym"] = true }
local function place_short_forms(kb, T, text, from, to, lang, found)
  if lang == "vi" then return {} end
  local names, lens = {}, {}
  for _, m in ipairs(found) do
    if m.type == "place" and SHORT_FORM_RULES[m.rule] then
      local i, j = word_starting(T, m.start), word_ending(T, m.stop)
      local ph = i and from[i] and from[i].place_head
      local a = i
      if ph and ph[1] < j and T.s[i] == m.start then a = ph[1] + 1 end
      local min = a == i and 1 or 2
      if a and j and j - a + 1 >= min and T.sc[a] == "cased" and T.cap[a] then
        local w = {}
        for k = a, j do w[#w + 1] = T.f[k] end
        names[concat(w, " ")] = m
        lens[j - a + 1] = true
      end
    end
  end
  if not next(names) then return {} end
  -- the whole capitalised run, no title before it
  return short_repeats(T, text, found, names, lens, "place", {
    cased = true, hyphen = true,
    keep_person = function(m) return m.rule == "cue:title" end,
    whole = function(k, e)
      return not (e < T.n and T.cap[e + 1] and (T.sp[e + 1] or false))
        and not (k > 1 and T.cap[k - 1] and (T.sp[k] or false) and not is_stop(kb, lang, T.f[k - 1])
          and not kb.particle[T.f[k - 1]])
        and not (k > 1 and to[k - 1] and to[k - 1].title)
    end })
end

M.propagate, M.org_short_forms, M.place_short_forms = propagate, org_short_forms, place_short_forms
return M
