#!/bin/sh
# Runs luacheck and the busted specs under Lua 5.4 against the module in
# $1 (the build directory), then prints the closing line "N passed, N failed".
BUILD=${1:-build}
[ $# -gt 0 ] && shift  # the rest goes to busted (e.g. a spec file)
cd "$(dirname "$0")/.."
export LUA_PATH="$PWD/lua/?.lua;$PWD/lua/?/init.lua;;"
export LUA_CPATH="$PWD/$BUILD/?.so;;"
export GLEAN_HOME="$PWD"
export GLEAN_BUILD="$PWD/$BUILD"
if [ -d "$PWD/../shared/corpus" ]; then
  export GLEAN_SHARED="${GLEAN_SHARED:-$(cd "$PWD/../shared" && pwd)}"
  echo "test: using shared corpus at $GLEAN_SHARED"
else
  echo "test: ../shared not found: SKIPPING the specs that need ../shared (corpus, mustache spec)"
fi
passed=0; failed=0
log="$BUILD/test.log"
mkdir -p "$BUILD"

echo "== luacheck"
if luacheck -q lua bin spec rules templates 2>&1; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "== require graph (scripts/requires.lua: no circle, nothing requires the top-level glean)"
if lua5.4 scripts/requires.lua > /dev/null; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "== busted (lua5.4)"
lua5.4 /usr/bin/busted --output=utfTerminal "$@" 2>&1 | tee "$log"
# e.g. "120 successes / 0 failures / 0 errors / 2 pending : 3.2 seconds"
summary=$(grep -E '^[0-9]+ successes? / [0-9]+ failures? / [0-9]+ errors?' "$log" | tail -n 1)
if [ -z "$summary" ]; then
  echo "test: busted did not finish (no summary line)"
  failed=$((failed + 1))
else
  s=$(echo "$summary" | awk '{print $1}')
  f=$(echo "$summary" | awk '{print $4}')
  e=$(echo "$summary" | awk '{print $7}')
  passed=$((passed + s)); failed=$((failed + f + e))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
