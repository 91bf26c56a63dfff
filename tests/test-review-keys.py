#!/usr/bin/env python3
# test-review-keys.py: a review across the dataset, with the keys alone
#
# Starts `marginalia AYSE.json` on the display (run under Xvfb), opens
# bora's dataset for review with Ctrl+R (the path typed into the file
# chooser), keeps ayşe's spans on the four disagreements of the first
# article with Ctrl+1, then presses F8: with nothing left there it goes on
# to the next article with an open disagreement, where Ctrl+2 takes bora's
# span. Ctrl+S saves, and the file is read back: the second article has
# bora's span and the first is as it was. Undone, the same again with ]. F8 is pressed for real, through
# xdotool, so a widget that swallowed it would fail the test. Then values:
# with a coding scheme, Ctrl+2 takes bora's stance on the article, Ctrl+1
# keeps ayşe's kind of quote, Ctrl+2 takes bora's "not checkable", and
# Ctrl+Z gives ayşe's back; the saved file says each.
# Prints TAP. Usage: test-review-keys.py MARGINALIA REVIEW-FIXTURES-FOLDER
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mg_xdo import (main_with_scratch, open_app, press, private_env,  # noqa: E402
                    saver, stop, Tap, xdotool)

PLAN = 6


def keys(*names):
    press(*names, delay=80, pause=0.5)


def annotations(path):
    with open(path, encoding="utf-8") as f:
        return {d["id"]: sorted((a["label"], a["start"], a["end"]) for a in d["annotations"])
                for d in json.load(f)["documents"]}


def values(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)["documents"][0]
    spans = {a["label"]: a.get("attributes", {}) for a in doc["annotations"]}
    return doc.get("codes", {}).get("stance"), spans["quote"].get("kind"), spans["claim"].get("checkable")


def open_review(marginalia, mine, theirs, env):
    """Starts marginalia on MINE and opens THEIRS for review: Ctrl+R asks
    for the colleague's file, a typed path opens it. Returns the process,
    the program's pid and a function that saves and reads MINE back."""
    process, pid = open_app(marginalia, mine, env)
    try:
        save = saver(mine, keys)
        keys("ctrl+r")
        time.sleep(1)
        xdotool("type", "--delay", "20", theirs)
        time.sleep(0.5)
        keys("Return")
        time.sleep(1.5)
    except BaseException:
        stop(process, pid)
        raise
    return process, pid, save


def run_values(marginalia, fixtures, scratch, env, tap):
    mine = os.path.join(scratch, "ayse-values.json")
    theirs = os.path.join(scratch, "bora-values.json")
    shutil.copyfile(os.path.join(fixtures, "values-mine.json"), mine)
    shutil.copyfile(os.path.join(fixtures, "values-theirs.json"), theirs)
    process, pid, save = open_review(marginalia, mine, theirs, env)

    def saved():
        save()
        return values(mine)

    try:
        # The stance first, then the quote's kind, then the claim's.
        keys("ctrl+2", "ctrl+1", "ctrl+2")
        after = saved()
        tap.ok(after == ("against", "direct", False),
               "Ctrl+2, Ctrl+1, Ctrl+2 took the stance, kept the kind, took the claim's value: %r" % (after,))
        keys("ctrl+z")
        undone = saved()
        tap.ok(undone == ("against", "direct", True), "Ctrl+Z gave the claim's value back: %r" % (undone,))
    finally:
        stop(process, pid)


def run(marginalia, fixtures, scratch):
    env = private_env(scratch)
    mine = os.path.join(scratch, "ayse.json")
    theirs = os.path.join(scratch, "bora.json")
    shutil.copyfile(os.path.join(fixtures, "mine.json"), mine)
    shutil.copyfile(os.path.join(fixtures, "theirs.json"), theirs)
    before = annotations(mine)
    tap = Tap(PLAN)

    process, pid, save = open_review(marginalia, mine, theirs, env)

    def saved():
        save()
        return annotations(mine)

    try:
        # Keep yours on the four disagreements of the harbour article.
        keys("ctrl+1", "ctrl+1", "ctrl+1", "ctrl+1")
        after_keep = saved()
        tap.ok(after_keep["harbour"] == before["harbour"],
               "keeping yours four times changes no span of the first article")

        # Nothing open there: F8 goes on to the budget article, where
        # Ctrl+2 takes bora's span.
        keys("F8")
        keys("ctrl+2")
        after = saved()
        tap.ok(len(after["budget"]) == len(before["budget"]) + 1,
               "F8 went on to the next article and Ctrl+2 took their span: %r" % after["budget"])
        tap.ok(after["harbour"] == before["harbour"], "the first article is as it was")

        # Undone, the budget article's disagreement is open again; from the
        # first article, which has none left, ] goes to it as F8 does, and
        # Ctrl+3 keeps both there.
        keys("ctrl+z")
        undone = saved()
        keys("ctrl+Prior", "bracketright", "ctrl+3")
        again = saved()
        tap.ok(undone["budget"] == before["budget"] and again["budget"] == after["budget"]
               and again["harbour"] == before["harbour"],
               "] goes on to the next article with an open disagreement: %r" % again["budget"])
    finally:
        stop(process, pid)
    run_values(marginalia, fixtures, scratch, env, tap)


if __name__ == "__main__":
    main_with_scratch("test-review-keys.py MARGINALIA FIXTURES", run, "marginalia-review-keys-")
