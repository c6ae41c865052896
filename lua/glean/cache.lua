-- glean.cache: what glean derives from its inputs and keeps between runs,
-- so a process does not derive it again (docs/speed.md).  An entry is a
-- file named by the caller, holding the key it was made for; a reader gets
-- it back only when the key is the same, so a stale entry is never used:
-- the key covers every input of the derivation (the caller's job).
--
--   cache.get(name, key) -> bytes | nil
--   cache.get_table(name, key) -> t | nil   (put as cache.pack_table(t))
--   cache.put(name, key, bytes) -> true | nil, why
--
-- Where: $GLEAN_CACHE_DIR, else $XDG_CACHE_HOME/glean, else ~/.cache/glean.
-- GLEAN_NO_CACHE=1 (or cache.set_dir(false)) turns it off: nothing is read
-- or written, and everything is derived as if for the first time.  An
-- unwritable directory is no error: the entry is simply not kept.
local core = require "glean.core"

local io, os, tostring, string, table, pairs, ipairs, type = io, os, tostring, string, table, pairs, ipairs, type

local cache = {}

local MAGIC = "GLEANC1\n"
local override = nil   -- set_dir(path | false): for specs and benches

-- dir() -> the cache directory, or nil when caching is off
function cache.dir()
  if override ~= nil then return override or nil end
  local off = os.getenv("GLEAN_NO_CACHE")
  if off and off ~= "" and off ~= "0" then return nil end
  local d = os.getenv("GLEAN_CACHE_DIR")
  if d and d ~= "" then return d end
  local xdg = os.getenv("XDG_CACHE_HOME")
  if xdg and xdg:sub(1, 1) == "/" then return xdg .. "/glean" end
  local home = os.getenv("HOME")
  if home and home ~= "" then return home .. "/.cache/glean" end
  return nil
end

-- set_dir(path | false | nil): use path, no cache (false), or the default (nil)
function cache.set_dir(d) override = d end

-- digest(s, ...) -> 32 hex digits over the strings (glean.core.digest)
cache.digest = core.digest
cache.digest_file = core.digest_file

-- add_fields(parts, t [, prefix]) -> parts: t's fields in sorted order
-- appended for a key, each as prefix .. name, then its value or the values
-- of its list (tostring): e.g. the month and weekday names a derivation
-- read from ICU (glean.rules_cache, glean.kb_cache)
function cache.add_fields(parts, t, prefix)
  local fields = {}
  for f in pairs(t) do fields[#fields + 1] = f end
  table.sort(fields)
  for _, f in ipairs(fields) do
    parts[#parts + 1] = (prefix or "") .. f
    local v = t[f]
    if type(v) == "table" then
      for i = 1, #v do parts[#parts + 1] = tostring(v[i]) end
    else
      parts[#parts + 1] = tostring(v)
    end
  end
  return parts
end

local function path_of(name)
  local d = cache.dir()
  if not d then return nil end
  return d .. "/" .. name
end

local function read_all(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

-- get(name, key) -> the bytes put under name for this very key, or nil
function cache.get(name, key)
  local path = path_of(name)
  local s = path and read_all(path)
  if not s or s:sub(1, #MAGIC) ~= MAGIC then return nil end
  local ok, k, pos = pcall(string.unpack, "s4", s, #MAGIC + 1)
  if not ok or k ~= key then return nil end
  local okb, bytes, stop = pcall(string.unpack, "s4", s, pos)
  if not okb or stop ~= #s + 1 then return nil end   -- truncated or trailing bytes
  return bytes
end

-- get_table(name, key) -> the table put under name for this very key (put
-- as cache.pack_table's bytes), or nil.  The entry is read in C from the
-- file's mapping (core.unpack_table_file): the knowledge base's 8 MB never
-- become Lua strings (reading them made 22 MB of garbage at every start).
function cache.get_table(name, key)
  local path = path_of(name)
  if not path then return nil end
  local running = collectgarbage("isrunning")
  collectgarbage("stop")
  local ok, t = pcall(core.unpack_table_file, path, MAGIC, key)
  if running then collectgarbage("restart") end
  if not ok then error(t, 0) end
  return t
end

local function write_file(path, s)
  local f = io.open(path, "wb")
  if not f then return false end
  local ok = f:write(s)
  local closed = f:close()
  return ok and closed
end

-- put(name, key, bytes) -> true | nil, why.  Written to a temporary file
-- beside the entry and renamed over it, so a reader sees the old entry or
-- the new one, never half of one (two processes may write the same entry).
function cache.put(name, key, bytes)
  local path = path_of(name)
  if not path then return nil, "no cache directory" end
  local s = MAGIC .. string.pack("s4", key) .. string.pack("s4", bytes)
  local tmp = string.format("%s.%s.tmp", path, tostring({}):match("0x(%x+)") or tostring(os.time()))
  if not write_file(tmp, s) then
    local dir = path:match("^(.*)/[^/]*$")
    os.execute("mkdir -p '" .. dir:gsub("'", "'\\''") .. "' 2>/dev/null")
    if not write_file(tmp, s) then os.remove(tmp); return nil, "cannot write " .. tmp end
  end
  local ok, err = os.rename(tmp, path)
  if not ok then os.remove(tmp); return nil, err end
  return true
end

-- ---------------------------------------------------------------------
-- tables as bytes: what a process built (a knowledge base of nested plain
-- tables) kept for the next.  Shared tables stay shared (each table is
-- written once and referred to by number); keys and values are strings,
-- numbers (integer or float, kept apart) and booleans.  A function,
-- userdata, thread or metatable anywhere: nil (not kept).

local T_STR, T_INT, T_FLT, T_TRUE, T_FALSE, T_TAB = 1, 2, 3, 4, 5, 6
local math_type, getmetatable, next = math.type, getmetatable, next

-- pack_table(t) -> bytes | nil
function cache.pack_table(root)
  local ids, list = {}, {}
  local function id_of(t)
    local id = ids[t]
    if not id then
      if getmetatable(t) ~= nil then return nil end
      id = #list + 1
      ids[t], list[id] = id, t
    end
    return id
  end
  local out, n = {}, 0
  local function put(v)
    local tv = type(v)
    if tv == "string" then n = n + 1; out[n] = string.pack("Bs4", T_STR, v)
    elseif tv == "number" then
      n = n + 1
      if math_type(v) == "integer" then out[n] = string.pack("Bj", T_INT, v)
      else out[n] = string.pack("Bn", T_FLT, v) end
    elseif tv == "boolean" then n = n + 1; out[n] = string.pack("B", v and T_TRUE or T_FALSE)
    elseif tv == "table" then
      local id = id_of(v)
      if not id then return false end
      n = n + 1; out[n] = string.pack("BI4", T_TAB, id)
    else
      return false
    end
    return true
  end
  if type(root) ~= "table" or not id_of(root) then return nil end
  local i = 1
  while list[i] do               -- every table, in the order first met
    local t = list[i]
    local count = 0
    for _ in next, t do count = count + 1 end
    n = n + 1; out[n] = string.pack("I4", count)
    for k, v in next, t do
      if not put(k) or not put(v) then return nil end
    end
    i = i + 1
  end
  return string.pack("I4", #list) .. table.concat(out, "", 1, n)
end

-- unpack_table(bytes) -> t | nil (damaged bytes).  In C (core.unpack_table,
-- csrc/l_sys.c): it checks the whole string first, then makes each table
-- at its final size; the entities knowledge base (8 MB, 200k tables) in
-- ~0.045 s, where the same loop in Lua took 0.13-0.16 s of every start.
function cache.unpack_table(s)
  if type(s) ~= "string" then return nil end
  return core.unpack_table(s)
end

return cache
