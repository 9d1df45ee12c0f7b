#!/usr/bin/env python3
"""Score the analyzer's entities on a BIO corpus with ../shared/eval/conll.py.

    scripts/eval_ner.py anercorp-dev [--bin target/release/kashif] [--json] [--min-f1 X] [--rules-only]
    scripts/eval_ner.py aqmar

Corpora (built under target/eval/ from ../shared/data):
  anercorp-dev    the last 10% of the sentences of ANERcorp train.txt: our held-out part,
                  never used to build lexicons, rules or models
  anercorp-train  the first 90% (what lexicons may be mined from and models trained on)
  aqmar           all AQMAR Wikipedia articles (out of domain), MIS* tags read as MISC
"""
import argparse
import glob
import os
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))
OUT = os.path.join(ROOT, "target", "eval")


def sentences(path):
    sent = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if sent:
                yield sent
                sent = []
            continue
        sent.append(line)
    if sent:
        yield sent


def fix_tag(line):
    tok, _, tag = line.rpartition(" ")
    if not tok:
        return line
    for pre in ("B-", "I-"):
        if tag.startswith(pre) and tag[2:].startswith("MIS"):
            tag = pre + "MISC"
    if tag[:2] in ("B-", "I-") and tag[2:] not in ("PERS", "PER", "LOC", "ORG", "MISC"):
        tag = "O"
    if tag[2:] == "PER":
        tag = tag[:2] + "PERS"
    return f"{tok} {tag}"


def anercorp_split(path=None):
    """The first 90% and the last 10% of the sentences of ANERcorp's train.txt (or of `path`)."""
    sents = list(sentences(path or os.path.join(SHARED, "data", "anercorp", "train.txt")))
    cut = len(sents) - len(sents) // 10
    return sents[:cut], sents[cut:]


def build(name):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, f"{name}.txt")
    if name == "anercorp-dev":
        sents = anercorp_split()[1]
    elif name == "anercorp-train":
        sents = anercorp_split()[0]
    elif name == "aqmar":
        sents = []
        for f in sorted(glob.glob(os.path.join(SHARED, "data", "aqmar", "articles", "*.txt"))):
            sents.extend([fix_tag(l) for l in s] for s in sentences(f))
    else:
        raise SystemExit(f"unknown corpus {name!r}")
    with open(path, "w", encoding="utf-8") as f:
        for s in sents:
            f.write("\n".join(s) + "\n\n")
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", choices=["anercorp-dev", "anercorp-train", "aqmar"])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "kashif"))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--min-f1", type=float)
    ap.add_argument("--rules-only", action="store_true", help="entities from the lexicons and rules alone, without the entity model")
    args = ap.parse_args()
    if not os.path.isdir(SHARED):
        print(f"skipped: {SHARED} is not beside this checkout", file=sys.stderr)
        return 0
    corpus = build(args.corpus)
    conll = os.path.join(SHARED, "eval", "conll.py")
    text = subprocess.run([sys.executable, conll, "text", corpus], check=True, capture_output=True).stdout
    text_path = corpus.replace(".txt", ".plain.txt")
    open(text_path, "wb").write(text)
    pred = corpus.replace(".txt", ".pred.json")
    with open(pred, "wb") as f:
        flags = ["--rules-only"] if args.rules_only else []
        subprocess.run([args.bin, "analyze", text_path, "--format", "json"] + flags, check=True, stdout=f)
    cmd = [sys.executable, conll, "score", corpus, pred] + (["--json"] if args.json else [])
    if args.min_f1 is not None:
        cmd += ["--min-f1", str(args.min_f1)]
    return subprocess.run(cmd).returncode


if __name__ == "__main__":
    sys.exit(main())
