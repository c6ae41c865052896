-- glean template: check a report template against the fields of the view
-- (glean.view_schema), or list those fields.
--
--   glean template --check my-report.html     # file:line:col: unknown field 'x'
--   glean template --fields                   # the table of docs/report-view.md
--
-- Exit status: 0 every tag names a field, 1 some do not, 2 a template that
-- does not parse or cannot be read (or no FILE with --check).
local schema = require "glean.view_schema"

local io, ipairs = io, ipairs

local cmd = {}

cmd.describe = "Check a report template's fields against the view (--check FILE), or list the fields (--fields)."

function cmd.configure(p)
  p:flag("--check", "Check each FILE: every {{tag}} must name a field of the view.")
  p:flag("--fields", "Print every field of the view as a Markdown table.")
  p:argument("files", "Template files (--check)."):args("*")
end

function cmd.run(args)
  if args.fields then
    io.stdout:write(schema.markdown())
    return 0
  end
  if not args.check or #args.files == 0 then
    io.stderr:write("glean template: give --check FILE... or --fields\n")
    return 2
  end
  local status = 0
  for _, f in ipairs(args.files) do
    local problems, err = schema.check_file(f)
    if not problems then
      io.stderr:write("glean template: ", err, "\n")
      status = 2
    else
      for _, p in ipairs(problems) do io.stdout:write(p, "\n") end
      if #problems > 0 and status == 0 then status = 1 end
    end
  end
  return status
end

return cmd
