#!/usr/bin/env python3
"""marginalia-tool suggest, and what stats and validate say about
suggestions, as a user runs them.

usage: test-suggest-tool.py PATH-TO-marginalia-tool     (prints TAP)
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mg_tooltest import check, main, run  # noqa: E402


TEXT = ("Harbour fees rise\n\n"
        "“We will raise the fees,” said Jan de Vries, the harbour master. "
        "Fees rose by 12% in 2025.\n")
QUOTE = "“We will raise the fees,”"


def span(text, part, label):
    start = text.index(part)
    return {"label": label, "start": start, "end": start + len(part)}


def spans(dataset):
    doc = dataset["documents"][0]
    return {(a["label"], doc["text"][a["start"]:a["end"]]): a for a in doc["annotations"]}


def make_dataset(tmp):
    article = os.path.join(tmp, "harbour.txt")
    with open(article, "w", encoding="utf-8") as f:
        f.write(TEXT)
    path = os.path.join(tmp, "set.json")
    code, _, err = run("import", "-o", path, article)
    assert code == 0, err
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    doc = data["documents"][0]
    # A span coded by hand, which a suggestion of the same label and range
    # must not duplicate, and a rejected suggestion, which must stay out.
    hand = span(doc["text"], "Jan de Vries", "actor")
    doc["annotations"] = [dict(hand, id="a1", text="Jan de Vries", note="",
                               created="2026-11-26T10:00:00Z", modified="2026-11-26T10:00:00Z")]
    doc["rejected_suggestions"] = [dict(span(doc["text"], "2025", "figure"), rule="figure-date")]
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)
    return path


def test_suggest(tmp):
    src = make_dataset(tmp)
    out = os.path.join(tmp, "out.json")

    code, stdout, err = run("suggest", "-o", out, src)
    check("suggest exits 0", code == 0, err)
    check("suggest says what it added", "out.json: 2 suggested spans added (quote 1, actor 0, figure 1), 0 relations" in stdout, stdout)
    data = json.load(open(out, encoding="utf-8"))
    got = spans(data)
    check("the quote is added with its origin",
          got.get(("quote", QUOTE), {}).get("origin") == {"rule": "quote-marks", "label": "quote"}, got)
    check("the figure is added with its origin",
          got.get(("figure", "12%"), {}).get("origin", {}).get("label") == "figure", got)
    check("a rejected suggestion is not added", ("figure", "2025") not in got, got)
    check("a span already coded is not added twice, and keeps no origin",
          len([k for k in got if k == ("actor", "Jan de Vries")]) == 1 and
          "origin" not in got[("actor", "Jan de Vries")], got)
    check("without --relations no relation is added", data["documents"][0].get("relations", []) == [], data)
    check("the rejection is kept, one entry a line",
          '      "rejected_suggestions": [\n        {"end": ' in open(out, encoding="utf-8").read())
    code, _, err = run("validate", out)
    check("the result is valid", code == 0 and err == "", err)

    # Run again on its own output: nothing is left to add.
    again = os.path.join(tmp, "again.json")
    code, stdout, err = run("suggest", "-o", again, out)
    check("suggest on its own output adds nothing", code == 0 and "0 suggested spans added" in stdout, stdout + err)

    rel = os.path.join(tmp, "rel.json")
    code, stdout, err = run("suggest", "--labels=quote", "--relations", "-o", rel, src)
    check("suggest --relations exits 0", code == 0 and ", 1 relations" in stdout, stdout + err)
    data = json.load(open(rel, encoding="utf-8"))
    got = spans(data)
    relations = data["documents"][0].get("relations", [])
    check("--relations attributes the quote to the actor already coded",
          len(relations) == 1 and relations[0]["type"] == "attributed-to" and
          relations[0]["from"] == got[("quote", QUOTE)]["id"] and relations[0]["to"] == "a1", relations)
    check("--labels=quote adds no figure", not any(label == "figure" for label, _ in got), got)

    figures = os.path.join(tmp, "figures.json")
    code, stdout, err = run("suggest", "--labels=figure", "-o", figures, src)
    got = spans(json.load(open(figures, encoding="utf-8")))
    check("--labels=figure adds only figures",
          code == 0 and sorted(got) == [("actor", "Jan de Vries"), ("figure", "12%")], got)

    # stats: how much of the coding began as a suggestion, and what was rejected.
    code, stdout, err = run("stats", out)
    check("stats says how many spans began as suggestions",
          code == 0 and "began as suggestions: 2 of 3 annotations (quote 1, figure 1); "
          "0 relabelled since; 1 suggestions rejected" in stdout, stdout + err)
    code, stdout, err = run("stats", "--json", out)
    s = json.loads(stdout)[0]["suggestions"] if code == 0 else {}
    check("stats --json counts accepted suggestions per label and rejections",
          s.get("accepted") == 2 and s.get("accepted_labels", {}).get("quote") == 1 and
          s.get("accepted_labels", {}).get("actor") == 0 and s.get("rejected") == 1 and
          s.get("enabled") is False, s)
    data = json.load(open(out, encoding="utf-8"))
    for a in data["documents"][0]["annotations"]:
        if a["label"] == "figure":
            a["label"] = "claim"
    data["suggestions"] = {"enabled": True}
    relabelled = os.path.join(tmp, "relabelled.json")
    json.dump(data, open(relabelled, "w", encoding="utf-8"), ensure_ascii=False)
    code, stdout, _ = run("stats", "--json", relabelled)
    s = json.loads(stdout)[0]["suggestions"]
    check("stats counts a suggestion relabelled since under its new label",
          s["relabelled"] == 1 and s["accepted_labels"]["claim"] == 1 and s["enabled"] is True, s)


def test_errors(tmp):
    src = make_dataset(tmp)
    code, _, err = run("suggest", src)
    check("suggest without -o is a usage error", code == 2 and "-o" in err, err)
    code, _, err = run("suggest", "-o", src, src)
    check("suggest over its input is a usage error", code == 2, err)
    code, _, err = run("suggest", "--labels=quote,claim", "-o", os.path.join(tmp, "x.json"), src)
    check("an unknown --labels entry is a usage error naming it", code == 2 and "claim" in err, err)

    missing = os.path.join(tmp, "no-such-words")
    code, _, err = run("suggest", "--words=" + missing, "-o", os.path.join(tmp, "w.json"), src)
    check("a --words that is not a folder exits 1 naming it",
          code == 1 and err.startswith(missing + ": ") and err.count("\n") == 1, err)

    bad = os.path.join(tmp, "bad.json")
    with open(bad, "w") as f:
        f.write("{]")
    out = os.path.join(tmp, "never.json")
    code, _, err = run("suggest", "-o", out, bad)
    check("an invalid dataset exits 1 with one line naming the file",
          code == 1 and err.startswith(bad) and err.count("\n") == 1 and not os.path.exists(out), err)

    code, _, err = run("suggest", "-o", os.path.join(tmp, "missing", "out.json"), src)
    check("an output that cannot be written exits 1 naming it", code == 1 and "missing" in err, err)

    # A dataset without the figure label: its figures are left out, said once.
    data = json.load(open(src, encoding="utf-8"))
    data["labels"] = [l for l in data["labels"] if l["id"] != "figure"]
    nofig = os.path.join(tmp, "nofig.json")
    json.dump(data, open(nofig, "w", encoding="utf-8"), ensure_ascii=False)
    out = os.path.join(tmp, "nofig-out.json")
    code, stdout, err = run("suggest", "-o", out, nofig)
    check("a label the dataset lacks is left out with a warning",
          code == 0 and "no label “figure”" in err and "figure 0" in stdout, stdout + err)


POLNEAR_LABELS = [
    {"id": "source", "name": "Source", "color": "#D55E00", "key": "1"},
    {"id": "cue", "name": "Cue", "color": "#E69F00", "key": "2"},
    {"id": "content", "name": "Content", "color": "#0072B2", "key": "3"},
]
POLNEAR_RELATIONS = [
    {"id": "cued-by", "name": "Cued by", "from": ["content"], "to": ["cue"]},
    {"id": "attribution", "name": "Attribution", "from": ["content"], "to": ["source"]},
]


def make_polnear(tmp, labels_map=None):
    # A folder of its own: import adds to a dataset that is there already.
    fresh = os.path.join(tmp, "polnear" if labels_map is None else "polnear-mapped")
    os.mkdir(fresh)
    data = json.load(open(make_dataset(fresh), encoding="utf-8"))
    data["labels"] = POLNEAR_LABELS
    data["relation_types"] = POLNEAR_RELATIONS
    data["documents"][0]["annotations"] = []
    del data["documents"][0]["rejected_suggestions"]
    if labels_map is not None:
        data["suggestions"] = {"labels": labels_map}
    path = os.path.join(tmp, "polnear.json" if labels_map is None else "polnear-mapped.json")
    json.dump(data, open(path, "w", encoding="utf-8"), ensure_ascii=False)
    return path


def test_map(tmp):
    src = make_polnear(tmp)
    out = os.path.join(tmp, "polnear-out.json")

    code, stdout, err = run("suggest", "-o", out, src)
    check("a scheme of its own without a map gets no suggestions, with a warning per kind",
          code == 0 and "0 suggested spans added" in stdout and err.count("no label") == 3, stdout + err)

    code, stdout, err = run("suggest", "--map=quote=content,actor=source,figure=", "--relations", "-o", out, src)
    check("suggest --map exits 0 and warns of nothing", code == 0 and err == "", err)
    check("suggest --map counts under the dataset's labels",
          "(content 1, source 1, figure 0), 1 relations" in stdout, stdout)
    data = json.load(open(out, encoding="utf-8"))
    got = spans(data)
    quote = got.get(("content", QUOTE))
    speaker = got.get(("source", "Jan de Vries"))
    check("the quote is a content span whose origin keeps the rule and the dataset's label",
          quote is not None and quote["origin"]["label"] == "content" and quote["origin"]["rule"], got)
    relations = data["documents"][0].get("relations", [])
    check("the quote is linked to its speaker by the scheme's attribution type",
          speaker is not None and quote is not None and len(relations) == 1 and
          relations[0]["type"] == "attribution" and relations[0]["from"] == quote["id"] and
          relations[0]["to"] == speaker["id"], relations)

    mapped = make_polnear(tmp, {"quote": "content", "actor": "source", "figure": None})
    out2 = os.path.join(tmp, "polnear-out2.json")
    code, stdout, err = run("suggest", "--relations", "-o", out2, mapped)
    check("without --map the dataset's suggestions labels are used",
          code == 0 and "(content 1, source 1, figure 0), 1 relations" in stdout and "figure" in err,
          stdout + err)

    code, _, err = run("suggest", "--map=quote=claim", "-o", os.path.join(tmp, "m.json"), src)
    check("a --map label the dataset lacks exits 1 with one line naming it",
          code == 1 and "“claim”" in err and err.count("\n") == 1, err)
    code, _, err = run("suggest", "--map=speech=content", "-o", os.path.join(tmp, "m.json"), src)
    check("a --map kind the engine lacks is a usage error naming it", code == 2 and "speech" in err, err)


def test_validate(tmp):
    src = make_dataset(tmp)
    cases = [
        ("dataset", "suggestions", "on", "“suggestions” must be an object"),
        ("document", "rejected_suggestions", [{"label": "figure", "start": 5}],
         "document “harbour”: rejected suggestion #1 must have"),
        ("document", "rejected_suggestions", [{"label": "figure", "start": 5, "end": 9999, "rule": "r"}],
         "document “harbour”: rejected suggestion #1: 5–9999 is not a span of the text"),
        ("annotation", "origin", {"rule": "quote-marks"},
         "document “harbour”: annotation “a1”: “origin” must be an object"),
    ]
    for i, (where, member, value, message) in enumerate(cases):
        data = json.load(open(src, encoding="utf-8"))
        target = {"dataset": data, "document": data["documents"][0],
                  "annotation": data["documents"][0]["annotations"][0]}[where]
        target[member] = value
        path = os.path.join(tmp, f"invalid-{i}.json")
        json.dump(data, open(path, "w", encoding="utf-8"), ensure_ascii=False)
        code, _, err = run("validate", path)
        check(f"validate checks the shape of {where} member {member} ({i})",
              code == 1 and err.startswith(path + ": ") and message in err and err.count("\n") == 1, err)


def all_tests(tmp):
    test_suggest(tmp)
    test_errors(tmp)
    test_map(tmp)
    test_validate(tmp)


if __name__ == "__main__":
    main(all_tests, "mg-suggest-tool-")
