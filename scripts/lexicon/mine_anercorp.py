#!/usr/bin/env python3
"""Mine names and common words from ANERcorp's training part (the first 90% of the sentences
of ../shared/data/anercorp/train.txt; the last 10% is our held-out dev part and is never read).

    scripts/lexicon/mine_anercorp.py            # writes data/lexicon/anercorp.tsv,
                                                 # data/lexicon/rules/first_names_anercorp.tsv
                                                 # and data/lexicon/rules/common.txt
    scripts/lexicon/mine_anercorp.py --holdout 0.9 1.0
                                                 # leaves a slice of the training part out:
                                                 # for developing rules on it
                                                 # (scripts/lexicon/pseudo_dev.py); never commit
    scripts/lexicon/mine_anercorp.py --holdout 0.2 0.3 --holdout 0.5 0.6 --out DIR
                                                 # several slices left out, the three files
                                                 # written under DIR (DIR/anercorp.tsv,
                                                 # DIR/rules/…): what `kashif train` runs to
                                                 # compute the entity model's lexicon features
                                                 # of each slice without that slice's names

What it keeps:
  names         every entity string tagged PERS, LOC, ORG or MISC whose tokens carry that tag
                in at least MIN_NAME_SHARE of their occurrences in the training part (so a word
                tagged a name once and left untagged ten times is not a name), that is not a
                function word, a first name or a form the hand-made lexicons already hold;
                nor, for people, made of first names only (عبد الفتاح); a proclitic on its first token (و ب ل ف ك، لل) is stripped when the bare form
                is itself tagged as a name somewhere or in the hand-made lexicons, or when the
                token reads as proclitic + ال; each word keeps its most frequent spelling.
  first names   words that start a person's name of several words at least MIN_FIRST times and
                in at least MIN_FIRST_SHARE of their occurrences, not in first_names.tsv.
  common words  words seen at least MIN_COMMON times, untagged in at least MIN_COMMON_SHARE of
                their occurrences (or in MIN_COMMON_INSIDE and in a person's name in at most
                MAX_COMMON_PERS), and not first names: the rules do not take them for a name.

The output carries ANERcorp's licence (CC BY-SA 4.0, Benajiba et al. 2007; split per Obeid et
al. 2020); see data/lexicon/README.md. Only the Python standard library is used.
"""
import argparse
import collections
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import eval_ner  # noqa: E402  (the one place the 90/10 split is defined)

MIN_NAME_SHARE = 0.6
MIN_COMMON = 3
MIN_COMMON_SHARE = 0.97
# …or untagged in most of their occurrences and almost never part of a person's name (الدولي is
# inside organizations' names, never a person's).
MIN_COMMON_INSIDE = 0.6
MAX_COMMON_PERS = 0.02
MIN_FIRST = 1
MIN_FIRST_SHARE = 0.5
KINDS = {"PERS": "person", "LOC": "location", "ORG": "organization", "MISC": "misc"}
PROCLITICS = ["وال", "بال", "فال", "كال", "ولل", "فلل", "لل", "و", "ف", "ب", "ل", "ك"]
ARABIC = re.compile(r"^[\u0621-\u064A]+$")


def norm(s):
    """The analyzer's normalization, for the letters that matter here."""
    s = re.sub(r"[\u064B-\u065F\u0670\u0640]", "", s)
    s = re.sub(r"[أإآٱ]", "ا", s)
    return s.replace("ى", "ي").replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي")


def lexicon_forms():
    """Normalized forms already in the hand-made name lexicons."""
    forms = set()
    d = os.path.join(ROOT, "data", "lexicon")
    for f in os.listdir(d):
        if not f.endswith(".tsv") or f == "anercorp.tsv":
            continue
        for line in open(os.path.join(d, f), encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            for form in [cols[0]] + (cols[3].split("|") if len(cols) > 3 else []):
                forms.add(norm(form.strip().lstrip("~")))
    return forms


def word_list(name):
    words = set()
    for line in open(os.path.join(ROOT, "data", "lexicon", "rules", name), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        words.add(norm(line.split("\t")[0].strip()))
    return words


def spans(sent):
    """(kind, first token index, one past the last) of each entity in a tagged sentence."""
    out, cur = [], None
    for i, (_, tag) in enumerate(sent):
        kind = tag[2:] if tag[:2] in ("B-", "I-") else None
        if tag.startswith("B-") or (kind and (cur is None or cur[0] != kind)):
            if cur:
                out.append(tuple(cur))
            cur = [kind, i, i + 1]
        elif kind:
            cur[2] = i + 1
        else:
            if cur:
                out.append(tuple(cur))
            cur = None
    if cur:
        out.append(tuple(cur))
    return [s for s in out if s[0] in KINDS]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--holdout", type=float, nargs=2, metavar=("FROM", "TO"), action="append", default=[],
                    help="leave out this slice of the training part (fractions; may be repeated)")
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "lexicon"),
                    help="where to write anercorp.tsv and rules/ (default: data/lexicon)")
    ap.add_argument("--corpus", help="a CoNLL file to mine the first 90%% of instead of ANERcorp's train.txt")
    args = ap.parse_args()
    train, _dev = eval_ner.anercorp_split(args.corpus)
    out = [(int(len(train) * a), int(len(train) * b)) for a, b in args.holdout]
    train = [s for i, s in enumerate(train) if not any(a <= i < b for a, b in out)]
    raw = [[(t, g) for t, _, g in (l.rpartition(" ") for l in s)] for s in train]
    sents = [[(norm(t), g) for t, g in s] for s in raw]
    spelling = collections.defaultdict(collections.Counter)  # normalized token -> its spellings
    for s in raw:
        for t, _ in s:
            spelling[norm(t)][t] += 1
    hand = lexicon_forms()
    function = word_list("function.txt")
    first = word_list("first_names.tsv")
    title_words = {norm(w) for l in open(os.path.join(ROOT, "data", "lexicon", "rules", "titles.tsv"), encoding="utf-8")
                   if not l.startswith("#") and l.strip() for w in l.split("\t")[0].split()}
    connectors = {norm(l.split("\t")[0]) for l in open(os.path.join(ROOT, "data", "lexicon", "rules", "first_names.tsv"), encoding="utf-8")
                  if "\tconnector" in l}

    raw_tagged = collections.Counter()  # (kind, phrase as written in the corpus) -> times
    word_all, word_o, word_pers = collections.Counter(), collections.Counter(), collections.Counter()
    for s in sents:
        for t, g in s:
            word_all[t] += 1
            word_o[t] += g == "O"
            word_pers[t] += g.endswith("PERS")
        for kind, a, b in spans(s):
            raw_tagged[(kind, tuple(t for t, _ in s[a:b]))] += 1
    raw_phrases = {p for _, p in raw_tagged}
    named = {p[0] for p in raw_phrases}

    def strip(p):
        """The phrase without a proclitic on its first word, where it has one."""
        tok = p[0]
        for pre in PROCLITICS:
            if tok.startswith(pre) and len(tok) - len(pre) >= 2:
                rest = tok[len(pre):]
                if pre.endswith("ال") or pre.endswith("لل"):
                    return ("ال" + rest,) + p[1:]
                bare = (rest,) + p[1:]
                known = bare in raw_phrases or " ".join(bare) in hand
                if known and len(bare) > 1 or len(rest) >= 3 and (known or rest in named):
                    return bare
        return p

    # A name counts with and without proclitics: its share is over all its occurrences.
    tagged = collections.Counter()  # (kind, stripped phrase) -> times tagged so
    for (kind, p), n in raw_tagged.items():
        tagged[(kind, strip(p))] += n
    phrases = {p for _, p in tagged}
    longest = max(len(p) for p in phrases)
    seen = collections.Counter()  # stripped phrase -> times it occurs as whole tokens
    for s in sents:
        toks = [t for t, _ in s]
        for n in range(1, longest + 1):
            for i in range(len(toks) - n + 1):
                p = strip(tuple(toks[i:i + n]))
                if p in phrases:
                    seen[p] += 1

    names = {}
    for (kind, p), n in tagged.items():
        if n / seen[p] < MIN_NAME_SHARE:
            continue
        if max(tagged[(k, p)] for k in KINDS) > n:
            continue  # another kind is the usual reading
        if not all(ARABIC.match(t) for t in p):
            continue
        phrase = " ".join(p)
        if len(p) == 1 and (p[0] in function or p[0] in first or len(p[0]) < 3):
            continue
        if kind == "PERS" and (all(t in first for t in p) or len(p) == 2 and p[0] in connectors):
            continue  # first names alone (محمد علي، عبد الفتاح) name many people
        if phrase in hand or phrase in names:
            continue
        names[phrase] = KINDS[kind]

    def written(phrase):
        """The most frequent spelling of each word (with its hamzas), for display."""
        return " ".join(spelling[w].most_common(1)[0][0] if w in spelling else w for w in phrase.split(" "))

    # First names: words that start a person's name of several words, in most of their uses
    # (counted without a conjunction or preposition before them: ومحمد is محمد).
    raw_starts = collections.Counter()
    for s in sents:
        for kind, a, b in spans(s):
            if kind == "PERS" and b - a > 1:
                raw_starts[s[a][0]] += 1

    def bare_word(w):
        if w[:1] in "وفبل" and len(w) > 3 and (w[1:] in raw_starts or w[1:] in first):
            return w[1:]
        return w

    starts, uses = collections.Counter(), collections.Counter()
    for w, n in raw_starts.items():
        starts[bare_word(w)] += n
    for w, n in word_all.items():
        uses[bare_word(w)] += n
    first_mined = sorted(
        w for w, n in starts.items()
        if n >= MIN_FIRST and n / uses[w] >= MIN_FIRST_SHARE and ARABIC.match(w) and len(w) > 2
        and not w.startswith("ال") and w not in first and w not in function and w not in connectors
        and w not in title_words
    )

    common = sorted(
        w for w, n in word_all.items()
        if n >= MIN_COMMON and ARABIC.match(w)
        and (word_o[w] / n >= MIN_COMMON_SHARE or word_o[w] / n >= MIN_COMMON_INSIDE and word_pers[w] / n <= MAX_COMMON_PERS)
        and w not in first and w not in function and w not in first_mined
    )

    head = ("# Mined by scripts/lexicon/mine_anercorp.py from ANERcorp's training part (the first 90% of\n"
            "# the sentences of the CAMeL Lab train split); do not edit by hand, re-run the script.\n"
            "# Licence: CC BY-SA 4.0. ANERcorp: Benajiba, Rosso and Benedí Ruiz (2007); split: Obeid et al.\n"
            "# (2020), CAMeL Tools. See data/lexicon/README.md.\n")
    os.makedirs(os.path.join(args.out, "rules"), exist_ok=True)
    with open(os.path.join(args.out, "anercorp.tsv"), "w", encoding="utf-8") as f:
        f.write(head + "# surface form\tkind\n")
        for phrase, kind in sorted(names.items(), key=lambda x: (x[1], x[0])):
            f.write(f"{written(phrase)}\t{kind}\n")
    with open(os.path.join(args.out, "rules", "common.txt"), "w", encoding="utf-8") as f:
        f.write(head + "# Common words: frequent and almost never part of a name there. One word a line.\n")
        f.write("\n".join(common) + "\n")
    with open(os.path.join(args.out, "rules", "first_names_anercorp.tsv"), "w", encoding="utf-8") as f:
        f.write(head + "# First names: words that start a person's name of several words in most of their uses.\n"
                "# All `ambiguous`: mined from one corpus, each needs another name word after it.\n")
        f.write("\n".join(f"{written(w)}\tambiguous" for w in first_mined) + "\n")
    print(f"{len(names)} names, {len(first_mined)} first names, {len(common)} common words", file=sys.stderr)


if __name__ == "__main__":
    main()
