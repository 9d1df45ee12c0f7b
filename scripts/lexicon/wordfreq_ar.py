#!/usr/bin/env python3
"""Writes data/model/wordfreq_ar.txt: how common each frequent Arabic word is in general use.

The entity model reads how common a word and its neighbours are (`src/model/freq.rs`): a name
the training corpus never showed is more often a rare word, and a name's edge more often meets a
common one (طلعت زكريا | حلمه). The frequencies are wordfreq's (Robyn Speer, version 3.1.1, its
`large_ar` list: Arabic Wikipedia, subtitles, news, web text and Twitter, merged), CC BY-SA 4.0.

    pip download wordfreq==3.1.1 --no-deps -d /tmp/wordfreq && pip install msgpack
    python3 scripts/lexicon/wordfreq_ar.py /tmp/wordfreq/wordfreq-3.1.1-py3-none-any.whl

Each line is a frequency in centibels below one (a word of frequency f is at -100·log10 f:
300 is one word in a thousand) and the words at it, spaces between them, as wordfreq lists
them; the Arabic words only, down to MIN_FREQ.
"""
import gzip
import io
import os
import re
import sys
import zipfile

import msgpack

# One word in a million, 300 000 ... the rarest kept (centibels).
LAST = 620
ARABIC = re.compile("^[\u0621-\u063a\u0641-\u064a]+$")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "model", "wordfreq_ar.txt")


def main():
    wheel = zipfile.ZipFile(sys.argv[1])
    data = msgpack.load(gzip.open(io.BytesIO(wheel.read("wordfreq/data/large_ar.msgpack.gz"))), raw=False)
    assert data[0].get("format") == "cB", data[0]
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# wordfreq 3.1.1 large_ar (Robyn Speer; CC BY-SA 4.0): centibels<TAB>words. Made by scripts/lexicon/wordfreq_ar.py\n")
        for cb, words in enumerate(data[1 : LAST + 1], start=0):
            words = [w for w in words if ARABIC.match(w)]
            if words:
                f.write(f"{cb}\t{' '.join(words)}\n")


if __name__ == "__main__":
    main()
