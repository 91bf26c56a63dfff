#!/usr/bin/env python3
# test-span-handles.py: dragging a boundary of the selected span by its
# handle, with the real mouse
#
# Starts `marginalia DATASET` on the display (run under Xvfb), selects a
# quote with Alt+Down and finds the knobs of its handles in the window's
# pixels (solid disks of the quote's colour, which nothing else draws).
# Over a knob the pointer's cursor (read through XFIXES) changes. Its
# start knob is dragged along its line with xdotool: the start moves
# to the beginning of a word, the end stays, and one Ctrl+Z takes it back.
# Then its end knob is dragged far before its start: the span never goes
# empty or turns round. Escape during a drag leaves the span as it was;
# held below the article, the end scrolls it to its last paragraph; and a
# click on a knob changes nothing. After each step the dataset is
# saved with Ctrl+S and read back from disk.
# Prints TAP. Usage: test-span-handles.py MARGINALIA WORLD.json
#
# SPDX-License-Identifier: GPL-3.0-or-later

import ctypes
import ctypes.util
import hashlib
import json
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mg_xdo import (bail, main_with_scratch, open_window, press, private_env,  # noqa: E402
                    saver, stop, Tap, wait_for, xdotool)
from mg_xshot import grab  # noqa: E402

PLAN = 9
WIDTH, HEIGHT = 1400, 900
QUOTE = "“We want a fair deal, not a fight,”"
QUOTE_RGB = (0x00, 0x72, 0xB2)
BOTTOM = HEIGHT - 60  # in the window, below the article, over its palette
KNOB = 6  # a solid square this wide fits inside a knob, and nowhere else


def keys(*names):
    press(*names, delay=80, pause=0.4)


def write_dataset(fixture, path):
    """The fixture with a quote attributed to its speaker."""
    with open(fixture, encoding="utf-8") as f:
        data = json.load(f)
    document = data["documents"][0]
    text = document["text"]
    start = text.index(QUOTE)
    speaker = text.index("Marta Lindqvist")
    stamp = "2026-01-05T09:00:00Z"
    document["annotations"] += [
        {"id": "q1", "label": "quote", "start": start, "end": start + len(QUOTE),
         "text": QUOTE, "note": "", "created": stamp, "modified": stamp},
        {"id": "s1", "label": "actor", "start": speaker, "end": speaker + 15,
         "text": "Marta Lindqvist", "note": "", "created": stamp, "modified": stamp},
    ]
    document["relations"] = [{"id": "r1", "type": "attributed-to", "from": "q1", "to": "s1"}]
    document["text_sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
    return text, start, start + len(QUOTE)


def find_knobs(shot):
    """Centres of the solid KNOB x KNOB squares of the quote's colour, top
    to bottom: one per knob (the selection's outline is 2 pixels wide)."""
    colour = bytes(QUOTE_RGB)
    runs = {}
    for y, row in enumerate(shot.rows):
        for x in range(0, shot.width - KNOB):
            if row[3 * x:3 * x + 3] == colour and row[3 * x:3 * (x + KNOB)] == colour * KNOB:
                runs.setdefault(y, []).append(x)
    knobs = []
    for y in sorted(runs):
        for x in runs[y]:
            if all(x in runs.get(y + dy, []) for dy in range(KNOB)):
                centre = (x + KNOB // 2, y + KNOB // 2)
                if all(abs(centre[0] - k[0]) > 12 or abs(centre[1] - k[1]) > 12 for k in knobs):
                    knobs.append(centre)
    return knobs


class _CursorImage(ctypes.Structure):
    _fields_ = [("x", ctypes.c_short), ("y", ctypes.c_short),
                ("width", ctypes.c_ushort), ("height", ctypes.c_ushort),
                ("xhot", ctypes.c_ushort), ("yhot", ctypes.c_ushort),
                ("cursor_serial", ctypes.c_ulong), ("pixels", ctypes.POINTER(ctypes.c_ulong)),
                ("atom", ctypes.c_ulong), ("name", ctypes.c_char_p)]


def pointer_cursor():
    """The name and a digest of the pixels of the pointer's cursor, through
    the XFIXES extension, or None where it cannot be read."""
    path = ctypes.util.find_library("Xfixes")
    if path is None:
        return None
    xlib = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11") or "libX11.so.6")
    xfixes = ctypes.cdll.LoadLibrary(path)
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    xlib.XFree.argtypes = [ctypes.c_void_p]
    xfixes.XFixesQueryVersion.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int),
                                          ctypes.POINTER(ctypes.c_int)]
    xfixes.XFixesGetCursorImage.restype = ctypes.POINTER(_CursorImage)
    xfixes.XFixesGetCursorImage.argtypes = [ctypes.c_void_p]
    display = xlib.XOpenDisplay(None)
    major, minor = ctypes.c_int(6), ctypes.c_int(0)
    xfixes.XFixesQueryVersion(display, ctypes.byref(major), ctypes.byref(minor))
    image = xfixes.XFixesGetCursorImage(display)
    if not image:
        xlib.XCloseDisplay(display)
        return None
    c = image.contents
    pixels = bytes(ctypes.string_at(c.pixels, c.width * c.height * ctypes.sizeof(ctypes.c_ulong)))
    result = (c.name or b"").decode(), hashlib.sha256(pixels).hexdigest()[:12]
    xlib.XFree(image)
    xlib.XCloseDisplay(display)
    return result


def drag(window, start, end, steps=12):
    xdotool("mousemove", "--window", window, str(start[0]), str(start[1]))
    time.sleep(0.3)
    xdotool("mousedown", "1")
    time.sleep(0.2)
    for i in range(1, steps + 1):
        x = start[0] + (end[0] - start[0]) * i // steps
        y = start[1] + (end[1] - start[1]) * i // steps
        xdotool("mousemove", "--window", window, str(x), str(y))
        time.sleep(0.05)
    time.sleep(0.2)
    xdotool("mouseup", "1")
    time.sleep(0.5)


def run(marginalia, fixture, scratch):
    env = private_env(scratch)
    dataset = os.path.join(scratch, "world.json")
    text, q_start, q_end = write_dataset(fixture, dataset)
    tap = Tap(PLAN)

    process, pid, window = open_window(marginalia, dataset, env, (WIDTH, HEIGHT), settle=1.0)
    save = saver(dataset, keys)

    def saved_quote():
        document = save()["documents"][0]
        return next(((a["start"], a["end"]) for a in document["annotations"] if a["id"] == "q1"),
                    None)

    def knobs():
        shot = wait_for(lambda: grab(window, WIDTH, HEIGHT), 5)
        if shot is None:
            bail("could not read the window's pixels")
        shot.save_png(os.path.join(scratch, "handles.png"))
        return find_knobs(shot)

    try:
        keys("ctrl+Home", "alt+Down")
        found = knobs()
        tap.ok(len(found) == 2, "the selected quote has two knobs: %r" % found)
        if len(found) != 2:
            for _ in range(PLAN - 1):
                tap.ok(False, "no knobs to drag")
            return

        # Over a knob the pointer becomes a resize arrow; over the text
        # beside it, it is the text's own again.
        (sx, sy), (ex, ey) = found
        xdotool("mousemove", "--window", window, str(sx + 60), str(sy + 14))
        time.sleep(0.4)
        over_text = pointer_cursor()
        xdotool("mousemove", "--window", window, str(sx), str(sy))
        time.sleep(0.4)
        over_knob = pointer_cursor()
        tap.ok(over_text is not None and over_text != over_knob,
               "the pointer changes over a handle: %r over the text, %r over the knob"
               % (over_text, over_knob))

        # The start knob sits above the first line; drag it to the right
        # along that line, into the middle of the quote.
        drag(window, (sx, sy), (sx + 90, sy + 14))
        moved = saved_quote()
        ok = (moved is not None and q_start < moved[0] < q_end and moved[1] == q_end and
              re.match(r"\w", text[moved[0]]) and not re.match(r"\w", text[moved[0] - 1]))
        tap.ok(ok, "dragging the start knob moves the start to a word: %r, was %r → %r"
               % (moved, (q_start, q_end), text[moved[0]:moved[1]] if moved else None))

        keys("ctrl+z")
        tap.ok(saved_quote() == (q_start, q_end), "one Ctrl+Z takes the drag back")

        # The end knob, dragged far up and left of the start: the span
        # stops short of empty and never turns round.
        found = knobs()
        tap.ok(len(found) == 2, "the knobs are back where they were: %r" % found)
        (sx, sy), (ex, ey) = found if len(found) == 2 else ((sx, sy), (ex, ey))
        drag(window, (ex, ey), (sx - 200, sy - 60), steps=20)
        shrunk = saved_quote()
        tap.ok(shrunk is not None and q_start == shrunk[0] < shrunk[1] <= q_end,
               "dragging the end before the start leaves a span: %r → %r"
               % (shrunk, text[shrunk[0]:shrunk[1]] if shrunk else None))

        # Escape during a drag puts the boundary back.
        keys("ctrl+z")
        found = knobs()
        if len(found) == 2:
            (sx, sy), (ex, ey) = found
            xdotool("mousemove", "--window", window, str(sx), str(sy))
            time.sleep(0.3)
            xdotool("mousedown", "1")
            for step in range(1, 7):
                xdotool("mousemove", "--window", window, str(sx + 15 * step), str(sy + 14))
                time.sleep(0.05)
            keys("Escape")
            xdotool("mouseup", "1")
            time.sleep(0.5)
        tap.ok(saved_quote() == (q_start, q_end), "Escape during a drag leaves the span as it was")

        # Held at the bottom of the article, the end knob scrolls it and
        # reaches the last paragraph, which the window did not show.
        found = knobs()
        if len(found) == 2:
            (sx, sy), (ex, ey) = found
            xdotool("mousemove", "--window", window, str(ex), str(ey))
            time.sleep(0.3)
            xdotool("mousedown", "1")
            for step in range(1, 9):
                xdotool("mousemove", "--window", window, str(ex), str(ey + (BOTTOM - ey) * step // 8))
                time.sleep(0.05)
            time.sleep(3)
            xdotool("mouseup", "1")
            time.sleep(0.5)
        far = saved_quote()
        last_paragraph = text.index("Last year the ferry")
        tap.ok(far is not None and far[0] == q_start and far[1] > last_paragraph,
               "dragged to the bottom, the end scrolls to the last paragraph: %r (it starts at %d)"
               % (far, last_paragraph))
        keys("ctrl+z", "Escape", "ctrl+Home", "alt+Down")

        # A click on a handle without a drag changes nothing.
        found = knobs()
        if len(found) == 2:
            xdotool("mousemove", "--window", window, str(found[0][0]), str(found[0][1]))
            xdotool("click", "1")
            time.sleep(0.5)
        tap.ok(len(found) == 2 and saved_quote() == (q_start, q_end),
               "a click on a knob changes nothing")
    finally:
        stop(process, pid)


if __name__ == "__main__":
    main_with_scratch("test-span-handles.py MARGINALIA FIXTURE", run, "marginalia-handles-")
