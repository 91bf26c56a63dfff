# build-aux/setup.sh: shared by build-aux/run and build-aux/test (sourced).
#
# Installs what Marginalia needs to build and test on Debian or Ubuntu when
# it is missing, then configures a build folder. Nothing is installed when
# everything is already there.

set -eu

top=$(cd "$(dirname "$0")/.." && pwd)

# Debian package names; each is checked, and only the missing are installed.
build_packages="meson ninja-build gcc pkg-config gettext libglib2.0-dev libglib2.0-dev-bin
  libgtk-4-dev libadwaita-1-dev libjson-glib-dev libxml2-dev desktop-file-utils
  appstream librsvg2-bin libxml2-utils python3 fonts-cantarell adwaita-icon-theme"
test_packages="xvfb xauth xdotool procps dbus-daemon git strace util-linux"
# The programs that read the exports, for tests/test-consumers.py (Node.js
# and npm too, from Debian where the machine has no node of its own).
consumer_packages="python3-pandas python3-nltk"
# The fuzz targets need clang and its runtime (libFuzzer, the sanitizers),
# whose package is named after clang's major version: see fuzz_runtime.
fuzz_packages="clang"

missing_packages () {
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      printf '%s ' "$p"
    fi
  done
}

install_packages () {
  command -v dpkg-query >/dev/null 2>&1 || {
    echo "build-aux: not a Debian system; install the build dependencies listed in README.md" >&2
    return 0
  }
  # shellcheck disable=SC2086
  missing=$(missing_packages $*)
  [ -n "$missing" ] || return 0

  if [ "$(id -u)" = 0 ]; then
    sudo=""
  elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "build-aux: missing packages: $missing" >&2
    echo "build-aux: run as root or install them with apt-get" >&2
    exit 1
  fi

  echo "build-aux: installing $missing"
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine has no package lists yet.
  $sudo apt-get update -q >/dev/null || $sudo apt-get update -q
  # shellcheck disable=SC2086
  $sudo apt-get install -y -q --no-install-recommends $missing
}

# The package of libFuzzer for the installed clang: libclang-rt-14-dev on
# Debian 12.
fuzz_runtime () {
  echo "libclang-rt-$(clang -dumpversion | cut -d. -f1)-dev"
}

# configure DIR [meson options...]: set up or refresh a build folder.
configure () {
  dir=$1
  shift
  if [ -f "$top/$dir/build.ninja" ]; then
    meson configure "$top/$dir" "$@" >/dev/null
  else
    meson setup "$top/$dir" "$top" "$@"
  fi
}
