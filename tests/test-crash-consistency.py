#!/usr/bin/env python3
"""marginalia-tool killed at every step of writing its output.

For import -o, export -o in every format (brat's folder too) and merge -o,
the command is first traced with strace to list the system calls that
open, write, flush, rename or remove, from the first that names the target;
then it is run once per such call with strace killing it (SIGKILL) just as
it makes that call. After each kill the target must hold the old contents
or the new, whole; then the command is run again, unharmed, and must leave
the new contents and no temporary file beside them. Prints TAP.

usage: test-crash-consistency.py PATH-TO-marginalia-tool
"""
import os
import shutil
import subprocess
import sys
import tempfile

TOOL = sys.argv[1] if len(sys.argv) > 1 else os.environ["MARGINALIA_TOOL"]
CALLS = ["openat", "mkdirat", "mkdir", "write", "fsync", "syncfs", "fchown", "fchmod", "flock",
         "rename", "renameat", "renameat2", "unlinkat", "unlink", "rmdir", "close"]
ENV = dict(os.environ, LC_ALL="C.UTF-8")
results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def tool(*args, cwd):
    return subprocess.run([TOOL, *args], cwd=cwd, env=ENV, capture_output=True, timeout=60)


def strace(args, cwd, extra):
    return subprocess.run(["strace", "-qq", *extra, "--", TOOL, *args], cwd=cwd, env=ENV,
                          capture_output=True, timeout=60)


def snapshot(path):
    """A file's bytes, a folder's {name: bytes}, or None when missing."""
    if os.path.isdir(path):
        return {n: open(os.path.join(path, n), "rb").read() for n in sorted(os.listdir(path))}
    if os.path.exists(path):
        return open(path, "rb").read()
    return None


def temporaries(folder, target):
    """Hidden files named after the target: what a write leaves if killed."""
    return [n for n in os.listdir(folder) if n.startswith(".") and target in n]


def steps(args, cwd, target):
    """The calls to kill at: (name, how many of that name so far), from the
    first that names the target (or its temporary file, named after it)."""
    trace = os.path.join(cwd, "..", "trace.txt")
    strace(args, cwd, ["-o", trace, "-e", "trace=" + ",".join(CALLS)])
    counts, out, started = {}, [], False
    with open(trace, encoding="utf-8", errors="replace") as f:
        for line in f:
            name = line.split("(", 1)[0].strip()
            if name not in CALLS:
                continue
            counts[name] = counts.get(name, 0) + 1
            started = started or target in line
            if started:
                out.append((name, counts[name]))
    os.unlink(trace)
    return out


def make_articles(folder, prefix, n):
    paths = []
    for i in range(n):
        path = os.path.join(folder, f"{prefix}{i}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"{prefix.title()} headline {i}\n\nThe council said {prefix} {i} times.\n")
        paths.append(os.path.basename(path))
    return paths


def scenario(name, template, args, target):
    """Kills the command at each step in a copy of @template; @target is
    relative to it and holds the old contents there."""
    done = os.path.join(template, "..", "done-" + name.replace(" ", "-"))
    shutil.copytree(template, done, symlinks=True)
    tool(*args, cwd=done)
    old, new = snapshot(os.path.join(template, target)), snapshot(os.path.join(done, target))
    # What a second run gives: import adds to what is there.
    tool(*args, cwd=done)
    twice = snapshot(os.path.join(done, target))
    shutil.rmtree(done)

    work = os.path.join(template, "..", "work")
    shutil.copytree(template, work, symlinks=True)
    points = steps(args, work, target)
    shutil.rmtree(work)

    torn, left, wrong = [], [], []
    for call, n in points:
        shutil.copytree(template, work, symlinks=True)
        strace(args, work, ["-o", "/dev/null", "-e", "trace=" + call,
                            "-e", f"inject={call}:signal=KILL:when={n}"])
        now = snapshot(os.path.join(work, target))
        if now != old and now != new:
            torn.append(f"{call}#{n}")
        again = tool(*args, cwd=work)
        if again.returncode != 0 or snapshot(os.path.join(work, target)) != (twice if now == new else new):
            wrong.append(f"{call}#{n}: {again.stderr.decode(errors='replace').strip()}")
        if temporaries(os.path.dirname(os.path.join(work, target)), os.path.basename(target)):
            left.append(f"{call}#{n}")
        shutil.rmtree(work)

    check(f"{name}: the command was killed at {len(points)} steps", len(points) >= 3, str(points))
    check(f"{name}: a kill leaves the old or the new, whole", not torn, ", ".join(torn))
    check(f"{name}: the next run writes the new", not wrong, "\n".join(wrong))
    check(f"{name}: the next run leaves no temporary file", not left, ", ".join(left))


def main():
    probe = subprocess.run(["strace", "-qq", "-o", "/dev/null", "-e", "inject=write:retval=1:when=1000",
                            "--", "true"], capture_output=True) if shutil.which("strace") else None
    if probe is None or probe.returncode != 0:
        print("1..0 # SKIP strace is missing or may not trace here")
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        template = os.path.join(tmp, "template")
        os.mkdir(template)
        old_articles = make_articles(template, "old", 2)
        new_articles = make_articles(template, "new", 2)
        tool("import", "-o", "old.json", *old_articles, cwd=template)
        tool("import", "-o", "new.json", *new_articles, cwd=template)
        tool("import", "-o", "target.json", *old_articles, cwd=template)

        scenario("import -o", template, ["import", "-o", "target.json", new_articles[0]], "target.json")
        tool("merge", "-o", "gold.json", "old.json", "old.json", cwd=template)
        scenario("merge -o", template, ["merge", "-o", "gold.json", "new.json", "new.json"], "gold.json")
        for fmt in ("jsonl", "csv", "conll", "w3c", "doccano", "label-studio", "brat"):
            out = "out." + fmt
            tool("export", "--to=" + fmt, "-o", out, "old.json", cwd=template)
            scenario(f"export --to={fmt} -o", template, ["export", "--to=" + fmt, "-o", out, "new.json"], out)
        scenario("export --to=brat -o a new folder", template,
                 ["export", "--to=brat", "-o", "fresh.brat", "new.json"], "fresh.brat")

    print(f"1..{len(results)}")
    failed = 0
    for i, (name, ok, detail) in enumerate(results, 1):
        print(("ok" if ok else "not ok") + f" {i} - {name}")
        if not ok:
            failed += 1
            for line in str(detail).splitlines()[:10]:
                print("#   " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
