#!/usr/bin/env python3
"""Datasets in git, merged and diffed by marginalia-tool through real git.

Each case makes a temporary repository, runs `marginalia-tool git-setup`,
edits a dataset on two branches as two annotators would and merges them
with `git merge`, then checks what git says and what the file holds. Every
merged file is checked to be canonical: merging it with itself (load,
merge, save) gives the same bytes.

usage: test-git.py PATH-TO-marginalia-tool     (prints TAP)
"""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

TOOL = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.environ["MARGINALIA_TOOL"])
results = []
diagnostics = []

ARTICLE = (
    "Business\n\n"
    "Harbour fees rise by 12% as Port Authority cites costs\n\n"
    "The Port Authority said on Monday that harbour fees will rise by 12% next year. "
    "\"We have no choice,\" said Anna de Vries, its chair, adding that costs had doubled.\n"
)
STAMP = "2026-12-01T10:00:00Z"
LATER = "2026-12-01T11:00:00Z"


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def run(args, cwd=None, env=None, stdin=None):
    p = subprocess.run(args, cwd=cwd, env=env, capture_output=True, input=stdin, timeout=120)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


class Repo:
    """A repository in a folder of its own, with git's user config kept out."""

    def __init__(self, root, name, path_dirs=()):
        self.dir = os.path.join(root, name)
        os.makedirs(self.dir)
        home = os.path.join(root, name + "-home")
        os.makedirs(home)
        self.env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=home, GIT_CONFIG_NOSYSTEM="1",
                        GIT_AUTHOR_NAME="Ayşe", GIT_AUTHOR_EMAIL="ayse@example.org",
                        GIT_COMMITTER_NAME="Ayşe", GIT_COMMITTER_EMAIL="ayse@example.org",
                        GIT_PAGER="cat", PAGER="cat", LC_ALL="C.UTF-8")
        self.env["PATH"] = os.pathsep.join([*path_dirs, os.environ.get("PATH", "/usr/bin:/bin")])
        self.git("init", "-q", "-b", "main")

    def git(self, *args):
        return run(["git", *args], cwd=self.dir, env=self.env)

    def tool(self, *args, tool=TOOL):
        return run([tool, *args], cwd=self.dir, env=self.env)

    def path(self, name):
        return os.path.join(self.dir, name)

    def commit(self, message):
        self.git("add", "-A")
        return self.git("commit", "-q", "-m", message)

    def branch(self, name, start="main"):
        return self.git("checkout", "-q", "-b", name, start)

    def checkout(self, name):
        return self.git("checkout", "-q", name)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def save(path, data):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write("\n")


def document(doc_id, text, title="Harbour fees rise"):
    return {"id": doc_id, "title": title, "source": {"path": doc_id + ".txt", "media_type": "text/plain"},
            "meta": {}, "text": text, "text_sha256": hashlib.sha256(text.encode()).hexdigest(),
            "annotations": [], "relations": []}


def dataset(*docs):
    return {"format": "marginalia-dataset", "version": 1, "annotator": "ayse",
            "labels": [{"id": "quote", "name": "Quote", "color": "#0072B2", "key": "1"},
                       {"id": "actor", "name": "Actor", "color": "#D55E00", "key": "2"},
                       {"id": "claim", "name": "Claim", "color": "#009E73", "key": "3"},
                       {"id": "figure", "name": "Figure", "color": "#CC79A7", "key": "4"}],
            "documents": list(docs)}


def span(doc, span_id, label, needle, note="", nth=0):
    start = -1
    for _ in range(nth + 1):
        start = doc["text"].index(needle, start + 1)
    end = start + len(needle)
    return {"id": span_id, "label": label, "start": start, "end": end, "text": doc["text"][start:end],
            "note": note, "created": STAMP, "modified": STAMP}


def find(doc, span_id):
    return next((a for a in doc["annotations"] if a["id"] == span_id), None)


def edit(repo, name, change):
    """Loads the dataset, lets @change edit it, saves it and commits."""
    data = load(repo.path(name))
    change(data)
    save(repo.path(name), data)
    return repo.commit("edit " + name)


def valid(repo, name):
    code, _, err = repo.tool("validate", repo.path(name))
    return code == 0, err


def canonical(repo, name):
    """The merged file is in the writer's canonical form: loading it,
    merging it with itself and saving it gives the same bytes."""
    path = repo.path(name)
    with open(path, "rb") as f:
        before = f.read()
    scratch = path + ".again"
    shutil.copyfile(path, scratch)
    code, _, err = run([TOOL, "merge-driver", path, scratch, path, name])
    with open(scratch, "rb") as f:
        after = f.read()
    os.unlink(scratch)
    return code == 0 and before == after, err


def schema_problem(path):
    """What the shipped JSON Schema says of the file, or None when it
    accepts it (or jsonschema is not installed)."""
    try:
        import jsonschema
    except ImportError:
        return None
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "data", "marginalia-dataset.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    try:
        jsonschema.validate(load(path), schema)
    except jsonschema.ValidationError as e:
        return str(e)
    return None


def check_result(repo, name, what):
    ok, err = valid(repo, name)
    check(f"{what}: the merged file is a valid dataset", ok, err)
    problem = schema_problem(repo.path(name))
    check(f"{what}: the JSON Schema accepts the merged file", problem is None, problem)
    ok, err = canonical(repo, name)
    check(f"{what}: the merged file is canonical (save, reload, save gives the same bytes)", ok, err)


def setup_repo(root, name, data):
    repo = Repo(root, name)
    save(repo.path("data.json"), data)
    code, out, err = repo.tool("git-setup")
    repo.commit("start")
    return repo, code, out, err


def base_dataset():
    doc = document("harbour-fees", ARTICLE)
    doc["annotations"] = [span(doc, "a1", "claim", "harbour fees will rise by 12% next year"),
                          span(doc, "a2", "actor", "Anna de Vries")]
    return dataset(doc)


def test_setup(root):
    repo, code, out, err = setup_repo(root, "setup", base_dataset())
    check("git-setup exits 0", code == 0, err)
    check("git-setup says what it did", ".gitattributes" in out and "merge.marginalia.driver" in out, out)
    with open(repo.path(".gitattributes"), encoding="utf-8") as f:
        attributes = f.read()
    check("git-setup writes the attributes line",
          "*.json merge=marginalia diff=marginalia" in attributes.splitlines(), attributes)
    _, driver, _ = repo.git("config", "--get", "merge.marginalia.driver")
    check("the driver is this tool by its absolute path when it is not on PATH",
          driver.strip() == f"'{TOOL}' merge-driver %O %A %B %P", driver)
    _, textconv, _ = repo.git("config", "--get", "diff.marginalia.textconv")
    check("the diff is a textconv filter", textconv.strip() == f"'{TOOL}' diff --textconv", textconv)

    code, again, err = repo.tool("git-setup")
    with open(repo.path(".gitattributes"), encoding="utf-8") as f:
        check("git-setup run again changes nothing", code == 0 and f.read() == attributes
              and "already" in again and " set to " not in again, again + err)
    _, config, _ = repo.git("config", "--local", "--list")
    check("git-setup writes each config key once", config.count("merge.marginalia.driver=") == 1, config)

    bin_dir = os.path.join(root, "bin")
    os.makedirs(bin_dir)
    os.symlink(TOOL, os.path.join(bin_dir, "marginalia-tool"))
    on_path = Repo(root, "on-path", path_dirs=[bin_dir])
    code, out, err = on_path.tool("git-setup", "--pattern=*.dataset.json", tool="marginalia-tool")
    _, driver, _ = on_path.git("config", "--get", "merge.marginalia.driver")
    check("the driver is “marginalia-tool” when that name on PATH is this tool",
          code == 0 and driver.strip() == "marginalia-tool merge-driver %O %A %B %P", driver + err)
    with open(on_path.path(".gitattributes"), encoding="utf-8") as f:
        check("--pattern chooses the files", f.read() == "*.dataset.json merge=marginalia diff=marginalia\n")

    elsewhere = os.path.join(root, "not-a-repo")
    os.makedirs(elsewhere)
    code, _, err = run([TOOL, "git-setup", elsewhere])
    check("git-setup outside a repository fails with a message naming the folder",
          code == 1 and elsewhere in err, err)


def test_both_add(root):
    repo, *_ = setup_repo(root, "both-add", base_dataset())

    def ours(data):
        doc = data["documents"][0]
        doc["annotations"].append(span(doc, "a3", "quote", "\"We have no choice,\""))
        doc["annotations"].append(span(doc, "a4", "figure", "12%", nth=1))

    def theirs(data):
        doc = data["documents"][0]
        doc["annotations"].append(span(doc, "a3", "actor", "The Port Authority"))
        doc["annotations"].append(span(doc, "a4", "quote", "\"We have no choice,\""))
        doc["annotations"].append(span(doc, "a5", "figure", "12%", nth=1))
        doc["relations"].append({"id": "r1", "type": "attributed-to", "from": "a4", "to": "a2"})
        doc["relations"].append({"id": "r2", "type": "attributed-to", "from": "a1", "to": "a3"})

    repo.branch("ayse")
    edit(repo, "data.json", ours)
    repo.branch("can", "main")
    edit(repo, "data.json", theirs)
    repo.checkout("ayse")
    code, out, err = repo.git("merge", "-q", "--no-edit", "can")
    check("spans added on both sides merge cleanly", code == 0, out + err)
    check_result(repo, "data.json", "both added")
    doc = load(repo.path("data.json"))["documents"][0]
    spans = {(a["label"], a["start"], a["end"]): a["id"] for a in doc["annotations"]}
    check("both sides' spans are kept, the same span once", len(doc["annotations"]) == 5, spans)
    actor = spans.get(("actor", ARTICLE.index("The Port Authority"), ARTICLE.index("The Port Authority") + 18))
    check("their span whose id we took is renumbered", actor not in (None, "a1", "a2", "a3", "a4"), spans)
    rel = {(r["from"], r["to"]) for r in doc["relations"]}
    quote = find(doc, "a3")
    check("our span keeps its id", quote is not None and quote["label"] == "quote", doc["annotations"])
    check("their relations follow the renumbered spans",
          rel == {("a3", "a2"), ("a1", actor)}, (rel, spans))
    check("a clean merge marks no conflict", "conflicts" not in doc)
    _, log, _ = repo.git("log", "--oneline")
    check("git committed the merge", "Merge branch" in log, log)


def relabel(span_id, label):
    def change(data):
        find(data["documents"][0], span_id)["label"] = label
        find(data["documents"][0], span_id)["modified"] = LATER
    return change


def test_relabel_conflict(root):
    repo, *_ = setup_repo(root, "relabel", base_dataset())
    repo.branch("ayse")
    edit(repo, "data.json", relabel("a1", "quote"))
    repo.branch("can", "main")
    edit(repo, "data.json", relabel("a1", "figure"))
    repo.checkout("ayse")
    code, out, err = repo.git("merge", "--no-edit", "can")
    check("a span relabelled differently on both sides stops the merge", code != 0, out + err)
    check("git's output counts one conflict and names the file",
          "data.json: 1 conflict" in out + err, out + err)
    _, status, _ = repo.git("status", "--porcelain")
    check("git status shows the file unmerged", "UU data.json" in status, status)
    check_result(repo, "data.json", "relabel conflict")
    doc = load(repo.path("data.json"))["documents"][0]
    conflicts = doc.get("conflicts", [])
    check("the document holds one conflict", len(conflicts) == 1, conflicts)
    if len(conflicts) == 1:
        c = conflicts[0]
        ours, theirs = find(doc, c.get("ours")), find(doc, c.get("theirs"))
        check("the conflict is changed-both, ours under the span's id",
              c["kind"] == "changed-both" and c["id"] == "c1" and c["base"] == "a1" and c["ours"] == "a1", c)
        check("both versions are kept", ours is not None and theirs is not None
              and ours["label"] == "quote" and theirs["label"] == "figure"
              and (ours["start"], ours["end"]) == (theirs["start"], theirs["end"]), doc["annotations"])
    # Resolving is keeping one version and dropping the mark; then git commits.
    data = load(repo.path("data.json"))
    doc = data["documents"][0]
    doc["annotations"] = [a for a in doc["annotations"] if a["id"] != doc["conflicts"][0]["theirs"]]
    del doc["conflicts"]
    save(repo.path("data.json"), data)
    code, out, err = repo.commit("resolve")
    check("a resolved file commits", code == 0, out + err)


def test_delete_edit(root):
    repo, *_ = setup_repo(root, "delete-edit", base_dataset())

    def delete(data):
        doc = data["documents"][0]
        doc["annotations"] = [a for a in doc["annotations"] if a["id"] != "a1"]

    repo.branch("ayse")
    edit(repo, "data.json", delete)
    repo.branch("can", "main")
    edit(repo, "data.json", relabel("a1", "quote"))
    repo.checkout("ayse")
    code, out, err = repo.git("merge", "--no-edit", "can")
    check("one side deletes what the other edits: a conflict", code != 0 and "1 conflict" in out + err,
          out + err)
    check_result(repo, "data.json", "delete/edit")
    doc = load(repo.path("data.json"))["documents"][0]
    c = (doc.get("conflicts") or [{}])[0]
    kept = find(doc, c.get("theirs") or "")
    check("the edited span is kept and marked deleted-changed",
          c.get("kind") == "deleted-changed" and c.get("ours") is None and kept is not None
          and kept["label"] == "quote", doc)

    # The other way round, with no edit, the deletion simply wins.
    repo.git("merge", "--abort")
    repo.branch("can2", "main")
    edit(repo, "data.json", lambda data: find(data["documents"][0], "a2").update(note="chair"))
    repo.checkout("ayse")
    code, out, err = repo.git("merge", "--no-edit", "can2")
    doc = load(repo.path("data.json"))["documents"][0]
    check("a deletion and an edit of another span merge cleanly",
          code == 0 and find(doc, "a1") is None and find(doc, "a2")["note"] == "chair", out + err)
    check_result(repo, "data.json", "delete and unrelated edit")


def test_same_article(root):
    repo, *_ = setup_repo(root, "same-article", dataset())
    with open(repo.path("harbour-fees.txt"), "w", encoding="utf-8") as f:
        f.write(ARTICLE)
    repo.commit("article")

    def imported(label, needle):
        code, _, err = repo.tool("import", "-o", repo.path("data.json"), repo.path("harbour-fees.txt"))
        data = load(repo.path("data.json"))
        doc = data["documents"][0]
        doc["annotations"].append(span(doc, "a1", label, needle))
        save(repo.path("data.json"), data)
        repo.commit("import")
        return code, err

    repo.branch("ayse")
    code, err = imported("quote", "\"We have no choice,\"")
    check("import into the shared dataset", code == 0, err)
    repo.branch("can", "main")
    imported("actor", "Anna de Vries")
    repo.checkout("ayse")
    code, out, err = repo.git("merge", "--no-edit", "can")
    data = load(repo.path("data.json"))
    check("both import the same article: one document", code == 0 and len(data["documents"]) == 1,
          out + err)
    doc = data["documents"][0]
    check("with both annotators' spans", sorted(a["label"] for a in doc["annotations"]) == ["actor", "quote"],
          doc["annotations"])
    check_result(repo, "data.json", "same article")

    # A file both branches created (git has no ancestor for it).
    repo.branch("new-ayse", "main")
    doc = document("harbour-fees", ARTICLE)
    doc["annotations"] = [span(doc, "a1", "claim", "costs had doubled")]
    save(repo.path("new.json"), dataset(doc))
    repo.commit("new")
    repo.branch("new-can", "main")
    doc["annotations"] = [span(doc, "a1", "claim", "costs had doubled"),
                          span(doc, "a2", "actor", "Anna de Vries")]
    save(repo.path("new.json"), dataset(doc))
    repo.commit("new")
    repo.checkout("new-ayse")
    code, out, err = repo.git("merge", "--no-edit", "new-can")
    data = load(repo.path("new.json"))
    check("a dataset added on both sides merges without an ancestor",
          code == 0 and len(data["documents"][0]["annotations"]) == 2, out + err)
    check_result(repo, "new.json", "added on both sides")


def note(span_id, text):
    def change(data):
        a = find(data["documents"][0], span_id)
        a["note"] = text
        a["modified"] = LATER
    return change


def test_notes(root):
    repo, *_ = setup_repo(root, "notes", base_dataset())
    repo.branch("ayse")
    edit(repo, "data.json", note("a1", "check the 12%"))
    repo.branch("can", "main")
    edit(repo, "data.json", note("a1", "a forecast, not a claim"))
    repo.checkout("ayse")
    code, out, err = repo.git("merge", "--no-edit", "can")
    check("notes changed on both sides: a conflict", code != 0 and "1 conflict" in out + err, out + err)
    check_result(repo, "data.json", "notes")
    doc = load(repo.path("data.json"))["documents"][0]
    c = (doc.get("conflicts") or [{}])[0]
    check("the span keeps our note, the conflict holds theirs",
          c.get("kind") == "note-both" and c.get("ours") == "a1" and c.get("theirs") == "a1"
          and find(doc, "a1")["note"] == "check the 12%" and c.get("theirs_note") == "a forecast, not a claim",
          doc)
    check("a note conflict keeps one span", len(doc["annotations"]) == 2, doc["annotations"])
    repo.git("merge", "--abort")

    # A relabelling and a note on the same span are two fields: both kept.
    repo.branch("can2", "main")
    edit(repo, "data.json", relabel("a1", "figure"))
    repo.checkout("ayse")
    code, out, err = repo.git("merge", "--no-edit", "can2")
    a1 = find(load(repo.path("data.json"))["documents"][0], "a1")
    check("a note on one side and a relabelling on the other both survive",
          code == 0 and a1["label"] == "figure" and a1["note"] == "check the 12%", out + err)
    check_result(repo, "data.json", "note and relabel")


def test_diff(root):
    data = base_dataset()
    doc = data["documents"][0]
    # Spans before the change, so that its hunk is far from the document's line.
    for k, word in enumerate(("Harbour", "fees", "rise", "Port", "Authority", "cites")):
        doc["annotations"].append(span(doc, "a%d" % (k + 10), "actor", word))
    repo, *_ = setup_repo(root, "diff", data)
    before = os.path.join(root, "diff-before.json")
    shutil.copyfile(repo.path("data.json"), before)

    def change(data):
        doc = data["documents"][0]
        find(doc, "a1").update(label="quote")
        find(doc, "a13").update(span(doc, "a13", "actor", "Port Authority", nth=1))
        find(doc, "a2")["note"] = "the chair"
        doc["annotations"].append(span(doc, "a3", "figure", "12%"))
        doc["relations"].append({"id": "r1", "type": "attributed-to", "from": "a1", "to": "a2"})

    data = load(repo.path("data.json"))
    change(data)
    save(repo.path("data.json"), data)
    code, out, err = repo.tool("diff", before, repo.path("data.json"))
    check("diff exits 0", code == 0, err)
    words = ["harbour-fees:", "relabelled a1", "claim → quote", "note changed on a2: \"\" → \"the chair\"",
             "added a3 figure", "relation added r1: a1 attributed-to a2",
             "moved a13 actor: [38, 42) \"Port\" → [70, 84) \"Port Authority\""]
    check("diff says what changed in words", all(w in out for w in words), out)
    diagnostics.append("marginalia-tool diff:\n" + out)

    code, out, err = repo.git("diff")
    check("git diff shows the listing's changed lines",
          "-  span a1 claim" in out and "+  span a1 quote" in out and "+  note a2 \"the chair\"" in out
          and "+  relation r1: a1 attributed-to a2" in out, out + err)
    check("git diff's hunk header names the document", "@@ document harbour-fees" in out, out)
    check("git diff shows no raw JSON", "\"annotations\"" not in out, out)
    repo.commit("relabel")
    code, out, err = repo.git("log", "-p", "-1")
    check("git log -p shows the same changelog", "+  span a1 quote" in out and "-  span a1 claim" in out,
          out + err)
    diagnostics.append("git log -p:\n" + out)

    command = f"'{TOOL}' diff"
    code, out, err = repo.git("-c", f"diff.marginalia.command={command}", "diff", "HEAD~1", "HEAD")
    check("as git's external diff command it prints the words",
          code == 0 and "marginalia diff data.json" in out and "relabelled a1" in out, out + err)

    code, out, _ = repo.git("diff", "--stat", "HEAD~1", "HEAD")
    check("git diff --stat counts listing lines", "data.json" in out, out)

    code, _, err = repo.tool("diff", before)
    check("diff with one dataset is a usage error", code == 2, err)
    code, _, err = repo.tool("diff", before, repo.path("missing.json"))
    check("diff with a missing file fails naming it", code == 1 and "missing.json" in err, err)


def test_hostile_ids(root):
    """Ids and labels come from the file: git shows the listing and the diff on a
    terminal, where an escape sequence in an id would clear the screen or set the
    window title. Every control character is printed as an escape."""
    tmp = os.path.join(root, "hostile")
    os.makedirs(tmp)
    data = dataset(document("doc\x1b[2J\x9b", ARTICLE))
    doc = data["documents"][0]
    doc["annotations"].append(span(doc, "a\x1b]0;title\x07", "quote", "We have no choice"))
    old, new = os.path.join(tmp, "old.json"), os.path.join(tmp, "new.json")
    save(old, data)
    doc["annotations"].append(span(doc, "b\x1b[1m", "actor", "Anna de Vries"))
    save(new, data)
    for args in (["diff", old, new], ["diff", "--textconv", new]):
        code, out, err = run([TOOL, *args])
        check("%s prints no control character" % " ".join(args[:2]),
              code == 0 and not any(c in out for c in "\x1b\x07\x9b") and "\\x1b[2J" in out,
              repr(out + err))


def test_not_a_dataset(root):
    repo = Repo(root, "plain-json")
    lines = ["{", '  "name": "x",', '  "a": 1,', '  "b": 2,', '  "c": 3', "}"]
    with open(repo.path("package.json"), "w") as f:
        f.write("\n".join(lines) + "\n")
    repo.tool("git-setup")
    repo.commit("start")
    repo.branch("one")
    with open(repo.path("package.json"), "w") as f:
        f.write("\n".join(lines).replace('"a": 1', '"a": 10') + "\n")
    repo.commit("a")
    repo.branch("two", "main")
    with open(repo.path("package.json"), "w") as f:
        f.write("\n".join(lines).replace('"c": 3', '"c": 30') + "\n")
    repo.commit("c")
    repo.checkout("one")
    code, out, err = repo.git("merge", "--no-edit", "two")
    with open(repo.path("package.json")) as f:
        merged = f.read()
    check("a JSON file that is no dataset merges as text", code == 0 and '"a": 10' in merged
          and '"c": 30' in merged, out + err + merged)
    code, out, _ = repo.git("show", "HEAD~1")
    check("and diffs as text", '+  "a": 10' in out or '+  "c": 30' in out, out)


def test_driver_errors(root):
    tmp = os.path.join(root, "driver")
    os.makedirs(tmp)
    code, _, err = run([TOOL, "merge-driver", "x"])
    check("merge-driver with too few files is a usage error", code == 2, err)
    ours = os.path.join(tmp, "ours.json")
    save(ours, base_dataset())
    with open(ours, "rb") as f:
        before = f.read()
    code, _, err = run([TOOL, "merge-driver", ours, ours, os.path.join(tmp, "gone.json"), "data.json"])
    with open(ours, "rb") as f:
        check("merge-driver with an unreadable side fails above 1 and leaves ours whole",
              code > 1 and f.read() == before and "data.json" in err, err)


def big_dataset(n):
    sentence = "The council said that {0} residents had signed the petition by Friday. "
    parts, spans, offset = [], [], 0
    for i in range(n // 2):
        s = sentence.format(i)
        parts.append(s)
        a = s.index("The council")
        b = s.index(str(i) + " residents")
        spans.append((offset + a, offset + a + len("The council"), "actor"))
        spans.append((offset + b, offset + b + len(str(i)), "figure"))
        offset += len(s)
    text = "".join(parts)
    doc = document("petition", text, "Petition")
    doc["annotations"] = [{"id": "a%d" % (k + 1), "label": label, "start": s, "end": e, "text": text[s:e],
                           "note": "", "created": STAMP, "modified": STAMP}
                          for k, (s, e, label) in enumerate(spans)]
    return dataset(doc)


def test_large(root):
    repo, *_ = setup_repo(root, "large", big_dataset(10000))

    def ours(data):
        doc = data["documents"][0]
        for a in doc["annotations"][::100]:
            a["label"] = "claim" if a["label"] == "figure" else "quote"
        extra = [a for a in doc["annotations"][1::50]]
        for k, a in enumerate(extra):
            doc["annotations"].append(dict(a, id="a%d" % (20001 + k), label="claim"))

    def theirs(data):
        doc = data["documents"][0]
        for a in doc["annotations"][5::100]:
            a["note"] = "checked"
        for k, a in enumerate(doc["annotations"][3::50]):
            doc["annotations"].append(dict(a, id="a%d" % (20001 + k), label="quote"))

    repo.branch("ayse")
    edit(repo, "data.json", ours)
    repo.branch("can", "main")
    edit(repo, "data.json", theirs)
    repo.checkout("ayse")

    # The driver alone, timed, on git's three versions.
    for rev, name in (("main", "base"), ("ayse", "ours"), ("can", "theirs")):
        _, out, _ = repo.git("show", f"{rev}:data.json")
        with open(os.path.join(root, name + ".json"), "w", encoding="utf-8") as f:
            f.write(out)
    load_avg = open("/proc/loadavg").read().split()[:3]
    wall, cpu = time.perf_counter(), time.process_time()
    r0 = os.times()
    code, _, err = run([TOOL, "merge-driver", *(os.path.join(root, n + ".json") for n in ("base", "ours", "theirs")),
                        "data.json"])
    r1 = os.times()
    wall = time.perf_counter() - wall
    child_cpu = (r1.children_user - r0.children_user) + (r1.children_system - r0.children_system)
    diagnostics.append("merge-driver of 10,000 spans (+200 on each side): %.3f s wall, %.3f s processor, "
                       "load %s" % (wall, child_cpu, " ".join(load_avg)))
    # The time is a diagnostic, not a test (tests/bench-merge3 measures it):
    # under the sanitizers on a busy machine it is many times longer.
    check("a 10,000-span dataset merges cleanly", code == 0, err)
    merged = load(os.path.join(root, "ours.json"))["documents"][0]["annotations"]
    check("it holds both sides' spans", len(merged) == 10000 + 200 + 200, len(merged))

    code, out, err = repo.git("merge", "--no-edit", "can")
    check("and git merges it too", code == 0, out + err)
    check_result(repo, "data.json", "10,000 spans")


def main():
    root = tempfile.mkdtemp(prefix="marginalia-git-")
    try:
        for test in (test_setup, test_both_add, test_relabel_conflict, test_delete_edit, test_same_article,
                     test_notes, test_diff, test_hostile_ids, test_not_a_dataset, test_driver_errors, test_large):
            try:
                test(root)
            except Exception as e:  # a crash is a failure, not a stop
                import traceback
                check(test.__name__, False, traceback.format_exc())
    finally:
        shutil.rmtree(root, ignore_errors=True)

    print("1..%d" % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok and detail:
            for line in str(detail).splitlines()[:30]:
                print("# " + line)
    for d in diagnostics:
        for line in d.splitlines():
            print("# " + line)
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
