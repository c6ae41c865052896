-- glean eval: run the analyze pipeline over documents (or read saved
-- `analyze --format jsonl` output) and score its mentions against a gold
-- file; or build the gold file from annotations written in reading order.
--
--   glean eval --gold gold.tsv eval/dev/*-[12].txt --show-errors 10
--   glean eval --gold gold.tsv --predictions documents.jsonl
--   glean eval --build-gold eval/dev/annotations/*.txt -- eval/dev/*.txt -o gold.tsv
--
-- Exit status: 0 scored (or gold built), 1 some document failed to
-- analyse (scored with no mentions), 2 usage errors, a malformed gold file,
-- a gold document not given, offsets that do not match the document, or
-- annotations that cannot be placed.
local analyze = require "glean.analyze"
local inputs = require "glean.inputs"
local record = require "glean.record"
local eval = require "glean.eval"
local cli = require "glean.cli"

local io, ipairs, pairs, type, tostring, tonumber, math = io, ipairs, pairs, type, tostring, tonumber, math

local cmd = {}

cmd.describe = "Score recognition against a gold standard (or build the gold from annotations)."

function cmd.configure(p)
  p:argument("docs", "Documents (files or directories, recursive) the gold file names by base name."):args("*")
  p:option("--gold", "Gold file (TSV: doc start stop type surface canonical optional)."):argname("<file>")
  p:option("--predictions", "Score this saved 'glean analyze --format jsonl' output instead of running "
    .. "the pipeline (texts from DOCS when given, else from the records)."):argname("<file>")
  cli.pipeline_options(p)
  p:option("--format", "Output: text (a table, the summary line last), json (every figure) or tsv.", "text")
    :choices({ "text", "json", "tsv" })
  p:option("--show-errors", "List up to N misses and spurious mentions per language.")
    :argname("<n>"):convert(function(s)
      local n = math.tointeger(tonumber(s))
      if not n or n < 0 then return nil, "'" .. s .. "' is not a count" end
      return n
    end)
  p:option("--by", "Breakdown rows: lang, type, doc (repeatable or comma-separated; default lang,type).")
    :count("*"):argname("<what>")
  p:flag("--only-given", "Score only the gold rows of the documents given (others are skipped, with a note).")
  p:option("--build-gold", "Build the gold file from these annotation files ('## FILE' headers, "
    .. "'TYPE | surface | canonical [| 1]' lines) and the documents given after '--'."):args("+")
    :argname("<annotations>")
  p:option("-o --output", "Write to this file (default: standard output)."):argname("<file>")
end

local PROG = "glean eval"
local function warn(msg) io.stderr:write(PROG, ": ", msg, "\n") end

local function read_all(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, tostring(err) end
  local s = f:read("a")
  f:close()
  return s
end

local function write_out(args, s)
  if not args.output or args.output == "-" then
    cli.stdout(s)
    return true
  end
  return cli.write_file(args.output, s)
end

-- documents given: list of { name =, path =, text = } in order | nil, errors
local function read_docs(args)
  local docs, byname, errs = {}, {}, {}
  for doc in inputs.files(inputs.expand(args.docs, args.glob)) do
    local name = eval.base_name(doc.path)
    if doc.error then
      errs[#errs + 1] = doc.error
    elseif byname[name] then
      errs[#errs + 1] = doc.path .. ": same file name as " .. byname[name].path
        .. " (documents are matched by base name)"
    else
      local d = { name = name, path = doc.path, text = doc.text, doc = doc }
      byname[name] = d
      docs[#docs + 1] = d
    end
  end
  if #errs > 0 then return nil, errs end
  return docs, byname
end

local function fail(errs)
  for _, e in ipairs(errs) do warn(e) end
  return 2
end

local function build_gold(args)
  if #args.docs == 0 then
    warn("--build-gold needs the documents: --build-gold ANNOTATIONS... -- DOCS...")
    return 2
  end
  local docs, byname = read_docs(args)
  if not docs then return fail(byname) end
  local texts = {}
  for name, d in pairs(byname) do texts[name] = d.text end
  local anns = {}
  for _, path in ipairs(args.build_gold) do
    local text, err = read_all(path)
    if not text then return fail({ path .. ": " .. err }) end
    anns[#anns + 1] = { name = path, text = text }
  end
  local rows, errs = eval.build_gold(anns, texts)
  if #errs > 0 then
    fail(errs)
    warn(#errs .. " annotation error" .. (#errs == 1 and "" or "s") .. "; no gold written")
    return 2
  end
  local ok, err = write_out(args, eval.gold_tsv(rows))
  if not ok then warn(err); return 2 end
  return 0
end

-- records from a saved jsonl file keyed by base name | nil, errors
local function read_predictions(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, { path .. ": " .. tostring(err) } end
  local recs, order, errs, n = {}, {}, {}, 0
  for line in f:lines() do
    n = n + 1
    if line:find("%S") then
      local rec, derr = record.decode(line)
      if not rec then
        errs[#errs + 1] = path .. ":" .. n .. ": invalid JSON (" .. tostring(derr) .. ")"
      else
        local name = eval.base_name(rec.path or rec.id or "")
        if name == "" then
          errs[#errs + 1] = path .. ":" .. n .. ": record without id or path"
        elseif recs[name] then
          errs[#errs + 1] = path .. ":" .. n .. ": second record for '" .. name .. "'"
        else
          recs[name] = rec
          order[#order + 1] = name
        end
      end
    end
  end
  f:close()
  if #errs > 0 then return nil, errs end
  return recs, order
end

local function by_set(list)
  if not list or #list == 0 then return nil end
  local set = {}
  for _, v in ipairs(list) do
    for w in v:gmatch("[^,%s]+") do
      if w ~= "lang" and w ~= "type" and w ~= "doc" then return nil, "--by: '" .. w .. "' is not lang, type or doc" end
      set[w] = true
    end
  end
  return set
end

function cmd.run(args)
  if args.explain_setup then io.stdout:write(require("glean.config").explain(cli.pipeline_setup(args))); return 0 end
  if args.build_gold then return build_gold(args) end
  if not args.gold then warn("--gold is required (or --build-gold)"); return 2 end
  local by, berr = by_set(args.by)
  if berr then warn(berr); return 2 end
  if #args.docs == 0 and not args.predictions then warn("no documents given"); return 2 end

  local gtext, gerr = read_all(args.gold)
  if not gtext then warn(args.gold .. ": " .. gerr); return 2 end
  local gold, perrs = eval.parse_gold(gtext, args.gold)
  if not gold then return fail(perrs) end

  -- the documents: files given, else the saved records
  local docs, byname = {}, {}
  if #args.docs > 0 then
    local d, b = read_docs(args)
    if not d then return fail(b) end
    docs, byname = d, b
  end
  local recs
  if args.predictions then
    local r, order = read_predictions(args.predictions)
    if not r then return fail(order) end
    recs = r
    if #args.docs == 0 then
      for _, name in ipairs(order) do
        local d = { name = name, text = r[name].text }
        if type(d.text) ~= "string" then
          return fail({ args.predictions .. ": record '" .. name .. "' carries no text; give the documents too" })
        end
        docs[#docs + 1] = d
        byname[name] = d
      end
    end
  end

  -- every gold document given, every row on the document's bytes
  local errs, skipped, texts = {}, {}, {}
  for name, d in pairs(byname) do texts[name] = d.text end
  local doc_order = {}
  for _, r in ipairs(gold.rows) do
    if not byname[r.doc] and not skipped[r.doc] then
      skipped[r.doc] = true
      doc_order[#doc_order + 1] = r.doc
      if not args.only_given then
        errs[#errs + 1] = gold.name .. ":" .. r.line .. ": document '" .. r.doc .. "' is not among the documents given"
      end
    end
  end
  if #errs > 0 then return fail(errs) end
  local ok, oerrs = eval.check_offsets(gold, texts)
  if not ok then return fail(oerrs) end

  -- predictions: run the pipeline, or the saved records
  local status = 0
  local an
  if not recs then
    local aerr
    local popts, perr = cli.pipeline_config(args)
    if not popts then warn(perr); return 2 end
    an, aerr = analyze.new(popts)
    if not an then warn(aerr); return 2 end
    for _, w in ipairs(aerr or {}) do warn(w); status = 1 end
  end
  local scored, no_gold = {}, 0
  for _, d in ipairs(docs) do
    local rec
    if recs then
      rec = recs[d.name]
      if not rec then return fail({ args.predictions .. ": no record for '" .. d.name .. "'" }) end
    else
      rec = an:document(d.doc)
    end
    if rec.status and rec.status ~= "ok" then
      warn(tostring(rec.error or (d.name .. ": failed")) .. " (scored with no mentions)")
      status = 1
    end
    if not gold.by_doc[d.name] then no_gold = no_gold + 1 end
    scored[#scored + 1] = { name = d.name, lang = eval.lang_of(d.name, rec.lang), text = d.text,
                            gold = gold.by_doc[d.name] or {}, mentions = rec.mentions or {} }
  end
  local res = eval.score(scored)
  res.notes = {}
  if #doc_order > 0 then
    res.notes[#res.notes + 1] = #doc_order .. " gold document" .. (#doc_order == 1 and "" or "s")
      .. " not given, skipped (--only-given)"
  end
  if no_gold > 0 then
    res.notes[#res.notes + 1] = no_gold .. " document" .. (no_gold == 1 and "" or "s")
      .. " without gold rows (all their predictions count as spurious)"
  end
  local opts = { by = by, show_errors = args.show_errors }
  local out
  if args.format == "json" then out = eval.json(res, opts)
  elseif args.format == "tsv" then out = eval.tsv(res, opts)
  else out = eval.text(res, opts) end
  local wok, werr = write_out(args, out)
  if not wok then warn(werr); return 2 end
  return status
end

return cmd
