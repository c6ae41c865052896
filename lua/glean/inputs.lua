-- glean.inputs: where documents come from.  Files and directories (walked
-- in name order, filtered by a glob) and JSON Lines documents on a stream;
-- each document is { id =, path =, source =, date =, text = } or, when it
-- cannot be read, { id =, error = }.
--
--   for doc in inputs.files(inputs.expand({ "samples/" }, "*.txt")) do ... end
--   for doc in inputs.jsonl(io.stdin, "stdin") do ... end
local cjson = require "cjson.safe"

local ipairs, type, tostring, pcall = ipairs, type, tostring, pcall
local io, string = io, string
local concat, sort = table.concat, table.sort

local inputs = {}

local function read_all(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local s, rerr = f:read("a")
  f:close()
  if not s then return nil, path .. ": " .. tostring(rerr) end
  return s
end

-- glob_pattern(glob) -> Lua pattern: * and ? stop at '/', ** crosses it,
-- [..] a class ([!..] negated; a ']' first in the class is a member, as in
-- POSIX; a '[' with no closing ']' is itself)
function inputs.glob_pattern(glob)
  local out, i = { "^" }, 1
  while i <= #glob do
    local c = glob:sub(i, i)
    if c == "*" and glob:sub(i + 1, i + 1) == "*" then
      out[#out + 1] = ".*"; i = i + 1
      if glob:sub(i + 1, i + 1) == "/" then out[#out] = ".-"; end
    elseif c == "*" then out[#out + 1] = "[^/]*"
    elseif c == "?" then out[#out + 1] = "[^/]"
    elseif c == "[" then
      local k = i + 1
      local neg = glob:sub(k, k) == "!" or glob:sub(k, k) == "^"
      if neg then k = k + 1 end
      local j = glob:find("]", k + 1, true)   -- k itself may be a ']' member
      if j then
        local class = { neg and "[^" or "[" }
        for p = k, j - 1 do
          local b = glob:sub(p, p)
          -- '-' between two members is a range; every other punctuation
          -- character is literal, escaped for Lua
          if b == "-" and p > k and p < j - 1 then class[#class + 1] = "-"
          elseif b:match("%p") then class[#class + 1] = "%" .. b
          else class[#class + 1] = b end
        end
        class[#class + 1] = "]"
        out[#out + 1] = concat(class); i = j
      else out[#out + 1] = "%[" end
    elseif c:match("%p") then out[#out + 1] = "%" .. c
    else out[#out + 1] = c end
    i = i + 1
  end
  out[#out + 1] = "$"
  return concat(out)
end

-- strerror part of an lfs or io message ("cannot open x: Permission denied")
local function reason(msg)
  return tostring(msg):match(":%s*([^:]+)$") or tostring(msg)
end

-- expand(paths, glob [, opts]) -> list of { path =, size = [, error =] },
-- with list.missing (paths that do not exist), list.warnings (directory
-- loops, skipped outputs: "path: what").
-- Directories are walked recursively in name order; the glob applies to the
-- file name (or to the path below the directory when it holds a '/').
-- Hidden files and directories are skipped.  A directory reached again
-- (the same device and inode, through a symbolic link) is walked once; the
-- loop is reported once.  opts.skip: a path (e.g. the report being written)
-- that is never read as a document, by device and inode.
function inputs.expand(paths, glob, opts)
  local lfs = require "lfs"
  opts = opts or {}
  local pat = glob and inputs.glob_pattern(glob)
  local out = { missing = {}, warnings = {} }
  local function key(a) return a and (tostring(a.dev) .. ":" .. tostring(a.ino)) end
  local skip = opts.skip and key(lfs.attributes(opts.skip))
  local seen = {}
  local function walk(dir, rel)
    local names = {}
    local ok, iter, st = pcall(lfs.dir, dir)
    if not ok then
      out[#out + 1] = { path = dir, size = 0, error = dir .. ": " .. reason(iter) }
      return
    end
    for name in iter, st do
      if name:sub(1, 1) ~= "." then names[#names + 1] = name end
    end
    sort(names)
    for _, name in ipairs(names) do
      local p = dir:gsub("/$", "") .. "/" .. name
      local r = rel and (rel .. "/" .. name) or name
      local a = lfs.attributes(p)
      local mode = a and a.mode
      if mode == "directory" then
        local k = key(a)
        if seen[k] then
          out.warnings[#out.warnings + 1] = p .. ": directory loop (the same directory as " .. seen[k]
            .. "), not walked again"
        else
          seen[k] = p
          walk(p, r)
        end
      elseif mode == "file" then
        local subject = (pat and glob:find("/", 1, true)) and r or name
        if not pat or subject:match(pat) then
          if skip and key(a) == skip then
            out.warnings[#out.warnings + 1] = p .. ": skipped: it is this run's output file"
          else
            out[#out + 1] = { path = p, size = a.size or 0 }
          end
        end
      end
    end
  end
  for _, p in ipairs(paths) do
    local a = lfs.attributes(p)
    local mode = a and a.mode
    if mode == "directory" then
      seen[key(a)] = p
      walk(p, nil)
    elseif mode then out[#out + 1] = { path = p, size = a.size or 0 }
    else
      out.missing[#out.missing + 1] = p
      out[#out + 1] = { path = p, size = 0, error = p .. ": No such file or directory" }
    end
  end
  return out
end

-- files(list) -> iterator of documents; each file (an entry of expand's
-- list) is read when reached
function inputs.files(list)
  local i = 0
  return function()
    i = i + 1
    local e = list[i]
    if not e then return nil end
    local parent = e.path:match("([^/]+)/[^/]*$")
    local doc = { id = e.path, path = e.path, source = parent or "." }
    if e.error then doc.error = e.error; return doc end
    local text, err = read_all(e.path)
    if not text then doc.error = tostring(err) else doc.text = text end
    return doc
  end
end

-- language_code(s) -> the code, lower case | nil, message: a language as
-- glean names them (ISO 639-1 where one exists, else 639-3: es, pt, bho),
-- the codes of rec.lang, the cue lists and the gazetteer's lang column
function inputs.language_code(s)
  if type(s) ~= "string" or not s:find("^%a%a%a?$") then
    return nil, string.format("%s is not a language code (2 or 3 letters, as glean names them: es, pt, bho)",
                              type(s) == "string" and "'" .. s .. "'" or type(s))
  end
  return s:lower()
end
local language_code = inputs.language_code

-- jsonl(fh, name) -> iterator of documents from JSON Lines
-- {"id":..., "text":..., "date":..., "source":..., "lang":...}; a bad line
-- becomes a document with an error naming name:line; "lang" (a language
-- code) is the document's language, not detected then ("auto" or null: detected)
function inputs.jsonl(fh, name)
  local n = 0
  local lines = fh:lines()
  return function()
    local line
    repeat
      line = lines()
      if line == nil then return nil end
      n = n + 1
    until line:find("%S")
    local where = name .. ":" .. n
    local obj, err = cjson.decode(line)
    if type(obj) ~= "table" then
      return { id = where, error = where .. ": invalid JSON (" .. tostring(err or "not an object") .. ")",
               bytes = #line }
    end
    local id = obj.id
    if type(id) == "number" then id = string.format("%.17g", id) end
    if type(id) ~= "string" then id = where end
    local doc = { id = id, source = type(obj.source) == "string" and obj.source or name,
                  date = type(obj.date) == "string" and obj.date or nil,
                  path = type(obj.path) == "string" and obj.path or nil }
    if obj.lang ~= nil and obj.lang ~= cjson.null and obj.lang ~= "auto" then
      local code, lerr = language_code(obj.lang)
      if not code then
        doc.error = where .. ": field 'lang': " .. lerr
        return doc
      end
      doc.lang = code
    end
    if type(obj.text) ~= "string" then
      doc.error = where .. ": field 'text' missing or not a string"
    else
      doc.text = obj.text
    end
    return doc
  end
end

return inputs
