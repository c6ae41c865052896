#!/bin/sh
# bench/parallel.sh BUILD [MB] [BASEDIR] -- throughput of `glean analyze
# --format jsonl` as a streaming filter under GNU parallel, -j1 against -j2,
# on MB megabytes (default 16) of JSON Lines documents cut from the bench
# corpus.  Wall time (this is about using both cores), median of 3 runs
# each.  With BASEDIR (a built checkout: `make bench-parallel BASE=rev`
# exports and builds the revision) the same for it after this checkout's
# runs, and the ratios of this checkout to it.
set -e
BUILD=${1:-build}; MB=${2:-16}; BASEDIR=${3:-}
B=$BUILD/bench
mkdir -p "$B"
DOCS=$B/docs-$MB.jsonl
if [ ! -s "$DOCS" ]; then
  lua5.4 - "$B/corpus.txt" "$DOCS" "$MB" <<'LUA'
    local cjson = require "cjson"
    local src, out, limit = arg[1], arg[2], tonumber(arg[3]) * 1000000
    local text = assert(io.open(src, "rb")):read("a")
    local f = assert(io.open(out, "wb"))
    local pos, n, total = 1, 0, 0
    while pos <= #text and total < limit do   -- ~8 KB documents cut at line ends
      local stop = text:find("\n", pos + 8000, true) or #text
      n = n + 1
      f:write(cjson.encode({ id = "doc" .. n, text = text:sub(pos, stop) }), "\n")
      total = total + (stop - pos + 1)
      pos = stop + 1
    end
    f:close()
    io.stderr:write(("%d documents, %.1f MB\n"):format(n, total / 1e6))
LUA
fi
bytes=$(stat -c %s "$DOCS")
# run DIR J -> median wall seconds of 3 runs of DIR's glean under parallel -jJ
run() {
  for r in 1 2 3; do
    t0=$(date +%s.%N)
    (cd "$1" && parallel --pipe --block 2M --keep-order -j"$2" \
      env GLEAN_HOME="$1" GLEAN_BUILD_DIR=build lua5.4 bin/glean analyze -q --format jsonl -) \
      < "$DOCS" > "$B/par-$3-$2.jsonl"
    t1=$(date +%s.%N)
    echo "$t0 $t1"
  done | awk '{print $2 - $1}' | sort -n | sed -n 2p
}
here=$(pwd)
a1=$(run "$here" 1 A); a2=$(run "$here" 2 A)
cmp -s "$B/par-A-1.jsonl" "$B/par-A-2.jsonl" && same=identical || same=DIFFERENT
awk -v b="$bytes" -v t1="$a1" -v t2="$a2" -v s="$same" 'BEGIN {
  printf "glean analyze --format jsonl under GNU parallel, %.1f MB of JSON Lines, median of 3\n", b / 1e6
  printf "  A (this checkout) -j1: %6.2f s  %6.2f MB/s\n", t1, b / 1e6 / t1
  printf "  A (this checkout) -j2: %6.2f s  %6.2f MB/s  (%.2fx -j1; outputs %s)\n", t2, b / 1e6 / t2, t1 / t2, s
}'
if [ -n "$BASEDIR" ]; then
  b1=$(run "$BASEDIR" 1 B); b2=$(run "$BASEDIR" 2 B)
  cmp -s "$B/par-B-1.jsonl" "$B/par-A-1.jsonl" && sameb=identical || sameb=DIFFERENT
  awk -v b="$bytes" -v t1="$b1" -v t2="$b2" -v a1="$a1" -v a2="$a2" -v s="$sameb" -v n="$(basename "$BASEDIR")" 'BEGIN {
    printf "  B (%s) -j1: %6.2f s  %6.2f MB/s\n", n, t1, b / 1e6 / t1
    printf "  B (%s) -j2: %6.2f s  %6.2f MB/s  (%.2fx -j1)\n", n, t2, b / 1e6 / t2, t1 / t2
    printf "  A/B wall: -j1 %.2f, -j2 %.2f (outputs of A and B %s)\n", a1 / t1, a2 / t2, s
  }'
fi
