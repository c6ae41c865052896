#!/bin/sh
# bench/parallel.sh BUILD [MB] -- throughput of `glean analyze --format jsonl`
# as a streaming filter under GNU parallel, -j1 against -j2, on MB megabytes
# (default 16) of JSON Lines documents cut from the bench corpus.  Wall
# time (this is about using both cores), median of 3 runs each.
set -e
BUILD=${1:-build}; MB=${2:-16}
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
run() {
  for r in 1 2 3; do
    t0=$(date +%s.%N)
    parallel --pipe --block 2M --keep-order -j"$1" \
      env GLEAN_BUILD_DIR="$BUILD" bin/glean analyze -q --format jsonl - < "$DOCS" > "$B/par-$1.jsonl"
    t1=$(date +%s.%N)
    echo "$t0 $t1"
  done | awk '{print $2 - $1}' | sort -n | sed -n 2p
}
t1=$(run 1); t2=$(run 2)
cmp -s "$B/par-1.jsonl" "$B/par-2.jsonl" && same=identical || same=DIFFERENT
awk -v b="$bytes" -v t1="$t1" -v t2="$t2" -v s="$same" 'BEGIN {
  printf "glean analyze --format jsonl under GNU parallel, %.1f MB of JSON Lines\n", b / 1e6
  printf "  -j1: %6.2f s  %6.2f MB/s\n", t1, b / 1e6 / t1
  printf "  -j2: %6.2f s  %6.2f MB/s  (%.2fx; outputs %s)\n", t2, b / 1e6 / t2, t1 / t2, s
}'
