#!/usr/bin/env python3
# test-scheme-keys.py: a span's attributes picked by keyboard right after
# tagging, with real key presses
#
# Starts `marginalia DATASET` on the display (run under Xvfb), on a copy of
# the fixture whose quotes have a choice and a yes-or-no attribute, and
# works on it through xdotool: a span selected with Shift+Right and tagged
# with its key, the popover's values picked by their first letter and
# Return, Alt+Return to ask again and Escape to leave a value as it is,
# Ctrl+Z to take one back; then a quote linked to its speaker with
# Ctrl+Shift+A, Return, and the relation type picked by its first letter;
# last, the first span relabelled with 2 and back with 1, which asks again.
# After each step the dataset is saved with
# Ctrl+S and read back from disk.
# Prints TAP. Usage: test-scheme-keys.py MARGINALIA FIXTURE.json
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mg_xdo import (main_with_scratch, open_app, press, private_env,  # noqa: E402
                    saver, stop, Tap)

PLAN = 6

ATTRIBUTES = [
    {"id": "kind", "name": "Kind", "type": "choice",
     "values": ["direct", "indirect", "partial"]},
    {"id": "checkable", "name": "Checkable", "type": "boolean"},
]


RELATION_TYPES = [
    {"id": "attributed-to", "name": "Attributed to", "from": ["quote", "claim"], "to": ["actor"]},
    {"id": "cued-by", "name": "Cued by", "from": ["quote"], "to": ["actor"]},
]


def keys(*names):
    press(*names, delay=80, pause=0.4)


def write_dataset(fixture, path):
    with open(fixture, encoding="utf-8") as f:
        data = json.load(f)
    for label in data["labels"]:
        if label["id"] == "quote":
            label["attributes"] = ATTRIBUTES
    data["relation_types"] = RELATION_TYPES
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)


def run(marginalia, fixture, scratch):
    env = private_env(scratch)
    dataset = os.path.join(scratch, "news.json")
    write_dataset(fixture, dataset)
    tap = Tap(PLAN)
    process, pid = open_app(marginalia, dataset, env)
    save = saver(dataset, keys)

    def relations():
        document = save()["documents"][0]
        return sorted((r["type"], r["from"], r["to"]) for r in document["relations"])

    def tagged():
        """Saves with Ctrl+S and returns the attributes of the quote at 0."""
        document = save()["documents"][0]
        span = next((a for a in document["annotations"]
                     if a["start"] == 0 and a["label"] == "quote"), None)
        return None if span is None else span.get("attributes", {})

    try:
        # "Harbour" tagged a quote with 1: Kind is asked at once; i picks
        # indirect and Return takes it; then Checkable, where n picks No.
        keys("ctrl+Home")
        keys(*["shift+Right"] * 7)
        keys("1")
        keys("i", "Return")
        keys("n", "Return")
        attributes = tagged()
        tap.ok(attributes == {"kind": "indirect", "checkable": False},
               "tagged, then i Return n Return: %r" % (attributes,))

        # Alt+Return asks again: p picks partial; Escape leaves Checkable.
        keys("alt+Return")
        keys("p", "Return")
        keys("Escape")
        attributes = tagged()
        tap.ok(attributes == {"kind": "partial", "checkable": False},
               "Alt+Return, p Return, Escape: %r" % (attributes,))

        # d picks direct, the one value with it; y picks Yes.
        keys("alt+Return")
        keys("d", "Return", "y", "Return")
        attributes = tagged()
        tap.ok(attributes == {"kind": "direct", "checkable": True},
               "d Return y Return: %r" % (attributes,))

        # Each value was its own step.
        keys("ctrl+z")
        attributes = tagged()
        tap.ok(attributes == {"kind": "direct", "checkable": False},
               "Ctrl+Z takes back one value: %r" % (attributes,))

        # The quote a2 (after the new one and a figure) to the mayor, a3:
        # the scheme has two types between quotes and actors, so it asks;
        # c picks Cued by. The attribution a2 had stays.
        keys("Escape", "ctrl+Home", "alt+Down", "alt+Down", "alt+Down")
        keys("ctrl+shift+a")
        keys("Return")
        keys("c", "Return")
        found = relations()
        tap.ok(found == [("attributed-to", "a2", "a3"), ("cued-by", "a2", "a3")],
               "Ctrl+Shift+A, Return, c Return: %r" % (found,))

        # Relabelled to a label with attributes, a span is asked for them as
        # a new one is: 2 makes the first span an actor (nothing asked), 1 a
        # quote again, where i picks indirect and y Yes.
        keys("Escape", "Escape", "ctrl+Home", "alt+Down")
        keys("2")
        keys("1")
        keys("i", "Return", "y", "Return")
        attributes = tagged()
        tap.ok(attributes == {"kind": "indirect", "checkable": True},
               "relabelled 2 then 1, i Return y Return: %r" % (attributes,))
    finally:
        stop(process, pid)


if __name__ == "__main__":
    main_with_scratch("test-scheme-keys.py MARGINALIA FIXTURE", run,
                      "marginalia-scheme-keys-")
