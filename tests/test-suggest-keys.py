#!/usr/bin/env python3
# test-suggest-keys.py: suggestions turned on and settled with the keys alone
#
# Starts `marginalia DATASET` (one article, suggestions off) on the display
# (run under Xvfb) and works through its suggestions with key presses,
# through xdotool, as a person at the keyboard: F10 and U turn them on from
# the main menu, N and Shift+N walk, Enter accepts (GtkTextView would take
# it), 3 accepts under the third label, Backspace rejects (GtkTextView would
# take it too), Ctrl+Z undoes, Escape leaves the current one,
# Ctrl+Shift+Enter accepts all of a label,
# Ctrl+S saves; the file is read back after each save. Prints TAP.
# Usage: test-suggest-keys.py MARGINALIA DATASET.json
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mg_xdo import (main_with_scratch, open_app, press, private_env,  # noqa: E402
                    saver, stop, Tap)

PLAN = 8
QUOTE = "“We will raise the fees,”"


def keys(*names):
    press(*names, delay=60, pause=0.4)


def run(marginalia, fixture, scratch):
    env = private_env(scratch)
    dataset = os.path.join(scratch, "suggest.json")
    shutil.copyfile(fixture, dataset)
    tap = Tap(PLAN)

    process, pid = open_app(marginalia, dataset, env)
    save = saver(dataset, keys)

    def saved():
        """Saves with Ctrl+S and returns the dataset and its document."""
        data = save()
        return data, data["documents"][0]

    def spans(doc):
        return {(a["label"], doc["text"][a["start"]:a["end"]]): a for a in doc["annotations"]}

    try:
        # The main menu turns them on for the dataset; computing takes a moment.
        keys("F10", "u")
        time.sleep(1.5)
        data, doc = saved()
        tap.ok(data.get("suggestions") == {"enabled": True} and doc["annotations"] == [],
               "F10 U turns suggestions on, in the dataset, and adds no span: %s" % data.get("suggestions"))

        # N twice: the quote, then its speaker; Enter accepts the speaker.
        keys("n", "n", "Return")
        data, doc = saved()
        got = spans(doc)
        actor = got.get(("actor", "Jan de Vries"))
        tap.ok(actor is not None and actor.get("origin") == {"rule": "actor-name", "label": "actor"}
               and len(got) == 1, "N N Enter accepts the speaker, with its origin: %s" % sorted(got))

        # Shift+N back to the quote; Enter accepts it, attributed to the speaker.
        keys("shift+n", "Return")
        data, doc = saved()
        got = spans(doc)
        quote = got.get(("quote", QUOTE))
        relations = doc.get("relations", [])
        tap.ok(quote is not None and len(relations) == 1 and relations[0]["from"] == quote["id"]
               and relations[0]["to"] == actor["id"],
               "Shift+N Enter accepts the quote, attributed to the speaker: %s" % relations)

        # The figure "12%" is current now: 3 accepts it as a claim.
        keys("3")
        data, doc = saved()
        got = spans(doc)
        claim = got.get(("claim", "12%"))
        tap.ok(claim is not None and claim["origin"]["label"] == "figure" and ("figure", "12%") not in got,
               "3 accepts the current suggestion as a claim: %s" % sorted(got))

        # "2025" is current: Backspace rejects it, Ctrl+Z takes that back.
        keys("BackSpace")
        data, doc = saved()
        rejected = doc.get("rejected_suggestions", [])
        tap.ok(len(rejected) == 1 and doc["text"][rejected[0]["start"]:rejected[0]["end"]] == "2025"
               and rejected[0]["label"] == "figure" and len(doc["annotations"]) == 3,
               "Backspace rejects the current suggestion: %s" % rejected)
        keys("ctrl+z")
        data, doc = saved()
        tap.ok("rejected_suggestions" not in doc and len(doc["annotations"]) == 3,
               "Ctrl+Z takes the rejection back")

        # N to it, Escape leaves it: Enter accepts nothing then.
        keys("n", "Escape", "Return")
        time.sleep(0.5)
        keys("Escape")
        data, doc = saved()
        tap.ok(len(doc["annotations"]) == 3, "Escape leaves the current suggestion, and Enter accepts nothing")

        # N to it again; Ctrl+Shift+Enter accepts every figure left.
        keys("n", "ctrl+shift+Return")
        data, doc = saved()
        got = spans(doc)
        tap.ok(("figure", "2025") in got and len(got) == 4 and
               all("origin" in a for a in doc["annotations"]),
               "Ctrl+Shift+Enter accepts all suggestions of the label: %s" % sorted(got))
    finally:
        stop(process, pid)


if __name__ == "__main__":
    main_with_scratch("test-suggest-keys.py MARGINALIA DATASET", run, "marginalia-suggest-keys-")
