#!/usr/bin/env python3
# test-find-keys.py: find and search over all documents, keys pressed for real
#
# Starts `marginalia DATASET` on the display (run under Xvfb) and, with
# xdotool, as a person at the keyboard: Ctrl+F, a word, then Enter,
# Shift+Enter, Ctrl+G and Ctrl+Shift+G step through the matches, which the
# article highlights; Escape takes the highlights away and leaves the
# current match selected for a label key. Ctrl+Shift+F opens the search over
# all documents, where Enter, a click, or Down to a row and Enter opens a
# match in its document, selected, and a label key tags it. Each step is read back from the saved dataset.
# Prints TAP. Usage: test-find-keys.py MARGINALIA FIXTURE.json
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mg_xdo import (bail, main_with_scratch, open_window, press, private_env,  # noqa: E402
                    saver, stop, Tap, wait_for, windows_of, xdotool)
from mg_xshot import grab  # noqa: E402

PLAN = 7
WIDTH, HEIGHT = 1400, 900


def keys(*names):
    press(*names, delay=80, pause=0.4)


def type_text(text):
    xdotool("type", "--delay", "40", text)
    time.sleep(0.6)


# The article's column at 1400x900, in fractions of the window: between the
# document list and the annotation panel, below the find bar.
ARTICLE = (0.25, 0.12, 0.70, 0.90)


def highlighted(window):
    """How many pixels of the article are find's pale yellow (every match)
    and find's orange (the current one), over white: colours no label's
    tint, underline or their antialiasing makes."""
    shot = wait_for(lambda: grab(window, WIDTH, HEIGHT), 5)
    if shot is None:
        bail("could not read the window's pixels")
    if os.environ.get("MG_DEBUG_SHOTS"):
        shot.save_png(os.path.join(os.environ["MG_DEBUG_SHOTS"], "find-%d.png" % time.monotonic_ns()))
    matches = current = 0
    for row in shot.region(*ARTICLE):
        for x in range(0, len(row), 3):
            r, g, b = row[x], row[x + 1], row[x + 2]
            if r > 240 and g > 220 and 120 < b < 160:
                matches += 1
            elif r > 225 and 130 < g < 160 and b < 60:
                current += 1
    return matches, current


def run(marginalia, fixture, scratch):
    env = private_env(scratch)
    dataset = os.path.join(scratch, "find.json")
    shutil.copyfile(fixture, dataset)
    tap = Tap(PLAN)

    process, pid, window = open_window(marginalia, dataset, env, (WIDTH, HEIGHT), settle=1)
    save = saver(dataset, keys)

    def saved():
        data = save()
        return {doc["id"]: {(a["label"], a["start"], a["end"]) for a in doc["annotations"]}
                for doc in data["documents"]}

    def search_all(word):
        """Ctrl+Shift+F, then WORD typed over the search window's last
        search; returns the search window, focused."""
        keys("ctrl+shift+f")
        search = wait_for(lambda: [w for w in windows_of(pid) if w != window], 10)
        if not search:
            bail("the search window did not appear")
        xdotool("windowfocus", "--sync", search[0])
        time.sleep(0.5)
        keys("ctrl+a")
        type_text(word)
        return search[0]

    def tag_in_window(key):
        """Back in the window, where the search put a match selected: KEY
        tags it; returns the spans as saved."""
        xdotool("windowfocus", "--sync", window)
        time.sleep(0.5)
        keys(key)
        return saved()

    try:
        # "council" is at 9, 55, 108, 171 and 232 of the first document.
        # Typing selects the first; then 1→2→3→2→3→4→3.
        keys("ctrl+f")
        type_text("council")
        keys("Return", "Return", "shift+Return", "ctrl+g", "ctrl+g", "ctrl+shift+g")
        lit = highlighted(window)
        tap.ok(lit[0] > 200 and lit[1] > 50,
               "the matches are highlighted, the current one apart (%d and %d pixels)" % lit)

        keys("Escape")
        unlit = highlighted(window)
        tap.ok(unlit == (0, 0), "Escape takes the highlights away (%d and %d pixels left)" % unlit)

        keys("3")
        spans = saved()
        tap.ok(("claim", 108, 115) in spans["council-vote"],
               "Enter, Shift+Enter, Ctrl+G and Ctrl+Shift+G step, the key tags the match: %s"
               % sorted(spans["council-vote"]))

        # Search over all documents: a word of the second document only.
        search_all("awnings")
        keys("Return")
        # Enter showed the match in the window, which a person now types in.
        spans = tag_in_window("4")
        tap.ok(("figure", 157, 164) in spans["cafe-rain"],
               "Ctrl+Shift+F, Enter opens the match selected in its document: %s"
               % sorted(spans["cafe-rain"]))

        # A click on a row opens its match too.
        search = search_all("strike")
        xdotool("mousemove", "--window", search, "360", "125", "click", "1")
        time.sleep(0.8)
        spans = tag_in_window("1")
        tap.ok(("quote", 23, 29) in spans["ferry-strike"],
               "a click on a row opens the match selected in its document: %s"
               % sorted(spans["ferry-strike"]))

        # Down from the entry into the list, Down to the next match, Enter.
        search_all("council")
        keys("Down", "Down", "Return")
        spans = tag_in_window("4")
        tap.ok(("figure", 55, 62) in spans["council-vote"],
               "Down, Down, Enter in the search window opens the second match: %s"
               % sorted(spans["council-vote"]))

        # Ctrl+Z three times takes back the figure, the quote, the figure.
        keys("ctrl+z")
        keys("ctrl+z", "ctrl+z")
        spans = saved()
        tap.ok(("figure", 157, 164) not in spans["cafe-rain"] and not spans["ferry-strike"],
               "Ctrl+Z takes the tags back")
    finally:
        stop(process, pid)


if __name__ == "__main__":
    main_with_scratch("test-find-keys.py MARGINALIA FIXTURE.json", run, "mg-find-keys-")
