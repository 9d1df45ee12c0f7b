#!/usr/bin/env python3
"""Develop rules without looking at the held-out dev part: score the analyzer on the tail of
ANERcorp's training part that a lexicon mined with `mine_anercorp.py --holdout A B` has not seen.

    scripts/lexicon/mine_anercorp.py --holdout 0.9 1.0 && cargo build --release
    scripts/lexicon/pseudo_dev.py [--holdout 0.9 1.0] [--errors KIND] [--limit N]
    scripts/lexicon/mine_anercorp.py && cargo build --release        # back to the full mining

Prints conll.py's scores on the tail and, with --errors, its missed and spurious spans of one
kind (PERS, LOC, ORG, MISC) in their sentence. Only the Python standard library is used.
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import eval_ner  # noqa: E402

CONLL = os.path.join(ROOT, "..", "shared", "eval", "conll.py")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--holdout", type=float, nargs=2, default=[0.9, 1.0], metavar=("FROM", "TO"))
    ap.add_argument("--errors", choices=["PERS", "LOC", "ORG", "MISC"])
    ap.add_argument("--limit", type=int, default=60)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "kashif"))
    args = ap.parse_args()
    train, _dev = eval_ner.anercorp_split()
    tail = train[int(len(train) * args.holdout[0]):int(len(train) * args.holdout[1])]
    out = os.path.join(ROOT, "target", "eval")
    os.makedirs(out, exist_ok=True)
    corpus = os.path.join(out, "anercorp-pseudo-dev.txt")
    with open(corpus, "w", encoding="utf-8") as f:
        for s in tail:
            f.write("\n".join(s) + "\n\n")
    text = subprocess.run([sys.executable, CONLL, "text", corpus], check=True, capture_output=True).stdout
    plain = corpus.replace(".txt", ".plain.txt")
    open(plain, "wb").write(text)
    pred_path = corpus.replace(".txt", ".pred.json")
    with open(pred_path, "wb") as f:
        subprocess.run([args.bin, "analyze", plain, "--format", "json"], check=True, stdout=f)
    subprocess.run([sys.executable, CONLL, "score", corpus, pred_path])
    if not args.errors:
        return 0
    sys.path.insert(0, os.path.dirname(CONLL))
    import conll
    sents = conll.read_corpus(corpus)
    text, offs, gold = conll.layout(sents)
    toks = [t for s in sents for t, _ in s]
    conv = conll.utf16_to_cp(text)
    starts, ends = [s for s, _ in offs], [e for _, e in offs]
    pred = {}
    for sp in json.load(open(pred_path, encoding="utf-8"))["spans"]:
        kind = conll.KIND.get(sp["kind"])
        if kind:
            a = conll.bisect.bisect_right(ends, conv[sp["start"]])
            b = conll.bisect.bisect_left(starts, conv[sp["end"]]) - 1
            pred[(a, b, kind)] = sp.get("why", "")
    gold = {g for g in gold if g[2] == args.errors}
    mine = {p for p in pred if p[2] == args.errors}
    def show(a, b):
        return " ".join(toks[max(0, a - 5):a]) + " [" + " ".join(toks[a:b + 1]) + "] " + " ".join(toks[b + 1:b + 5])
    print(f"\n== missed {args.errors} ({len(gold - mine)})")
    for a, b, _ in sorted(gold - mine)[:args.limit]:
        print("  ", show(a, b))
    print(f"\n== spurious {args.errors} ({len(mine - gold)})")
    for a, b, k in sorted(mine - gold)[:args.limit]:
        print("  ", show(a, b), "   <", pred[(a, b, k)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
