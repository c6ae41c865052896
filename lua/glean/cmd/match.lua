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

local io, ipairs, tostring, concat = io, ipairs, tostring, table.concat
local format, gsub = string.format, string.gsub

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

local escapes = { ['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }

local function jstr(s)
  return '"' .. gsub(s, '[%c"\\\127]', function(c)
    return escapes[c] or format("\\u%04x", c:byte())
  end) .. '"'
end

local function jsonl(doc, m)
  local parts = {
    '{"doc":', jstr(doc), ',"start":', tostring(m.start), ',"stop":', tostring(m.stop),
    ',"id":', jstr(m.id), ',"type":', jstr(m.type), ',"alias":', jstr(m.alias),
    ',"surface":', jstr(m.surface),
  }
  if m.ambiguous then parts[#parts + 1] = ',"ambiguous":true' end
  local names = gazetteer.attr_names(m)
  if #names > 0 then
    local a = {}
    for i, k in ipairs(names) do a[i] = jstr(k) .. ":" .. jstr(m.attrs[k]) end
    parts[#parts + 1] = ',"attrs":{' .. concat(a, ",") .. "}"
  end
  parts[#parts + 1] = "}\n"
  return concat(parts)
end

local tsv_escapes = { ["\t"] = "\\t", ["\n"] = "\\n", ["\r"] = "\\r", ["\\"] = "\\\\" }

local function tsv(doc, m)
  local f = { doc, m.start, m.stop, m.id, m.type, m.alias, m.surface }
  for i, v in ipairs(f) do f[i] = gsub(tostring(v), "[\t\n\r\\]", tsv_escapes) end
  return concat(f, "\t") .. "\n"
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
  local emit = args.format == "tsv" and tsv or jsonl
  local opts = { overlapping = args.overlapping, invalid = args.invalid }
  local status = 0
  for _, name in ipairs(files) do
    local text, rerr = read(name)
    local ms
    if text then
      opts.lang = args.lang
      if args.lang == "auto" then opts.lang = core.language(text) end
      local sok, res = pcall(gz.find_all, gz, text, opts)
      if sok then ms = res
      else rerr = tostring(res):match("%((.*)%)$") or tostring(res) end
    end
    if not ms then
      io.stderr:write("glean: ", name, ": ", rerr, "\n")
      status = 1
    else
      local buf = {}
      for i, m in ipairs(ms) do
        buf[#buf + 1] = emit(name, m)
        if i % 4096 == 0 then cli.stdout(concat(buf)); buf = {} end
      end
      cli.stdout(concat(buf))
    end
  end
  return status
end

return cmd
