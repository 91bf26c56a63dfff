#!/usr/bin/env python3
# test-status-keys.py: document status and zoom keys, pressed for real
#
# Starts `marginalia DATASET` on the display (run under Xvfb) on four
# documents, the second already done, and works with key presses alone,
# through xdotool: Ctrl+D marks done and back, Ctrl+Page Down and Up go to
# the next and previous document not done (GtkTextView binds Ctrl+Page
# Down for itself), the first tag of a document to do marks it in progress
# and Ctrl+Z takes both back; after each step the dataset is saved with
# Ctrl+S and read back from disk. Then Ctrl+plus, Ctrl+equal, the keypad's
# plus, Ctrl+minus and Ctrl+0 change the article's text size, read back
# from the window's pixels, while plain digits still tag.
# Prints TAP. Usage: test-status-keys.py MARGINALIA FIXTURE.json
#
# SPDX-License-Identifier: GPL-3.0-or-later

import copy
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mg_xdo import (bail, main_with_scratch, open_window, press, private_env,  # noqa: E402
                    saver, stop, Tap, wait_for)
from mg_xshot import grab  # noqa: E402

PLAN = 9
WIDTH, HEIGHT = 1400, 900

# The article's column at 1400x900, in fractions of the window.
ARTICLE = (0.25, 0.08, 0.70, 0.90)


def keys(*names):
    press(*names, delay=80, pause=0.4)


def make_corpus(fixture, path):
    """Four documents: the fixture's two and a copy of each, the second
    marked done in the file."""
    with open(fixture, encoding="utf-8") as f:
        data = json.load(f)
    first, second = data["documents"][:2]
    copies = []
    for doc in (first, second):
        twin = copy.deepcopy(doc)
        twin["id"] = doc["id"] + "-again"
        twin["annotations"] = []
        twin["relations"] = []
        copies.append(twin)
    second["status"] = "done"
    data["documents"] = [first, second] + copies
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f)


def article_pixels(window):
    shot = wait_for(lambda: grab(window, WIDTH, HEIGHT), 5)
    if shot is None:
        bail("could not read the window's pixels")
    return b"".join(shot.region(*ARTICLE))


def differing(a, b):
    """The fraction of the pixels that differ between two grabs."""
    n = min(len(a), len(b)) // 3
    diff = sum(1 for i in range(0, n * 3, 3) if a[i:i + 3] != b[i:i + 3])
    return diff / max(n, 1)


def run(marginalia, fixture, scratch):
    env = private_env(scratch)
    dataset = os.path.join(scratch, "corpus.json")
    make_corpus(fixture, dataset)
    tap = Tap(PLAN)

    process, pid, window = open_window(marginalia, dataset, env, (WIDTH, HEIGHT), settle=1)
    save = saver(dataset, keys)

    def saved():
        """Saves with Ctrl+S and returns the documents as on disk."""
        return save()["documents"]

    try:
        docs = saved()
        keys("ctrl+d")
        docs = saved()
        tap.ok(docs[0].get("status") == "done", "Ctrl+D marks the document done: %r"
               % docs[0].get("status"))

        # From the first, done now, past the second, done in the file.
        keys("ctrl+Next", "ctrl+d")
        docs = saved()
        tap.ok(docs[2].get("status") == "done" and docs[1].get("status") == "done",
               "Ctrl+Page Down skips done documents: %r" % [d.get("status") for d in docs])

        keys("ctrl+d")
        docs = saved()
        tap.ok("status" not in docs[2], "Ctrl+D again takes a document back to do: %r"
               % docs[2].get("status"))

        # Nothing before it is left to do: it stays on the third.
        keys("ctrl+Prior", "ctrl+Home", "shift+ctrl+Right", "2")
        docs = saved()
        tap.ok(docs[2].get("status") == "in-progress" and len(docs[2]["annotations"]) == 1,
               "Ctrl+Page Up stays when no document before is left, and the first tag "
               "marks it in progress: %r" % docs[2].get("status"))

        keys("ctrl+z")
        docs = saved()
        tap.ok("status" not in docs[2] and docs[2]["annotations"] == [],
               "one Ctrl+Z takes back the tag and the status")

        keys("ctrl+Next")
        keys("ctrl+d")
        docs = saved()
        tap.ok(docs[3].get("status") == "done", "Ctrl+Page Down goes on to the last")

        # Zoom: the article's pixels change, and come back with Ctrl+0.
        # (Once the toast of Ctrl+Page Up above has gone from the article.)
        time.sleep(5)
        keys("Escape", "ctrl+Home")
        usual = article_pixels(window)
        steps = []
        previous = usual
        for key in ("ctrl+plus", "ctrl+equal", "ctrl+KP_Add"):
            keys(key)
            larger = article_pixels(window)
            steps.append(differing(previous, larger))
            previous = larger
        keys("ctrl+0")
        back = article_pixels(window)
        keys("ctrl+minus")
        smaller = article_pixels(window)
        keys("ctrl+0")
        again = article_pixels(window)
        tap.ok(min(steps) > 0.005 and differing(usual, back) < 0.002,
               "Ctrl+plus, Ctrl+equal and keypad plus each enlarge the text, Ctrl+0 puts it "
               "back (%s, %.4f)" % (", ".join("%.4f" % d for d in steps), differing(usual, back)))
        tap.ok(differing(usual, smaller) > 0.01 and differing(usual, again) < 0.002,
               "Ctrl+minus makes it smaller (%.4f, %.4f)"
               % (differing(usual, smaller), differing(usual, again)))

        # A plain digit still tags; Ctrl+0 did not.
        keys("shift+ctrl+Right", "1")
        docs = saved()
        tap.ok([a["label"] for a in docs[3]["annotations"]] == ["quote"],
               "plain digits still tag: %r" % docs[3]["annotations"])
    finally:
        stop(process, pid)


if __name__ == "__main__":
    main_with_scratch("test-status-keys.py MARGINALIA FIXTURE", run, "marginalia-status-keys-")
