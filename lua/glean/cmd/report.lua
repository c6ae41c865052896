-- glean report: build the HTML/Markdown/CSV report from one or many
-- documents.jsonl files written by `glean analyze --format jsonl` (per-chunk
-- results from GNU parallel, Hadoop Streaming or Spark's RDD.pipe).  The
-- aggregates are made from the records alone, so the merged report has the
-- same numbers as a single run over the whole corpus.
--
--   glean report part-*.jsonl -o report.html
--
-- Exit status: 0 ran, 1 a line was not a record (skipped, reported on
-- stderr) or a document had failed in analysis, 2 usage errors.
local record = require "glean.record"
local aggregate = require "glean.aggregate"
local report = require "glean.report"
local cli = require "glean.cli"

local io, ipairs, tostring = io, ipairs, tostring

local cmd = {}

cmd.describe = "Merge documents.jsonl results (from analyze --format jsonl) into one report."

function cmd.configure(p)
  p:argument("files", "documents.jsonl files; - reads standard input."):args("+")
  cli.output_options(p)
end

function cmd.run(args)
  local prog = "glean report"
  local format, ferr = cli.pick_format(args)
  if not format then io.stderr:write(prog, ": ", ferr, "\n"); return 2 end
  local ok, terr = cli.check_template(args, format)
  if not ok then io.stderr:write(prog, ": ", tostring(terr), "\n"); return 2 end
  local agg = aggregate.new({
    keep_texts = args.max_docs_in_report,
    keep_mentions = format == "csv" or args.template ~= nil,
  })
  local write, close, abort = cli.open_output(args)
  if not write then io.stderr:write("glean: ", close, "\n"); return 2 end
  local status = 0
  if format == "jsonl" and not args.template then
    -- concatenation with validation: every record re-encoded in order
    local errors = record.each(args.files, function(rec, p, n, errs)
      local valid, problems = record.validate(rec)
      if not valid then
        for _, what in ipairs(problems) do errs[#errs + 1] = string.format("%s:%d: %s", p, n, what) end
        return
      end
      if rec.status ~= "ok" then status = 1 end
      write(record.encode(rec)); write("\n")
    end)
    for _, e in ipairs(errors) do io.stderr:write(prog, ": ", e, "\n"); status = 1 end
  else
    local _, errors = report.read(args.files, agg)
    for _, e in ipairs(errors) do io.stderr:write(prog, ": ", e, "\n"); status = 1 end
    if agg.failed > 0 then status = 1 end
    local out, rerr = report.render(agg, { format = format, template = args.template, title = args.title })
    if not out then io.stderr:write(prog, ": ", tostring(rerr), "\n"); abort(); return 2 end
    write(out)
  end
  local cok, cerr = close()
  if not cok then io.stderr:write("glean: ", tostring(cerr), "\n"); return 2 end
  return status
end

return cmd
