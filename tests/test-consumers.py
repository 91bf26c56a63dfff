#!/usr/bin/env python3
"""Exports read by the real programs that consume them: pandas (JSON Lines
and CSV), nltk (CoNLL, strict IOB2) and, in Node.js under jsdom, the W3C
anchoring libraries dom-anchor-text-quote and dom-anchor-text-position.

usage: test-consumers.py PATH-TO-marginalia-tool     (prints TAP)

build-aux/test installs the consumers (Debian's python3-pandas,
python3-nltk and nodejs; the npm packages of tests/consumers/package.json
into the folder named by MARGINALIA_NODE_MODULES) and sets
MARGINALIA_REQUIRE_CONSUMERS=1, so a missing consumer fails there; run by
hand without them, the missing ones are skipped.
"""
import hashlib
import json
import os
import subprocess
import sys
import tempfile

TOOL = sys.argv[1]
HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "fixtures", "export", "dataset.json")
REQUIRED = os.environ.get("MARGINALIA_REQUIRE_CONSUMERS") == "1"
results = []


def check(name, condition, detail=""):
    results.append((name, "ok" if condition else "not ok", detail))


def skip(name, why):
    results.append((name, "skip" if not REQUIRED else "not ok", why))


def export(fmt, dataset, *extra):
    p = subprocess.run([TOOL, "export", f"--to={fmt}", *extra, dataset],
                       capture_output=True, timeout=60)
    if p.returncode != 0:
        raise RuntimeError(p.stderr.decode("utf-8", "replace"))
    return p.stdout.decode("utf-8")


def astral_dataset(tmp):
    """Spans between runs of emoji, where code points and UTF-16 units
    differ most: 32 code points of context would be 64 units."""
    with open(FIXTURE, encoding="utf-8") as f:
        data = json.load(f)
    text = "🇹🇷🙂" * 20 + " Ankara said “yes” " + "👩‍👩‍👧" * 12 + "\n" + "🙂" * 40 + " 42% agree " + "🙂" * 40
    spans = [("a1", "actor", "Ankara"), ("a2", "quote", "“yes”"), ("a3", "figure", "42%")]
    annotations = []
    for ident, label, needle in spans:
        start = text.index(needle)
        annotations.append({"id": ident, "label": label, "start": start, "end": start + len(needle),
                            "text": needle, "note": ""})
    data["documents"] = [{"id": "astral", "title": "Astral", "text": text,
                          "text_sha256": hashlib.sha256(text.encode()).hexdigest(),
                          "annotations": annotations, "relations": []}]
    path = os.path.join(tmp, "astral.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)
    return path


def documents(dataset):
    with open(dataset, encoding="utf-8") as f:
        return {d["id"]: d for d in json.load(f)["documents"]}


def test_pandas(datasets):
    try:
        import pandas as pd
    except ImportError as e:
        skip("pandas reads JSON Lines and CSV exports", str(e))
        return
    import io
    for dataset in datasets:
        docs = documents(dataset)
        frame = pd.read_json(io.StringIO(export("jsonl", dataset)), lines=True)
        bad = [(r.id, s["id"]) for r in frame.itertuples() for s in r.spans
               if r.text[s["start"]:s["end"]] != s["text"]]
        check(f"pandas.read_json(lines=True): every span slices to its text ({os.path.basename(dataset)})",
              len(frame) == len(docs) and not bad, repr(bad[:3]))
        table = pd.read_csv(io.StringIO(export("csv", dataset), newline=""), keep_default_na=False, dtype=str)
        bad = [tuple(r) for r in table.itertuples()
               if docs[r.document_id]["text"][int(r.start):int(r.end)] != r.text.removeprefix("'")]
        check(f"pandas.read_csv: every row slices to its text ({os.path.basename(dataset)})",
              len(table) == sum(len(d["annotations"]) for d in docs.values()) and not bad, repr(bad[:3]))


def test_nltk(datasets):
    try:
        from nltk.chunk.util import conlltags2tree
    except ImportError as e:
        skip("nltk reads the CoNLL export in strict mode", str(e))
        return
    for dataset in datasets:
        sentences, refused = 0, []
        for block in export("conll", dataset).split("\n\n"):
            rows = [line.split(" ") for line in block.splitlines() if line and not line.startswith("-DOCSTART-")]
            if not rows:
                continue
            sentences += 1
            for column in range(3, len(rows[0])):
                try:
                    conlltags2tree([(r[0], "X", r[column]) for r in rows], strict=True)
                except ValueError as e:
                    refused.append((rows[0][0], column, str(e)))
        check(f"nltk conlltags2tree(strict=True) takes every sentence ({os.path.basename(dataset)})",
              sentences > 0 and not refused, repr(refused[:3]))


def test_w3c_anchoring(datasets, tmp):
    modules = os.environ.get("MARGINALIA_NODE_MODULES", "")
    import shutil
    if shutil.which("node") is None or not os.path.isdir(os.path.join(modules, "dom-anchor-text-quote")):
        skip("dom-anchor-text-quote and -position anchor the W3C export", "no node or no node_modules")
        return
    for dataset in datasets:
        docs = documents(dataset)
        texts = {(d.get("meta", {}).get("url") or "urn:sha256:" + d["text_sha256"]): d["text"]
                 for d in docs.values()}
        out = os.path.join(tmp, "w3c.json")
        with open(out, "w", encoding="utf-8") as f:
            f.write(export("w3c", dataset, "--offsets=utf16"))
        with open(os.path.join(tmp, "texts.json"), "w", encoding="utf-8") as f:
            json.dump(texts, f, ensure_ascii=False)
        p = subprocess.run(["node", os.path.join(HERE, "consumers", "w3c-anchor.js"), out,
                            os.path.join(tmp, "texts.json")],
                           capture_output=True, env=dict(os.environ, NODE_PATH=modules), timeout=120)
        check(f"dom-anchor-text-quote and -position anchor every span ({os.path.basename(dataset)})",
              p.returncode == 0, (p.stdout + p.stderr).decode("utf-8", "replace"))


def main():
    with tempfile.TemporaryDirectory() as tmp:
        datasets = [FIXTURE, astral_dataset(tmp)]
        test_pandas(datasets)
        test_nltk(datasets)
        test_w3c_anchoring(datasets, tmp)
    print(f"1..{len(results)}")
    for i, (name, state, detail) in enumerate(results, 1):
        if state == "skip":
            print(f"ok {i} - {name} # SKIP {detail}")
            continue
        print(f"{state} {i} - {name}")
        if state != "ok" and detail:
            for line in detail.splitlines()[:20]:
                print(f"# {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
