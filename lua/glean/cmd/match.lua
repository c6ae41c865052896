-- glean match: find the aliases of a gazetteer in text files.
--
--   glean match [--gazetteer places.tsv] [--format jsonl|tsv] [--overlapping] FILE...
--
-- jsonl: one object per match, keys in the order doc, start, stop, id, type,
-- alias, surface, then ambiguous (only when true) and attrs (only when the
-- alias has attributes).  tsv: doc, start, stop, id, type, alias, surface.
-- Exit status: 0 ran (even with no matches), 1 some input failed (reported
-- on stderr as "glean: FILE: what"; the other files are still processed),
-- 2 usage errors, including a gazetteer that cannot be loaded.
local gazetteer = require "glean.gazetteer"
local core = require "glean.core"
local cli = require "glean.cli"

local io, ipairs, tostring = io, ipairs, tostring
local gsub = string.gsub

local cmd = {}

cmd.describe = "Find the entities of a gazetteer (TSV, CSV or compiled .glz) in text."

function cmd.configure(p)
  p:option("-g --gazetteer", "Gazetteer: TSV or CSV with id, type, alias [, flags, attributes], or a compiled file "
    .. "(default: the shipped data/gazetteer.tsv, as for analyze).")
    :argname("<file>"):args(1)
  p:option("--format", "Output format: jsonl or tsv.", "jsonl"):choices({ "jsonl", "tsv" })
  p:flag("--overlapping", "Report every match, not only the leftmost-longest ones.")
  p:option("--invalid", "Invalid UTF-8 in the text: error (skip the file) or replace.", "error")
    :choices({ "error", "replace" })
  p:option("--profile", "Fold profile: search (default) or search-case.")
  p:option("--lang", "Language of the texts (ru, de...; auto: detect per file): inflected forms of aliases "
    .. "without lang and 'langonly' aliases depend on it.")
  p:option("--inflection", "Directory of inflection profiles (default: the shipped data/inflection; none: no forms).")
    :argname("<dir>")
  p:option("--save", "Also save the compiled gazetteer to this file (opens in milliseconds).")
    :argname("<file>")
  p:argument("files", "Text files (UTF-8); - or none reads standard input."):args("*")
end

local function read(name)
  if name == "-" then
    local s = io.stdin:read("a")
    if s == nil then return nil, "cannot read standard input" end
    return s
  end
  local f, err = io.open(name, "rb")
  if not f then return nil, (gsub(err, "^" .. gsub(name, "%p", "%%%0") .. ": ", "")) end
  local s, rerr = f:read("a")
  f:close()
  if s == nil then return nil, rerr or "read error" end
  return s
end

function cmd.run(args)
  args.gazetteer = args.gazetteer or gazetteer.default_path()
  local infl = args.inflection
  if infl == "none" then infl = false end
  local gz, err = gazetteer.load(args.gazetteer, { profile = args.profile, inflection = infl })
  if not gz then
    for line in (err .. "\n"):gmatch("(.-)\n") do io.stderr:write("glean: ", line, "\n") end
    return 2
  end
  local ok, cerr = pcall(gz.compile, gz)
  if not ok then
    io.stderr:write("glean: ", args.gazetteer, ": ", tostring(cerr), "\n")
    return 2
  end
  if args.save then
    local saved, serr = gz:save(args.save)
    if not saved then
      io.stderr:write("glean: ", serr, "\n")
      return 1
    end
  end
  local files = args.files
  if #files == 0 then files = { "-" } end
  local opts = { overlapping = args.overlapping, invalid = args.invalid }
  local status = 0
  for _, name in ipairs(files) do
    local text, rerr = read(name)
    if text then
      opts.lang = args.lang
      if args.lang == "auto" then opts.lang = core.language(text) end
      -- the lines are made in C (gz:write_matches) and written in chunks: the
      -- scan raises before anything of the file is written
      local sok, res = pcall(gz.write_matches, gz, text, opts, args.format, name, cli.stdout)
      if not sok then rerr, text = tostring(res):match("%((.*)%)$") or tostring(res), nil end
    end
    if not text then
      io.stderr:write("glean: ", name, ": ", rerr, "\n")
      status = 1
    end
  end
  return status
end

return cmd
