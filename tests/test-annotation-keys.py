#!/usr/bin/env python3
# test-annotation-keys.py: attributing, writing notes and the annotation's
# menu, with real key presses and clicks
#
# Starts `marginalia DATASET` on the display (run under Xvfb) and works on
# it through xdotool, as a person would: Ctrl+Shift+A from the article and
# from the annotation list (the text view and the list both have a binding
# of their own for it), a note of two lines left with Escape, with a click
# elsewhere and with Ctrl+Enter, and the annotation's menu opened with the
# Menu key, Shift+F10 and a right click on a span. After each step the
# dataset is saved with Ctrl+S and read back from disk.
# Prints TAP. Usage: test-annotation-keys.py MARGINALIA FIXTURE.json
#
# SPDX-License-Identifier: GPL-3.0-or-later

import hashlib
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mg_xdo import (main_with_scratch, open_window, press, private_env,  # noqa: E402
                    saver, stop, Tap, xdotool)

PLAN = 9


def keys(*names):
    press(*names, delay=80, pause=0.4)


def type_text(text):
    xdotool("type", "--delay", "30", text)
    time.sleep(0.3)


def write_dataset(fixture, path):
    """The fixture, its second article replaced by a long paragraph that
    one quote covers whole, so a click anywhere in the article hits it."""
    with open(fixture, encoding="utf-8") as f:
        data = json.load(f)
    text = "Long\n\n" + " ".join(["The harbour board said the ferry would wait."] * 40) + "\n"
    quote = {"id": "a1", "label": "quote", "start": 6, "end": len(text) - 1,
             "text": text[6:-1], "note": "",
             "created": "2026-01-05T09:00:00Z", "modified": "2026-01-05T09:00:00Z"}
    document = data["documents"][1]
    document.update(text=text, annotations=[quote], relations=[],
                    text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)


def run(marginalia, fixture, scratch):
    env = private_env(scratch)
    dataset = os.path.join(scratch, "news.json")
    write_dataset(fixture, dataset)
    tap = Tap(PLAN)

    process, pid, window = open_window(marginalia, dataset, env, (1200, 800), settle=0.8)
    save = saver(dataset, keys)

    def saved(document=0):
        """Saves with Ctrl+S and returns a document as read from disk."""
        return save()["documents"][document]

    def attribution(doc, annotation_id):
        return [r["to"] for r in doc["relations"]
                if r["type"] == "attributed-to" and r["from"] == annotation_id]

    def note(doc, annotation_id):
        return next((a["note"] for a in doc["annotations"] if a["id"] == annotation_id), None)

    try:
        # The claim "costs had risen…" is the fourth span; nobody said it.
        # With the article focused, Ctrl+Shift+A opens the speakers, whose
        # first row, the mayor, Return picks.
        keys("ctrl+Home", "alt+Down", "alt+Down", "alt+Down", "alt+Down")
        keys("ctrl+shift+a")
        keys("Return")
        doc = saved()
        tap.ok(attribution(doc, "a4") == ["a3"],
               "Ctrl+Shift+A in the article attributes: %r" % attribution(doc, "a4"))

        # Tab takes the focus past the four label buttons and the list's
        # filter to the annotation list; Ctrl+Shift+A still opens the
        # speakers, at the mayor, and Down Return picks Nobody.
        keys("Tab", "Tab", "Tab", "Tab", "Tab", "Tab")
        keys("ctrl+shift+a")
        keys("Down", "Return")
        doc = saved()
        tap.ok(attribution(doc, "a4") == [],
               "Ctrl+Shift+A in the annotation list: %r" % attribution(doc, "a4"))

        # A note of two lines: Return makes the second, Escape keeps both.
        keys("Return", "ctrl+a")
        type_text("first line")
        keys("Return")
        type_text("second line")
        keys("Escape")
        doc = saved()
        tap.ok(note(doc, "a4") == "first line\nsecond line",
               "Escape keeps a note of two lines: %r" % note(doc, "a4"))

        # More words, then a click elsewhere in the window: kept.
        keys("Return", "ctrl+End")
        type_text(" and more")
        geometry = xdotool("getwindowgeometry", "--shell", window)
        size = dict(item.split("=") for item in geometry)
        xdotool("mousemove", "--window", window, str(int(size["WIDTH"]) // 2), "120")
        xdotool("click", "1")
        time.sleep(0.5)
        doc = saved()
        tap.ok(note(doc, "a4") == "first line\nsecond line and more",
               "a click elsewhere keeps the note: %r" % note(doc, "a4"))

        # Ctrl+Enter finishes a note.
        keys("Escape", "ctrl+Home", "alt+Down", "alt+Down", "alt+Down", "alt+Down")
        keys("Return", "ctrl+a")
        type_text("checked")
        keys("ctrl+Return")
        type_text("9")
        doc = saved()
        tap.ok(note(doc, "a4") == "checked", "Ctrl+Enter finishes a note: %r" % note(doc, "a4"))

        # The Menu key opens the annotation's menu; its Note item opens the
        # note of the selected span.
        keys("Menu")
        keys("n", "ctrl+a")
        type_text("from the menu")
        keys("ctrl+Return")
        doc = saved()
        tap.ok(note(doc, "a4") == "from the menu",
               "the Menu key's Note item: %r" % note(doc, "a4"))

        # Shift+F10 opens it too; Delete removes the span.
        keys("shift+F10")
        keys("d")
        doc = saved()
        tap.ok(note(doc, "a4") is None and len(doc["annotations"]) == 4,
               "Shift+F10 then Delete removes the span")

        # A right click on a span opens its menu, not the text view's
        # Cut/Copy/Paste: in the second article one quote covers all.
        keys("ctrl+Next")
        xdotool("mousemove", "--window", window,
                str(int(size["WIDTH"]) * 45 // 100), str(int(size["HEIGHT"]) // 2))
        xdotool("click", "3")
        time.sleep(0.6)
        keys("d")
        doc = saved(1)
        tap.ok(doc["annotations"] == [], "a right click on a span, then Delete: %d left"
               % len(doc["annotations"]))

        # Undo brings it back, and the first document is untouched by it.
        keys("ctrl+z")
        doc = saved(1)
        tap.ok(len(doc["annotations"]) == 1, "Ctrl+Z brings the span back")
    finally:
        stop(process, pid)


if __name__ == "__main__":
    main_with_scratch("test-annotation-keys.py MARGINALIA FIXTURE", run,
                      "marginalia-annotation-keys-")
