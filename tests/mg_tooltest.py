# mg_tooltest.py: running marginalia-tool from a Python test, and its TAP
#
# Shared by the tests that run the tool as a user runs it: the tool's path
# (the test's first argument, or MARGINALIA_TOOL), run(), check() and a
# main() that gives each test a scratch folder and prints what was checked.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import subprocess
import sys
import tempfile

TOOL = sys.argv[1] if len(sys.argv) > 1 else os.environ["MARGINALIA_TOOL"]

# (name, passed, detail) of every check, in order: the TAP lines.
results = []


def run(*args, stdin=None, strict_stdout=False):
    """Runs the tool with ARGS; returns its exit code, output and errors.
    STRICT_STDOUT: output that is not UTF-8 raises (for tests of formats
    that must be UTF-8) instead of being shown with replacement marks."""
    env = dict(os.environ, LC_ALL="C.UTF-8")
    p = subprocess.run([TOOL, *args], capture_output=True, env=env, input=stdin, timeout=60)
    out = p.stdout.decode("utf-8") if strict_stdout else p.stdout.decode("utf-8", "replace")
    return p.returncode, out, p.stderr.decode("utf-8", "replace")


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def skip(name, why):
    results.append((f"{name} # SKIP {why}", True, ""))


def main(body, prefix):
    """Runs BODY(scratch folder), then prints the checks as TAP and exits
    with 1 when one failed."""
    tmp = tempfile.mkdtemp(prefix=prefix)
    try:
        body(tmp)
    except Exception as e:  # a crash of the test itself must fail, visibly
        results.append((f"test script raised {type(e).__name__}: {e}", False, ""))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"1..{len(results)}")
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
        if not ok and detail:
            for line in str(detail).splitlines()[:10]:
                print(f"# {line}")
    sys.exit(0 if all(ok for _, ok, _ in results) else 1)
