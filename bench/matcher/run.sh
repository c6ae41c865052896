#!/bin/sh
# bench/matcher/run.sh BUILD [SIZES] [RUNS] -- glean's matcher and its peers on
# the same aliases and corpus; prints a Markdown table.  Peers get text and
# aliases already folded (no folding, no word boundaries).  Scan speed is the
# median of RUNS in process CPU time (the machine is shared); peak RSS from
# /usr/bin/time -v (whole process, corpus in memory included).
set -e
BUILD=${1:-build}; SIZES=${2:-"1000 100000 1000000"}; RUNS=${3:-3}
B=$BUILD/bench
T() { /usr/bin/time -v "$@" 2>"$B/time.err" >"$B/out.txt" || { cat "$B/time.err" >&2; return 1; }
      rss=$(awk -F': ' '/Maximum resident/ {printf "%d", $2/1024}' "$B/time.err"); }
get() { awk -v k="$1" '$1 == k {print $2}' "$B/out.txt"; }
row() { printf '| %s | %s | %s | %s | %s | %s |\n' "$@"; }
echo "| aliases | matcher | build s | scan MB/s | peak RSS MiB | notes |"
echo "|---|---|---|---|---|---|"
for n in $SIZES; do
  T "$B/bench_matcher" build "$B/gaz$n.tsv" "$B/corpus.txt" "$B/gaz$n.glz" "$RUNS"
  row "$n" "glean (TSV→compiled, fold+boundaries)" "$(get build_s)" "$(get scan_MBps)" "$rss" \
      "$(get matches) matches; fold alone $(get fold_only_MBps) MB/s"
  T "$B/bench_matcher" open "$B/gaz$n.glz" "$B/corpus.txt" "$RUNS"
  row "$n" "glean (opened .glz)" "open $(get open_ms_median) ms" "$(get scan_MBps)" "$rss" \
      "file $(($(stat -c %s "$B/gaz$n.glz") / 1048576)) MiB; first open $(get open_ms_first) ms"
  for kind in nfa dfa; do
    [ "$kind" = dfa ] && [ "$n" -ge 1000000 ] && continue   # > 10 GiB at 1M
    T "$BUILD/rust/release/ac-bench" "$B/aliases$n.folded.txt" "$B/corpus.folded.txt" "$kind" "$RUNS"
    row "$n" "Rust aho-corasick $kind (leftmost-longest)" "$(get build_s)" "$(get scan_MBps)" "$rss" "$(get matches) matches"
  done
  T "$B/hs_bench" "$B/aliases$n.folded.txt" "$B/corpus.folded.txt" "$RUNS"
  row "$n" "Hyperscan hs_compile_lit_multi" "$(get build_s)" "$(get scan_MBps)" "$rss" "$(get matches) matches (all ends)"
  T /usr/bin/python3 bench/matcher/pyac_bench.py "$B/aliases$n.folded.txt" "$B/corpus.folded.txt" "$RUNS"
  row "$n" "pyahocorasick (iter_long)" "$(get build_s)" "$(get scan_MBps)" "$rss" "$(get matches) matches"
done
