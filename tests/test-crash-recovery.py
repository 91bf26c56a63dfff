#!/usr/bin/env python3
# test-crash-recovery.py: the real program, killed with SIGKILL, loses nothing
#
# Starts `marginalia DATASET` on the display (run under Xvfb), tags a word
# with the keyboard through xdotool, waits for the autosave, kills the
# process with SIGKILL, starts it again, accepts the recovery offer with
# Enter, saves with Ctrl+S and checks the dataset on disk holds the tag.
# Prints TAP. Usage: test-crash-recovery.py MARGINALIA FIXTURE.json
#
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import json
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mg_xdo import (find_app_pid, main_with_scratch, open_app, private_env,  # noqa: E402
                    start, stop, Tap, wait_for, windows_of, xdotool)

PLAN = 5


def run(marginalia, fixture, scratch):
    env = private_env(scratch)
    dataset = os.path.join(scratch, "news.json")
    shutil.copyfile(fixture, dataset)
    with open(dataset, encoding="utf-8") as f:
        original = f.read()
    drafts = os.path.join(env["XDG_DATA_HOME"], "marginalia", "drafts")

    tap = Tap(PLAN)
    ok = tap.ok

    # First run: tag the first word with the keyboard, then die.
    process, pid = open_app(marginalia, dataset, env)
    # The caret is at the start of the article: select the first word, tag it
    # as a quote.
    xdotool("key", "--delay", "80", "shift+ctrl+Right", "1")
    tagged = time.monotonic()
    # A draft is whole once its sidecar, which names the dataset's file, is
    # written after the dataset: kill before that and the work comes back
    # as a new, unnamed dataset.
    draft = wait_for(lambda: glob.glob(os.path.join(drafts, "*.json")) and
                     glob.glob(os.path.join(drafts, "*.info")), 8)
    delay = time.monotonic() - tagged
    ok(bool(draft) and delay <= 5.5,
       "a draft is written within the autosave delay (%.1f s)" % delay)
    stop(process, pid)
    with open(dataset, encoding="utf-8") as f:
        ok(f.read() == original, "the dataset file is untouched by the crash")
    ok(bool(glob.glob(os.path.join(drafts, "*.json"))), "the draft survives SIGKILL")

    # Second run: the draft is offered; Enter recovers; Ctrl+S saves.
    process = start(marginalia, dataset, env)
    pid = find_app_pid(process)
    windows = wait_for(lambda: len(windows_of(pid)) >= 2 and windows_of(pid), 15) if pid else None
    ok(bool(windows), "the next start shows the recovery offer")
    if windows:
        # The prompt is the window not named after the dataset; Enter picks
        # its default, Recover.
        names = {w: " ".join(xdotool("getwindowname", w)) for w in windows}
        prompt = [w for w in windows if "news" not in names[w]] or windows[-1:]
        xdotool("windowfocus", "--sync", prompt[0])
        time.sleep(0.3)
        xdotool("key", "Return")
        time.sleep(0.8)
        main_window = windows_of(pid)
        if main_window:
            xdotool("windowfocus", "--sync", main_window[0])
            time.sleep(0.3)
            xdotool("key", "ctrl+s")

    def saved_quote():
        with open(dataset, encoding="utf-8") as f:
            try:
                data = json.load(f)
            except ValueError:
                return None
        return [a for d in data["documents"] for a in d["annotations"]
                if a["label"] == "quote" and a["start"] == 0]
    quotes = wait_for(saved_quote, 5)
    ok(bool(quotes) and quotes[0]["text"] == "Harbour",
       "the recovered tag is saved to the dataset: %s" % (quotes[0]["text"] if quotes else None))
    stop(process, pid)


if __name__ == "__main__":
    main_with_scratch("test-crash-recovery.py MARGINALIA FIXTURE", run, "marginalia-crash-")
