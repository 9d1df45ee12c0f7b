#!/usr/bin/env python3
"""Writes data/model/names_ar.txt: which Arabic words name people and places, from open name lists.

The entity model reads, of each word, of its stems after proclitics and of its neighbours, what
these lists say of it (`src/model/freq.rs`, `name_flags`): ANERcorp shows the model some 2 700
person names, a news text brings others. Flags, ORed when a word is in several lists:

  1  a given name    arabic-name-romanizer 0.2.0 (units, role "given", seen twice or more; its
                     data: Wikidata, CC0, and DziriNames, MIT), egy-names 0.3.6 (MIT; its common and
                     middle frequency classes)
  2  a surname       arabic-name-romanizer (units, role "surname", seen twice or more)
  4  a word of a foreign person's name in Arabic spelling
                     arabnamer 0.1.3 (its data CC BY 4.0), arwikicats 0.2.3 (people; MIT)
  8  a place         geotext 0.4.0 (GeoNames' cities of 15 000 people or more, their Arabic
                     names; GeoNames CC BY 4.0), arwikicats 0.2.3 (cities; MIT)
 16  a word of a sports club's name
                     arwikicats 0.2.3 (clubs; MIT), but the words that say what it is (نادي,
                     لكرة القدم, الرياضي …) and the commonest words of Arabic

Words of one name only (a name of several words gives none: عبد الله is not a word), in Arabic
letters (U+0621–U+064A), two letters or more (three in a foreign name), without diacritics; a
name of the Persian-script countries alone (IR, PK, AF) is left out. Each line is `flags<TAB>words`, spaces between them.

    pip download --no-deps -d /tmp/names arabic-name-romanizer==0.2.0 egy-names==0.3.6 \\
        arabnamer==0.1.3 arwikicats==0.2.3 geotext==0.4.0
    python3 scripts/lexicon/names_ar.py /tmp/names
"""
import collections
import glob
import gzip
import io
import json
import os
import re
import sqlite3
import sys
import tempfile
import zipfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "model", "names_ar.txt")
ARABIC = re.compile("^[\u0621-\u063a\u0641-\u064a]{2,}$")
MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
GIVEN, SURNAME, FOREIGN, PLACE, CLUB = 1, 2, 4, 8, 16
WORDFREQ = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "model", "wordfreq_ar.txt")
# Words of clubs' names that say what a club is, not which.
CLUB_WORDS = set("نادي النادي فريق لكرة كرة القدم السلة اليد الطائرة الرياضي الرياضية الثقافي الاجتماعي للسيدات للرجال دوري الدرجة الأولى الثانية للشباب".split())
PERSIAN_SCRIPT = {"IR", "PK", "AF"}


def wheel(folder, name):
    found = glob.glob(os.path.join(folder, f"{name}-*.whl"))
    if len(found) != 1:
        raise SystemExit(f"expected one {name} wheel in {folder}, found {found}")
    return zipfile.ZipFile(found[0])


def main():
    folder = sys.argv[1]
    flags = collections.defaultdict(int)

    def add(word, flag):
        word = MARKS.sub("", word.strip())
        # A word of two letters in a foreign name is mostly a particle's spelling (في, دي).
        if ARABIC.match(word) and (flag != FOREIGN or len(word) > 2):
            flags[word] |= flag

    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "names.sqlite3")
        with open(db, "wb") as f:
            f.write(wheel(folder, "arabic_name_romanizer").read("arabic_name_romanizer/resources/names.sqlite3"))
        rows = sqlite3.connect(db).execute("select arabic_key, role, sum(count), group_concat(distinct country) from units group by arabic_key, role").fetchall()
    for word, role, count, countries in rows:
        if " " not in word and count >= 2 and not set(countries.split(",")) <= PERSIAN_SCRIPT:
            add(word, GIVEN if role == "given" else SURNAME)
    egy = json.load(gzip.open(io.BytesIO(wheel(folder, "egy_names").read("egy_names/data/names.json.gz"))))
    for n in egy["names"]:
        # Its rare class is noisy (الحكومه, الاقتصاد): the common and the middle classes only.
        if " " not in n["a"] and n.get("fc") in ("c", "n"):
            add(n["a"], GIVEN)
    for arabic in json.loads(wheel(folder, "arabnamer").read("arabnamer/data/dict_FINAL.json")).values():
        for word in arabic.split():
            add(word, FOREIGN)
    cats = wheel(folder, "arwikicats")
    for arabic in json.loads(cats.read("ArWikiCats/jsons/people/peoples.json")).values():
        if isinstance(arabic, str):
            for word in arabic.split():
                add(word, FOREIGN)
    for arabic in json.loads(cats.read("ArWikiCats/jsons/cities/cities_full.json")).values():
        if isinstance(arabic, str):
            city = arabic.split("(")[0].strip()
            if " " not in city:
                add(city, PLACE)
    for line in wheel(folder, "geotext").read("geotext/data/cities15000.txt").decode("utf-8").splitlines():
        for name in line.split("\t")[3].split(","):
            if " " not in name.strip():
                add(name, PLACE)

    # The thousand commonest words (في, سيتي's neighbours ...) say nothing of a club.
    common = set()
    for line in open(WORDFREQ, encoding="utf-8"):
        if not line.startswith("#") and len(common) < 1000:
            common.update(line.rstrip("\n").split("\t")[1].split(" "))
    for arabic in json.loads(cats.read("ArWikiCats/jsons/sports/Clubs_key.json")).values():
        if isinstance(arabic, str):
            for word in arabic.split():
                if word not in CLUB_WORDS and word not in common:
                    add(word, CLUB)

    by_flags = collections.defaultdict(list)
    for word, f in flags.items():
        by_flags[f].append(word)
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# Name lists (see data/model/README.md for sources and licences): flags<TAB>words; 1 given name, 2 surname, 4 foreign name, 8 place, 16 club. Made by scripts/lexicon/names_ar.py\n")
        for f in sorted(by_flags):
            out.write(f"{f}\t{' '.join(sorted(by_flags[f]))}\n")
    print(f"{len(flags)} words: " + ", ".join(f"{f}: {len(w)}" for f, w in sorted(by_flags.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
