-- glean.cli: what the subcommands of bin/glean share: the pipeline options
-- (--glob, -g, --rules), the report output
-- options (--format, --template, -o, --max-docs-in-report, --title, -q), the
-- choice of format, the output file, the template check and the progress
-- line.  The subcommands themselves are lua/glean/cmd/<name>.lua; the list
-- of them and the entry point are glean.cmd.
local report = require "glean.report"

local io, os, ipairs, tostring, tonumber, string, math = io, os, ipairs, tostring, tonumber, string, math

local cli = {}

-- pipeline_options(parser): the options that choose the pipeline's data
-- (analyze, eval), so both run the same pipeline with the same defaults
function cli.pipeline_options(p)
  p:option("--glob", "Only files whose name matches this pattern in directories (e.g. '*.txt').")
    :argname("<pattern>")
  p:option("-g --gazetteer", "Gazetteer (TSV, CSV or compiled; default: the shipped data/gazetteer.tsv).")
    :argname("<file>")
  p:option("--rules", "Rule directory or file (repeatable; default: the shipped rules/).")
    :count("*"):argname("<dir>")
end

-- pipeline_config(args) -> analyze.new's options from pipeline_options' arguments
function cli.pipeline_config(args)
  return { gazetteer = args.gazetteer, rules = args.rules }
end

-- output_options(parser): the options of every subcommand that writes a
-- report (analyze, report)
function cli.output_options(p)
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

-- the output extensions a format can be chosen by (-o report.htm -> html)
cli.EXTENSIONS = { html = "html", htm = "html", md = "md", markdown = "md", csv = "csv",
                   jsonl = "jsonl", json = "jsonl" }

local function extension(name)
  return name:lower():gsub("%.mustache$", ""):match("%.([%w_-]+)$")
end

-- pick_format(args) -> format | nil, err: --format, else from the template's
-- or the output's extension, else html.  An output file whose extension
-- names no format (-o report.pdf) is refused rather than silently written
-- as HTML; --format says what to write there.
function cli.pick_format(args)
  if args.format then return args.format end
  for _, name in ipairs({ args.template or "", args.output or "" }) do
    local ext = extension(name)
    if ext and cli.EXTENSIONS[ext] then return cli.EXTENSIONS[ext] end
  end
  local ext = args.output and args.output ~= "-" and not args.template and extension(args.output)
  if ext then
    return nil, string.format("%s: cannot write '.%s' files: the output formats are html, md, csv and "
      .. "jsonl (.html .htm .md .markdown .csv .jsonl .json), or choose one with --format", args.output, ext)
  end
  return "html"
end

-- plural(n, word [, words]) -> "1 document", "2 documents", "1,234 documents"
function cli.plural(n, word, words)
  local s = string.format("%d", n):reverse():gsub("(%d%d%d)(%d)", "%1,%2"):reverse()
  return s .. " " .. (n == 1 and word or (words or word .. "s"))
end

-- summary(docs, failed, mentions, bytes, seconds) -> the closing line of a
-- run: "13 documents, 0 failed, 373 mentions, 1.2 MB/s"
function cli.summary(docs, failed, mentions, bytes, seconds)
  local rate = bytes / 1e6 / math.max(seconds, 1e-3)
  return string.format(rate < 1 and "%s, %d failed, %s, %.2f MB/s" or "%s, %d failed, %s, %.1f MB/s",
    cli.plural(docs, "document"), failed, cli.plural(mentions, "mention"), rate)
end

-- check_template(args, format) -> true | nil, err: loads the template
-- before any work, so a typo fails in a second
function cli.check_template(args, format)
  if format == "jsonl" and not args.template then return true end
  local path = report.template_for({ format = format, template = args.template })
  local tpl, err = require("glean.template").load(path)
  if not tpl then return nil, err end
  if args.template then   -- a field the view lacks would render empty without a word
    for _, p in ipairs(require("glean.view_schema").check_file(path) or {}) do
      io.stderr:write("glean: warning: ", p, "\n")
    end
  end
  return true
end

-- open_output(args) -> write function, close function | nil, err
function cli.open_output(args)
  if not args.output or args.output == "-" then
    return function(s) io.stdout:write(s) end, function() io.stdout:flush() return true end
  end
  local f, err = io.open(args.output, "wb")
  if not f then return nil, "cannot write output (" .. tostring(err) .. ")" end
  return function(s) f:write(s) end, function() return f:close() end
end

function cli.stderr_is_terminal()
  local ok = os.execute("test -t 2")
  return ok == true or ok == 0
end

-- progress(enabled, total_docs, total_bytes) -> { step(done, bytes), finish() }:
-- a progress line on standard error (done/total, MB/s, ETA), rewritten in
-- place with \r
function cli.progress(enabled, total_docs, total_bytes)
  if not enabled then return { step = function() end, finish = function() end } end
  local last, shown = -1, false
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
  end
  return p
end

return cli
