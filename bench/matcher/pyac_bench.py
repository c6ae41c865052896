"""pyahocorasick peer: pyac_bench.py ALIASES CORPUS [RUNS]
Aliases and corpus already folded; process CPU time; leftmost-longest (iter_long), no boundaries."""
import sys, time, statistics
import ahocorasick

aliases = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if l]
text = open(sys.argv[2], encoding="utf-8", errors="replace").read()
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
t0 = time.process_time()
A = ahocorasick.Automaton()
for i, a in enumerate(aliases):
    A.add_word(a, i)
A.make_automaton()
build = time.process_time() - t0
nbytes = len(text.encode("utf-8"))
times = []
for _ in range(runs):
    t = time.process_time()
    n = 0
    for k in range(0, len(text), 1 << 19):
        for _m in A.iter_long(text[k:k + (1 << 19)]):
            n += 1
    times.append(time.process_time() - t)
print(f"patterns {len(aliases)}\nbuild_s {build:.3f}\nmatches {n}\nscan_MBps {nbytes / 1e6 / statistics.median(times):.1f}")
