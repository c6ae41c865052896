std = "max"
codes = true
max_line_length = 120
files["spec"] = { std = "+busted", read_globals = { "glean_spec" } }
files["rules"] = { globals = {}, read_globals = { "lpeg", "re", "glean", "R", "V", "rule" } }
exclude_files = { "build*/**", ".luarocks/**" }
