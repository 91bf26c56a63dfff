#!/usr/bin/env python3
"""marginalia-tool as a user runs it: exit codes, messages, outputs.

usage: test-tool.py PATH-TO-marginalia-tool     (prints TAP)
"""
import hashlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mg_tooltest import check, main, results, run  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures")


def test_help_version():
    code, out, _ = run("--help")
    check("--help exits 0 and lists the commands", code == 0 and "import" in out and "validate" in out and "stats" in out)
    code, out, _ = run("--version")
    check("--version exits 0", code == 0 and out.startswith("marginalia-tool "))
    for cmd in ("import", "validate", "stats"):
        code, out, _ = run(cmd, "--help")
        check(f"{cmd} --help exits 0", code == 0 and "Usage" in out, out[:200])


def test_usage_errors():
    check("no command is a usage error", run()[0] == 2)
    check("unknown command is a usage error", run("frobnicate")[0] == 2)
    check("unknown option is a usage error", run("stats", "--frob", "x")[0] == 2)
    check("validate without files is a usage error", run("validate")[0] == 2)
    check("import without files is a usage error", run("import")[0] == 2)
    check("import with an unknown format is a usage error", run("import", "--format=pdf", "x")[0] == 2)


def test_import_validate_stats(tmp):
    article = os.path.join(tmp, "harbour-fees.txt")
    text = "Business\n\nHarbour fees rise by 12% as Port Authority cites costs\n\nBy Ayşe Demir\n\nThe fees rose 👍🏽.\n"
    with open(article, "w", encoding="utf-8") as f:
        f.write(text)

    code, out, err = run("import", article)
    check("import to standard output exits 0", code == 0, err)
    data = json.loads(out)
    doc = data["documents"][0]
    check("import keeps the text and its hash",
          doc["text"] == text and doc["text_sha256"] == hashlib.sha256(text.encode()).hexdigest())
    check("import names the document after the file", doc["id"] == "harbour-fees")
    check("import finds the headline", doc["title"] == "Harbour fees rise by 12% as Port Authority cites costs", doc["title"])

    dataset = os.path.join(tmp, "set.json")
    code, _, err = run("import", "-o", dataset, article, article)
    check("import -o writes a dataset with one document per file", code == 0 and
          [d["id"] for d in json.load(open(dataset))["documents"]] == ["harbour-fees", "harbour-fees-2"], err)
    code, _, err = run("validate", dataset)
    check("validate exits 0 on a valid dataset", code == 0 and err == "", err)

    code, out, err = run("stats", "--json", dataset)
    stats = json.loads(out) if code == 0 else None
    check("stats --json counts documents", code == 0 and stats[0]["documents"] == 2, err)
    code, out, _ = run("stats", dataset)
    check("stats prints a table", code == 0 and "harbour-fees-2" in out and "quote" in out)

    canonical = os.path.join(FIXTURES, "dataset", "canonical.json")
    code, out, _ = run("stats", "--json", canonical)
    stats = json.loads(out)[0]
    check("stats counts annotations per label",
          stats["annotations"] == 5 and stats["labels"] == {"quote": 1, "actor": 1, "claim": 2, "figure": 1}, out)
    check("stats counts per document",
          [d["annotations"] for d in stats["per_document"]] == [5, 0], out)


def test_bad_inputs(tmp):
    code, _, err = run("import", os.path.join(tmp, "missing.txt"))
    check("import of a missing file exits 1 naming it", code == 1 and err.startswith(os.path.join(tmp, "missing.txt")), err)
    code, _, err = run("import", tmp)
    check("import of a folder exits 1", code == 1 and err.startswith(tmp), err)
    binary = os.path.join(tmp, "photo.jpg")
    with open(binary, "wb") as f:
        f.write(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4)
    code, _, err = run("import", binary)
    check("import of binary data exits 1 with one line", code == 1 and err.startswith(binary) and err.count("\n") == 1, err)
    empty = os.path.join(tmp, "empty.txt")
    open(empty, "w").close()
    code, _, err = run("import", empty)
    check("import of an empty file exits 1", code == 1 and err.startswith(empty), err)

    bad = os.path.join(tmp, "bad.json")
    with open(bad, "w") as f:
        f.write('{"format": "marginalia-dataset", "version": 1, "labels": [], "documents": [], "x": 1} {}')
    code, _, err = run("validate", bad)
    check("validate of trailing garbage exits 1 naming the file", code == 1 and err.startswith(bad + ": "), err)

    sha = hashlib.sha256("Ana said hi.".encode()).hexdigest()
    two = {"format": "marginalia-dataset", "version": 1, "labels": [{"id": "quote"}],
           "documents": [{"id": "d", "text": "Ana said hi.", "text_sha256": sha, "annotations": [
               {"id": "a1", "label": "quote", "start": 0, "end": 3, "text": "Anna"},
               {"id": "a2", "label": "actor", "start": 4, "end": 8, "text": "said"}]}]}
    with open(bad, "w") as f:
        json.dump(two, f)
    code, _, err = run("validate", bad)
    lines = err.strip().split("\n")
    check("validate prints one line per problem", code == 1 and len(lines) == 2 and
          all(l.startswith(bad + ": document “d”: annotation “a") for l in lines), err)

    code, _, err = run("validate", os.path.join(FIXTURES, "dataset", "canonical.json"), bad)
    check("validate of a good and a bad dataset exits 1", code == 1 and err.count("\n") == 2, err)

    code, _, err = run("stats", bad)
    check("stats of an invalid dataset exits 1", code == 1 and err.startswith(bad), err)

    before = open(bad, "rb").read()
    article = os.path.join(tmp, "a.txt")
    with open(article, "w") as f:
        f.write("A headline of several words\n\nBody.\n")
    code, _, err = run("import", "-o", bad, article)
    check("import -o into an invalid dataset exits 1 and leaves it whole",
          code == 1 and open(bad, "rb").read() == before, err)

    newer = os.path.join(tmp, "newer.json")
    with open(newer, "w") as f:
        json.dump({"format": "marginalia-dataset", "version": 2, "labels": [], "documents": []}, f)
    code, _, err = run("validate", newer)
    check("a newer format version is refused", code == 1 and "newer" in err, err)


def test_import_appends(tmp):
    dataset = os.path.join(tmp, "grow.json")
    first = os.path.join(tmp, "first.txt")
    with open(first, "w") as f:
        f.write("First story has a headline\n\nBody one.\n")
    second = os.path.join(tmp, "second.txt")
    with open(second, "w") as f:
        f.write("Second story has a headline\n\nBody two.\n")
    run("import", "-o", dataset, first)
    code, _, err = run("import", "-o", dataset, second)
    ids = [d["id"] for d in json.load(open(dataset))["documents"]]
    check("import -o into an existing dataset keeps its documents", code == 0 and ids == ["first", "second"], err)


def test_schema(tmp):
    """The shipped JSON Schema accepts what the tool writes."""
    try:
        import jsonschema
    except ImportError:
        results.append(("JSON Schema accepts the datasets the tool writes # SKIP jsonschema not installed", True, ""))
        return
    schema = json.load(open(os.path.join(HERE, "..", "data", "marginalia-dataset.schema.json")))
    article = os.path.join(tmp, "schema.txt")
    with open(article, "w") as f:
        f.write("A headline for the schema test\n\nBody.\n")
    code, out, _ = run("import", article)
    for name, data in (("imported", json.loads(out)),
                       ("canonical", json.load(open(os.path.join(FIXTURES, "dataset", "canonical.json"))))):
        try:
            jsonschema.validate(data, schema)
            ok = True
        except jsonschema.ValidationError as e:
            ok = False
        check(f"JSON Schema accepts the {name} dataset", ok)
    bad = json.load(open(os.path.join(FIXTURES, "dataset", "canonical.json")))
    bad["documents"][0]["annotations"][0]["start"] = "7"
    try:
        jsonschema.validate(bad, schema)
        ok = False
    except jsonschema.ValidationError:
        ok = True
    check("JSON Schema refuses a string offset", ok)


def test_status(tmp):
    """Documents by status in stats; an unknown status refused by validate."""
    sha = hashlib.sha256("Ana said hi.".encode()).hexdigest()
    docs = [{"id": f"d{i}", "text": "Ana said hi.", "text_sha256": sha} for i in range(5)]
    docs[0]["status"] = "done"
    docs[1]["status"] = "done"
    docs[2]["status"] = "in-progress"
    docs[3]["status"] = "skipped"
    dataset = {"format": "marginalia-dataset", "version": 1, "labels": [{"id": "quote"}],
               "documents": docs}
    path = os.path.join(tmp, "statuses.json")
    with open(path, "w") as f:
        json.dump(dataset, f)
    code, _, err = run("validate", path)
    check("validate accepts every status", code == 0 and err == "", err)
    code, out, err = run("stats", "--json", path)
    stats = json.loads(out)[0] if code == 0 else {}
    check("stats --json counts documents by status",
          stats.get("statuses") == {"to-do": 1, "in-progress": 1, "done": 2, "skipped": 1}, out + err)
    check("stats --json gives each document's status",
          [d["status"] for d in stats.get("per_document", [])] ==
          ["done", "done", "in-progress", "skipped", "to-do"], out)
    code, out, _ = run("stats", path)
    check("stats prints documents by status",
          code == 0 and "to do: 1" in out and "in progress: 1" in out and "done: 2" in out
          and "skipped: 1" in out and "in-progress" in out, out)

    later = os.path.join(tmp, "statuses-later.json")
    docs[4]["status"] = "done"
    with open(later, "w") as f:
        json.dump(dataset, f)
    code, out, err = run("diff", path, later)
    check("diff names a status changed", code == 0 and "d4:\n" in out and "status: to-do → done" in out,
          out + err)

    docs[4]["status"] = "finished"
    with open(path, "w") as f:
        json.dump(dataset, f)
    code, _, err = run("validate", path)
    check("validate refuses an unknown status with one line naming file and document",
          code == 1 and err.count("\n") == 1 and err.startswith(path + ": document “d4”: ")
          and "“status”" in err and "finished" in err, err)
    if importlib_util_find("jsonschema"):
        import jsonschema
        schema = json.load(open(os.path.join(HERE, "..", "data", "marginalia-dataset.schema.json")))
        try:
            jsonschema.validate(dataset, schema)
            ok = False
        except jsonschema.ValidationError:
            ok = True
        check("JSON Schema refuses an unknown status", ok)
        docs[4]["status"] = "done"
        try:
            jsonschema.validate(dataset, schema)
            ok = True
        except jsonschema.ValidationError:
            ok = False
        check("JSON Schema accepts the statuses", ok)


def importlib_util_find(name):
    import importlib.util
    return importlib.util.find_spec(name) is not None


def test_import_brat(tmp):
    folder = os.path.join(FIXTURES, "brat", "collection")
    dataset = os.path.join(tmp, "brat.json")
    code, _, err = run("import", "--map=Source=actor,Content=quote,Attributed=attributed-to",
                       "--unmapped=refuse", "-o", dataset, folder)
    check("import of a brat folder, told from the path, exits 0", code == 0, err)
    with open(dataset, encoding="utf-8") as f:
        docs = {d["id"]: d for d in json.load(f)["documents"]}
    coded = docs.get("rail-strike_coder1", {})
    texts = sorted(a["text"] for a in coded.get("annotations", []))
    check("brat spans become mapped annotations",
          texts == ["The union", "the strike would end on Friday"], texts)
    check("brat relations become relations", len(coded.get("relations", [])) == 1, coded)
    check("the orphan .ann is named", "orphan_coder1.ann" in err, err)
    code, _, err = run("import", "--format=brat", "--map=Source", folder)
    check("a bad --map is a usage error", code == 2 and "--map" in err, err)
    code, _, err = run("import", "--format=brat", "--unmapped=refuse",
                       os.path.join(FIXTURES, "brat", "harbour.ann"))
    check("a refused brat type exits 1 naming file and line",
          code == 1 and "harbour.ann:1:" in err, err)


def all_tests(tmp):
    test_help_version()
    test_usage_errors()
    test_import_validate_stats(tmp)
    test_bad_inputs(tmp)
    test_import_appends(tmp)
    test_schema(tmp)
    test_import_brat(tmp)
    test_status(tmp)


if __name__ == "__main__":
    main(all_tests, "mg-tool-")
