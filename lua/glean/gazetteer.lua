-- glean.gazetteer: entities with aliases in many scripts, matched in text
-- through search folding with exact original byte spans.
--
--   local gz = glean.gazetteer.load("places.tsv")
--   for m in gz:gmatch(text) do print(m.start, m.stop, m.id, m.surface) end
--
-- The automaton and file formats live in C (csrc/matcher.c, csrc/gazfile.c);
-- this module adds loading from Lua tables and argument handling.
local core = require "glean.core"
local paths = require "glean.paths"

local error, ipairs, pairs, type, tostring = error, ipairs, pairs, type, tostring
local concat, sort = table.concat, table.sort

local methods = core._gazetteer_methods
local gazetteer = {}

local function profile_of(opts, fname)
  if opts == nil then return nil end
  if type(opts) ~= "table" then
    error("bad argument to '" .. fname .. "' (options table expected, got " .. type(opts) .. ")", 3)
  end
  local p = opts.profile
  if type(p) == "userdata" and type(p.spec) == "function" then return p:spec() end   -- glean.profile{...}
  if p ~= nil and type(p) ~= "string" then
    error("bad option 'profile' to '" .. fname .. "' (profile name or glean.profile expected, got "
      .. type(p) .. ")", 3)
  end
  if p ~= nil and p ~= "search" and p ~= "search-case" and p:sub(1, 19) ~= "glean-fold-profile " then
    error("bad option 'profile' to '" .. fname .. "' (unknown fold profile '" .. p .. "')", 3)
  end
  return p
end

-- The inflection profile directory of opts: the shipped data/inflection by
-- default, none for `inflection = false`, or the analyst's own directory.
local function inflection_of(opts, fname)
  local v = opts and opts.inflection
  if v == nil then return paths.home() .. "/data/inflection" end
  if v == false then return nil end
  if type(v) ~= "string" then
    error("bad option 'inflection' to '" .. fname .. "' (directory or false expected, got " .. type(v) .. ")", 3)
  end
  return v
end

-- Attribute values as strings (numbers and booleans converted); names sorted
-- so the stored order does not depend on table traversal.
local function attrs_of(t, skip)
  local out
  for k, v in pairs(t) do
    if not skip[k] then
      if type(k) ~= "string" then error("attribute names must be strings", 3) end
      local tv = type(v)
      if tv == "number" or tv == "boolean" then v = tostring(v)
      elseif tv ~= "string" then error("attribute '" .. k .. "' is not a string", 3) end
      out = out or {}
      out[k] = v
    end
  end
  return out
end

local add = methods.add

-- gz:add(alias, id, type [, attrs [, flags]]) -> gz
-- flags: "case,prefix" or an array { "case", "prefix" }
function methods.add(self, alias, id, typ, attrs, flags)
  if type(flags) == "table" then flags = concat(flags, ",") end
  if type(attrs) == "table" then attrs = attrs_of(attrs, {}) end
  return add(self, alias, id, typ, attrs, flags)
end

-- load(path [, opts]) -> gazetteer | nil, "path:line: what"
-- opts.profile: fold profile ("search", the default, "search-case", or a
-- custom glean.profile{...}, which a compiled file (gz:save) records);
-- opts.format: "tsv" or "csv" (default: from the extension); opts.inflection:
-- directory of inflection profiles (default the shipped data/inflection,
-- false for none; docs/inflection.md).  A compiled file (see gz:save) is
-- recognised by its header and opened instead (its forms are compiled in).
function gazetteer.load(path, opts)
  if type(path) ~= "string" then
    error("bad argument #1 to 'load' (string expected, got " .. type(path) .. ")", 2)
  end
  local profile = profile_of(opts, "load")
  local infl = inflection_of(opts, "load")
  if core._gazetteer_is_compiled(path) then
    local gz, err = core._gazetteer_open(path)
    if gz and profile and select(2, gz:profile()) ~= profile then
      return nil, path .. ": compiled with another fold profile ('" .. gz:profile() .. "')"
    end
    return gz, err
  end
  local format = opts and opts.format
  if format == nil then format = path:lower():match("%.csv$") and "csv" or "tsv" end
  return core._gazetteer_load(path, profile, format, infl)
end

-- open(path) -> gazetteer | nil, "path: what" (a file written by gz:save)
function gazetteer.open(path)
  if type(path) ~= "string" then
    error("bad argument #1 to 'open' (string expected, got " .. type(path) .. ")", 2)
  end
  return core._gazetteer_open(path)
end

-- default_path() -> the shipped default gazetteer (data/gazetteer.tsv of
-- the checkout or installed rock, or of $GLEAN_HOME), whatever the current
-- directory
function gazetteer.default_path()
  return paths.home() .. "/data/gazetteer.tsv"
end

-- default([opts]) -> the shipped default gazetteer, loaded | nil, err
function gazetteer.default(opts)
  return gazetteer.load(gazetteer.default_path(), opts)
end

local entry_fields = { id = true, type = true, alias = true, flags = true }

-- new([entries [, opts]]) -> gazetteer
-- entries: array of { id = , type = , alias = [, flags = ] [, attr = value ...] }
function gazetteer.new(entries, opts)
  if entries ~= nil and type(entries) ~= "table" then
    error("bad argument #1 to 'new' (table expected, got " .. type(entries) .. ")", 2)
  end
  local gz = core._gazetteer_new(profile_of(opts, "new"), inflection_of(opts, "new"))
  for i, e in ipairs(entries or {}) do
    if type(e) ~= "table" then
      error("bad argument #1 to 'new' (entry " .. i .. " is not a table)", 2)
    end
    for _, f in ipairs { "id", "type", "alias" } do
      if type(e[f]) ~= "string" then
        error("bad argument #1 to 'new' (entry " .. i .. ": '" .. f .. "' must be a string)", 2)
      end
    end
    local flags = e.flags
    if type(flags) == "table" then flags = concat(flags, ",") end
    local ok, err = pcall(add, gz, e.alias, e.id, e.type, attrs_of(e, entry_fields), flags)
    if not ok then
      local what = tostring(err):match("%((.*)%)$") or tostring(err)
      error("bad argument #1 to 'new' (entry " .. i .. ": " .. what .. ")", 2)
    end
  end
  return gz
end

-- labels(gz) -> { [id] = label }: the display label of each entity, from
-- the aliases the gazetteer holds, so a compiled file gives the labels of
-- its source.  The `label` attribute (a gazetteer's `label` column) when an
-- alias has one; else the alias spelled like the id's last field when that
-- is a name, not a code (place:city:Europe/Moscow -> "Moscow"); else the
-- shortest English alias that is not an acronym (no `case` flag); else the
-- first English alias; else the first alias.  "First" and ties go by byte
-- order of the aliases, whatever the order of the file's rows.
local ENGLISH = 2   -- the rank of an English alias that is not an acronym

-- does alias, of rank `rank`, make a better label than the best so far, b?
local function better(rank, alias, b)
  if not b or rank ~= b.rank then return not b or rank < b.rank end
  if rank == ENGLISH and #alias ~= #b.alias then return #alias < #b.alias end
  return alias < b.alias
end

function gazetteer.labels(gz)
  local best = {}   -- id -> { rank, alias }: the best alias so far
  for _, r in ipairs(gz:aliases()) do
    local id, alias, attrs = r.id, r.alias, r.attrs
    local rank = 4
    local tail = id:match("([^:/]+)$")
    if attrs.label and attrs.label ~= "" then
      rank, alias = 0, attrs.label
    elseif tail and tail:find("%l") and alias == tail:gsub("_", " ") then
      rank = 1   -- ids of cities carry the CLDR time-zone name (Europe/Moscow)
    elseif ("," .. (attrs.lang or "") .. ","):find(",en,", 1, true) then
      rank = ("," .. r.flags .. ","):find(",case,", 1, true) and ENGLISH + 1 or ENGLISH
    end
    if better(rank, alias, best[id]) then best[id] = { rank = rank, alias = alias } end
  end
  local labels = {}
  for id, b in pairs(best) do labels[id] = b.alias end
  return labels
end

-- type_conflicts(gz) -> list of "id 'X' has two types (A, B)" for ids whose
-- aliases give them more than one type (a mention keeps the type of the
-- alias it matched, so the same entity would be counted under two types)
function gazetteer.type_conflicts(gz)
  local types, order = {}, {}
  for _, r in ipairs(gz:aliases()) do
    local t = types[r.id]
    if not t then t = { list = {} }; types[r.id] = t; order[#order + 1] = r.id end
    if r.type and not t[r.type] then t[r.type] = true; t.list[#t.list + 1] = r.type end
  end
  local out = {}
  for _, id in ipairs(order) do
    local list = types[id].list
    if #list > 1 then
      sort(list)
      out[#out + 1] = string.format("id '%s' has %d types (%s)", id, #list, table.concat(list, ", "))
    end
  end
  return out
end

-- Sorted attribute names of a match (for stable output).
function gazetteer.attr_names(m)
  local names = {}
  for k in pairs(m.attrs or {}) do names[#names + 1] = k end
  sort(names)
  return names
end

return gazetteer
