#!/usr/bin/env python3
# test-document-keys.py: the keys of a coding session over a corpus, pressed
# for real
#
# Starts `marginalia DATASET` on the display (run under Xvfb) and, with key
# presses alone through xdotool: renames the document (F2, type, Enter),
# undoes it, moves it down and up (Ctrl+Shift+Page Down/Up, which the
# article's text view would take for itself), removes it (Ctrl+Delete, a
# question since it has annotations) and undoes that, starts a new dataset
# (Ctrl+N) and quits. Started again with no file, the last dataset opens;
# once that file is gone, the start says so without a dialog and shows the
# sample. Each edit is saved with Ctrl+S and read back from disk.
# Prints TAP. Usage: test-document-keys.py MARGINALIA FIXTURE.json
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mg_xdo import (main_with_scratch, open_app, press, private_env,  # noqa: E402
                    saver, stop, Tap, wait_for, windows_of, xdotool)

PLAN = 9


def keys(*names):
    press(*names, delay=60, pause=0.3)


def window_name(pid):
    windows = windows_of(pid)
    return " ".join(xdotool("getwindowname", windows[0])) if windows else None


def quit_app(process, pid):
    keys("ctrl+q")
    try:
        process.wait(timeout=10)
    except Exception:
        os.kill(pid, signal.SIGKILL)
        process.wait(timeout=10)


def run(marginalia, fixture, scratch):
    env = private_env(scratch)
    # The settings must outlive the program, as they do for a person.
    env["GSETTINGS_BACKEND"] = "keyfile"
    dataset = os.path.join(scratch, "news.json")
    shutil.copyfile(fixture, dataset)
    tap = Tap(PLAN)
    save = saver(dataset, keys)

    def saved():
        return save()["documents"]

    process, pid = open_app(marginalia, dataset, env)
    try:
        # F2 opens the details on the title, all of it selected.
        keys("F2")
        xdotool("type", "--delay", "30", "Ferry deal delayed")
        keys("Return")
        docs = saved()
        tap.ok(docs[0]["title"] == "Ferry deal delayed",
               "F2, a title and Enter rename the document: %r" % docs[0]["title"])

        keys("ctrl+z")
        docs = saved()
        tap.ok(docs[0]["title"] == "City council delays ferry contract",
               "Ctrl+Z takes the new title back: %r" % docs[0]["title"])

        # The article has the focus: its text view binds these keys too.
        keys("Escape", "ctrl+Home", "ctrl+shift+Next")
        docs = saved()
        order = [d["id"] for d in docs]
        tap.ok(order[1] == "ferry-contract", "Ctrl+Shift+Page Down moves the document down: %r" % order)

        keys("ctrl+shift+Prior")
        docs = saved()
        order = [d["id"] for d in docs]
        tap.ok(order[0] == "ferry-contract", "Ctrl+Shift+Page Up moves it back up: %r" % order)

        # A document with annotations: the question comes up (a second
        # window), Escape keeps the document, Tab Return removes it.
        keys("ctrl+Delete")
        asked = wait_for(lambda: len(windows_of(pid)) == 2, 5)
        keys("Escape")
        time.sleep(0.5)
        kept = len(windows_of(pid)) == 1
        keys("ctrl+Delete")
        wait_for(lambda: len(windows_of(pid)) == 2, 5)
        keys("Tab", "Return")
        time.sleep(0.5)
        docs = saved()
        tap.ok(asked and kept and [d["id"] for d in docs] == ["wet-summer"],
               "Ctrl+Delete asks, then removes the document: %r" % [d["id"] for d in docs])

        keys("ctrl+z")
        docs = saved()
        tap.ok([d["id"] for d in docs] == ["ferry-contract", "wet-summer"],
               "Ctrl+Z puts it back in its place: %r" % [d["id"] for d in docs])

        keys("ctrl+n")
        name = wait_for(lambda: window_name(pid) == "New Dataset" and window_name(pid), 5)
        tap.ok(name == "New Dataset", "Ctrl+N starts a new dataset: %r" % window_name(pid))
        quit_app(process, pid)
        pid = None

        # No file named: the dataset open last (saved) comes back.
        process, pid = open_app(marginalia, None, env)
        name = wait_for(lambda: window_name(pid) == "news" and window_name(pid), 10)
        tap.ok(name == "news", "the last dataset reopens at start: %r" % window_name(pid))
        quit_app(process, pid)
        pid = None

        # Gone: the sample, and one window (a toast, no error dialog).
        os.unlink(dataset)
        process, pid = open_app(marginalia, None, env)
        time.sleep(1.5)
        tap.ok(window_name(pid) == "New Dataset" and len(windows_of(pid)) == 1,
               "a vanished last dataset is said once, without a dialog: %r, %d windows"
               % (window_name(pid), len(windows_of(pid))))
    finally:
        stop(process, pid)


if __name__ == "__main__":
    main_with_scratch("test-document-keys.py MARGINALIA FIXTURE", run, "marginalia-document-keys-")
