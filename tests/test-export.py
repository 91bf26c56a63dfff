#!/usr/bin/env python3
"""marginalia-tool export, read back the way each consumer reads it.

usage: test-export.py PATH-TO-marginalia-tool     (prints TAP)

For every format, each span of tests/fixtures/export/dataset.json must come
back with the text Python's text[start:end] gives. Offsets are code points
by default (what Python, pandas, spaCy, brat and the W3C model count, and
what doccano and Label Studio store since they moved from JavaScript string
indices to code points); with --offsets=utf16 they are the UTF-16 units a
browser counts, checked here by slicing the UTF-16-LE encoding.
"""
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile

TOOL = sys.argv[1] if len(sys.argv) > 1 else os.environ["MARGINALIA_TOOL"]
HERE = os.path.dirname(os.path.abspath(__file__))
DATASET = os.path.join(HERE, "fixtures", "export", "dataset.json")
TOKEN = re.compile(r"\w+|[^\w\s]")
results = []

with open(DATASET, encoding="utf-8") as f:
    SOURCE = json.load(f)
DOCS = {d["id"]: d for d in SOURCE["documents"]}
LABELS = [l["id"] for l in SOURCE["labels"]]


def run(*args):
    env = dict(os.environ, LC_ALL="C.UTF-8")
    p = subprocess.run([TOOL, "export", *args], capture_output=True, env=env, timeout=60)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8", "replace")


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def cut(text, start, end, offsets):
    """text[start:end] counted as the consumer counts."""
    if offsets == "codepoint":
        return text[start:end]
    units = text.encode("utf-16-le")
    # A slice through a surrogate pair raises, as a lone half would show.
    return units[2 * start:2 * end].decode("utf-16-le")


def export(fmt, offsets="codepoint"):
    code, out, err = run(f"--to={fmt}", f"--offsets={offsets}", DATASET)
    check(f"{fmt} ({offsets}) exits 0", code == 0, err)
    return out


def spans_of(doc):
    return {a["id"]: a for a in doc["annotations"]}


def relations_of(doc):
    return {(r["type"], r["from"], r["to"]) for r in doc["relations"]}


def test_jsonl(offsets):
    # pandas.read_json(lines=True) is json.loads per line.
    lines = export("jsonl", offsets).splitlines()
    rows = [json.loads(line) for line in lines]
    check(f"jsonl ({offsets}): one line per document", [r["id"] for r in rows] == list(DOCS))
    bad = []
    for row in rows:
        doc = DOCS[row["id"]]
        text = row["text"]
        want = spans_of(doc)
        got = {s["id"]: s for s in row["spans"]}
        if text != doc["text"] or set(got) != set(want) or row["meta"] != doc["meta"]:
            bad.append(row["id"])
        for sid, s in got.items():
            a = want.get(sid, {})
            # spaCy's doc.char_span(start, end) takes Python offsets into text.
            if not (0 <= s["start"] < s["end"]) or cut(text, s["start"], s["end"], offsets) != a.get("text") \
                    or s["label"] != a.get("label") or s["note"] != a.get("note") or s["text"] != a.get("text"):
                bad.append((row["id"], sid))
        if {(r["type"], r["from"], r["to"]) for r in row["relations"]} != relations_of(doc):
            bad.append((row["id"], "relations"))
    check(f"jsonl ({offsets}): every span's text, label and note", not bad, repr(bad))


def test_csv():
    out = export("csv")
    rows = list(csv.DictReader(out.splitlines(keepends=True)))
    check("csv: rows end in CRLF", out.endswith("\r\n") and "\r\n" in out.split("\n", 1)[0] + "\n")
    n = sum(len(d["annotations"]) for d in DOCS.values())
    check("csv: one row per annotation", len(rows) == n, f"{len(rows)} != {n}")
    bad = []
    for row in rows:
        doc = DOCS[row["document_id"]]
        a = spans_of(doc)[row["annotation_id"]]
        text = doc["text"][int(row["start"]):int(row["end"])]
        actor = {f: t for (k, f, t) in relations_of(doc)}.get(a["id"], "")
        if text != a["text"] or row["text"] != text or row["note"] != a["note"] \
                or row["label"] != a["label"] or row["annotator"] != SOURCE["annotator"] \
                or row["attributed_to"] != actor \
                or row["attributed_to_text"] != (spans_of(doc)[actor]["text"] if actor else ""):
            bad.append(row)
    check("csv: texts, notes with quotes, commas and newlines, attributions", not bad, repr(bad[:2]))


def fragments(text, start, end):
    """The parts of text[start:end] between line breaks, as brat holds them."""
    parts, i = [], start
    while i < end:
        j = i
        while j < end and text[j] != "\n":
            j += 1
        if j > i:
            parts.append((i, j))
        i = j + 1
    return parts


def test_brat(tmp):
    out = os.path.join(tmp, "brat")
    code, _, err = run("--to=brat", "-o", out, DATASET)
    check("brat: exits 0", code == 0, err)
    names = sorted(os.listdir(out))
    check("brat: annotation.conf and visual.conf", "annotation.conf" in names and "visual.conf" in names)
    txts = [n for n in names if n.endswith(".txt")]
    check("brat: one .txt and .ann per document, unique file names",
          len(txts) == len(DOCS) and all(n[:-4] + ".ann" in names for n in txts), repr(names))
    bad = []
    for name in txts:
        # brat reads both files as UTF-8 and counts code points.
        with open(os.path.join(out, name), encoding="utf-8", newline="") as f:
            text = f.read()
        doc = next((d for d in DOCS.values() if d["text"] == text), None)
        if doc is None:
            bad.append(name)
            continue
        tids, notes, rels = {}, {}, set()
        with open(os.path.join(out, name[:-4] + ".ann"), encoding="utf-8") as f:
            for line in f.read().splitlines():
                ident, data = line.split("\t", 1)
                if ident.startswith("T"):
                    head, quote = data.split("\t", 1)
                    label, offsets = head.split(" ", 1)
                    frags = [tuple(map(int, p.split())) for p in offsets.split(";")]
                    if " ".join(text[s:e] for s, e in frags) != quote:
                        bad.append((name, line))
                    tids[ident] = (label, frags)
                elif ident.startswith("R"):
                    kind, a1, a2 = data.split(" ")
                    rels.add((kind, a1.split(":")[1], a2.split(":")[1]))
                elif ident.startswith("#"):
                    head, note = data.split("\t", 1)
                    notes[head.split(" ")[1]] = note
        by_id = {}
        for a in doc["annotations"]:
            match = [t for t, (label, frags) in tids.items()
                     if label == a["label"] and frags == fragments(text, a["start"], a["end"])]
            if len(match) != 1:
                bad.append((name, a["id"]))
                continue
            by_id[a["id"]] = match[0]
            if notes.get(match[0], "") != a["note"].replace("\r", " ").replace("\n", " "):
                bad.append((name, a["id"], "note"))
        want = {(k.replace(" ", "_"), by_id.get(f), by_id.get(t)) for (k, f, t) in relations_of(doc)}
        if rels != want:
            bad.append((name, "relations", rels, want))
    check("brat: every span as fragments with its text, notes and relations", not bad, repr(bad[:3]))

    code, _, err = run("--to=brat", "-o", out, DATASET)
    check("brat: replaces its own earlier export", code == 0 and sorted(os.listdir(out)) == names, err)
    mine = os.path.join(tmp, "mine")
    os.mkdir(mine)
    with open(os.path.join(mine, "notes.txt"), "w") as f:
        f.write("keep")
    code, _, err = run("--to=brat", "-o", mine, DATASET)
    check("brat: refuses a folder it did not make, and leaves it alone",
          code == 1 and os.listdir(mine) == ["notes.txt"] and err.startswith(mine), err)
    code, _, err = run("--to=brat", DATASET)
    check("brat: without -o is a usage error", code == 2, err)


def expected_conll(doc, tokens):
    """Each label's spans at token granularity, outer spans first; a span
    nested in or crossing one of the same label does not fit its column."""
    columns = {}
    text = doc["text"]
    # A token opens a sentence (a line) when a line break precedes it.
    opens = {i for i in range(1, len(tokens)) if "\n" in text[tokens[i - 1][1]:tokens[i][0]]}
    for label in LABELS:
        spans = sorted((a for a in doc["annotations"] if a["label"] == label),
                       key=lambda a: (a["start"], -a["end"]))
        kept, covered = set(), 0
        for a in spans:
            idx = [i for i, (s, e) in enumerate(tokens) if s < a["end"] and e > a["start"]]
            if idx and idx[0] >= covered:
                # A span begins again with B- in each sentence it crosses.
                cuts = [idx[0]] + [i for i in idx[1:] if i in opens] + [idx[-1] + 1]
                kept.update(zip(cuts, cuts[1:]))
                covered = idx[-1] + 1
        columns[label] = kept
    return columns


def conll_strict(rows, opens):
    """What nltk's conlltags2tree(strict=True) refuses: an I- tag that
    opens a sentence or follows another label's or an O tag."""
    bad = []
    for k in range(len(LABELS)):
        prev = "O"
        for i, r in enumerate(rows):
            tag = r[3 + k]
            if i in opens:
                prev = "O"
            if tag.startswith("I-") and prev[2:] != tag[2:]:
                bad.append((i, tag))
            prev = tag
    return bad


def test_conll():
    out = export("conll")
    blocks = out.split("-DOCSTART-")[1:]
    check("conll: one -DOCSTART- per document", len(blocks) == len(DOCS), str(len(blocks)))
    bad = []
    for doc, block in zip(DOCS.values(), blocks):
        text = doc["text"]
        lines = block.split("\n")[1:]
        rows = [line.split(" ") for line in lines if line]
        tokens = [(int(r[1]), int(r[2])) for r in rows]
        if tokens != [m.span() for m in TOKEN.finditer(text)]:
            bad.append((doc["id"], "tokens"))
        if any(r[0] != text[int(r[1]):int(r[2])] or len(r) != 3 + len(LABELS) for r in rows):
            bad.append((doc["id"], "token text"))
        paragraphs = [p for p in text.split("\n") if TOKEN.search(p)]
        if block.strip("\n").count("\n\n") != len(paragraphs):
            bad.append((doc["id"], "paragraphs"))
        # Rebuild each column's spans from IOB2, across paragraph breaks.
        got = {}
        for k, label in enumerate(LABELS):
            spans, begin = set(), None
            for i, r in enumerate(rows + [["", "0", "0"] + ["O"] * len(LABELS)]):
                tag = r[3 + k]
                if begin is not None and tag != f"I-{label}":
                    spans.add((begin, i))
                    begin = None
                if tag == f"B-{label}":
                    begin = i
                elif tag.startswith("I-") and begin is None:
                    bad.append((doc["id"], "I without B", i))
            got[label] = spans
        if got != expected_conll(doc, tokens):
            bad.append((doc["id"], got, expected_conll(doc, tokens)))
        opens = {0} | {i for i in range(1, len(tokens)) if "\n" in text[tokens[i - 1][1]:tokens[i][0]]}
        if conll_strict(rows, opens):
            bad.append((doc["id"], "strict IOB2", conll_strict(rows, opens)[:3]))
    check("conll: tokens, paragraphs and every label's spans from IOB2", not bad, repr(bad[:2]))


def utf16_len(text):
    return len(text.encode("utf-16-le")) // 2


def quote_context(text, s, e):
    """The longest prefix and suffix of at most 32 UTF-16 units, whole
    code points only: dom-anchor-text-quote refuses longer patterns."""
    b = s
    while b > 0 and utf16_len(text[b - 1:s]) <= 32:
        b -= 1
    f = e
    while f < len(text) and utf16_len(text[e:f + 1]) <= 32:
        f += 1
    return text[b:s], text[e:f]


def test_w3c():
    data = json.loads(export("w3c"))
    items = data["first"]["items"]
    check("w3c: a JSON-LD AnnotationCollection",
          data["@context"] == "http://www.w3.org/ns/anno.jsonld" and data["type"] == "AnnotationCollection"
          and data["total"] == len(items))
    by_source = {}
    for d in DOCS.values():
        source = d["meta"].get("url") or "urn:sha256:" + d["text_sha256"]
        by_source[source] = d
    bad, seen = [], 0
    for item in items:
        if item["motivation"] != "tagging":
            continue
        seen += 1
        doc = by_source[item["target"]["source"]]
        text = doc["text"]
        pos, quote = item["target"]["selector"]
        s, e = pos["start"], pos["end"]
        label = [b["value"] for b in item["body"] if b["purpose"] == "tagging"]
        note = [b["value"] for b in item["body"] if b["purpose"] == "commenting"]
        a = [a for a in doc["annotations"] if (a["start"], a["end"], a["label"]) == (s, e, label[0])]
        if pos["type"] != "TextPositionSelector" or quote["type"] != "TextQuoteSelector" \
                or text[s:e] != quote["exact"] or quote_context(text, s, e) != (quote["prefix"], quote["suffix"]) \
                or len(a) != 1 \
                or (note[0] if note else "") != a[0]["note"] or item["creator"]["nickname"] != "ayse":
            bad.append(item["id"])
        # A reader that lost the offsets finds the span by its quote.
        hits = [m.start() for m in re.finditer(re.escape(quote["prefix"] + quote["exact"] + quote["suffix"]), text)]
        if hits != [s - len(quote["prefix"])]:
            bad.append((item["id"], "quote"))
    n = sum(len(d["annotations"]) for d in DOCS.values())
    links = [i for i in items if i["motivation"] == "linking"]
    check("w3c: position and quote selectors find every span", not bad and seen == n, repr(bad[:3]))
    check("w3c: attributions as linking annotations",
          len(links) == sum(len(d["relations"]) for d in DOCS.values()))
    ids = [i["id"] for i in items]
    check("w3c: every annotation has an IRI of its own", len(set(ids)) == len(ids))


def test_doccano(offsets):
    rows = [json.loads(line) for line in export("doccano", offsets).splitlines()]
    bad = []
    for row in rows:
        doc = DOCS[row["document_id"]]
        ents = {e["id"]: e for e in row["entities"]}
        got = sorted((cut(row["text"], e["start_offset"], e["end_offset"], offsets), e["label"])
                     for e in row["entities"])
        want = sorted((a["text"], a["label"]) for a in doc["annotations"])
        if got != want:
            bad.append((doc["id"], got, want))
        rels = {(r["type"], cut(row["text"], ents[r["from_id"]]["start_offset"], ents[r["from_id"]]["end_offset"], offsets),
                 cut(row["text"], ents[r["to_id"]]["start_offset"], ents[r["to_id"]]["end_offset"], offsets))
                for r in row["relations"]}
        spans = spans_of(doc)
        if rels != {(k, spans[f]["text"], spans[t]["text"]) for (k, f, t) in relations_of(doc)}:
            bad.append((doc["id"], "relations"))
    check(f"doccano ({offsets}): entities and relations slice to their texts",
          len(rows) == len(DOCS) and not bad, repr(bad[:2]))


def test_label_studio(offsets, tmp):
    config = os.path.join(tmp, f"config-{offsets}.xml")
    code, out, err = run("--to=label-studio", f"--offsets={offsets}", f"--label-config={config}", DATASET)
    check(f"label-studio ({offsets}): exits 0", code == 0, err)
    tasks = json.loads(out)
    bad = []
    for task in tasks:
        doc = DOCS[task["data"]["document_id"]]
        text = task["data"]["text"]
        result = task["annotations"][0]["result"]
        regions = {r["id"]: r for r in result if r["type"] == "labels"}
        for rid, r in regions.items():
            a = spans_of(doc)[rid]
            v = r["value"]
            if cut(text, v["start"], v["end"], offsets) != a["text"] or v["text"] != a["text"] \
                    or v["labels"] != [a["label"]] or r.get("meta", {}).get("text", [""]) != [a["note"]]:
                bad.append((doc["id"], rid))
        rels = {(r["labels"][0], r["from_id"], r["to_id"]) for r in result if r["type"] == "relation"}
        if rels != relations_of(doc) or len(regions) != len(doc["annotations"]):
            bad.append((doc["id"], "relations"))
    check(f"label-studio ({offsets}): every region slices to its text", len(tasks) == len(DOCS) and not bad,
          repr(bad[:2]))
    with open(config, encoding="utf-8") as f:
        xml = f.read()
    check("label-studio: labelling config names every label",
          all(f'<Label value="{l}"' in xml for l in LABELS) and 'toName="text"' in xml)


# Every character at which Python's str.splitlines() ends a line.
SPLITLINES = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def hostile_dataset(tmp):
    """Two documents with one text and no URL, line breaks of every kind
    inside spans and notes, and cells a spreadsheet reads as formulas."""
    text = "Tax =SUM(A1) rose\u2028by 4%\x85said\x0bthe\x1cminister.\n-3 dropped @home +1"
    def span(id, label, needle, note=""):
        start = text.index(needle)
        return {"id": id, "label": label, "start": start, "end": start + len(needle),
                "text": needle, "note": note}
    annotations = [span("a1", "claim", "=SUM(A1) rose\u2028by 4%\x85said", "=HYPERLINK(\"x\")"),
                   span("a2", "actor", "the\x1cminister", "one\u2029two\x85three"),
                   span("a3", "figure", "-3"), span("a4", "quote", "@home"), span("a5", "figure", "+1")]
    import hashlib
    docs = [{"id": ident, "title": "Same", "text": text,
             "text_sha256": hashlib.sha256(text.encode()).hexdigest(),
             "annotations": annotations, "relations": []} for ident in ("one", "two")]
    data = dict(SOURCE, documents=docs)
    path = os.path.join(tmp, "hostile.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)
    return path, text, annotations


def test_hostile(tmp):
    path, text, annotations = hostile_dataset(tmp)
    out = os.path.join(tmp, "hostile.brat")
    code, _, err = run("--to=brat", "-o", out, path)
    with open(os.path.join(out, "one.ann"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    bad = []
    for line in lines:
        ident, data = line.split("\t", 1)
        if ident.startswith("T"):
            head, quote = data.split("\t", 1)
            frags = [tuple(map(int, p.split())) for p in head.split(" ", 1)[1].split(";")]
            if " ".join(text[a:b] for a, b in frags) != quote \
                    or any(c in SPLITLINES for a, b in frags for c in text[a:b]):
                bad.append(line)
        elif not ident.startswith("#"):
            bad.append(line)
    check("brat: fragments break at every line break str.splitlines() knows, notes on one line",
          code == 0 and not bad and len(lines) == 7, repr((err, bad, lines)))

    code, data, err = run("--to=w3c", path)
    items = json.loads(data)["first"]["items"] if code == 0 else []
    ids = [i["id"] for i in items]
    check("w3c: documents with one text and no URL keep distinct annotation IRIs",
          len(items) == 10 and len(set(ids)) == 10, repr(ids))

    code, data, err = run("--to=csv", path)
    # As a file opened with newline="" reads: U+2028 inside a cell is text.
    rows = list(csv.DictReader(io.StringIO(data, newline="")))
    cells = [v for r in rows for v in r.values()]
    check("csv: no cell begins with = + - @ (OWASP), and an apostrophe keeps the text",
          code == 0 and not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
          and "'=HYPERLINK(\"x\")" in cells and "'-3" in cells and "'@home" in cells, repr(cells[:12]))

    code, data, err = run("--to=jsonl", path)
    check("jsonl: U+0085, U+2028 and U+2029 escaped, so line-based readers see one document a line",
          code == 0 and not any(c in data for c in "\x85\u2028\u2029")
          and len(data.splitlines()) == 2, repr(data[:200]))


def test_cli(tmp):
    code, _, err = run("--to=xlsx", DATASET)
    check("an unknown format is a usage error", code == 2 and "xlsx" in err, err)
    code, _, err = run("--to=csv", "--offsets=bytes", DATASET)
    check("unknown offsets are a usage error", code == 2, err)
    code, _, err = run("--to=csv")
    check("no dataset is a usage error", code == 2, err)
    missing = os.path.join(tmp, "missing.json")
    code, _, err = run("--to=csv", missing)
    check("a missing dataset exits 1, naming it", code == 1 and missing in err, err)
    code, _, err = run("--to=csv", "-o", os.path.join(missing, "x.csv"), DATASET)
    check("a missing output folder exits 1, naming it", code == 1 and "no such folder" in err, err)
    target = os.path.join(tmp, "out.jsonl")
    code, _, err = run("--to=jsonl", "-o", target, DATASET)
    with open(target, encoding="utf-8") as f:
        check("-o writes what standard output gets", code == 0 and f.read() == export("jsonl"), err)
    check("-o leaves no temporary file", sorted(os.listdir(tmp)).count("out.jsonl") == 1
          and not [n for n in os.listdir(tmp) if n.startswith(".out.jsonl")])


def main():
    with tempfile.TemporaryDirectory() as tmp:
        for offsets in ("codepoint", "utf16"):
            test_jsonl(offsets)
            test_doccano(offsets)
            test_label_studio(offsets, tmp)
        test_csv()
        test_brat(tmp)
        test_conll()
        test_w3c()
        test_hostile(tmp)
        test_cli(tmp)
    print(f"1..{len(results)}")
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
        if not ok and detail:
            for line in detail.splitlines()[:20]:
                print(f"# {line}")
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
