#!/usr/bin/env python3
"""The core's folders are layers: a module includes only headers of its own
folder or of a layer below it, so no include circle can form between
modules. Also checks the core never includes GTK. Prints TAP."""

import os
import re
import sys

# Each folder and the folders it may include from (besides itself).
LAYERS = {
    "model": [],
    "io": ["model"],
    "suggest": ["model", "io"],
    "import": ["model", "io"],
    "review": ["model", "io"],
    "export": ["model", "io"],
    "session": ["model", "io", "import"],
}
FORBIDDEN = re.compile(r'#\s*include\s*[<"](gtk/|adwaita|gdk/)')
INCLUDE = re.compile(r'#\s*include\s*"([^"]+)"')


def main():
    core = sys.argv[1]
    where = {}
    for folder in LAYERS:
        for name in os.listdir(os.path.join(core, folder)):
            if name.endswith(".h"):
                where[name] = folder
    problems = []
    checked = 0
    for folder, below in LAYERS.items():
        allowed = {folder, *below}
        for name in sorted(os.listdir(os.path.join(core, folder))):
            if not name.endswith((".c", ".h")):
                continue
            checked += 1
            path = os.path.join(folder, name)
            with open(os.path.join(core, path), encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    if FORBIDDEN.search(line):
                        problems.append(f"{path}:{number}: the core never includes GTK")
                    m = INCLUDE.search(line)
                    if not m or m.group(1) == "config.h":
                        continue
                    header = m.group(1)
                    if header not in where:
                        problems.append(f"{path}:{number}: {header} is not a core header")
                    elif where[header] not in allowed:
                        problems.append(f"{path}:{number}: {folder}/ includes "
                                        f"{where[header]}/{header}, not below it")
    print("1..1")
    for p in problems:
        print("# " + p)
    print(("ok" if not problems else "not ok") + f" 1 - {checked} files keep to the layers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
