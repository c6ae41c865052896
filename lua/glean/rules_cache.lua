-- glean.rules_cache: the derivation cache of rule prefixes.  A pack whose
-- prefixes glean.rules_first derived before, from the same source by the
-- same engine, gets every rule's prefixes and required bytes from
-- glean.cache, and its rules' recipes (glean.rules_pattern) are never
-- read.  Most of loading dates.lua without it is this derivation.  The key is the pack's source and the
-- fingerprint below: everything else the derivation reads.  glean.rules
-- calls it, naming its own file as the engine's.
local lpeg = require "lpeg"
local first = require "glean.rules_first"
local pattern = require "glean.rules_pattern"
local V = require "glean.rules_vocab"
local sandbox = require "glean.sandbox"
local cache = require "glean.cache"
local core = require "glean.core"

local pairs, ipairs, type, tostring, table, math, package, debug, _VERSION =
  pairs, ipairs, type, tostring, table, math, package, debug, _VERSION

local M = {}

local memo = {}   -- engine file -> fingerprint, or false: no caching for it
M.cache_stats = { hits = 0, kept = 0 }   -- packs taken from the cache, derived and kept

-- fingerprint(engine) -> digest of what the derivation depends on besides
-- the pack's source | nil: these modules' files (rules_first, rules_pattern,
-- this one, the vocabulary, the engine -- the file `engine`, glean.rules -- and its
-- sandbox, the re module that is copied), the build of the core (its file:
-- word characters, digits, calendars) and the ICU data the vocabulary reads
-- (month and weekday names of every date locale, the decimal digits), Lua's
-- and LPeg's versions.  nil (no caching) when a module is not a file this
-- process can name (an embedding host's preload).
local function source_of(f)
  local src = debug.getinfo(f, "S").source
  return src:sub(1, 1) == "@" and src:sub(2) or nil
end

local function fingerprint(engine)
  if not engine then return nil end
  if memo[engine] ~= nil then return memo[engine] or nil end
  memo[engine] = false
  local parts = { "glean rule prefixes 1", _VERSION, tostring(type(lpeg.version) == "function" and lpeg.version()
    or lpeg.version), core.version(), core.unicode_version() }
  local function add_file(path)   -- its bytes (not its name: the same file under two names is one)
    local d = path and cache.digest_file(path)
    if not d then return false end
    parts[#parts + 1] = d
    return true
  end
  for _, name in ipairs({ "glean.rules_first", "glean.rules_pattern", "glean.rules_cache", "glean.rules_vocab",
                          "glean.rules", "glean.sandbox", "glean.cache", "re" }) do
    if package.preload[name] then return nil end
  end
  if not (add_file(source_of(first.prefixes)) and add_file(source_of(pattern.real))
          and add_file(source_of(fingerprint))
          and add_file(source_of(V.keywords)) and add_file(engine)
          and add_file(source_of(sandbox.run)) and add_file(package.searchpath("re", package.path))
          and add_file(core.module_file())) then
    return nil
  end
  local keys = {}
  for k in pairs(V.date_locales) do keys[#keys + 1] = k end
  table.sort(keys)
  for _, k in ipairs(keys) do
    cache.add_fields(parts, V.date_symbols(k), k .. ".")
  end
  for _, z in ipairs(core.decimal_digits()) do parts[#parts + 1] = tostring(z) end
  memo[engine] = cache.digest(table.unpack(parts))
  return memo[engine]
end
M.fingerprint = fingerprint

local function cache_name(chunkname)
  return "rule-prefixes/" .. cache.digest(chunkname)
end

-- cached(src, chunkname, engine) -> { n = rules, by_name = { [rule name] =
-- { prefixes, required } } } kept for this very source and fingerprint, or
-- nil.  engine: the file of the rule engine (glean.rules) that compiles the
-- pack, or nil (no caching).
function M.cached(src, chunkname, engine)
  local fp = fingerprint(engine)
  if not fp then return nil end
  local t = cache.get_table(cache_name(chunkname), cache.digest(fp, src))
  if not (t and math.type(t.n) == "integer" and type(t.by_name) == "table") then return nil end
  return t
end

-- fits(entries, pack) -> true when the entries name exactly the pack's rules
function M.fits(entries, pack)
  if entries.n ~= #pack.rules then return false end
  for _, r in ipairs(pack.rules) do
    if not entries.by_name[r.name] then return false end
  end
  return true
end

-- apply(entries, pack) -> true when the entries name exactly the pack's
-- rules (then each rule has its prefixes and required bytes from them),
-- false otherwise (the pack is to be derived again)
function M.apply(entries, pack)
  if not M.fits(entries, pack) then return false end
  for _, r in ipairs(pack.rules) do
    local e = entries.by_name[r.name]
    r.prefixes, r.required = e.prefixes, e.required
  end
  M.cache_stats.hits = M.cache_stats.hits + 1
  return true
end

-- keep(src, chunkname, pack, engine): the derived prefixes of a pack that
-- loaded without errors, for the next process (nothing when caching is off)
function M.keep(src, chunkname, pack, engine)
  local fp = fingerprint(engine)
  if not fp then return end
  local by_name = {}
  for _, r in ipairs(pack.rules) do by_name[r.name] = { prefixes = r.prefixes, required = r.required } end
  local bytes = cache.pack_table({ n = #pack.rules, by_name = by_name })
  if bytes and cache.put(cache_name(chunkname), cache.digest(fp, src), bytes) then
    M.cache_stats.kept = M.cache_stats.kept + 1
  end
end

return M
