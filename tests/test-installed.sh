#!/bin/sh
# test-installed.sh BUILD_DIR PREFIX: install the build into PREFIX (no
# DESTDIR, so the post-install steps run as they do for a user), then start
# the installed window and tool as a user would, from that prefix alone.
set -eu
build=$1
prefix=$2

meson install -C "$build" --no-rebuild --quiet >/dev/null

# Only the prefix: no build-folder schema, no source tree.
unset GSETTINGS_SCHEMA_DIR
export XDG_DATA_DIRS="$prefix/share:/usr/share"
export GSETTINGS_BACKEND=memory

fail () { echo "test-installed: $*" >&2; exit 1; }

[ -f "$prefix/share/glib-2.0/schemas/gschemas.compiled" ] \
  || fail "the schema was not compiled at install"
"$prefix/bin/marginalia-tool" --version >/dev/null || fail "marginalia-tool --version failed"
LANGUAGE=tr LC_ALL=C.UTF-8 "$prefix/bin/marginalia-tool" --help | grep -q "Komutlar" \
  || fail "the installed Turkish translation is not used"

# The coding schemes that come with Marginalia start valid datasets.
for scheme in polnear stance; do
  file="$prefix/share/marginalia/schemes/$scheme.json"
  [ -f "$file" ] || fail "the $scheme scheme was not installed"
  "$prefix/bin/marginalia-tool" scheme new "$file" | "$prefix/bin/marginalia-tool" validate /dev/stdin \
    || fail "the installed $scheme scheme does not start a valid dataset"
done

if [ -x "$prefix/bin/marginalia" ] && [ -n "${DISPLAY:-}" ]; then
  log=$(mktemp)
  "$prefix/bin/marginalia" >"$log" 2>&1 &
  pid=$!
  # The window maps within a few seconds on a loaded machine; give it ten.
  shown=""
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    if xdotool search --onlyvisible --pid "$pid" --limit 1 >/dev/null 2>&1; then
      shown=yes
      break
    fi
    sleep 0.2
  done
  if [ -z "$shown" ]; then
    kill "$pid" 2>/dev/null || true
    cat "$log" >&2
    fail "the installed window did not start"
  fi
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  if grep -E "CRITICAL|WARNING|not installed" "$log" >&2; then
    fail "the installed window complained"
  fi
  rm -f "$log"
fi
echo "test-installed: the installed window and tool start from $prefix"
