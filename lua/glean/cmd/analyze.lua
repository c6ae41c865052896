-- glean analyze: run the pipeline (language, scripts, sentences, entity
-- mentions, rule annotations, dates) over files, directories or JSON Lines
-- on standard input, and write a report from a template, or one JSON line
-- per document (--format jsonl, a streaming filter for GNU parallel).
--
--   glean analyze samples/ -o report.html
--   glean analyze --format jsonl - < docs.jsonl > documents.jsonl
--
-- Exit status: 0 ran, 1 some document failed (it is in the output with its
-- error) or a rule file failed to load, 2 usage errors (no input, a
-- gazetteer or template that cannot be loaded, an unwritable output).
local analyze = require "glean.analyze"
local report = require "glean.report"

local io, os, ipairs, tostring, string, math = io, os, ipairs, tostring, string, math

local cmd = {}

cmd.describe = "Analyse a folder of news (or JSON Lines) into a report: HTML, Markdown, CSV or JSON Lines."

-- options shared with `glean report`
function cmd.output_options(p)
  p:option("--format", "Output: html, md, csv or jsonl (default: from -o's or --template's extension, else html).")
    :choices({ "html", "md", "csv", "jsonl" })
  p:option("--template", "Render with this Mustache template instead of the default one."):argname("<file>")
  p:option("-o --output", "Write to this file (default: standard output)."):argname("<file>")
  p:option("--max-docs-in-report", "Documents whose text the report shows (the rest are counted).", "200")
    :argname("<n>"):convert(function(s)
      local n = math.tointeger(tonumber(s))
      if not n or n < 0 then return nil, "'" .. s .. "' is not a count" end
      return n
    end)
  p:option("--title", "Report title.", "glean report")
  p:flag("-q --quiet", "No progress line on standard error.")
end

function cmd.configure(p)
  p:argument("inputs", "Files and directories (recursive); - reads JSON Lines "
    .. '{"id","text","date","source"} from standard input.'):args("+")
  p:option("--glob", "Only files whose name matches this pattern in directories (e.g. '*.txt').")
    :argname("<pattern>")
  p:option("-g --gazetteer", "Gazetteer (TSV, CSV or compiled; default: the shipped data/gazetteer.tsv).")
    :argname("<file>")
  p:option("--rules", "Rule directory or file (repeatable; default: the shipped rules/).")
    :count("*"):argname("<dir>")
  cmd.output_options(p)
end

local function warn(prog, msg) io.stderr:write(prog, ": ", msg, "\n") end

-- format from --format, else from the output or template extension
function cmd.pick_format(args)
  if args.format then return args.format end
  for _, name in ipairs({ args.template or "", args.output or "" }) do
    local ext = name:lower():gsub("%.mustache$", ""):match("%.(%w+)$")
    ext = ({ htm = "html", markdown = "md", json = "jsonl" })[ext] or ext
    if ext and report.FORMATS[ext] ~= nil then return ext end
  end
  return "html"
end

local function stderr_is_terminal()
  local ok = os.execute("test -t 2")
  return ok == true or ok == 0
end

-- a progress line: done/total, MB/s, ETA (rewritten in place with \r)
function cmd.progress(enabled, total_docs, total_bytes)
  if not enabled then return { step = function() end, finish = function() end } end
  local t0, last, shown = os.time(), -1, false
  local clock0 = os.clock()
  local p = {}
  function p.step(done, bytes)
    local now = os.clock()
    if now - last < 0.2 and done ~= total_docs then return end
    last = now
    local secs = math.max(now - clock0, 1e-3)
    local rate = bytes / 1e6 / secs
    local line = string.format("glean: %d%s documents, %.1f MB/s", done,
      total_docs and ("/" .. total_docs) or "", rate)
    if total_bytes and total_bytes > 0 and bytes > 0 then
      local eta = (total_bytes - bytes) / (bytes / secs)
      line = line .. string.format(", ETA %d:%02d", math.floor(eta / 60), math.floor(eta % 60))
    end
    io.stderr:write("\r", line, "\27[K")
    shown = true
  end
  function p.finish()
    if shown then io.stderr:write("\n") end
    local _ = t0
  end
  return p
end

-- open(args) -> write function, close function | nil, err
function cmd.open_output(args)
  if not args.output or args.output == "-" then
    return function(s) io.stdout:write(s) end, function() io.stdout:flush() return true end
  end
  local f, err = io.open(args.output, "wb")
  if not f then return nil, "cannot write output (" .. tostring(err) .. ")" end
  return function(s) f:write(s) end, function() return f:close() end
end

-- check the template before any work, so a typo fails in a second
function cmd.check_template(args, format)
  if format == "jsonl" and not args.template then return true end
  local tpl, err = require("glean.template").load(report.template_for({ format = format, template = args.template }))
  if not tpl then return nil, err end
  return true
end

function cmd.run(args)
  local prog = "glean analyze"
  local format = cmd.pick_format(args)
  local ok, terr = cmd.check_template(args, format)
  if not ok then warn(prog, terr); return 2 end
  local an, aerr = analyze.new({ gazetteer = args.gazetteer, rules = args.rules })
  if not an then warn(prog, aerr); return 2 end
  local status = 0
  for _, w in ipairs(aerr or {}) do warn(prog, w); status = 1 end

  -- inputs: files listed up front (for totals), stdin streamed
  local groups, stdin, ndocs, total_bytes = {}, false, 0, 0
  for i, p in ipairs(args.inputs) do
    if p == "-" then
      stdin = true
    else
      groups[i] = analyze.expand({ p }, args.glob)
      ndocs = ndocs + #groups[i]
      for _, e in ipairs(groups[i]) do total_bytes = total_bytes + (e.size or 0) end
    end
  end
  local progress = cmd.progress(not args.quiet and stderr_is_terminal(),
    (not stdin) and ndocs or nil, (not stdin) and total_bytes or nil)

  local write, close = cmd.open_output(args)
  if not write then warn(prog, close); return 2 end

  local streaming = format == "jsonl" and not args.template
  local agg = analyze.aggregator({
    keep_texts = args.max_docs_in_report,
    keep_mentions = format == "csv" or args.template ~= nil,
  })
  local done, bytes, failed = 0, 0, 0
  local function handle(doc)
    local rec = an:document(doc)
    done = done + 1
    bytes = bytes + (rec.bytes or 0)
    if rec.status ~= "ok" then status = 1; failed = failed + 1 end
    if streaming then
      write(analyze.encode(rec))
      write("\n")
      if stdin then io.stdout:flush() end
    else
      agg:add(rec)
    end
    progress.step(done, bytes)
  end
  -- inputs in the order given; "-" where it stands
  for i, p in ipairs(args.inputs) do
    if p == "-" then
      for doc in analyze.jsonl(io.stdin, "stdin") do handle(doc) end
    else
      for doc in analyze.files(groups[i]) do handle(doc) end
    end
  end
  progress.finish()
  if not streaming then
    local out, rerr = report.render(agg, { format = format, template = args.template, title = args.title })
    if not out then warn(prog, rerr); close(); return 2 end
    write(out)
  end
  local cok, cerr = close()
  if not cok then warn(prog, tostring(cerr)); return 2 end
  if args.output and not args.quiet and stderr_is_terminal() then
    io.stderr:write(string.format("glean: %d documents (%d failed) -> %s\n", done, failed, args.output))
  end
  return status
end

return cmd
