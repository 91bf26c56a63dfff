# mg_xdo.py: driving the real marginalia window with xdotool, for tests
#
# Shared by the tests that press real keys in a window under Xvfb, where
# GTK's own key handling (and any widget that swallows a key) takes part,
# as it does for a user.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time


class Tap:
    """Test Anything Protocol output."""

    def __init__(self, plan):
        self.step = 0
        print("1..%d" % plan, flush=True)

    def ok(self, condition, name):
        self.step += 1
        print(("ok" if condition else "not ok") + " %d %s" % (self.step, name), flush=True)
        return condition


def bail(message):
    print("Bail out! " + message, flush=True)
    sys.exit(1)


def skip_unless_display():
    if not os.environ.get("DISPLAY"):
        print("1..0 # SKIP no display (run under xvfb-run)", flush=True)
        sys.exit(0)
    if shutil.which("xdotool") is None:
        print("1..0 # SKIP xdotool is not installed", flush=True)
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


def private_env(scratch):
    """An environment whose user folders, settings and bus are the test's."""
    env = dict(os.environ)
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"):
        path = os.path.join(scratch, name.lower())
        os.makedirs(path, mode=0o700, exist_ok=True)
        env[name] = path
    env.update(GSETTINGS_BACKEND="memory", GTK_A11Y="none", GSK_RENDERER="cairo",
               NO_AT_BRIDGE="1", LC_ALL="C.UTF-8")
    return env


def start(marginalia, dataset, env):
    # A private session bus each time: an instance killed earlier must not
    # be found by the next one.
    command = [marginalia] + ([dataset] if dataset else [])
    if shutil.which("dbus-run-session"):
        command = ["dbus-run-session", "--"] + command
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def find_app_pid(process):
    # Under dbus-run-session the program is its child; find it by parent.
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


def press(*names, delay=80, pause=0.4):
    """Presses the keys NAMES (xdotool's names), DELAY milliseconds apart,
    then gives the window PAUSE seconds to act on them."""
    xdotool("key", "--delay", str(delay), *names)
    time.sleep(pause)


def open_window(marginalia, dataset, env, size=None, settle=0.5):
    """Starts marginalia on DATASET (None: no file), gives its window SIZE
    (width, height) when asked, focuses it and waits SETTLE seconds; returns
    the process, the program's pid and the window. Bails out when no window
    appears."""
    process = start(marginalia, dataset, env)
    pid = find_app_pid(process)
    window = wait_for(lambda: windows_of(pid), 15) if pid else None
    if not window:
        process.kill()
        bail("the window did not appear")
    window = window[0]
    if size:
        # Tests that read pixels or click at places need a known size.
        xdotool("windowsize", "--sync", window, str(size[0]), str(size[1]))
    xdotool("windowfocus", "--sync", window)
    time.sleep(settle)
    return process, pid, window


def open_app(marginalia, dataset, env):
    """open_window at the window's own size; returns the process and the
    program's pid."""
    process, pid, _ = open_window(marginalia, dataset, env)
    return process, pid


def stop(process, pid):
    """Kills the program at once: SIGKILL, so nothing is saved on the way
    out and only what the test saved is on disk."""
    if pid:
        os.kill(pid, signal.SIGKILL)
    process.wait(timeout=10)


def wait_for_write(path, last):
    """Waits for PATH to be written after the time LAST[0] and notes it."""
    def changed():
        mtime = os.stat(path).st_mtime_ns
        return mtime != last[0] and mtime
    mtime = wait_for(changed, 5)
    if mtime:
        last[0] = mtime


def saver(dataset, keys):
    """A function that saves with Ctrl+S, pressed through KEYS, waits for
    DATASET to be written and returns it as read back from disk. Make it
    once the window is up: writes before that do not count."""
    last = [os.stat(dataset).st_mtime_ns]

    def saved():
        keys("ctrl+s")
        wait_for_write(dataset, last)
        with open(dataset, encoding="utf-8") as f:
            return json.load(f)
    return saved


def main_with_scratch(usage, run, prefix):
    """The main of a key test: MARGINALIA FIXTURE, a display, a scratch
    folder removed afterwards."""
    if len(sys.argv) != 3:
        bail("usage: " + usage)
    skip_unless_display()
    scratch = tempfile.mkdtemp(prefix=prefix)
    try:
        run(sys.argv[1], sys.argv[2], scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
