-- glean.kb_cache: the entities stage's knowledge base (glean.entities.load:
-- the cue and name lists read, folded and indexed, 0.5 s of every start)
-- kept in glean.cache for the next process.  The key covers everything the
-- load reads: the bytes of entities.lua and of its modules
-- (lua/glean/entities/*.lua), the build of the core (folding) and ICU's
-- version and calendar names, every list file's path and bytes (the
-- data directory's cues/ and names/, stopwords.tsv, the analyst's extra
-- files and directories).  glean.entities uses it for glean's own data
-- directory only (one entry; a spec's scratch lists are not kept).  A stale entry cannot be
-- used: any change gives another key, and the list is read again.
local core = require "glean.core"
local cache = require "glean.cache"
local paths = require "glean.paths"

local ipairs, type, table, debug, package, pcall = ipairs, type, table, debug, package, pcall

local M = {}
M.stats = { hits = 0, kept = 0 }

-- every name in dir ending in ext, sorted (paths.list_dir, the loader's own
-- listing), or {} when dir is no directory
local function names_in(dir, ext)
  return paths.list_dir(dir, "%" .. ext .. "$") or {}
end

-- key(data, extras, locales, load) -> name, key | nil (no caching):
-- load is glean.entities.load (its file is digested, and every .lua file of
-- the directory of the same name: glean/entities/), locales the calendar
-- locales it reads from ICU
function M.key(data, extras, locales, load)
  if not cache.dir() or package.preload["glean.entities"] then return nil end
  local src = debug.getinfo(load, "S").source
  if src:sub(1, 1) ~= "@" then return nil end
  local parts = { "glean entities kb 1", core.version(), core.unicode_version() }
  local function add_file(path)    -- its bytes, or that it is missing
    parts[#parts + 1] = path
    parts[#parts + 1] = cache.digest_file(path) or "(missing)"
  end
  local function add_dir(dir)
    parts[#parts + 1] = dir .. "/"
    for _, n in ipairs(names_in(dir, ".tsv")) do add_file(dir .. "/" .. n) end
  end
  local ent = cache.digest_file(src:sub(2))
  local corefile = core.module_file()
  local cored = corefile and cache.digest_file(corefile)
  if not ent or not cored then return nil end
  parts[#parts + 1], parts[#parts + 2] = ent, cored
  -- the stage's modules (glean.entities.kb, .base, ...): they build the table
  local mods = src:sub(2):gsub("%.lua$", "")
  for _, n in ipairs(names_in(mods, ".lua")) do
    parts[#parts + 1] = n
    parts[#parts + 1] = cache.digest_file(mods .. "/" .. n) or "(missing)"
  end
  for _, loc in ipairs(locales or {}) do
    local ok, d = pcall(core.date_symbols, loc, "gregorian")
    parts[#parts + 1] = loc
    if ok and type(d) == "table" then cache.add_fields(parts, d) end
  end
  add_dir(data .. "/cues")
  add_dir(data .. "/names")
  add_file(data .. "/stopwords.tsv")
  for _, x in ipairs(extras or {}) do
    parts[#parts + 1] = "extra"
    if paths.is_dir(x) then add_dir(x) else add_file(x) end
  end
  -- one entry per data directory: other extra lists replace it
  return "entities-kb/" .. cache.digest(data), cache.digest(table.unpack(parts))
end

-- get(name, key) -> the knowledge base kept for this key, or nil
function M.get(name, key)
  local kb = cache.get_table(name, key)
  if kb then M.stats.hits = M.stats.hits + 1 end
  return kb
end

-- put(name, key, kb): keep it (nothing when it holds more than plain tables)
function M.put(name, key, kb)
  local bytes = cache.pack_table(kb)
  if bytes and cache.put(name, key, bytes) then M.stats.kept = M.stats.kept + 1 end
end

return M
