#!/bin/sh
# Regenerates the README's screenshots of the report (docs/report.png,
# docs/report-charts.png) from the samples, in headless Chromium with the
# Noto fonts of scripts/deps.sh.  Run from the checkout after `make`.
set -e
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
bin/glean analyze -q samples/ --title "glean report: the 13 samples" -o "$out/report.html"
# the charts: the same report with the sections above the co-occurrence hidden
sed 's|</style>|#summary, #entities { display: none; }</style>|' "$out/report.html" > "$out/charts.html"
shot() {   # shot PAGE PNG HEIGHT
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$out/profile" \
    --screenshot="$2" --window-size=1280,"$3" "file://$1" 2>/dev/null
}
shot "$out/report.html" docs/report.png 1150
shot "$out/charts.html" docs/report-charts.png 1500
ls -l docs/report.png docs/report-charts.png
