-- Property: random aliases (Latin with diacritics, Devanagari, Arabic
-- script, Cyrillic, Han with noboundary) planted at random places in random
-- multilingual filler are all found at their exact byte spans.  Fixed seeds,
-- so a failure reproduces; the failing seed is in the message.
local glean = require "glean"

local function chars(s)
  local t = {}
  for _, c in utf8.codes(s) do t[#t + 1] = utf8.char(c) end
  return t
end

local ALPHABETS = {
  latin = { first = chars("abcdefghijklmnoprstuvzBCDKLMNPRST"), rest = chars("aeiouéèüöñçåãâıłrstnlmk") },
  deva = { first = chars("कखगघचछजझटडतथदधनपफबभमयरलवशसह"),
           rest = chars("कगजतदनपमरलवसहािीुूेैोौंक़ज़") },
  arab = { first = chars("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيك"), rest = chars("ابتجدرسعلمنوهیيکةأإ") },
  cyrl = { first = chars("бвгдзклмнпрстфхАБВГДЗКЛМН"), rest = chars("аеиоуыэюяёйклмнрст") },
}
local HAN_ALIAS = chars("山水火木金土日月川林森石")
local HAN_FILLER = chars("人口大小中上下天之的了是在有我他这为")
-- Filler words use scripts no alias uses, so only planted aliases can match.
local FILLER_WORDS = {
  "και", "το", "λόγος", "שלום", "עיר", "ქალაქი", "და", "2024", "17,5", "–", "—", "«", "»", "(", ")", ",",
  ".", "!", "?", ":", "ภาษา", "ไทย",
}
local SPACES = { " ", " ", " ", "  ", "\t", "\n", " \n ", "\u{00A0}" }

local function pick(rng, t) return t[rng(#t)] end

local function word(rng, alpha)
  local w = { pick(rng, alpha.first) }
  for _ = 2, rng(2, 7) do w[#w + 1] = pick(rng, alpha.rest) end
  return table.concat(w)
end

local function make_alias(rng, kind)
  if kind == "han" then
    local w = {}
    for _ = 1, rng(2, 4) do w[#w + 1] = pick(rng, HAN_ALIAS) end
    return table.concat(w)
  end
  local ws = {}
  for i = 1, rng(1, 3) do ws[i] = word(rng, ALPHABETS[kind]) end
  return table.concat(ws, " ")
end

-- The alias as it appears in text: word gaps become random whitespace runs.
local function surface_of(rng, alias)
  return (alias:gsub(" ", function() return pick(rng, { " ", "  ", "\n", "\t " }) end))
end

local function filler(rng, parts)
  for _ = 1, rng(1, 4) do
    if rng(5) == 1 then
      local h = {}
      for _ = 1, rng(1, 6) do h[#h + 1] = pick(rng, HAN_FILLER) end
      parts[#parts + 1] = table.concat(h)
    else
      parts[#parts + 1] = pick(rng, FILLER_WORDS)
    end
    parts[#parts + 1] = pick(rng, SPACES)
  end
end

local KINDS = { "latin", "deva", "arab", "cyrl", "han" }

local function trial(seed)
  math.randomseed(seed)
  local rng = math.random
  local entries, seen = {}, {}
  for i = 1, rng(3, 25) do
    local kind = pick(rng, KINDS)
    local alias = make_alias(rng, kind)
    if not seen[alias] then
      seen[alias] = true
      entries[#entries + 1] = { id = "E" .. i, type = kind, alias = alias,
                                flags = kind == "han" and "noboundary" or nil }
    end
  end
  local gz = glean.gazetteer.new(entries)
  -- text: filler, planted alias, filler, ...; remember each planted span
  local parts, planted, len = {}, {}, 0
  local function add(s) parts[#parts + 1] = s; len = len + #s end
  local function fill()
    local p = {}
    filler(rng, p)
    for _, s in ipairs(p) do add(s) end
  end
  fill()
  for _ = 1, rng(1, 12) do
    local e = pick(rng, entries)
    local s = surface_of(rng, e.alias)
    if e.type == "han" and rng(2) == 1 then   -- inside a run of other Han text
      add(pick(rng, HAN_FILLER))
      planted[#planted + 1] = { e = e, start = len + 1, stop = len + #s }
      add(s)
      add(pick(rng, HAN_FILLER))
    else
      planted[#planted + 1] = { e = e, start = len + 1, stop = len + #s }
      add(s)
    end
    add(pick(rng, SPACES))
    fill()
  end
  local text = table.concat(parts)
  local function check(list, overlapping)
    local at = {}
    for _, m in ipairs(list) do
      assert(text:sub(m.start, m.stop) == m.surface, "seed " .. seed .. ": surface is not the span")
      at[m.start .. ":" .. m.stop .. ":" .. m.id] = true
    end
    for _, p in ipairs(planted) do
      if overlapping or p.e.type ~= "han" then
        local key = p.start .. ":" .. p.stop .. ":" .. p.e.id
        if not at[key] then
          error(string.format("seed %d: %s alias %q planted at %d-%d not found (overlapping=%s)",
                              seed, p.e.type, p.e.alias, p.start, p.stop, tostring(overlapping)), 0)
        end
      end
    end
  end
  check(gz:find_all(text, { overlapping = true }), true)
  check(gz:find_all(text), false)
  return #planted
end

describe("glean.gazetteer property", function()
  it("finds every planted alias at its exact span (400 seeded trials)", function()
    local total = 0
    for seed = 1, 400 do total = total + trial(seed) end
    assert.is_true(total > 1000)
  end)

  it("finds the same after a save/open round trip", function()
    math.randomseed(4242)
    local entries = {}
    for i = 1, 300 do
      local kind = KINDS[(i % 4) + 1]
      entries[i] = { id = "E" .. i, type = kind, alias = make_alias(math.random, kind) }
    end
    local gz = glean.gazetteer.new(entries)
    local parts = {}
    for i = 1, 2000 do
      parts[#parts + 1] = entries[math.random(#entries)].alias
      parts[#parts + 1] = FILLER_WORDS[i % #FILLER_WORDS + 1]
    end
    local text = table.concat(parts, " ")
    local path = os.tmpname()
    assert.is_true(gz:save(path))
    local g2 = assert(glean.gazetteer.open(path))
    os.remove(path)
    local a, b = gz:find_all(text), g2:find_all(text)
    assert.is_true(#a >= 2000)
    assert.same(a, b)
  end)
end)
