#!/usr/bin/env python3
# test-drawing-keys.py: what the window draws after real key presses
#
# Starts `marginalia DATASET` on the display (run under Xvfb), tags with
# the keyboard alone, through xdotool, and reads the window's pixels back:
# a span made across a blank line (Ctrl+Home, Shift+Ctrl+Right twice, 1)
# must be drawn where it is and nowhere else, so the paragraphs below it
# look as they did before the key press. Then keys 5 to 9 tag with the
# labels a dataset of nine labels gives them.
# Prints TAP. Usage: test-drawing-keys.py MARGINALIA NINE-LABELS.json
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mg_xdo import (bail, main_with_scratch, open_window, press, private_env,  # noqa: E402
                    saver, stop, Tap, wait_for)
from mg_xshot import grab  # noqa: E402

PLAN = 3
WIDTH, HEIGHT = 1400, 900

# The article's column at 1400x900, in fractions of the window: between the
# document list and the annotation panel, and from its third paragraph down.
ARTICLE_TOP = (0.25, 0.08, 0.70, 0.21)
ARTICLE_BELOW = (0.25, 0.24, 0.70, 0.92)


def keys(*names):
    press(*names, delay=80, pause=0.5)


def shot(window, scratch, name):
    pixels = wait_for(lambda: grab(window, WIDTH, HEIGHT), 5)
    if pixels is None:
        bail("could not read the window's pixels")
    pixels.save_png(os.path.join(scratch, name + ".png"))
    return pixels


def check_keys_five_to_nine(dataset, tap):
    """Tags a word with each of keys 5-9 and reads the saved file back."""
    for key in range(5, 10):
        keys("Escape", "ctrl+Home", *(["ctrl+Right"] * (2 * key)), "shift+ctrl+Right", str(key))
    data = saver(dataset, keys)()
    by_key = {label["key"]: label["id"] for label in data["labels"]}
    tagged = {a["label"] for a in data["documents"][0]["annotations"]}
    missing = [k for k in "56789" if by_key[k] not in tagged]
    tap.ok(not missing, "keys 5 to 9 tag with their labels (missing: %s)" % ", ".join(missing))


def run(marginalia, fixture, scratch):
    env = private_env(scratch)
    dataset = os.path.join(scratch, "nine-labels.json")
    shutil.copyfile(fixture, dataset)
    tap = Tap(PLAN)

    process, pid, window = open_window(marginalia, dataset, env, (WIDTH, HEIGHT), settle=1)

    try:
        keys("ctrl+Home")
        before = shot(window, scratch, "before")
        keys("shift+ctrl+Right", "shift+ctrl+Right", "1", "Escape")
        after = shot(window, scratch, "after")

        tap.ok(before.region(*ARTICLE_TOP) != after.region(*ARTICLE_TOP),
               "a span across a blank line is drawn")
        same = before.region(*ARTICLE_BELOW) == after.region(*ARTICLE_BELOW)
        if not same:
            print("# the paragraphs below the new span changed; see before.png and after.png")
            keep = os.environ.get("MG_TEST_KEEP_SHOTS")
            if keep:
                for name in ("before.png", "after.png"):
                    shutil.copy(os.path.join(scratch, name), keep)
        tap.ok(same, "the paragraphs below it are drawn as before")
        check_keys_five_to_nine(dataset, tap)
    finally:
        stop(process, pid)


if __name__ == "__main__":
    main_with_scratch("test-drawing-keys.py MARGINALIA NINE-LABELS.json", run,
                      "marginalia-drawing-keys-")
