-- glean gazetteer: build, compile and inspect gazetteers.
--
--   glean gazetteer import wikidata DUMP.json[.gz|.bz2] -o OUT.tsv [--types person,org,place]
--                   [--langs en,de,...] [--min-sitelinks N] [--keep-going] [-q]
--   glean gazetteer import geonames allCountries.txt [alternateNamesV2.txt] -o OUT.tsv
--                   [--min-population N] [--classes P,A] [--langs ...] [--keep-going] [-q]
--   glean gazetteer compile IN... -o OUT.glz
--   glean gazetteer stats FILE...
--
-- Importers report bad input as "FILE:LINE: what" on stderr, import the
-- rest, and end with the count of skipped entities; the exit status is 1
-- when anything was skipped unless --keep-going, 1 when a compressed dump
-- was truncated (the decompressor failed), 2 for usage errors.
local gazetteer = require "glean.gazetteer"

local io, os, ipairs, pairs, tostring, tonumber, math, string, table =
  io, os, ipairs, pairs, tostring, tonumber, math, string, table

local cmd = {}

cmd.describe = "Import Wikidata/GeoNames dumps into gazetteers, compile gazetteers, count what they hold."

local function count_arg(s)
  local n = math.tointeger(tonumber(s))
  if not n or n < 0 then return nil, "'" .. s .. "' is not a count" end
  return n
end

function cmd.configure(p)
  p:command_target("gazetteer_command")
  local imp = p:command("import", "Convert a knowledge-base dump into a glean gazetteer (TSV).")
  imp:command_target("source")
  local wd = imp:command("wikidata", "The Wikidata JSON dump (latest-all.json.gz or .bz2, or uncompressed).")
  wd:argument("dump", "The dump file (.json, .json.gz, .json.bz2; - for standard input).")
  wd:option("--types", "Entity types: person, org, place, and TYPE:Q123 to add a P31 class.", "person,org,place")
  wd:option("--langs", "Languages of labels and aliases, comma-separated (default: all).")
  wd:option("--min-sitelinks", "Keep entities with at least this many sitelinks.", "0"):convert(count_arg)
  local gn = imp:command("geonames", "The GeoNames dump (allCountries.txt or citiesN.txt [+ alternateNamesV2.txt]).")
  gn:argument("places", "allCountries.txt, cities500.txt, ... (the geoname table).")
  gn:argument("altnames", "alternateNamesV2.txt (language-tagged names).", nil):args("?")
  gn:option("--min-population", "Keep places with at least this many inhabitants (capitals always).", "15000")
    :convert(count_arg)
  gn:option("--classes", "GeoNames feature classes to keep (P populated places, A administrative areas).", "P,A")
  gn:option("--langs", "Languages of the alternate names, comma-separated (default: all).")
  for _, c in ipairs { wd, gn } do
    c:option("-o --output", "The gazetteer to write (TSV)."):argname("<file>"):count(1)
    c:flag("--keep-going", "Exit 0 even when entities were skipped for bad input.")
    c:flag("-q --quiet", "No progress line on standard error.")
  end
  local comp = p:command("compile", "Merge gazetteers (later files win for the same id) into a compiled .glz.")
  comp:argument("inputs", "Gazetteers (TSV, CSV or compiled)."):args("+")
  comp:option("-o --output", "The compiled file to write."):argname("<file>"):count(1)
  comp:option("--profile", "Fold profile: search (default) or search-case.")
  local st = p:command("stats", "Count entities and aliases by type, language, script and flag.")
  st:argument("files", "Gazetteers (TSV, CSV or compiled)."):args("+")
end

local function say(s) io.stderr:write("glean: ", s, "\n") end

local function run_import(args)
  local out, err = io.open(args.output, "wb")
  if not out then say("cannot write " .. args.output .. " (" .. tostring(err) .. ")"); return 2 end
  local stats
  if args.source == "wikidata" then
    stats, err = require("glean.importers.wikidata").import(args.dump, out, {
      types = args.types, langs = args.langs, min_sitelinks = args.min_sitelinks, quiet = args.quiet,
      say = say,
      comment = "glean gazetteer imported from the Wikidata JSON dump " .. args.dump:match("[^/]*$")
        .. " (CC0)\ntypes " .. args.types .. "; langs " .. (args.langs or "all") .. "; min sitelinks "
        .. args.min_sitelinks,
    })
  else
    stats, err = require("glean.importers.geonames").import(args.places, args.altnames, out, {
      min_population = args.min_population, classes = args.classes, langs = args.langs, quiet = args.quiet,
      say = say,
      comment = "glean gazetteer imported from the GeoNames dump (CC-BY 4.0, https://www.geonames.org/)\n"
        .. "min population " .. args.min_population .. "; classes " .. args.classes .. "; langs "
        .. (args.langs or "all"),
    })
  end
  local closed, cerr = out:close()
  if not stats then   -- nothing imported (no dump, bad option): no output file either
    os.remove(args.output)
    say(tostring(err))
    return 2
  end
  if not closed then say("cannot write " .. args.output .. " (" .. tostring(cerr) .. ")"); return 1 end
  if stats.truncated then say(stats.truncated) end
  say(string.format("%s: %d entities kept, %d rows written, %d entities skipped for bad input",
    args.output, stats.kept, stats.rows, stats.skipped))
  if stats.truncated then return 1 end   -- the import is incomplete, --keep-going or not
  if stats.skipped > 0 and not args.keep_going then return 1 end
  return 0
end

local function run_compile(args)
  local gz, err
  if #args.inputs == 1 then
    gz, err = gazetteer.load(args.inputs[1], { profile = args.profile })
  else
    local rows
    rows, err = gazetteer.merged_rows(args.inputs)
    if rows then gz, err = gazetteer.from_rows(rows, { profile = args.profile }) end
  end
  if not gz then
    for line in tostring(err):gmatch("[^\n]+") do say(line) end
    return 2
  end
  local ok, serr = gz:save(args.output)
  if not ok then say(tostring(serr)); return 1 end
  local aliases, entities = gz:count()
  say(string.format("%s: %d aliases of %d entities", args.output, aliases, entities))
  return 0
end

-- ---------------------------------------------------------------------
-- stats

local function sorted_counts(t)
  local k = {}
  for name in pairs(t) do k[#k + 1] = name end
  table.sort(k, function(a, b) if t[a] ~= t[b] then return t[a] > t[b] end return a < b end)
  return k
end

local function print_table(title, t, limit)
  io.stdout:write(title, ":\n")
  for i, k in ipairs(sorted_counts(t)) do
    if limit and i > limit then
      local rest = 0
      for j = i, #sorted_counts(t) do rest = rest + t[sorted_counts(t)[j]] end
      io.stdout:write(string.format("  %-14s %9d\n", "(others)", rest))
      break
    end
    io.stdout:write(string.format("  %-14s %9d\n", k == "" and "(none)" or k, t[k]))
  end
end

local function run_stats(args)
  local is_compiled = require("glean.core")._gazetteer_is_compiled
  local status = 0
  for _, path in ipairs(args.files) do
    local rows, err
    if is_compiled(path) then   -- its rows as written, with the attributes compile merged in
      local gz
      gz, err = gazetteer.open(path)
      rows = gz and gz:aliases()
    else
      rows, err = gazetteer.rows(path)
    end
    if not rows then
      for line in tostring(err):gmatch("[^\n]+") do say(line) end
      status = 1
    else
      local s = gazetteer.stats(rows)
      io.stdout:write(path, ": ", s.aliases, " aliases, ", s.entities, " entities\n")
      print_table("entities by type", s.types)
      print_table("aliases by language", s.langs, 30)
      print_table("aliases by script", s.scripts)
      print_table("aliases by flag", s.flags)
    end
  end
  return status
end

function cmd.run(args)
  if args.gazetteer_command == "import" or args.import then return run_import(args) end
  if args.compile then return run_compile(args) end
  return run_stats(args)
end

return cmd
