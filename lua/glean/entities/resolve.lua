-- glean.entities.resolve: the resolution policy (docs/recognition.md) over
-- the stage's finds, the gazetteer's matches and the rules' hits: pick
-- keeps non-overlapping mentions (longer, then higher rank, then earlier;
-- a gazetteer country or organisation after a title is its complement);
-- slug and identify give found entities their TYPE:~slug ids and labels.
local core = require "glean.core"
local base = require "glean.entities.base"
local spans = require "glean.entities.spans"

local ipairs, next, pairs, select, table, utf8 = ipairs, next, pairs, select, table, utf8
local sort, concat = table.sort, table.concat
local max = math.max
local fold, is_upper, blank_before = base.fold, base.is_upper, base.blank_before
local spans_add, spans_conflict = spans.add, spans.conflict

local M = {}

-- A place or organisation of the gazetteer right after a title is the
-- title's complement, not the person's first name (президент России
-- Владимир Путин, Tổng thống Mỹ Joe Biden, глава МИД Турции): a person
-- found after a title that starts with a gazetteer country or organisation,
-- or with a place in an inflected form, starts after it, unless it starts
-- with a known given name (Professor Jordan Peterson stays whole); on the
-- very same span (президент Франции, Tổng thống Mỹ) the country, the
-- organisation or the inflected place wins.
local function complement(g)
  if (g.source or "gazetteer") ~= "gazetteer" then return false end
  if g.type == "org" or (g.id and g.id:find("^place:country:")) then return true end
  return g.type == "place" and g.alias ~= nil and fold(g.alias) ~= fold(g.surface or "")
end

local function titled_places(list)
  local gaz
  for _, g in ipairs(list) do
    if complement(g) then gaz = gaz or {}; gaz[#gaz + 1] = g end
  end
  if not gaz then return list end
  local out = {}
  for _, m in ipairs(list) do
    local keep = m
    if m.type == "person" and (m.rule == "cue:title" or m.rule == "cue:say") then
      for _, g in ipairs(gaz) do
        -- a country or organisation saying something is no person (Việt Nam cho biết)
        if g.start == m.start and g.stop == m.stop then keep = nil; break end
        if m.rule == "cue:say" then goto next_g end
        if g.start == m.start and g.stop < m.stop and not m.given_first then
          local rest = m.surface:sub(g.stop - m.start + 2)
          local lead = rest:match("^[ \194\160]*")
          rest = rest:sub(#lead + 1)
          if rest ~= "" and is_upper(utf8.char(utf8.codepoint(rest, 1))) then
            local cut = {}
            for k, v in pairs(m) do cut[k] = v end
            cut.start = g.stop + 1 + #lead
            cut.surface = rest
            keep = cut
            break
          end
        end
        ::next_g::
      end
    end
    out[#out + 1] = keep
  end
  return out
end

-- rank(m): strong cue (a title, honorific, byline or reporting verb beside
-- the name) 5 > analyst's rule 4 > propagated 3 > gazetteer 2 > other cue 1
local function rank(m)
  if m.strong then return 5 end
  local src = m.source or "gazetteer"
  if src:find("^rule:") then return 4 end
  if src == "propagated" then return 3 end
  if src == "gazetteer" then return 2 end
  return 1
end

-- gazetteer matches of the very same span (ambiguous names) stay together
local function same_gazetteer_span(s, m)
  return s.start == m.start and s.stop == m.stop and (s.source or "gazetteer") == "gazetteer"
    and (m.source or "gazetteer") == "gazetteer"
end

-- pick(list) -> the non-overlapping mentions of the list, by the policy of
-- docs/recognition.md: a longer span wins, then the higher rank (strong
-- cue > analyst rule > propagated > gazetteer > other cue), then the
-- earlier; gazetteer matches of the very same span (ambiguous names) stay
-- together
local function pick(list)
  list = titled_places(list)
  local order, rk = {}, {}
  for i, m in ipairs(list) do order[i] = m; m._i = i; rk[m] = rank(m) end
  sort(order, function(x, y)
    local lx, ly = x.stop - x.start, y.stop - y.start
    if lx ~= ly then return lx > ly end
    local rx, ry = rk[x], rk[y]   -- ranked once per mention, not per comparison
    if rx ~= ry then return rx > ry end
    if x.start ~= y.start then return x.start < y.start end
    return x._i < y._i
  end)
  -- the spans kept (they do not overlap, but for gazetteer matches of one
  -- span) by 64-byte bucket: a test costs the buckets a span touches, not
  -- the number kept
  local kept, occ = {}, {}
  for _, m in ipairs(order) do
    if not spans_conflict(occ, m.start, m.stop, same_gazetteer_span, m) then
      kept[#kept + 1] = m
      spans_add(occ, m.start, m.stop, m)
    end
  end
  sort(kept, function(x, y)
    if x.start ~= y.start then return x.start < y.start end
    return x._i < y._i
  end)
  for _, m in ipairs(kept) do m._i = nil end
  for _, m in ipairs(list) do m._i = nil end
  return kept
end

-- slug(s) -> "vladimir-putin": search-folded, words joined by "-"
local function slug(s) return base.words_mapped(s, fold, "-") end

-- ids and labels: every found mention of an entity gets the id
-- TYPE:~slug of the entity's fullest surface form, and that form as label
local function identify(found)
  local root = {}
  local function top(m)
    while m.of do m = m.of end
    return m
  end
  for _, m in ipairs(found) do
    local t = top(m)
    root[m] = t
  end
  -- the fullest surface per root: most words, then the most frequent
  -- (a nominative over an inflected form), then the first; m.name, where
  -- set, is the name inside the surface (a Korean name without its particle)
  local best, freq = {}, {}
  for _, m in ipairs(found) do
    local s = m.name or m.surface
    freq[s] = (freq[s] or 0) + 1
  end
  for _, m in ipairs(found) do
    local t, s = root[m], m.name or m.surface
    local b = best[t]
    local nw = select(2, s:gsub("%s+", "")) + 1
    if not b or nw > b[2] or (nw == b[2] and freq[s] > freq[b[1]]) then best[t] = { s, nw } end
  end
  local by_slug = {}
  for _, m in ipairs(found) do
    local t = root[m]
    local label = best[t][1]
    local prefix = m.type == "place" and "place" or m.type
    local id = prefix .. ":~" .. slug(label)
    -- two entities with the same slug (Морозова/Морозов) are one
    by_slug[id] = by_slug[id] or label
    m.id, m.label = id, by_slug[id]
    m.of = nil
    m.strong = nil
    m.given_first = nil
  end
  return found
end

-- kana_parts(s) -> the Han and kana runs of a name written with both
-- (鹿島アントラーズ -> 鹿島, アントラーズ; セレッソ大阪 -> セレッソ, 大阪), or nil:
-- Japanese writes a club's city and its nickname without a space.  A name
-- in Han alone is not cut (北京国安: 北京 alone is the city as often).
local function kana_parts(s)
  local parts, cur, cls, kana = {}, {}, nil, false
  for _, c in utf8.codes(s) do
    local k = ((c >= 0x3040 and c <= 0x30FF) or (c >= 0x31F0 and c <= 0x31FF)) and "kana"
      or ((c >= 0x4E00 and c <= 0x9FFF) or (c >= 0x3400 and c <= 0x4DBF)) and "han" or "other"
    if k == "kana" then kana = true end
    if cls and k ~= cls and #cur > 0 then parts[#parts + 1] = concat(cur); cur = {} end
    cls = k
    if k ~= "other" then cur[#cur + 1] = utf8.char(c) end
  end
  if #cur > 0 then parts[#parts + 1] = concat(cur) end
  return kana and #parts >= 2 and parts or nil
end

-- dateline(text, m): the place opens a line and a bracket or a dash follows
-- it (کراچی (نیوزڈیسک), DORTMUND (dpa) -, القاهرة -, MADRID, (AFP).-, LIMA.-), or it is the line
-- alone, with a country after a comma (Toulouse, France): a dateline names
-- the city the report comes from, never the club
local function dateline(text, m)
  if not text then return false end
  if not blank_before(text, m.start) then return false end
  local after = text:sub(m.stop + 1, m.stop + 8)
  -- (or a line of its own, a country after a comma: Toulouse, France)
  local line = text:sub(m.stop + 1, m.stop + 60):match("^[^\n]*")
  if line:find("^%s*$") or (line:find("^, ?%u") and not line:find("[%.;:!?]") and #line < 40) then return true end
  -- (a comma or a period may come first: MADRID, (AFP).-, LIMA.- )
  return after:find("^,?%s*%(") ~= nil or after:find("^%.?%s*%-") ~= nil
    or after:find("^%s*\226\128[\147\148]") ~= nil
end

-- drop_twins(mentions): of mentions alike in span, type and id keep the
-- first, in place.  The candidates of an ambiguous name (Newcastle: towns in
-- two countries) are two mentions of one span; when both become the club
-- (club_places, article_names) they are one mention.
local function drop_twins(mentions)
  local seen, n = {}, 0
  for i = 1, #mentions do
    local m = mentions[i]
    local k = m.start and m.stop and (m.start .. ":" .. m.stop .. ":" .. m.type .. ":" .. tostring(m.id))
    if not (k and seen[k]) then
      if k then seen[k] = true end
      n = n + 1
      mentions[n] = m
    end
  end
  for i = #mentions, n + 1, -1 do mentions[i] = nil end
end

-- club_places(mentions, text): a sports club the gazetteer found in a document
-- whose name begins or ends with a place's name (Borussia Dortmund,
-- Chennai Super Kings, FC Bayern München) makes the bare place a short
-- name of the club in that document: news calls a club by its city
-- (Dortmund glich aus; चेन्नई की टीम).  Such place mentions become the
-- club's, source "propagated", but in a dateline (text given).  Clubs are
-- the gazetteer's org:sport: ids; a country is never such a short name.
local function club_places(mentions, text)
  local short = {}
  for _, m in ipairs(mentions) do
    if m.type == "org" and m.id and m.id:find("^org:sport:") then
      -- (without designators and numbers around the name: FC, SSC, 1899, 04)
      local w = kana_parts(m.surface)
      if not w then
        w = {}
        for word in m.surface:gmatch("[^%s%p]+") do w[#w + 1] = word end
      end
      while #w > 0 and (w[1]:find("^%u+$") or w[1]:find("^%d+$")) do table.remove(w, 1) end
      while #w > 0 and (w[#w]:find("^%u+$") or w[#w]:find("^%d+$")) do w[#w] = nil end
      for k = 1, #w do w[k] = fold(w[k]) end
      if #w >= 2 then
        -- the first word, the last, and the first two or last two of a longer name
        short[w[1]], short[w[#w]] = short[w[1]] or m, short[w[#w]] or m
        if #w >= 3 then
          short[w[1] .. " " .. w[2]] = short[w[1] .. " " .. w[2]] or m
          short[w[#w - 1] .. " " .. w[#w]] = short[w[#w - 1] .. " " .. w[#w]] or m
        end
      end
    end
  end
  -- a club found as a head and a demonym (Stade Toulousain, Stade Rennais:
  -- glean.entities.cased) is named by the city of that demonym: a place whose
  -- name opens with the demonym's stem, or the stem with the place's name,
  -- two letters apart at most (toulous|e, renn|es, laval|l; not Montpellier
  -- for Montois)
  local stems = {}
  for _, m in ipairs(mentions) do
    if m.club_stem then
      if utf8.len(m.club_stem) >= 4 then stems[#stems + 1] = { m.club_stem, m } end
      m.club_stem = nil
    end
  end
  local function stem_club(name)
    for _, st in ipairs(stems) do
      local a, b = st[1], name
      if #b < #a then a, b = b, a end
      if b:sub(1, #a) == a and #b - #a <= 2 and utf8.len(a) >= 4 then return st[2] end
    end
    return nil
  end
  if not next(short) and #stems == 0 then return end
  local changed = false
  for _, m in ipairs(mentions) do
    -- (never a country: 日本サッカー協会 makes no club of 日本, nor a national
    -- side of the country's every mention)
    local c = m.type == "place" and (m.source or "gazetteer") == "gazetteer"
      and not (m.id and m.id:find("^place:country:"))
      and (short[fold(m.surface)] or (#stems > 0 and stem_club(fold(m.surface))))
    if c and not dateline(text, m) then
      m.type, m.id, m.label, m.attrs, m.source = "org", c.id, c.label, c.attrs, "propagated"
      changed = true
    end
  end
  if changed then drop_twins(mentions) end
end

-- article_names(mentions, text, lang): Spanish (and Catalan) write no article
-- before a city's name or a person's, but write one before a club named by
-- its city (el Barcelona, del Getafe, al Valencia: `el equipo`) and before a
-- venue named after a person (en el Santiago Bernabéu, del Nilton Santos:
-- `el estadio`).  So in such a text a city of the gazetteer right after a
-- lower-case masculine article `el`, `del`, `al` is a club (an organisation
-- labelled with the city's name, source "propagated"), and a person found
-- there is a place; countries and regions take the article (el Perú, el
-- Ecuador) and stay places.  `El` opening a sentence counts too (El
-- Barcelona ganó); a name that holds its article (El Cairo, El Paso) is
-- matched whole by the gazetteer, so its article is not before it.  In a
-- document where a city was found so, the city alone is the club too.
local ARTICLE_LANGS = { es = true, ca = true }
local ARTICLES = { el = true, del = true, al = true, El = true }
local function city(m)
  return m.type == "place" and (m.source or "gazetteer") == "gazetteer" and m.id ~= nil
    and (m.id:find("^place:city:") or m.id:find("^place:gn:")) ~= nil
end
-- (the city's mention becomes the club's, labelled with its name)
local function city_club(m)
  m.type, m.id, m.label, m.attrs, m.source = "org", "org:~" .. slug(m.surface), m.surface, nil, "propagated"
end
local function article_names(mentions, text, lang)
  if not (text and ARTICLE_LANGS[lang]) then return end
  local clubs = {}
  for _, m in ipairs(mentions) do
    local word = m.start > 2 and text:sub(max(1, m.start - 5), m.start - 1):match("(%a+) $")
    local s = word and ARTICLES[word] and m.start - 1 - #word
    if s and (s == 1 or not core.is_word_char(text, s - 1)) then
      if city(m) then
        clubs[fold(m.surface)] = true
        city_club(m)
      elseif m.type == "person" and (m.source or "gazetteer") ~= "gazetteer" then
        m.type, m.id, m.label = "place", "place:~" .. slug(m.surface), m.surface
      end
    end
  end
  -- then, as club_places does, the club's city alone in that document is the
  -- club too (Barcelona ganó, entre Barcelona y Getafe), but in a dateline
  if not next(clubs) then return end
  for _, m in ipairs(mentions) do
    if city(m) and clubs[fold(m.surface)] and not dateline(text, m) then
      city_club(m)
    end
  end
  drop_twins(mentions)
end

-- club_short_names(mentions, text, kb) -> { new mention, ... }: a club the
-- gazetteer found under a name opening with an organisation's head word
-- (a `org_head` cue, or one with the Arabic article: النادي الأهلي, نادي
-- الزمالك, باشگاه پرسپولیس) is named by the one word after the head alone
-- in that document (الأهلي; after a proclitic و ف ب ك: وبالأهلي is none,
-- والأهلي is the club), where no other mention is.  Source "propagated".
local AL = "\216\167\217\132"
local PROCLITIC = { ["\217\136"] = true, ["\217\129"] = true, ["\216\168"] = true, ["\217\131"] = true }
local function club_short_names(mentions, text, kb)
  local new = {}
  if not (text and kb and kb.trie) then return new end
  local short = {}
  local function head_word(w)
    local node = kb.trie[fold(w)]
    if node and node.ends and node.ends.org_head then return true end
    if w:sub(1, 4) == AL and #w > 6 then
      node = kb.trie[fold(w:sub(5))]
      return node ~= nil and node.ends ~= nil and node.ends.org_head ~= nil
    end
    return false
  end
  for _, m in ipairs(mentions) do
    if m.type == "org" and m.id and m.id:find("^org:sport:") and (m.source or "gazetteer") == "gazetteer" then
      local head, rest = (m.surface or ""):match("^(%S+)%s+(%S+)$")
      if head and utf8.len(rest) >= 4 and head_word(head) and short[rest] == nil then short[rest] = m end
    end
  end
  if not next(short) then return new end
  local taken = {}
  for _, m in ipairs(mentions) do spans_add(taken, m.start, m.stop) end
  -- the first byte of the character whose bytes end at p
  local function char_start(p)
    while p > 1 and text:byte(p) >= 0x80 and text:byte(p) < 0xC0 do p = p - 1 end
    return p
  end
  -- longest name first, then byte order: which of two overlapping names wins
  -- must not hang on the hash order of `pairs`
  local order = {}
  for rest in pairs(short) do order[#order + 1] = rest end
  table.sort(order, function(x, y) if #x ~= #y then return #x > #y end return x < y end)
  for _, rest in ipairs(order) do
    local m = short[rest]
    local from = 1
    while true do
      local a, b = text:find(rest, from, true)
      if not a then break end
      from = b + 1
      local p = char_start(a - 1)
      local left = a == 1 or not core.is_word_char(text, p)
      if not left and a - p == 2 and PROCLITIC[text:sub(p, a - 1)] then
        local q = char_start(p - 1)
        left = p == 1 or not core.is_word_char(text, q)
      end
      local right = b == #text or not core.is_word_char(text, b + 1)
      if left and right and spans_conflict(taken, a, b) == nil then
        spans_add(taken, a, b)
        new[#new + 1] = { start = a, stop = b, type = "org", surface = rest, id = m.id, label = m.label,
                          attrs = m.attrs, source = "propagated" }
      end
    end
  end
  return new
end

M.pick, M.slug, M.identify, M.club_places = pick, slug, identify, club_places
M.club_short_names, M.article_names = club_short_names, article_names
M.dateline = dateline
return M
