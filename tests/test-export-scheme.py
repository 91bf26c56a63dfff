#!/usr/bin/env python3
"""Exports of a dataset with a coding scheme: a span's attributes, the
relation types and the document codes, read back as each consumer reads
them (Python's csv and pandas for CSV, json for JSON Lines, brat's own
rules for the .ann lines and annotation.conf), and a brat export imported
again gives back the attributes brat can hold.

usage: test-export-scheme.py PATH-TO-marginalia-tool     (prints TAP)
"""
import csv
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mg_tooltest import check, main, run as run_tool, skip  # noqa: E402


def run(*args):
    # Every export must be UTF-8: output that is not raises.
    return run_tool(*args, strict_stdout=True)


TEXTS = {
    "taxes": "Kaya said taxes rise by 4% next year.\n",
    "ports": "“Fees will rise,” the Port Authority warned, citing 12% costs.\n",
}

LABELS = [
    {"id": "source", "name": "Source", "color": "#D55E00", "key": "1"},
    {"id": "cue", "name": "Cue", "color": "#E69F00", "key": "2"},
    {"id": "content", "name": "Content", "color": "#0072B2", "key": "3",
     "attributes": [{"id": "kind", "name": "Kind", "type": "choice", "values": ["direct", "indirect", "partial"]},
                    {"id": "comment", "name": "Comment", "type": "text"},
                    {"id": "checkable", "name": "Checkable", "type": "boolean"}]},
]
RELATION_TYPES = [{"id": "attribution", "name": "Attribution", "from": ["content"], "to": ["source"]},
                  {"id": "cued-by", "from": ["content"], "to": ["cue"]}]
DOCUMENT_CODES = [{"id": "stance", "name": "Stance", "type": "choice", "values": ["pro", "against", "neutral"]},
                  {"id": "topic", "type": "text"}]


def span(doc, ident, label, part, **extra):
    start = TEXTS[doc].index(part)
    return dict(id=ident, label=label, start=start, end=start + len(part), text=part, note="", **extra)


def make_dataset(tmp):
    path = os.path.join(tmp, "coded.json")
    for name, text in TEXTS.items():
        with open(os.path.join(tmp, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
    code, _, err = run("import", "-o", path, *(os.path.join(tmp, n + ".txt") for n in TEXTS))
    check("the articles import", code == 0, err)
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    data["labels"] = LABELS
    data["relation_types"] = RELATION_TYPES
    data["document_codes"] = DOCUMENT_CODES
    docs = {d["id"]: d for d in data["documents"]}
    docs["taxes"]["annotations"] = [
        span("taxes", "a1", "source", "Kaya"),
        span("taxes", "a2", "cue", "said"),
        span("taxes", "a3", "content", "taxes rise by 4% next year",
             attributes={"kind": "indirect", "checkable": True, "comment": "=SUM(A1), \"odd\"\nline"}),
    ]
    docs["taxes"]["relations"] = [{"id": "r1", "type": "attribution", "from": "a3", "to": "a1"},
                                  {"id": "r2", "type": "cued-by", "from": "a3", "to": "a2"}]
    docs["taxes"]["codes"] = {"stance": "against", "topic": "taxes, budget"}
    docs["ports"]["annotations"] = [
        span("ports", "a1", "content", "“Fees will rise,”", attributes={"kind": "direct", "checkable": False}),
        span("ports", "a2", "source", "the Port Authority"),
        span("ports", "a3", "cue", "warned"),
        span("ports", "a4", "content", "citing 12% costs"),
    ]
    docs["ports"]["relations"] = [{"id": "r1", "type": "attribution", "from": "a1", "to": "a2"}]
    docs["ports"]["codes"] = {"stance": "neutral"}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)
    code, _, err = run("validate", path)
    check("the coded dataset is valid", code == 0, err)
    return path, docs


def test_csv(path, docs):
    code, out, err = run("export", "--to=csv", path)
    check("csv exits 0", code == 0, err)
    rows = list(csv.DictReader(out.splitlines(keepends=True)))
    header = out.split("\r\n", 1)[0].split(",")
    check("csv: a column per attribute, then per document code, after the usual ones",
          header[-5:] == ["attribute_kind", "attribute_comment", "attribute_checkable", "code_stance", "code_topic"],
          repr(header))
    bad = []
    for row in rows:
        doc = docs[row["document_id"]]
        a = next(s for s in doc["annotations"] if s["id"] == row["annotation_id"])
        attributes = a.get("attributes", {})
        want_kind = attributes.get("kind", "")
        want_check = {True: "true", False: "false"}.get(attributes.get("checkable"), "")
        want_comment = attributes.get("comment", "")
        if want_comment.startswith("="):
            want_comment = "'" + want_comment  # a formula to a spreadsheet
        if (row["attribute_kind"] != want_kind or row["attribute_checkable"] != want_check
                or row["attribute_comment"] != want_comment
                or row["code_stance"] != doc["codes"].get("stance", "")
                or row["code_topic"] != doc["codes"].get("topic", "")):
            bad.append(row)
    check("csv: every span's attributes and its document's codes, empty where none",
          len(rows) == 7 and not bad, repr(bad[:2]))
    try:
        import pandas as pd
    except ImportError as e:
        skip("pandas reads the attribute and code columns", str(e))
        return
    with open(os.path.join(os.path.dirname(path), "coded.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(out)
    frame = pd.read_csv(os.path.join(os.path.dirname(path), "coded.csv"), keep_default_na=False)
    check("pandas reads the attribute and code columns",
          list(frame["attribute_kind"]) == [r["attribute_kind"] for r in rows]
          and list(frame["code_stance"]) == [r["code_stance"] for r in rows])


def test_jsonl(path, docs):
    code, out, err = run("export", "--to=jsonl", path)
    check("jsonl exits 0", code == 0, err)
    rows = [json.loads(line) for line in out.splitlines()]
    bad = []
    for row in rows:
        doc = docs[row["id"]]
        if row.get("codes") != doc["codes"]:
            bad.append((row["id"], "codes"))
        for s in row["spans"]:
            a = next(x for x in doc["annotations"] if x["id"] == s["id"])
            if s.get("attributes") != a.get("attributes"):
                bad.append((row["id"], s["id"]))
        if {(r["type"], r["from"], r["to"]) for r in row["relations"]} != \
                {(r["type"], r["from"], r["to"]) for r in doc["relations"]}:
            bad.append((row["id"], "relations"))
    check("jsonl: spans carry their attributes, documents their codes, relations their types",
          len(rows) == 2 and not bad, repr(bad[:3]))
    exported = os.path.join(os.path.dirname(path), "coded.jsonl")
    with open(exported, "w", encoding="utf-8") as f:
        f.write(out)
    code, stdout, err = run("import", "--format=jsonl-export", exported)
    back = {d["id"]: d for d in json.loads(stdout)["documents"]} if code == 0 else {}
    same = code == 0 and all(
        back[n].get("codes") == d["codes"]
        and {a["id"]: a.get("attributes") for a in back[n]["annotations"]}
        == {a["id"]: a.get("attributes") for a in d["annotations"]}
        for n, d in docs.items())
    check("jsonl: imported again, the spans' attributes and the documents' codes come back",
          same, err + stdout[:300])


def read(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def read_conf(path):
    """annotation.conf as brat's config parser splits it."""
    sections, section = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f.read().splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                section = sections.setdefault(line[1:-1], [])
                continue
            name, _, args = line.partition("\t")
            parsed = {}
            for part in filter(None, (p.strip() for p in args.split(","))):
                key, _, values = part.partition(":")
                parsed[key] = values.split("|")
            section.append((name, parsed))
    return sections


def test_brat(path, docs, tmp):
    out = os.path.join(tmp, "brat")
    code, _, err = run("export", "--to=brat", "-o", out, path)
    check("brat exits 0", code == 0, err)
    conf = read_conf(os.path.join(out, "annotation.conf"))
    attributes = dict(conf.get("attributes", []))
    relations = dict(conf.get("relations", []))
    check("annotation.conf: the scheme's relation types with the labels they link",
          relations.get("attribution") == {"Arg1": ["content"], "Arg2": ["source"]}
          and relations.get("cued-by") == {"Arg1": ["content"], "Arg2": ["cue"]}, repr(relations))
    check("annotation.conf: a choice with its values, a boolean as a binary attribute, no text attribute",
          attributes.get("kind") == {"Arg": ["content"], "Value": ["direct", "indirect", "partial"]}
          and attributes.get("checkable") == {"Arg": ["content"]}
          and "comment" not in attributes, repr(attributes))

    bad = []
    found = {}
    for name in TEXTS:
        types, attrs = {}, []
        with open(os.path.join(out, name + ".ann"), encoding="utf-8") as f:
            for line in f.read().splitlines():
                ident, data = line.split("\t", 1)
                if ident.startswith("T"):
                    head = data.split("\t", 1)[0]
                    label, offsets = head.split(" ", 1)
                    start = int(offsets.split(" ")[0])
                    types[ident] = (label, start)
                elif ident.startswith("A"):
                    parts = data.split(" ")
                    attrs.append((parts[0], parts[1], parts[2] if len(parts) > 2 else None))
        for attribute, target, value in attrs:
            rule = attributes.get(attribute)
            # brat refuses an attribute its config lacks, on a type it does
            # not name, or with a value it does not list.
            if rule is None or types[target][0] not in rule["Arg"] or \
                    (value is None) != ("Value" not in rule) or (value and value not in rule["Value"]):
                bad.append((name, attribute, target, value))
            found[(name, types[target][1], attribute)] = value if value is not None else True
    want = {}
    for name, doc in docs.items():
        for a in doc["annotations"]:
            for k, v in a.get("attributes", {}).items():
                if k != "comment" and v is not False:
                    want[(name, a["start"], k)] = v
    check("brat: A lines as annotation.conf declares them", not bad, repr(bad))
    check("brat: every choice and true boolean as an A line, false and text left out",
          found == want, repr((found, want)))

    code, stdout, err = run("import", out)
    check("a brat export imports again", code == 0, err)
    back = {d["meta"].get("source_document", d["id"]): d for d in json.loads(stdout)["documents"]} if code == 0 else {}
    got = {}
    for doc in back.values():
        name = next(n for n, t in TEXTS.items() if t == doc["text"])
        for a in doc["annotations"]:
            for k, v in a.get("attributes", {}).items():
                got[(name, a["start"], k)] = v
    check("brat: the attributes come back from brat as they were", got == want, repr((got, want)))


def test_label_studio(path, docs, tmp):
    import xml.etree.ElementTree as ET
    config = os.path.join(tmp, "config.xml")
    out = os.path.join(tmp, "tasks.json")
    code, _, err = run("export", "--to=label-studio", "--label-config=" + config, "-o", out, path)
    check("label-studio exits 0", code == 0, err)
    view = ET.parse(config).getroot()
    controls = {e.get("name"): e for e in view if e.tag in ("Choices", "TextArea")}
    check("label-studio config: a per-region control per attribute, a task control per code",
          controls["attribute_kind"].get("perRegion") == "true"
          and controls["attribute_kind"].get("whenLabelValue") == "content"
          and [c.get("value") for c in controls["attribute_kind"]] == ["direct", "indirect", "partial"]
          and [c.get("value") for c in controls["attribute_checkable"]] == ["true", "false"]
          and controls["attribute_comment"].tag == "TextArea"
          and controls["code_stance"].get("perRegion") is None
          and controls["code_topic"].tag == "TextArea"
          and [r.get("value") for r in view.find("Relations")] == ["attribution", "cued-by"],
          ET.tostring(view, encoding="unicode"))
    with open(out, encoding="utf-8") as f:
        tasks = json.load(f)
    bad, got = [], {}
    for task in tasks:
        name = task["data"]["document_id"]
        results = task["annotations"][0]["result"]
        regions = {r["id"]: r for r in results if r.get("type") == "labels"}
        for r in results:
            if r.get("type") not in ("choices", "textarea"):
                continue
            control = controls.get(r["from_name"])
            values = r["value"].get("choices", r["value"].get("text"))
            if control is None or (control.tag == "Choices" and values[0] not in [c.get("value") for c in control]):
                bad.append(r)
            if r["from_name"].startswith("attribute_"):
                region = regions.get(r["id"])
                if region is None or region["value"]["start"] != r["value"]["start"]:
                    bad.append(r)
                got[(name, r["value"]["start"], r["from_name"][10:])] = values[0]
            else:
                got[(name, "code", r["from_name"][5:])] = values[0]
    want = {}
    for name, doc in docs.items():
        for a in doc["annotations"]:
            for k, v in a.get("attributes", {}).items():
                want[(name, a["start"], k)] = {True: "true", False: "false"}.get(v, v)
        for k, v in doc["codes"].items():
            want[(name, "code", k)] = v
    check("label-studio: every attribute on its region and every code, as the config allows",
          not bad and got == want, repr((bad[:2], got, want)))
    code, stdout, err = run("import", "--format=label-studio", out)
    notes = [a["note"] for d in json.loads(stdout)["documents"] for a in d["annotations"]] if code == 0 else None
    check("label-studio: a text attribute is not read back as a note", notes == [""] * 7, repr(notes) + err)

    # Into a dataset with the scheme, the values come back, booleans too.
    target = os.path.join(tmp, "target.json")
    run("scheme", "new", path, "-o", target)
    code, _, err = run("import", "--format=label-studio", "-o", target, out)
    back = {d["id"]: d for d in read(target)["documents"]} if code == 0 else {}
    same = code == 0 and all(
        back[n].get("codes") == d["codes"]
        and sorted((a["start"], json.dumps(a.get("attributes"), sort_keys=True)) for a in back[n]["annotations"])
        == sorted((a["start"], json.dumps(a.get("attributes"), sort_keys=True)) for a in d["annotations"])
        for n, d in docs.items())
    check("label-studio: imported again, the attributes and codes come back", same,
          err + json.dumps(back)[:600])
    check("label-studio: and the dataset is valid", run("validate", target)[0] == 0)


def test_w3c(path, docs):
    code, out, err = run("export", "--to=w3c", path)
    check("w3c exits 0", code == 0, err)
    got = {}
    for item in json.loads(out)["first"]["items"]:
        fragment = dict(p.split("=", 1) for p in item["id"].split("#", 1)[1].split("&"))
        for body in item["body"] if isinstance(item["body"], list) else []:
            if isinstance(body, dict) and body.get("purpose") == "describing":
                got[(fragment["document"], fragment["annotation"], body["schema:name"])] = body["value"]
    want = {}
    for name, doc in docs.items():
        for a in doc["annotations"]:
            for k, v in a.get("attributes", {}).items():
                want[(name, a["id"], k)] = {True: "true", False: "false"}.get(v, v)
    check("w3c: each attribute a describing body of its span, named by schema:name",
          got == want, repr((got, want)))

    tmp = os.path.dirname(path)
    exported = os.path.join(tmp, "coded.w3c.json")
    with open(exported, "w", encoding="utf-8") as f:
        f.write(out)
    target = os.path.join(tmp, "w3c-target.json")
    run("scheme", "new", path, "-o", target)
    code, _, err = run("import", "--format=w3c", "--texts=" + path, "-o", target, exported)
    back = read(target)["documents"] if code == 0 else []
    got_back = sorted((d["text"], a["start"], json.dumps(a.get("attributes"), sort_keys=True))
                      for d in back for a in d["annotations"])
    wanted = sorted((TEXTS[n], a["start"], json.dumps(a.get("attributes"), sort_keys=True))
                    for n, d in docs.items() for a in d["annotations"])
    check("w3c: imported again, the attributes come back, booleans too", code == 0 and got_back == wanted,
          err + repr((got_back, wanted))[:600])


def test_plain_unchanged(tmp):
    """A dataset without a scheme exports as before: no new column or member."""
    article = os.path.join(tmp, "plain.txt")
    with open(article, "w", encoding="utf-8") as f:
        f.write("Nothing to code.\n")
    code, out, err = run("import", article)
    path = os.path.join(tmp, "plain.json")
    with open(path, "w", encoding="utf-8") as f:
        f.write(out)
    code, out, err = run("export", "--to=csv", path)
    check("csv without a scheme keeps its columns",
          out == "document_id,annotation_id,label,start,end,text,note,annotator,attributed_to,attributed_to_text\r\n",
          out)
    code, out, err = run("export", "--to=jsonl", path)
    check("jsonl without a scheme has no codes", code == 0 and "codes" not in json.loads(out), out)


def all_tests(tmp):
    path, docs = make_dataset(tmp)
    test_csv(path, docs)
    test_jsonl(path, docs)
    test_brat(path, docs, tmp)
    test_label_studio(path, docs, tmp)
    test_w3c(path, docs)
    test_plain_unchanged(tmp)


if __name__ == "__main__":
    main(all_tests, "mg-export-scheme-")
