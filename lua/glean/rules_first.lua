-- glean.rules_first: which bytes a rule's match can begin with, derived
-- from the way its LPeg pattern was built, so the scanner tries a rule only
-- where its match could start (the prefilter of glean.rules).
--
-- An LPeg pattern is opaque once built, so the derivation shadows its
-- construction: rule packs and the vocabulary build patterns with `lpeg`
-- below (the real constructors, each result recorded in a weak table with
-- an abstract value) while `track` has LPeg's operators (*, +, ^, -, #, /)
-- recording too.  A pattern built any other way is unknown and may start
-- anywhere, so the derivation can lose speed but never a match.
--
-- The abstract value of a pattern describes every string a match can
-- consume, from the position where it starts:
--   { null = true if it may consume nothing,
--     top = true if nothing is known (a match-time function may consume
--           anything, a grammar, an unknown pattern),
--     set = { [w] = exact } : every non-empty consumed string starts with
--           some w (exact: or is w itself, so a sequence can extend w) }
-- Prefixes are at most DEPTH bytes; a set over CAP strings is shortened
-- until it fits.  Lookahead (#p, -p, lpeg.B) consumes nothing: it is
-- treated as matching the empty string, which keeps the sets supersets.
local lpeg = require "lpeg"

local pairs, next, type, select, setmetatable, getmetatable, pcall, error, utf8, string, math, tonumber =
  pairs, next, type, select, setmetatable, getmetatable, pcall, error, utf8, string, math, tonumber
local ipairs, table, package, require = ipairs, table, package, require

local M = {}

local DEPTH = 6      -- bytes of prefix kept (two Devanagari letters, six Latin ones)
local CAP = 3000     -- strings per set before prefixes are shortened
M.DEPTH, M.CAP = DEPTH, CAP

local info = setmetatable({}, { __mode = "k" })   -- pattern -> abstract value

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

-- abstract value of anything LPeg turns into a pattern
local function of(v)
  local t = type(v)
  if t == "string" then return literal(v)
  elseif t == "number" then
    if v > 0 then return TOP_CONSUMING end     -- any v bytes
    return EMPTY                               -- P(0), P(-n): predicates
  elseif t == "boolean" then return v and EMPTY or NEVER
  elseif t == "userdata" then return info[v] or TOP
  end
  return TOP                                   -- grammars, functions
end
M.of = of

-- required bytes: a set { [byte char] = true } of bytes the subject must
-- contain for p to match at all (anywhere: a lookahead's bytes count too),
-- or nil when nothing is known.  A text lacking one of them cannot hold a
-- match, so the scanner leaves the rule out for that text.
local need = setmetatable({}, { __mode = "k" })   -- pattern -> required bytes

local function need_of(x)
  local t = type(x)
  if t == "string" then
    if x == "" then return nil end
    local set = {}
    for k = 1, #x do set[x:sub(k, k)] = true end
    return set
  elseif t == "userdata" then return need[x]
  end
  return nil
end

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

local function record(p, v, req)
  info[p] = v
  need[p] = req
  return p
end

local function byteset(bytes)
  local set = {}
  for b in pairs(bytes) do set[string.char(b)] = true end
  return { null = false, set = set }
end

-- ---------------------------------------------------------------------
-- the recording constructors (`lpeg` of rule packs and the vocabulary)

local L = setmetatable({}, { __index = lpeg })
M.lpeg = L

-- LPeg's C functions put their caller's file:line on an error; called from
-- a wrapper here that would be this file, so the error is raised again at
-- the wrapper's caller (the rule file's line)
local function call(f, ...)
  local ok, p = pcall(f, ...)
  if not ok then error(p, 3) end
  return p
end

function L.P(v)
  return record(call(lpeg.P, v), of(v), need_of(v))
end

function L.R(...)
  local p = lpeg.R(...)
  local bytes = {}
  for i = 1, select("#", ...) do
    local r = select(i, ...)
    for b = r:byte(1), r:byte(2) do bytes[b] = true end
  end
  local only = next(bytes)
  return record(p, byteset(bytes), only and next(bytes, only) == nil and { [string.char(only)] = true } or nil)
end

function L.S(s)
  local p = lpeg.S(s)
  local bytes = {}
  for k = 1, #s do bytes[s:byte(k)] = true end
  local only = next(bytes)
  return record(p, byteset(bytes), only and next(bytes, only) == nil and { [string.char(only)] = true } or nil)
end

if lpeg.utfR then
  function L.utfR(from, to)
    local bytes = {}
    for b = utf8.char(from):byte(1), utf8.char(to):byte(1) do bytes[b] = true end
    return record(lpeg.utfR(from, to), inexact(byteset(bytes)))
  end
end

-- captures consume what their pattern consumes
for _, name in ipairs({ "C", "Cs", "Ct", "Cg", "Cf" }) do
  local f = lpeg[name]
  L[name] = function(p, ...) return record(call(f, p, ...), of(p), need_of(p)) end
end
for _, name in ipairs({ "Cc", "Cp", "Carg", "Cb", "B" }) do
  local f = lpeg[name]
  L[name] = function(...) return record(f(...), EMPTY) end
end

-- match-time captures: the function may move the position further
function L.Cmt(p, fn)
  local v = of(p)
  if v.top or v.null then v = TOP else v = inexact(v) end
  return record(lpeg.Cmt(p, fn), v, need_of(p))
end

-- same_as(p, q) -> p, recorded with q's abstract value and required bytes:
-- for a pattern that matches exactly what q matches but is built in a way
-- the recording cannot see through (a grammar standing for q, a rule
-- reference standing for its rule)
function M.same_as(p, q)
  return record(p, of(q), need_of(q))
end

-- ---------------------------------------------------------------------
-- LPeg's operators, recording while `track` runs

local mt = getmetatable(lpeg.P(true))
local orig = {}
for _, k in ipairs({ "__add", "__mul", "__pow", "__sub", "__unm", "__len", "__div" }) do orig[k] = mt[k] end

local hooks = {
  __add = function(a, b)
    return record(call(orig.__add, a, b), union(of(a), of(b)), need_any(need_of(a), need_of(b)))
  end,
  __mul = function(a, b)
    return record(call(orig.__mul, a, b), seq(of(a), of(b)), need_all(need_of(a), need_of(b)))
  end,
  __pow = function(a, n)   -- re passes counts as strings ("+3")
    local p, k = call(orig.__pow, a, n), tonumber(n)
    return record(p, k and pow(of(a), k) or TOP, k and k >= 1 and need_of(a) or nil)
  end,
  __sub = function(a, b) return record(call(orig.__sub, a, b), of(a), need_of(a)) end,
  __unm = function(a) return record(call(orig.__unm, a), EMPTY) end,
  __len = function(a) return record(call(orig.__len, a), EMPTY, need_of(a)) end,
  __div = function(a, f) return record(call(orig.__div, a, f), of(a), need_of(a)) end,
}

local depth = 0

-- track(fn, ...) -> fn(...): LPeg's operators record while fn runs (calls
-- nest), and are LPeg's own again when it returns or raises.  The only
-- place the shared metatable changes: a pack's load (glean.rules) and the
-- building of V (glean.rules_vocab).
function M.track(fn, ...)
  if depth == 0 then
    for k, h in pairs(hooks) do mt[k] = h end
  end
  depth = depth + 1
  local res = table.pack(pcall(fn, ...))
  depth = depth - 1
  if depth == 0 then
    for k, o in pairs(orig) do mt[k] = o end
  end
  if not res[1] then error(res[2], 0) end
  return table.unpack(res, 2, res.n)
end

-- a copy of the `re` module whose patterns are recorded too (re keeps
-- LPeg's operators from the time it loads, so it is loaded while tracking);
-- nil when re.lua cannot be found
function M.load_re()
  local path = package.searchpath("re", package.path)
  if not path then return nil end
  local env = setmetatable({
    require = function(name) if name == "lpeg" then return L end return require(name) end,
  }, { __index = _G })
  local chunk = loadfile(path, "t", env)
  if not chunk then return nil end
  local ok, re = pcall(M.track, chunk)
  return ok and type(re) == "table" and re or nil
end

-- required(p) -> sorted list of the bytes (one-byte strings) a subject must
-- contain for p to match anywhere in it, or nil when none is known
function M.required(p)
  local set = need_of(p)
  if not set then return nil end
  local list = {}
  for b in pairs(set) do list[#list + 1] = b end
  table.sort(list)
  return list
end

-- ---------------------------------------------------------------------
-- prefixes(p) -> set of byte strings every match of p starts with, or nil
-- when p may start anywhere (unknown, or may match the empty string)
function M.prefixes(p)
  local v = of(p)
  if v.top or v.null then return nil end
  local set = {}
  for w in pairs(v.set) do
    local covered = false                    -- a guard needs only the shortest
    for k = 1, #w - 1 do
      if v.set[w:sub(1, k)] ~= nil then covered = true break end
    end
    if not covered then set[#set + 1] = w end
  end
  return set
end

-- trie(strings) -> pattern matching any of the strings (the prefix of the
-- subject); a byte test per level, branches chosen by balanced choice
local function choice(list, lo, hi)
  lo, hi = lo or 1, hi or #list
  if lo > hi then return lpeg.P(false) end
  if lo == hi then return list[lo] end
  local mid = (lo + hi) // 2
  return choice(list, lo, mid) + choice(list, mid + 1, hi)
end

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
