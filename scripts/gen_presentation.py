#!/usr/bin/env python3
"""Regenerate src/normalize/presentation.rs from Python's Unicode database.

Each Arabic presentation form (U+FB50–U+FDFF, U+FE70–U+FEFF) maps to its NFKC
decomposition; spacing forms of the harakat lose their leading space, so the
mark alone remains (and the normalizer then removes it like any other mark).
"""
import os
import unicodedata

rows = []
for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFF00)):
    ch = chr(cp)
    d = unicodedata.normalize("NFKC", ch)
    if d != ch and d.strip():
        if d.startswith(" "):
            d = d[1:]
        rows.append((cp, d))
out = [
    "// Generated from Unicode NFKC decompositions (Python unicodedata %s) by" % unicodedata.unidata_version,
    "// scripts/gen_presentation.py: Arabic Presentation Forms-A (U+FB50–U+FDFF) and -B",
    "// (U+FE70–U+FEFF) mapped to the base letters they draw. Sorted by code point.",
    "pub(super) static PRESENTATION: &[(char, &str)] = &[",
]
for cp, d in rows:
    esc = "".join("\\u{%x}" % ord(c) for c in d)
    out.append("    ('\\u{%x}', \"%s\"), // %s" % (cp, esc, unicodedata.name(chr(cp))))
out.append("];")
path = os.path.join(os.path.dirname(__file__), "..", "src", "normalize", "presentation.rs")
with open(path, "w", encoding="utf-8") as f:
    f.write("\n".join(out) + "\n")
print(f"{len(rows)} forms written to {os.path.normpath(path)}")
