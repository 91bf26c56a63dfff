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
import signal
import subprocess
import sys
import tempfile
import time

PLAN = 5
step = 0


def ok(condition, name):
    global step
    step += 1
    print(("ok" if condition else "not ok") + " %d %s" % (step, name), flush=True)
    return condition


def bail(message):
    print("Bail out! " + message, flush=True)
    sys.exit(1)


def skip_all(reason):
    print("1..0 # SKIP " + reason, flush=True)
    sys.exit(0)


def xdotool(*args, timeout=15):
    result = subprocess.run(["xdotool", *args], capture_output=True, text=True,
                            timeout=timeout)
    return result.stdout.split()


def wait_for(predicate, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    return predicate()


def windows_of(pid):
    try:
        return xdotool("search", "--onlyvisible", "--pid", str(pid))
    except subprocess.TimeoutExpired:
        return []


def main():
    if len(sys.argv) != 3:
        bail("usage: test-crash-recovery.py MARGINALIA FIXTURE")
    marginalia, fixture = sys.argv[1], sys.argv[2]
    if not os.environ.get("DISPLAY"):
        skip_all("no display (run under xvfb-run)")
    if shutil.which("xdotool") is None:
        skip_all("xdotool is not installed")

    scratch = tempfile.mkdtemp(prefix="marginalia-crash-")
    try:
        run(marginalia, fixture, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def start(marginalia, dataset, env):
    # A private session bus each time: the killed instance must not be
    # found by the next one.
    command = [marginalia, dataset]
    if shutil.which("dbus-run-session"):
        command = ["dbus-run-session", "--"] + command
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    return process


def find_app_pid(process):
    # The program is a child of dbus-run-session; find it by name.
    def lookup():
        try:
            out = subprocess.run(["pgrep", "-P", str(process.pid), "-x", "marginalia"],
                                 capture_output=True, text=True).stdout.split()
        except FileNotFoundError:
            return None
        return int(out[0]) if out else None
    if os.path.basename(process.args[0]) == "marginalia":
        return process.pid
    return wait_for(lookup, 10)


def run(marginalia, fixture, scratch):
    env = dict(os.environ)
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
        path = os.path.join(scratch, name.lower())
        os.makedirs(path, mode=0o700)
        env[name] = path
    env.update(GSETTINGS_BACKEND="memory", GTK_A11Y="none", GSK_RENDERER="cairo",
               NO_AT_BRIDGE="1", LC_ALL="C.UTF-8")
    dataset = os.path.join(scratch, "news.json")
    shutil.copyfile(fixture, dataset)
    with open(dataset, encoding="utf-8") as f:
        original = f.read()
    drafts = os.path.join(env["XDG_DATA_HOME"], "marginalia", "drafts")

    print("1..%d" % PLAN, flush=True)

    # First run: tag the first word with the keyboard, then die.
    process = start(marginalia, dataset, env)
    pid = find_app_pid(process)
    window = wait_for(lambda: windows_of(pid), 15) if pid else None
    if not window:
        process.kill()
        bail("the window did not appear")
    xdotool("windowfocus", "--sync", window[0])
    time.sleep(0.5)
    # The caret is at the start of the article: select the first word, tag it
    # as a quote.
    xdotool("key", "--delay", "80", "shift+ctrl+Right", "1")
    tagged = time.monotonic()
    draft = wait_for(lambda: glob.glob(os.path.join(drafts, "*.json")), 8)
    delay = time.monotonic() - tagged
    ok(bool(draft) and delay <= 5.5,
       "a draft is written within the autosave delay (%.1f s)" % delay)
    os.kill(pid, signal.SIGKILL)
    process.wait(timeout=10)
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
    os.kill(pid, signal.SIGKILL) if pid else None
    process.wait(timeout=10)


if __name__ == "__main__":
    main()
