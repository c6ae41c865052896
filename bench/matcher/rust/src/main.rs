// ac-bench ALIASES CORPUS nfa|dfa [RUNS]: Rust aho-corasick, leftmost-longest,
// over text and aliases already folded (no folding, no word boundaries).
use aho_corasick::{AhoCorasickBuilder, MatchKind};

// Process CPU seconds: the bench machine is shared and noisy; every matcher
// in the table is timed the same way.
fn cpu() -> f64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 / 1e9
}

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let aliases = std::fs::read_to_string(&a[1]).expect("aliases");
    let text = std::fs::read(&a[2]).expect("corpus");
    let dfa = a[3] == "dfa";
    let runs: usize = a.get(4).map(|s| s.parse().unwrap()).unwrap_or(3);
    let pats: Vec<&str> = aliases.lines().filter(|l| !l.is_empty()).collect();
    let t0 = cpu();
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .dfa(dfa)
        .build(&pats);
    let build = cpu() - t0;
    let mut times = Vec::new();
    let mut n = 0;
    for _ in 0..runs {
        let t = cpu();
        n = 0;
        for chunk in text.chunks(1 << 20) {
            n += ac.find_iter(chunk).count();
        }
        times.push(cpu() - t);
    }
    times.sort_by(|x, y| x.partial_cmp(y).unwrap());
    let med = times[runs / 2];
    println!("patterns {}\nbuild_s {:.3}\nmatches {}\nscan_MBps {:.1}", pats.len(), build, n,
             text.len() as f64 / 1e6 / med);
}
