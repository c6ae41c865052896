-- glean.config: which gazetteers and rule packs a run uses, in layers.
--
--   1. the shipped default (data/gazetteer.tsv, rules/), unless
--      --no-default-gazetteer / --no-default-rules;
--   2. the user's personal files, picked up by default: under
--      $XDG_CONFIG_HOME/glean (else ~/.config/glean), every *.tsv / *.csv /
--      *.glz in gazetteers/ (sorted by name), the rules/ directory and the
--      cues/ directory (cue and name lists, docs/recognition.md);
--      GLEAN_NO_USER_CONFIG=1 leaves them out;
--   3. the files given on the command line (-g FILE, --rules DIR, --cues
--      FILE), in order.
-- Later layers win for the labels and attributes of an id that several name;
-- all their aliases and rules are used.
local paths = require "glean.paths"

local os, ipairs, table = os, ipairs, table

local config = {}

-- the user's configuration directory (it may not exist)
function config.user_dir()
  local xdg = os.getenv("XDG_CONFIG_HOME")
  if xdg and xdg ~= "" then return xdg .. "/glean" end
  local home = os.getenv("HOME")
  if home and home ~= "" then return home .. "/.config/glean" end
  return nil
end

-- personal() -> { gazetteers = {...}, rules = {...} } (files that exist)
function config.personal()
  local dir = config.user_dir()
  local t = { gazetteers = {}, rules = {}, cues = {} }
  if not dir or os.getenv("GLEAN_NO_USER_CONFIG") == "1" then return t end
  -- not hidden files (an editor's or a sync tool's), any case of the ending
  for _, name in ipairs(paths.list_dir(dir .. "/gazetteers") or {}) do
    local lname = name:lower()
    if name:sub(1, 1) ~= "." and (lname:match("%.tsv$") or lname:match("%.csv$") or lname:match("%.glz$")) then
      t.gazetteers[#t.gazetteers + 1] = dir .. "/gazetteers/" .. name
    end
  end
  if paths.is_dir(dir .. "/rules") then t.rules[1] = dir .. "/rules" end
  if paths.is_dir(dir .. "/cues") then t.cues[1] = dir .. "/cues" end
  return t
end

-- setup(opts) -> { gazetteers = {path...}, rules = {dir...}, sources = {path -> "default"|"personal"|"command line"} }
-- opts.gazetteers, opts.rules: lists from the command line;
-- opts.no_default_gazetteer, opts.no_default_rules: booleans.
function config.setup(opts)
  opts = opts or {}
  local personal = config.personal()
  local s = { gazetteers = {}, rules = {}, cues = {}, sources = {} }
  local function add(list, path, source)
    list[#list + 1] = path
    s.sources[path] = s.sources[path] or source
  end
  if not opts.no_default_gazetteer then add(s.gazetteers, paths.home() .. "/data/gazetteer.tsv", "default") end
  for _, f in ipairs(personal.gazetteers) do add(s.gazetteers, f, "personal") end
  for _, f in ipairs(opts.gazetteers or {}) do add(s.gazetteers, f, "command line") end
  if not opts.no_default_rules then add(s.rules, paths.home() .. "/rules", "default") end
  for _, f in ipairs(personal.rules) do add(s.rules, f, "personal") end
  for _, f in ipairs(opts.rules or {}) do add(s.rules, f, "command line") end
  for _, f in ipairs(personal.cues) do add(s.cues, f, "personal") end
  for _, f in ipairs(opts.cues or {}) do add(s.cues, f, "command line") end
  return s
end

-- explain(setup) -> text listing the layers, for `glean analyze --explain-setup`
function config.explain(s)
  local out = { "gazetteers (later layers win for an id's label and attributes):" }
  if #s.gazetteers == 0 then out[#out + 1] = "  (none)" end
  for i, g in ipairs(s.gazetteers) do out[#out + 1] = ("  %d. %s (%s)"):format(i, g, s.sources[g]) end
  out[#out + 1] = "rule packs:"
  if #s.rules == 0 then out[#out + 1] = "  (none)" end
  for i, r in ipairs(s.rules) do out[#out + 1] = ("  %d. %s (%s)"):format(i, r, s.sources[r]) end
  out[#out + 1] = "cue and name lists (people and organisations):"
  out[#out + 1] = "  1. " .. paths.home() .. "/data/cues, data/names (shipped)"
  for i, c in ipairs(s.cues or {}) do out[#out + 1] = ("  %d. %s (%s)"):format(i + 1, c, s.sources[c]) end
  out[#out + 1] = "personal configuration directory: " .. (config.user_dir() or "(no HOME)")
  return table.concat(out, "\n") .. "\n"
end

return config
