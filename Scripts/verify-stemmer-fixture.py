#!/usr/bin/env python3
"""Checks the stemmer fixture against the live reference: every word's stem in
Tests/SearchTests/Fixtures/snowball-english.tsv must be what the snowballstemmer package gives now.
Together with the Swift test that compares EnglishStemmer to the fixture, this compares the Swift
stemmer with the real peer. Exit status 1 on any difference."""
import pathlib
import sys

import snowballstemmer

fixture = pathlib.Path(__file__).resolve().parent.parent / "Tests/SearchTests/Fixtures/snowball-english.tsv"
stemmer = snowballstemmer.stemmer("english")
rows = [line.split("\t") for line in fixture.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
differences = [(word, stem, stemmer.stemWord(word)) for word, stem in rows if stemmer.stemWord(word) != stem]
for word, recorded, live in differences[:20]:
    print(f"{word}: fixture {recorded}, snowballstemmer {live}")
print(f"snowballstemmer: "
      f"{len(rows) - len(differences)} of {len(rows)} fixture stems agree")
sys.exit(1 if differences else 0)
