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
-- [..] kept
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
      local j = glob:find("]", i + 1, true)
      if j then out[#out + 1] = glob:sub(i, j):gsub("^%[!", "[^"); i = j
      else out[#out + 1] = "%[" end
    elseif c:match("%p") then out[#out + 1] = "%" .. c
    else out[#out + 1] = c end
    i = i + 1
  end
  out[#out + 1] = "$"
  return concat(out)
end

-- expand(paths, glob) -> list of { path =, size = [, error =] }.
-- Directories are walked recursively in name order; the glob applies to the
-- file name (or to the path below the directory when it holds a '/').
-- Hidden files and directories are skipped.
function inputs.expand(paths, glob)
  local lfs = require "lfs"
  local pat = glob and inputs.glob_pattern(glob)
  local out = {}
  local function walk(dir, rel)
    local names = {}
    local ok, iter, st = pcall(lfs.dir, dir)
    if not ok then
      out[#out + 1] = { path = dir, error = dir .. ": cannot read directory (" .. tostring(iter) .. ")" }
      return
    end
    for name in iter, st do
      if name:sub(1, 1) ~= "." then names[#names + 1] = name end
    end
    sort(names)
    for _, name in ipairs(names) do
      local p = dir:gsub("/$", "") .. "/" .. name
      local r = rel and (rel .. "/" .. name) or name
      local mode = lfs.attributes(p, "mode")
      if mode == "directory" then
        walk(p, r)
      elseif mode == "file" then
        local subject = (pat and glob:find("/", 1, true)) and r or name
        if not pat or subject:match(pat) then
          out[#out + 1] = { path = p, size = lfs.attributes(p, "size") or 0 }
        end
      end
    end
  end
  for _, p in ipairs(paths) do
    local mode = lfs.attributes(p, "mode")
    if mode == "directory" then walk(p, nil)
    elseif mode then out[#out + 1] = { path = p, size = lfs.attributes(p, "size") or 0 }
    else out[#out + 1] = { path = p, size = 0, error = p .. ": no such file or directory" } end
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

-- jsonl(fh, name) -> iterator of documents from JSON Lines
-- {"id":..., "text":..., "date":..., "source":...}; a bad line becomes a
-- document with an error naming name:line
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
    if type(obj.text) ~= "string" then
      doc.error = where .. ": field 'text' missing or not a string"
    else
      doc.text = obj.text
    end
    return doc
  end
end

return inputs
