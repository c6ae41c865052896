-- glean.cmd: the subcommands of bin/glean and its entry point.  Each
-- subcommand lives in lua/glean/cmd/<name>.lua and exports `describe`,
-- `configure(parser)` and `run(args) -> exit status`; what they share is
-- glean.cli.  Exit status: 0 ran, 1 some input failed, 2 usage error.
local argparse = require "argparse"

local cmd = {}

-- the subcommands, in the order `glean --help` lists them
cmd.COMMANDS = { "match", "rules", "analyze", "report", "eval", "template", "env", "gazetteer" }

-- main(argv) -> exit status
function cmd.main(argv)
  local parser = argparse("glean", "Find people, places and organisations in multilingual text.")
    :command_target("command")
    :help_max_width(100)
  parser:flag("--version", "Print the version and exit.")
    :action(function()
      local core = require "glean.core"
      print("glean " .. core.version() .. " (Unicode " .. core.unicode_version() .. ")")
      os.exit(0)
    end)
  parser:require_command(true)
  local loaded = {}
  for _, name in ipairs(cmd.COMMANDS) do
    local ok, mod = pcall(require, "glean.cmd." .. name)
    if ok then
      loaded[name] = mod
      mod.configure(parser:command(name, mod.describe))
    elseif not tostring(mod):find("module 'glean.cmd." .. name .. "' not found", 1, true) then
      error(mod, 0)
    end
  end
  local ok, args = parser:pparse(argv)
  if not ok then
    io.stderr:write(parser:get_usage(), "\n\nError: ", tostring(args), "\n")
    return 2
  end
  if not loaded[args.command] then
    io.stderr:write(parser:get_usage(), "\n\nError: a command is required\n")
    return 2
  end
  -- Ctrl-C or SIGTERM: the output being written is removed (the previous
  -- one stays), one line on stderr, exit status 130 (143)
  local core = require "glean.core"
  if core.on_interrupt then core.on_interrupt() end
  local status = loaded[args.command].run(args)
  -- every write to standard output checked (a full disk, /dev/full)
  local written, err, first = require("glean.cli").stdout_status()
  if not written then
    if first then io.stderr:write("glean: ", err, "\n") end
    return (status or 0) > 1 and status or 2
  end
  return status or 0
end

return cmd
