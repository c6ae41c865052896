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

local io, os, ipairs, tostring, string, math, pcall, table = io, os, ipairs, tostring, string, math, pcall, table

local cmd = {}

cmd.describe = "Analyse a folder of news (or JSON Lines) into a report: HTML, Markdown, CSV or JSON Lines."

function cmd.configure(p)
  p:argument("inputs", "Files and directories (recursive); - reads JSON Lines "
    .. '{"id","text","date","source"} from standard input.'):args("*")
  cli.pipeline_options(p)
  cli.output_options(p)
end

local function warn(prog, msg) io.stderr:write(prog, ": ", msg, "\n") end

-- the inputs listed up front (for totals and to refuse a run with nothing
-- to read) -> groups (one list per argument, nil for "-"), stdin?, ndocs,
-- total_bytes | nil, message, each "path: reason" already on stderr
local function list_inputs(args)
  local groups, stdin, ndocs, total_bytes = {}, false, 0, 0
  local missing, dirs = false, {}
  for i, p in ipairs(args.inputs) do
    if p == "-" then
      stdin = true
    else
      groups[i] = inputs.expand({ p }, args.glob, { skip = args.output })
      for _, m in ipairs(groups[i].missing) do warn("glean", m .. ": No such file or directory"); missing = true end
      for _, w in ipairs(groups[i].warnings) do warn("glean", w) end
      if #groups[i].missing == 0 then dirs[#dirs + 1] = p end
      ndocs = ndocs + #groups[i]
      for _, e in ipairs(groups[i]) do total_bytes = total_bytes + (e.size or 0) end
    end
  end
  if missing then return nil end
  if ndocs == 0 and not stdin then
    local where = table.concat(dirs, ", ")
    if args.glob then
      return nil, "no file in " .. where .. " matches --glob '" .. args.glob .. "': no report written"
    end
    return nil, "no files in " .. where .. ": no report written"
  end
  return groups, stdin, ndocs, total_bytes
end

function cmd.run(args)
  local prog = "glean analyze"
  local format, ferr = cli.pick_format(args)
  if not format then warn(prog, ferr); return 2 end
  if args.glob and not pcall(string.find, "", inputs.glob_pattern(args.glob)) then
    warn("glean", "--glob '" .. args.glob .. "': not a valid pattern"); return 2
  end
  local ok, terr = cli.check_template(args, format)
  if not ok then warn(prog, terr); return 2 end
  if args.explain_setup then io.stdout:write(require("glean.config").explain(cli.pipeline_setup(args))); return 0 end
  if #args.inputs == 0 then warn(prog, "no input (give files, directories or - for standard input)"); return 2 end
  local groups, stdin_or_err, ndocs, total_bytes = list_inputs(args)
  if not groups then
    if stdin_or_err then warn("glean", stdin_or_err) end
    return 2
  end
  local stdin = stdin_or_err
  local popts, perr = cli.pipeline_config(args)
  if not popts then warn(prog, perr); return 2 end
  local an, aerr = analyze.new(popts)
  if not an then warn(prog, aerr); return 2 end
  local status = 0
  for _, w in ipairs(aerr or {}) do warn(prog, w); status = 1 end
  for _, w in ipairs(an.gazetteer_warnings) do warn("glean", (args.gazetteer or "gazetteer") .. ": " .. w) end

  local progress = cli.progress(not args.quiet and cli.stderr_is_terminal(),
    (not stdin) and ndocs or nil, (not stdin) and total_bytes or nil)

  local write, close, abort = cli.open_output(args)
  if not write then warn("glean", close); return 2 end

  local streaming = format == "jsonl" and not args.template
  local agg = aggregate.new({
    keep_texts = args.max_docs_in_report,
    keep_mentions = format == "csv" or args.template ~= nil,
  })
  local done, bytes, failed, mentions, unreadable = 0, 0, 0, 0, false
  local clock0 = os.clock()
  local function handle(doc)
    local rec = an:document(doc)
    done = done + 1
    bytes = bytes + (rec.bytes or 0)
    if rec.status ~= "ok" then status = math.max(status, 1); failed = failed + 1 end
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
      for doc in inputs.files(groups[i]) do
        -- a file or directory that cannot be read: "glean: path: reason" and
        -- exit status 2 at the end; it is a failed document in the report
        if doc.error and doc.path then warn("glean", doc.error); unreadable = true end
        handle(doc)
      end
    end
  end
  progress.finish()
  if not streaming then
    local out, rerr = report.render(agg, { format = format, template = args.template, title = args.title })
    if not out then warn(prog, rerr); abort(); return 2 end
    write(out)
  end
  local cok, cerr = close()
  if not cok then warn("glean", tostring(cerr)); return 2 end
  -- the closing line, on a terminal or not (a log keeps it); -q drops it
  if not args.quiet then
    io.stderr:write("glean: ", cli.summary(done, failed, mentions, bytes, os.clock() - clock0),
      (args.output and args.output ~= "-") and (" -> " .. args.output) or "", "\n")
  end
  if unreadable then return 2 end
  return status
end

return cmd
