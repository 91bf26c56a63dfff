#!/usr/bin/env python3
"""marginalia-tool agree and merge as a user runs them.

The figures are recomputed here from the fixture files with Python's own
re module and plain formulas, a third implementation beside the C one and
the naive one in test-agreement.c.

usage: test-agree-tool.py PATH-TO-marginalia-tool     (prints TAP)
"""
import json
import os
import re
import subprocess
import sys
import tempfile

TOOL = sys.argv[1] if len(sys.argv) > 1 else os.environ["MARGINALIA_TOOL"]
HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "agree")
A, B, C = (os.path.join(HERE, n + ".json") for n in ("ayse", "bora", "cem"))
TOKEN = re.compile(r"\w+|[^\w\s]")
results = []


def run(*args):
    env = dict(os.environ, LC_ALL="C.UTF-8")
    p = subprocess.run([TOOL, *args], capture_output=True, env=env, timeout=60)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def close(x, y):
    if x is None or y is None:
        return x is None and y is None
    return abs(x - y) < 1e-9


# The reference ---------------------------------------------------------------

def load(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return {d["text_sha256"]: d for d in data["documents"]}


def paired(datasets):
    first = datasets[0]
    return [[ds[sha] for ds in datasets] for sha in first if all(sha in ds for ds in datasets)]


def prf(docs, label, overlap):
    def hit(x, y):
        if x["label"] != y["label"]:
            return False
        if overlap:
            return x["start"] < y["end"] and y["start"] < x["end"]
        return (x["start"], x["end"]) == (y["start"], y["end"])

    na = nb = ma = mb = 0
    for pair in docs:
        sa = [s for s in pair[0]["annotations"] if label in (None, s["label"])]
        sb = [s for s in pair[1]["annotations"] if label in (None, s["label"])]
        na, nb = na + len(sa), nb + len(sb)
        ma += sum(any(hit(a, b) for b in sb) for a in sa)
        mb += sum(any(hit(b, a) for a in sa) for b in sb)
    p = mb / nb if nb else None
    r = ma / na if na else None
    if na == 0 and nb == 0:
        f = None
    elif na == 0 or nb == 0 or p + r == 0:
        f = 0.0
    else:
        f = 2 * p * r / (p + r)
    return {"precision": p, "recall": r, "f1": f}


def items(docs, labels):
    """One tuple of 0/1 codes (one per annotator) per token x label."""
    out = []
    for group in docs:
        tokens = [(m.start(), m.end()) for m in TOKEN.finditer(group[0]["text"])]
        for label in labels:
            for ts, te in tokens:
                out.append(tuple(int(any(s["label"] == label and s["start"] < te and ts < s["end"]
                                         for s in doc["annotations"])) for doc in group))
    return out


def kappa(coded):
    n = len(coded)
    if n == 0:
        return None
    po = sum(a == b for a, b, *_ in coded) / n
    pa = sum(a for a, *_ in coded) / n
    pb = sum(b for _, b, *_ in coded) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)


def alpha(coded):
    if not coded:
        return None
    m = len(coded[0])
    o = [[0.0, 0.0], [0.0, 0.0]]
    for values in coded:
        for i in range(m):
            for j in range(m):
                if i != j:
                    o[values[i]][values[j]] += 1 / (m - 1)
    n0, n1 = sum(o[0]), sum(o[1])
    n = n0 + n1
    de = 2 * n0 * n1 / (n * (n - 1))
    return 1.0 if de == 0 else 1 - (o[0][1] + o[1][0]) / n / de


LABELS = ["quote", "actor", "claim", "figure"]


def expected_figures(docs):
    out = {}
    for kind, overlap in (("exact", False), ("overlap", True)):
        out[kind] = {"overall": prf(docs, None, overlap),
                     "labels": {l: prf(docs, l, overlap) for l in LABELS}}
    out["kappa"] = {"overall": kappa(items(docs, LABELS)),
                    "labels": {l: kappa(items(docs, [l])) for l in LABELS}}
    out["alpha"] = alpha(items(docs, LABELS))
    return out


def same_figures(got, want):
    for kind in ("exact", "overlap"):
        for where in ["overall"] + LABELS:
            g = got[kind]["overall"] if where == "overall" else got[kind]["labels"][where]
            w = want[kind]["overall"] if where == "overall" else want[kind]["labels"][where]
            for key in ("precision", "recall", "f1"):
                if not close(g[key], w[key]):
                    return f"{kind} {where} {key}: {g[key]} != {w[key]}"
    if not close(got["kappa"]["overall"], want["kappa"]["overall"]):
        return f"kappa: {got['kappa']['overall']} != {want['kappa']['overall']}"
    for l in LABELS:
        if not close(got["kappa"]["labels"][l], want["kappa"]["labels"][l]):
            return f"kappa {l}"
    if not close(got["alpha"], want["alpha"]):
        return f"alpha: {got['alpha']} != {want['alpha']}"
    return ""


# The tests -------------------------------------------------------------------

def test_agree_json():
    code, out, err = run("agree", "--json", A, B)
    check("agree --json exits 0", code == 0, err)
    data = json.loads(out)
    check("agree --json has exactly the documented keys",
          sorted(data) == sorted(["annotators", "documents", "exact", "overlap", "kappa",
                                  "alpha", "per_document", "disagreements"]), sorted(data))
    check("annotators come from the datasets", data["annotators"] == ["ayse", "bora"])
    compared = [d["id"] for d in data["documents"] if d["compared"]]
    left = [d for d in data["documents"] if not d["compared"]]
    check("documents pair by text, not id", compared == ["rutte", "harbour"], compared)
    check("documents in one dataset only are listed with a note",
          sorted(d["id"] for d in left) == ["budget", "budget", "note"] and all(d["note"] for d in left))
    check("a shared id over different texts is named on standard error",
          "budget" in err and "another text" in err, err)

    docs = paired([load(A), load(B)])
    detail = same_figures(data, expected_figures(docs))
    check("pooled figures match Python's own computation", not detail, detail)
    for i, group in enumerate(docs):
        got = data["per_document"][i]
        detail = same_figures(got, expected_figures([group]))
        check(f"figures of document {got['id']} match", not detail and got["id"] == group[0]["id"], detail)

    kinds = [(d["document"], d["kind"]) for d in data["disagreements"]]
    check("disagreements of the hand-made article, in order",
          kinds[:4] == [("rutte", "label"), ("rutte", "boundary"), ("rutte", "only_b"), ("rutte", "only_a")],
          kinds)
    first = data["disagreements"][0]
    check("a disagreement carries both spans",
          first["a"] == {"id": "a2", "start": 16, "end": 20, "label": "actor", "text": "NATO"} and
          first["b"]["label"] == "claim", first)
    check("only_a has no span of B", data["disagreements"][3]["b"] is None)


def test_agree_three():
    code, out, err = run("agree", "--json", A, B, C)
    data = json.loads(out)
    check("agree with three datasets exits 0", code == 0, err)
    check("a dataset without annotator is named after its file", data["annotators"][2] == "cem.json")
    docs = paired([load(A), load(B), load(C)])
    check("alpha takes all three annotators",
          close(data["alpha"], alpha(items(docs, LABELS))), data["alpha"])
    check("precision still compares A and B",
          close(data["exact"]["overall"]["precision"], prf([d[:2] for d in docs], None, False)["precision"]))


def test_agree_table_and_errors():
    code, out, _ = run("agree", A, B)
    check("agree prints a table", code == 0 and "Disagreements between A and B: " in out and
          "rutte: only in A: [32, 34) figure “5%”" in out, out[-400:])
    check("agree with one dataset is a usage error", run("agree", A)[0] == 2)
    check("agree --help exits 0", run("agree", "--help")[0] == 0)
    code, _, err = run("agree", A, os.path.join(HERE, "missing.json"))
    check("agree with an unreadable dataset exits 1", code == 1 and "missing.json" in err, err)


def test_merge(tmp):
    gold = os.path.join(tmp, "gold.json")
    code, out, err = run("merge", "--strategy=unanimous", "--annotator", "curator", "-o", gold, A, B)
    check("merge exits 0", code == 0, err)
    check("merge lists each span not kept on standard error",
          "rutte: span only in bora: [16, 20) claim “NATO”" in err and
          "rutte: span only in ayse: [16, 20) actor “NATO”" in err, err)
    check("the gold dataset is valid", run("validate", gold)[0] == 0)
    with open(gold, encoding="utf-8") as f:
        data = json.load(f)
    check("the gold dataset's annotator is the curator", data["annotator"] == "curator")
    spans = [(a["id"], a["label"], a["start"], a["end"]) for a in data["documents"][0]["annotations"]]
    check("unanimous keeps what both have, with new ids", spans == [("a1", "actor", 0, 10)], spans)
    lines = [l for l in err.splitlines() if l]
    a_only = sum(1 for l in lines if "only in ayse:" in l)
    b_only = sum(1 for l in lines if "only in bora:" in l)
    kept = sum(len(d["annotations"]) for d in data["documents"])
    docs = paired([load(A), load(B)])
    check("nothing is lost: kept + listed = all spans of A and of B",
          kept + a_only == sum(len(p[0]["annotations"]) for p in docs) and
          kept + b_only == sum(len(p[1]["annotations"]) for p in docs), (kept, a_only, b_only))

    code, _, err = run("merge", "--strategy=majority", "-o", gold, A, B, C)
    with open(gold, encoding="utf-8") as f:
        data = json.load(f)
    harbour = [(a["label"], a["text"]) for a in data["documents"][1]["annotations"]]
    check("majority keeps what two of three share",
          code == 0 and ("actor", "Shippers") in harbour and ("quote", "We had no choice,") in harbour and
          ("actor", "Zoë Fährmann, the authority's director") not in harbour, harbour)

    check("merge refuses to overwrite an input", run("merge", "-o", A, A, B)[0] == 2)
    check("merge without -o is a usage error", run("merge", A, B)[0] == 2)
    check("merge with an unknown strategy is a usage error",
          run("merge", "--strategy=vote", "-o", gold, A, B)[0] == 2)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        for test in (test_agree_json, test_agree_three, test_agree_table_and_errors):
            try:
                test()
            except Exception as e:  # a crash is a failure, not a stop
                check(test.__name__, False, repr(e))
        try:
            test_merge(tmp)
        except Exception as e:
            check("test_merge", False, repr(e))

    print("1..%d" % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok and detail:
            for line in str(detail).splitlines()[:20]:
                print("# " + line)
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
