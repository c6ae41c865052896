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

local error, ipairs, pairs, type, tostring, pcall, next, setmetatable =
  error, ipairs, pairs, type, tostring, pcall, next, setmetatable
local io = io
local concat, sort = table.concat, table.sort

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

-- An entry's attributes: its fields other than id, type, alias and flags
-- (gz:add checks them and writes numbers and booleans as strings).
local entry_fields = { id = true, type = true, alias = true, flags = true }

local function attrs_of(e)
  local out
  for k, v in pairs(e) do
    if not entry_fields[k] then
      out = out or {}
      out[k] = v
    end
  end
  return out
end

-- The methods (gz:add, gz:find_all, ...) are the core's (csrc/l_matcher.c).
-- gz:add(alias, id, type [, attrs [, flags]]) -> gz: attribute values may
-- be strings, numbers or booleans; flags "case,prefix" or { "case", "prefix" }.

-- load(path [, opts]) -> gazetteer | nil, "path:line: what"
-- opts.profile: fold profile ("search", the default, "search-case", or a
-- custom glean.profile{...}, which a compiled file (gz:save) records);
-- opts.format: "tsv" or "csv" (default: from the extension); opts.inflection:
-- directory of inflection profiles (default the shipped data/inflection,
-- false for none; docs/inflection.md).  A compiled file (see gz:save) is
-- recognised by its header and opened instead (its forms are compiled in).
--
-- opts.cache = true (glean analyze): a source file of gazetteer.CACHE_MIN
-- bytes or more is opened from its compiled form in glean.cache when one was written
-- for the same bytes, format, fold profile, inflection profiles and build
-- of the core; else it is read and compiled as usual and the compiled form
-- is kept for the next process (the default gazetteer: 0.2 s to read and
-- compile, 0.03 s to open).  The result is read-only (no gz:add).
gazetteer.CACHE_MIN = 1000000

-- the key of a source file's compiled form, or nil (no caching)
local function compiled_key(path, format, profile, infl)
  local cache = require "glean.cache"
  if not cache.dir() then return nil end
  local f = io.open(path, "rb")
  local size = f and f:seek("end")
  if f then f:close() end
  if not size or size < gazetteer.CACHE_MIN then return nil end
  local parts = { "glean compiled gazetteer 1", format, tostring(profile), core.version(), core.unicode_version() }
  local function add_file(p)   -- its bytes (not its name: ./data and /abs/data are one file)
    local d = p and cache.digest_file(p)
    if not d then return false end
    parts[#parts + 1] = d
    return true
  end
  if not add_file(path) or not add_file(core.module_file()) then return nil end
  if infl then   -- every inflection profile the C loader may read (NAME.tsv), sorted
    for _, n in ipairs(paths.list_dir(infl, "%.tsv$") or {}) do
      parts[#parts + 1] = n
      if not add_file(infl .. "/" .. n) then return nil end
    end
  else
    parts[#parts + 1] = "(no inflection)"
  end
  local real = core.realpath(path) or path
  return "gazetteer/" .. cache.digest(real) .. "-" .. cache.digest(table.unpack(parts)) .. ".glz",
         "gazetteer/" .. cache.digest(real) .. "-"
end

-- the compiles opened from glean.cache: gz -> the cache name of its compile
-- (which holds the whole key of its bytes), for what is derived from it
-- (type_conflicts).  Such a gazetteer is read-only: nothing added later.
local compile_of = setmetatable({}, { __mode = "k" })

function gazetteer.load(path, opts)
  if type(path) == "table" then return gazetteer.load_layers(path, opts) end
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
  local name, stem
  if opts and opts.cache then name, stem = compiled_key(path, format, profile, infl) end
  local cache = name and require "glean.cache"
  if name then   -- the name holds the whole key: a file of that name is that compile
    local glz = cache.dir() .. "/" .. name
    if core._gazetteer_is_compiled(glz) then
      local gz = core._gazetteer_open(glz)
      if gz then
        compile_of[gz] = name
        return gz
      end
    end
  end
  local gz, err = core._gazetteer_load(path, profile, format, infl)
  if gz and name then   -- kept for the next process; older compiles of this path removed
    local dir = cache.dir()
    local glz = dir .. "/" .. name
    local tmp = glz .. "." .. (tostring({}):match("0x(%x+)") or "x") .. ".tmp"
    os.execute("mkdir -p '" .. (dir .. "/gazetteer"):gsub("'", "'\\''") .. "' 2>/dev/null")
    if pcall(gz.save, gz, tmp) and os.rename(tmp, glz) then
      for _, n in ipairs(paths.list_dir(dir .. "/gazetteer") or {}) do
        -- (a .tmp left by a process killed while writing goes too; one being
        -- written now fails its rename, and that process keeps no compile)
        if ("gazetteer/" .. n):sub(1, #stem) == stem and "gazetteer/" .. n ~= name
           and (n:match("%.glz$") or n:match("%.tmp$")) then
          os.remove(dir .. "/gazetteer/" .. n)
        end
      end
    else
      os.remove(tmp)
    end
  end
  return gz, err
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
    local ok, err = pcall(gz.add, gz, e.alias, e.id, e.type, attrs_of(e), e.flags)
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

-- ---------------------------------------------------------------------
-- Source rows read in Lua (layers, stats, compile)

-- Split one CSV record (RFC 4180 quoting, on one line) into fields.
local function csv_fields(line)
  local out, i, n = {}, 1, #line
  while true do
    if line:sub(i, i) == '"' then
      local buf, j = {}, i + 1
      while true do
        local q = line:find('"', j, true)
        if not q then return nil, "unterminated quote" end
        buf[#buf + 1] = line:sub(j, q - 1)
        if line:sub(q + 1, q + 1) == '"' then buf[#buf + 1] = '"'; j = q + 2 else i = q + 1; break end
      end
      out[#out + 1] = concat(buf)
      if i > n then return out end
      if line:sub(i, i) ~= "," then return nil, "text after a closing quote" end
      i = i + 1
    else
      local c = line:find(",", i, true)
      out[#out + 1] = line:sub(i, (c or n + 1) - 1)
      if not c then return out end
      i = c + 1
    end
  end
end

-- rows(path [, opts]) -> array of { id, type, alias, flags, attrs, line } |
-- nil, "path:line: what".  The TSV/CSV format of load() (header naming id,
-- type, alias [, flags] [, attribute columns]; # comments; blank lines; BOM;
-- CRLF); empty attribute cells are left out.
function gazetteer.rows(path, opts)
  local f, err = io.open(path, "rb")
  if not f then return nil, tostring(err) end   -- "path: why" already
  local csv = (opts and opts.format or (path:lower():match("%.csv$") and "csv" or "tsv")) == "csv"
  local cols, names, rows, n = nil, nil, {}, 0
  for line in f:lines() do
    n = n + 1
    if n == 1 and line:sub(1, 3) == "\239\187\191" then line = line:sub(4) end
    line = line:gsub("\r$", "")
    if line ~= "" and line:sub(1, 1) ~= "#" then
      local fields, ferr
      if csv then
        fields, ferr = csv_fields(line)
        if not fields then f:close(); return nil, path .. ":" .. n .. ": " .. ferr end
      else
        fields = {}
        for v in (line .. "\t"):gmatch("([^\t]*)\t") do fields[#fields + 1] = v end
      end
      if not cols then
        cols, names = {}, fields
        for i, name in ipairs(fields) do cols[name] = i end
        for _, c in ipairs { "id", "type", "alias" } do
          if not cols[c] then f:close(); return nil, path .. ":" .. n .. ": missing column '" .. c .. "' in header" end
        end
      else
        if #fields > #names then
          f:close()
          return nil, path .. ":" .. n .. ": too many columns (" .. #fields .. " columns, header has " .. #names .. ")"
        end
        local r = { id = fields[cols.id], type = fields[cols.type], alias = fields[cols.alias],
                    flags = cols.flags and fields[cols.flags] or "", attrs = {}, line = n, path = path }
        if (r.alias or "") == "" then f:close(); return nil, path .. ":" .. n .. ": empty alias" end
        if (r.id or "") == "" then f:close(); return nil, path .. ":" .. n .. ": empty id" end
        for i, name in ipairs(names) do
          local v = fields[i]
          if v and v ~= "" and name ~= "id" and name ~= "type" and name ~= "alias" and name ~= "flags" then
            r.attrs[name] = v
          end
        end
        rows[#rows + 1] = r
      end
    end
  end
  f:close()
  if not cols then return nil, path .. ":" .. n .. ": no header line" end
  return rows
end

-- ---------------------------------------------------------------------
-- Layers

-- The per-entity attributes each layer gives (the first row's, then rows
-- adding more), merged in order: later layers win.
local function layer_attrs(list, merged)
  for _, r in ipairs(list) do
    local m = merged[r.id]
    if not m then m = {}; merged[r.id] = m end
    for k, v in pairs(r.attrs) do
      if k ~= "lang" then m[k] = v end   -- lang belongs to the alias, not to the entity
    end
  end
end

local function apply(over, m)
  local o = over[m.id]
  if o then
    local a = {}
    for k, v in pairs(m.attrs or {}) do a[k] = v end
    for k, v in pairs(o) do a[k] = v end
    m.attrs = a
  end
  return m
end

-- A gazetteer of several layers: the matcher of all their aliases plus the
-- per-id attributes of the later layers, applied to every match.  Other
-- methods go to the matcher.
local Layered = {}
Layered.__name = "glean.LayeredGazetteer"

function Layered.__index(self, k)
  local v = Layered[k]
  if v ~= nil then return v end
  local m = rawget(self, "_gz")[k]   -- a method of the first layer's matcher
  if type(m) == "function" then
    return function(p, ...) return m(p._gz, ...) end
  end
  return nil
end

function Layered.find_all(self, text, opts)
  local list = self._gz:find_all(text, opts)
  for _, m in ipairs(list) do apply(self._over, m) end
  return list
end

function Layered.gmatch(self, text, opts)
  local it, st, ctl = self._gz:gmatch(text, opts)
  local over = self._over
  return function(s, c)
    local m = it(s, c)
    if m then apply(over, m) end
    return m
  end, st, ctl
end

-- gz:record(k) of a gz:find_flat match, with the later layers' attributes
function Layered.record(self, k)
  return apply(self._over, self._gz:record(k))
end

-- The C lines know nothing of the later layers' attributes.
function Layered.write_matches()
  error("write_matches: not available for a layered gazetteer (use find_all or find_flat and record)", 2)
end

function Layered.__tostring(self)
  return "glean.LayeredGazetteer (" .. tostring(self._gz) .. ")"
end
Layered.__close = function(self) self._gz:close() end

-- load_layers(paths, opts) -> gazetteer | nil, err.  One file: the
-- gazetteer itself.  Several: a layered gazetteer (same methods).  The first file is
-- loaded by the C reader (any size; TSV, CSV or, when it is the only one,
-- compiled); the later ones are read in Lua and added.  All aliases of all
-- layers are matched; for an id that several layers name, the later
-- layers' attributes (label, iso, ...) win, reported with the matches of
-- every alias of the id (a compiled file written with save() keeps each
-- row's own attributes: `glean gazetteer compile` writes the merged ones).
function gazetteer.load_layers(files, opts)
  if #files == 0 then return nil, "no gazetteer given" end
  local first_opts = opts
  if opts and opts.cache and #files > 1 then   -- later layers are added to it: not a read-only compile
    first_opts = {}
    for k, v in pairs(opts) do first_opts[k] = v end
    first_opts.cache = nil
  end
  local gz, err = gazetteer.load(files[1], first_opts)
  if not gz or #files == 1 then return gz, err end
  if core._gazetteer_is_compiled(files[1]) then
    return nil, files[1] .. ": a compiled gazetteer cannot take more layers (compile them together: "
      .. "glean gazetteer compile A B -o AB.glz)"
  end
  local later = {}
  for i = 2, #files do
    if core._gazetteer_is_compiled(files[i]) then
      return nil, files[i] .. ": a compiled gazetteer can only be the first layer"
    end
    local rows, rerr = gazetteer.rows(files[i], opts)
    if not rows then return nil, rerr end
    for _, r in ipairs(rows) do
      local ok, aerr = pcall(gz.add, gz, r.alias, r.id, r.type, next(r.attrs) and r.attrs or nil,
        r.flags ~= "" and r.flags or nil)
      if not ok then
        return nil, files[i] .. ":" .. r.line .. ": " .. (tostring(aerr):match("%((.*)%)$") or tostring(aerr))
      end
    end
    layer_attrs(rows, later)
  end
  return setmetatable({ _gz = gz, _over = later }, Layered)
end

-- merged_rows(paths, opts) -> rows | nil, err: every row of every layer,
-- each with its entity's attributes merged over the layers (later win).
function gazetteer.merged_rows(files, opts)
  local all, merged = {}, {}
  for _, path in ipairs(files) do
    local rows, err = gazetteer.rows(path, opts)
    if not rows then return nil, err end
    layer_attrs(rows, merged)
    for _, r in ipairs(rows) do all[#all + 1] = r end
  end
  for _, r in ipairs(all) do
    local a = { lang = r.attrs.lang }
    for k, v in pairs(merged[r.id]) do a[k] = v end
    r.attrs = a
  end
  return all
end

-- from_rows(rows [, opts]) -> gazetteer | nil, "path:line: what" (rows as
-- gazetteer.rows gives them; opts.path names them in errors)
function gazetteer.from_rows(rows, opts)
  local gz = core._gazetteer_new(profile_of(opts, "from_rows"))
  for _, r in ipairs(rows) do
    local ok, err = pcall(gz.add, gz, r.alias, r.id, r.type, next(r.attrs) and r.attrs or nil,
      r.flags ~= "" and r.flags or nil)
    if not ok then
      return nil, (r.path or (opts and opts.path) or "?") .. ":" .. r.line .. ": "
        .. (tostring(err):match("%((.*)%)$") or tostring(err))
    end
  end
  return gz
end

-- ---------------------------------------------------------------------
-- Statistics

local NOSPACE = { Hani = "Han", Hira = "Kana", Kana = "Kana" }

-- stats(rows) -> { aliases, entities, types = {type -> entities},
-- langs = {lang -> aliases}, scripts = {script -> aliases}, flags = {flag -> aliases} }
-- The script of an alias is the script of most of its letters (ISO 15924).
function gazetteer.stats(rows)
  local s = { aliases = 0, entities = 0, types = {}, langs = {}, scripts = {}, flags = {} }
  local seen = {}
  for _, r in ipairs(rows) do
    s.aliases = s.aliases + 1
    if not seen[r.id] then
      seen[r.id] = true
      s.entities = s.entities + 1
      s.types[r.type] = (s.types[r.type] or 0) + 1
    end
    local lang = r.attrs and r.attrs.lang or ""
    if lang == "" then s.langs[""] = (s.langs[""] or 0) + 1 end
    for l in lang:gmatch("[^,]+") do s.langs[l] = (s.langs[l] or 0) + 1 end
    local best, bestn, per = "Zyyy", 0, {}
    for _, run in ipairs(core.scripts(r.alias, { invalid = "replace" })) do
      local sc = NOSPACE[run.script] or run.script
      if sc ~= "Zyyy" and sc ~= "Zinh" then
        per[sc] = (per[sc] or 0) + run.stop - run.start + 1
        if per[sc] > bestn then best, bestn = sc, per[sc] end
      end
    end
    s.scripts[best] = (s.scripts[best] or 0) + 1
    local fl = type(r.flags) == "table" and concat(r.flags, ",") or r.flags or ""
    if fl == "" then s.flags["(none)"] = (s.flags["(none)"] or 0) + 1 end
    for f in fl:gmatch("[^,%s]+") do s.flags[f] = (s.flags[f] or 0) + 1 end
  end
  return s
end

-- type_conflicts_of(rows) -> list of "id 'X' has 2 types (A, B)" for the ids
-- whose rows ({id =, type =}, in order) give them more than one type (a
-- mention keeps the type of the alias it matched, so the same entity would
-- be counted under two types)
function gazetteer.type_conflicts_of(rows)
  local types, order = {}, {}
  for _, r in ipairs(rows) do
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

-- type_conflicts(gz) -> the same for a gazetteer; the C core hands over only
-- the aliases of such ids, in gz:aliases() order.  For a compile opened from
-- glean.cache (gazetteer.load with opts.cache) the list is kept in the cache
-- too, keyed by the compile's name (its source's bytes, profiles, core) and
-- this file's bytes (the wording): the walk over every alias costs 0.05 s
-- of each start with the default gazetteer.
local SELF = debug.getinfo(1, "S").source:match("^@(.+)")

-- whether t holds strings at 1..#t and nothing else (a cache entry's check)
local function is_string_list(t)
  local n = 0
  for _, v in pairs(t) do
    if type(v) ~= "string" then return false end
    n = n + 1
  end
  return n == #t
end

-- kept(gz, dir, what, derive, ok) -> derive()'s table, kept in glean.cache
-- under dir (one entry per source path) for a compile opened from there, its
-- key the compile's name, `what` and this file's bytes; an entry that ok()
-- rejects is derived again
local function kept(gz, dir, what, derive, ok)
  local name = compile_of[gz]
  local cache = name and SELF and require "glean.cache"
  local self_digest = cache and cache.digest_file(SELF)
  local entry, key
  if self_digest then
    entry = dir .. "/" .. cache.digest(name:match("^(.*)-") or name)
    key = cache.digest(what, name, self_digest)
    local t = cache.get_table(entry, key)
    if t and ok(t) then return t end
  end
  local t = derive()
  if entry then cache.put(entry, key, cache.pack_table(t)) end
  return t
end

function gazetteer.type_conflicts(gz)
  return kept(gz, "gazetteer-conflicts", "glean type conflicts 1",
    function() return gazetteer.type_conflicts_of(gz:type_conflict_rows()) end, is_string_list)
end

-- region_labels(gz) -> { [id] = label } for the gazetteer's subdivisions
-- (ids place:region:CC-XX, glean.gazetteer.labels' labels), what glean.analyze's
-- state codes (Campinas (SP)) look up.  Computing it reads every alias (about 3 s
-- for the default gazetteer on a loaded machine), so a compile opened from
-- glean.cache keeps it beside type_conflicts' list: a process that meets its
-- first code reads a table of a few thousand rows instead.
function gazetteer.region_labels(gz)
  return kept(gz, "gazetteer-regions", "glean region labels 1", function()
    local regions = {}
    for id, label in pairs(gazetteer.labels(gz)) do
      if id:find("^place:region:%u%u%-") then regions[id] = label end
    end
    return regions
  end, function(t) return type(t) == "table" end)
end

-- Sorted attribute names of a match (for stable output).
function gazetteer.attr_names(m)
  local names = {}
  for k in pairs(m.attrs or {}) do names[#names + 1] = k end
  sort(names)
  return names
end

return gazetteer
