#!/usr/bin/env python3
"""marginalia-tool given hostile or careless paths: device nodes, links,
pipes, its own inputs as outputs, a full disk, files of other users,
names of 250 bytes and control characters in ids.

Device nodes are made with mknod in a temporary folder, never taken from
the real /dev, and only as root (the part that needs them is skipped
otherwise). Prints TAP.

usage: test-hostile-paths.py PATH-TO-marginalia-tool
"""
import hashlib
import json
import os
import resource
import stat
import subprocess
import sys
import tempfile
import threading

TOOL = sys.argv[1] if len(sys.argv) > 1 else os.environ["MARGINALIA_TOOL"]
ROOT = os.geteuid() == 0
# A user and a group to own files that are not root's.
USER, GROUP = 65534, 65533
results = []


def limit_memory():
    # A tool that read an endless stream would otherwise take the machine's
    # memory; sanitizers reserve address space of their own.
    if "ASAN_OPTIONS" not in os.environ:
        resource.setrlimit(resource.RLIMIT_AS, (8 << 30, 8 << 30))


def run(*args, stdin=None, stdout=None, user=None, timeout=60):
    env = dict(os.environ, LC_ALL="C.UTF-8")
    cmd = [TOOL, *args]
    if user is not None:
        cmd = ["setpriv", f"--reuid={user[0]}", f"--regid={user[1]}",
               f"--groups={','.join(str(g) for g in user[2])}", *cmd]
    try:
        p = subprocess.run(cmd, env=env, input=stdin, timeout=timeout, preexec_fn=limit_memory,
                           stdout=stdout if stdout is not None else subprocess.PIPE,
                           stderr=subprocess.PIPE)
    except subprocess.TimeoutExpired:
        return None, "", f"timed out after {timeout} s"
    out = p.stdout.decode("utf-8", "replace") if p.stdout is not None else ""
    return p.returncode, out, p.stderr.decode("utf-8", "replace")


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def skip(name, why):
    results.append((name, None, why))


def dataset(ids=("a",), text="Ana said hi."):
    sha = hashlib.sha256(text.encode()).hexdigest()
    return json.dumps({
        "format": "marginalia-dataset", "version": 1, "annotator": "ana",
        "labels": [{"id": "quote", "name": "Quote", "color": "#aabbcc", "key": "q"}],
        "documents": [{"id": i, "title": "", "source": {}, "meta": {}, "text": text,
                       "text_sha256": sha, "relations": [],
                       "annotations": [{"id": "a1", "label": "quote", "start": 0, "end": 3,
                                        "text": text[:3], "note": ""}]} for i in ids]})


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def leftovers(folder):
    return [n for n in os.listdir(folder) if n.endswith(".mg-tmp")]


def test_device_nodes(tmp):
    if not ROOT:
        for name in ("export -o a device node writes to it as a stream",
                     "merge -o a device node", "--label-config a device node"):
            skip(name, "mknod needs root")
        return
    d = os.path.join(tmp, "dev")
    os.mkdir(d)
    null, full, block = (os.path.join(d, n) for n in ("null", "full", "block"))
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    os.mknod(block, 0o600 | stat.S_IFBLK, os.makedev(7, 200))
    src = os.path.join(tmp, "d.json")
    src2 = os.path.join(tmp, "e.json")
    write(src, dataset())
    write(src2, dataset())

    def still_device(path, kind):
        return kind(os.lstat(path).st_mode)

    code, _, err = run("export", "--to=jsonl", "-o", null, src)
    check("export -o a device node writes to it as a stream",
          code == 0 and still_device(null, stat.S_ISCHR) and not leftovers(d), err)
    code, _, err = run("merge", "-o", null, src, src2)
    check("merge -o a device node writes to it and leaves it a device",
          code == 0 and still_device(null, stat.S_ISCHR), err)
    code, _, err = run("export", "--to=label-studio", "--label-config", null, "-o",
                       os.path.join(tmp, "ls.json"), src)
    check("--label-config a device node leaves it a device",
          code == 0 and still_device(null, stat.S_ISCHR), err)
    code, _, err = run("import", "-o", null, os.path.join(tmp, "article.txt"))
    check("import -o a device node never reads it and leaves it a device",
          code == 0 and still_device(null, stat.S_ISCHR), err)
    code, _, err = run("export", "--to=jsonl", "-o", full, src)
    check("export -o a full device exits 1 with the reason, the device kept",
          code == 1 and "No space left on device" in err and still_device(full, stat.S_ISCHR), err)
    code, _, err = run("import", "-o", full, os.path.join(tmp, "article.txt"))
    check("import -o a full device exits 1 at once, the device kept",
          code == 1 and "No space left on device" in err and still_device(full, stat.S_ISCHR), err)
    code, _, err = run("export", "--to=jsonl", "-o", block, src)
    check("export -o a block device is refused and the node kept",
          code == 1 and block in err and still_device(block, stat.S_ISBLK), err)
    code, _, err = run("merge", "-o", block, src, src2)
    check("merge -o a block device is refused and the node kept",
          code == 1 and still_device(block, stat.S_ISBLK), err)


def test_streams_and_links(tmp):
    src = os.path.join(tmp, "d.json")
    write(src, dataset())
    # What /dev/stdout is, made here: a tool that replaced it would harm
    # only this folder.
    stdout_link = os.path.join(tmp, "stdout")
    os.symlink("/proc/self/fd/1", stdout_link)
    code, out, err = run("export", "--to=jsonl", "-o", stdout_link, src)
    check("export -o a link to /proc/self/fd/1 (as /dev/stdout is) writes to standard output",
          code == 0 and out.startswith('{"id":"a"') and os.path.islink(stdout_link), err)

    # The shell sends standard output to a file with ">>": what was there
    # stays, the export follows it.
    log = os.path.join(tmp, "log.txt")
    write(log, "kept\n")
    with open(log, "a") as appended:
        code, _, err = run("export", "--to=jsonl", "-o", stdout_link, src, stdout=appended)
    check("export -o /dev/stdout sent to a file with >> appends to it",
          code == 0 and read(log).startswith(b'kept\n{"id":"a"'), err)

    fifo = os.path.join(tmp, "fifo")
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(read(fifo)))
    reader.start()
    code, _, err = run("export", "--to=csv", "-o", fifo, src)
    reader.join(30)
    check("export -o a FIFO writes to it as a stream",
          code == 0 and got and got[0].startswith(b"document_id,") and stat.S_ISFIFO(os.lstat(fifo).st_mode), err)

    real = os.path.join(tmp, "real.jsonl")
    write(real, "old")
    link = os.path.join(tmp, "link.jsonl")
    os.symlink("real.jsonl", link)
    code, _, err = run("export", "--to=jsonl", "-o", link, src)
    check("export -o a symbolic link replaces the file it points at",
          code == 0 and os.path.islink(link) and read(real).startswith(b'{"id":"a"'), err)
    dangling = os.path.join(tmp, "dangling.json")
    os.symlink("made-by-link.json", dangling)
    code, _, err = run("merge", "-o", dangling, src, src)
    check("merge -o a dangling link makes the file it points at",
          code == 0 and os.path.islink(dangling) and
          os.path.isfile(os.path.join(tmp, "made-by-link.json")), err)

    folder = os.path.join(tmp, "a-folder")
    os.mkdir(folder)
    code, _, err = run("export", "--to=jsonl", "-o", folder, src)
    check("export -o a folder is refused", code == 1 and os.path.isdir(folder) and folder in err, err)


def test_reading_streams(tmp):
    code, _, err = run("validate", "/dev/zero", timeout=20)
    check("validate /dev/zero is refused at once", code == 1 and err.startswith("/dev/zero: "), err)
    code, _, err = run("stats", "/dev/null")
    check("stats of an empty stream exits 1", code == 1, err)

    fifo = os.path.join(tmp, "stats-fifo")
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: write(fifo, dataset()))
    writer.start()
    code, out, err = run("stats", "--json", fifo, timeout=30)
    writer.join(30)
    check("stats of a FIFO reads it as a stream until its writer closes",
          code == 0 and json.loads(out)[0]["documents"] == 1, err)

    endless = os.path.join(tmp, "endless-fifo")
    os.mkfifo(endless)

    def pour():
        try:
            with open(endless, "wb") as f:
                while True:
                    f.write(b"y\n" * 65536)
        except (BrokenPipeError, OSError):
            pass
    writer = threading.Thread(target=pour, daemon=True)
    writer.start()
    code, _, err = run("validate", endless, timeout=30)
    check("validate of a FIFO that never ends is refused, not read forever",
          code == 1 and err.startswith(endless), err)


def test_outputs_are_not_inputs(tmp):
    src = os.path.join(tmp, "in.json")
    other = os.path.join(tmp, "other.json")
    write(src, dataset())
    write(other, dataset())
    before = read(src)
    alias = os.path.join(tmp, "alias.json")
    os.symlink("in.json", alias)
    hard = os.path.join(tmp, "hard.json")
    os.link(src, hard)
    article = os.path.join(tmp, "article.txt")
    write(article, "A headline\n\nA story.\n")
    cases = [
        ("export -o its input", ["export", "--to=jsonl", "-o", src, src]),
        ("export -o a link to its input", ["export", "--to=jsonl", "-o", alias, src]),
        ("export -o a hard link of its input", ["export", "--to=jsonl", "-o", hard, src]),
        ("export --label-config its input",
         ["export", "--to=label-studio", "--label-config", src, "-o", os.path.join(tmp, "x.json"), src]),
        ("export -o and --label-config the same file",
         ["export", "--to=label-studio", "--label-config", other, "-o", other, src]),
        ("export --to=brat -o the folder that holds its input", ["export", "--to=brat", "-o", tmp, src]),
        ("merge -o one of its inputs by another name", ["merge", "-o", "./" + os.path.relpath(hard), src, other]),
        ("import -o one of its inputs", ["import", "-o", article, article]),
    ]
    for name, args in cases:
        code, _, err = run(*args)
        check(name + " is refused, the input kept", code == 2 and read(src) == before and
              ("one of the inputs" in err or "two outputs" in err), err)


def test_standard_output_full():
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "dataset", "canonical.json")
    for args in (["stats", src], ["stats", "--json", src], ["agree", src, src],
                 ["agree", "--json", src, src], ["export", "--to=jsonl", src],
                 ["import", os.path.join(os.path.dirname(src), "..", "files", "article.txt")]):
        with open("/dev/full", "w") as full:
            code, _, err = run(*args, stdout=full)
        check(f"{' '.join(args[:2])} > /dev/full exits 1 with the reason",
              code == 1 and "No space left on device" in err, err)


def test_modes_and_owners(tmp):
    src = os.path.join(tmp, "m.json")
    write(src, dataset())
    article = os.path.join(tmp, "article.txt")
    write(article, "A headline\n\nA story.\n")

    private = os.path.join(tmp, "private.jsonl")
    write(private, "old")
    os.chmod(private, 0o600)
    code, _, err = run("export", "--to=jsonl", "-o", private, src)
    check("export -o over a 0600 file keeps it 0600",
          code == 0 and stat.S_IMODE(os.stat(private).st_mode) == 0o600, err)

    brat = os.path.join(tmp, "out.brat")
    code, _, err = run("export", "--to=brat", "-o", brat, src)
    os.chmod(brat, 0o700)
    code, _, err = run("export", "--to=brat", "-o", brat, src)
    check("re-exporting a 0700 brat folder keeps it 0700",
          code == 0 and stat.S_IMODE(os.stat(brat).st_mode) == 0o700, err)

    readonly = os.path.join(tmp, "readonly.json")
    write(readonly, dataset())
    os.chmod(readonly, 0o444)
    if not ROOT:
        code, _, err = run("import", "-o", readonly, article)
        check("a read-only dataset is not replaced", code == 1 and read(readonly) == dataset().encode(), err)

    if not ROOT:
        skip("root saving a user's dataset keeps user:group", "needs root")
        skip("a user saving a group's dataset keeps the group", "needs root")
        return
    users = os.path.join(tmp, "users.json")
    write(users, dataset())
    os.chown(users, USER, GROUP)
    os.chmod(users, 0o640)
    code, _, err = run("import", "-o", users, article)
    st = os.stat(users)
    check("root saving a user's dataset keeps user:group and mode 0640",
          code == 0 and (st.st_uid, st.st_gid) == (USER, GROUP) and stat.S_IMODE(st.st_mode) == 0o640, err)
    brat_st = os.stat(brat)
    os.chown(brat, USER, GROUP)
    code, _, err = run("export", "--to=brat", "-o", brat, src)
    st = os.stat(brat)
    check("root re-exporting a user's brat folder keeps user:group",
          code == 0 and (st.st_uid, st.st_gid) == (USER, GROUP) and
          all(os.stat(os.path.join(brat, n)).st_uid == USER for n in os.listdir(brat)), err)

    # A user in a second group, whose dataset belongs to that group.
    if run("--version", user=(USER, USER, [USER, GROUP]))[0] != 0:
        skip("a user saving a group's dataset keeps the group", "the tool is not reachable by another user")
        return
    shared = os.path.join(tmp, "shared")
    os.mkdir(shared)
    os.chown(shared, USER, USER)
    group_file = os.path.join(shared, "group.json")
    write(group_file, dataset())
    os.chown(group_file, USER, GROUP)
    os.chmod(group_file, 0o640)
    os.chmod(article, 0o644)
    os.chmod(tmp, 0o755)
    code, _, err = run("import", "-o", group_file, article, user=(USER, USER, [USER, GROUP]))
    st = os.stat(group_file)
    check("a user saving a group's dataset keeps the group and mode",
          code == 0 and st.st_gid == GROUP and stat.S_IMODE(st.st_mode) == 0o640, err)
    os.chmod(group_file, 0o440)
    code, _, err = run("import", "-o", group_file, article, user=(USER, USER, [USER, GROUP]))
    check("a user cannot replace a dataset made read-only",
          code == 1 and "Permission denied" in err, err)


def test_names_and_messages(tmp):
    article = os.path.join(tmp, "article.txt")
    write(article, "A headline\n\nA story.\n")
    long_name = os.path.join(tmp, "n" * 245 + ".json")
    code, _, err = run("import", "-o", long_name, article)
    check("a valid 250-byte file name can be saved", code == 0 and os.path.isfile(long_name), err)
    code, _, err = run("import", "-o", long_name, article)
    check("and saved again, leaving no temporary file", code == 0 and not leftovers(tmp), err)

    src = os.path.join(tmp, "g.json")
    write(src, dataset())
    gold = os.path.join(tmp, "missing-folder", "gold.json")
    code, _, err = run("merge", "-o", gold, src, src)
    check("merge names the path of a failed save once",
          code == 1 and err.count("gold.json") == 0 and err.count("missing-folder") == 1, err)

    leftover = os.path.join(tmp, ".again.json.AbC123.mg-tmp")
    write(leftover, "torn")
    target = os.path.join(tmp, "again.json")
    code, _, err = run("import", "-o", target, article)
    check("a temporary file a killed write left is removed by the next write",
          code == 0 and not os.path.exists(leftover), err)
    mine = os.path.join(tmp, ".again.json.backup")
    write(mine, "mine")
    code, _, err = run("import", "-o", target, article)
    check("a hidden file of the user's beside it is left alone", code == 0 and os.path.exists(mine), err)


def test_escapes(tmp):
    evil = "\u001b]0;PWNED\u0007\u001b[2J"
    src = os.path.join(tmp, "evil.json")
    write(src, dataset(ids=(evil, "x\u009bnext")))
    bad = os.path.join(tmp, "evil-bad.json")
    doc = json.loads(dataset(ids=(evil,)))
    doc["documents"][0]["annotations"][0]["text"] = "\u001b[31mred"
    write(bad, json.dumps(doc))
    runs = {
        "validate": run("validate", bad),
        "stats": run("stats", src),
        "agree": run("agree", src, src),
        "merge": run("merge", "-o", os.path.join(tmp, "evil-gold.json"), src, bad),
        "export": run("export", "--to=jsonl", "-o", os.path.join(tmp, "m", "x"), bad),
        "import": run("import", "--format=" + evil, src),
    }
    for name, (code, out, err) in runs.items():
        shown = out + err
        check(f"{name} escapes control characters in what it prints",
              "\u001b" not in shown and "\u0007" not in shown and "\u009b" not in shown and
              "\\x1b" in shown, repr(shown[:300]))


def main():
    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o755)
        write(os.path.join(tmp, "article.txt"), "A headline\n\nA story.\n")
        tests = [test_device_nodes, test_streams_and_links, test_reading_streams,
                 test_outputs_are_not_inputs, test_modes_and_owners, test_names_and_messages,
                 test_escapes]
        for t in tests:
            sub = os.path.join(tmp, t.__name__)
            os.mkdir(sub)
            os.chmod(sub, 0o755)
            write(os.path.join(sub, "article.txt"), "A headline\n\nA story.\n")
            cwd = os.getcwd()
            os.chdir(sub)
            try:
                t(sub)
            finally:
                os.chdir(cwd)
        test_standard_output_full()

    print(f"1..{len(results)}")
    failed = 0
    for i, (name, ok, detail) in enumerate(results, 1):
        if ok is None:
            print(f"ok {i} - {name} # SKIP {detail}")
            continue
        print(("ok" if ok else "not ok") + f" {i} - {name}")
        if not ok:
            failed += 1
            for line in str(detail).splitlines()[:8]:
                print("#   " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
