#!/usr/bin/env python3
"""marginalia-tool import of annotated data, round trip through export.

usage: test-import-annotated.py PATH-TO-marginalia-tool     (prints TAP)

tests/fixtures/export/dataset.json is exported to every format that carries
annotations, in code points and in UTF-16 units, and imported again with the
format told from the content: the spans (label, start, end and text), the
notes and the relations must be those of the dataset, as far as each format
carries them. CoNLL keeps tokens, not characters: re-exporting what it
imported must give the same file. Then the person's mapping and a refused
label, named with the file and the line.
"""
import json
import os
import subprocess
import sys
import tempfile

TOOL = sys.argv[1] if len(sys.argv) > 1 else os.environ["MARGINALIA_TOOL"]
HERE = os.path.dirname(os.path.abspath(__file__))
DATASET = os.path.join(HERE, "fixtures", "export", "dataset.json")
results = []

with open(DATASET, encoding="utf-8") as f:
    SOURCE = json.load(f)


def run(*args):
    env = dict(os.environ, LC_ALL="C.UTF-8")
    p = subprocess.run([TOOL, *args], capture_output=True, env=env, timeout=60)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8", "replace")


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def export(tmp, fmt, offsets, name):
    path = os.path.join(tmp, name)
    code, _, err = run("export", f"--to={fmt}", f"--offsets={offsets}", "-o", path, DATASET)
    check(f"{fmt} ({offsets}) exports", code == 0, err)
    return path


def import_(*args):
    code, out, err = run("import", *args)
    return code, (json.loads(out) if code == 0 else None), err


def spans(doc, notes):
    return sorted((a["label"], a["start"], a["end"], a["text"], a.get("note", "") if notes else "")
                  for a in doc["annotations"])


def relations(doc):
    by_id = {a["id"]: (a["label"], a["start"], a["end"]) for a in doc["annotations"]}
    return sorted((r["type"], by_id[r["from"]], by_id[r["to"]]) for r in doc.get("relations", []))


def compare(fmt, offsets, got, notes=True, ids=True):
    want = SOURCE["documents"]
    # A document without spans is no task to doccano or W3C; the others keep it.
    have = got["documents"] if got else []
    if fmt == "w3c":
        want = [d for d in want if d["annotations"]]
    check(f"{fmt} ({offsets}): every document back", len(have) == len(want),
          f"{len(have)} != {len(want)}")
    for w, g in zip(want, have):
        tag = f"{fmt} ({offsets}) {w['id']}"
        check(f"{tag}: same text", g["text"] == w["text"])
        check(f"{tag}: same spans", spans(g, notes) == spans(w, notes),
              f"{spans(g, notes)}\n!=\n{spans(w, notes)}")
        check(f"{tag}: same relations", relations(g) == relations(w),
              f"{relations(g)} != {relations(w)}")
        if ids:
            check(f"{tag}: same ids", (g["id"], g.get("title")) == (w["id"], w.get("title"))
                  and sorted(a["id"] for a in g["annotations"]) == sorted(a["id"] for a in w["annotations"]))


def test_round_trips(tmp):
    for offsets in ("codepoint", "utf16"):
        flag = [] if offsets == "codepoint" else ["--offsets=utf16"]
        path = export(tmp, "jsonl", offsets, f"out-{offsets}.jsonl")
        code, got, err = import_(*flag, path)
        check(f"jsonl-export ({offsets}) imports", code == 0, err)
        compare("jsonl-export", offsets, got)

        path = export(tmp, "doccano", offsets, f"doccano-{offsets}.jsonl")
        code, got, err = import_(*flag, path)
        check(f"doccano ({offsets}) imports", code == 0, err)
        compare("doccano", offsets, got, notes=False, ids=False)

        path = export(tmp, "label-studio", offsets, f"ls-{offsets}.json")
        code, got, err = import_(*flag, path)
        check(f"label-studio ({offsets}) imports", code == 0, err)
        compare("label-studio", offsets, got)

        path = export(tmp, "w3c", offsets, f"w3c-{offsets}.jsonld")
        code, got, err = import_(*flag, "--texts", DATASET, path)
        check(f"w3c ({offsets}) imports", code == 0, err)
        compare("w3c", offsets, got)


def test_conll(tmp):
    for offsets in ("codepoint", "utf16"):
        flag = [] if offsets == "codepoint" else ["--offsets=utf16"]
        path = export(tmp, "conll", offsets, f"c-{offsets}.conll")
        back = os.path.join(tmp, f"c-{offsets}.json")
        code, _, err = run("import", *flag, "-o", back, path)
        check(f"conll ({offsets}) imports", code == 0, err)
        again = os.path.join(tmp, f"c-{offsets}-again.conll")
        code, _, err = run("export", "--to=conll", f"--offsets={offsets}", "-o", again, back)
        with open(path, encoding="utf-8") as a, open(again, encoding="utf-8") as b:
            first, second = a.read(), b.read()
        check(f"conll ({offsets}): exporting the import gives the same file", code == 0 and first == second,
              err or "\n".join(l for l in second.splitlines() if l not in first.splitlines())[:2000])


def test_mapping(tmp):
    path = os.path.join(tmp, "coded.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"text": "Ana said yes.", "label": [[0, 3, "Source"], [9, 12, "Content"]]}) + "\n")
        f.write(json.dumps({"text": "Bo said no.", "label": [[0, 2, "Source"], [3, 7, "Cue"]]}) + "\n")
    code, got, err = import_("--map", "Source=actor,Content=quote", path)
    check("--map maps, unmapped labels are added", code == 0
          and [a["label"] for d in got["documents"] for a in d["annotations"]] == ["actor", "quote", "actor", "Cue"]
          and [l["id"] for l in got["labels"]][-1] == "Cue", err)
    code, got, err = import_("--map", "Source=actor,Content=quote", "--unmapped=refuse", path)
    check("--unmapped=refuse names the file, the line and the label",
          code == 1 and "coded.jsonl:2:" in err and "Cue" in err, err)
    code, got, err = import_("--map", "Source=actor,Content=quote", "--unmapped=skip", path)
    check("--unmapped=skip leaves the spans out and says how many", code == 0
          and sum(len(d["annotations"]) for d in got["documents"]) == 3 and "1 span" in err, err)
    code, got, err = import_("--map", "Source=actor,Content=quote,Cue=", "--unmapped=refuse", path)
    check("--map Cue= leaves Cue out, without a word", code == 0 and err == ""
          and sum(len(d["annotations"]) for d in got["documents"]) == 3, err)
    code, _, err = import_("--map", "Source", path)
    check("a --map without = is a usage error", code == 2, err)


def test_mismatch(tmp):
    path = os.path.join(tmp, "bad.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump([{"data": {"text": "Ana said yes."}, "annotations": [{"result": [
            {"id": "r", "type": "labels", "value": {"start": 1, "end": 4, "text": "Ana", "labels": ["actor"]}}]}]}],
            f, indent=1)
    code, _, err = import_(path)
    check("a span whose text is not its slice refuses the file, named with its line",
          code == 1 and "bad.json:2:" in err and "“Ana”" in err, err)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        test_round_trips(tmp)
        test_conll(tmp)
        test_mapping(tmp)
        test_mismatch(tmp)
    print(f"1..{len(results)}")
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
        if not ok and detail:
            for line in detail.splitlines()[:20]:
                print(f"# {line}")
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
