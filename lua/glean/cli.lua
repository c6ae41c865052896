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
  p:option("-g --gazetteer", "Gazetteer added to the default and personal ones (TSV or CSV; repeatable; "
    .. "later files win for an id's label and attributes).")
    :count("*"):argname("<file>")
  p:flag("--no-default-gazetteer", "Leave out the shipped data/gazetteer.tsv.")
  p:option("--rules", "Rule directory or file added to the default and personal packs (repeatable).")
    :count("*"):argname("<dir>")
  p:flag("--no-default-rules", "Leave out the shipped rules/.")
  p:option("--cues", "Cue or name list (data/cues format, docs/recognition.md), or a directory of them, "
    .. "added to the shipped and personal lists (repeatable).")
    :count("*"):argname("<file>")
  p:flag("--explain-setup", "List the gazetteers and rule packs a run uses (default, personal "
    .. "~/.config/glean, command line) and exit.")
  p:option("--invalid", "Invalid UTF-8 in a document: error (the document fails) or replace "
    .. "(each bad byte reads as U+001A, offsets unchanged).", "error"):choices({ "error", "replace" })
  p:option("--lang", "Language of every document (es, pt, nb...; default auto: detected per document; "
    .. "a JSON Lines document's \"lang\" wins). Cue lists, name lists and inflection follow it.")
    :argname("<code>")
end

-- pipeline_setup(args) -> the layers (glean.config.setup) the arguments choose
function cli.pipeline_setup(args)
  return require("glean.config").setup({ gazetteers = args.gazetteer, rules = args.rules, cues = args.cues,
    no_default_gazetteer = args.no_default_gazetteer, no_default_rules = args.no_default_rules })
end

-- pipeline_config(args) -> analyze.new's options from pipeline_options' arguments
-- (the gazetteer layers loaded here when there are several, or none) |
-- nil, err
function cli.pipeline_config(args)
  local setup = cli.pipeline_setup(args)
  local gz = setup.gazetteers[1]
  if #setup.gazetteers ~= 1 then
    local gazetteer = require "glean.gazetteer"
    local err
    if #setup.gazetteers == 0 then gz = gazetteer.new({}) else gz, err = gazetteer.load(setup.gazetteers) end
    if not gz then return nil, "cannot load gazetteer: " .. tostring(err) end
  end
  if args.lang and args.lang ~= "auto" then
    local _, lerr = require("glean.inputs").language_code(args.lang)
    if lerr then return nil, "--lang: " .. lerr end
  end
  return { gazetteer = gz, rules = #setup.rules > 0 and setup.rules or false, cues = setup.cues,
           invalid = args.invalid, lang = args.lang }
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

-- Writing an output file: a regular file (or a new one) is written to a
-- temporary file beside it (".NAME.tmp-XXXXXX") and renamed over it only
-- when everything was written and closed, so a reader never sees half a
-- report, a failed or interrupted run (Ctrl-C) leaves the previous file as
-- it was, and a process reading the old file keeps its inode.  A device or
-- FIFO (/dev/stdout, -o >(gzip)) is written in place.  Every write and the
-- close are checked: "FILE: No space left on device".

local function core_sys()
  local ok, core = pcall(require, "glean.core")
  return ok and core.interrupt_cleanup and core or nil
end

local function temp_beside(path)
  local dir, base = path:match("^(.*/)([^/]*)$")
  dir, base = dir or "", base or path
  for _ = 1, 100 do
    local t = string.format("%s.%s.tmp-%06x", dir, base, math.random(0, 0xFFFFFF))
    local f = io.open(t, "rb")
    if f then f:close() else return t end
  end
  return nil
end

-- output_file(path) -> { write = function(s), close = function() -> true | nil, err,
-- abort = function() } | nil, err.  write remembers the first failure;
-- close reports it (or the close's own) and then nothing is replaced.
function cli.output_file(path)
  local lfs = require "lfs"
  local mode = lfs.attributes(path, "mode")
  local in_place = mode ~= nil and mode ~= "file"
  local target = in_place and path or temp_beside(path)
  if not target then return nil, path .. ": cannot make a temporary file beside it" end
  local f, err = io.open(target, "wb")
  if not f then
    err = tostring(err):gsub("^" .. target:gsub("%p", "%%%0") .. ": ", "")
    return nil, path .. ": " .. err
  end
  local sys = not in_place and core_sys()
  if sys then sys.interrupt_cleanup(target) end
  local failed
  local out = {}
  function out.write(s)
    if failed then return end
    local ok, werr = f:write(s)
    if not ok then failed = werr end
  end
  function out.abort()
    f:close()
    if not in_place then os.remove(target) end
    if sys then sys.interrupt_cleanup(nil) end
  end
  function out.close()
    local ok, cerr = true, nil
    if not failed then ok, cerr = f:flush() end
    local cok, cerr2 = f:close()
    failed = failed or (not ok and cerr) or (not cok and cerr2) or nil
    if not failed and not in_place then
      local rok, rerr = os.rename(target, path)
      if not rok then failed = tostring(rerr):gsub("^.-: ", "") end
    end
    if failed and not in_place then os.remove(target) end
    if sys then sys.interrupt_cleanup(nil) end
    if failed then return nil, path .. ": " .. tostring(failed) end
    return true
  end
  return out
end

-- write_file(path, s) -> true | nil, "path: reason": the whole file at once,
-- through output_file
function cli.write_file(path, s)
  local out, err = cli.output_file(path)
  if not out then return nil, err end
  out.write(s)
  return out.close()
end

-- Standard output, checked: cli.stdout(s) writes, and cli.stdout_status()
-- -> true | nil, "standard output: reason", first flushes and tells whether
-- every write got through (a full disk, /dev/full, a closed pipe); first is
-- true the first time the failure is returned (so it is reported once).
local stdout_failed, stdout_reported
function cli.stdout(...)
  if stdout_failed then return end
  local ok, err = io.stdout:write(...)
  if not ok then stdout_failed = err end
end

function cli.stdout_status()
  if not stdout_failed then
    local ok, err = io.stdout:flush()
    if not ok then stdout_failed = err end
  end
  if stdout_failed then
    local first = not stdout_reported
    stdout_reported = true
    return nil, "standard output: " .. tostring(stdout_failed), first
  end
  return true
end

-- open_output(args) -> write, close, abort | nil, err: -o FILE through
-- output_file, else standard output
function cli.open_output(args)
  if not args.output or args.output == "-" then
    return cli.stdout, cli.stdout_status, function() end
  end
  local out, err = cli.output_file(args.output)
  if not out then return nil, err end
  return out.write, out.close, out.abort
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
