#!/usr/bin/env bash
# Checks EnglishStemmer against the Snowball reference stems in the test fixture without building the package:
# compiles the stemmer with a tiny driver in a temporary directory and diffs its output against the fixture.
# Usage: Scripts/check-stemmer.sh   (exit status 0 when every word stems like snowballstemmer)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
fixture="$root/Tests/SearchTests/Fixtures/snowball-english.tsv"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cat > "$work/main.swift" <<'SWIFT'
let stemmer = EnglishStemmer()
while let word = readLine() { print(stemmer.stem(word)) }
SWIFT
swiftc -O -swift-version 6 \
    -enable-upcoming-feature ExistentialAny -enable-upcoming-feature InternalImportsByDefault \
    "$root"/Sources/Search/Analysis/EnglishStemmer*.swift "$work/main.swift" -o "$work/stem"

grep -v '^#' "$fixture" > "$work/expected.tsv"
cut -f1 "$work/expected.tsv" | "$work/stem" | paste <(cut -f1 "$work/expected.tsv") - > "$work/actual.tsv"

if diff "$work/expected.tsv" "$work/actual.tsv" > "$work/diff.txt"; then
    echo "stemmer agrees with snowballstemmer on $(wc -l < "$work/expected.tsv") words"
else
    echo "stemmer disagrees with snowballstemmer on $(grep -c '^<' "$work/diff.txt") words (< expected, > actual):"
    head -40 "$work/diff.txt"
    exit 1
fi
