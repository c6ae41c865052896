-- glean.entities.korean: Korean names of people, as Korean news writes
-- them.  A Korean name is one word, family name first (홍길동), written
-- before its title (홍길동 장관은), with an honorific written onto it
-- (홍길동씨는), or with the age in brackets (홍길동(45)); a foreign name
-- is one or two words before the title (조 바이든 대통령).  The title's
-- modifiers (전, 신임, 임시: title_mod), an organisation (법무부), a country
-- (미국) or a descriptor holding a title (대통령실, 축구대표팀) may stand
-- between the name and the title; a broadcast caption puts a slash there
-- ([윤석열 / 대통령], [김성환/환경부 장관]).
--   before_title(kb, T, from, to, t, stop) -> first and last word of
--     the name before the title_after starting at word t, or nil; third,
--     the word of a company's short name between them (송호성 기아 대표)
--   names(kb, T, text, from, out, stop) adds the names found without
--     a separate title word (씨 written onto the name, the age after it, a
--     family name and a known given name: data/names/ko-faker.tsv)
-- stop(k): word k is a stop word of the text's language (window_stop).
local base = require "glean.entities.base"
local kb_mod = require "glean.entities.kb"
local toks = require "glean.entities.tokens"

local ipairs, utf8 = ipairs, utf8
local add, common_in = base.add, kb_mod.common_in
local is_hangul, hangul_stem, hangul_org, space_gap = toks.is_hangul, toks.hangul_stem, toks.hangul_org, toks.space_gap
local HANGUL_BREAK, HANGUL_PARTICLE, any_cue = toks.HANGUL_BREAK, toks.HANGUL_PARTICLE, toks.any_cue

local M = {}

-- given_name(kb, w), defined below
local given_name

-- a syllable's bytes: Hangul syllables are three bytes each
local function syl(w, a, b) return w:sub(3 * a - 2, 3 * b) end

-- family(kb, w) -> syllables of the known family name w opens with (two
-- before one: 남궁, 황보), or nil
local function family(kb, w)
  local n = #w // 3
  for l = math.min(2, n), 1, -1 do
    local e = kb.names[syl(w, 1, l)]
    -- (faker's list has family names that are words, 상 시 부: flagged common)
    if e and e.surname and not common_in(kb, e, "ko") then return l end
  end
  return nil
end

-- a syllable of a transliteration: a consonant with the vowel ㅡ and no
-- final (르 크 트 스 드: 마르코, 이스라엘), seldom in a Korean given name
local function transliterated(w)
  for _, c in utf8.codes(w) do
    local x = c - 0xAC00
    if x >= 0 and x < 11172 and (x // 28) % 21 == 18 and x % 28 == 0 then return true end
  end
  return false
end

-- the last syllables of a verb's forms that no Korean given name ends in
-- (구성할 경기도의회 의원, 구성된 배우 그룹: 구 is a family name)
local VERB_END = {}
for _, e in ipairs { "할", "될", "된", "던", "했", "됐", "돼", "고" } do VERB_END[e] = true end

-- korean_name(kb, w, stop): w (a Hangul word without particle) is a Korean
-- name: a family name alone (윤 대통령, 김씨) or a family name and one to
-- three syllables (홍길동, 남궁민수), no stop word, no organisation's name
local function korean_name(kb, w)
  if not is_hangul(w) or #w % 3 ~= 0 then return false end
  local n = #w // 3
  local f = family(kb, w)
  if not f or n > 4 or (n > f and n - f > 2) then return false end
  if n == f then return true end
  -- (nor a verb's form before a noun: 구성할, 구성된, 선임됐)
  if VERB_END[syl(w, n, n)] then return false end
  -- (one syllable after the family name that is a case particle is none:
  -- 한은 총재, the bank's short name)
  if n == f + 1 and HANGUL_PARTICLE[syl(w, n, n)] then return false end
  -- (a given name that is an organisation's tail of its own after the
  -- family name alone is a name: 강병원 의원, not a hospital named 강)
  local rest = syl(w, f + 1, n)
  local node = n - f == 2 and kb.trie[rest]
  if node and node.ends and node.ends.org_tail then return true end
  return not hangul_org(kb, w) and not transliterated(rest)
end

-- holds_title(kb, w): a word holding a title of two syllables or more
-- (대통령실, 축구대표팀, 사무총장실): a descriptor, never a name
local function holds_title(kb, w)
  local n = #w // 3
  for a = 1, n - 1 do
    for b = a + 1, n do
      local node = kb.trie[syl(w, a, b)]
      if node and node.ends and (node.ends.title_after or node.ends.title) then return true end
    end
  end
  return false
end

-- the gap between a name and its title: a space, or a caption's slash
local function gap_ok(g) return space_gap(g) or g == "/" or g == " / " end

-- the last syllables of a verb or adjective form before a noun (처음
-- 참석한 장관, 새로운 감독, 선임된 코치): no foreign name ends in them
-- and of two syllables (정하고, 되고: 디에고 is a name)
local VERBAL2 = { ["하고"] = true, ["되고"] = true, ["했고"] = true, ["이고"] = true }
local VERBAL = {}
for _, e in ipairs { "한", "된", "는", "던", "할", "될", "운", "했", "면", "며" } do VERBAL[e] = true end

-- open_syllables(w): every syllable of the Hangul word w has no final
-- consonant but ㄴ, as Japanese names written in Hangul have (기시다, 후미오,
-- 신조); Korean names seldom are so twice
local function open_syllables(w)
  for _, c in utf8.codes(w) do
    local x = c - 0xAC00
    if x < 0 or x >= 11172 or (x % 28 ~= 0 and x % 28 ~= 4) then return false end
  end
  return true
end

-- copula_form(w): w ends in the copula's form before a noun after a final
-- consonant (팀인, 장남인, 회장인 'who is the ...'): no foreign name ends so
local COPULA = "\236\157\184"   -- 인
local function copula_form(w)
  if w:sub(-3) ~= COPULA then return false end
  local sy = w:sub(-6, -4)
  local c = #sy == 3 and utf8.codepoint(sy) - 0xAC00
  return c and c >= 0 and c < 11172 and c % 28 ~= 0
end

-- a company's division (패션부문 사장, 투자부문 대표이사): a descriptor
-- between a name and its title, never a name
local DIVISION = "\235\182\128\235\172\184"   -- 부문
-- and a portfolio (외교담당 국무위원, 경제담당 부총리)
local IN_CHARGE = "\235\139\180\235\139\185"   -- 담당
-- and a region or unit in general charge (북미총괄 사장)
local GENERAL = "\236\180\157\234\180\132"   -- 총괄
-- (a word ending in any of the three is such a descriptor)
local DESCRIPTOR_END = { [DIVISION] = true, [IN_CHARGE] = true, [GENERAL] = true }

-- case particles that end no foreign name written before a title (발언에
-- 대통령이, 정책과 장관이)
local NOUN_CASE = { ["에"] = true, ["과"] = true, ["은"] = true, ["을"] = true }
-- the last syllables of a verb's connective forms of two syllables (찾아,
-- 위해, 통해, 받아) before a foreign name and its title: no first name
local CONNECTIVE = { ["아"] = true, ["어"] = true, ["해"] = true }
-- the case particles' syllables that end no Korean given name (로 를 을 에 의 와 과 께)
local CASE_END = {}
for _, e in ipairs { "로", "를", "을", "에", "의", "와", "과", "께" } do CASE_END[e] = true end
-- and 해 of a verb in 하다 of any length (포함해, 체포해: 'including', 'arresting')
local HAE = "\237\149\180"

-- latin_org(T, k) -> the first word of a company's name written in Latin
-- capitals and Hangul as one word ending at word k (LG화학, SK하이닉스,
-- SM엔터테인먼트), or of a Latin word the gazetteer knows as an organisation
-- (LG), or nil
local function latin_org(T, k)
  if k > 1 and T.sc[k] == "uncased" and T.gap[k] == "" and T.sc[k - 1] == "cased" then return k - 1 end
  if T.sc[k] == "cased" and T.orgs and T.orgs[T.s[k]] == T.e[k] then return k end
  -- (a word of two to six capitals alone, an acronym: 박원철 SKC 대표)
  if T.sc[k] == "cased" and T.gap[k] ~= "" and (k == T.n or T.gap[k + 1] ~= "") and #T.f[k] >= 2 and #T.f[k] <= 6
    and T.text:sub(T.s[k], T.e[k]):find("^%u+$") then
    return k
  end
  return nil
end

local function before_title(kb, T, from, to, t, stop)
  local k = t - 1
  -- a bracket between the name and its title, written right after the name
  -- (시진핑(習近平) 주석, 윤석열(사진) 대통령, 홍길동(45) 씨): at most three
  -- words inside it; nothing is skipped before such a name
  local bracket = false
  if k > 1 and T.gap[t]:find("^%) ?$") then
    local j = k
    while j > 1 and j > k - 2 and not T.gap[j]:find("%($") do j = j - 1 end
    if not (j > 1 and T.gap[j] == "(") then return nil end
    -- (an acronym in Latin capitals there is an organisation's: 아프리카연합(AU) 의장)
    if j == k and T.sc[k] == "cased" and T.text:sub(T.s[k], T.e[k]):find("^[A-Z&]+$") then return nil end
    k, bracket = j - 1, true
  end
  -- (an ordinal written onto the title: 외교부 1차관, 제2부부장)
  if not bracket and k > 1 and T.sc[k] == "number" and T.gap[t] == "" then
    t, k = k, k - 1
    -- (and 제 written before the number: 제1부부장)
    if k > 1 and T.f[k] == "\236\160\156" and T.gap[t] == "" then t, k = k, k - 1 end
  end
  if k < 1 or not (bracket or gap_ok(T.gap[t])) then return nil end
  if not ((T.sc[k] == "uncased" and is_hangul(T.f[k])) or (not bracket and latin_org(T, k))) then return nil end
  -- the title's modifiers, an organisation (one written with Latin letters
  -- too: 신학철 LG화학 부회장), a country, a descriptor; an organisation
  -- with a particle ends a clause, never stands in apposition (관영매체
  -- 조선중앙통신은 | 국방성 대변인)
  local skipped = bracket and 3 or 0
  while k > 1 and skipped < 3 do
    local key, j = T.f[k], latin_org(T, k)
    -- (a place of the gazetteer that is no country, a building, too: 존 켈리
    -- 백악관 비서실장)
    if not (j or (to[k] and to[k].title_mod) or (T.places and T.places[T.s[k]] == T.e[k])
        or (T.gaz and T.gaz[T.s[k]] == T.e[k] and not (T.people and T.people[T.s[k]]))
        or hangul_org(kb, key) == key or (holds_title(kb, key) and not korean_name(kb, key))
        or (#key > 6 and DESCRIPTOR_END[key:sub(-6)])
        or (T.orgs and T.orgs[T.s[k]] == T.e[k] and not hangul_stem(key, 2))) then
      break
    end
    j = j or k
    if not (j > 1 and gap_ok(T.gap[j]) and T.sc[j - 1] == "uncased") then break end
    k, skipped = j - 1, skipped + 1
  end
  local key = T.f[k]
  -- (no word written onto the one before it: 5인조, LG화학)
  if not is_hangul(key) or (k > 1 and T.gap[k] == "") or any_cue(from, k) or (to[k] and to[k].title_mod) then
    return nil
  end
  -- a person the gazetteer knows (data/people.tsv) right before the title
  -- is the name, whole (블라디미르 푸틴 대통령); alone after another person
  -- or a word with a particle (젤렌스키와 | 푸틴 대통령)
  if T.people and not bracket then
    if k > 1 and T.people[T.s[k - 1]] == T.e[k] then return k - 1, k end
    if T.people[T.s[k]] == T.e[k] and (k == 1 or not space_gap(T.gap[k]) or T.people[T.s[k - 1]]
        or HANGUL_PARTICLE[T.f[k - 1]:sub(-3)]) then
      return k, k
    end
  end
  -- a foreign name: one or two words of two syllables or more, no stop
  -- word, no word with a case particle (미국의, 한은; 발언에, 정책과 before
  -- a title are nouns), none holding a title
  local function foreign(x, min)
    local w = T.f[x]
    return not VERBAL[w:sub(-3)] and not (#w == 6 and HANGUL_PARTICLE[w:sub(-3)]) and not NOUN_CASE[w:sub(-3)]
      and w:sub(-3) ~= HAE
      and not copula_form(w)
      and not VERBAL2[w:sub(-6)] and not (T.orgs and T.orgs[T.s[x]])
      and not (x > 1 and T.gap[x] == "") and not DESCRIPTOR_END[w:sub(-6)]
      and T.sc[x] == "uncased" and is_hangul(w) and #w >= min
      and not stop(x) and not any_cue(from, x)
      and not (to[x] and to[x].title_mod) and not hangul_stem(w, 2, HANGUL_BREAK) and not hangul_org(kb, w)
      and not holds_title(kb, w) and not (T.places and T.places[T.s[x]])
  end
  -- a Japanese name in Hangul: family and given name, two words of two
  -- syllables or more with no final consonant but ㄴ (기시다 후미오, 이시바
  -- 시게루, 아베 신조, 마코 루비오), neither a Korean given name's
  if not bracket and k > 1 and space_gap(T.gap[k]) and #key >= 6 and #T.f[k - 1] >= 6 and open_syllables(key)
    and open_syllables(T.f[k - 1]) and foreign(k, 6) and foreign(k - 1, 6) and not given_name(kb, key)
    and not given_name(kb, T.f[k - 1]) then
    return k - 1, k
  end
  -- company(x) -> x when word x, between a name and its title, is a
  -- company's or body's short name: Hangul of two syllables or more, no
  -- particle, stop word, cue, place, gazetteer name or descriptor (기아, 한은,
  -- 삼성전기), else nil (the third value returned)
  local function company(x)
    local w = T.f[x]
    if is_hangul(w) and #w >= 6 and not hangul_stem(w, 2) and not stop(x) and not any_cue(from, x)
      and not (T.gaz and T.gaz[T.s[x]]) and not holds_title(kb, w) and not (to[x] and to[x].title_mod)
      and not DESCRIPTOR_END[w:sub(-6)] then
      return x
    end
    return nil
  end
  -- a Korean name of three syllables and a word of two before the title:
  -- that word is its company's short name (송호성 기아 대표), though it
  -- opens with a family name
  if #key == 6 and k > 1 and space_gap(T.gap[k]) and not bracket and #T.f[k - 1] == 9 and not stop(k)
    and korean_name(kb, T.f[k - 1]) and not stop(k - 1) and not any_cue(from, k - 1)
    and not VERBAL[T.f[k - 1]:sub(-3)] and not copula_form(T.f[k - 1])
    and not (T.gaz and T.gaz[T.s[k - 1]]) and (k == 2 or T.gap[k - 1] ~= "") then
    return k - 1, k - 1, company(k)
  end
  -- after_object: the word before k ends in the object particle 을/를 (금품을
  -- 갈취한 기자, 홈런을 넘긴 선수): word k is mostly the verb that governs it
  local pw = k > 1 and space_gap(T.gap[k]) and T.f[k - 1] or ""
  local after_object = #pw >= 6 and is_hangul(pw) and (pw:sub(-3) == "\236\157\132" or pw:sub(-3) == "\235\165\188")
  -- (no Korean name right before its title ends in a case particle's
  -- syllable no given name ends in: 권유로 가수 'on advice, a singer')
  if korean_name(kb, key) then
    if stop(k) or (T.places and T.places[T.s[k]]) or (T.orgs and T.orgs[T.s[k]]) then return nil end
    -- (a verb's form before a noun after an object: 금품을 갈취한 기자)
    if after_object and VERBAL[key:sub(-3)] and not given_name(kb, key) then return nil end
    if #key == 9 and CASE_END[key:sub(-3)] then return nil end
    return k, k
  end
  -- a Korean name of three syllables or more and one other word before the
  -- title: that word is its organisation's short name (이주열 한은 총재)
  if k > 1 and space_gap(T.gap[k]) and #T.f[k - 1] >= 9 and korean_name(kb, T.f[k - 1]) and not stop(k - 1)
    and not copula_form(T.f[k - 1]) and not VERBAL[T.f[k - 1]:sub(-3)]
    and not any_cue(from, k - 1) and not (T.places and T.places[T.s[k - 1]]) then
    return k - 1, k - 1, company(k)
  end
  if not foreign(k, 6) or after_object then return nil end
  -- (a first name of one syllable too: 조 바이든; no Korean name before it)
  if k > 1 and space_gap(T.gap[k]) and is_hangul(T.f[k - 1])
    and not (#T.f[k - 1] >= 6 and korean_name(kb, T.f[k - 1])) and foreign(k - 1, 3)
    and not (#T.f[k - 1] == 6 and CONNECTIVE[T.f[k - 1]:sub(-3)]) and T.f[k - 1]:sub(-3) ~= HAE then
    return k - 1, k
  end
  return k, k
end

-- after_title(kb, T, from, t, stop) -> the first and last byte of the name
-- right after the occupation (a Korean `title`) ending at word t: a Korean
-- name of three syllables, its particle outside (배우 손광업이 -> 손광업), or
-- a transliterated foreign name of two words (골키퍼 카밀로 바르가스의); nil
-- when the title has a particle (배우의) or no such name follows
local function after_title(kb, T, from, t, stop)
  local k = t + 1
  if k > T.n or (T.pstrip[t] or 0) > 0 or not space_gap(T.gap[k]) then return nil end
  local function word(x)
    return T.sc[x] == "uncased" and is_hangul(T.f[x]) and not stop(x) and not any_cue(from, x)
      and not (T.places and T.places[T.s[x]]) and not hangul_org(kb, T.f[x])
  end
  if not word(k) then return nil end
  local st = hangul_stem(T.f[k], 2) or T.f[k]
  if #st >= 9 and korean_name(kb, st) then return T.s[k], T.s[k] + #st - 1 end
  if k < T.n and space_gap(T.gap[k + 1]) and word(k + 1) and #T.f[k] >= 6
    and not hangul_stem(T.f[k], 2, HANGUL_BREAK) then
    local st2 = hangul_stem(T.f[k + 1], 2) or T.f[k + 1]
    if #st2 >= 6 and (transliterated(T.f[k]) or transliterated(st2)) then return T.s[k], T.s[k + 1] + #st2 - 1 end
  end
  return nil
end

-- given_name(kb, w) -> w when it is a family name and a known given name of
-- two syllables (not common in Korean), nothing more
given_name = function(kb, w)
  local f = is_hangul(w) and #w % 3 == 0 and family(kb, w)
  if not f or #w // 3 ~= f + 2 or VERBAL[w:sub(-3)] or hangul_org(kb, w) then return nil end
  local g = kb.names[syl(w, f + 1, f + 2)]
  if g and g.given and g.langs and g.langs.ko and not common_in(kb, g, "ko") then return w end
  return nil
end

-- the bytes of the honorific 씨 written onto a name (홍길동씨, 김씨는)
local SSI = "\236\148\168"

-- affiliation(T, text, j) -> true when the bracket opening before word j
-- holds a team, party or town alone: a name of the gazetteer (대구), or one
-- or two words, one of them in Latin capitals written alone or onto Hangul
-- (대구FC, 울산 HD, FC서울), then the closing bracket
local function affiliation(T, text, j)
  if T.gaz and T.gaz[T.s[j]] == T.e[j] and (T.gap[j + 1] or ""):find("^%)") then return true end
  -- (Latin capitals alone are an acronym's gloss: 반도체(DS))
  local latin, hangul = false, false
  for x = j, math.min(j + 2, T.n) do
    if x > j and (T.gap[x]:find("^%)") or T.gap[x]:find("^[,·]")) then return latin and hangul end
    if x > j and not (T.gap[x] == "" or space_gap(T.gap[x])) then return false end
    if T.sc[x] == "cased" then
      if not text:sub(T.s[x], T.e[x]):find("^%u+$") then return false end
      latin = true
    elseif T.sc[x] == "uncased" and is_hangul(T.f[x]) then
      hangul = true
    else
      return false
    end
  end
  return latin and hangul and (T.gap[math.min(j + 3, T.n + 1)] or ")"):find("^%)") ~= nil
end

local function names(kb, T, text, from, out, stop)
  for i = 1, T.n do
    local key = T.f[i]
    if T.sc[i] == "uncased" and is_hangul(key) and not any_cue(from, i) and not stop(i) then
      local st = hangul_stem(key, 2) or key
      -- 씨 written onto the name: a family name alone or with two syllables
      -- (김씨, 홍길동씨; not 아저씨, 날씨, 마음씨)
      if #st >= 6 and st:sub(-3) == SSI then
        local nm = st:sub(1, -4)
        local f = family(kb, nm)
        -- (the whole word, as a span never ends inside a Hangul word: glean
        -- eval's gold builder checks word boundaries; the name is the label)
        if f and (#nm // 3 == f or #nm // 3 == f + 2) and korean_name(kb, nm) then
          add(out, text, T.s[i], T.e[i], "person", "cue:title_after", { strong = true, name = nm })
        end
      -- the age in brackets right after a name (홍길동(45), 최준(25·서울))
      -- (the bracket closes after the number or goes on after a separator:
      -- 최준(25·서울); not a date, 전날(25일), 상반기(98년 4월))
      elseif st == key and T.gap[i + 1] == "(" and i < T.n and T.f[i + 1]:find("^%d%d?$")
        and (T.gap[i + 2] or ")"):find("^[%)%s,\194]") and #key >= 6 and korean_name(kb, key) then
        add(out, text, T.s[i], T.e[i], "person", "shape:age")
      -- a name of three syllables right before its team, party or town in
      -- brackets, a place or an organisation of the gazetteer there alone
      -- (이근호(대구), 홍길동(서울)); not a place's or a body's own name
      elseif st == key and T.gap[i + 1] == "(" and i < T.n and affiliation(T, text, i + 1)
        and #key == 9 and korean_name(kb, key)
        and not ((T.gaz and T.gaz[T.s[i]]) or (T.places and T.places[T.s[i]])) then
        add(out, text, T.s[i], T.e[i], "person", "shape:affiliation")
      -- a family name and a known given name, with or without a particle
      -- (이현우가, 김서연): given names that are words, or make one after a
      -- family name, are flagged common in ko-faker.tsv; none ending like a
      -- verb or adjective before a noun (지한: 금지한, 인지한)
      else
        local g = given_name(kb, hangul_stem(key, 3) or key)
        -- (nor a verb's form before a noun: 주재하는, 진행되는)
        if g and (key:sub(-6) == "하는" or key:sub(-6) == "되는") then g = nil end
        if g and not (T.places and T.places[T.s[i]]) then
          add(out, text, T.s[i], T.s[i] + #g - 1, "person", "names:given")
        end
      end
    end
  end
end

-- admin(kb, c, min1) -> the number of syllables of the place_tail c ends in (서울시,
-- 종로구, 수원특례시: 1, 1, 3), with two syllables or more before a tail of
-- one (min1 syllables if given) and one before a longer one (시, 구 alone,
-- 중구, 도시 are none), or nil
local function admin(kb, c, min1)
  local n = #c // 3
  for tl = math.min(n - 1, 4), 1, -1 do
    local node = kb.trie[syl(c, n - tl + 1, n)]
    local pt = node and node.ends and node.ends.place_tail
    if pt and not pt.gaz and n - tl >= (tl == 1 and (min1 or 2) or 1) then return tl end
  end
  return nil
end

-- venue(kb, c, place_name) -> true when the Hangul word c (without its
-- particle) ends in a `gaz` place_tail (경기장, 운동장, 구장, 체육관) and
-- opens with a place the gazetteer knows, one to three syllables, before
-- at least one more syllable or the tail (광주월드컵경기장, 인천축구전용구장,
-- 진주종합경기장); a stadium named by its kind alone (종합운동장) is none
local function venue(kb, c, place_name)
  local n = #c // 3
  if not place_name or n < 3 then return false end
  for tl = math.min(n - 1, 4), 2, -1 do
    local node = kb.trie[syl(c, n - tl + 1, n)]
    local pt = node and node.ends and node.ends.place_tail
    if pt and pt.gaz then
      for l = math.min(3, n - tl), 1, -1 do
        if place_name(syl(c, 1, l)) then return true end
      end
      return false
    end
  end
  return false
end

-- provinces' short names that are ordinary words too: places only first in
-- an address (경기 'game, economy')
local ADDRESS_HEAD = { ["경기"] = true }

-- local_office(kb, w): w is a local office's name, a particle after it
-- (김포경찰서에, 수원시청, 가평군청의)
local OFFICE3 = { ["경찰서"] = true, ["소방서"] = true, ["세무서"] = true, ["교육청"] = true }
local OFFICE2 = { ["시청"] = true, ["군청"] = true, ["구청"] = true }
local function local_office(kb, w)
  local o = hangul_org(kb, w)
  return o and (OFFICE3[o:sub(-9)] or OFFICE2[o:sub(-6)]) and true or false
end

-- the first syllables of districts named by their direction (동구 서구 남구
-- 북구 중구): places only right after a place in an address
local DIRECTION = { ["동"] = true, ["서"] = true, ["남"] = true, ["북"] = true, ["중"] = true }

-- places(kb, T, text, from, out, stop, place_name): Korean places written
-- with their administrative word (시 도 군 구 동 읍, 특별시 광역시 특례시:
-- place_tail in data/cues/ko.tsv) onto the name, a particle after it
-- (서울시는, 경기도에서, 종로구의): the whole word, the name without the
-- particle its label.  One such word is a place when its tail has two
-- syllables or more (수원특례시), when the name before the tail is a place of
-- the gazetteer (place_name(s): 서울 of 서울시는), or in an address, right
-- after a place without a particle (서울 종로구, 수원시 영통구, 장안구 정자동).
-- place_name may be nil (then only the other two).
-- the township and village words of a rural address (홍천군 서석면 풍암리): a
-- place only right after a word with an administrative ending (군 시 구 읍 면),
-- as verbs end in them too (가려면, 했으면, 사투리: not those endings)
local LOCAL_UNIT = { ["면"] = true, ["리"] = true }
-- (a verb's conditional: 했으면, 가려면, 있다면, 한다면; a word: 사투리, 마무리)
local COND_END = {}
for _, e in ipairs { "으면", "려면", "다면", "라면", "자면", "하면", "되면", "이면", "투리", "무리" } do COND_END[e] = true end
local ADMIN_WORD_END = { ["군"] = true, ["시"] = true, ["구"] = true, ["읍"] = true, ["면"] = true }
-- the tails of a list's local units (면 리 동 읍), and nouns that end like
-- one, by their last two syllables (봉사활동, 먹거리, 일자리, 다방면)
local LIST_UNIT = { ["면"] = true, ["리"] = true, ["동"] = true, ["읍"] = true }
local UNIT_NOUN = {}
for w in ("활동 운동 행동 노동 이동 변동 공동 합동 출동 가동 작동 연동 감동 충동 소동 폭동 난동 파동 발동 기동"
  .. " 진동 자동 수동 능동 협동 선동 태동 유동 격동 율동 거동 방면 측면 전면 이면 표면 단면 평면 곡면 내면 외면"
  .. " 국면 장면 화면 지면 노면 수면 사면 정면 반면 일면 양면 당면 직면 대면 체면 라면 냉면 거리 자리 소리 머리"
  .. " 우리 관리 처리 정리 수리 요리 유리 무리 마리 아리 나리 따리 타리 서리 논리 원리 심리 진리 승리 권리"
  .. " 편리 경리 총리 대리 의리 조리 섭리 거동 소읍 구리"
  -- (a verb's conditional after its stem: 돌아보면, 들어가면, 찾아오면)
  .. " 보면 가면 오면 주면 지면 두면 우면 르면 치면 시면 기면 히면 니면"):gmatch("%S+") do
  UNIT_NOUN[w] = true
end
-- the particles after a numbered neighbourhood (방이1동의, 잠실6동에서)
local HANGUL_PARTICLE_OK = {}
for w in ("은 는 이 가 을 를 의 에 와 과 도 로 만 에서 에는 으로 까지 부터 에도"):gmatch("%S+") do HANGUL_PARTICLE_OK[w] = true end
-- kinds of dam, no dam's name (다목적댐, 사방댐)
local DAM_KIND = {}
for w in ("다목적 사방 지하 보조 소형 대형 중소형 저수 홍수조절 농업용 발전용 조정지 하구 인공 거대 노후"):gmatch("%S+") do
  DAM_KIND[w] = true
end

local function places(kb, T, text, from, out, stop, place_name)
  local prev_place = 0   -- the last word that is a place (gazetteer or found)
  local prev_admin = 0   -- the last word with an administrative ending, no particle
  for i = 1, T.n do
    local w = T.f[i]
    if T.sc[i] == "uncased" and is_hangul(w) and #w >= 6 and not stop(i) and not hangul_org(kb, w) then
      -- the word as it is, then without a particle (경기도 before 경기+도)
      local c, tl = w, admin(kb, w)
      if not tl then
        c = hangul_stem(w, 3)
        tl = c and admin(kb, c)
      end
      -- (in an address, a district named by its direction: 광주 남구, 서울 중구의)
      if not tl and prev_place == i - 1 and space_gap(T.gap[i]) then
        c = #w == 6 and w or hangul_stem(w, 2)
        tl = c and #c == 6 and DIRECTION[c:sub(1, 3)] and admin(kb, c, 1)
      end
      -- (in a rural address, a township or village after an administrative word:
      -- 홍천군 서석면, 서석면 풍암리의)
      if not tl and prev_admin == i - 1 and space_gap(T.gap[i]) then
        for _, x in ipairs({ w, hangul_stem(w, 3) or false }) do
          if not tl and x and #x >= 9 and LOCAL_UNIT[x:sub(-3)] and not COND_END[x:sub(-6)] then c, tl = x, 1 end
        end
      end
      -- (a venue opening with a place: 광주월드컵경기장에서)
      if not tl and #w >= 9 then
        local st = hangul_stem(w, 3)
        local v = (venue(kb, w, place_name) and w) or (st and venue(kb, st, place_name) and st)
        if v then add(out, text, T.s[i], T.s[i] + #v - 1, "place", "cue:place_tail") end
      end
      if tl then
        local name = c:sub(1, -3 * tl - 1)
        local chained = prev_place == i - 1 and space_gap(T.gap[i])
        local known = place_name and place_name(name)
        -- (a town, 읍, after two syllables or more: no word ends so but a
        -- town's name, 간성읍, 한림읍에서)
        local town = tl == 1 and c:sub(-3) == "\236\157\141" and #name >= 6
        if tl > 1 or chained or known or town then
          -- (the gazetteer's name its label: 서울 of 서울시는)
          add(out, text, T.s[i], T.s[i] + #c - 1, "place", "cue:place_tail", known and { name = name } or nil)
          -- (the next word of an address: only when this one has no particle)
          if c == w then prev_place, prev_admin = i, i end
        end
      end
    end
    -- a gazetteer match that is this word, without a particle (서울 종로구)
    if prev_place ~= i and T.gaz and T.gaz[T.s[i]] == T.e[i] and is_hangul(w) and not any_cue(from, i) then
      prev_place = i
      -- (홍천군, 강릉시: a county's or city's word opens a rural address)
      if #w >= 9 and ADMIN_WORD_END[w:sub(-3)] then prev_admin = i end
    end
    -- a province's short name that is an ordinary word too (경기 'game', 'economy'), first in an
    -- address: right before a place of the gazetteer or a word with an administrative ending
    -- (경기 성남, 경기 수원시, 경기 김포경찰서)
    if ADDRESS_HEAD[w] and i < T.n and space_gap(T.gap[i + 1]) and T.sc[i + 1] == "uncased" then
      local nx = T.f[i + 1]
      if (T.places and T.places[T.s[i + 1]] == T.e[i + 1]) or (T.gaz and T.gaz[T.s[i + 1]] == T.e[i + 1])
        or admin(kb, nx) or local_office(kb, nx) then
        add(out, text, T.s[i], T.e[i], "place", "cue:place_tail")
        prev_place = i
      end
    end
  end
  -- a dam named by its place (괴산댐은, 용담댐): two syllables or more before 댐, no kind of dam
  -- (다목적댐, 사방댐, 지하댐)
  for i = 1, T.n do
    local w = T.f[i]
    if T.sc[i] == "uncased" and is_hangul(w) and #w >= 9 and not stop(i) then
      for _, x in ipairs({ w, hangul_stem(w, 3) or false }) do
        if x and #x >= 9 and x:sub(-3) == "\235\140\144" and not DAM_KIND[x:sub(1, -4)] then
          add(out, text, T.s[i], T.s[i] + #x - 1, "place", "cue:place_tail")
          break
        end
      end
    end
  end
  -- a neighbourhood numbered within its name (십정2동, 방이1동의, 잠실6동): two Hangul
  -- syllables or more opening a word, one or two digits, 동, then no Hangul or a particle
  if T.n > 0 then
    local lo, hi = T.s[1], T.e[T.n]
    for a, z in text:sub(lo, hi):gmatch("()%d%d?\235\143\153()") do
      local p, nsyl = lo + a - 1, 0
      while p > lo + 2 and text:byte(p - 3) >= 0xEA and text:byte(p - 3) <= 0xED do p = p - 3; nsyl = nsyl + 1 end
      local b = p > 1 and text:byte(p - 1) or 32
      local e = lo + z - 2
      local rest = text:match("^[\234-\237][\128-\191][\128-\191][\234-\237]?[\128-\191]?[\128-\191]?", e + 1) or ""
      if nsyl >= 2 and (b < 0x80 or b == 0xA0) and not (b >= 48 and b <= 57) and (b < 65 or b > 122)
        and (rest == "" or HANGUL_PARTICLE_OK[rest]) then
        add(out, text, p, e + #rest, "place", "cue:place_tail")
      end
    end
  end
  -- townships, villages and neighbourhoods listed (살미면, 대소원면, 중앙탑면,
  -- 봉방동; 보안면은 227㎜, 위도면은 225㎜): three words or more, each a name
  -- of two syllables or more and 면, 리, 동 or 읍, a particle after it or
  -- not, next to each other or with words in no Hangul between (a number, a
  -- measure), in one line; two joined by 와/과 (외사리와 송동리, 제원면과 부리면)
  local function unit(i)
    local w = T.f[i]
    if not w or T.sc[i] ~= "uncased" or not is_hangul(w) or stop(i) or hangul_org(kb, w) then return nil end
    for _, x in ipairs({ w, hangul_stem(w, 3) or false }) do
      if x and #x >= 9 and LIST_UNIT[x:sub(-3)] and not COND_END[x:sub(-6)] and not UNIT_NOUN[x:sub(-6)] then
        return x
      end
    end
    return nil
  end
  local i = 1
  while i <= T.n do
    local x = unit(i)
    if x then
      local chain, j = { { i, x } }, i
      while true do
        local k = j + 1
        while k <= T.n and k - j <= 3 and not is_hangul(T.f[k]) and not (T.gap[k] or ""):find("\n") do k = k + 1 end
        local y = k <= T.n and not (T.gap[k] or ""):find("\n") and unit(k)
        if not y then break end
        chain[#chain + 1] = { k, y }
        j = k
      end
      local joined = #chain == 2 and chain[2][1] == i + 1 and x:sub(-3) == chain[2][2]:sub(-3)
        and (T.f[i]:sub(-3) == "\236\153\128" or T.f[i]:sub(-3) == "\234\179\188")
      if #chain >= 3 or joined then
        for _, c in ipairs(chain) do
          add(out, text, T.s[c[1]], T.s[c[1]] + #c[2] - 1, "place", "cue:place_tail")
        end
      end
      i = j + 1
    else
      i = i + 1
    end
  end
end

-- office(kb, T, i) -> true when word i is an office written onto its place
-- or organisation, a particle after it (수원시장, 영통구청장은, 서울경찰청장이,
-- 신임회장): a title_after of two syllables or more ends it, after a
-- title_mod, a word with an administrative ending, an organisation's name
-- (with the title's first syllable too: 서울경찰청+청장) or a place of the
-- gazetteer (T.place_name); after any two syllables when the
-- title has three or more (산업건설위원장).  `title_after ... onto`
-- titles count only so (시장 'mayor' is a word alone: 'market').
local function office(kb, T, i)
  local w = T.f[i]
  if T.sc[i] ~= "uncased" or not is_hangul(w) or #w % 3 ~= 0 then return false end
  for _, c in ipairs { w, hangul_stem(w, 3) } do
    local n = #c // 3
    for tl = math.min(n - 1, 4), 2, -1 do
      local node = kb.trie[syl(c, n - tl + 1, n)]
      if node and node.ends and node.ends.title_after then
        local p = syl(c, 1, n - tl)
        local pn = kb.trie[p]
        -- (the organisation may end in the title's first syllable: 서울경찰청 + 청장)
        if (tl >= 3 and n - tl >= 2) or (pn and pn.ends and pn.ends.title_mod) or admin(kb, p)
          or hangul_org(kb, p) or hangul_org(kb, syl(c, 1, n - tl + 1)) or (T.place_name and T.place_name(p)) then
          return true
        end
      end
    end
  end
  return false
end

-- offices(kb, T, text, from, out, stop): a Korean name before an office
-- written onto its place or organisation (이재준 수원시장, 김봉식
-- 서울경찰청장이), a place or an organisation between them; a name after a
-- title in brackets ((군수 유근기)); and companies named in Latin capitals and Hangul as one
-- word (LG화학, SM엔터테인먼트는): the Latin letters an organisation of the
-- gazetteer (T.org_name) or the Hangul an org_tail or ending in one
-- a football club's letters written onto its Hangul name (FC서울, 수원FC)
local CLUB = { FC = true, SC = true, AFC = true }

-- the heads of a company whose name may be written before them in brackets
-- (한빛건설(대표이사 오세림)), and 소속 'of (a body)'
local HEAD_OF = { ["대표"] = true, ["대표이사"] = true, ["회장"] = true, ["사장"] = true }
local AFFILIATED = "\236\134\140\236\134\141"   -- 소속

local function offices(kb, T, text, from, out, stop)
  local short = {}   -- Latin letters of a Latin-and-Hangul company -> its name
  local function name_at(k)
    return T.sc[k] == "uncased" and is_hangul(T.f[k]) and (k == 1 or T.gap[k] ~= "") and #T.f[k] >= 6
      and korean_name(kb, T.f[k]) and not stop(k) and not any_cue(from, k) and not (T.places and T.places[T.s[k]])
  end
  -- firm(c, min, name_max): word c may be a company's or body's name
  -- written alone: Hangul of min bytes or more, no stop word, cue, place or
  -- gazetteer name, no Korean name of name_max bytes or fewer
  local function firm(c, min, name_max)
    local f = T.f[c]
    return T.sc[c] == "uncased" and is_hangul(f) and #f >= min and (c == 1 or T.gap[c] ~= "") and not stop(c)
      and not any_cue(from, c) and not (T.places and T.places[T.s[c]]) and not (T.gaz and T.gaz[T.s[c]])
      and not (#f <= name_max and korean_name(kb, f))
  end
  for i = 1, T.n do
    local w = T.f[i]
    if T.sc[i] == "uncased" and is_hangul(w) then
      local k = i - 1
      if not from[i] and office(kb, T, i) then
        -- (a place or an organisation between: 김병내 광주 남구청장, 서학원 이천시의회 산업건설위원장)
        -- (a bracket written right after the name, up to three words in it:
        -- 강훈식(왼쪽부터) 대통령비서실장)
        if k >= 2 and T.gap[i]:find("^%) ?$") and space_gap(T.gap[i]:sub(2)) then
          local j = k
          while j > 1 and j > k - 2 and not T.gap[j]:find("%($") do j = j - 1 end
          if j > 1 and T.gap[j] == "(" and name_at(j - 1) then
            add(out, text, T.s[j - 1], T.e[j - 1], "person", "cue:title_after", { strong = true })
          end
        end
        -- (and the title's modifiers: 김봉식 전 서울경찰청장, 노상원 전 정보사령관)
        local skipped = 0
        while skipped < 2 and k > 1 and space_gap(T.gap[k + 1]) and T.sc[k] == "uncased" and is_hangul(T.f[k])
          and ((T.gaz and T.gaz[T.s[k]] == T.e[k]) or admin(kb, T.f[k]) or hangul_org(kb, T.f[k])
            or (from[k] and from[k].title_mod and from[k].title_mod[1] == k)) do
          k, skipped = k - 1, skipped + 1
        end
        if space_gap(T.gap[k + 1]) and name_at(k) then
          add(out, text, T.s[k], T.e[k], "person", "cue:title_after", { strong = true })
        end
        k = i - 1
      end
      -- a title before the name in brackets, the office of the one named before ((군수 유근기), (대표이사 강헌))
      local ta = from[i] and from[i].title_after
      local j = ta and ta[1] + 1
      if j and j <= T.n and T.gap[i]:find("%($") and space_gap(T.gap[j]) and name_at(j)
        and T.gap[j + 1] and T.gap[j + 1]:find("^%)") then
        add(out, text, T.s[j], T.e[j], "person", "cue:title_after", { strong = true })
        -- and the word written right before the bracket of a company's head
        -- is the company (한국전자(대표 김충환), 제일모직(대표 황백)): a Hangul
        -- word of two syllables or more, no place, no person's name
        local c = i - 1
        if c >= 1 and T.gap[i] == "(" and HEAD_OF[T.f[i]] and firm(c, 6, 9) then
          add(out, text, T.s[c], T.e[c], "org", "cue:org_tail")
        end
      end
      -- a company or agency before 소속 ('of, belonging to': 키이스트 소속인,
      -- 서울경찰청 소속): a Hangul word of three syllables or more, no
      -- place, no person's name, no word with a particle
      if w:sub(1, 6) == AFFILIATED and (#w == 6 or HANGUL_PARTICLE[w:sub(7)] or w:sub(7) == COPULA)
        and k >= 1 and space_gap(T.gap[i]) and firm(k, 9, 12) and not hangul_stem(T.f[k], 2)
        and not holds_title(kb, T.f[k]) then
        add(out, text, T.s[k], T.e[k], "org", "cue:org_tail")
      end
      local latin = T.gap[i] == "" and T.sc[k] == "cased" and text:sub(T.s[k], T.e[k])
      if latin and #latin <= 5 and latin:find("^[A-Z&]+$") then
        local st = hangul_stem(w, 2) or w
        local node = kb.trie[st]
        if (T.org_name and T.org_name(latin)) or (node and node.ends and node.ends.org_tail) or hangul_org(kb, st) then
          -- (and Hangul written before the letters: 한국CXO연구소)
          local a = k
          if k > 1 and T.gap[k] == "" and T.sc[k - 1] == "uncased" and is_hangul(T.f[k - 1]) then a = k - 1 end
          add(out, text, T.s[a], T.s[i] + #st - 1, "org", "cue:org_tail")
          short[latin] = text:sub(T.s[k], T.s[i] + #st - 1)
        -- a club: FC written before the Hangul name (FC서울), its particle after
        elseif CLUB[latin] and (k == 1 or T.gap[k] ~= "") and #st >= 6 then
          add(out, text, T.s[k], T.e[i], "org", "cue:org_tail", { name = text:sub(T.s[k], T.s[i] + #st - 1) })
        end
      end
      -- a company's tail written as a word of its own after its name in
      -- Latin capitals (YG 엔터테인먼트는, QZ 그룹): an org_tail of two
      -- syllables or more (after a Hangul word it is a kind: 예능 엔터테인먼트)
      local tst = space_gap(T.gap[i]) and k >= 1 and (hangul_stem(w, 2) or w)
      local tnode = tst and #tst >= 6 and kb.trie[tst]
      if tnode and tnode.ends and tnode.ends.org_tail and (k == 1 or T.gap[k] ~= "") and not any_cue(from, k) then
        local lw = T.sc[k] == "cased" and text:sub(T.s[k], T.e[k])
        -- (or after a transliterated name without a final consonant but ㄴ: 산케이 신문, 아사히 신문)
        if (lw and #lw <= 5 and lw:find("^[A-Z&]+$"))
          or (T.sc[k] == "uncased" and #T.f[k] >= 9 and open_syllables(T.f[k]) and not stop(k)
            and not hangul_stem(T.f[k], 2, HANGUL_BREAK) and not (T.gaz and T.gaz[T.s[k]])) then
          add(out, text, T.s[k], T.e[i], "org", "cue:org_tail", { name = text:sub(T.s[k], T.s[i] + #tst - 1) })
        end
      end
      -- a club: FC written after the Hangul name (수원FC, 성남FC를), a particle
      -- written after it too
      local nx = i < T.n and T.gap[i + 1] == "" and T.sc[i + 1] == "cased" and text:sub(T.s[i + 1], T.e[i + 1])
      if nx and CLUB[nx] and #w >= 6 and (i == 1 or T.gap[i] ~= "") and not hangul_stem(w, 2) then
        local e = T.e[i + 1]
        if i + 1 < T.n and T.gap[i + 2] == "" and HANGUL_PARTICLE[T.f[i + 2]] then e = T.e[i + 2] end
        add(out, text, T.s[i], e, "org", "cue:org_tail", { name = text:sub(T.s[i], T.e[i + 1]) })
      end
    end
  end
  -- the Latin letters of such a company alone elsewhere in the text are the
  -- company (SM 측은 after SM엔터테인먼트는), a particle written onto them
  -- too, not before another word written onto them (SM엔터테인먼트 itself)
  if next(short) then
    for i = 1, T.n do
      local full = T.sc[i] == "cased" and short[text:sub(T.s[i], T.e[i])]
      if full and (i == 1 or T.gap[i] ~= "") then
        local e = T.e[i]
        if i < T.n and T.gap[i + 1] == "" then
          e = HANGUL_PARTICLE[T.f[i + 1]] and T.e[i + 1] or nil
        end
        if e then add(out, text, T.s[i], e, "org", "propagated", { name = full }) end
      end
    end
  end
end

-- listed(kb, T, text, from, out, stop): the names of a list before 등
-- ('and others') and a title, each item a person (방은희, 손광업, 한기웅 등
-- 배우; 델리 알리, 해리 케인 등 선수들): items apart by commas, two at least,
-- each a Korean name word or a foreign name of one or two words without a
-- particle; the list starts after a word with a particle or any other gap
local ETC = "\235\147\177"   -- 등
-- interpunct(kb, T, text, from, out, stop): Korean names of three
-- syllables joined by an interpunct before a title are people, each
-- (신광렬·조의연·성창호 판사: the last the title's, the others here)
local INTERPUNCT = "\194\183"
local function interpunct(kb, T, text, from, out, stop)
  local function name3(k)
    return T.sc[k] == "uncased" and #T.f[k] == 9 and korean_name(kb, T.f[k]) and not stop(k)
      and not any_cue(from, k) and not (T.gaz and T.gaz[T.s[k]])
  end
  for k = 2, T.n - 1 do
    local ta = from[k + 1] and from[k + 1].title_after
    if ta and T.gap[k] == INTERPUNCT and space_gap(T.gap[k + 1]) and name3(k) then
      local j = k - 1
      while j >= 1 and name3(j) and (j == 1 or T.gap[j] ~= "") do
        add(out, text, T.s[j], T.e[j], "person", "cue:list")
        if j == 1 or T.gap[j] ~= INTERPUNCT then break end
        j = j - 1
      end
    end
  end
end

-- band(kb, T, text, from, out, stop): 그룹 'the (music) group', its name
-- (Hangul, Latin capitals or both written together, 의 after it or not)
-- and a Korean name of three syllables: the band is an organisation, the
-- name its member (그룹 엔플라잉의 김재현은, 그룹 FT아일랜드 이홍기와)
local GROUP = "\234\183\184\235\163\185"   -- 그룹
local function band(kb, T, text, from, out, stop)
  for i = 1, T.n - 2 do
    -- (not a company's group: 삼성 그룹 차원의 지원을)
    if T.f[i] == GROUP and space_gap(T.gap[i + 1]) and (i == 1 or T.gap[i] ~= "")
      and not (i > 1 and ((T.gaz and T.gaz[T.s[i - 1]]) or hangul_org(kb, T.f[i - 1]))) then
      local j, m = i + 1, i + 1
      while m < T.n and T.gap[m + 1] == "" and (T.sc[m + 1] == "uncased" or T.sc[m + 1] == "cased") do m = m + 1 end
      local nx = m + 1
      local w = nx <= T.n and T.sc[nx] == "uncased" and space_gap(T.gap[nx]) and T.f[nx]
      local st = w and is_hangul(w) and (hangul_stem(w, 3) or w)
      -- (a word of three syllables ending in a particle's syllable is none: 지원을)
      local ok = st and #st == 9 and korean_name(kb, st) and not stop(nx) and not any_cue(from, nx)
        and not (st == w and HANGUL_PARTICLE[w:sub(-3)])
        and not (T.gaz and T.gaz[T.s[nx]])
      for x = j, m do
        ok = ok and not stop(x) and not any_cue(from, x) and (T.sc[x] == "cased" or is_hangul(T.f[x]))
      end
      if ok and not holds_title(kb, T.f[m]) then
        local bs = text:sub(T.s[j], T.e[m])
        local name = bs:sub(-3) == "\236\157\152" and #bs > 6 and bs:sub(1, -4) or bs   -- 의
        add(out, text, T.s[j], T.e[m], "org", "cue:org_title", { name = name })
        add(out, text, T.s[nx], T.e[nx], "person", "cue:title", { name = st })
      end
    end
  end
end

-- org_list(kb, T, text, from, out, stop): the items of a list joined by
-- interpuncts, one of them an organisation found (a cue's, the
-- gazetteer's): the others are organisations too (LG화학·삼성코닝정밀유리·
-- 동우화인켐에), each a Hangul word of two syllables or more, Latin letters
-- written onto it allowed, no stop word, place or Korean name
local function org_list(kb, T, text, from, out, stop)
  local org_at, taken = {}, {}
  for _, m in ipairs(out) do
    taken[m.start] = true
    if m.type == "org" then org_at[m.start] = true end
  end
  local i = 1
  while i <= T.n do
    -- a chain: items apart by an interpunct, each tokens written together
    local items, j = {}, i
    while j <= T.n do
      local a, b = j, j
      while b < T.n and T.gap[b + 1] == "" do b = b + 1 end
      items[#items + 1] = { a, b }
      j = b + 1
      if not (b < T.n and T.gap[b + 1] == INTERPUNCT) then break end
    end
    local known = false
    if #items >= 2 then
      for _, it in ipairs(items) do
        if org_at[T.s[it[1]]] or (T.orgs and T.orgs[T.s[it[1]]] ~= nil) then known = true; break end
      end
    end
    if known then
      for _, it in ipairs(items) do
        local a, b = it[1], it[2]
        local last = T.f[b]
        local st = is_hangul(last) and (hangul_stem(last, 2) or last)
        local ok = st and #st >= 6 and T.sc[b] == "uncased" and not taken[T.s[a]]
          and not (T.gaz and T.gaz[T.s[a]]) and not (T.places and T.places[T.s[a]])
        for x = a, b do
          ok = ok and not stop(x) and not any_cue(from, x) and (T.sc[x] == "cased" or is_hangul(T.f[x]))
        end
        if ok and a == b and #st <= 9 and korean_name(kb, st) then ok = false end
        if ok then add(out, text, T.s[a], T.s[b] + #st - 1, "org", "cue:list") end
      end
    end
    i = math.max(j, i + 1)
  end
end

-- dateline(T, text, out, stop): a news agency's dateline in brackets, the
-- place, = and the agency ([부여=뉴시스], (서울=연합뉴스)): a Hangul word, then
-- Hangul, Latin letters or digits written together up to the bracket's end
local function dateline(T, text, out, stop)
  for i = 1, T.n - 1 do
    local g = T.gap[i]
    if (g:sub(-1) == "(" or g:sub(-1) == "[") and T.gap[i + 1] == "=" and T.sc[i] == "uncased"
      and is_hangul(T.f[i]) and not stop(i) then
      local b = i + 1
      while b < T.n and T.gap[b + 1] == "" do b = b + 1 end
      local close = T.gap[b + 1] or ""
      if (close:sub(1, 1) == ")" or close:sub(1, 1) == "]") and (T.sc[i + 1] == "cased" or is_hangul(T.f[i + 1])) then
        add(out, text, T.s[i], T.e[i], "place", "cue:byline")
        add(out, text, T.s[i + 1], T.e[b], "org", "cue:byline")
      end
    end
  end
end

local function listed(kb, T, text, from, out, stop)
  dateline(T, text, out, stop)
  interpunct(kb, T, text, from, out, stop)
  band(kb, T, text, from, out, stop)
  org_list(kb, T, text, from, out, stop)
  local function plain(k)
    local w = T.f[k]
    return T.sc[k] == "uncased" and is_hangul(w) and not stop(k) and not any_cue(from, k)
      and not hangul_org(kb, w) and not (T.places and T.places[T.s[k]]) and not VERBAL[w:sub(-3)]
      and not hangul_stem(w, 2, HANGUL_BREAK) and not holds_title(kb, w)
  end
  -- a person found already (names:given, a title) with this surface
  local seen = {}
  for _, m in ipairs(out) do
    if m.type == "person" then seen[m.surface], seen[hangul_stem(m.surface, 2) or m.surface] = true, true end
  end
  for i = 3, T.n do
    local nx = T.f[i + 1] or ""
    local etc = T.f[i] == ETC or (T.f[i]:sub(1, 3) == ETC and HANGUL_PARTICLE[T.f[i]:sub(4)])
    if etc and space_gap(T.gap[i]) then
      local st = T.f[i] == ETC and space_gap(T.gap[i + 1]) and T.sc[i + 1] == "uncased" and (hangul_stem(nx, 2) or nx)
      if st and #st > 3 and st:sub(-3) == "\235\147\164" then st = st:sub(1, -4) end   -- 들, the plural
      local node = st and kb.trie[st]
      local titled = node and node.ends and (node.ends.title_after or node.ends.title)
      -- without a title after 등 (등이, 등 연기자들도): every item a Korean name of
      -- three syllables, one of them a known given name's or a person found so
      do
        local items, k = {}, i - 1
        while k >= 1 and plain(k) do
          -- an item: this word, and the one before it when the gap before that is the list's
          local a = k
          if k > 1 and space_gap(T.gap[k]) and plain(k - 1) and not korean_name(kb, T.f[k]) then a = k - 1 end
          if a == k and not korean_name(kb, T.f[k]) and #T.f[k] < 6 then break end
          items[#items + 1] = { a, k }
          local g = T.gap[a]
          -- (a Korean name after its band or team, the word before it apart
          -- by a space and opened by the list's comma: 씨앤블루 이정신)
          if a == k and a > 2 and space_gap(g) and korean_name(kb, T.f[k]) and #T.f[k] == 9
            and (T.sc[a - 1] == "uncased" or T.sc[a - 1] == "cased") and (T.gap[a - 1] == ", " or T.gap[a - 1] == ",")
            and not stop(a - 1) and not any_cue(from, a - 1) then
            a, g = a - 1, T.gap[a - 1]
          end
          if not (a > 1 and (g == ", " or g == ",")) then break end
          k = a - 1
        end
        local ok = #items >= 2 and titled
        if #items >= 2 and not titled then
          local known = false
          ok = true
          for _, it in ipairs(items) do
            local w = T.f[it[1]]
            if it[1] ~= it[2] or #w ~= 9 or not korean_name(kb, w) then ok = false; break end
            known = known or seen[w] or given_name(kb, w) ~= nil
          end
          ok = ok and known
        end
        if ok then
          for _, it in ipairs(items) do add(out, text, T.s[it[1]], T.e[it[2]], "person", "cue:list") end
        end
      end
    end
  end
end

-- co_authors(kb, T, from, a, stop) -> the first word of the Korean names
-- written before the byline's name at word a, one word each (김성식 권진영
-- 기자: 김성식), or a itself
local function co_authors(kb, T, from, a, stop)
  while a > 1 and space_gap(T.gap[a]) and T.sc[a - 1] == "uncased" and #T.f[a - 1] == 9
    and korean_name(kb, T.f[a - 1]) and not stop(a - 1) and not any_cue(from, a - 1)
    and not (T.gaz and T.gaz[T.s[a - 1]]) and not (a > 2 and T.gap[a - 1] == "") do
    a = a - 1
  end
  return a
end

M.before_title, M.after_title, M.names, M.korean_name = before_title, after_title, names, korean_name
M.co_authors = co_authors
M.places, M.offices, M.listed = places, offices, listed
return M
