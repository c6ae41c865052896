-- glean.importers.common: what the knowledge-base importers share: reading
-- a possibly compressed dump through a pipe, alias flags by the default
-- gazetteer's rules, a TSV writer and the count of skipped entities.
local core = require "glean.core"

local io, os, ipairs, string, table, utf8, math, tostring = io, os, ipairs, string, table, utf8, math, tostring

local common = {}

local function shell_quote(s) return "'" .. s:gsub("'", "'\\''") .. "'" end
common.shell_quote = shell_quote

-- open(path) -> reader | nil, err.  reader:lines() iterates the lines of
-- the (decompressed) file; reader:close() -> true | nil, "path: what" when
-- the decompressor failed (a truncated or corrupt .gz/.bz2: its exit status
-- is not 0).  .gz goes through `gzip -dc`, .bz2 through `bzip2 -dc`, so the
-- dump is never held in memory.  "-" reads standard input.
function common.open(path)
  if path == "-" then
    return { lines = function() return io.stdin:lines() end, close = function() return true end }
  end
  local tool = path:match("%.gz$") and "gzip" or path:match("%.bz2$") and "bzip2" or nil
  local f, err = io.open(path, "rb")
  if not f then return nil, tostring(err) end
  if not tool then
    return { lines = function() return f:lines() end, close = function() f:close(); return true end }
  end
  f:close()
  local p = assert(io.popen(tool .. " -dc < " .. shell_quote(path) .. " 2>/dev/null", "r"))
  return {
    lines = function() return p:lines() end,
    close = function()
      local ok, how, code = p:close()
      if ok then return true end
      return nil, path .. ": " .. tool .. " -dc failed (" .. tostring(how) .. " " .. tostring(code)
        .. "): the file is truncated or corrupt"
    end,
  }
end

-- Scripts written without spaces between words (aliases get `noboundary`).
local NOSPACE = { Hani = true, Hira = true, Kana = true, Thai = true, Laoo = true, Khmr = true, Mymr = true }

-- flags(alias) -> "flags" | nil when the alias is too short (one code
-- point).  The default gazetteer's rules (tools/mkgazetteer.c): `case` when
-- the letters are all cased and there are at most 3 or all are capitals;
-- `noboundary` for Han/Kana/Thai/Lao/Khmer/Myanmar.
function common.flags(alias)
  local n = utf8.len(alias)
  if not n or n < 2 then return nil end
  local fl = {}
  local nospace = false
  for _, run in ipairs(core.scripts(alias)) do
    if NOSPACE[run.script] then nospace = true end
  end
  local folded = core.fold(alias)                 -- case and marks folded
  local kept = core.fold(alias, "search-case")     -- marks folded, case kept
  local letters, upper, lower = 0, 0, 0
  for _, c in utf8.codes(folded) do
    if c > 127 or string.char(c):find("%a") then letters = letters + 1 end
  end
  if kept ~= folded then   -- some capitals
    -- count capitals as the code points that differ between the two folds
    local a, b = {}, {}
    for _, c in utf8.codes(kept) do a[#a + 1] = c end
    for _, c in utf8.codes(folded) do b[#b + 1] = c end
    for i = 1, math.min(#a, #b) do
      if a[i] ~= b[i] then upper = upper + 1 else lower = lower + 1 end
    end
  end
  if not nospace and letters > 0 and upper > 0 and (letters <= 3 or upper == letters) then fl[#fl + 1] = "case" end
  if nospace then fl[#fl + 1] = "noboundary" end
  return table.concat(fl, ",")
end

-- writer(out, columns) -> w; w:row(fields) writes one TSV line (tabs and
-- line breaks inside values become spaces); w.rows counts them.
function common.writer(out, columns, comment)
  local w = { rows = 0 }
  if comment then
    for line in comment:gmatch("[^\n]+") do out:write("# ", line, "\n") end
  end
  out:write(table.concat(columns, "\t"), "\n")
  function w.row(_, fields)
    local t = {}
    for i, c in ipairs(columns) do
      local v = fields[c]
      if v == nil then v = "" end
      t[i] = tostring(v):gsub("[\t\r\n]", " ")
    end
    assert(out:write(table.concat(t, "\t"), "\n"))
    w.rows = w.rows + 1
  end
  return w
end

-- problems(opts) -> p: p:bad(file, line, what) reports "FILE:LINE: what" on
-- stderr (the first opts.max_messages, default 100, then only counted) and
-- counts a skipped entity.
function common.problems(opts)
  local p = { skipped = 0, max = opts and opts.max_messages or 100, say = opts and opts.say or
    function(s) io.stderr:write(s, "\n") end }
  function p.bad(_, file, line, what)
    p.skipped = p.skipped + 1
    if p.skipped <= p.max then
      p.say(file .. ":" .. line .. ": " .. what)
    elseif p.skipped == p.max + 1 then
      p.say(file .. ": more problems; only their count is reported")
    end
  end
  return p
end

-- progress(quiet) -> function(n, kept [, done]) printing a line on
-- stderr every 2^17 lines and at the end
function common.progress(quiet)
  if quiet then return function() end end
  local clock = os.clock
  local t0 = clock()
  return function(n, kept, done)
    if done or n % 131072 == 0 then
      io.stderr:write(string.format("\rglean: %d lines read, %d entities kept, %.0f s%s", n, kept, clock() - t0,
        done and "\n" or ""))
    end
  end
end

-- the set of a comma-separated list ("en,de") or nil for "all"
function common.set(list)
  if list == nil or list == "" or list == "all" then return nil end
  local s = {}
  for v in list:gmatch("[^,%s]+") do s[v] = true end
  return s
end

return common
