-- glean rules: run the rule packs (rules/*.lua or --rules DIR) over files,
-- list the loaded rules, or run the examples each rule carries.
local rules = require "glean.rules"
local cli = require "glean.cli"
local entities = require "glean.entities"

local io, ipairs, string, table, tostring, type, pairs = io, ipairs, string, table, tostring, type, pairs

local cmd = {}

cmd.describe = "Annotate dates, numbers, web artefacts and boilerplate with rule packs."

function cmd.configure(p)
  p:option("--rules", "Rule directory or file (repeatable; default: the shipped rules/).")
    :count("*"):argname("<dir>")
  p:option("--format", "Output format: jsonl or tsv.", "jsonl"):choices({ "jsonl", "tsv" })
  p:option("--lang", "Only rules for these languages (comma-separated, e.g. de,fa).")
  p:flag("--keep-going", "Load the good rules even when others fail to load.")
  p:flag("--list", "List the loaded rules with file, line, kind and description.")
  p:flag("--test", "Run each rule's examples; print pass/fail per rule (and per cue list: the shipped "
    .. "data/cues when no --rules is given, and every --cues file).")
  p:option("--cues", "Cue or name list whose examples --test runs too (repeatable).")
    :count("*"):argname("<file>")
  p:argument("files", "Text files (UTF-8); - reads stdin."):args("*")
end

-- JSON encoding by hand keeps key order stable (start, stop, rule, ...)
local function json(v)
  local t = type(v)
  if t == "nil" then return "null" end
  if t == "boolean" then return tostring(v) end
  if t == "number" then
    if v ~= v or v == math.huge or v == -math.huge then return "null" end
    if math.type(v) == "integer" then return string.format("%d", v) end
    return string.format("%.17g", v)
  end
  if t == "string" then
    return '"' .. v:gsub('[%c"\\]', function(c)
      local map = { ['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }
      return map[c] or string.format("\\u%04x", c:byte())
    end) .. '"'
  end
  if #v > 0 then
    local parts = {}
    for i = 1, #v do parts[i] = json(v[i]) end
    return "[" .. table.concat(parts, ",") .. "]"
  end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = tostring(k) end
  table.sort(keys)
  local parts = {}
  for _, k in ipairs(keys) do parts[#parts + 1] = json(k) .. ":" .. json(v[k]) end
  return "{" .. table.concat(parts, ",") .. "}"
end
cmd.json = json

local function tsv_field(s)
  return (tostring(s):gsub("[\t\n\r\\]", { ["\t"] = "\\t", ["\n"] = "\\n", ["\r"] = "\\r", ["\\"] = "\\\\" }))
end

local function report_errors(errs)
  for _, e in ipairs(errs or {}) do io.stderr:write("glean rules: ", e, "\n") end
end

-- cue_examples(kb, only) -> the results of the cue lists' examples
-- (glean.entities.test) grouped by list file, in the order met: { file =,
-- count =, failures = { "line N: text: what" } }.  only: the files and
-- directories whose lists count (false: every list)
local function cue_examples(kb, only)
  local function wanted(file)
    if not only then return true end
    for _, m in ipairs(only) do
      if file == m or file:sub(1, #m + 1) == m .. "/" then return true end
    end
    return false
  end
  local by_file = {}
  for _, res in ipairs(entities.test(kb)) do
    if wanted(res.file) then
      local f = by_file[res.file]
      if not f then
        f = { file = res.file, count = 0, failures = {} }
        by_file[res.file] = f
        by_file[#by_file + 1] = f
      end
      f.count = f.count + 1
      for _, msg in ipairs(res.failures) do
        f.failures[#f.failures + 1] = string.format("line %d: %s: %s", res.line, res.text, msg)
      end
    end
  end
  return by_file
end

function cmd.run(args)
  local dirs = (args.rules and #args.rules > 0) and args.rules or { rules.default_dir() }
  -- --test reports every example itself, so loading does not check them
  local engine, errs = rules.load(dirs, { keep_going = args.keep_going, check_examples = not args.test })
  report_errors(errs)
  if not engine then
    io.stderr:write("glean rules: rules not loaded (", #errs, " error", #errs == 1 and "" or "s",
      "; --keep-going loads the rest)\n")
    return 1
  end
  local status = errs and 1 or 0
  if args.list then
    for _, r in ipairs(engine.list) do
      cli.stdout(string.format("%s\t%s:%d\t%s\t%s\n", r.name, r.file, r.line, r.kind, r.description))
    end
    return status
  end
  if args.test then
    local passed, failed = 0, 0
    for _, res in ipairs(engine:test()) do
      if res.passed then
        passed = passed + 1
        cli.stdout(string.format("pass  %s (%s:%d, %d examples)\n", res.rule, res.file, res.line, res.count))
      else
        failed = failed + 1
        cli.stdout(string.format("FAIL  %s (%s:%d)\n", res.rule, res.file, res.line))
        for _, f in ipairs(res.failures) do cli.stdout("        ", f, "\n") end
      end
    end
    -- the examples of the cue lists (data/cues/*.tsv, docs/recognition.md):
    -- the shipped ones when the shipped packs are tested, and the analyst's
    local mine = args.cues or {}
    local shipped = not (args.rules and #args.rules > 0)
    if shipped or #mine > 0 then   -- (a pack of one's own alone: its rules only)
      local kb, kerr = entities.load { extra = mine }
      if not kb then
        io.stderr:write("glean rules: ", tostring(kerr), "\n")
        failed = failed + 1
      else
        for _, f in ipairs(cue_examples(kb, not shipped and mine)) do
          if #f.failures == 0 then
            passed = passed + 1
            cli.stdout(string.format("pass  cue examples (%s, %d examples)\n", f.file, f.count))
          else
            failed = failed + 1
            cli.stdout(string.format("FAIL  cue examples (%s)\n", f.file))
            for _, msg in ipairs(f.failures) do cli.stdout("        ", msg, "\n") end
          end
        end
      end
    end
    cli.stdout(string.format("%d passed, %d failed\n", passed, failed))
    return (failed > 0 or errs) and 1 or 0
  end
  if #args.files == 0 then
    io.stderr:write("glean rules: no input files (give FILE..., or --list / --test)\n")
    return 2
  end
  local opts = {}
  if args.lang then
    opts.languages = {}
    for l in args.lang:gmatch("[^,%s]+") do opts.languages[#opts.languages + 1] = l end
  end
  for _, name in ipairs(args.files) do
    local f, err
    if name == "-" then f = io.stdin else f, err = io.open(name, "rb") end
    if not f then
      io.stderr:write("glean rules: ", tostring(err), "\n")
      status = 1
    else
      local text = f:read("a")
      if f ~= io.stdin then f:close() end
      local anns, verrs = engine:scan(text, opts)
      report_errors(verrs)
      if verrs then status = 1 end
      for _, a in ipairs(anns) do
        if args.format == "tsv" then
          cli.stdout(table.concat({ tsv_field(name), a.start, a.stop, tsv_field(a.rule), tsv_field(a.kind),
            tsv_field(a.surface), tsv_field(type(a.value) == "table" and json(a.value) or a.value) }, "\t"), "\n")
        else
          cli.stdout(json({ file = name }):sub(1, -2), ",", '"start":', a.start, ',"stop":', a.stop,
            ',"rule":', json(a.rule), ',"kind":', json(a.kind), ',"surface":', json(a.surface),
            ',"value":', json(a.value), "}\n")
        end
      end
    end
  end
  return status
end

return cmd
