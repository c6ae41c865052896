#!/bin/sh
# Install the Debian packages glean needs that are missing (run as root on
# Debian 12).  Prints nothing when everything is there.  EXTRA_PKGS adds
# more: `make gazetteer` the hunspell dictionaries of the Makefile's
# GAZ_DICTS (tools/commonwords.lua), test-valgrind valgrind.
set -e
PKGS="lua5.4 liblua5.4-dev libicu-dev lua-lpeg lua-cjson lua-argparse lua-filesystem
lua-busted lua-check libexttextcat-dev unicode-data pkg-config gcc make luarocks
chromium fonts-noto-core fonts-noto-cjk parallel cmark-gfm bzip2 $EXTRA_PKGS"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing missing Debian packages:$missing"
if [ "$(id -u)" != 0 ]; then
  echo "deps: not root; install them with: sudo apt-get install$missing" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing >/dev/null
