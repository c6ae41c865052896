-- tools/hunspell.lua -- the hunspell program asked which words a dictionary
-- takes (tools/commonwords.lua, tools/mkorgs.lua; load it with
-- dofile(TOOLSDIR .. "/hunspell.lua")).
--
--   accepted(dic, words, as_written) -> set of the words of the list that
--   `hunspell -d DIC -G` takes, each asked as written or else NFKC_CF-folded
--   (most dictionaries list lower-case words); nil, message when hunspell
--   fails.
local glean = require "glean"

-- ask(dic, words, as_written, flag, word_of) -> the set of the words of the
-- list whose form (as written or NFKC_CF-folded) word_of finds in a line of
-- `hunspell -d DIC FLAG`'s answer; nil, message when hunspell fails
local function ask(dic, words, as_written, flag, word_of)
  local function form(w) return as_written and w or glean.normalize(w, "NFKC_CF") end
  local tmp = os.tmpname()
  local out = assert(io.open(tmp, "wb"))
  for _, w in ipairs(words) do out:write(form(w), "\n") end
  out:close()
  local p = io.popen("hunspell -i UTF-8 -d '" .. dic .. "' " .. flag .. " < '" .. tmp .. "' 2>/dev/null")
  local said = {}
  for line in p:lines() do
    local w = word_of(line)
    if w then said[w] = true end
  end
  local ok = p:close()
  os.remove(tmp)
  if not ok then return nil, "hunspell -d " .. dic .. " " .. flag .. " failed" end
  local set = {}
  for _, w in ipairs(words) do
    if said[form(w)] then set[w] = true end
  end
  return set
end

local function accepted(dic, words, as_written)
  return ask(dic, words, as_written, "-G", function(line) return line end)
end

-- stemmed(dic, words, as_written) -> set of the words of the list that
-- `hunspell -d DIC -s` gives a stem for: a dictionary entry or an affixed
-- form of one, not a word hunspell makes by compounding (German de_DE takes
-- `Waldburg`, `Steinbach` as Wald+Burg, Stein+Bach but stems only
-- `Straßen` -> Straße, `Feld`); nil, message when hunspell fails.
local function stemmed(dic, words, as_written)
  return ask(dic, words, as_written, "-s", function(line) return line:match("^(%S+) %S") end)
end

return { accepted = accepted, stemmed = stemmed }
