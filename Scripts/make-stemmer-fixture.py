#!/usr/bin/env python3
"""Regenerate Tests/SearchTests/Fixtures/snowball-english.tsv, the reference stems for EnglishStemmer.

Every distinct word of the ESCO skills and occupations texts is stemmed by the reference implementation,
the `snowballstemmer` package (`pip install snowballstemmer`), so the Swift port can be checked word for word.
A developer tool, run by hand from anywhere:

    python3 Scripts/make-stemmer-fixture.py

The ESCO CSVs live outside the project (../shared/data/esco); the product never reads them.
"""

import csv
import re
import sys
import unicodedata
from pathlib import Path

import snowballstemmer

PROJECT = Path(__file__).resolve().parent.parent
SOURCES = [
    PROJECT / "../shared/data/esco/skills.csv",
    PROJECT / "../shared/data/esco/occupations.csv",
]
OUTPUT = PROJECT / "Tests/SearchTests/Fixtures/snowball-english.tsv"
HEADER = (
    "# Derived from the ESCO taxonomy (European Commission, CC BY 4.0); "
    "stems by the snowballstemmer package (english)."
)
# The fixture ships in the test bundle; past this size, keep a deterministic sample instead of every word.
MAX_WORDS = 150_000

LETTER_RUN = re.compile(r"[^\W\d_]+")  # runs of Unicode letters
ASCII_WORD = re.compile(r"[a-z]{3,}")


def fold(token: str) -> str:
    """Lower-case and strip accents, the way the search analyzer prepares tokens for the stemmer."""
    decomposed = unicodedata.normalize("NFKD", token.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(path: Path) -> set[str]:
    found: set[str] = set()
    csv.field_size_limit(sys.maxsize)
    with path.open(newline="", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            for column, text in row.items():
                # The `id` column is a URI with a UUID: its fragments are not words.
                if column == "id" or not text:
                    continue
                for token in LETTER_RUN.findall(text):
                    folded = fold(token)
                    if ASCII_WORD.fullmatch(folded):
                        found.add(folded)
    return found


def main() -> None:
    vocabulary: set[str] = set()
    for source in SOURCES:
        vocabulary |= words(source)
    selected = sorted(vocabulary)
    if len(selected) > MAX_WORDS:
        step = len(selected) / MAX_WORDS
        selected = [selected[int(i * step)] for i in range(MAX_WORDS)]

    stemmer = snowballstemmer.stemmer("english")
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with OUTPUT.open("w", encoding="utf-8", newline="\n") as out:
        out.write(HEADER + "\n")
        for word in selected:
            out.write(f"{word}\t{stemmer.stemWord(word)}\n")
    print(f"wrote {len(selected)} words to {OUTPUT.relative_to(PROJECT)}")


if __name__ == "__main__":
    main()
