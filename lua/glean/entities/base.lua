-- glean.entities.base: the small helpers every part of the entities stage
-- uses (the bottom module of lua/glean/entities/, requiring only the core):
-- search folding of a word, script classes by code point, upper case, the
-- apostrophe inside a word, and the record of a found mention.
local core = require "glean.core"

local pairs, setmetatable, table, utf8 = pairs, setmetatable, table, utf8

local base = {}

local NOFOLD_MAP = { map = false }
local FOLD_CACHE_MAX = 200000

-- bounded_memo(f) -> f with its results kept until there are FOLD_CACHE_MAX
-- of them (a long run sees an unbounded vocabulary; the cache starts again
-- rather than grow)
local function bounded_memo(f)
  local cache, n = {}, 0
  return function(w)
    local v = cache[w]
    if v then return v end
    v = f(w)
    if n >= FOLD_CACHE_MAX then cache, n = {}, 0 end
    cache[w] = v
    n = n + 1
    return v
  end
end

-- fold(word) -> search-folded word (case, accents and width folded)
local fold = bounded_memo(function(w)
  if not w:find("[\128-\255]") then return w:lower() end
  return core.fold(w, "search", NOFOLD_MAP)
end)

-- vi_sig(word) -> the word as Vietnamese tells it apart: case folded, its
-- letters' marks kept (ô ơ ư â ă đ) and its tone mark moved to the end, so
-- that the old and new places of the mark are one spelling (hoà = hòa,
-- Uỷ = Ủy) but the tones are not (Tổng is no Tòng, Trưởng no Trương,
-- Viện no Viên), as search folding makes them
local vi_sig = bounded_memo(function(w)
  if not w:find("[\128-\255]") then return w:lower() end
  local tone = ""
  local s = core.normalize(core.normalize(w, "NFKC_CF"), "NFD"):gsub("\204[\128\129\131\137\163]", function(m)
    tone = m
    return ""
  end)
  return s .. tone
end)

-- words_mapped(s, f, sep) -> the words of s (ICU word boundaries, no spaces
-- or punctuation), each through f, joined by sep
local function words_mapped(s, f, sep)
  local out = {}
  for a, b, kind in core.words(s) do
    if kind ~= "none" then out[#out + 1] = f(s:sub(a, b)) end
  end
  return table.concat(out, sep)
end

-- ---------------------------------------------------------------------
-- characters: script classes by code point (csrc/wordshape.c holds the
-- same ranges for glean.core.word_shapes, the class of every word of a
-- text: change both, spec/core_segment_spec.lua compares them)

-- cased scripts: Latin, Greek, Cyrillic, Armenian (Georgian's Mkhedruli has
-- no case: it is uncased)
local function is_cased_cp(c)
  return c < 0x0250 or (c >= 0x0370 and c < 0x0590) or (c >= 0x1E00 and c < 0x2000)
    or (c >= 0x2C00 and c < 0x2E00) or (c >= 0xA640 and c < 0xA800) or (c >= 0xFF00 and c < 0xFF60)
end

-- written without spaces: Han, kana, Thai, Lao, Khmer, Myanmar
local function is_nospace_cp(c)
  return (c >= 0x3040 and c < 0x3100) or (c >= 0x3400 and c < 0x4DC0) or (c >= 0x4E00 and c < 0xA000)
    or (c >= 0xF900 and c < 0xFB00) or (c >= 0x20000 and c < 0x2FA20) or (c >= 0x0E00 and c < 0x0F00)
    or (c >= 0x1000 and c < 0x10A0) or (c >= 0x1780 and c < 0x1800) or (c >= 0x31F0 and c < 0x3200)
    or c == 0x30FB or c == 0xB7 or c == 0x3005
end

local upper_cache = {}
-- is_upper(ch) -> the character is an upper- or title-case letter: folding
-- case changes it (search keeps accents apart from case like search-case)
local function is_upper(ch)
  local u = upper_cache[ch]
  if u == nil then
    local b = ch:byte()
    if b < 0x80 then u = b >= 65 and b <= 90
    else u = ch ~= "\195\159" and core.fold(ch, "search", NOFOLD_MAP) ~= core.fold(ch, "search-case", NOFOLD_MAP) end
    upper_cache[ch] = u
  end
  return u
end

-- an apostrophe inside a word (UAX #29 keeps Biden's, Ankara'da, l'Union,
-- dell'Interno whole): apostrophe(w) -> "right" when the part before it is
-- an elided article or preposition (l', d', qu', dell', all', sentence-
-- initial L'), "left" when the part after it is a suffix (Biden's, don't),
-- nil otherwise (O'Brien, D'Alema, Dell'Utri stay whole); and the byte
-- offsets p, q of the apostrophe
local function apostrophe(w)
  local p, q = w:find("'", 1, true)
  if not p then p, q = w:find("\226\128\153", 1, true) end
  -- (and the left quotation mark typed for one: Mourinho‘yu)
  if not p then p, q = w:find("\226\128\152", 1, true) end
  if not p then return nil end
  local left, right = w:sub(1, p - 1), w:sub(q + 1)
  if right == "" or left == "" then return nil end
  -- between two Cyrillic letters the apostrophe is a letter of the word
  -- (Ukrainian, Belarusian: Куп'янськ, Мар'їнка, В'ячеслав, з'їзд)
  local lc, rc = utf8.codepoint(left, utf8.offset(left, -1)), utf8.codepoint(right, 1)
  if lc >= 0x0400 and lc < 0x0530 and rc >= 0x0400 and rc < 0x0530 then return nil end
  local r_up = is_upper(utf8.char(rc))
  local l_up = is_upper(utf8.char(utf8.codepoint(left, 1)))
  local ll, rl = utf8.len(left), utf8.len(right)
  if not l_up and (ll <= 2 and r_up or ll <= 5 and rl >= 3) or left == "L" and r_up
    or l_up and ll <= 2 and not r_up and rl >= 3 then      -- D'après, L'an
    return "right", p, q
  elseif not r_up then
    return "left", p, q
  end
  return nil
end

-- add(out, text, a, b, typ, rule, extra) -> a found mention of bytes a..b
-- (source "cue", extra's fields added), appended to out
local function add(out, text, a, b, typ, rule, extra)
  local m = { start = a, stop = b, type = typ, surface = text:sub(a, b), rule = rule, source = "cue" }
  if extra then for k, v in pairs(extra) do m[k] = v end end
  out[#out + 1] = m
  return m
end

-- first_lens(phrases) -> { [first code point] = { lengths of the phrases
-- beginning with it, longest first } }: how the Han/kana and Thai walks try
-- the phrases at a character.  Made once per phrase table.
local first_lens_of = setmetatable({}, { __mode = "k" })
local function first_lens(phrases)
  local fl = first_lens_of[phrases]
  if fl then return fl end
  local sets = {}
  for phrase in pairs(phrases) do
    local c = utf8.codepoint(phrase, 1)
    sets[c] = sets[c] or {}
    sets[c][utf8.len(phrase)] = true
  end
  fl = {}
  for c, set in pairs(sets) do
    local l = {}
    for n in pairs(set) do l[#l + 1] = n end
    table.sort(l, function(x, y) return x > y end)
    fl[c] = l
  end
  first_lens_of[phrases] = fl
  return fl
end

-- true when the bytes of p's line before p are all white space (%s): read
-- backwards from p, never a copy of the text before it (per mention, that
-- copy made a stage quadratic; glean.entities.resolve and .cjk use it)
local function blank_before(text, p)
  for q = p - 1, 1, -1 do
    local b = text:byte(q)
    if b == 10 then return true end
    if b ~= 32 and (b < 9 or b > 13) then return false end
  end
  return true
end

base.fold, base.is_cased_cp, base.is_nospace_cp, base.is_upper = fold, is_cased_cp, is_nospace_cp, is_upper
base.first_lens, base.vi_sig, base.words_mapped = first_lens, vi_sig, words_mapped
base.apostrophe, base.add, base.blank_before = apostrophe, add, blank_before
return base
