-- glean.rules_first: which bytes a rule's match can begin with, derived
-- from the way its pattern was built, so the scanner tries a rule only
-- where its match could start (the prefilter of glean.rules).
--
-- An LPeg pattern is opaque once built, so the derivation reads its recipe
-- instead: rule packs and the vocabulary build glean patterns
-- (glean.rules_pattern), each keeping which constructor or operator made it
-- from which parts.  A pattern built any other way (plain LPeg) has no
-- recipe and may start anywhere, so the derivation can lose speed but
-- never a match.  This module only reads recipes: it neither builds
-- patterns for packs nor touches LPeg (but for the prefilter's tries).
--
-- The abstract value of a recipe describes every string a match can
-- consume, from the position where it starts:
--   { null = true if it may consume nothing,
--     top = true if nothing is known (a match-time function may consume
--           anything, a grammar, an unknown pattern),
--     set = { [w] = exact } : every non-empty consumed string starts with
--           some w (exact: or is w itself, so a sequence can extend w) }
-- Prefixes are at most DEPTH bytes; a set over CAP strings is shortened
-- until it fits.  Lookahead (#p, -p, lpeg.B) consumes nothing: it is
-- treated as matching the empty string, which keeps the sets supersets.
-- Values are computed when asked (a derivation cache hit asks nothing),
-- each recipe's once per memo (M.memo: glean.rules makes one per pack).
local lpeg = require "lpeg"

local pairs, next, type, utf8, string, math, tonumber, ipairs, table =
  pairs, next, type, utf8, string, math, tonumber, ipairs, table

local M = {}

local DEPTH = 6      -- bytes of prefix kept (two Devanagari letters, six Latin ones)
local CAP = 3000     -- strings per set before prefixes are shortened
M.DEPTH, M.CAP = DEPTH, CAP

local TOP = { null = true, top = true, set = {} }
local TOP_CONSUMING = { null = false, top = true, set = {} }
local EMPTY = { null = true, set = {} }           -- consumes nothing (captures, predicates)
local NEVER = { null = false, set = {} }          -- P(false)

local function count(set)
  local n = 0
  for _ in pairs(set) do n = n + 1 end
  return n
end

-- does w end at a UTF-8 character boundary?
local function whole_chars(w)
  local i, n = 1, #w
  while i <= n do
    local b = w:byte(i)
    i = i + (b >= 0xF0 and 4 or b >= 0xE0 and 3 or b >= 0xC0 and 2 or 1)
  end
  return i == n + 1
end

-- drop strings made redundant by a shorter inexact prefix in the set
local function prune(set)
  local out, n = {}, 0
  for w, ex in pairs(set) do
    local covered = false
    for k = 1, #w - 1 do
      if set[w:sub(1, k)] == false then covered = true break end
    end
    if not covered then out[w], n = ex, n + 1 end
  end
  return out, n
end

-- shorten an over-full set until it holds at most CAP strings: the
-- prefixes with the most continuations are cut back first, at character
-- boundaries (a digit followed by any of 680 digits becomes that digit), so
-- selective words keep their depth; when no whole-character prefix is
-- shared, all are shortened by a byte
local function fit(v)
  local set, n = v.set, count(v.set)
  if n <= CAP then return v end
  set, n = prune(set)
  while n > CAP do
    local kids, most = {}, 1
    for w in pairs(set) do
      local parent = #w > 1 and w:sub(1, #w - 1)
      if parent and whole_chars(parent) then      -- cut at characters, not inside one
        local c = (kids[parent] or 0) + 1
        kids[parent] = c
        if c > most then most = c end
      end
    end
    local s = {}
    if most >= 2 then
      local threshold = math.max(2, most // 2)
      for w, ex in pairs(set) do
        local parent = #w > 1 and w:sub(1, #w - 1)
        if parent and (kids[parent] or 0) >= threshold then s[parent] = false
        elseif s[w] ~= false then s[w] = ex end
      end
    else
      local depth = 0
      for w in pairs(set) do if #w > depth then depth = #w end end
      if depth <= 1 then break end
      for w, ex in pairs(set) do
        if #w >= depth then s[w:sub(1, depth - 1)] = false
        elseif s[w] ~= false then s[w] = ex end
      end
    end
    set, n = prune(s)
  end
  return { null = v.null, set = set }
end

local function add(set, w, ex)
  if #w > DEPTH then w, ex = w:sub(1, DEPTH), false end
  local old = set[w]
  if old == nil then set[w] = ex else set[w] = old and ex end
end

local function literal(s)
  if s == "" then return EMPTY end
  local set = {}
  add(set, s, true)
  return { null = false, set = set }
end

local function inexact(v)
  if v.top then return v end
  local set = {}
  for w in pairs(v.set) do set[w] = false end
  return { null = v.null, set = set }
end

local function union(a, b)
  if a.top or b.top then return (a.null or b.null) and TOP or TOP_CONSUMING end
  local set = {}
  for w, ex in pairs(a.set) do add(set, w, ex) end
  for w, ex in pairs(b.set) do add(set, w, ex) end
  return fit({ null = a.null or b.null, set = set })
end

local function only_empty(v)
  return v.null and not v.top and next(v.set) == nil
end

local function seq(a, b)
  if only_empty(b) then return a end
  if only_empty(a) then return b end
  if a.top then return (a.null and b.null) and TOP or TOP_CONSUMING end
  local set = {}
  -- extend a's exact prefixes by b's, unless the product would be shortened anyway
  local extend = 0
  for w, ex in pairs(a.set) do if ex and #w < DEPTH then extend = extend + 1 end end
  local bx = b    -- what a's exact prefixes are extended by
  if not b.top and extend * count(b.set) > 4 * CAP then
    -- too many products: extend by b's first bytes only (a superset), so
    -- "Di" of a weekday before a month still rules out "Die"
    local firsts = {}
    for v, ex2 in pairs(b.set) do
      local c = v:sub(1, 1)
      firsts[c] = (firsts[c] == nil or firsts[c]) and ex2 and #v == 1
    end
    bx = { null = b.null, set = firsts }
  end
  extend = bx.top or extend * count(bx.set) <= 4 * CAP
  for w, ex in pairs(a.set) do
    if ex and #w < DEPTH and extend then
      if bx.top then
        add(set, w, false)
      else
        for v, ex2 in pairs(bx.set) do add(set, w .. v, ex2) end
        if bx.null then add(set, w, true) end
      end
    else
      add(set, w, false)
    end
  end
  if a.null then
    if b.top then return TOP_CONSUMING end
    for w, ex in pairs(b.set) do add(set, w, ex) end
  end
  return fit({ null = a.null and b.null, set = set })
end

local function pow(a, n)
  if n >= 1 then
    local star = { null = true, top = a.top, set = inexact(a).set }
    return seq(a, star)
  elseif n == -1 then
    return { null = true, top = a.top, set = a.set }
  end
  return { null = true, top = a.top, set = inexact(a).set }
end

-- the abstract value of a literal P(v)
local function of_literal(v)
  local t = type(v)
  if t == "string" then return literal(v) end
  if t == "number" then
    if v > 0 then return TOP_CONSUMING end     -- any v bytes
    return EMPTY                               -- P(0), P(-n): predicates
  end
  return v and EMPTY or NEVER                  -- P(true), P(false)
end

local function byteset(bytes)
  local set = {}
  for k = 1, #bytes do set[bytes:sub(k, k)] = true end
  return { null = false, set = set }
end

-- value(recipe, memo) -> the abstract value of the pattern the recipe
-- built; memo.values keeps the value of each recipe reached (recipes are
-- a graph: the vocabulary's parts are shared by many rules)
local value

local VALUE = {
  lit = function(r) return of_literal(r[1]) end,
  set = function(r) return byteset(r[1]) end,
  utf = function(r)
    local bytes = {}
    for b = utf8.char(r[1]):byte(1), utf8.char(r[2]):byte(1) do bytes[#bytes + 1] = string.char(b) end
    return inexact(byteset(table.concat(bytes)))
  end,
  empty = function() return EMPTY end,
  top = function() return TOP end,
  seq = function(r, m) return seq(value(r[1], m), value(r[2], m)) end,
  alt = function(r, m) return union(value(r[1], m), value(r[2], m)) end,
  rep = function(r, m)   -- re passes counts as strings ("+3")
    local k = tonumber(r[2])
    return k and pow(value(r[1], m), k) or TOP
  end,
  diff = function(r, m) return value(r[1], m) end,
  ["and"] = function() return EMPTY end,      -- lookahead consumes nothing
  ["not"] = function() return EMPTY end,
  cap = function(r, m) return value(r[1], m) end,  -- captures consume what their pattern consumes
  cmt = function(r, m)                        -- the function may move the position further
    local v = value(r[1], m)
    if v.top or v.null then return TOP end
    return inexact(v)
  end,
}

value = function(r, m)
  local v = m.values[r]
  if not v then
    v = VALUE[r.op](r, m)
    m.values[r] = v
  end
  return v
end

-- required bytes: a set { [byte char] = true } of bytes the subject must
-- contain for p to match at all (anywhere: a lookahead's bytes count too),
-- or nil when nothing is known.  A text lacking one of them cannot hold a
-- match, so the scanner leaves the rule out for that text.
local function need_all(a, b)              -- both must match: union
  if not a then return b end
  if not b then return a end
  local set = {}
  for k in pairs(a) do set[k] = true end
  for k in pairs(b) do set[k] = true end
  return set
end

local function need_any(a, b)              -- either may match: intersection
  if not a or not b then return nil end
  local set, any = {}, false
  for k in pairs(a) do if b[k] then set[k], any = true, true end end
  return any and set or nil
end

local need   -- need(recipe, memo): memo.needs keeps them (false: none known)

local function first_arg(r, m) return need(r[1], m) end
local function nothing() return nil end
local NEED = {
  lit = function(r)
    local x = r[1]
    if type(x) ~= "string" or x == "" then return nil end
    return byteset(x).set   -- every byte of the literal
  end,
  set = function(r)              -- one byte is required when the set holds only it
    local bytes = r[1]
    for k = 2, #bytes do
      if bytes:byte(k) ~= bytes:byte(1) then return nil end
    end
    return #bytes > 0 and { [bytes:sub(1, 1)] = true } or nil
  end,
  utf = nothing, empty = nothing, top = nothing, ["not"] = nothing,
  seq = function(r, m) return need_all(need(r[1], m), need(r[2], m)) end,
  alt = function(r, m) return need_any(need(r[1], m), need(r[2], m)) end,
  rep = function(r, m)
    local k = tonumber(r[2])
    if k and k >= 1 then return need(r[1], m) end
    return nil
  end,
  diff = first_arg, ["and"] = first_arg, cap = first_arg, cmt = first_arg,
}

need = function(r, m)
  local n = m.needs[r]
  if n == nil then
    n = NEED[r.op](r, m) or false
    m.needs[r] = n
  end
  return n or nil
end

-- memo() -> a memo for prefixes and required: one per pack, so what is
-- derived for the pack's rules goes when the pack is compiled
function M.memo()
  return { values = {}, needs = {} }
end

-- required(recipe) -> sorted list of the bytes (one-byte strings) a subject
-- must contain for the pattern to match anywhere in it, or nil when none is
-- known (or recipe is nil: a pattern not built by glean.rules_pattern).
-- memo: from M.memo(), shared by the rules of a pack (default: a new one)
function M.required(recipe, memo)
  local set = recipe and need(recipe, memo or M.memo())
  if not set then return nil end
  local list = {}
  for b in pairs(set) do list[#list + 1] = b end
  table.sort(list)
  return list
end

-- ---------------------------------------------------------------------
-- prefixes(recipe) -> sorted list of byte strings every match of the pattern
-- starts with, or nil when it may start anywhere (unknown, may match the
-- empty string, or recipe is nil); memo as for required.  Sorted, so a
-- pack's prefixes (and the derivation cache's entry) are the same list on
-- every run, not the set in the order of this process's string hashes.
function M.prefixes(recipe, memo)
  if not recipe then return nil end
  local v = value(recipe, memo or M.memo())
  if v.top or v.null then return nil end
  local set = {}
  for w in pairs(v.set) do
    local covered = false                    -- a guard needs only the shortest
    for k = 1, #w - 1 do
      if v.set[w:sub(1, k)] ~= nil then covered = true break end
    end
    if not covered then set[#set + 1] = w end
  end
  table.sort(set)
  return set
end

-- choice(list) -> list[1] + list[2] + ... of LPeg patterns, as a balanced
-- tree (LPeg copies operand trees: a chain built one by one costs O(n^2))
local function choice(list, lo, hi)
  lo, hi = lo or 1, hi or #list
  if lo > hi then return lpeg.P(false) end
  if lo == hi then return list[lo] end
  local mid = (lo + hi) // 2
  return choice(list, lo, mid) + choice(list, mid + 1, hi)
end
M.choice = choice

local function ranges(bytes)
  table.sort(bytes)
  local alts, lo = {}, bytes[1]
  for k = 1, #bytes do
    local b, nb = bytes[k], bytes[k + 1]
    if nb ~= b + 1 then
      alts[#alts + 1] = lpeg.R(string.char(lo, b))
      lo = nb
    end
  end
  return choice(alts)
end

-- trie(strings) -> pattern matching any of the strings (the prefix of the
-- subject); a byte test per level, branches chosen by balanced choice
function M.trie(strings)
  local root = {}
  for _, w in ipairs(strings) do
    local node = root
    for k = 1, #w do
      if node.leaf then break end
      local b = w:byte(k)
      node[b] = node[b] or {}
      node = node[b]
    end
    node.leaf = true
  end
  local function compile(node)
    if node.leaf then return lpeg.P(true) end
    local ends, deeper = {}, {}
    for b, child in pairs(node) do
      if child.leaf then ends[#ends + 1] = b else deeper[#deeper + 1] = b end
    end
    table.sort(deeper)
    local alts = {}
    if #ends > 0 then alts[1] = ranges(ends) end
    for _, b in ipairs(deeper) do alts[#alts + 1] = lpeg.P(string.char(b)) * compile(node[b]) end
    return choice(alts)
  end
  return compile(root)
end

return M
