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
local inputs = require "glean.inputs"
local record = require "glean.record"
local aggregate = require "glean.aggregate"
local report = require "glean.report"
local cli = require "glean.cli"

local io, os, ipairs, tostring = io, os, ipairs, tostring

local cmd = {}

cmd.describe = "Analyse a folder of news (or JSON Lines) into a report: HTML, Markdown, CSV or JSON Lines."

function cmd.configure(p)
  p:argument("inputs", "Files and directories (recursive); - reads JSON Lines "
    .. '{"id","text","date","source"} from standard input.'):args("+")
  cli.pipeline_options(p)
  cli.output_options(p)
end

local function warn(prog, msg) io.stderr:write(prog, ": ", msg, "\n") end

function cmd.run(args)
  local prog = "glean analyze"
  local format, ferr = cli.pick_format(args)
  if not format then warn(prog, ferr); return 2 end
  local ok, terr = cli.check_template(args, format)
  if not ok then warn(prog, terr); return 2 end
  local an, aerr = analyze.new(cli.pipeline_config(args))
  if not an then warn(prog, aerr); return 2 end
  local status = 0
  for _, w in ipairs(aerr or {}) do warn(prog, w); status = 1 end

  -- inputs: files listed up front (for totals), stdin streamed
  local groups, stdin, ndocs, total_bytes = {}, false, 0, 0
  for i, p in ipairs(args.inputs) do
    if p == "-" then
      stdin = true
    else
      groups[i] = inputs.expand({ p }, args.glob)
      ndocs = ndocs + #groups[i]
      for _, e in ipairs(groups[i]) do total_bytes = total_bytes + (e.size or 0) end
    end
  end
  local progress = cli.progress(not args.quiet and cli.stderr_is_terminal(),
    (not stdin) and ndocs or nil, (not stdin) and total_bytes or nil)

  local write, close = cli.open_output(args)
  if not write then warn(prog, close); return 2 end

  local streaming = format == "jsonl" and not args.template
  local agg = aggregate.new({
    keep_texts = args.max_docs_in_report,
    keep_mentions = format == "csv" or args.template ~= nil,
  })
  local done, bytes, failed, mentions = 0, 0, 0, 0
  local clock0 = os.clock()
  local function handle(doc)
    local rec = an:document(doc)
    done = done + 1
    bytes = bytes + (rec.bytes or 0)
    if rec.status ~= "ok" then status = 1; failed = failed + 1 end
    for _, m in ipairs(rec.mentions or {}) do
      if not m.boilerplate then mentions = mentions + 1 end
    end
    if streaming then
      write(record.encode(rec))
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
      for doc in inputs.jsonl(io.stdin, "stdin") do handle(doc) end
    else
      for doc in inputs.files(groups[i]) do handle(doc) end
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
  -- the closing line, on a terminal or not (a log keeps it); -q drops it
  if not args.quiet then
    io.stderr:write("glean: ", cli.summary(done, failed, mentions, bytes, os.clock() - clock0),
      (args.output and args.output ~= "-") and (" -> " .. args.output) or "", "\n")
  end
  return status
end

return cmd
