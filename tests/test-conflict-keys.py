#!/usr/bin/env python3
# test-conflict-keys.py: a git merge's conflicts settled with the keys alone
#
# Starts `marginalia MERGED.json` (the merge driver's output with one
# conflict of every kind) on the display (run under Xvfb) and settles them
# with key presses, through xdotool, as a person at the keyboard: F10 and M
# open review of the conflicts from the main menu, Ctrl+1-4 settle, F8 goes
# on, Ctrl+Z undoes, Ctrl+S saves; the file is read back after each save.
# Prints TAP. Usage: test-conflict-keys.py MARGINALIA MERGED.json
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mg_xdo import (main_with_scratch, open_app, press, private_env,  # noqa: E402
                    saver, stop, Tap)

PLAN = 4


def keys(*names):
    press(*names, delay=60, pause=0.4)


def run(marginalia, fixture, scratch):
    env = private_env(scratch)
    dataset = os.path.join(scratch, "gold.json")
    shutil.copyfile(fixture, dataset)
    tap = Tap(PLAN)

    process, pid = open_app(marginalia, dataset, env)
    save = saver(dataset, keys)

    def saved():
        """Saves with Ctrl+S and returns the documents by id."""
        return {d["id"]: d for d in save()["documents"]}

    def spans(doc):
        return {a["id"]: a for a in doc["annotations"]}

    try:
        # The port's conflicts in their order: note-both, changed-deleted,
        # deleted-changed, changed-both. Take theirs, keep yours, drop, keep
        # both.
        keys("F10", "m")
        keys("ctrl+2", "ctrl+1", "ctrl+4", "ctrl+3")
        docs = saved()
        port = docs["port"]
        a = spans(port)
        tap.ok("conflicts" not in port and a["a4"]["note"] == "confirmed by the port"
               and "a3" in a and "a2" not in a and "a1" in a and "a5" in a,
               "Ctrl+1-4 settle the port's four conflicts: %s" % sorted(a))

        # F8 goes on to storm (changed here, deleted there: keep ours), then
        # budget (deleted here, changed there: take theirs keeps it).
        keys("F8", "ctrl+1", "F8", "ctrl+2")
        docs = saved()
        tap.ok(not any("conflicts" in d for d in docs.values()) and set(docs) == {"port", "storm", "budget"},
               "F8 walks to the other documents' conflicts: %s" % sorted(docs))

        keys("ctrl+z")
        docs = saved()
        tap.ok(len(docs["budget"].get("conflicts", [])) == 1, "Ctrl+Z brings the last conflict back")

        # Drop both: the document we deleted goes.
        keys("ctrl+4")
        docs = saved()
        tap.ok("budget" not in docs and not any("conflicts" in d for d in docs.values()),
               "dropping a document's conflict removes it")
    finally:
        stop(process, pid)


if __name__ == "__main__":
    main_with_scratch("test-conflict-keys.py MARGINALIA MERGED", run, "marginalia-conflict-keys-")
