-- glean.rules_pattern: the pattern type of rule packs.  The `lpeg` a pack
-- sees (and the vocabulary V, and the pack's `re`) builds glean patterns:
-- tables with a metatable of their own whose operators (* + ^ - # / and
-- unary -) do what LPeg's do, on the LPeg pattern each one wraps, and
-- which also keep how the pattern was built, its recipe (glean.rules_first
-- reads recipes to derive the bytes a match can start with).  glean.rules
-- takes a rule's LPeg pattern out (pattern.real) when it compiles the pack.
--
--   local L = pattern.lpeg            -- LPeg's functions, on glean patterns
--   local p = L.P"ab" * L.S"xy" ^ 1   -- a glean pattern
--   pattern.is(p), pattern.real(p)    -- true, its LPeg pattern
--   pattern.recipe(p)                 -- { op = "seq", {op = "lit", "ab"}, {op = "rep", ...} }
--
-- LPeg's own metatable, shared by every LPeg pattern in the process, is
-- only read here (for its operators), never written: code that uses
-- `require "lpeg"` next to glean sees LPeg as it is, while packs load and
-- after.  A glean pattern is a value: its LPeg pattern and recipe are two
-- fields under keys private to this module (pairs shows none), it refuses
-- assignment, and the sandbox's read-only views hand it out as it is
-- (`__immutable`).
--
-- Recipes (plain tables; glean.rules_first gives each its meaning):
--   {op = "lit", v}          P(v), v a string, number or boolean
--   {op = "set", bytes}      one byte of the string bytes (R, S)
--   {op = "utf", from, to}   utfR(from, to)
--   {op = "empty"}           consumes nothing: Cc, Cp, Carg, Cb, B
--   {op = "top"}             unknown: a grammar, a function, V, locale, a
--                            pattern from outside (plain LPeg)
--   {op = "seq", a, b}  a * b        {op = "alt", a, b}  a + b
--   {op = "rep", a, n}  a ^ n (n as given: re passes "+3")
--   {op = "diff", a, b} a - b        {op = "and", a}  #a     {op = "not", a}  -a
--   {op = "cap", a}     C Cs Ct Cg Cf of a, a / x
--   {op = "cmt", a}     Cmt(a, f)
local lpeg = require "lpeg"

local setmetatable, getmetatable, rawget, pairs, type, tostring, error, pcall, select, string, table, package,
  require, loadfile, _G = setmetatable, getmetatable, rawget, pairs, type, tostring, error, pcall, select, string,
  table, package, require, loadfile, _G

local M = {}

local LP, RECIPE = {}, {}   -- the private keys: a glean pattern's LPeg pattern, its recipe
local TOP, EMPTY = { op = "top" }, { op = "empty" }

local MT = { __name = "glean.pattern", __immutable = true }
local L = {}
M.lpeg = L

local function wrap(lp, recipe)
  return setmetatable({ [LP] = lp, [RECIPE] = recipe }, MT)
end

-- the LPeg pattern of a glean pattern, or nil for anything else
local function lp_of(x)
  return type(x) == "table" and getmetatable(x) == MT and rawget(x, LP) or nil
end

-- is(x) -> true when x is a glean pattern
local function is(x)
  return lp_of(x) ~= nil
end
M.is = is

-- real(x) -> what LPeg takes for x: a glean pattern's LPeg pattern, a
-- grammar (a table without a metatable) with its glean patterns replaced
-- by theirs, anything else as it is
local function real(x)
  if type(x) ~= "table" then return x end
  local mt = getmetatable(x)
  if mt == MT then return rawget(x, LP) end
  if mt == nil then
    local t = {}
    for k, v in pairs(x) do t[k] = lp_of(v) or v end
    return t
  end
  return x
end
M.real = real

-- recipe_of(x) -> the recipe of anything LPeg turns into a pattern
local function recipe_of(x)
  local t = type(x)
  if t == "table" and getmetatable(x) == MT then return rawget(x, RECIPE) end
  if t == "string" or t == "number" or t == "boolean" then return { op = "lit", x } end
  return TOP
end

-- recipe(p) -> how glean pattern p was built, or nil for anything else
function M.recipe(p)
  return is(p) and rawget(p, RECIPE) or nil
end

-- same_as(p, q) -> a glean pattern matching with p's LPeg pattern and
-- carrying q's recipe: for a pattern that matches exactly what q matches
-- but is built in a way a recipe cannot see through (a grammar standing
-- for q, a rule reference standing for its rule)
function M.same_as(p, q)
  return wrap(real(p), recipe_of(q))
end

-- LPeg's C functions put no position on their errors; called from a
-- wrapper here the error is raised again at the wrapper's caller (the rule
-- file's line)
local function call(f, ...)
  local ok, p = pcall(f, ...)
  if not ok then error(p, 3) end
  return p
end

-- ---------------------------------------------------------------------
-- the operators (LPeg's own, read from its metatable, on the LPeg patterns)

local lmt = getmetatable(lpeg.P(true))

for name, op in pairs({ __add = "alt", __mul = "seq", __sub = "diff" }) do
  local f = lmt[name]
  MT[name] = function(a, b) return wrap(call(f, real(a), real(b)), { op = op, recipe_of(a), recipe_of(b) }) end
end
for name, op in pairs({ __len = "and", __unm = "not" }) do
  local f = lmt[name]
  MT[name] = function(a) return wrap(call(f, real(a)), { op = op, recipe_of(a) }) end
end
function MT.__pow(a, n)
  return wrap(call(lmt.__pow, real(a), n), { op = "rep", recipe_of(a), n })
end
function MT.__div(a, f)
  return wrap(call(lmt.__div, real(a), lp_of(f) or f), { op = "cap", recipe_of(a) })
end
-- an operator of another LPeg version (1.1's % accumulator): unknown
for name, f in pairs(lmt) do
  if type(f) == "function" and MT[name] == nil and name ~= "__gc" and name ~= "__index" then
    MT[name] = function(a, b) return wrap(call(f, real(a), real(b)), TOP) end
  end
end
function MT.__newindex(_, k)
  error(string.format("attempt to change field '%s' of a pattern", tostring(k)), 2)
end
MT.__index = L   -- p:match(s), as LPeg's patterns have
MT.__pairs = function() return function() return nil end end   -- the fields are private

-- ---------------------------------------------------------------------
-- the constructors

-- a function of LPeg no recipe follows: its arguments unwrapped, the
-- patterns it returns unknown
local function foreign(f)
  return function(...)
    local args = table.pack(...)
    for i = 1, args.n do args[i] = real(args[i]) end
    local res = table.pack(call(f, table.unpack(args, 1, args.n)))
    for i = 1, res.n do
      if lpeg.type(res[i]) == "pattern" then res[i] = wrap(res[i], TOP) end
    end
    return table.unpack(res, 1, res.n)
  end
end
for k, f in pairs(lpeg) do
  L[k] = type(f) == "function" and foreign(f) or f
end

function L.P(v)
  if is(v) then return v end
  return wrap(call(lpeg.P, real(v)), recipe_of(v))
end

function L.R(...)
  local p = call(lpeg.R, ...)
  local bytes = {}
  for i = 1, select("#", ...) do
    local r = select(i, ...)
    for b = r:byte(1), r:byte(2) do bytes[#bytes + 1] = string.char(b) end
  end
  return wrap(p, { op = "set", table.concat(bytes) })
end

function L.S(s)
  return wrap(call(lpeg.S, s), { op = "set", s })
end

if lpeg.utfR then
  function L.utfR(from, to)
    return wrap(call(lpeg.utfR, from, to), { op = "utf", from, to })
  end
end

-- captures consume what their pattern consumes
for _, name in pairs({ "C", "Cs", "Ct", "Cg", "Cf" }) do
  local f = lpeg[name]
  if f then
    L[name] = function(p, ...) return wrap(call(f, real(p), ...), { op = "cap", recipe_of(p) }) end
  end
end
-- Cc's values are values (a pattern among them stays a glean pattern)
for _, name in pairs({ "Cc", "Cp", "Carg", "Cb" }) do
  local f = lpeg[name]
  L[name] = function(...) return wrap(call(f, ...), EMPTY) end
end
function L.B(p)
  return wrap(call(lpeg.B, real(p)), EMPTY)
end

function L.Cmt(p, fn)
  return wrap(call(lpeg.Cmt, real(p), fn), { op = "cmt", recipe_of(p) })
end

function L.V(v)
  return wrap(call(lpeg.V, v), TOP)
end

function L.match(p, ...)
  return lpeg.match(real(p), ...)
end

function L.type(x)
  if is(x) then return "pattern" end
  return lpeg.type(x)
end

function L.locale(t)
  t = t or {}
  for k, v in pairs(lpeg.locale()) do t[k] = wrap(v, TOP) end
  return t
end

-- ---------------------------------------------------------------------
-- re over glean patterns

-- load_re() -> a copy of the `re` module whose patterns are glean
-- patterns: re.lua loaded with L as its `lpeg` (re takes its operators
-- from the metatable of L.P(0), which is this module's).  When re.lua is
-- no file (an embedding host's preload), the host's re with its arguments
-- unwrapped and its patterns unknown.
function M.load_re()
  local path = package.searchpath("re", package.path)
  local chunk = path and loadfile(path, "t", setmetatable({
    require = function(name) if name == "lpeg" then return L end return require(name) end,
  }, { __index = _G }))
  local ok, re = false, nil
  if chunk then ok, re = pcall(chunk) end
  if ok and type(re) == "table" then return re end
  local host = require "re"
  local copy = {}
  for k, f in pairs(host) do copy[k] = type(f) == "function" and foreign(f) or f end
  return copy
end

return M
