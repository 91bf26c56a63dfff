#!/bin/sh
# check-translation.sh SOURCE_ROOT WORK_DIR PO_FILE
#
# Fails when PO_FILE has an error, a fuzzy or untranslated message, or lacks
# a message that the sources listed in POTFILES.in now contain, so that a
# new string cannot ship untranslated unnoticed.
set -eu

srcdir=$1
work=$2
po=$3

mkdir -p "$work"
if ! stats=$(LC_ALL=C msgfmt --check --statistics -o "$work/check.mo" "$po" 2>&1); then
  echo "$stats"
  exit 1
fi
echo "$(basename "$po"): $stats"
case "$stats" in
  *fuzzy*|*untranslated*)
    echo "$(basename "$po") is not complete"
    exit 1
    ;;
esac

# A file with translatable strings that POTFILES.in forgets would never be
# translated and never be noticed.
unlisted=$(cd "$srcdir" && {
  find app -name '*.c' -exec grep -l -e '_("' -e 'g_dngettext (' {} +
  grep -l 'translatable="yes"' ui/*.ui
} | while read -r file; do
  grep -qx "$file" po/POTFILES.in || echo "$file"
done)
if [ -n "$unlisted" ]; then
  echo "Not in po/POTFILES.in:" $unlisted
  exit 1
fi

# The same keywords as meson's i18n.gettext (preset: 'glib').
xgettext --package-name=marginalia --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_printerr:1:c-format --flag=g_print:1:c-format \
  --directory="$srcdir" --files-from="$srcdir/po/POTFILES.in" \
  --output="$work/current.pot"

# msgcmp counts fuzzy and untranslated entries as missing.
LC_ALL=C msgcmp "$po" "$work/current.pot"
echo "$(basename "$po") covers every message of the sources"
