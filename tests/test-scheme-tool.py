#!/usr/bin/env python3
"""marginalia-tool scheme and validate with a coding scheme, as a team uses
them: the shipped schemes, a dataset started from one, values checked, a
change of scheme refused while it would lose a span or a value.

usage: test-scheme-tool.py PATH-TO-marginalia-tool     (prints TAP)
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mg_tooltest import check, main, run  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMES = os.path.join(HERE, "..", "data", "schemes")

TEXT = "Kaya said taxes rise by 4% next year.\n"


def span(ident, label, part, **extra):
    start = TEXT.index(part)
    return dict(id=ident, label=label, start=start, end=start + len(part), text=part, note="", **extra)


def write(path, data):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)


def read(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def test_shipped_schemes(tmp):
    for name in ("polnear", "stance"):
        scheme = os.path.join(SCHEMES, name + ".json")
        dataset = os.path.join(tmp, name + "-new.json")
        code, _, err = run("scheme", "new", "--annotator=ayse", scheme, "-o", dataset)
        check(f"scheme new {name} exits 0", code == 0, err)
        code, _, err = run("validate", dataset)
        check(f"a dataset started from {name} is valid", code == 0 and err == "", err)
        code, out, err = run("scheme", "export", dataset)
        with open(scheme, encoding="utf-8") as f:
            shipped = f.read()
        check(f"exporting its scheme gives {name}.json byte for byte", code == 0 and out == shipped,
              err + out[:400])
    data = read(os.path.join(tmp, "stance-new.json"))
    check("the new dataset has the scheme's labels, codes and relation types",
          [l["id"] for l in data["labels"]] == ["claim", "actor"]
          and data["labels"][0]["attributes"][0]["id"] == "checkable"
          and data["document_codes"][0]["values"] == ["pro", "against", "neutral"]
          and data["relation_types"][0]["from"] == ["claim"]
          and data["annotator"] == "ayse", json.dumps(data)[:400])


def stance_dataset(tmp):
    """A stance dataset with one coded article."""
    path = os.path.join(tmp, "stance.json")
    article = os.path.join(tmp, "taxes.txt")
    with open(article, "w", encoding="utf-8") as f:
        f.write(TEXT)
    run("scheme", "new", os.path.join(SCHEMES, "stance.json"), "-o", path)
    code, _, err = run("import", article, "-o", path)
    check("articles import into a dataset started from a scheme", code == 0, err)
    data = read(path)
    doc = data["documents"][0]
    doc["annotations"] = [span("a1", "actor", "Kaya"),
                          span("a2", "claim", "taxes rise by 4% next year", attributes={"checkable": True})]
    doc["relations"] = [dict(id="r1", type="attributed-to", **{"from": "a2", "to": "a1"})]
    doc["codes"] = {"stance": "against", "topic": "taxes"}
    write(path, data)
    return path, data


def test_validate(tmp):
    path, data = stance_dataset(tmp)
    code, _, err = run("validate", path)
    check("attributes, codes and relations the scheme allows are valid", code == 0 and err == "", err)

    doc = data["documents"][0]
    doc["annotations"][1]["attributes"] = {"checkable": "yes", "tone": "angry"}
    doc["relations"][0]["from"], doc["relations"][0]["to"] = "a1", "a2"
    doc["relations"].append(dict(id="r2", type="cites", **{"from": "a2", "to": "a1"}))
    doc["codes"] = {"stance": "maybe"}
    bad = os.path.join(tmp, "bad.json")
    write(bad, data)
    code, _, err = run("validate", bad)
    lines = err.splitlines()
    expected = [
        f"{bad}: document “taxes”: annotation “a2”: attribute “checkable” is “yes”, not true or false",
        f"{bad}: document “taxes”: annotation “a2”: attribute “tone” is not an attribute of label “claim”",
        f"{bad}: document “taxes”: relation “r1”: “attributed-to” may not go from a span of “actor” to one of “claim”",
        f"{bad}: document “taxes”: relation “r2”: type “cites” is not one of the dataset's relation types",
        f"{bad}: document “taxes”: code “stance” is “maybe”, not one of pro, against, neutral",
    ]
    check("validate exits 1 with one line per value the scheme refuses",
          code == 1 and sorted(lines) == sorted(expected), err)

    data["relation_types"] = [{"id": "attributed-to", "from": ["nothing"]}]
    write(bad, data)
    code, _, err = run("validate", bad)
    check("a malformed scheme is named", code == 1 and
          f"{bad}: relation type “attributed-to”: “from” names “nothing”, which is not a label" in err, err)


def test_import_scheme(tmp):
    path, _ = stance_dataset(tmp)
    out = os.path.join(tmp, "polnear-out.json")
    polnear = os.path.join(SCHEMES, "polnear.json")
    code, _, err = run("scheme", "import", polnear, path, "-o", out)
    check("a scheme that would lose spans is refused, each span named",
          code == 1 and not os.path.exists(out)
          and "document “taxes”: annotation “a1”: label “actor” is not in the scheme: [0, 4) “Kaya” (would vanish)" in err
          and "annotation “a2”: label “claim” is not in the scheme" in err
          and "code “stance” is not one of the dataset's document codes (would vanish)" in err
          and "not applied: 5 things would vanish (--force drops them)" in err, err)

    code, _, err = run("scheme", "import", "--force", polnear, path, "-o", out)
    data = read(out) if os.path.exists(out) else {}
    check("--force writes the dataset without them, and says what went",
          code == 0 and "(dropped)" in err and data["documents"][0]["annotations"] == []
          and "codes" not in data["documents"][0]
          and [l["id"] for l in data["labels"]] == ["source", "cue", "content"], err)
    check("the result is valid", run("validate", out)[0] == 0)

    # A scheme that keeps every label and value: nothing to say.
    wider = os.path.join(tmp, "wider.json")
    scheme = read(os.path.join(SCHEMES, "stance.json"))
    scheme["document_codes"][0]["values"].append("mixed")
    scheme["labels"].append({"id": "figure", "name": "Figure", "color": "#CC79A7", "key": "3"})
    write(wider, scheme)
    code, stdout, err = run("scheme", "import", wider, path)
    data = json.loads(stdout) if code == 0 else {}
    check("a scheme that keeps every span applies silently, to standard output",
          code == 0 and err == "" and len(data["documents"][0]["annotations"]) == 2
          and data["document_codes"][0]["values"][-1] == "mixed"
          and data["labels"][-1]["id"] == "figure", err)

    # A dataset is a scheme too: start a colleague's dataset from ours.
    code, stdout, err = run("scheme", "new", path)
    check("a dataset's scheme starts a new dataset", code == 0 and
          json.loads(stdout)["document_codes"] == read(path)["document_codes"], err)


def test_agree(tmp):
    path, data = stance_dataset(tmp)
    other = os.path.join(tmp, "bora.json")
    data["annotator"] = "bora"
    data["documents"][0]["annotations"][1]["attributes"] = {"checkable": False}
    data["documents"][0]["codes"] = {"stance": "against"}
    write(other, data)
    code, out, err = run("agree", "--json", path, other)
    report = json.loads(out) if code == 0 else {}
    check("agree --json gives kappa and alpha of each attribute and document code",
          code == 0 and report["attributes"] == {"checkable": {"kappa": 0.0, "alpha": 0.0, "pairs": 1, "units": 1}}
          and report["codes"]["stance"] == {"kappa": 1.0, "alpha": 1.0, "pairs": 1, "units": 1}
          and report["codes"]["topic"]["pairs"] == 1, out + err)
    code, out, err = run("agree", path, other)
    check("agree's table lists them",
          code == 0 and "\n  checkable              0.000    0.000  1 / 1\n" in out
          and "\n  stance                 1.000    1.000  1\n" in out, out + err)


def test_diff(tmp):
    path, data = stance_dataset(tmp)
    code, out, err = run("diff", "--textconv", path)
    check("the git listing shows each attribute and document code, one a line",
          code == 0 and "\n  code stance \"against\"\n  code topic \"taxes\"\n" in out
          and "\n  attribute a2 checkable true\n" in out, out + err)
    newer = os.path.join(tmp, "newer.json")
    data["documents"][0]["annotations"][1]["attributes"] = {"checkable": False}
    data["documents"][0]["codes"] = {"stance": "pro", "topic": "taxes"}
    write(newer, data)
    code, out, err = run("diff", path, newer)
    check("diff says which attribute and code changed",
          code == 0 and out == "taxes:\n  code stance changed: \"against\" → \"pro\"\n"
                               "  attribute checkable changed on a2: true → false\n", out + err)


def test_gold_merge(tmp):
    path, data = stance_dataset(tmp)
    other = os.path.join(tmp, "bora-gold.json")
    data["annotator"] = "bora"
    data["documents"][0]["codes"] = {"stance": "pro", "topic": "taxes"}
    write(other, data)
    gold = os.path.join(tmp, "gold.json")
    code, out, err = run("merge", "--annotator=curator", "-o", gold, path, other)
    merged = read(gold) if code == 0 else {}
    doc = merged["documents"][0] if merged else {}
    check("merge keeps the attributes and codes both agree on, and names the others",
          code == 0 and doc["codes"] == {"topic": "taxes"}
          and [a.get("attributes") for a in doc["annotations"]] == [None, {"checkable": True}]
          and "taxes: code “stance” not agreed: stance.json “against”, bora “pro”" in err, err + out)
    check("the gold dataset is valid", run("validate", gold)[0] == 0)


def test_usage(tmp):
    path, _ = stance_dataset(tmp)
    check("scheme without a subcommand is a usage error", run("scheme")[0] == 2)
    check("scheme import without a dataset is a usage error",
          run("scheme", "import", os.path.join(SCHEMES, "stance.json"))[0] == 2)
    check("scheme import writing over its input is a usage error",
          run("scheme", "import", os.path.join(SCHEMES, "stance.json"), path, "-o", path)[0] == 2)
    bad = os.path.join(tmp, "bad-scheme.json")
    with open(bad, "w") as f:
        f.write('{"format": "marginalia-scheme", "version": 1, "labels": [{"name": "x"}]}')
    code, _, err = run("scheme", "new", bad)
    check("a bad scheme file exits 1 naming it", code == 1 and err.startswith(bad + ": label #1: has no “id”"), err)
    with open(bad, "w") as f:
        f.write('{"format": "marginalia-scheme", "version": 2, "labels": []}')
    code, _, err = run("scheme", "new", bad)
    check("a newer scheme version is refused", code == 1 and "version 2 is newer" in err, err)


def all_tests(tmp):
    test_shipped_schemes(tmp)
    test_validate(tmp)
    test_import_scheme(tmp)
    test_agree(tmp)
    test_diff(tmp)
    test_gold_merge(tmp)
    test_usage(tmp)


if __name__ == "__main__":
    main(all_tests, "mg-scheme-")
