-- glean: people, places and organisations in multilingual news, with exact
-- byte offsets.  Build from a checkout with `make install` (which runs
-- `luarocks make` on this file).  spec/rock_spec.lua builds this rockspec
-- into a scratch tree and checks that its C source list equals the
-- Makefile's CORE_SRCS + BIND_SRCS and that every lua/glean module is
-- listed, so the two cannot drift apart.
local package_name = "glean"
local package_version = "scm"
local rockspec_revision = "1"

rockspec_format = "3.0"
package = package_name
version = package_version .. "-" .. rockspec_revision

-- No public remote yet: `luarocks make` builds the working tree and does not
-- fetch source.url.  Released rockspecs pin a tag derived from the version.
source = {
  url = "git+https://example.org/" .. package_name .. ".git",
  branch = "main",
}

description = {
  summary = "Find people, places and organisations in multilingual text, with exact byte offsets",
  detailed = [[
    A Lua 5.4 module with a C99 core on ICU: normalization, segmentation,
    script runs, language identification and a gazetteer matcher over
    UTF-8 text, reporting 1-based inclusive byte offsets.
  ]],
  license = "MIT",
  labels = { "unicode", "icu", "nlp", "ner" },
}

dependencies = {
  "lua >= 5.4, < 5.5",
  "lpeg >= 1.0",
  "lua-cjson",
  "argparse",
  "luafilesystem",
}

-- Debian (and the library's own pkg-config file) keep textcat.h in
-- <prefix>/include/libexttextcat/: the header is looked up there, so
-- `luarocks make` needs no EXTTEXTCAT_INCDIR.
external_dependencies = {
  ICU = { header = "unicode/utypes.h", library = "icuuc" },
  EXTTEXTCAT = { header = "libexttextcat/textcat.h", library = "exttextcat-2.0" },
}

test_dependencies = { "busted" }
test = { type = "busted" }

build = {
  type = "builtin",
  modules = {
    ["glean.core"] = {
      sources = {
        -- capability files (Makefile CORE_SRCS)
        "csrc/util.c", "csrc/fold_profile.c", "csrc/fold.c", "csrc/fold_spec.c", "csrc/segment.c",
        "csrc/norm.c", "csrc/script.c",
        "csrc/calendar.c", "csrc/langid.c", "csrc/translit.c", "csrc/matcher.c", "csrc/gazfile.c", "csrc/inflect.c",
        "csrc/wordclass.c", "csrc/offsets.c", "csrc/matcher_scan.c", "csrc/wordshape.c",
        -- binding files (Makefile BIND_SRCS)
        "csrc/lgaux.c", "csrc/lglean.c", "csrc/l_fold.c", "csrc/l_segment.c", "csrc/l_norm.c",
        "csrc/l_script.c", "csrc/l_calendar.c", "csrc/l_langid.c", "csrc/l_translit.c", "csrc/l_matcher.c",
        "csrc/l_sys.c", "csrc/l_json.c",
      },
      defines = { "_POSIX_C_SOURCE=200809L" },
      incdirs = { "csrc", "$(ICU_INCDIR)", "$(EXTTEXTCAT_INCDIR)/libexttextcat" },
      libdirs = { "$(ICU_LIBDIR)", "$(EXTTEXTCAT_LIBDIR)" },
      libraries = { "icuuc", "icui18n", "icudata", "exttextcat-2.0" },
    },
    ["glean.aggregate"] = "lua/glean/aggregate.lua",
    ["glean.analyze"] = "lua/glean/analyze.lua",
    ["glean.cache"] = "lua/glean/cache.lua",
    ["glean.charts"] = "lua/glean/charts.lua",
    ["glean.cli"] = "lua/glean/cli.lua",
    ["glean.config"] = "lua/glean/config.lua",
    ["glean.entities"] = "lua/glean/entities.lua",
    ["glean.entities.base"] = "lua/glean/entities/base.lua",
    ["glean.entities.cased"] = "lua/glean/entities/cased.lua",
    ["glean.entities.cjk"] = "lua/glean/entities/cjk.lua",
    ["glean.entities.kb"] = "lua/glean/entities/kb.lua",
    ["glean.entities.korean"] = "lua/glean/entities/korean.lua",
    ["glean.entities.propagate"] = "lua/glean/entities/propagate.lua",
    ["glean.entities.resolve"] = "lua/glean/entities/resolve.lua",
    ["glean.entities.sport"] = "lua/glean/entities/sport.lua",
    ["glean.entities.spans"] = "lua/glean/entities/spans.lua",
    ["glean.entities.thai"] = "lua/glean/entities/thai.lua",
    ["glean.entities.tokens"] = "lua/glean/entities/tokens.lua",
    ["glean.entities.uncased"] = "lua/glean/entities/uncased.lua",
    ["glean.eval"] = "lua/glean/eval.lua",
    ["glean.gazetteer"] = "lua/glean/gazetteer.lua",
    ["glean"] = "lua/glean/init.lua",
    ["glean.inputs"] = "lua/glean/inputs.lua",
    ["glean.kb_cache"] = "lua/glean/kb_cache.lua",
    ["glean.paths"] = "lua/glean/paths.lua",
    ["glean.record"] = "lua/glean/record.lua",
    ["glean.report"] = "lua/glean/report.lua",
    ["glean.rules"] = "lua/glean/rules.lua",
    ["glean.rules_first"] = "lua/glean/rules_first.lua",
    ["glean.rules_pattern"] = "lua/glean/rules_pattern.lua",
    ["glean.rules_cache"] = "lua/glean/rules_cache.lua",
    ["glean.rules_vocab"] = "lua/glean/rules_vocab.lua",
    ["glean.sandbox"] = "lua/glean/sandbox.lua",
    ["glean.template"] = "lua/glean/template.lua",
    ["glean.view_schema"] = "lua/glean/view_schema.lua",
    ["glean.cmd"] = "lua/glean/cmd/init.lua",
    ["glean.cmd.analyze"] = "lua/glean/cmd/analyze.lua",
    ["glean.cmd.env"] = "lua/glean/cmd/env.lua",
    ["glean.cmd.eval"] = "lua/glean/cmd/eval.lua",
    ["glean.cmd.match"] = "lua/glean/cmd/match.lua",
    ["glean.cmd.report"] = "lua/glean/cmd/report.lua",
    ["glean.cmd.rules"] = "lua/glean/cmd/rules.lua",
    ["glean.cmd.template"] = "lua/glean/cmd/template.lua",
    ["glean.cmd.gazetteer"] = "lua/glean/cmd/gazetteer.lua",
    ["glean.importers.common"] = "lua/glean/importers/common.lua",
    ["glean.importers.geonames"] = "lua/glean/importers/geonames.lua",
    ["glean.importers.wikidata"] = "lua/glean/importers/wikidata.lua",
  },
  install = {
    bin = { glean = "bin/glean" },
  },
  copy_directories = { "rules", "templates", "data", "samples" },
}
