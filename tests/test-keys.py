#!/usr/bin/env python3
# test-keys.py: the window's keys, pressed for real
#
# Starts `marginalia DATASET` on the display (run under Xvfb) and works on
# it with key presses alone, through xdotool, as a person at the keyboard:
# find then tag, write a note, delete, undo, move to the next document and
# save. The article is a GtkTextView, which has key bindings of its own
# (Delete, Return, Ctrl+Page Down); this catches any key it would swallow
# before the window's actions see it. After each step the dataset is saved
# with Ctrl+S and read back from disk.
# Prints TAP. Usage: test-keys.py MARGINALIA FIXTURE.json
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

PLAN = 8


def keys(*names):
    press(*names, delay=60, pause=0.3)


def type_text(text):
    xdotool("type", "--delay", "30", text)
    time.sleep(0.2)


def run(marginalia, fixture, scratch):
    env = private_env(scratch)
    dataset = os.path.join(scratch, "news.json")
    shutil.copyfile(fixture, dataset)
    tap = Tap(PLAN)

    process, pid = open_app(marginalia, dataset, env)

    save = saver(dataset, keys)

    def saved():
        """Saves with Ctrl+S and returns the first document's annotations."""
        data = save()
        return {(a["label"], a["text"]): a for a in data["documents"][0]["annotations"]}

    try:
        # Find, Enter selects the match, Escape returns to the article with
        # it still selected, 3 tags it as a claim.
        keys("ctrl+f")
        type_text("delay the ferry")
        keys("Return", "Escape", "3")
        spans = saved()
        tap.ok(("claim", "delay the ferry") in spans, "find then tag with 3")

        # Alt+Right and Alt+Shift+Right move the span's edges a word a
        # press (whole-word selection is on), never onto white space.
        keys("alt+Right")
        grown = saved()
        keys("alt+Right")
        grown_again = saved()
        keys("alt+Left", "alt+Left", "alt+shift+Right")
        shrunk = saved()
        keys("alt+shift+Left")
        back = saved()
        tap.ok(("claim", "delay the ferry contract") in grown
               and ("claim", "delay the ferry contract.") in grown_again
               and ("claim", "the ferry") in shrunk
               and ("claim", "delay the ferry") in back,
               "boundary keys step by word: %r" % sorted(t for _, t in grown))

        # The new span is selected: Return opens its note, Ctrl+Return
        # finishes it (Return alone starts a new line of the note).
        keys("Return")
        type_text("check the minutes")
        keys("ctrl+Return")
        spans = saved()
        claim = spans.get(("claim", "delay the ferry"))
        tap.ok(claim is not None and claim["note"] == "check the minutes",
               "Return writes a note: %r" % (claim and claim["note"]))

        # 4 relabels the selected span.
        keys("4")
        spans = saved()
        tap.ok(("figure", "delay the ferry") in spans and ("claim", "delay the ferry") not in spans,
               "a label key relabels the selected span")

        keys("Delete")
        spans = saved()
        tap.ok(("figure", "delay the ferry") not in spans, "Delete removes the selected span")

        keys("ctrl+z")
        spans = saved()
        tap.ok(("figure", "delay the ferry") in spans, "Ctrl+Z brings it back")

        # Shift+Ctrl+Right selects a word from the caret; a tag goes on it.
        keys("Escape", "ctrl+Home", "shift+ctrl+Right", "1")
        spans = saved()
        tap.ok(("quote", "Harbour") in spans, "a keyboard selection is tagged")

        # Ctrl+Page Down moves to the next document, where tagging goes on.
        keys("ctrl+Next", "ctrl+Home", "shift+ctrl+Right", "2")
        with open(dataset, encoding="utf-8") as f:
            before = json.load(f)["documents"][1]["annotations"]
        keys("ctrl+s")
        time.sleep(1)
        with open(dataset, encoding="utf-8") as f:
            after = json.load(f)["documents"][1]["annotations"]
        tap.ok(any(a["label"] == "actor" and a["text"] == "Weather" for a in after)
               and len(after) == len(before) + 1,
               "Ctrl+Page Down goes to the next document")
    finally:
        stop(process, pid)


if __name__ == "__main__":
    main_with_scratch("test-keys.py MARGINALIA FIXTURE", run, "marginalia-keys-")
